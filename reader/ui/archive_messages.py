"""Messages the archive's worker (loading, indexing, following) and the search
workers post to the reading screen."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Mapping, Sequence

from textual.message import Message
from textual.notifications import SeverityLevel

from reader.model import Problem
from reader.present.rows import Listed

if TYPE_CHECKING:  # the index is imported by the worker, after the first paint
    from reader.archive.search import SearchResult
    from reader.index import SyncResult


@dataclass
class ArchiveOpened(Message):
    """The archive is open (the index, or the plain-scan fallback); notices for the reader."""

    notices: Sequence[str]


@dataclass
class Listing(Message):
    """Every article now in the archive, newest first; `problems` is None when unchanged."""

    articles: Sequence[Listed]
    problems: Sequence[Problem] | None = None

    def can_replace(self, message: Message) -> bool:
        # Textual asks the queued message whether the next one supersedes it: a newer
        # list does, unless this one brought problems that one lacks.
        return isinstance(message, Listing) and (message.problems is not None or self.problems is None)


@dataclass
class FirstScreen(Message):
    """The newest articles of a warm index, to show while the whole list is read."""

    articles: Sequence[Listed]
    total: int


@dataclass
class SyncProgress(Message):
    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, SyncProgress)


@dataclass
class SyncDone(Message):
    result: SyncResult | None


@dataclass
class StoreNotice(Message):
    """Something about the store the reader should know (it vanished, it is back)."""

    text: str
    severity: SeverityLevel = "information"


class ListReady(Message):
    """The list shows what the reader asked for (the archive at start, a search's results
    after Enter), or says why it cannot: keys typed meanwhile can act now (the app holds
    them until then). Posted to the app itself: a message posted while the screen handles
    another would not bubble past the screen."""


@dataclass
class SearchDone(Message):
    result: SearchResult
    keep: str | None


@dataclass
class SearchFailed(Message):
    text: str
    reason: str


@dataclass
class SavedCounts(Message):
    """(Unread, matching) articles per saved search (None: the query is not valid)."""

    counts: Mapping[str, tuple[int, int] | None]
