"""`Index`: the archive's SQLite cache, read from any thread, written by `sync`."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from datetime import date
from pathlib import Path
from typing import Any

from reader.errors import UserError
from reader.index import schema
from reader.index.locking import SyncLock
from reader.index.actor_query import actor_ids
from reader.index.codec import unpack_prefix, unpack_text
from reader.index.peek import SUMMARY_COLUMNS as _SUMMARY_COLUMNS
from reader.index.peek import read_analysis, read_article, summaries_from_rows
from reader.index.query import QueryError, SearchQuery, name_key, name_keys, parse_query
from reader.index.snippets import OPENING_NEEDED, lede, snippet as cut_snippet
from reader.index.sync import Analyze, Progress, SyncResult, sync_store
from reader.model import Analysis, Article, ArticleSummary, Problem, Quote
from reader.store import MAX_BYTES

READER_CACHE_KIB = 8000
# Ranking a word found in fewer articles than this is fast enough to do anyway.
COMMON_MINIMUM = 5000
# The speaker under the archive's name for them (actors.name), so one person reads the same
# in every article ("John Q. Smith" where an article wrote "John Smith").
_QUOTE_COLUMNS = (
    'q.start, q."end", q.text, q.kind, coalesce(c.name, q.speaker), q.speaker_start, q.speaker_end, q.cue, q.cue_start, q.cue_end,'
    " q.speaker_via, q.speaker_kind, q.speaker_descriptor, q.anonymity_reason, q.cue_group, q.article"
)
# What was said by someone: a direct quote or reported speech, not a quoted term.
SAID_KINDS = ("statement", "reported")
_SAID_SQL = "('statement', 'reported')"


@dataclass(frozen=True, slots=True)
class SearchHit:
    summary: ArticleSummary
    snippet: str  # plain text; never markup
    highlights: tuple[tuple[int, int], ...]  # (start, end) of matched words in `snippet`
    rank: float  # bm25: lower is better; 0.0 when the search had no words, or only very common ones


@dataclass(frozen=True, slots=True)
class ActorStats:
    name: str
    kind: str
    articles: int
    mentions: int
    quotes: int
    activity: tuple[int, ...] = ()  # articles per week, oldest first, from `first_week`
    first_week: date | None = None  # the Monday of activity[0]
    id: int = 0  # the actor's archive-wide identity (stable while the index is)


@dataclass(frozen=True, slots=True)
class OutletStats:
    """How one outlet (an article `source`) quotes: counts over its direct quotes and
    reported speech; `source` is None for articles without one."""

    source: str | None
    articles: int
    quotes: int  # direct quotes and reported speech
    reported: int
    anonymous: int  # quotes whose speaker is an anonymous source
    loaded: int  # quotes attributed with a loaded verb ("claimed", "insisted")
    top_speakers: tuple[tuple[str, int], ...] = ()  # (speaker, quotes), most quoted first

    @property
    def anonymous_share(self) -> float:
        return self.anonymous / self.quotes if self.quotes else 0.0

    @property
    def loaded_share(self) -> float:
        return self.loaded / self.quotes if self.quotes else 0.0


@dataclass(frozen=True, slots=True)
class QuoteHit:
    summary: ArticleSummary
    quote: Quote


class _LastBody:
    """The body of an article by rowid, unpacked once for a run of its quotes."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.article: int | None = None
        self.body = ""

    def __call__(self, article: int) -> str:
        if article != self.article:
            row = self.connection.execute("SELECT body FROM bodies WHERE article = ?", (article,)).fetchone()
            self.article, self.body = article, unpack_text(row[0]) if row else ""
        return self.body


