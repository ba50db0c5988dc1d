"""The sidebar: the search field and the line saying what it found, the saved searches,
the feeds' folders, the list of articles, and the lines under it (unreadable files,
indexing, fetching).

It runs the searches the reader types (after a pause in the typing, in a thread worker)
and posts their results up as `SearchDone`; the screen lists them and hands them back
with `show_results`. It counts the saved searches in the background, and moves the
cursor from one of its lists to the next when a key leaves one at an end. Its border
title counts the articles, shortened when the sidebar is too narrow for all of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Sequence

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.events import Resize
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input
from textual.worker import Worker, WorkerState

from reader.errors import UserError
from reader.ui.archive_messages import ListReady, SavedCounts, SearchDone, SearchFailed
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.feed_folders import FeedFolderList
from reader.ui.widgets.saved_searches import SavedSearchList
from reader.ui.widgets.search_bar import SearchStatus
from reader.ui.widgets.search_input import SearchInput

if TYPE_CHECKING:
    from reader.archive.search import SearchResult
    from reader.archive.service import Archive

TITLE_MARGIN = 4  # the border's corners and a space either side of the title
SEARCH_DEBOUNCE_SECONDS = 0.25
COUNT_DEBOUNCE_SECONDS = 0.5


class Sidebar(Vertical):
    @dataclass
    class SearchEmptied(Message):
        """The reader emptied the search field (the field stays open): the whole archive again."""

    def __init__(
        self,
        archive: Archive,
        article_list: ArticleList,
        feed_folders: FeedFolderList,
        below: Sequence[Widget],
        *,
        read_ids: Callable[[], frozenset[str]],
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._titles: tuple[str, ...] = ()
        self.archive = archive
        self.search_input = SearchInput(id="search")
        self.search_status = SearchStatus(id="search-status")
        self.saved_list = SavedSearchList(id="saved-searches")
        self.feed_folders = feed_folders
        self.article_list = article_list
        self._below = below
        self._read_ids = read_ids
        self._search_timer: Timer | None = None
        self._count_timer: Timer | None = None
        self._searching = False  # a search runs, or its results are on their way to the screen
        # The reader pressed Enter in the field (the app sets this as the key arrives, before
        # the field has handled the keys typed ahead of it): the keys after it wait for the results.
        self.results_awaited = False

    def compose(self) -> ComposeResult:
        yield self.search_input
        yield self.search_status
        yield self.saved_list
        yield self.feed_folders
        yield self.article_list
        yield from self._below

    @property
    def idle(self) -> bool:
        """No search or count waiting to run, and no search's results still to be listed."""
        return self._search_timer is None and self._count_timer is None and not self._searching

    # ---------------------------------------------------------------- title

    def set_titles(self, *titles: str) -> None:
        """Titles from the fullest to the shortest: the border shows the first that fits."""
        self._titles = titles
        self._fit_title()

    def on_resize(self, event: Resize) -> None:
        self._fit_title()

    def _fit_title(self) -> None:
        if not self._titles:
            return
        room = self.size.width - TITLE_MARGIN
        if room <= 0:  # not laid out yet
            self.border_title = self._titles[0]
            return
        self.border_title = next((title for title in self._titles if len(title) <= room), self._titles[-1])

    # ---------------------------------------------------------------- search

    @property
    def query_text(self) -> str:
        return self.search_input.value.strip()

    def open_search(self) -> None:
        self.add_class("-searching")
        # Now, not after a refresh: keys typed straight after `/` (a paste, a fast
        # typist) are already queued behind this one and must land in the field.
        self.screen.set_focus(self.search_input)

    def search_for(self, query: str) -> None:
        """`query` in the field (as if typed) and searched now."""
        self.add_class("-searching")
        with self.prevent(SearchInput.Changed):
            self.search_input.value = query
        self.search_now()

    def search_now(self, keep: str | None = None) -> None:
        """Search for what the field says; `keep`: the article the cursor stays on."""
        self._cancel_scheduled_search()
        text = self.query_text
        if not text:
            self.workers.cancel_group(self, "search")
            self.search_status.clear()
            self._searching = True  # until the screen has listed the whole archive again
            self.post_message(self.SearchEmptied())
            return
        if not self.archive.is_open:
            return  # searched again once the archive is open
        self.search_status.show_searching()
        self._searching = True
        self._run_search(text, keep)

    def show_results(self, result: SearchResult | None) -> None:
        """The screen listed `result` (None: the whole archive)."""
        self._search_settled()
        if result is not None:
            self.search_status.show_results(result)

    def end_search(self) -> None:
        """The field emptied and closed, and any search in flight forgotten."""
        self._cancel_scheduled_search()
        self.workers.cancel_group(self, "search")
        self._search_settled()
        with self.prevent(SearchInput.Changed):
            self.search_input.value = ""
        self.search_status.clear()
        self.remove_class("-searching")

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def _run_search(self, text: str, keep: str | None) -> None:
        try:
            result = self.archive.search(text)
        except UserError as error:  # QueryError included: the message is for the reader
            self.post_message(SearchFailed(text, str(error)))
            return
        self.post_message(SearchDone(result, keep))

    def on_search_failed(self, message: SearchFailed) -> None:
        message.stop()
        if message.text == self.query_text:
            self._search_settled()
            self.search_status.show_error(message.reason)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "search" and event.state == WorkerState.ERROR:
            self._search_settled()
            self.search_status.show_error(f"Search failed: {event.worker.error}")

    def _schedule_search(self) -> None:
        if self._search_timer is None:
            self._search_timer = self.set_timer(SEARCH_DEBOUNCE_SECONDS, self.search_now)
        else:
            self._search_timer.reset()

    def _cancel_scheduled_search(self) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
            self._search_timer = None

    @on(Input.Changed, "#search")
    def _search_changed(self) -> None:
        self._schedule_search()

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        """Enter: the search runs now and the list takes the keys; the app holds the keys
        typed after Enter (see `results_awaited`) until its results are listed."""
        if self._search_timer is not None:
            self.search_now()
        self.screen.set_focus(self.article_list)
        if not self._searching:
            self._search_settled()

    def _search_settled(self) -> None:
        """The search's results are listed, or it failed or was given up."""
        self._searching = False
        if self.results_awaited:
            self.results_awaited = False
            self.app.post_message(ListReady())

    # -------------------------------------------------------- saved searches

    def count_saved_soon(self) -> None:
        """Count the saved searches' articles (unread, all) once the reader pauses."""
        if not self.saved_list.searches or not self.archive.is_open:
            return
        if self._count_timer is None:
            self._count_timer = self.set_timer(COUNT_DEBOUNCE_SECONDS, self._count_saved_now)
        else:
            self._count_timer.reset()

    def _count_saved_now(self) -> None:
        self._count_timer = None
        self._count_saved(dict(self.saved_list.searches), self._read_ids())

    @work(thread=True, exclusive=True, exit_on_error=False, group="saved-counts")
    def _count_saved(self, searches: dict[str, str], read_ids: frozenset[str]) -> None:
        counts: dict[str, tuple[int, int] | None] = {}
        for name, query in searches.items():
            try:
                matching = self.archive.summaries(query)
            except UserError:
                counts[name] = None
            else:
                counts[name] = (sum(article.id not in read_ids for article in matching), len(matching))
        self.post_message(SavedCounts(counts))

    def on_saved_counts(self, message: SavedCounts) -> None:
        message.stop()
        self.saved_list.show(self.saved_list.searches, message.counts)

    # ------------------------------------------- from one list to the next

    def on_article_list_above_first(self, message: ArticleList.AboveFirst) -> None:
        message.stop()
        if self.feed_folders.display:
            self.feed_folders.enter_from_below()
        elif self.saved_list.display:
            self.saved_list.enter_from_below()

    def on_saved_search_list_left(self, message: SavedSearchList.Left) -> None:
        message.stop()
        if message.down and self.feed_folders.display:
            self.feed_folders.enter_from_above()
        else:
            self.screen.set_focus(self.article_list)

    def on_feed_folder_list_left(self, message: FeedFolderList.Left) -> None:
        message.stop()
        self.screen.set_focus(self.article_list)

    def on_feed_folder_list_above_first(self, message: FeedFolderList.AboveFirst) -> None:
        message.stop()
        if self.saved_list.display:
            self.saved_list.enter_from_below()
