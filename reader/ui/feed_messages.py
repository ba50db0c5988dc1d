"""Messages the feed-fetching worker (`reader.ui.feed_fetch`) posts while it runs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Sequence

from textual.message import Message

if TYPE_CHECKING:  # the feed code is imported by the worker, when a fetch is asked for
    from reader.feeds.run import FeedResult
    from reader.feeds.settings import FeedEntry


@dataclass
class FeedsFetching(Message):
    """`done` of `total` feeds fetched so far."""

    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, FeedsFetching)


@dataclass
class FeedsFetched(Message):
    """A fetch ended: the feeds the config lists now, one result per feed, warnings about
    the config's entries; `error` when the config could not be read at all."""

    entries: Sequence[FeedEntry]
    results: Sequence[FeedResult]
    warnings: Sequence[str] = field(default_factory=list)
    error: str | None = None
