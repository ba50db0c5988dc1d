"""Bringing the index up to date with the store: only changed files are read again.

A file is read again when it is new, when its size or mtime changed and its
content hash did too (a touched file only has its stat refreshed). Files gone
from the store are dropped; a rename is a drop plus an add.

Two phases, so the article list fills fast: phase 1 reads and parses the files
and stores each article's metadata, body and search terms; phase 2 analyses the
articles still waiting (newest first), in worker processes when there are many
and more than one core. An article whose analysis is pending simply has none
(`Index.analysis` returns None). When the analyser version or gazetteer changes,
analyses are dropped and redone without reading the files again.

Writes are committed in batches, so a cancelled or interrupted sync leaves a
consistent index that the next sync completes.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.corrections import Corrections, apply_corrections, load_corrections
from reader.index.codec import ARTICLE_COLUMNS, article_from_row, encode_analysis, pack_text, unpack_text
from reader.index.corrections_sync import refresh_corrected
from reader.index.query import name_key
from reader.index.worker import POOL_MINIMUM, analyse_in_order, analyse_one, available_cores
from reader.model import Analysis, Article, Problem
from reader.regular_file import read_regular_file
from reader.store import ARTICLE_SUFFIXES, GAZETTEER_NAMES, MAX_BYTES, find_article_files
from reader.store.formats import suffix_of
from reader.store.scan import OUTSIDE_LINK, is_inside, is_utf8
from reader.text import safe_name

# The `problems.file` of problems that belong to the walk, not to one file.
WALK = ""


BATCH_SECONDS = 0.5
FIRST_BATCH_SECONDS = 0.1  # a new store's first articles are listed (readable) at once
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
    analysed: int = 0  # articles analysed during this sync (phase 2)
    pending: int = 0  # articles still waiting for analysis afterwards (a cancelled sync)

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
    analysed: int = 0
    problems: list[Problem] = field(default_factory=list)


def is_article_file(relative: str) -> bool:
    """The store's rules (reader.store.scan): article suffixes, no hidden names,
    and no gazetteer file."""
    name = relative.rpartition("/")[2]
    if any(part.startswith(".") for part in relative.split("/")):
        return False
    return name not in GAZETTEER_NAMES and suffix_of(name) in ARTICLE_SUFFIXES


def walk_store(root: Path, outside_links: bool = False) -> tuple[dict[str, _Stat], list[Problem]]:
    """Every article file under `root` by relative POSIX path, as the store's scan
    finds them, and the problems met on the way (unreadable folders, loops)."""
    files, problems = find_article_files(root, outside_links=outside_links)
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
    listed: Callable[[], None] | None = None,
    analysis_progress: Progress | None = None,
    workers: int | None = None,
    max_bytes: int = MAX_BYTES,
    outside_links: bool = False,
) -> SyncResult:
    """Update the index behind `connection` from the files under `root`.

    `only` limits the sync to these relative paths (live updates); a listed
    path that no longer exists is removed from the index, and only their
    articles are analysed. `progress(done, total)` counts files read plus
    articles analysed, unless `analysis_progress` is given: then `progress`
    counts files and `analysis_progress` articles. `listed()` is called once
    phase 1 is committed (every article listed and searchable). `workers`:
    analyser processes (None: one per core when worthwhile; 1: this process).
    `max_bytes` and `outside_links` are the store's rules (config `max_file_bytes`,
    `follow_outside_links`): a larger file is a problem, never read.
    """
    key = analyser_key(gazetteer)
    corrections, correction_problems = load_corrections(root)
    known = {row[0]: row[1:] for row in connection.execute("SELECT path, size, mtime_ns, sha256, analyser FROM files")}
    walk_problems: list[Problem] | None = None
    if only is None:
        on_disk, walk_problems = walk_store(root, outside_links)
        gone = [path for path in known if path not in on_disk]
    else:
        on_disk, gone = _stat_paths(root, only, outside_links)
        gone = [path for path in gone if path in known]
    todo = []
    stale = []  # unchanged files whose analyses were made with another analyser
    for path, stat in on_disk.items():
        previous = known.get(path)
        if previous is None or previous[0] != stat.size or previous[1] != stat.mtime_ns:
            todo.append(path)
        elif _limit_changed(connection, path, previous, stat, max_bytes):
            todo.append(path)
        elif previous[3] != key:
            stale.append(path)
    # Names sort by date in most stores (2024/05/…, 2024-05-17-…): newest first, so
    # the top of the list fills in first while a new store is read.
    todo.sort(reverse=True)
    counts = _Counts()
    pending_before = 0 if only is not None else _pending_count(connection)
    combined = analysis_progress is None
    # Until phase 1 has parsed them, count one article per file to analyse.
    reporter = _Reporter(progress, len(todo) + (len(todo) + len(stale) + pending_before if combined else 0))
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
        batch.begin()
        counts.updated += refresh_corrected(connection, corrections, correction_problems)
        for path in gone:
            batch.begin()
            _forget_file(connection, path)
            counts.removed += 1
        for path in stale:
            batch.begin()
            _drop_analyses(connection, path, key)
            counts.updated += 1
            batch.maybe_commit()
        batch.first_articles()
        for done, path in enumerate(todo):
            if cancel is not None and cancel.is_set():
                cancelled = True
                break
            batch.begin()
            _index_file(connection, root, path, on_disk[path], known.get(path), key, counts, max_bytes, outside_links)
            batch.maybe_commit()
            reporter(done + 1)
        batch.commit()
        if listed is not None:
            listed()
        if not cancelled:
            files = todo if only is not None else None
            pending = _pending(connection, None if files is None else files + stale)
            if combined:
                reporter.total = len(todo) + len(pending)
                offset = len(todo)
                report = lambda done: reporter(offset + done)  # noqa: E731
            else:
                reporter.finish(False)
                reporter = _Reporter(analysis_progress, len(pending))
                report = reporter
            cancelled = _analyse(connection, pending, gazetteer, analyze, cancel, workers, batch, report, counts, corrections)
            batch.commit()
    except BaseException:
        batch.rollback()
        raise
    reporter.finish(cancelled)
    return SyncResult(
        counts.added, counts.updated, counts.removed, tuple(counts.problems), cancelled,
        analysed=counts.analysed, pending=_pending_count(connection),
    )


def _limit_changed(connection: sqlite3.Connection, path: str, previous: tuple, stat: _Stat, max_bytes: int) -> bool:
    """An unchanged file read again because `max_file_bytes` changed: it now fits,
    having been refused, or it was read and is now over the limit."""
    if previous[2]:
        return stat.size > max_bytes
    refused = connection.execute(
        "SELECT 1 FROM problems WHERE file = ? AND reason LIKE 'larger than the % limit%'", (path,)
    ).fetchone()
    return refused is not None and 0 <= stat.size <= max_bytes


def _stat_paths(root: Path, paths: Iterable[str], outside_links: bool = False) -> tuple[dict[str, _Stat], list[str]]:
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
        if not is_utf8(relative):
            continue  # SQLite cannot hold the name: the next full sync's walk reports it
        if not outside_links and os.path.islink(absolute) and not is_inside(absolute, real_top):
            present[relative] = _Stat(absolute, -1, 0)  # reported when it is "read"
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
        elif os.path.isdir(absolute):
            gone.append(relative)
        else:  # a FIFO, device or socket: reported, never opened
            present[relative] = _Stat(absolute, stat.st_size, stat.st_mtime_ns)
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
    counts: _Counts,
    max_bytes: int = MAX_BYTES,
    outside_links: bool = False,
) -> None:
    refusal = _refusal(root, path, stat.absolute, outside_links)
    try:
        if refusal is not None:
            raise refusal
        data = read_regular_file(stat.absolute, max_bytes)
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
    digest = hashlib.sha256(data).digest() if data is not None else b""
    if previous is not None and data is not None and previous[2] == digest:
        # Touched, not changed: remember the new stat and keep everything else.
        connection.execute(
            "UPDATE files SET size = ?, mtime_ns = ? WHERE path = ?", (stat.size, stat.mtime_ns, path)
        )
        if previous[3] != key:
            _drop_analyses(connection, path, key)
            counts.updated += 1
        return
    if previous is None:
        counts.added += 1
    else:
        counts.updated += 1
        _forget_file(connection, path)
    if data is None:
        articles: list[Article] = []
        problems = [_read_problem(path, read_error)]
    else:
        articles, problems = _parse(data, stat.absolute, path)
    connection.execute(
        "INSERT INTO files (path, size, mtime_ns, sha256, analyser) VALUES (?, ?, ?, ?, ?)",
        (path, stat.size, stat.mtime_ns, digest, key),
    )
    for article in articles:
        problem = _insert_article(connection, path, article)
        if problem is not None:
            problems.append(problem)
    _insert_problems(connection, path, problems)
    counts.problems.extend(problems)


def _insert_problems(connection: sqlite3.Connection, path: str, problems: list[Problem], article: int | None = None) -> None:
    connection.executemany(
        "INSERT INTO problems (file, path, line, reason, fatal, article) VALUES (?, ?, ?, ?, ?, ?)",
        [(path, p.path, p.line, p.reason, int(p.fatal), article) for p in problems],
    )


def _refusal(root: Path, path: str, absolute: str, outside_links: bool) -> OSError | None:
    """Why a file found by `_stat_paths` (a live update) is not read, as the walk
    would say it: a link out of the store."""
    if not outside_links and os.path.islink(absolute) and not is_inside(absolute, os.path.realpath(root)):
        return _Refused(OUTSIDE_LINK, fatal=False)
    return None


class _Refused(OSError):
    def __init__(self, reason: str, *, fatal: bool = True) -> None:
        super().__init__(0, reason)
        self.fatal = fatal


def _read_problem(path: str, error: OSError) -> Problem:
    if isinstance(error, _Refused):
        return Problem(safe_name(path), str(error.strerror), fatal=error.fatal)
    from reader.store.scan import _os_reason

    return Problem(safe_name(path), _os_reason(error))


def _parse(data: bytes, absolute: str, path: str) -> tuple[list[Article], list[Problem]]:
    from reader.store.scan import parse_bytes

    try:
        articles, problems = parse_bytes(data, absolute, path)
    except Exception as error:  # a parser bug must not stop the whole store
        return [], [Problem(safe_name(path), f"could not be parsed ({type(error).__name__}: {error})")]
    return list(articles), list(problems)


def _insert_article(connection: sqlite3.Connection, path: str, article: Article) -> Problem | None:
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
    connection.execute("INSERT INTO bodies (article, body) VALUES (?, ?)", (rowid, pack_text(article.body)))
    connection.execute("INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)", (rowid, article.title, article.body))
    return None


# -- phase 2: analysis --------------------------------------------------------

# Articles per task sent to a worker: large enough to amortise pickling, small
# enough that cancelling waits for little.
CHUNK = 16


def _pending(connection: sqlite3.Connection, files: list[str] | None) -> list[int]:
    """Articles without an analysis, in rowid order: rows then append to the analysis
    tables, which keeps their pages full (newest first made the index 30% larger)."""
    sql = (
        "SELECT a.rowid FROM articles a WHERE NOT EXISTS (SELECT 1 FROM analyses x WHERE x.article = a.rowid)"
    )
    if files is None:
        return [row[0] for row in connection.execute(sql + " ORDER BY a.rowid")]
    rowids: list[int] = []
    for path in files:
        rowids.extend(row[0] for row in connection.execute(sql + " AND a.file = ?", (path,)))
    return rowids


def _pending_count(connection: sqlite3.Connection) -> int:
    return connection.execute(
        "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM analyses x WHERE x.article = a.rowid)"
    ).fetchone()[0]


def _drop_analyses(connection: sqlite3.Connection, path: str, key: str) -> None:
    """Forget the analyses of this file's articles (made with another analyser): phase 2 redoes them."""
    rowids = [(row[0],) for row in connection.execute("SELECT rowid FROM articles WHERE file = ?", (path,))]
    for table, column in _ANALYSIS_TABLES:
        connection.executemany(f"DELETE FROM {table} WHERE {column} = ?", rowids)
    connection.execute("DELETE FROM problems WHERE file = ? AND article IS NOT NULL", (path,))
    connection.execute("UPDATE files SET analyser = ? WHERE path = ?", (key, path))


