"""Bringing the index up to date with the store: only changed files are read again.

A file is read again when it is new, when its size or mtime changed and its
content hash did too (a touched file only has its stat refreshed), or when it
was analysed by another analyser version or gazetteer. Files gone from the
store are dropped; a rename is a drop plus an add. Each file is written in one
transaction batch, so a cancelled or interrupted sync leaves a consistent index
that the next sync completes.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.index.codec import encode_analysis
from reader.index.query import name_key
from reader.model import Analysis, Article, Problem
from reader.store import ARTICLE_SUFFIXES, GAZETTEER_NAMES, find_article_files
from reader.store.formats import suffix_of
from reader.store.names import safe_name

# The `problems.file` of problems that belong to the walk, not to one file.
WALK = ""


BATCH_SECONDS = 0.5
BATCH_FILES = 500
PROGRESS_SECONDS = 0.1

Progress = Callable[[int, int], None]
Analyze = Callable[[Article, Any], Analysis]


@dataclass(frozen=True, slots=True)
class SyncResult:
    added: int = 0  # files new to the index
    updated: int = 0  # files read again (edited, or analysed by another version)
    removed: int = 0  # files no longer in the store
    problems: tuple[Problem, ...] = ()  # found in the files read during this sync
    cancelled: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


@dataclass(slots=True)
class _Stat:
    absolute: str
    size: int
    mtime_ns: int


@dataclass(slots=True)
class _Counts:
    added: int = 0
    updated: int = 0
    removed: int = 0
    problems: list[Problem] = field(default_factory=list)


def is_article_file(relative: str) -> bool:
    """The store's rules (reader.store.scan): article suffixes, no hidden names,
    and no gazetteer file."""
    name = relative.rpartition("/")[2]
    if any(part.startswith(".") for part in relative.split("/")):
        return False
    return name not in GAZETTEER_NAMES and suffix_of(name) in ARTICLE_SUFFIXES


def walk_store(root: Path) -> tuple[dict[str, _Stat], list[Problem]]:
    """Every article file under `root` by relative POSIX path, as the store's scan
    finds them, and the problems met on the way (unreadable folders, loops)."""
    files, problems = find_article_files(root)
    found: dict[str, _Stat] = {}
    for absolute, relative in files:
        try:
            stat = os.stat(absolute)
        except OSError:
            stat = None
        # An unstatable file is still listed, so reading it fails into a Problem.
        found[relative] = _Stat(absolute, stat.st_size, stat.st_mtime_ns) if stat else _Stat(absolute, -1, 0)
    return found, problems


def analyser_key(gazetteer: Any) -> str:
    """What the cached analyses depend on: the analyser version and the gazetteer."""
    import reader.analysis

    version = str(reader.analysis.ANALYSER_VERSION)
    if gazetteer is None:
        return version
    fingerprint = getattr(gazetteer, "fingerprint", None)
    if callable(fingerprint):
        fingerprint = fingerprint()
    if fingerprint is None:
        text = repr(gazetteer)
        # A repr with object addresses changes every run; it would defeat the cache.
        fingerprint = type(gazetteer).__name__ if " at 0x" in text else text
    return version + "/" + hashlib.sha256(str(fingerprint).encode("utf-8", "surrogateescape")).hexdigest()[:16]


def default_analyze(article: Article, gazetteer: Any) -> Analysis:
    from reader.analysis import analyze_article

    return analyze_article(article, gazetteer)


def sync_store(
    connection: sqlite3.Connection,
    root: Path,
    *,
    only: Iterable[str] | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    gazetteer: Any = None,
    analyze: Analyze | None = None,
) -> SyncResult:
    """Update the index behind `connection` from the files under `root`.

    `only` limits the sync to these relative paths (live updates); a listed
    path that no longer exists is removed from the index.
    """
    analyze = analyze or default_analyze
    key = analyser_key(gazetteer)
    known = {row[0]: row[1:] for row in connection.execute("SELECT path, size, mtime_ns, sha256, analyser FROM files")}
    walk_problems: list[Problem] | None = None
    if only is None:
        on_disk, walk_problems = walk_store(root)
        gone = [path for path in known if path not in on_disk]
    else:
        on_disk, gone = _stat_paths(root, only)
        gone = [path for path in gone if path in known]
    todo = [
        path
        for path, stat in on_disk.items()
        if path not in known or known[path][0] != stat.size or known[path][1] != stat.mtime_ns or known[path][3] != key
    ]
    todo.sort()
    counts = _Counts()
    reporter = _Reporter(progress, len(todo))
    batch = _Batch(connection)
    cancelled = False
    try:
        if walk_problems is not None:
            batch.begin()
            connection.execute("DELETE FROM problems WHERE file = ?", (WALK,))
            connection.executemany(
                "INSERT INTO problems (file, path, line, reason, fatal) VALUES (?, ?, ?, ?, ?)",
                [(WALK, p.path, p.line, p.reason, int(p.fatal)) for p in walk_problems],
            )
        for path in gone:
            batch.begin()
            _forget_file(connection, path)
            counts.removed += 1
        batch.maybe_commit()
        for done, path in enumerate(todo):
            if cancel is not None and cancel.is_set():
                cancelled = True
                break
            batch.begin()
            _index_file(connection, root, path, on_disk[path], known.get(path), key, gazetteer, analyze, counts)
            batch.maybe_commit()
            reporter(done + 1)
        batch.commit()
    except BaseException:
        batch.rollback()
        raise
    reporter.finish(cancelled)
    return SyncResult(counts.added, counts.updated, counts.removed, tuple(counts.problems), cancelled)


def _stat_paths(root: Path, paths: Iterable[str]) -> tuple[dict[str, _Stat], list[str]]:
    present: dict[str, _Stat] = {}
    gone: list[str] = []
    top = os.path.abspath(os.fspath(root))
    real_top = os.path.realpath(top)
    for given in paths:
        absolute = os.path.join(top, given)  # an absolute `given` replaces `top`
        relative = _relative(absolute, top)
        if relative is None:  # perhaps a resolved path into a symlinked store root
            relative = _relative(os.path.join(os.path.realpath(os.path.dirname(absolute)), os.path.basename(absolute)), real_top)
            if relative is None:
                continue
            absolute = os.path.join(top, relative)
        if not is_article_file(relative):
            continue
        try:
            stat = os.stat(absolute)
        except FileNotFoundError:
            if os.path.islink(absolute):  # broken symlink: report it, as the walk does
                present[relative] = _Stat(absolute, -1, 0)
            else:
                gone.append(relative)
            continue
        except OSError:
            present[relative] = _Stat(absolute, -1, 0)
            continue
        if os.path.isfile(absolute):
            present[relative] = _Stat(absolute, stat.st_size, stat.st_mtime_ns)
        else:
            gone.append(relative)
    return present, gone


def _relative(absolute: str, top: str) -> str | None:
    relative = os.path.relpath(os.path.normpath(absolute), top)
    if relative == "." or relative.startswith(".."):
        return None
    return relative.replace(os.sep, "/")


def _index_file(
    connection: sqlite3.Connection,
    root: Path,
    path: str,
    stat: _Stat,
    previous: tuple | None,
    key: str,
    gazetteer: Any,
    analyze: Analyze,
    counts: _Counts,
) -> None:
    try:
        with open(stat.absolute, "rb") as handle:
            data = handle.read()
    except FileNotFoundError as error:
        if not os.path.islink(stat.absolute):  # deleted since the walk
            if previous is not None:
                _forget_file(connection, path)
                counts.removed += 1
            return
        data = None
        read_error = OSError(error.errno, "broken symlink")
    except OSError as error:
        data = None
        read_error = error
    digest = hashlib.sha256(data).hexdigest() if data is not None else ""
    if previous is not None and data is not None and previous[2] == digest and previous[3] == key:
        # Touched, not changed: remember the new stat and keep everything else.
        connection.execute(
            "UPDATE files SET size = ?, mtime_ns = ? WHERE path = ?", (stat.size, stat.mtime_ns, path)
        )
        return
    if previous is None:
        counts.added += 1
    else:
        counts.updated += 1
        _forget_file(connection, path)
    if data is None:
        articles: list[Article] = []
        problems = [Problem(safe_name(path), f"cannot read: {(read_error.strerror or str(read_error)).lower()}")]
    else:
        articles, problems = _parse(Path(stat.absolute), root, path)
    connection.execute(
        "INSERT INTO files (path, size, mtime_ns, sha256, analyser) VALUES (?, ?, ?, ?, ?)",
        (path, stat.size, stat.mtime_ns, digest, key),
    )
    for article in articles:
        problem = _insert_article(connection, path, article, gazetteer, analyze)
        if problem is not None:
            problems.append(problem)
    connection.executemany(
        "INSERT INTO problems (file, path, line, reason, fatal) VALUES (?, ?, ?, ?, ?)",
        [(path, p.path, p.line, p.reason, int(p.fatal)) for p in problems],
    )
    counts.problems.extend(problems)


def _parse(absolute: Path, root: Path, path: str) -> tuple[list[Article], list[Problem]]:
    from reader.store import parse_file

    try:
        articles, problems = parse_file(absolute, root)
    except Exception as error:  # a parser bug must not stop the whole store
        return [], [Problem(safe_name(path), f"could not be parsed ({type(error).__name__}: {error})")]
    return list(articles), list(problems)


def _insert_article(
    connection: sqlite3.Connection, path: str, article: Article, gazetteer: Any, analyze: Analyze
) -> Problem | None:
    source = article.source or None
    try:
        cursor = connection.execute(
            "INSERT INTO articles (id, file, path, sort_key, title, source, source_key, byline, dateline, url, tags,"
            " words) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id,
                path,
                article.path,
                article.date.toordinal() if article.date else 0,
                article.title,
                source,
                name_key(source) if source else None,
                article.byline,
                article.dateline,
                article.url,
                json.dumps(list(article.tags), ensure_ascii=False),
                article.words,
            ),
        )
    except sqlite3.IntegrityError:
        return Problem(safe_name(path), f"article id {article.id} appears twice; the second was skipped", fatal=False)
    rowid = cursor.lastrowid
    connection.execute("INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)", (rowid, article.title, article.body))
    try:
        analysis = analyze(article, gazetteer)
    except Exception as error:  # an analyser bug costs one article its highlights, no more
        return Problem(safe_name(path), f"analysis failed for {article.id} ({type(error).__name__}: {error})", fatal=False)
    _insert_analysis(connection, rowid, article.date.toordinal() if article.date else 0, analysis)
    return None


def _insert_analysis(connection: sqlite3.Connection, rowid: int, sort_key: int, analysis: Analysis) -> None:
    connection.execute("INSERT INTO analyses (article, data) VALUES (?, ?)", (rowid, encode_analysis(analysis)))
    actors: dict[str, list] = {}
    for actor in analysis.actors:
        row = actors.setdefault(actor.name, [actor.kind, 0, 0])
        row[1] += actor.mentions
        row[2] += actor.quotes
    connection.executemany(
        "INSERT INTO article_actors (article, actor, kind, mentions, quotes, sort_key) VALUES (?, ?, ?, ?, ?, ?)",
        [(rowid, name, kind, mentions, quotes, sort_key) for name, (kind, mentions, quotes) in actors.items()],
    )
    names: set[tuple[str, str]] = set()
    for actor in analysis.actors:
        names.add((name_key(actor.name), actor.name))
        names.update((name_key(alias), actor.name) for alias in actor.aliases)
    names.update((name_key(m.text), m.actor) for m in analysis.mentions if m.actor in actors)
    connection.executemany(
        "INSERT OR IGNORE INTO actor_names (key, article, actor) VALUES (?, ?, ?)",
        [(k, rowid, actor) for k, actor in names if k],
    )
    connection.executemany(
        "INSERT OR IGNORE INTO quotes (article, start, \"end\", text, kind, speaker, speaker_start, speaker_end,"
        " cue, cue_start, cue_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (rowid, q.start, q.end, q.text, q.kind, q.speaker, q.speaker_start, q.speaker_end, q.cue, q.cue_start, q.cue_end)
            for q in analysis.quotes
        ],
    )


def _forget_file(connection: sqlite3.Connection, path: str) -> None:
    # The delete trigger on articles removes text, analyses, actors and quotes.
    connection.execute("DELETE FROM articles WHERE file = ?", (path,))
    connection.execute("DELETE FROM problems WHERE file = ?", (path,))
    connection.execute("DELETE FROM files WHERE path = ?", (path,))


class _Batch:
    """Explicit transactions, committed every BATCH_SECONDS or BATCH_FILES."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.open = False
        self.started = 0.0
        self.files = 0

    def begin(self) -> None:
        if not self.open:
            self.connection.execute("BEGIN IMMEDIATE")
            self.open = True
            self.started = time.monotonic()
            self.files = 0
        self.files += 1

    def maybe_commit(self) -> None:
        if self.open and (self.files >= BATCH_FILES or time.monotonic() - self.started >= BATCH_SECONDS):
            self.commit()

    def commit(self) -> None:
        if self.open:
            self.connection.execute("COMMIT")
            self.open = False

    def rollback(self) -> None:
        if self.open:
            self.open = False
            try:
                self.connection.execute("ROLLBACK")
            except sqlite3.Error:
                pass


class _Reporter:
    """Calls `progress(done, total)` at the start, at most every PROGRESS_SECONDS, and at the end."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress = progress
        self.total = total
        self.done = 0
        self.last = time.monotonic()
        if progress is not None:
            progress(0, total)

    def __call__(self, done: int) -> None:
        self.done = done
        if self.progress is None:
            return
        now = time.monotonic()
        if now - self.last >= PROGRESS_SECONDS:
            self.last = now
            self.progress(done, self.total)

    def finish(self, cancelled: bool) -> None:
        if self.progress is not None and not cancelled and self.total:
            self.progress(self.total, self.total)
