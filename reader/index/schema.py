"""The index database: where it lives, its tables, and opening it safely.

The database is a cache derived from the store. Anything unexpected in it (not
SQLite at all, another program's file, another store's index) means it is moved
aside and built again; our own index with another schema version is simply
deleted and built again. The caller gets a warning, never an exception.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import sqlite3
import time
from pathlib import Path

# Bump on any change to the tables below: older databases are then rebuilt.
SCHEMA_VERSION = 6
# "NwsR": marks the file as ours, so a foreign SQLite file is never reused.
APPLICATION_ID = 0x4E777352

TOKENIZER = "unicode61 remove_diacritics 2"
# bm25 weights: a word in the title counts as much as several in the body.
RANK = "bm25(8.0, 1.0)"

# Size matters at 100,000 articles, so text is stored once: bodies zlib-compressed in
# `bodies`, and a contentless FTS table holding only the inverted index (detail=full,
# for phrases). Names are stored once in `actors` and `name_keys`, rows refer to ids.
_TABLES = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE files (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    sha256 BLOB NOT NULL,           -- 32 bytes; empty when unreadable
    analyser TEXT NOT NULL          -- sync.analyser_key() its articles' analyses are (to be) made with
);
CREATE INDEX files_by_hash ON files (sha256);

CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    file TEXT NOT NULL,             -- files.path
    path TEXT NOT NULL,             -- Article.path (absolute, for opening)
    sort_key INTEGER NOT NULL,      -- date ordinal, 0 when undated
    title TEXT NOT NULL,
    source TEXT,
    source_key TEXT,
    byline TEXT,
    dateline TEXT,
    url TEXT,
    tags TEXT NOT NULL,             -- JSON list
    words INTEGER NOT NULL
);
-- Covers the sidebar listing, so listing 100,000 articles reads only this index.
CREATE INDEX articles_by_date ON articles (sort_key DESC, id, path, title, source, dateline, words);
CREATE INDEX articles_by_file ON articles (file);

-- The body, zlib-compressed UTF-8 (codec.pack_text).
CREATE TABLE bodies (article INTEGER PRIMARY KEY, body BLOB NOT NULL);

CREATE TABLE problems (
    file TEXT NOT NULL,             -- files.path
    path TEXT NOT NULL,             -- Problem.path (display-safe)
    line INTEGER,
    reason TEXT NOT NULL,
    fatal INTEGER NOT NULL,
    article INTEGER                 -- set for a failed analysis of this article
);
CREATE INDEX problems_by_file ON problems (file);

-- The analysis of one article (codec.encode_analysis); data is NULL when the analyser
-- failed on it. An article without a row here is waiting for analysis.
CREATE TABLE analyses (article INTEGER PRIMARY KEY, data BLOB);

-- One row per real-world actor across the archive: every writing of a name with the same
-- identity (analysis.identity.identity_key: no titles, middle initials, possessives or odd
-- spaces) is this row; `name` is the fullest writing seen, for display.
CREATE TABLE actors (id INTEGER PRIMARY KEY, identity TEXT NOT NULL UNIQUE, name TEXT NOT NULL);
CREATE TABLE name_keys (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE);  -- query.name_key(name)

-- One row per actor per article (sort_key copied from articles for store-wide counts).
CREATE TABLE article_actors (
    article INTEGER NOT NULL,
    actor INTEGER NOT NULL,         -- actors.id
    kind TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    quotes INTEGER NOT NULL,
    sort_key INTEGER NOT NULL,
    PRIMARY KEY (article, actor)
) WITHOUT ROWID;
CREATE INDEX article_actors_by_actor ON article_actors (actor, kind, sort_key, mentions, quotes);

-- Every name (canonical or alias) under which an actor appears in an article.
CREATE TABLE actor_names (
    key INTEGER NOT NULL,           -- name_keys.id
    article INTEGER NOT NULL,
    actor INTEGER NOT NULL,         -- actors.id
    PRIMARY KEY (key, article, actor)
) WITHOUT ROWID;
CREATE INDEX actor_names_by_article ON actor_names (article);

CREATE TABLE quotes (
    article INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT,                      -- NULL when it is the body's text from start to end, as almost always
    kind TEXT NOT NULL,
    speaker TEXT,
    speaker_start INTEGER,
    speaker_end INTEGER,
    cue TEXT,
    cue_start INTEGER,
    cue_end INTEGER,
    speaker_via TEXT,
    speaker_kind TEXT,              -- person | organisation | document | anonymous
    speaker_descriptor TEXT,
    anonymity_reason TEXT,
    cue_group TEXT,                 -- neutral | loaded (analysis/data/cue_groups.yaml)
    cue_verb TEXT,                  -- the verb the cue is a form of ("claimed" -> "claim"), for verb:
    speaker_actor INTEGER,          -- actors.id of the speaker, when the speaker is one of the article's actors
    PRIMARY KEY (article, start)
) WITHOUT ROWID;
CREATE INDEX quotes_by_speaker ON quotes (speaker_actor, article) WHERE speaker_actor IS NOT NULL;
CREATE INDEX quotes_by_verb ON quotes (cue_verb, article) WHERE cue_verb IS NOT NULL;
CREATE INDEX quotes_anonymous ON quotes (article) WHERE speaker_kind = 'anonymous';

-- Only the inverted index (rowid = articles.rowid); rows are removed with FTS5's
-- 'delete' command, which needs the text as inserted (see sync._forget_articles).
CREATE VIRTUAL TABLE fts USING fts5 (title, body, content='', tokenize='{TOKENIZER}');
CREATE TRIGGER articles_delete AFTER DELETE ON articles BEGIN
    DELETE FROM bodies WHERE article = old.rowid;
    DELETE FROM analyses WHERE article = old.rowid;
    DELETE FROM article_actors WHERE article = old.rowid;
    DELETE FROM actor_names WHERE article = old.rowid;
    DELETE FROM quotes WHERE article = old.rowid;
END;
INSERT INTO fts (fts, rank) VALUES ('rank', '{RANK}');
"""


