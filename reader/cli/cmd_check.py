"""`newsreader check`: every file the store could not read as it should, actors.yaml included."""

from __future__ import annotations

import argparse

from reader.cli import add_store_option
from reader.cli.json_output import print_json


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check", help="list every problem in the store (exit 1 if a file could not be loaded)"
    )
    add_store_option(parser)
    parser.add_argument("--json", action="store_true", help="print the problems as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from reader.analysis.gazetteer import load_gazetteer
    from reader.cli.common import load_store
    from reader.paths import config_dir
    from reader.store import safe_name

    scan = load_store(args)
    # The actors files (config folder, then store) are checked too: a bad entry there is
    # skipped by every command, so this is where a reader finds out which and why.
    gazetteer, gazetteer_problems = load_gazetteer(scan.root, config_dir())
    problems = [*gazetteer_problems, *scan.problems, *_unmatched_quote_fixes(scan, gazetteer)]
    errors = len(scan.fatal)
    warnings = len(problems) - errors
    if args.json:
        document = {
            "store": safe_name(str(scan.root)),
            "articles": len(scan.articles),
            "errors": errors,
            "warnings": warnings,
            "problems": [
                {"path": p.path, "line": p.line, "reason": p.reason, "fatal": p.fatal} for p in problems
            ],
        }
        print_json(document)
    else:
        for problem in problems:
            print(problem if problem.fatal else _warning(problem))
        print(
            f"{len(scan.articles)} {_plural(len(scan.articles), 'article')} in {safe_name(str(scan.root))}: "
            f"{errors} {_plural(errors, 'error')}, {warnings} {_plural(warnings, 'warning')}"
        )
    return 1 if errors else 0


def _unmatched_quote_fixes(scan, gazetteer) -> list:
    from reader.analysis import analyze_article
    from reader.corrections import load_corrections
    from reader.corrections.unmatched import unmatched_quote_fixes

    corrections, _problems = load_corrections(scan.root)  # its problems are the scan's already
    return unmatched_quote_fixes(corrections, scan.get, lambda article: analyze_article(article, gazetteer))


def _warning(problem) -> str:
    from reader.text import safe_name

    where = f"{problem.path}:{problem.line}" if problem.line else problem.path
    return safe_name(f"{where}: warning: {problem.reason}")


def _plural(count: int, noun: str) -> str:
    return noun if count == 1 else noun + "s"
