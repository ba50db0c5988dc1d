"""The app's archive lifecycle: open the index, list at once, index in the background,
then follow the store on disk. One thread worker does it all, in that order, and
reports by messages; `_stop` (a threading.Event) ends it on quit.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from typing import TYPE_CHECKING, Any

from textual import work

from reader.errors import UserError
from reader.model import Article
from reader.ui.archive_messages import (
    FirstScreen,
    Listing,
    SourceReady,
    StoreNotice,
    SyncDone,
    SyncProgress,
)
from reader.ui import collector

if TYPE_CHECKING:
    from reader.index.sync import SyncResult
    from reader.index.peek import IndexPeek
    from reader.ui.app import NewsreaderApp
    from reader.ui.archive_source import ArticleSource

RELIST_SECONDS = 0.5  # during indexing, the list is refreshed at most this often
FIRST_RELIST_SECONDS = 0.1  # but the first articles of a new store are listed at once
FIRST_SCREEN = 200  # articles listed before the whole list is read from a warm index
BUSY_RETRY_SECONDS = 1.0  # while another process indexes the store, its progress is listed this often


class LiveArchive:
    """Mixed into NewsreaderApp: the worker side of the archive."""

    _stop: threading.Event
    _peek: IndexPeek | None = None

    def _start_archive(self: NewsreaderApp) -> None:
        """Called after the first paint: the worker holds the GIL while it lists."""
        collector.resume()
        if self._stop.is_set():
            return
        self._run_archive()

    def _stop_archive(self: NewsreaderApp) -> None:
        self._stop.set()
        self._close_peek()

    def _list_from_peek(self: NewsreaderApp) -> None:
        """Before the first paint: the newest articles of a warm index, and the means
        to open them, until the worker has the archive open."""
        from reader.index.peek import peek_index

        self._peek = peek_index(self.store_path, FIRST_SCREEN)
        if self._peek is not None and self._peek.total:
            self._show_first_screen(self._peek.newest, self._peek.total)

    def _archive_reader(self: NewsreaderApp) -> ArticleSource | IndexPeek | None:
        """Where to read an article and its analysis: the archive once it is open, else the peek."""
        return self.source if self.source is not None else self._peek

    def _close_peek(self: NewsreaderApp) -> None:
        if self._peek is not None:
            self._peek.close()
            self._peek = None

    @work(thread=True, exclusive=True, exit_on_error=False, group="archive")
    def _run_archive(self: NewsreaderApp) -> None:
        # The app's own analyser uses the gazetteer the command line uses: the index then
        # serves both. Any other analyser (tests) replaces the analysis in the index too.
        from reader.ui.analyser import GazetteerAnalyser
        from reader.ui.archive_source import open_source

        injected = self.analyser if not isinstance(self.analyser, (GazetteerAnalyser, type(None))) else None
        gazetteer, gazetteer_notices = _gazetteer(self) if injected is None else (None, [])
        source, notices = open_source(
            self.store_path, max_bytes=self.max_file_bytes, outside_links=self.outside_links, gazetteer=gazetteer, analyser=injected
        )
        self.post_message(SourceReady(source, [*notices, *gazetteer_notices]))
        if source.has_index:
            newest, total = source.first_screen(FIRST_SCREEN)  # type: ignore[attr-defined]
            if len(newest) < total:
                self.post_message(FirstScreen(newest, total))
            self.post_message(Listing(source.summaries(), source.problems()))
        source = self._sync_all(source)
        if source is None or self._stop.is_set():
            return
        self._follow(source)

    def _sync_all(self: NewsreaderApp, source: ArticleSource) -> ArticleSource | None:
        from reader.index.archive import IndexBusy

        stop = self._stop
        last = {"time": time.monotonic(), "done": 0, "interval": FIRST_RELIST_SECONDS}

        def progress(done: int, total: int) -> None:
            self.post_message(SyncProgress(done, total))
            now = time.monotonic()
            if done > last["done"] and now - last["time"] >= last["interval"] and not stop.is_set():
                articles = source.summaries()
                cost = time.monotonic() - now
                # A huge list costs the UI thread too: refresh it less often.
                interval = max(RELIST_SECONDS, 10 * cost) if articles else FIRST_RELIST_SECONDS
                last.update(time=time.monotonic(), done=done, interval=interval)
                if articles:
                    self.post_message(Listing(articles))

        def listed() -> None:
            if not stop.is_set():
                last.update(time=time.monotonic())
                self.post_message(Listing(source.summaries(), source.problems()))

        busy_told = False
        while True:
            try:
                result = source.sync(progress, stop, listed)
                break
            except IndexBusy as busy:
                # Another process is indexing this store: show what it has committed so
                # far, and take over once it is done.
                if not busy_told:
                    busy_told = True
                    self.post_message(StoreNotice(f"{_sentence(str(busy))}: showing what it holds so far", "warning"))
                self.post_message(Listing(source.summaries(), source.problems()))
                if stop.wait(BUSY_RETRY_SECONDS):
                    return None
            except UserError as error:  # a full disk: what is indexed stays readable
                self.post_message(StoreNotice(_sentence(str(error)), "error"))
                result = None
                break
            except (sqlite3.Error, OSError) as error:
                if not source.has_index:
                    raise
                from reader.ui.archive_source import ScanSource, fallback_notice

                source = ScanSource(source.store_root, self.max_file_bytes, self.outside_links)
                self.post_message(SourceReady(source, [fallback_notice(error)]))
                result = source.sync(progress, stop)
                break
        if stop.is_set():
            return None
        self._post_index_notices(source)
        self.post_message(Listing(source.summaries(), source.problems()))
        self.post_message(SyncDone(result))
        return source

    def _follow(self: NewsreaderApp, source: ArticleSource) -> None:
        from reader.index.archive import IndexBusy
        from reader.ui.watch import Back, Changed, Gone, Settling, store_events

        root = source.store_root
        real_root = os.path.realpath(root)
        settling = Settling(root)

        def post_listing() -> None:
            problems = [problem for problem in source.problems() if not settling.hides(problem)]
            self.post_message(Listing(source.summaries(), problems))

        # Live updates never stop silently: changes met while the index is busy (another
        # process, another program's lock) or unwritable wait here and are tried again.
        waiting: set[str] = set()
        whole_store = False
        trouble: str | None = None  # the notice shown for the current spell of trouble

        def attempt(sync) -> SyncResult | None:
            nonlocal trouble
            try:
                result = sync()
            except (UserError, sqlite3.Error, OSError) as error:
                text = _sentence(str(error))
                if trouble != text:
                    trouble = text
                    ending = "new files appear once it is free" if isinstance(error, IndexBusy) else "trying again"
                    self.post_message(StoreNotice(f"{text}: {ending}", "warning"))
                return None
            if trouble is not None:
                trouble = None
                self.post_message(StoreNotice("The index is up to date again"))
            self._post_index_notices(source)
            return result

        for event in store_events(root, self._stop):
            if self._stop.is_set():
                return
            if isinstance(event, Gone):
                self.post_message(
                    StoreNotice(f"The store {root} {event.reason}; what was read stays readable", "warning")
                )
                continue
            if isinstance(event, Back):
                self.post_message(StoreNotice(f"The store {root} is back"))
                whole_store = True
            assert isinstance(event, (Changed, Back))
            changed = False
            paths = getattr(event, "paths", frozenset())
            if paths or waiting or whole_store:
                relative = {_relative(path, real_root, str(root)) for path in paths} | waiting
                if whole_store or any(os.path.isdir(path) for path in paths):
                    # the store came back, or a new folder: its files may predate the watch
                    result = attempt(lambda: source.sync(None, self._stop))
                else:
                    result = attempt(lambda: source.sync_paths(sorted(relative)))
                if result is None:
                    waiting = relative
                    whole_store = whole_store or bool(paths and any(os.path.isdir(path) for path in paths))
                    continue
                waiting, whole_store = set(), False
                settling.release(relative)
                settling.hold(result.problems, relative)
                changed = result.changed or isinstance(event, Back)
            moving, settled = settling.due()
            if moving:
                result = attempt(lambda: source.sync_paths(moving))
                if result is None:
                    waiting.update(moving)
                    continue
                settling.hold(result.problems, moving)
                changed = changed or result.changed
            if changed or moving or settled:
                post_listing()

    def _post_index_notices(self: NewsreaderApp, source: ArticleSource) -> None:
        for notice in source.take_notices():
            self.post_message(StoreNotice(_sentence(notice), "warning"))


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _relative(path: str, real_root: str, root: str) -> str:
    for top in (root, real_root):
        relative = os.path.relpath(path, top)
        if not relative.startswith(".."):
            return relative.replace(os.sep, "/")
    relative = os.path.relpath(os.path.realpath(path), real_root)
    return relative.replace(os.sep, "/")


def _gazetteer(app: Any) -> tuple[Any, list[str]]:
    """The gazetteer the command line uses too, so both share one index."""
    from reader.analysis.gazetteer import load_gazetteer
    from reader.paths import config_dir

    gazetteer, problems = load_gazetteer(app.store_path, config_dir())
    return gazetteer, [f"actors.yaml: {problem}" for problem in problems]


def fresh_article(source: ArticleSource | None, article: Article) -> Article | None:
    """The article as the archive has it now (None if it is gone)."""
    if source is None:
        return article
    return source.article(article.id)
