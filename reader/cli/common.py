"""What the subcommands share: finding the store and loading it."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TextIO, TypedDict

from reader.model import Article, Problem


def say(message: object, file: TextIO | None = None) -> None:
    """One line for the user on stderr (or `file`), everything in it that could
    drive a terminal escaped: messages quote file names, keys and values."""
    from reader.text import safe_name

    print(f"newsreader: {safe_name(str(message))}", file=file or sys.stderr)


def load_store(args: argparse.Namespace):
    """Resolve the store from `--store`/env/config/sample and scan it (a StoreScan)."""
    from reader.config import load_config
    from reader.store import resolve_store, scan_store

    config, warnings = load_config()
    for warning in warnings:
        say(warning)
    root = resolve_store(getattr(args, "store", None))
    return scan_store(root, max_bytes=config.max_file_bytes, outside_links=config.follow_outside_links)


class StoreRules(TypedDict):
    max_bytes: int
    outside_links: bool


def store_rules() -> StoreRules:
    """The config's rules for reading the store, as keywords for `Index.open`."""
    from reader.config import load_config

    config, _warnings = load_config()  # reported by the commands that print the config's warnings
    return {"max_bytes": config.max_file_bytes, "outside_links": config.follow_outside_links}


def article_fields(article: Article) -> dict[str, object]:
    """An article's metadata as JSON-ready data (no body)."""
    from reader.store import safe_name

    return {
        "id": article.id,
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
        "source": article.source,
        "dateline": article.dateline,
        "byline": article.byline,
        "url": article.url,
        "tags": list(article.tags),
        "path": safe_name(article.path),
        "words": article.words,
        "reading_minutes": article.reading_minutes,
    }


def warn_about_problems(problems: Sequence[Problem]) -> None:
    """One line on stderr when some files could not be read, pointing at `check`: the same
    line from every command that lists or counts the store (`scan.problems`, `index.problems()`)."""
    if problems:
        count = len(problems)
        fatal = sum(1 for problem in problems if problem.fatal)
        noun = "problem" if count == 1 else "problems"
        detail = f" ({fatal} {'file' if fatal == 1 else 'files'} not loaded)" if fatal else ""
        say(f"{count} {noun} in the store{detail}; run `newsreader check`")


def load_gazetteer_for_cli(args: argparse.Namespace):
    """The built-in gazetteer plus the user's actors.yaml (config folder, then store root,
    which wins). A broken actors.yaml is a warning naming path:line and reason, never a crash."""
    from reader.analysis.gazetteer import load_gazetteer
    from reader.errors import UserError
    from reader.paths import config_dir
    from reader.store import resolve_store

    store_root = None
    try:
        store_root = resolve_store(getattr(args, "store", None))
    except UserError:
        pass  # commands that need the store report this themselves
    gazetteer, problems = load_gazetteer(store_root, config_dir())
    for problem in problems:
        say(problem)
    return gazetteer