_ANALYSIS_TABLES = (("analyses", "article"), ("article_actors", "article"), ("actor_names", "article"), ("quotes", "article"))


@dataclass(slots=True)
class _Job:
    rowid: int
    file: str
    sort_key: int
    article: Article


def _jobs(connection: sqlite3.Connection, rowids: list[int]) -> Iterator[_Job]:
    sql = f"SELECT {ARTICLE_COLUMNS}, a.file FROM articles a JOIN bodies b ON b.article = a.rowid WHERE a.rowid = ?"
    for rowid in rowids:
        row = connection.execute(sql, (rowid,)).fetchone()
        if row is not None:
            yield _Job(rowid, row[10], row[4], article_from_row(row))


def _analyse(
    connection: sqlite3.Connection,
    rowids: list[int],
    gazetteer: Any,
    analyze: Analyze | None,
    cancel: threading.Event | None,
    workers: int | None,
    batch: _Batch,
    report: Callable[[int], None],
    counts: _Counts,
    corrections: Corrections,
) -> bool:
    """Analyse these articles; True if cancelled before all were done."""
    if not rowids:
        return False
    if workers is None:
        workers = available_cores() if analyze is None and len(rowids) >= POOL_MINIMUM else 1
    jobs = _jobs(connection, rowids)
    if workers > 1 and analyze is None:
        results = _in_processes(jobs, gazetteer, cancel, workers)
    else:
        results = _in_this_process(jobs, gazetteer, analyze or default_analyze, cancel)
    ids = _Ids(connection)
    done = 0
    for job, result in results:
        batch.begin()
        if isinstance(result, Analysis):
            _insert_analysis(connection, ids, job, result, corrections)
        else:
            connection.execute("INSERT INTO analyses (article, data) VALUES (?, NULL)", (job.rowid,))
            problem = Problem(safe_name(job.file), f"analysis failed for {job.article.id} ({result})", fatal=False)
            _insert_problems(connection, job.file, [problem], job.rowid)
            counts.problems.append(problem)
        counts.analysed += 1
        done += 1
        report(done)
        batch.maybe_commit()
    return done < len(rowids) and cancel is not None and cancel.is_set()


