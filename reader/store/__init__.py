"""The article store: a folder of `.txt`, `.yaml`/`.yml` and `.md` files, scanned
recursively into frozen `Article`s, with every unreadable file a `Problem`.

Public API (others build on these names):

- `scan_store(root, *, max_bytes=8_000_000) -> StoreScan` — `articles` (newest
  first, undated last, then by id), `problems`, `root`, and `get(id)`.
- `parse_file(path, root, *, max_bytes=…) -> (articles, problems)`.
- `parse_text(text, name) -> (articles, problems)` — the format comes from
  `name`'s suffix (and a leading `---`); `name` is also the id.
- `resolve_store(cli_value) -> Path` — `--store`, `$NEWSREADER_STORE`, the
  config file's `store:`, then the bundled sample; `UserError` if unusable.
- `find_article_files(root) -> ([(path, rel)], problems)` — the walk alone
  (for the index cache): same skipping, symlink and loop rules as the scan.
- `safe_name(name) -> str` — the display-safe form used for ids.

Identity: `Article.id` is the path relative to the store root (posix), plus
`#N` (1-based) for the N-th article of a file holding several. Control,
invisible and unencodable characters in file names are escaped in the id
(`\\x1b`, `\\u202e`), so ids are always safe to print; `Article.path` keeps the
real absolute path for opening. `Problem.path` is the display-safe relative path.

All text is sanitised here (`clean_text` for bodies, `clean_line` for every
other field), so nothing downstream needs to distrust it. No Textual, no Rich.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.lazy import lazy_attributes
from reader.text import safe_name

if TYPE_CHECKING:
    from reader.model import Article, Problem
    from reader.store.formats import ARTICLE_SUFFIXES
    from reader.store.resolve import resolve_store
    from reader.store.scan import (
        GAZETTEER_NAMES,
        MAX_BYTES,
        StoreScan,
        find_article_files,
        parse_file,
        scan_store,
        sort_articles,
    )

# Imported on first use: starting the app needs only `resolve_store`, not the parsers.
_HOMES = {
    "ARTICLE_SUFFIXES": "formats",
    "GAZETTEER_NAMES": "scan",
    "MAX_BYTES": "scan",
    "StoreScan": "scan",
    "find_article_files": "scan",
    "parse_file": "scan",
    "resolve_store": "resolve",
    "scan_store": "scan",
    "sort_articles": "scan",
}

__all__ = [
    "ARTICLE_SUFFIXES",
    "GAZETTEER_NAMES",
    "MAX_BYTES",
    "StoreScan",
    "find_article_files",
    "parse_file",
    "parse_text",
    "resolve_store",
    "safe_name",
    "scan_store",
    "sort_articles",
]

__getattr__ = lazy_attributes(__name__, _HOMES)


def parse_text(text: str, name: str) -> tuple[list[Article], list[Problem]]:
    """Articles from text that did not come from a store (a file argument, stdin)."""
    from reader.store.formats import parse_document

    shown = safe_name(name)
    return parse_document(text, name=name, id=shown, path=name, problem_path=shown)
