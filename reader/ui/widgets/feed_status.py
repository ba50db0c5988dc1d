"""The line at the foot of the sidebar while feeds are fetched ("Fetching 3/12 feeds…").

It also runs the fetches, in a thread worker: when asked (`fetch_now`, the R key) and,
with `fetch_every` in the config, at start and then that often. Nothing is written before
the store's first indexing is done (`store_ready`): the follower that keeps the list up to
date starts after it. The worker's `FeedsFetched` bubbles on to the screen.
"""

from __future__ import annotations

import threading
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.content import Content
from textual.widget import Widget
from textual.worker import Worker, WorkerState

from reader.ui.feed_fetch import fetch_configured_feeds
from reader.ui.feed_messages import FeedsFetched, FeedsFetching

if TYPE_CHECKING:
    from reader.feeds.download import Limits


class FeedStatus(Widget):
    DEFAULT_CSS = """
    FeedStatus { height: 1; display: none; background: $boost; }
    FeedStatus.-active { display: block; }
    """

    def __init__(self, store: Path, *, every: int | None = None, id: str | None = None) -> None:
        super().__init__(id=id)
        self.store = store
        self.every = every  # seconds, or None: only when asked
        self.limits: Limits | None = None  # None: reader.feeds' defaults (tests make them small)
        self.fetching = False
        self.done = 0
        self.total = 0
        self._asked = False
        self._stop = threading.Event()
        self._store_indexed = threading.Event()

    def store_ready(self) -> None:
        """The store is indexed and followed: fetches may write (the scheduled ones start)."""
        if self._store_indexed.is_set():
            return
        self._store_indexed.set()
        self.refresh()
        if self.every:
            self._fetch_on_schedule()
            self.set_interval(self.every, self._fetch_on_schedule)

    def on_unmount(self) -> None:
        self._stop.set()

    def fetch_now(self) -> bool:
        """Start fetching every configured feed; False if a fetch is already running."""
        return self._start(asked=True)

    def _fetch_on_schedule(self) -> None:
        self._start(asked=False)

    def _start(self, *, asked: bool) -> bool:
        if self.fetching:
            return False
        self.fetching, self._asked = True, asked
        self.done = self.total = 0
        self.set_class(True, "-active")
        self.refresh()
        self.run_worker(
            partial(fetch_configured_feeds, self.store, self._stop, self.post_message, self.limits, self._store_indexed),
            thread=True, exclusive=True, exit_on_error=False, group="feeds",
        )
        return True

    @property
    def asked(self) -> bool:
        """Whether the running (or last) fetch was asked for with R, not scheduled."""
        return self._asked

    def on_feeds_fetching(self, message: FeedsFetching) -> None:
        message.stop()
        self.done, self.total = message.done, message.total
        self.refresh()

    def on_feeds_fetched(self, message: FeedsFetched) -> None:
        self._finish()  # the message goes on to the screen

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "feeds":
            return
        event.stop()
        if event.state == WorkerState.ERROR:
            self.post_message(FeedsFetched([], [], error=f"fetching the feeds failed: {event.worker.error}"))
        elif event.state == WorkerState.CANCELLED:
            self._finish()

    def _finish(self) -> None:
        self.fetching = False
        self.set_class(False, "-active")

    def render(self) -> Content:
        if not self._store_indexed.is_set():
            return Content.assemble((" Feeds: fetching once the store is indexed…", "$text-muted"))
        if not self.total:
            return Content.assemble((" Fetching feeds…", "$text-muted"))
        return Content.assemble((f" Fetching {self.done}/{self.total} feeds…", "$text-muted"))