def _in_this_process(
    jobs: Iterator[_Job], gazetteer: Any, analyze: Analyze, cancel: threading.Event | None
) -> Iterator[tuple[_Job, Analysis | str]]:
    for job in jobs:
        if cancel is not None and cancel.is_set():
            return
        yield job, analyse_one(job.article, gazetteer, analyze)


def _in_processes(
    jobs: Iterator[_Job], gazetteer: Any, cancel: threading.Event | None, workers: int
) -> Iterator[tuple[_Job, Analysis | str]]:
    """The default analyser in `workers` processes, what they cannot do in this one."""
    def cancelled() -> bool:
        return cancel is not None and cancel.is_set()

    return analyse_in_order(
        jobs, gazetteer, workers, article_of=lambda job: job.article, cancelled=cancelled, chunk=CHUNK
    )


class _Ids:
    """Ids of actors (by identity, see analysis.identity) and of name keys, added as they
    are first seen. An actor's display name becomes the fullest writing met."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        from reader.analysis.identity import identity_key, plain_spaces  # the analysis package is heavy to import

        self.identity_key, self.plain_spaces = identity_key, plain_spaces
        self.connection = connection
        self.identities: dict[str, tuple[int, str]] = {
            identity: (id_, name) for id_, identity, name in connection.execute("SELECT id, identity, name FROM actors")
        }
        self.by_name: dict[tuple[str, bool], int] = {}
        self.keys: dict[str, int] = dict(connection.execute("SELECT key, id FROM name_keys"))

    def actor(self, name: str, person: bool = True) -> int:
        found = self.by_name.get((name, person))
        if found is not None:
            return found
        identity = self.identity_key(name, person)
        known = self.identities.get(identity)
        shown = self.plain_spaces(name)
        if known is None:
            found = _inserted(self.connection.execute("INSERT INTO actors (identity, name) VALUES (?, ?)", (identity, shown)))
            self.identities[identity] = (found, shown)
        else:
            found, was = known
            if _fuller(shown, was):
                self.connection.execute("UPDATE actors SET name = ? WHERE id = ?", (shown, found))
                self.identities[identity] = (found, shown)
        self.by_name[(name, person)] = found
        return found

    def key(self, key: str) -> int:
        found = self.keys.get(key)
        if found is None:
            found = self.keys[key] = _inserted(self.connection.execute("INSERT INTO name_keys (key) VALUES (?)", (key,)))
        return found


def _fuller(name: str, than: str) -> bool:
    """Whether `name` shows more of an actor than `than` ("John Q. Smith" over "John Smith");
    of two as full, the one in capitals loses ("SMITH" is a headline's)."""
    words, other = len(name.split()), len(than.split())
    if words != other:
        return words > other
    return than.isupper() and not name.isupper()


def _inserted(cursor: sqlite3.Cursor) -> int:
    """The rowid of the row an INSERT just added (always set after one)."""
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def _insert_analysis(connection: sqlite3.Connection, ids: _Ids, job: _Job, analysis: Analysis, corrections: Corrections) -> None:
    """The analysis as made (read back with the corrections of the moment), and the
    tables searched and counted as corrected (`reader.index.corrections_sync`)."""
    rowid = job.rowid
    connection.execute(
        "INSERT INTO analyses (article, data) VALUES (?, ?)", (rowid, encode_analysis(analysis, job.article.body))
    )
    analysis = apply_corrections(corrections, job.article.id, analysis)
    # Two actors of one article may be one identity ("John Q. Smith", "John Smith"): one row.
    is_person = {actor.name: actor.kind == "person" for actor in analysis.actors}
    actors: dict[int, list] = {}
    for actor in analysis.actors:
        row = actors.setdefault(ids.actor(actor.name, is_person[actor.name]), [actor.kind, 0, 0])
        row[1] += actor.mentions
        row[2] += actor.quotes
    connection.executemany(
        "INSERT INTO article_actors (article, actor, kind, mentions, quotes, sort_key) VALUES (?, ?, ?, ?, ?, ?)",
        [(rowid, actor, kind, mentions, quotes, job.sort_key) for actor, (kind, mentions, quotes) in actors.items()],
    )
    names: set[tuple[str, str]] = set()
    for actor in analysis.actors:
        names.add((name_key(actor.name), actor.name))
        names.update((name_key(alias), actor.name) for alias in actor.aliases)
    names.update((name_key(m.text), m.actor) for m in analysis.mentions if m.actor in is_person)
    connection.executemany(
        "INSERT OR IGNORE INTO actor_names (key, article, actor) VALUES (?, ?, ?)",
        [(ids.key(k), rowid, ids.actor(actor, is_person[actor])) for k, actor in names if k],
    )
    from reader.analysis.cue_groups import cue_groups

    verb = cue_groups().verb
    body = job.article.body
    connection.executemany(
        "INSERT OR IGNORE INTO quotes (article, start, \"end\", text, kind, speaker, speaker_start, speaker_end,"
        " cue, cue_start, cue_end, speaker_via, speaker_kind, speaker_descriptor, anonymity_reason, cue_group, cue_verb,"
        " speaker_actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (rowid, q.start, q.end, None if body[q.start:q.end] == q.text else q.text, q.kind, q.speaker, q.speaker_start, q.speaker_end, q.cue, q.cue_start, q.cue_end,
             q.speaker_via, q.speaker_kind, q.speaker_descriptor, q.anonymity_reason, q.cue_group, verb(q.cue),
             ids.actor(q.speaker, is_person[q.speaker]) if q.speaker in is_person else None)
            for q in analysis.quotes
        ],
    )


