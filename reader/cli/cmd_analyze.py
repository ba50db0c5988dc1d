"""`newsreader analyze FILE…|-`: quotes, speakers and actors, as text or JSON."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cli.json_output import print_json
from reader.errors import UserError
from reader.model import Analysis, Article

if TYPE_CHECKING:
    from reader.analysis.gazetteer import Gazetteer


def register(subparsers: argparse._SubParsersAction) -> None:
    from reader.cli import add_store_option

    parser = subparsers.add_parser("analyze", help="show who said what in article files")
    parser.add_argument("files", nargs="+", metavar="FILE", help="article files, or - for standard input")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the analysis as JSON")
    output.add_argument("--jsonl", action="store_true", help="print one JSON object per line, in argument order")
    parser.add_argument("--raw", action="store_true", help="take each input as the body exactly (no header parsing)")
    add_store_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from reader.analysis.serialize import analysis_document
    from reader.cli.common import load_gazetteer_for_cli

    gazetteer = load_gazetteer_for_cli(args)
    max_bytes = _max_file_bytes()
    articles = (article for name in args.files for article in _read_articles(name, raw=args.raw, max_bytes=max_bytes))
    documents = []
    for article, analysis in _analysed(articles, gazetteer, files=len(args.files)):
        if args.jsonl:
            print_json(analysis_document(article, analysis), indent=None)
        elif args.json:
            documents.append(analysis_document(article, analysis))
        else:
            _print_summary(article, analysis)
    if args.json:
        payload = documents[0] if len(documents) == 1 else documents
        print_json(payload)
    return 0


def _analysed(articles: Iterator[Article], gazetteer: Gazetteer, files: int) -> Iterator[tuple[Article, Analysis]]:
    """Each article with its analysis, in order; many files are shared out among
    processes on every core, as indexing does."""
    from reader.analysis import analyze_article
    from reader.index.worker import POOL_MINIMUM, analyse_in_order, available_cores

    cores = available_cores()
    if files < POOL_MINIMUM or cores < 2:
        yield from ((article, analyze_article(article, gazetteer)) for article in articles)
        return
    for article, analysis in analyse_in_order(articles, gazetteer, cores, article_of=lambda article: article):
        if isinstance(analysis, str):
            raise UserError(f"{article.path}: the analysis failed ({analysis})")
        yield article, analysis


def _max_file_bytes() -> int:
    from reader.cli.common import store_rules

    return int(store_rules()["max_bytes"])


def _read_articles(name: str, *, raw: bool, max_bytes: int) -> list[Article]:
    from reader.store import parse_text
    from reader.text import safe_name

    if name == "-":
        text = sys.stdin.read()
    else:
        from reader.regular_file import read_regular_file

        try:
            data = read_regular_file(Path(name), max_bytes)
        except OSError as error:
            raise UserError(f"cannot read {name}: {error.strerror or error}") from None
        text = data.decode("utf-8", errors="replace")
    if raw:
        # The body stays exactly as given so offsets index the input; JSON
        # output escapes whatever in it could drive a terminal.
        shown = safe_name(name)
        return [Article(id=shown, path=shown, body=text, title="")]
    articles, problems = parse_text(text, name if name != "-" else "stdin.txt")
    from reader.cli.common import say

    for problem in problems:
        say(problem)
    if not articles and problems:
        raise UserError(f"{name}: no article could be read")
    return articles


def counted(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def _print_summary(article: Article, analysis: Analysis) -> None:
    from reader.text import clean_line

    print(clean_line(article.title) or article.id)
    for actor in analysis.actors:
        print(f"  {actor.kind:<12} {clean_line(actor.name)}  ({counted(actor.mentions, 'mention')}, {counted(actor.quotes, 'quote')})")
    for quote in analysis.quotes:
        if quote.kind in ("statement", "reported"):
            speaker = clean_line(quote.speaker) if quote.speaker else _unnamed(article.body, quote)
            how = " (reported)" if quote.kind == "reported" else ""
            loaded = f" [{clean_line(quote.cue)}]" if quote.cue and quote.cue_group == "loaded" else ""
            print(f"  {speaker}{how}{loaded}: {clean_line(quote.text)}")


def _unnamed(body: str, quote) -> str:
    from reader.present.citation import speaker_words
    from reader.text import clean_line

    if quote.speaker_kind == "anonymous" and quote.speaker_descriptor:
        return f"{clean_line(quote.speaker_descriptor)} (anonymous)"
    words = speaker_words(body, quote)  # "a spokeswoman for the bank": described, not named
    return clean_line(words) if words else "?"
