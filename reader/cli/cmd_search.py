"""`newsreader search QUERY`: full-text search over the store, best matches first."""

from __future__ import annotations

import argparse
import re

from reader.cli import add_store_option
from reader.cli.json_output import print_json

# `actor:Kim Jong Un` as one shell word: a filter whose further words are all capitalised.
_FILTER_WITH_NAME = re.compile(r'^(actor|said|source):([^"\s:]+(?:\s+[A-Z][^"\s:]*)+)\s*$')


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "search",
        help="search the store: words, \"phrases\", actor:, said:, verb:, anon:, source:, from:, to:",
        # Laid out by hand: argparse's wrapping broke `from:YYYY-MM-DD` at its hyphens.
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=(
            'Words must all occur (title or body); "quoted phrases" match as written;\n'
            "word* matches a prefix. Filters:\n"
            '  actor:"Kim Jong Un"  articles that mention the actor\n'
            '  said:"Kim Jong Un"   articles that quote them, directly or in reported speech\n'
            "  verb:claimed         a quote with that verb (or verb:loaded, verb:neutral)\n"
            "  anon:yes             a quote from an anonymous source (anon:no: none)\n"
            "  source:NAME          the article's source contains NAME\n"
            "  from:YYYY-MM-DD      on or after the day (also YYYY or YYYY-MM)\n"
            "  to:YYYY-MM-DD        on or before the day (also YYYY or YYYY-MM)\n"
            "Everything combines with AND."
        ),
    )
    add_store_option(parser)
    parser.add_argument("query", nargs="+", metavar="QUERY", help="what to look for")
    parser.add_argument("--json", action="store_true", help="print a JSON array of hits")
    parser.add_argument("--limit", type=int, default=50, metavar="N", help="show at most N hits (default 50; 0: all)")
    parser.set_defaults(run=run)


def join_arguments(parts: list[str]) -> str:
    """The query from argv. The shell eats quotes (`actor:"Kim Jong Un"` arrives as
    `actor:Kim Jong Un`), so such a name is quoted again; `'source:ap strike'`
    (a whole query in one argument) is left alone."""
    joined = []
    for part in parts:
        match = _FILTER_WITH_NAME.match(part)
        joined.append(f'{match[1]}:"{match[2]}"' if match else part)
    return " ".join(joined)


def run(args: argparse.Namespace) -> int:
    from reader.cli.common import load_gazetteer_for_cli, warn_about_problems
    from reader.errors import UserError
    from reader.index import parse_query
    from reader.index.cli_support import open_synced_index
    from reader.index.query import range_problem
    from reader.store import resolve_store
    from reader.text import clean_line

    query = parse_query(join_arguments(args.query))  # bad syntax fails before any indexing
    if problem := range_problem(query):
        raise UserError(problem)
    root = resolve_store(getattr(args, "store", None))
    with open_synced_index(root, load_gazetteer_for_cli(args)) as index:
        hits = index.search(query, limit=args.limit if args.limit and args.limit > 0 else None)
        warn_about_problems(index.problems())
    if args.json:
        document = [
            {
                "id": hit.summary.id,
                "title": hit.summary.title,
                "date": hit.summary.date.isoformat() if hit.summary.date else None,
                "source": hit.summary.source,
                "snippet": hit.snippet,
                "rank": round(hit.rank, 4),
            }
            for hit in hits
        ]
        print_json(document)
        return 0
    for hit in hits:
        summary = hit.summary
        when = summary.date.isoformat() if summary.date else "undated"
        source = f"  ({clean_line(summary.source)})" if summary.source else ""
        print(f"{when}  {summary.id}{source}")
        print(f"    {clean_line(summary.title)}")
        if hit.snippet:
            print(f"    {clean_line(hit.snippet)}")
    if not hits:
        print("no matches")
    return 0
