"""`newsreader sources`: how each outlet quotes: quotes, anonymous sources, loaded verbs, who."""

from __future__ import annotations

import argparse

from reader.cli import add_store_option
from reader.cli.json_output import print_json

NO_SOURCE = "(no source)"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "sources", help="per outlet: quotes, share from anonymous sources, share with loaded verbs, most quoted"
    )
    add_store_option(parser)
    parser.add_argument("--json", action="store_true", help="print a JSON array, one object per outlet")
    parser.add_argument("--top", type=int, default=3, metavar="N", help="most quoted speakers shown per outlet (default 3)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from reader.cli.common import load_gazetteer_for_cli, warn_about_problems
    from reader.index.cli_support import open_synced_index
    from reader.store import resolve_store
    from reader.text import clean_line

    root = resolve_store(getattr(args, "store", None))
    with open_synced_index(root, load_gazetteer_for_cli(args)) as index:
        outlets = index.outlets(top=max(0, args.top))
        warn_about_problems(index.problems())
    if args.json:
        print_json(
            [
                {
                    "source": o.source,
                    "articles": o.articles,
                    "quotes": o.quotes,
                    "reported": o.reported,
                    "anonymous": o.anonymous,
                    "anonymous_share": round(o.anonymous_share, 4),
                    "loaded": o.loaded,
                    "loaded_share": round(o.loaded_share, 4),
                    "most_quoted": [{"speaker": name, "quotes": count} for name, count in o.top_speakers],
                }
                for o in outlets
            ]
        )
        return 0
    if not outlets:
        print("no articles found")
        return 0
    print(f"{'ARTICLES':>8} {'QUOTES':>7} {'REPORTED':>8} {'ANON':>6} {'LOADED':>6}  SOURCE: MOST QUOTED")
    for o in outlets:
        who = ", ".join(f"{clean_line(name)} ({count})" for name, count in o.top_speakers)
        source = clean_line(o.source) if o.source else NO_SOURCE
        print(
            f"{o.articles:>8} {o.quotes:>7} {o.reported:>8} {_percent(o.anonymous_share):>6} {_percent(o.loaded_share):>6}"
            f"  {source}{': ' + who if who else ''}"
        )
    return 0


def _percent(share: float) -> str:
    return f"{100 * share:.0f}%"