class Index:
    """Open with `Index.open(store_root)`; see the package docstring for the API."""

    def __init__(
        self, store_root: Path, path: Path, warnings: list[str], *, max_bytes: int = MAX_BYTES, outside_links: bool = False
    ) -> None:
        self.store_root = store_root
        self.path = path
        self.warnings = warnings
        # The store's rules (config `max_file_bytes`, `follow_outside_links`), applied by every sync.
        self.max_bytes = max_bytes
        self.outside_links = outside_links
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._dates: dict[int, date | None] = {0: None}
        self._listing: tuple[int, list[ArticleSummary]] | None = None  # (data_version, all summaries)
        self._listing_thread = 0
        # Bumped when the database is replaced (deleted, rebuilt elsewhere, corrupt): each
        # thread then opens the new one on its next read.
        self._generation = 0
        self._identity = _identity(path)
        self._notices: list[str] = []
        self.lock_wait: float | None = SYNC_LOCK_WAIT  # seconds a sync waits for another process's

    @classmethod
    def open(
        cls, store_root: Path, cache_dir: Path | None = None, *, max_bytes: int | None = None, outside_links: bool = False
    ) -> Index:
        if cache_dir is None:
            from reader.paths import cache_dir as default_cache_dir

            cache_dir = default_cache_dir()
        store_root = Path(store_root)
        path = schema.database_path(store_root, Path(cache_dir))
        try:
            warnings = schema.prepare(path, store_root)
        except (OSError, sqlite3.DatabaseError) as error:
            if schema.is_disk_error(error):
                raise UserError(schema.disk_error_message(path.parent, error)) from None
            if isinstance(error, sqlite3.DatabaseError):
                raise
            raise UserError(f"cannot create the index in {path.parent}: {error.strerror or error}") from None
        return cls(store_root, path, warnings, max_bytes=max_bytes or MAX_BYTES, outside_links=outside_links)

    def close(self) -> None:
        with self._lock:
            for connection in self._connections:
                try:
                    connection.close()
                except sqlite3.Error:
                    pass
            self._connections.clear()
        self._local = threading.local()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------

    def sync(
        self,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
        gazetteer: Any = None,
        analyze: Analyze | None = None,
        *,
        listed: Callable[[], None] | None = None,
        analysis_progress: Progress | None = None,
        workers: int | None = None,
    ) -> SyncResult:
        """Bring the index up to date with the whole store. Safe to run in a worker
        thread while other threads read; one sync at a time per `Index`.

        Phase 1 reads the files (every article is then listed and searchable, and
        `listed()` is called); phase 2 analyses them, newest first. `progress`
        counts both unless `analysis_progress` is given for phase 2; see
        `reader.index.sync.sync_store`."""
        return self._sync(None, progress, cancel, gazetteer, analyze, listed, analysis_progress, workers)

    def sync_paths(
        self,
        paths: Iterable[str | Path],
        gazetteer: Any = None,
        analyze: Analyze | None = None,
    ) -> SyncResult:
        """Update only these files (absolute, or relative to the store root);
        a path that no longer exists is removed."""
        return self._sync([str(p) for p in paths], None, None, gazetteer, analyze, None, None, 1)

    def take_notices(self) -> list[str]:
        """What happened to the database since last asked (replaced, found corrupt and
        rebuilt), one line each for the user."""
        with self._lock:
            notices, self._notices = self._notices, []
        return notices

    def _sync(self, only, progress, cancel, gazetteer, analyze, listed, analysis_progress, workers) -> SyncResult:
        """Raises `IndexBusy` when another process keeps the index (what it holds can
        still be read) and `UserError` when the disk is full."""
        with self._write_lock:
            lock = SyncLock(self.path)
            if not lock.acquire(self.lock_wait, cancel):
                if cancel is not None and cancel.is_set():
                    return SyncResult(cancelled=True)
                raise IndexBusy("another newsreader is updating the index")
            try:
                for attempt in (1, 2):
                    if self._reopen_if_replaced():
                        only = None  # a new database: everything is new to it
                    connection = schema.connect(self.path)
                    try:
                        return sync_store(
                            connection,
                            self.store_root,
                            only=only,
                            progress=progress,
                            cancel=cancel,
                            gazetteer=gazetteer,
                            analyze=analyze,
                            listed=listed,
                            analysis_progress=analysis_progress,
                            workers=workers,
                            max_bytes=self.max_bytes,
                            outside_links=self.outside_links,
                        )
                    except (sqlite3.DatabaseError, OSError) as error:
                        if schema.is_busy(error):
                            raise IndexBusy("the index is locked by another program") from None
                        if schema.is_disk_error(error):
                            raise UserError(schema.disk_error_message(self.path.parent, error)) from None
                        reason = schema.damage(self.path, error) if attempt == 1 else None
                        if reason is None:
                            raise
                        self.rebuild(reason)
                    finally:
                        connection.close()
                raise AssertionError("unreachable")
            finally:
                lock.release()

    def clear(self) -> None:
        """Empty the index in place, for a full rebuild by the next sync. In place, not by
        deleting the file: another process reading or following it keeps a valid database
        (deleting a database in WAL mode under an open connection can lose what it writes)."""
        with self._write_lock:
            lock = SyncLock(self.path)
            if not lock.acquire(self.lock_wait):
                raise IndexBusy("another newsreader is updating the index; try again when it is done")
            try:
                connection = schema.connect(self.path)
                try:
                    connection.execute("BEGIN IMMEDIATE")
                    for table in schema.CONTENT_TABLES:
                        connection.execute(f"DELETE FROM {table}")
                    connection.execute("INSERT INTO fts (fts) VALUES ('delete-all')")
                    connection.execute("COMMIT")
                except sqlite3.DatabaseError as error:
                    if connection.in_transaction:
                        connection.execute("ROLLBACK")
                    if schema.is_busy(error):
                        raise IndexBusy("the index is locked by another program; try again when it is done") from None
                    if schema.is_disk_error(error):
                        raise UserError(schema.disk_error_message(self.path.parent, error)) from None
                    reason = schema.damage(self.path, error)
                    if reason is None:
                        raise
                    self.rebuild(reason)
                finally:
                    connection.close()
            finally:
                lock.release()

    def rebuild(self, reason: str) -> None:
        """Move the database aside (`reason`: why, for the notice) and start a new one,
        which the next sync fills."""
        with self._lock:
            self._notices.append(schema.discard(self.path, reason))
        self._reopen()

    def _reopen_if_replaced(self) -> bool:
        """Open the database again if it is not the one opened (deleted, or rebuilt by
        another process); True if a new, empty one was made."""
        if _identity(self.path) == self._identity:
            return False
        existed = self.path.exists()
        warnings = self._reopen()
        with self._lock:
            if not existed:
                self._notices.append(f"index {self.path.name} was deleted; rebuilding it")
            self._notices.extend(warnings)
        return not existed or bool(warnings)

    def _reopen(self) -> list[str]:
        try:
            warnings = schema.prepare(self.path, self.store_root)
        except (OSError, sqlite3.DatabaseError) as error:
            if schema.is_disk_error(error):
                raise UserError(schema.disk_error_message(self.path.parent, error)) from None
            if isinstance(error, sqlite3.DatabaseError):
                raise
            raise UserError(f"cannot create the index in {self.path.parent}: {error.strerror or error}") from None
        with self._lock:
            self._identity = _identity(self.path)
            self._generation += 1
            self._listing = None
        return warnings

    # -- reading ---------------------------------------------------------------

    def _db(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is not None and self._local.generation != self._generation:
            connection.close()  # the database was replaced: read the new one
            self._local.frequencies = None
            connection = None
        if connection is None:
            self._local.generation = self._generation
            connection = schema.connect(self.path)
            connection.execute("PRAGMA query_only = 1")
            # Readers stay small (the OS caches the file anyway); the writer keeps 32 MB.
            connection.execute(f"PRAGMA cache_size = -{READER_CACHE_KIB}")
            self._local.connection = connection
            with self._lock:
                self._connections.append(connection)
        return connection

    def count(self) -> int:
        return self._db().execute("SELECT count(*) FROM articles").fetchone()[0]

    def summaries(self, query: SearchQuery | str | None = None) -> list[ArticleSummary]:
        """Every article (or those matching `query`), newest first, undated last.

        The full listing is remembered until the index changes, so asking again is free."""
        query = _as_query(query)
        version = None
        if query is None:
            version = self._db().execute("PRAGMA data_version").fetchone()[0]
            listing = self._listing
            if listing is not None and listing[0] == version and threading.get_ident() == self._listing_thread:
                return list(listing[1])
        where, parameters = self._where(query)
        rows = self._run(
            f"SELECT {_SUMMARY_COLUMNS} FROM articles a {where} ORDER BY a.sort_key DESC, a.id", parameters
        )
        summaries = self._summaries(rows)
        if version is not None:
            # data_version is per connection, so the cache belongs to this thread's connection.
            self._listing, self._listing_thread = (version, summaries), threading.get_ident()
        return list(summaries)

    def newest(self, limit: int) -> list[ArticleSummary]:
        """The first `limit` articles of `summaries()`: enough to fill a screen at once."""
        rows = self._run(f"SELECT {_SUMMARY_COLUMNS} FROM articles a ORDER BY a.sort_key DESC, a.id LIMIT ?", [limit])
        return self._summaries(rows)

    def article(self, id: str) -> Article | None:
        return read_article(self._db(), id)

    def analysis(self, id: str) -> Analysis | None:
        """The cached analysis of article `id`, or None if it has none: not analysed
        yet (phase 2 of a sync has not reached it; see `pending`), or the analyser
        failed on it (a problem says so). The caller may analyse the article itself."""
        return read_analysis(self._db(), id)

    def pending(self) -> int:
        """How many articles are waiting for analysis (phase 2 of a sync)."""
        return self._db().execute(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM analyses x WHERE x.article = a.rowid)"
        ).fetchone()[0]

    def problems(self) -> list[Problem]:
        rows = self._db().execute("SELECT path, reason, line, fatal FROM problems ORDER BY path, line")
        return [Problem(path, reason, line, bool(fatal)) for path, reason, line, fatal in rows]

    def file_with_hash(self, sha256: str) -> str | None:
        """The store path of an indexed file with this content hash, if any."""
        try:
            digest = bytes.fromhex(sha256)
        except ValueError:
            return None
        row = self._db().execute("SELECT path FROM files WHERE sha256 = ? LIMIT 1", (digest,)).fetchone()
        return row[0] if row else None

    def actors(self, kind: str | None = None, weeks: int | None = 52) -> list[ActorStats]:
        """Every actor in the store, most written-about first.

        `activity` counts articles per week over the last `weeks` weeks up to the
        newest dated article (all weeks when None); `weeks=0` skips it."""
        db = self._db()
        totals: dict[int, list] = {}
        kinds: dict[int, dict[str, int]] = {}
        sql = (
            "SELECT c.id, c.name, g.kind, g.n, g.m, g.q FROM (SELECT actor, kind, count(*) n, sum(mentions) m,"
            " sum(quotes) q FROM article_actors GROUP BY actor, kind) g JOIN actors c ON c.id = g.actor"
        )
        for actor_id, name, actor_kind, articles, mentions, quotes in db.execute(sql):
            row = totals.setdefault(actor_id, [name, 0, 0, 0])
            row[1] += articles
            row[2] += mentions
            row[3] += quotes
            kinds.setdefault(actor_id, {})[actor_kind] = articles
        activity, first_week = self._activity(weeks)
        result = []
        for actor_id, (name, articles, mentions, quotes) in totals.items():
            actor_kind = max(kinds[actor_id].items(), key=lambda item: (item[1], item[0]))[0]
            if kind is not None and actor_kind != kind:
                continue
            counts = activity.get(actor_id)
            result.append(
                ActorStats(
                    name, actor_kind, articles, mentions, quotes, tuple(counts) if counts else (), first_week, actor_id
                )
            )
        result.sort(key=lambda a: (-a.articles, -a.mentions, a.name.casefold()))
        return result

    def _activity(self, weeks: int | None) -> tuple[dict[int, list[int]], date | None]:
        if weeks == 0:
            return {}, None
        db = self._db()
        newest, oldest = db.execute(
            "SELECT max(sort_key), min(sort_key) FROM articles WHERE sort_key > 0"
        ).fetchone()
        if not newest:
            return {}, None
        last_monday = newest - date.fromordinal(newest).weekday()
        first_monday = oldest - date.fromordinal(oldest).weekday()
        if weeks is not None:
            first_monday = max(first_monday, last_monday - 7 * (weeks - 1))
        size = (last_monday - first_monday) // 7 + 1
        activity: dict[int, list[int]] = {}
        rows = db.execute(
            "SELECT actor, (sort_key - ?) / 7 week, count(*) n FROM article_actors WHERE sort_key >= ? GROUP BY 1, 2",
            (first_monday, first_monday),
        )
        for actor_id, week, count in rows:
            activity.setdefault(actor_id, [0] * size)[week] = count
        return activity, date.fromordinal(first_monday)

    def actors_called(self, text: str, keys: int = 50) -> set[str]:
        """Actors that some article calls by a name or alias containing `text` (case and
        accents ignored): "mr kim" or "pyongyang" finds Kim Jong Un and North Korea.
        Only the first `keys` matching names are followed, so a short text stays quick."""
        found: set[str] = set()
        for typed in name_keys(text):
            found.update(
                row[0]
                for row in self._db().execute(
                    "SELECT DISTINCT c.name FROM actor_names n JOIN actors c ON c.id = n.actor"
                    " WHERE n.key IN (SELECT id FROM name_keys WHERE instr(key, ?) > 0 LIMIT ?)",
                    (typed, keys),
                )
            )
        return found

    def quotes(self, actor: str | None = None, kinds: tuple[str, ...] = ("statement",)) -> list[QuoteHit]:
        """Quotes in date order (oldest first, undated last), optionally only those of
        `actor`: the actors any writing of that name stands for, across the archive."""
        conditions = [f"q.kind IN ({','.join('?' * len(kinds))})"]
        parameters: list[Any] = list(kinds)
        if actor is not None:
            ids_sql, keys = actor_ids(self._db(), actor)
            conditions.append(f"q.speaker_actor IN {ids_sql}")
            parameters.extend(keys)
        rows = self._db().execute(
            f"SELECT {_SUMMARY_COLUMNS}, {_QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.rowid = q.article"
            " LEFT JOIN actors c ON c.id = q.speaker_actor"
            f" WHERE {' AND '.join(conditions)} ORDER BY a.sort_key = 0, a.sort_key, a.id, q.start",
            parameters,
        )
        summaries: dict[str, ArticleSummary] = {}
        hits = []
        body_of = _LastBody(self._db())
        for row in rows:
            summary = summaries.get(row[0])
            if summary is None:
                summary = summaries[row[0]] = self._summaries([row[:7]])[0]
            start, end, text, *rest = row[7:-1]
            if text is None:  # stored as offsets into the body (schema.quotes)
                text = body_of(row[-1])[start:end]
            hits.append(QuoteHit(summary, Quote(start, end, text, *rest)))
        return hits

    def outlets(self, top: int = 5) -> list[OutletStats]:
        """Per outlet, how it quotes (see OutletStats); most quotes first."""
        db = self._db()
        names: dict[str | None, str | None] = {}
        articles: dict[str | None, int] = {}
        for key, source, count in db.execute("SELECT source_key, min(source), count(*) FROM articles GROUP BY source_key"):
            names[key], articles[key] = source, count
        counts = {
            key: row
            for key, *row in db.execute(
                "SELECT a.source_key, count(*), sum(q.kind = 'reported'), sum(q.speaker_kind = 'anonymous'),"
                " sum(q.cue_group = 'loaded') FROM quotes q JOIN articles a ON a.rowid = q.article"
                f" WHERE q.kind IN {_SAID_SQL} GROUP BY a.source_key"
            )
        }
        speakers: dict[str | None, list[tuple[str, int]]] = {}
        for key, speaker, count in db.execute(
            "SELECT a.source_key, coalesce(c.name, q.speaker) who, count(*) FROM quotes q"
            " JOIN articles a ON a.rowid = q.article LEFT JOIN actors c ON c.id = q.speaker_actor"
            f" WHERE q.kind IN {_SAID_SQL} AND q.speaker IS NOT NULL GROUP BY a.source_key, who"
        ):
            speakers.setdefault(key, []).append((speaker, count))
        result = []
        for key, source in names.items():
            quotes, reported, anonymous, loaded = counts.get(key, (0, 0, 0, 0))
            ranked = sorted(speakers.get(key, ()), key=lambda item: (-item[1], item[0].casefold()))
            result.append(
                OutletStats(source, articles[key], quotes, reported or 0, anonymous or 0, loaded or 0, tuple(ranked[:top]))
            )
        result.sort(key=lambda o: (-o.quotes, -o.articles, (o.source or "").casefold()))
        return result

    def search(self, query: SearchQuery | str, limit: int | None = 200, *, snippets: bool = True) -> list[SearchHit]:
        """Articles matching `query`: best first when it has words, else newest first;
        `snippets=False` leaves every hit's snippet empty (the app lists titles only).

        When every word or phrase searched for is in more than half of the articles
        (and in at least COMMON_MINIMUM), bm25 cannot tell them apart (its IDF is floored at ~0), and ranking would read
        every position of every occurrence: such hits come newest first, rank 0.0."""
        parsed = _as_query(query)  # None when empty: every article, newest first
        fts = parsed.fts_expression() if parsed is not None else None
        ranked = parsed is not None and fts is not None and not self._too_common(parsed)
        where, parameters = self._where(parsed, fts_in_from=ranked, by_date=not ranked)
        limit_sql = " LIMIT ?" if limit is not None else ""
        if limit is not None:
            parameters.append(limit)
        if not ranked:
            rows = self._run(
                f"SELECT {_SUMMARY_COLUMNS}, a.rowid, 0.0 FROM articles a {where} ORDER BY a.sort_key DESC, a.id{limit_sql}",
                parameters,
            )
        else:
            rows = self._run(
                f"SELECT {_SUMMARY_COLUMNS}, a.rowid, fts.rank"
                f" FROM fts JOIN articles a ON a.rowid = fts.rowid {where} ORDER BY fts.rank{limit_sql}",
                [fts, *parameters],
            )
        if not snippets:
            return [SearchHit(summary, "", (), row[8]) for summary, row in zip(self._summaries(rows), rows)]
        return self._hits(rows, parsed if fts is not None else None)

    def count_matches(self, query: SearchQuery | str) -> int:
        """How many articles match `query` (all of them, whatever `search`'s limit)."""
        where, parameters = self._where(_as_query(query))
        return self._run(f"SELECT count(*) FROM articles a {where}", parameters)[0][0]

    def _too_common(self, query: SearchQuery) -> bool:
        """True when every term is in more than half of the articles, and in so many
        that ranking them would be slow."""
        # Articles per search term ("": all articles), per thread (data_version is per connection).
        version = self._db().execute("PRAGMA data_version").fetchone()[0]
        cache = getattr(self._local, "frequencies", None)
        if cache is None or cache[None] != version:
            cache = self._local.frequencies = {None: version, "": self.count()}
        half = cache[""] / 2
        for term in query.terms:
            expression = SearchQuery(terms=(term,)).fts_expression()
            count = cache.get(expression)
            if count is None:
                count = cache[expression] = self._run("SELECT count(*) FROM fts WHERE fts MATCH ?", [expression])[0][0]
            if count <= half or count < COMMON_MINIMUM:
                return False
        return True


    def _hits(self, rows: list[tuple], query: SearchQuery | None) -> list[SearchHit]:
        """Hits with snippets cut from their bodies (only the start of each without words)."""
        bodies = self._bodies([row[7] for row in rows])
        hits = []
        for summary, row in zip(self._summaries(rows), rows):
            data = bodies.get(row[7], b"")
            if query is None:
                hits.append(SearchHit(summary, _lede(unpack_prefix(data, _LEDE_READ)) if data else "", (), 0.0))
            else:
                opening = unpack_prefix(data, OPENING_NEEDED) if data else ""
                text, highlights = cut_snippet(opening, query.terms, whole=partial(unpack_text, data))
                hits.append(SearchHit(summary, text, highlights, row[8]))
        return hits

    def _bodies(self, rowids: list[int]) -> dict[int, bytes]:
        found: dict[int, bytes] = {}
        db = self._db()
        for start in range(0, len(rowids), 500):
            chunk = rowids[start : start + 500]
            found.update(
                db.execute(f"SELECT article, body FROM bodies WHERE article IN ({','.join('?' * len(chunk))})", chunk)
            )
        return found

    # -- helpers ---------------------------------------------------------------

    def _where(
        self, query: SearchQuery | None, *, fts_in_from: bool = False, by_date: bool = False
    ) -> tuple[str, list[Any]]:
        """SQL conditions on `articles a` for the query's filters (and words, unless
        `fts_in_from`). `by_date`: words matching most articles are checked while
        walking the date index, rather than sorting every match by date."""
        if query is None:
            return "", []
        conditions: list[str] = []
        parameters: list[Any] = []
        if query.matches_nothing:
            conditions.append("0")
        if fts_in_from:
            conditions.append("fts MATCH ?")  # its parameter is passed first by the caller
        else:
            fts = query.fts_expression()
            if fts is not None:
                rowid = "+a.rowid" if by_date else "a.rowid"
                conditions.append(f"{rowid} IN (SELECT rowid FROM fts WHERE fts MATCH ?)")
                parameters.append(fts)
        for actor in query.actors:
            ids_sql, keys = actor_ids(self._db(), actor)
            conditions.append(f"a.rowid IN (SELECT article FROM article_actors WHERE actor IN {ids_sql})")
            parameters.extend(keys)
        for speaker in query.speakers:
            ids_sql, keys = actor_ids(self._db(), speaker)
            conditions.append(
                f"a.rowid IN (SELECT article FROM quotes WHERE speaker_actor IN {ids_sql} AND kind IN {_SAID_SQL})"
            )
            parameters.extend(keys)
        for typed in query.verbs:
            verbs = _verbs_for(typed)
            conditions.append(
                f"a.rowid IN (SELECT article FROM quotes WHERE cue_verb IN ({','.join('?' * len(verbs))})"
                f" AND kind IN {_SAID_SQL})"
            )
            parameters.extend(verbs)
        if query.anonymous is not None:
            negation = "" if query.anonymous else "NOT "
            conditions.append(f"a.rowid {negation}IN (SELECT article FROM quotes WHERE speaker_kind = 'anonymous')")
        for source in query.sources:
            conditions.append("instr(a.source_key, ?) > 0")
            parameters.append(name_key(source))
        if query.date_from is not None:
            conditions.append("a.sort_key >= ?")
            parameters.append(query.date_from.toordinal())
        if query.date_to is not None:
            conditions.append("a.sort_key BETWEEN 1 AND ?")
            parameters.append(query.date_to.toordinal())
        return ("WHERE " + " AND ".join(conditions) if conditions else ""), parameters

    def _run(self, sql: str, parameters: list[Any]) -> list[tuple]:
        try:
            return self._db().execute(sql, parameters).fetchall()
        except sqlite3.OperationalError as error:
            if "fts5" in str(error) or "MATCH" in str(error):
                raise QueryError(f"search could not be run: {error}") from None
            if any(words in str(error) for words in _TOO_BIG):
                raise QueryError(f"the search is too long to run ({error}): use fewer words and filters") from None
            raise

    def _summaries(self, rows: list[tuple]) -> list[ArticleSummary]:
        return summaries_from_rows(rows, self._dates)


# SQLite's limits on one statement, met by a query with hundreds of words or filters.
_TOO_BIG = ("too large", "too many", "stack overflow", "too complex")
# How long a command's sync waits for another process's (newsreader's lock, then SQLite's).
SYNC_LOCK_WAIT = 3.0


class IndexBusy(UserError):
    """Another process keeps the index: what it holds can still be read."""


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _verbs_for(typed: str) -> tuple[str, ...]:
    from reader.analysis.cue_groups import cue_groups

    return cue_groups().verbs_for(typed)


def _as_query(query: SearchQuery | str | None) -> SearchQuery | None:
    if isinstance(query, str):
        return parse_query(query)
    if query is not None and query.is_empty:
        return None
    return query


_LEDE_READ = 240


def _lede(text: str) -> str:
    return lede(text, 200, read=_LEDE_READ)
