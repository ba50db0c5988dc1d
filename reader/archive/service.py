"""`Archive`: one store's articles as both front ends ask for them.

    archive = Archive(store_root)              # nothing read yet
    archive.peek(200)                           # (newest, total) of a warm index, before anything else; or None
    notices = archive.open()                    # the index, else a plain scan (in a worker)
    archive.sync(progress, cancel, listed)      # bring it up to date (in a worker)
    archive.take_notices()                      # what befell the index (deleted, damaged: rebuilt)
    archive.summaries(), archive.problems()     # the list, newest first
    archive.article(id), archive.analysis(id)   # a fast read: cache, then peek or index, then the scan
    archive.analyse(article)                    # the stored analysis, else analysed now (in a worker)
    archive.read_ahead(ids)                     # neighbours read before the reader moves
    archive.search(text)                        # SearchResult; QueryError for what cannot be understood
    archive.actors(), archive.quotes(actor)     # need the index
    for event in archive.follow(stop): ...      # Relisted / Notice while the store changes on disk

Every read goes through one cache (`reader.archive.cache`) and one order: what
was read last, then the index (or, until it is open, the read-only peek the first
frame used), then the scanned store. The gazetteer (actors.yaml) is read once and
serves both the index's analyses and an article analysed on demand. Textual-free;
any thread may read while one worker opens, syncs and follows.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, Sequence

from reader.archive.cache import ReadCache
from reader.corrections.apply import apply_corrections
from reader.corrections.model import Corrections
from reader.errors import UserError
from reader.model import Analysis, Article, ArticleSummary, Problem

# The app builds an Archive before its first frame: what only the worker, a search
# or the fallback needs is imported there, not here.
if TYPE_CHECKING:
    from reader.archive.follow import Notice, Relisted
    from reader.archive.scan import ScannedStore
    from reader.archive.search import ParsedSearch, SearchResult
    from reader.index import ActorStats, Index, QuoteHit, SearchHit, SyncResult
    from reader.index.peek import IndexPeek

Analyser = Callable[[Article], Analysis]
CORRECTED_KEPT = 256  # corrected analyses kept (the read cache keeps the analyses as made)
Progress = Callable[[int, int], None]
Listed = ArticleSummary | Article


class Archive:
    def __init__(
        self,
        store_root: Path,
        *,
        max_file_bytes: int | None = None,
        outside_links: bool = False,
        analyser: Analyser | None = None,
        cache_dir: Path | None = None,
    ) -> None:
        self.store_root = Path(store_root)
        # The store's rules (config `max_file_bytes`, `follow_outside_links`), for the index and the scan.
        self.max_file_bytes = max_file_bytes
        self.outside_links = outside_links
        # Replaces the real analysis (tests), in the index too.
        self.analyser = analyser
        self._cache_dir = cache_dir
        self._cache = ReadCache()
        self._lock = threading.Lock()  # the peek's connection is closed by the worker that opens the index
        self._peek: IndexPeek | None = None
        self._index: Index | None = None
        self._scan: ScannedStore | None = None
        from reader.corrections.current import CurrentCorrections

        self.corrections = CurrentCorrections(self.store_root)  # applied to every analysis read
        # article id -> (analysis as made, corrections, corrected): switching back costs nothing.
        self._last_corrected: dict[str, tuple[Analysis, Corrections, Analysis]] = {}
        self._gazetteer_lock = threading.Lock()
        self._gazetteer: tuple[Any, list[str]] | None = None

    # ------------------------------------------------------------ opening

    @property
    def is_open(self) -> bool:
        return self._index is not None or self._scan is not None

    @property
    def has_index(self) -> bool:
        return self._index is not None

    def peek(self, limit: int) -> tuple[list[ArticleSummary], int] | None:
        """The newest `limit` articles of a warm index and how many it holds, read on
        the spot (the app's first frame); None when there is no usable index yet."""
        from reader.index.peek import peek_index

        peek = peek_index(self.store_root, limit, self._cache_dir)
        if peek is None:
            return None
        with self._lock:
            self._close_peek()
            self._peek = peek
        return peek.newest, peek.total

    def open(self) -> list[str]:
        """Open the index, or fall back to scanning the store; notices for the reader."""
        from reader.archive.scan import ScannedStore, fallback_notice
        from reader.index import Index

        _gazetteer, problems = self._loaded_gazetteer()
        try:
            index = Index.open(
                self.store_root, self._cache_dir, max_bytes=self.max_file_bytes, outside_links=self.outside_links
            )
        except (UserError, OSError, sqlite3.Error) as error:
            notices = [fallback_notice(error)]
            self._scan = ScannedStore(self.store_root, self.max_file_bytes, self.outside_links)
        else:
            notices = list(index.warnings)
            self._index = index
        with self._lock:
            self._close_peek()
        self._cache.clear()
        return [*notices, *problems]

    def fall_back(self, error: BaseException) -> str:
        """The index failed under a sync: read the store directly from now on."""
        from reader.archive.scan import ScannedStore, fallback_notice

        index, self._index = self._index, None
        self._scan = ScannedStore(self.store_root, self.max_file_bytes, self.outside_links)
        if index is not None:
            index.close()
        self._cache.clear()
        return fallback_notice(error)

    def close(self) -> None:
        with self._lock:
            self._close_peek()
        if self._index is not None:
            self._index.close()

    def _close_peek(self) -> None:
        if self._peek is not None:
            self._peek.close()
            self._peek = None

    # ------------------------------------------------------------ syncing

    def first_screen(self, limit: int) -> tuple[list[ArticleSummary], int] | None:
        """The newest `limit` articles and how many there are, if the index can say it quickly."""
        if self._index is None:
            return None
        return self._index.newest(limit), self._index.count()

    def sync(
        self,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
        listed: Callable[[], None] | None = None,
    ) -> SyncResult:
        """Bring the archive up to date with the whole store; `listed()` once every
        article is listed, before they are all analysed (the index's phase 2)."""
        self._cache.clear()
        if self._index is not None:
            gazetteer, _problems = self._loaded_gazetteer()
            return self._index.sync(progress, cancel, gazetteer=gazetteer, analyze=self._index_analyser(), listed=listed)
        return self._scanned().sync(progress, cancel)

    def sync_paths(self, paths: Sequence[str]) -> SyncResult:
        self._cache.clear()
        if self._index is not None:
            gazetteer, _problems = self._loaded_gazetteer()
            return self._index.sync_paths(paths, gazetteer=gazetteer, analyze=self._index_analyser())
        return self._scanned().sync()

    def take_notices(self) -> list[str]:
        """What happened to the index itself since last asked (deleted, found damaged: rebuilt)."""
        return self._index.take_notices() if self._index is not None else []

    def follow(self, stop: threading.Event) -> Iterator[Relisted | Notice]:
        """Keep up with the store on disk until `stop` is set."""
        from reader.archive.follow import follow_store

        return follow_store(self.store_root, self, stop)

    def summaries(self, query: str | None = None) -> Sequence[Listed]:
        """Every article (or those a search finds), newest first."""
        if query:
            return [hit.summary for hit in self._find(query, None)[0]]
        if self._index is not None:
            return self._index.summaries()
        return self._scanned().summaries() if self._scan is not None else []

    def problems(self) -> list[Problem]:
        if self._index is not None:
            return self._index.problems()
        return self._scan.problems() if self._scan is not None else []

    # ------------------------------------------------------------ reading

    def article(self, article_id: str) -> Article | None:
        read = self._cache.get(article_id)
        if read is not None and read.article is not None:
            return read.article
        article = self._read_article(article_id)
        if article is not None:
            self._cache.update(article_id, article=article)
        return article

    def analysis(self, article_id: str) -> Analysis | None:
        """The analysis the archive has (None: not analysed yet, or no index)."""
        read = self._cache.get(article_id)
        if read is not None and read.analysis_known:
            return self._corrected(article_id, read.analysis)
        analysis = self._read_analysis(article_id)
        self._cache.update(article_id, analysis=analysis, analysis_known=True)
        return self._corrected(article_id, analysis)

    def analyse(self, article: Article) -> Analysis:
        """The archive's analysis of the article, else one made now (slow: call it in a worker)."""
        analysis = self.analysis(article.id)
        if analysis is None:
            if self.analyser is not None:
                analysis = self.analyser(article)
            else:
                from reader.analysis import analyze_article

                analysis = analyze_article(article, self._loaded_gazetteer()[0])
            self._cache.update(article.id, analysis=analysis, analysis_known=True)
            return apply_corrections(self.corrections.get(), article.id, analysis)
        return analysis

    def _corrected(self, article_id: str, analysis: Analysis | None) -> Analysis | None:
        """The reader's corrections of the moment on the analysis as made (the cache and
        the index keep that one, so a correction or its undo shows at once)."""
        if analysis is None:
            return None
        corrections = self.corrections.get()
        if not corrections:
            return analysis
        made, applied, corrected = self._last_corrected.get(article_id, (None, None, None))
        if made is not analysis or applied is not corrections or corrected is None:
            corrected = apply_corrections(corrections, article_id, analysis)
            if len(self._last_corrected) >= CORRECTED_KEPT:
                self._last_corrected.clear()
            self._last_corrected[article_id] = (analysis, corrections, corrected)
        return corrected

    def read_ahead(self, article_ids: Sequence[str]) -> list[tuple[Article, Analysis | None]]:
        """These articles and their analyses, read now if they were not already."""
        found = []
        for article_id in article_ids:
            article = self.article(article_id)
            if article is not None:
                found.append((article, self.analysis(article_id)))
        return found

    def forget(self, article_id: str | None = None) -> None:
        """Read this article (every article) again next time: it may have changed on disk."""
        if article_id is None:
            self._cache.clear()
        else:
            self._cache.discard(article_id)

    def _read_article(self, article_id: str) -> Article | None:
        if self._index is not None:
            return self._index.article(article_id)
        if self._scan is not None:
            return self._scan.article(article_id)
        with self._lock:
            return self._peek.article(article_id) if self._peek is not None else None

    def _read_analysis(self, article_id: str) -> Analysis | None:
        if self._index is not None:
            return self._index.analysis(article_id)
        if self._scan is not None:
            return None
        with self._lock:
            return self._peek.analysis(article_id) if self._peek is not None else None

    # ------------------------------------------------------------ searching

    def search(self, text: str) -> SearchResult:
        """The app's search: up to SEARCH_LIMIT hits (titles only) and the true count.
        Raises `QueryError` for a query that cannot be understood."""
        from reader.archive.search import SEARCH_LIMIT, SearchResult

        hits, search = self._find(text, SEARCH_LIMIT)
        total = len(hits)
        if total >= SEARCH_LIMIT and self._index is not None:
            total = self._index.count_matches(search.query)
        ranked = bool(search.query.terms) and self._index is not None
        return SearchResult(text, hits, total, ranked, search.pattern, search.query)

    def _find(self, text: str, limit: int | None) -> tuple[list[SearchHit], ParsedSearch]:
        from reader.archive.search import parse_search

        search = parse_search(text)
        if self._index is not None:
            return self._index.search(search.query, limit=limit, snippets=False), search
        from reader.index import SearchHit

        found = self._scanned().search(search)
        return [SearchHit(article, "", (), 0.0) for article in found], search  # type: ignore[arg-type]

    def actors(self) -> list[ActorStats]:
        if self._index is None:
            raise _no_index("Actors")
        return self._index.actors(weeks=None)  # the whole span, summed into a few cells

    def actors_called(self, text: str) -> set[str]:
        return self._index.actors_called(text) if self._index is not None else set()

    def quotes(self, actor: str) -> list[QuoteHit]:
        """Everything `actor` said, quoted or reported, oldest first."""
        if self._index is None:
            raise _no_index("Quotes")
        from reader.index.archive import SAID_KINDS

        return self._index.quotes(actor, kinds=SAID_KINDS)

    # ------------------------------------------------------------ analysing

    def _index_analyser(self) -> Callable[[Article, Any], Analysis] | None:
        analyser = self.analyser
        return (lambda article, _gazetteer: analyser(article)) if analyser is not None else None

    def _loaded_gazetteer(self) -> tuple[Any, list[str]]:
        """actors.yaml (config folder, then store root), read once; notices for its problems."""
        if self.analyser is not None:
            return None, []
        with self._gazetteer_lock:
            if self._gazetteer is None:
                from reader.analysis.gazetteer import load_gazetteer
                from reader.paths import config_dir

                gazetteer, problems = load_gazetteer(self.store_root, config_dir())
                self._gazetteer = gazetteer, [f"actors.yaml: {problem}" for problem in problems]
            return self._gazetteer

    def _scanned(self) -> ScannedStore:
        if self._scan is None:
            raise _no_index("The store")
        return self._scan


def _no_index(what: str) -> UserError:
    from reader.archive.scan import no_index

    return no_index(what)
