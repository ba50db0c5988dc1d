"""A glance at an existing index before anything else runs: the app's first frame.

The app lists the newest articles, and reads the one it opens, from here on its
UI thread before its first paint, so a warm archive is on screen in that frame.
The database is opened read-only and checked only for being our index, in this
schema, of this store. Anything else (no index yet, an old or foreign one, a
locked or broken file) gives None, and the archive worker does the full open,
with its notices, after the first paint. Imports stay light: this runs before
the first frame.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from reader.index.codec import (
    ARTICLE_COLUMNS,
    article_from_row,
    decode_analysis,
    unpack_text,
)
from reader.index.schema import database_path, unusable_reason
from reader.model import Analysis, Article, ArticleSummary

SUMMARY_COLUMNS = "a.id, a.path, a.title, a.sort_key, a.source, a.dateline, a.words"


def read_article(connection: sqlite3.Connection, article_id: str) -> Article | None:
    """The whole article (body from the index), or None."""
    row = connection.execute(
        f"SELECT {ARTICLE_COLUMNS} FROM articles a JOIN bodies b ON b.article = a.rowid WHERE a.id = ?", (article_id,)
    ).fetchone()
    return article_from_row(row) if row is not None else None


def read_analysis(connection: sqlite3.Connection, article_id: str) -> Analysis | None:
    """The article's cached analysis, or None if it has none (see `Index.analysis`)."""
    row = connection.execute(
        "SELECT x.data, b.body FROM articles a JOIN analyses x ON x.article = a.rowid"
        " JOIN bodies b ON b.article = a.rowid WHERE a.id = ?",
        (article_id,),
    ).fetchone()
    if row is None or row[0] is None:
        return None
    return decode_analysis(row[0], unpack_text(row[1]))


def summaries_from_rows(rows: list[tuple], dates: dict[int, date | None]) -> list[ArticleSummary]:
    """`SUMMARY_COLUMNS` rows as summaries; `dates` caches each sort key's date (0: undated)."""
    for sort_key in {row[3] for row in rows} - dates.keys():
        dates[sort_key] = date.fromordinal(sort_key)
    make = ArticleSummary
    return [make(r[0], r[1], r[2], dates[r[3]], r[4], r[5], r[6]) for r in rows]


class IndexPeek:
    """The newest articles of a store's index and a way to read one and its analysis; close when done."""

    def __init__(self, connection: sqlite3.Connection, newest: list[ArticleSummary], total: int) -> None:
        self._connection: sqlite3.Connection | None = connection
        self.newest = newest
        self.total = total

    def article(self, article_id: str) -> Article | None:
        try:
            return read_article(self._connection, article_id) if self._connection is not None else None
        except sqlite3.Error:
            return None

    def analysis(self, article_id: str) -> Analysis | None:
        try:
            return read_analysis(self._connection, article_id) if self._connection is not None else None
        except sqlite3.Error:
            return None

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def peek_index(store_root: Path, limit: int, cache_dir: Path | None = None) -> IndexPeek | None:
    """The newest `limit` articles of the store's index (newest first, as the
    index lists them) if there is a usable one, else None. Never raises."""
    try:
        if cache_dir is None:
            from reader.paths import cache_dir as default_cache_dir

            cache_dir = default_cache_dir()
        path = database_path(Path(store_root), Path(cache_dir))
        if not path.is_file():
            return None
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=0.2, check_same_thread=False)
    except (OSError, ValueError, sqlite3.Error):
        return None
    try:
        newest, total = _read(connection, Path(store_root), limit)
    except (sqlite3.Error, ValueError, TypeError, OSError):
        connection.close()
        return None
    if newest is None:
        connection.close()
        return None
    return IndexPeek(connection, newest, total)


def _read(connection: sqlite3.Connection, store_root: Path, limit: int) -> tuple[list[ArticleSummary] | None, int]:
    if unusable_reason(connection, store_root) is not None:
        return None, 0
    total = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    rows = connection.execute(
        f"SELECT {SUMMARY_COLUMNS} FROM articles a ORDER BY a.sort_key DESC, a.id LIMIT ?", (limit,)
    ).fetchall()
    return summaries_from_rows(rows, {0: None}), total