def _forget_file(connection: sqlite3.Connection, path: str) -> None:
    # A contentless FTS table forgets a row only when given the text it indexed.
    rows = connection.execute(
        "SELECT a.rowid, a.title, b.body FROM articles a JOIN bodies b ON b.article = a.rowid WHERE a.file = ?", (path,)
    ).fetchall()
    connection.executemany(
        "INSERT INTO fts (fts, rowid, title, body) VALUES ('delete', ?, ?, ?)",
        [(rowid, title, unpack_text(body)) for rowid, title, body in rows],
    )
    # The delete trigger on articles removes bodies, analyses, actors and quotes.
    connection.execute("DELETE FROM articles WHERE file = ?", (path,))
    connection.execute("DELETE FROM problems WHERE file = ?", (path,))
    connection.execute("DELETE FROM files WHERE path = ?", (path,))


class _Batch:
    """Explicit transactions, committed every BATCH_SECONDS or BATCH_FILES; the first
    batch of articles after FIRST_BATCH_SECONDS (see `first_articles`)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.open = False
        self.started = 0.0
        self.files = 0
        self.seconds = BATCH_SECONDS

    def first_articles(self) -> None:
        """Articles follow: commit the first of them soon, so a reader lists them."""
        self.commit()
        self.seconds = FIRST_BATCH_SECONDS

    def begin(self) -> None:
        if not self.open:
            self.connection.execute("BEGIN IMMEDIATE")
            self.open = True
            self.started = time.monotonic()
            self.files = 0
        self.files += 1

    def maybe_commit(self) -> None:
        if self.open and (self.files >= BATCH_FILES or time.monotonic() - self.started >= self.seconds):
            self.commit()

    def commit(self) -> None:
        if self.open:
            self.connection.execute("COMMIT")
            self.open = False
            self.seconds = BATCH_SECONDS

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