# Every table but `meta` and the FTS index: what `Index.clear` empties.
CONTENT_TABLES = (
    "articles", "files", "bodies", "problems", "analyses", "actors", "name_keys", "article_actors", "actor_names", "quotes",
)


def database_path(store_root: Path, cache_dir: Path) -> Path:
    """One database per store, named from its resolved path."""
    digest = hashlib.sha256(str(store_root.resolve()).encode("utf-8", "surrogateescape")).hexdigest()
    return cache_dir / "index" / f"{digest[:20]}.sqlite3"


# How long a statement waits for another program's lock on the index before giving up
# (newsreader's own writers take turns through locking.SyncLock instead).
BUSY_SECONDS = 5


def connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=True)
    connection.execute(f"PRAGMA busy_timeout = {BUSY_SECONDS * 1000}")
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute("PRAGMA cache_size = -32000")
    connection.execute("PRAGMA temp_store = MEMORY")
    return connection


def prepare(path: Path, store_root: Path) -> list[str]:
    """Make `path` a usable index for `store_root`; return warnings for the user."""
    path.parent.mkdir(parents=True, exist_ok=True)
    warnings: list[str] = []
    if path.exists():
        reason = _unusable_reason(path, store_root)
        if reason is None:
            return warnings
        if reason.startswith(_OUTDATED):
            # Our own index in another layout holds nothing worth keeping: it is
            # rebuilt, and a copy would cost as much disk as the index.
            _remove(path)
            warnings.append(f"index {path.name} {reason}; rebuilding it")
        else:
            aside = _move_aside(path)
            warnings.append(f"index {path.name} {reason}; moved it to {aside.name} and rebuilding")
    _create(path, store_root)
    return warnings


def _unusable_reason(path: Path, store_root: Path) -> str | None:
    try:
        connection = sqlite3.connect(path, timeout=BUSY_SECONDS)
        try:
            reason = unusable_reason(connection, store_root)
            if reason is None:
                connection.execute("SELECT count(*) FROM files").fetchone()
                reason = _missing_parts(connection)
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        if is_busy(error):
            return None  # another program holds it: in use, not broken (reading says so)
        return f"is unreadable ({error})"
    return reason


def unusable_reason(connection: sqlite3.Connection, store_root: Path) -> str | None:
    """Why an open database is not this store's index in this schema; None if it is."""
    if connection.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        return "is not a newsreader index"
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version != SCHEMA_VERSION:
        return f"{_OUTDATED} {version}, expected {SCHEMA_VERSION}"
    row = connection.execute("SELECT value FROM meta WHERE key = 'store'").fetchone()
    if row is None or row[0] != str(store_root.resolve()):
        return "belongs to another store"
    return None


_OUTDATED = "has schema version"
_PARTS = frozenset(re.findall(r"CREATE (?:VIRTUAL )?(?:TABLE|INDEX|TRIGGER) (\w+)", _TABLES))


