"""`newsreader reindex [--full]`: bring the index cache up to date, with a report."""

from __future__ import annotations

import argparse
import sys
import time

from reader.cli import add_store_option
from reader.cli.json_output import print_json


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("reindex", help="update the search index now (--full: rebuild it)")
    add_store_option(parser)
    parser.add_argument("--full", action="store_true", help="empty the index first and build it from scratch")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from reader.cli.common import load_gazetteer_for_cli, say, store_rules
    from reader.index import Index
    from reader.store import resolve_store

    root = resolve_store(getattr(args, "store", None))
    started = time.monotonic()
    with Index.open(root, **store_rules()) as index:
        for warning in index.warnings:
            say(warning)
        if args.full:
            index.clear()  # in place: an app following the index keeps working
        progress = _progress if sys.stderr.isatty() else None
        result = index.sync(progress=progress, gazetteer=load_gazetteer_for_cli(args))
        for notice in index.take_notices():
            say(notice)
        if progress:
            sys.stderr.write("\r\x1b[K")
        articles = index.count()
    seconds = time.monotonic() - started
    if args.json:
        print_json({
            "added": result.added, "updated": result.updated, "removed": result.removed,
            "problems": len(result.problems), "articles": articles, "seconds": round(seconds, 3),
        }, indent=None)
    else:
        print(
            f"{articles:,} articles indexed: {result.added} files added, {result.updated} updated, "
            f"{result.removed} removed, {len(result.problems)} problems ({seconds:.1f} s)"
        )
    return 0


def _progress(done: int, total: int) -> None:
    sys.stderr.write(f"\rindexing {done:,}/{total:,} files")
    sys.stderr.flush()
