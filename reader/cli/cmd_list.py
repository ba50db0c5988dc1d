"""`newsreader list`: the store's articles, newest first, as a table or JSON."""

from __future__ import annotations

import argparse
import os
import shutil
import sys

from reader.cli import add_store_option
from reader.cli.json_output import print_json


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("list", help="list the articles in the store, newest first")
    add_store_option(parser)
    parser.add_argument("--json", action="store_true", help="print a JSON array of articles")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from reader.cli.common import article_fields, load_store, warn_about_problems

    scan = load_store(args)
    if args.json:
        print_json([article_fields(a) for a in scan.articles])
    else:
        width = _width()
        for line in table_lines(scan.articles, width):
            print(line)
    warn_about_problems(scan.problems)
    return 0


def _width() -> int | None:
    """The terminal's width, or None (no cropping) when output goes to a pipe."""
    if sys.stdout.isatty() or os.environ.get("COLUMNS"):
        return shutil.get_terminal_size().columns
    return None


def table_lines(articles, width: int | None) -> list[str]:
    """Aligned columns DATE, ID, SOURCE, TITLE; cropped to `width` cells when given."""
    from rich.cells import cell_len, set_cell_size

    rows = [
        (a.date.isoformat() if a.date else "undated", a.id, a.source or "", a.title or "")
        for a in articles
    ]
    header = ("DATE", "ID", "SOURCE", "TITLE")
    widths = [max([cell_len(row[i]) for row in rows] + [cell_len(header[i])]) for i in range(4)]
    if width is not None:
        # The title gets what is left, but never less than 20 cells: shrink id and source first.
        spare = width - (widths[0] + widths[1] + widths[2] + 6)
        if spare < 20:
            widths[2] = min(widths[2], 18)
            widths[1] = max(12, min(widths[1], width - widths[0] - widths[2] - 6 - 20))
        widths[3] = max(0, width - (widths[0] + widths[1] + widths[2] + 6))
    lines = []
    for row in [header, *rows]:
        cells = [_fit(row[i], widths[i], set_cell_size, cell_len) for i in range(4)]
        lines.append("  ".join(cells).rstrip())
    return lines


def _fit(text: str, width: int, set_cell_size, cell_len) -> str:
    if cell_len(text) > width and width > 1:
        return set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)
