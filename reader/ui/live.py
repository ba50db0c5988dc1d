"""The app's archive lifecycle: list what a warm index has at once, open and index
in the background, then follow the store on disk. One thread worker does it all,
in that order, through `reader.archive.service.Archive`, and reports by messages;
`_stop` (a threading.Event) ends it on quit.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from typing import TYPE_CHECKING

from textual import work

from reader.archive.follow import Notice
from reader.ui import collector
from reader.ui.archive_messages import ArchiveOpened, FirstScreen, Listing, StoreNotice, SyncDone, SyncProgress

if TYPE_CHECKING:
    from reader.ui.app import NewsreaderApp

RELIST_SECONDS = 0.5  # during indexing, the list is refreshed at most this often
FIRST_RELIST_SECONDS = 0.1  # but the first articles of a new store are listed at once
FIRST_SCREEN = 200  # articles listed before the whole list is read from a warm index


class LiveArchive:
    """Mixed into NewsreaderApp: the worker side of the archive."""

    _stop: threading.Event

    def _start_archive(self: NewsreaderApp) -> None:
        """Called after the first paint: the worker holds the GIL while it lists."""
        collector.resume()
        if self._stop.is_set():
            return
        self._run_archive()

    def _stop_archive(self: NewsreaderApp) -> None:
        self._stop.set()

    def _list_from_peek(self: NewsreaderApp) -> None:
        """Before the first paint: the newest articles of a warm index."""
        peeked = self.archive.peek(FIRST_SCREEN)
        if peeked is not None and peeked[1]:
            self._show_first_screen(*peeked)

    @work(thread=True, exclusive=True, exit_on_error=False, group="archive")
    def _run_archive(self: NewsreaderApp) -> None:
        archive = self.archive
        self.post_message(ArchiveOpened(archive.open()))
        if (first := archive.first_screen(FIRST_SCREEN)) is not None:
            newest, total = first
            if len(newest) < total:
                self.post_message(FirstScreen(newest, total))
            self.post_message(Listing(archive.summaries(), archive.problems()))
        if not self._sync_all() or self._stop.is_set():
            return
        for event in archive.follow(self._stop):
            if isinstance(event, Notice):
                self.post_message(StoreNotice(event.text, event.severity))
            else:
                self.post_message(Listing(archive.summaries(), event.problems))

    def _sync_all(self: NewsreaderApp) -> bool:
        archive = self.archive
        stop = self._stop
        last = {"time": time.monotonic(), "done": 0, "interval": FIRST_RELIST_SECONDS}

        def progress(done: int, total: int) -> None:
            self.post_message(SyncProgress(done, total))
            now = time.monotonic()
            if done > last["done"] and now - last["time"] >= last["interval"] and not stop.is_set():
                articles = archive.summaries()
                cost = time.monotonic() - now
                # A huge list costs the UI thread too: refresh it less often.
                interval = max(RELIST_SECONDS, 10 * cost) if articles else FIRST_RELIST_SECONDS
                last.update(time=time.monotonic(), done=done, interval=interval)
                if articles:
                    self.post_message(Listing(articles))

        def listed() -> None:
            if not stop.is_set():
                last.update(time=time.monotonic())
                self.post_message(Listing(archive.summaries(), archive.problems()))

        try:
            result = archive.sync(progress, stop, listed)
        except (sqlite3.Error, OSError) as error:
            if not archive.has_index:
                raise
            self.post_message(ArchiveOpened([archive.fall_back(error)]))
            result = archive.sync(progress, stop)
        if stop.is_set():
            return False
        self.post_message(Listing(archive.summaries(), archive.problems()))
        self.post_message(SyncDone(result))
        return True
