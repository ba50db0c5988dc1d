"""Where the app's articles come from: the archive index, or a plain scan of the store.

`IndexSource` wraps `reader.index.Index`: body-less summaries at once, then a
sync; search with the full grammar, actors and quotes. When the index cannot be
opened (an unwritable cache folder), `ScanSource` reads the whole store into
memory as the app always did: listing, reading and word search still work;
actors and quotes do not. Textual-free; called from worker threads.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Protocol, Sequence

from reader.errors import UserError
from reader.index import ActorStats, Index, QueryError, QuoteHit, SearchHit, SyncResult, parse_query
from reader.model import Analysis, Article, ArticleSummary, Problem
from reader.ui.filtering import filter_articles

Progress = Callable[[int, int], None]
Analyser = Callable[[Article], Analysis]

# Ranked searches stop here; the true count is still given.
SEARCH_LIMIT = 1000
NO_INDEX = "this needs the archive index, which could not be opened"


@dataclass(frozen=True, slots=True)
class SearchResult:
    text: str
    hits: Sequence[SearchHit]
    total: int  # all matches, even past the limit
    ranked: bool  # best first (the query has words) rather than newest first
    words: tuple[str, ...]  # the query's plain words and phrases, for highlighting
    prefixes: tuple[str, ...]  # its `word*` terms


class ArticleSource(Protocol):
    store_root: Path
    has_index: bool

    def summaries(self, query: str | None = None) -> Sequence[ArticleSummary | Article]: ...
    def article(self, article_id: str) -> Article | None: ...
    def analysis(self, article_id: str) -> Analysis | None: ...
    def problems(self) -> list[Problem]: ...
    def sync(
        self, progress: Progress | None, cancel: threading.Event | None, listed: Callable[[], None] | None = None
    ) -> SyncResult: ...
    def sync_paths(self, paths: Sequence[str]) -> SyncResult: ...
    def take_notices(self) -> list[str]: ...
    def search(self, text: str) -> SearchResult: ...
    def actors(self) -> list[ActorStats]: ...
    def actors_called(self, text: str) -> set[str]: ...
    def quotes(self, actor: str) -> list[QuoteHit]: ...


def open_source(
    store_root: Path,
    *,
    max_bytes: int | None = None,
    outside_links: bool = False,
    gazetteer: Any = None,
    analyser: Analyser | None = None,
) -> tuple[ArticleSource, list[str]]:
    """The index for `store_root` if it can be opened, else a plain scan; and notices."""
    try:
        index = Index.open(store_root, max_bytes=max_bytes, outside_links=outside_links)
    except (UserError, OSError, sqlite3.Error) as error:
        return ScanSource(store_root, max_bytes, outside_links), [fallback_notice(error)]
    return IndexSource(index, gazetteer=gazetteer, analyser=analyser), list(index.warnings)


def fallback_notice(error: BaseException) -> str:
    return f"Archive index unavailable ({error}); reading the store directly: no actors, quotes or search filters"


def _search_terms(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    query = parse_query(text)
    words = tuple(term.text for term in query.terms if not term.prefix)
    prefixes = tuple(term.text for term in query.terms if term.prefix)
    return words, prefixes


class IndexSource:
    has_index = True

    def __init__(self, index: Index, *, gazetteer: Any = None, analyser: Analyser | None = None) -> None:
        self.index = index
        self.store_root = index.store_root
        self.gazetteer = gazetteer
        self._analyze = (lambda article, _gazetteer: analyser(article)) if analyser is not None else None

    def summaries(self, query: str | None = None) -> list[ArticleSummary]:
        return self.index.summaries(query)

    def first_screen(self, limit: int) -> tuple[list[ArticleSummary], int]:
        """The newest `limit` articles and how many there are in all."""
        return self.index.newest(limit), self.index.count()

    def article(self, article_id: str) -> Article | None:
        return self.index.article(article_id)

    def analysis(self, article_id: str) -> Analysis | None:
        return self.index.analysis(article_id)

    def problems(self) -> list[Problem]:
        return self.index.problems()

    def sync(
        self, progress: Progress | None, cancel: threading.Event | None, listed: Callable[[], None] | None = None
    ) -> SyncResult:
        """`listed()` is called once every article is listed, before they are all analysed."""
        return self.index.sync(progress, cancel, gazetteer=self.gazetteer, analyze=self._analyze, listed=listed)

    def sync_paths(self, paths: Sequence[str]) -> SyncResult:
        return self.index.sync_paths(paths, gazetteer=self.gazetteer, analyze=self._analyze)

    def take_notices(self) -> list[str]:
        """What happened to the index itself (deleted, found damaged: rebuilt)."""
        return self.index.take_notices()

    def search(self, text: str) -> SearchResult:
        """Raises `QueryError` for a query that cannot be understood."""
        query = parse_query(text)
        words, prefixes = _search_terms(text)
        hits = self.index.search(query, limit=SEARCH_LIMIT, snippets=False)  # the list shows titles
        total = len(hits)
        if total >= SEARCH_LIMIT:
            total = self.index.count_matches(query)
        return SearchResult(text, hits, total, bool(query.terms), words, prefixes)

    def actors(self) -> list[ActorStats]:
        return self.index.actors(weeks=None)  # the whole span, summed into a few cells

    def actors_called(self, text: str) -> set[str]:
        return self.index.actors_called(text)

    def quotes(self, actor: str) -> list[QuoteHit]:
        return self.index.quotes(actor)


class ScanSource:
    """The whole store in memory, read again on every sync (the fallback)."""

    has_index = False

    def __init__(self, store_root: Path, max_bytes: int | None = None, outside_links: bool = False) -> None:
        self.store_root = Path(store_root)
        self.max_bytes = max_bytes
        self.outside_links = outside_links
        self._articles: list[Article] = []
        self._by_id: dict[str, Article] = {}
        self._problems: list[Problem] = []

    def summaries(self, query: str | None = None) -> list[Article]:
        if query:
            return [hit.summary for hit in self.search(query).hits]  # type: ignore[misc]
        return list(self._articles)

    def article(self, article_id: str) -> Article | None:
        return self._by_id.get(article_id)

    def analysis(self, article_id: str) -> Analysis | None:
        return None

    def problems(self) -> list[Problem]:
        return list(self._problems)

    def sync(
        self, progress: Progress | None, cancel: threading.Event | None, listed: Callable[[], None] | None = None
    ) -> SyncResult:
        from reader.store import scan_store

        if progress is not None:
            progress(0, 0)
        options = {"max_bytes": self.max_bytes} if self.max_bytes else {}
        scan = scan_store(self.store_root, outside_links=self.outside_links, **options)
        before = self._articles
        self._articles = list(scan.articles)
        self._by_id = {article.id: article for article in self._articles}
        self._problems = list(scan.problems)
        changed = before != self._articles
        return SyncResult(updated=int(changed), problems=tuple(scan.problems))

    def sync_paths(self, paths: Sequence[str]) -> SyncResult:
        return self.sync(None, None)

    def take_notices(self) -> list[str]:
        return []

    def search(self, text: str) -> SearchResult:
        query = parse_query(text)
        if query.actors or query.speakers:
            raise QueryError(f"actor: and said: — {NO_INDEX}")
        words, prefixes = _search_terms(text)
        found = filter_articles(self._articles, " ".join((*words, *prefixes))) or []
        sources = [source.casefold() for source in query.sources]
        matches = [
            article
            for article in found
            if all(source in (article.source or "").casefold() for source in sources)
            and (query.date_from is None or (article.date is not None and article.date >= query.date_from))
            and (query.date_to is None or (article.date is not None and article.date <= query.date_to))
        ]
        if query.matches_nothing:
            matches = []
        hits = [SearchHit(article, "", (), 0.0) for article in matches]  # type: ignore[arg-type]
        return SearchResult(text, hits, len(hits), False, words, prefixes)

    def actors(self) -> list[ActorStats]:
        raise UserError(f"Actors: {NO_INDEX}")

    def actors_called(self, text: str) -> set[str]:
        return set()

    def quotes(self, actor: str) -> list[QuoteHit]:
        raise UserError(f"Quotes: {NO_INDEX}")
