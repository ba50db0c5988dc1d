"""`newsreader show ID`: one article in the terminal, as plain text, or as JSON."""

from __future__ import annotations

import argparse
import sys

from reader.cli import add_store_option
from reader.cli.json_output import print_json
from reader.errors import UserError
from reader.model import Analysis, Article
from reader.present.rows import day_label  # Textual-free: the one place dates are worded

# The app's highlights in Rich terms. Never colour alone: each kind has its own attributes.
HIGHLIGHT_STYLES = {
    "statement": "italic green",
    "reported": "dim italic green",
    "term": "italic underline yellow",
    "speaker": "bold reverse green",
    "person": "bold cyan",
    "organisation": "bold underline magenta",
    "place": "underline blue",
}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("show", help="show one article (by the id `newsreader list` prints)")
    add_store_option(parser)
    parser.add_argument("id", metavar="ID", help="article id: its path in the store, plus #N for multi-article files")
    parser.add_argument("--json", action="store_true", help="print the article, its body and its analysis as JSON")
    parser.add_argument("--no-pager", action="store_true", help="print straight out, never through $PAGER")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from reader.cli.common import article_fields, load_store

    from reader.cli.pager import print_paged

    scan = load_store(args)
    article = find_article(scan, args.id)
    if args.json:
        from reader.analysis.serialize import analysis_parts

        analysis = _analysis(article, args, scan.root)
        print_json({**article_fields(article), "body": article.body, **analysis_parts(analysis)})
    elif sys.stdout.isatty():
        from rich.console import Console

        console = Console()
        with console.capture() as captured:
            console.print(render_article(article, _analysis(article, args, scan.root)))
        print_paged(captured.get(), allow_pager=not args.no_pager)
    else:
        sys.stdout.write(plain_article(article))
    return 0


def _analysis(article: Article, args: argparse.Namespace, store_root) -> Analysis:
    """The analysis with the reader's corrections (corrections.yaml) applied, as the app shows it."""
    from reader.analysis import analyze_article
    from reader.cli.common import load_gazetteer_for_cli
    from reader.corrections import apply_corrections, load_corrections

    corrections, _problems = load_corrections(store_root)  # `check` reports them
    return apply_corrections(corrections, article.id, analyze_article(article, load_gazetteer_for_cli(args)))


def find_article(scan, wanted: str) -> Article:
    """The article with id `wanted`; failing that, the one file path `wanted`
    names, or the only id that starts with it."""
    import os

    from reader.store import safe_name

    article = scan.get(wanted)
    if article is not None:
        return article
    if os.path.exists(wanted):
        real = os.path.abspath(wanted)
        matches = [a for a in scan.articles if a.path == real]
        if len(matches) == 1:
            return matches[0]
    matches = [a for a in scan.articles if a.id.startswith(wanted)] if wanted else []
    if len(matches) == 1:
        return matches[0]
    hint = f" ({len(matches)} ids start with it)" if len(matches) > 1 else ""
    raise UserError(f"no article with id {safe_name(wanted)!r} in {safe_name(str(scan.root))}{hint}; see `newsreader list`")


def header_fields(article: Article) -> list[str]:
    parts = [
        day_label(article.date) if article.date else "undated",  # as the reading pane says it
        article.dateline,
        article.source,
        f"by {article.byline}" if article.byline and not article.byline.lower().startswith("by ") else article.byline,
        f"{article.words:,} words",
        f"{article.reading_minutes} min read",
    ]
    return [part for part in parts if part]


def plain_article(article: Article) -> str:
    return f"{article.title}\n{' · '.join(header_fields(article))}\n\n{article.body}\n"


def render_article(article: Article, analysis: Analysis | None = None):
    """The article as Rich renderables: a header (with a legend of the styles used),
    a rule, then the body with the analysis' quotes, speakers and actors highlighted,
    the same spans as the app. Text is never markup."""
    from rich.console import Group
    from rich.rule import Rule
    from rich.text import Text

    from reader.present.spans import LEGEND, highlight_spans

    title = Text(article.title, style="bold")
    meta = Text(" · ".join(header_fields(article)), style="dim")
    body = Text(article.body)
    if analysis is not None:
        kinds = set()
        for kind, start, end in highlight_spans(article.body, analysis):
            body.stylize(HIGHLIGHT_STYLES[kind], start, end)
            kinds.add(kind)
        used = [(label, HIGHLIGHT_STYLES[kind]) for kind, label in LEGEND if kind in kinds]
        if used:
            meta.append("\n")
            meta.append(Text("  ").join(Text(label, style=style) for label, style in used))
    return Group(title, meta, Rule(style="dim"), body)
