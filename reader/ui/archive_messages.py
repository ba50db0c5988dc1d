"""Messages the archive's workers (loading, indexing, watching, searching) post to the app."""

from __future__ import annotations

from typing import TYPE_CHECKING, Mapping, Sequence

from textual.message import Message

from reader.model import Problem
from reader.present.rows import Listed

if TYPE_CHECKING:  # the index is imported by the worker, after the first paint
    from reader.archive.search import SearchResult
    from reader.index import SyncResult


class ArchiveOpened(Message):
    """The archive is open (the index, or the plain-scan fallback); notices for the reader."""

    def __init__(self, notices: Sequence[str]) -> None:
        super().__init__()
        self.notices = notices


class Listing(Message):
    """Every article now in the archive, newest first; `problems` is None when unchanged."""

    def __init__(self, articles: Sequence[Listed], problems: Sequence[Problem] | None = None) -> None:
        super().__init__()
        self.articles = articles
        self.problems = problems


class FirstScreen(Message):
    """The newest articles of a warm index, to show while the whole list is read."""

    def __init__(self, articles: Sequence[Listed], total: int) -> None:
        super().__init__()
        self.articles = articles
        self.total = total


class SyncProgress(Message):
    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done = done
        self.total = total


class SyncDone(Message):
    def __init__(self, result: SyncResult | None) -> None:
        super().__init__()
        self.result = result


class StoreNotice(Message):
    """Something about the store the reader should know (it vanished, it is back)."""

    def __init__(self, text: str, severity: str = "information") -> None:
        super().__init__()
        self.text = text
        self.severity = severity


class SearchDone(Message):
    def __init__(self, result: SearchResult, keep: str | None) -> None:
        super().__init__()
        self.result = result
        self.keep = keep


class SearchFailed(Message):
    def __init__(self, text: str, reason: str) -> None:
        super().__init__()
        self.text = text
        self.reason = reason


class SavedCounts(Message):
    """(Unread, matching) articles per saved search (None: the query is not valid)."""

    def __init__(self, counts: Mapping[str, tuple[int, int] | None]) -> None:
        super().__init__()
        self.counts = counts
