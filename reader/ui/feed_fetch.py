"""Fetching the configured feeds from a thread worker, reporting by messages
(`reader.ui.feed_messages`). The config file is read again each time, so that a feed
added with `newsreader feed add` while the app runs is fetched too."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from textual.message import Message

from reader.errors import UserError
from reader.ui.feed_messages import FeedsFetched, FeedsFetching

if TYPE_CHECKING:
    from reader.feeds.download import Limits
    from reader.feeds.run import FeedProgress

Post = Callable[[Message], object]


def fetch_configured_feeds(
    store: Path, stop: threading.Event, post: Post, limits: Limits | None = None, ready: threading.Event | None = None
) -> None:
    """Fetch once `ready` is set (the store's first indexing is done: files written while
    it runs could be missed by the follower that starts after it), unless `stop` is set first."""
    while ready is not None and not ready.wait(0.1):
        if stop.is_set():
            return
    if stop.is_set():
        return
    from reader.feeds.download import Limits
    from reader.feeds.run import fetch_feeds
    from reader.feeds.settings import configured_feeds

    try:
        _, entries, warnings = configured_feeds()
    except UserError as error:  # the config file is a FIFO or a device
        post(FeedsFetched([], [], error=str(error)))
        return
    if not entries:
        post(FeedsFetched([], [], warnings))
        return
    post(FeedsFetching(0, len(entries)))

    def progress(event: FeedProgress) -> None:
        if event.stage == "done":
            post(FeedsFetching(event.feeds_done, event.feeds_total))

    results = fetch_feeds(entries, store, limits=limits or Limits(), progress=progress, cancel=stop)
    if not stop.is_set():
        post(FeedsFetched(entries, results, warnings))
