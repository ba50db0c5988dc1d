"""The archive's life in the app, run in one thread worker: open the index, list at
once, index in the background, then follow the store on disk, in that order,
reporting by messages (`reader.ui.archive_messages`). `stop` ends it on quit.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from typing import Callable

from textual.message import Message

from reader.archive.follow import sentence
from reader.archive.service import Archive
from reader.errors import UserError
from reader.ui.archive_messages import ArchiveOpened, FirstScreen, Listing, StoreNotice, SyncDone, SyncProgress

RELIST_SECONDS = 0.5  # during indexing, the list is refreshed at most this often
FIRST_RELIST_SECONDS = 0.1  # but the first articles of a new store are listed at once
FIRST_SCREEN = 200  # articles listed before the whole list is read from a warm index
BUSY_RETRY_SECONDS = 1.0  # while another process indexes the store, its progress is listed this often

Post = Callable[[Message], object]


def keep_archive(archive: Archive, stop: threading.Event, post: Post) -> None:
    from reader.archive.follow import Notice

    post(ArchiveOpened(archive.open()))
    if (first := archive.first_screen(FIRST_SCREEN)) is not None:
        newest, total = first
        if len(newest) < total:
            post(FirstScreen(newest, total))
        post(Listing(archive.summaries(), archive.problems()))
    if not _sync_all(archive, stop, post) or stop.is_set():
        return
    for event in archive.follow(stop):
        if isinstance(event, Notice):
            post(StoreNotice(event.text, event.severity))
        else:
            post(Listing(archive.summaries(), event.problems))


def _sync_all(archive: Archive, stop: threading.Event, post: Post) -> bool:
    last = {"time": time.monotonic(), "done": 0, "interval": FIRST_RELIST_SECONDS}

    def progress(done: int, total: int) -> None:
        post(SyncProgress(done, total))
        now = time.monotonic()
        if done > last["done"] and now - last["time"] >= last["interval"] and not stop.is_set():
            articles = archive.summaries()
            cost = time.monotonic() - now
            # A huge list costs the UI thread too: refresh it less often.
            interval = max(RELIST_SECONDS, 10 * cost) if articles else FIRST_RELIST_SECONDS
            last.update(time=time.monotonic(), done=done, interval=interval)
            if articles:
                post(Listing(articles))

    def listed() -> None:
        if not stop.is_set():
            last.update(time=time.monotonic())
            post(Listing(archive.summaries(), archive.problems()))

    from reader.index.archive import IndexBusy

    busy_told = False
    while True:
        try:
            result = archive.sync(progress, stop, listed)
            break
        except IndexBusy as busy:
            # Another process is indexing this store: show what it has committed so
            # far, and take over once it is done.
            if not busy_told:
                busy_told = True
                post(StoreNotice(f"{sentence(str(busy))}: showing what it holds so far", "warning"))
            post(Listing(archive.summaries(), archive.problems()))
            if stop.wait(BUSY_RETRY_SECONDS):
                return False
        except UserError as error:  # a full disk: what is indexed stays readable
            post(StoreNotice(sentence(str(error)), "error"))
            result = None
            break
        except (sqlite3.Error, OSError) as error:
            if not archive.has_index:
                raise
            post(ArchiveOpened([archive.fall_back(error)]))
            result = archive.sync(progress, stop)
            break
    if stop.is_set():
        return False
    for notice in archive.take_notices():  # the index was found damaged, or deleted: rebuilt
        post(StoreNotice(sentence(notice), "warning"))
    post(Listing(archive.summaries(), archive.problems()))
    post(SyncDone(result))
    return True
