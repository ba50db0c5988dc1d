"""`newsreader actors`: every actor in the store, most written-about first."""

from __future__ import annotations

import argparse

from reader.cli import add_store_option
from reader.cli.json_output import print_json

KINDS = ("person", "organisation", "place")
ALIASES = {"org": "organisation", "organization": "organisation", "people": "person", "persons": "person", "places": "place"}


def kind_name(text: str) -> str:
    """A kind as typed: any case, `org` or the American spelling for organisation."""
    text = text.strip().casefold()
    return ALIASES.get(text, text)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("actors", help="every actor in the store, with article, mention and quote counts")
    add_store_option(parser)
    parser.add_argument("--json", action="store_true", help="print a JSON array of actors")
    parser.add_argument(
        "--kind", type=kind_name, choices=KINDS, metavar="KIND",
        help="only actors of this kind: person, organisation (or org), place",
    )
    parser.add_argument("--limit", type=int, default=0, metavar="N", help="show at most N actors (default: all)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from reader.cli.common import load_gazetteer_for_cli, warn_about_problems
    from reader.index.cli_support import open_synced_index
    from reader.store import resolve_store
    from reader.text import clean_line

    root = resolve_store(getattr(args, "store", None))
    with open_synced_index(root, load_gazetteer_for_cli(args)) as index:
        actors = index.actors(kind=args.kind, weeks=0)
        warn_about_problems(index.problems())
    if args.limit and args.limit > 0:
        actors = actors[: args.limit]
    if args.json:
        document = [
            {"id": a.id, "name": a.name, "kind": a.kind, "articles": a.articles, "mentions": a.mentions, "quotes": a.quotes}
            for a in actors
        ]
        print_json(document)
        return 0
    if not actors:
        print("no actors found")
        return 0
    print(f"{'ARTICLES':>8} {'MENTIONS':>8} {'QUOTES':>6}  {'KIND':<12} NAME")
    for a in actors:
        print(f"{a.articles:>8} {a.mentions:>8} {a.quotes:>6}  {a.kind:<12} {clean_line(a.name)}")
    return 0