def _missing_parts(connection: sqlite3.Connection) -> str | None:
    """A damaged index: a table, index or trigger of the schema is gone."""
    present = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    missing = sorted(_PARTS - present)
    return f"is damaged (no {', '.join(missing)})" if missing else None


# SQLite's words for a database that cannot be trusted any more.
_CORRUPT_CODES = frozenset(("SQLITE_CORRUPT", "SQLITE_CORRUPT_VTAB", "SQLITE_CORRUPT_SEQUENCE", "SQLITE_NOTADB"))
_CORRUPT_WORDS = ("malformed", "not a database", "no such table", "no such column", "no such index", "corrupt")


def is_corrupt(error: BaseException) -> bool:
    """Whether `error` says the index itself is damaged (rather than busy or full)."""
    if not isinstance(error, sqlite3.DatabaseError):
        return False
    if getattr(error, "sqlite_errorname", None) in _CORRUPT_CODES:
        return True
    return any(words in str(error).lower() for words in _CORRUPT_WORDS)


def damage(path: Path, error: BaseException) -> str | None:
    """Why the index at `path` is damaged, given an error met using it; None if it is not.
    Damage shows as any error at all (a broken b-tree breaks a UNIQUE constraint), so an
    error that does not say it is checked with SQLite's quick_check."""
    if is_corrupt(error):
        return f"was corrupt ({error})"
    if not isinstance(error, sqlite3.DatabaseError) or is_busy(error) or is_disk_error(error):
        return None
    try:
        connection = sqlite3.connect(path, timeout=BUSY_SECONDS)
        try:
            found = [row[0] for row in connection.execute("PRAGMA quick_check(3)")]
        finally:
            connection.close()
    except sqlite3.DatabaseError as check_error:
        return None if is_busy(check_error) else f"was corrupt ({check_error})"
    if found == ["ok"]:
        return None
    return f"was corrupt ({'; '.join(found)})"


def is_busy(error: BaseException) -> bool:
    """Whether `error` says another program holds a lock on the index."""
    if not isinstance(error, sqlite3.OperationalError):
        return False
    name = getattr(error, "sqlite_errorname", None) or ""
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in str(error).lower()


def is_disk_error(error: BaseException) -> bool:
    """Whether `error` says the disk refused a write (full, over a size limit, failing)."""
    if isinstance(error, OSError):
        return error.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT, errno.EIO)
    if not isinstance(error, sqlite3.DatabaseError):
        return False
    name = getattr(error, "sqlite_errorname", None) or ""
    return name.startswith(("SQLITE_FULL", "SQLITE_IOERR")) or any(
        words in str(error).lower() for words in ("disk is full", "disk i/o error")
    )


def disk_error_message(folder: Path, error: BaseException) -> str:
    reason = getattr(error, "strerror", None) or str(error)
    return f"cannot write the index in {folder}: {reason} (is the disk full?)"


def discard(path: Path, reason: str) -> str:
    """Move a damaged index aside (its copy kept for a bug report); the notice for the user."""
    reason = " ".join(reason.split())
    reason = reason if len(reason) <= 160 else reason[:159] + "…"
    try:
        aside = _move_aside(path)
    except FileNotFoundError:
        return f"index {path.name} {reason}; rebuilding it"
    return f"index {path.name} {reason}; moved it to {aside.name} and rebuilding"


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            path.with_name(path.name + suffix).unlink()
        except FileNotFoundError:
            pass


def _move_aside(path: Path) -> Path:
    # Keep only the latest moved-aside copy: each is as large as an index.
    for older in path.parent.glob(path.name + ".broken-*"):
        try:
            older.unlink()
        except OSError:
            pass
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.broken-{stamp}-{os.getpid()}")
    os.replace(path, aside)
    for suffix in ("-wal", "-shm", "-journal"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            try:
                companion.unlink()
            except OSError:
                pass
    return aside


def _create(path: Path, store_root: Path) -> None:
    # Build under a temporary name so a half-made index is never found.
    temporary = path.with_name(f"{path.name}.new-{os.getpid()}")
    temporary.unlink(missing_ok=True)
    connection = sqlite3.connect(temporary, isolation_level=None)
    try:
        connection.executescript(
            "BEGIN;"
            + _TABLES
            + f"PRAGMA application_id = {APPLICATION_ID};"
            + f"PRAGMA user_version = {SCHEMA_VERSION};"
            + "COMMIT;"
        )
        connection.execute("INSERT INTO meta (key, value) VALUES ('store', ?)", (str(store_root.resolve()),))
        connection.execute("PRAGMA journal_mode = WAL")
    finally:
        connection.close()
    os.replace(temporary, path)
