"""The archive without its index (an unwritable cache folder): the whole store in
memory, read again on every sync. Listing, reading and word search still work;
actors, quotes, actor: and said: need the index."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from reader.archive.search import ParsedSearch, scan_matches
from reader.errors import UserError
from reader.index.query import QueryError
from reader.model import Article, Problem

if TYPE_CHECKING:
    from reader.index import SyncResult

NO_INDEX = "this needs the archive index, which could not be opened"


def fallback_notice(error: BaseException) -> str:
    return f"Archive index unavailable ({error}); reading the store directly: no actors, quotes or search filters"


class ScannedStore:
    def __init__(self, store_root: Path, max_bytes: int | None = None, outside_links: bool = False) -> None:
        self.store_root = Path(store_root)
        self.max_bytes = max_bytes
        self.outside_links = outside_links
        self._articles: list[Article] = []
        self._by_id: dict[str, Article] = {}
        self._problems: list[Problem] = []

    def summaries(self) -> list[Article]:
        return list(self._articles)

    def article(self, article_id: str) -> Article | None:
        return self._by_id.get(article_id)

    def problems(self) -> list[Problem]:
        return list(self._problems)

    def sync(
        self, progress: Callable[[int, int], None] | None = None, cancel: threading.Event | None = None
    ) -> SyncResult:
        from reader.index import SyncResult
        from reader.store import scan_store

        if progress is not None:
            progress(0, 0)
        options = {"max_bytes": self.max_bytes} if self.max_bytes else {}
        scan = scan_store(self.store_root, outside_links=self.outside_links, **options)
        before = self._articles
        self._articles = list(scan.articles)
        self._by_id = {article.id: article for article in self._articles}
        self._problems = list(scan.problems)
        return SyncResult(updated=int(before != self._articles), problems=tuple(scan.problems))

    def search(self, search: ParsedSearch) -> Sequence[Article]:
        if search.query.actors or search.query.speakers:
            raise QueryError(f"actor: and said: — {NO_INDEX}")
        return scan_matches(self._articles, search)


def no_index(what: str) -> UserError:
    return UserError(f"{what}: {NO_INDEX}")
