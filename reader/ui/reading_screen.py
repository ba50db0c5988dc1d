"""The reading screen: a sidebar of dated articles beside the reading pane.

It owns the layout and the wiring: the widgets post messages up and are handed
data down; the archive (`reader.archive.service.Archive`) is opened, indexed and
followed in one thread worker after the first paint (`reader.ui.live`). The sidebar
(`widgets/sidebar.py`) runs the searches and posts their results up; the feeds are
`FeedsController`'s, find is `Finder`'s, corrections are `Corrector`'s: the screen
hands each message to its owner. The App around it keeps theme, keys, saving, help
and quit.

Sections, in order: layout, loading, listing, the article, actions, find, the
archive, search, saved searches, actors and their quotes, feeds, corrections.
"""

from __future__ import annotations

import threading
import time
from functools import partial
from typing import TYPE_CHECKING, Mapping, Sequence

from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input
from textual.worker import Worker, WorkerState

from reader.archive.service import Archive
from reader.model import Article, Problem
from reader.present.empty_store import empty_store_hint, empty_store_title
from reader.present.rows import Listed
from reader.present.unread_only import UnreadOnly
from reader.text import safe_name
from reader.ui.archive_messages import (
    ArchiveOpened,
    FirstScreen,
    Listing,
    ListReady,
    SearchDone,
    StoreNotice,
    SyncDone,
    SyncProgress,
)
from reader.ui.actor_commands import ArchiveActorCommands
from reader.ui.commands import ArticleCommands, NewsreaderCommands, SavedSearchCommands
from reader.ui.feed_messages import FeedsFetched
from reader.ui.feeds_controller import FeedsController
from reader.ui.corrections_flow import CorrectionsApplied, Corrector
from reader.ui.live import FIRST_SCREEN, keep_archive
from reader.ui.mark_all_read import MarkAllRead
from reader.ui.panel_width import fit_panel_to_width
from reader.ui.sidebar_width import STEP, SidebarWidth
from reader.ui.persistence import StateKeeper
from reader.ui.who_said_what_commands import WhoSaidWhatCommands
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.article_view import ArticleView, no_room_for_three
from reader.ui.widgets.feed_folders import FeedFolderList
from reader.ui.widgets.find_bar import FindBar, Finder
from reader.ui.widgets.index_progress import IndexProgress
from reader.ui.widgets.key_footer import KeyFooter
from reader.ui.widgets.problems_link import ProblemsLink, problems_summary
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.saved_searches import SavedSearchList
from reader.ui.widgets.sidebar import Sidebar
from reader.ui.widgets.who_said_what import WhoSaidWhat

if TYPE_CHECKING:  # the index is imported by the archive worker, after the first paint
    from reader.archive.search import SearchResult
    from reader.feeds.settings import FeedEntry
    from reader.ui.screens.actors import ActorChoice
    from reader.ui.screens.quote_timeline import QuoteChoice

READ_AFTER_SECONDS = 3.0
# Columns from which the list and the article fit side by side with the list at its usual 42,
# and from which the who-said-what panel (34) fits beside them too with the article's text
# at least 40 columns wide (sidebar_width.MIN_ARTICLE_WIDTH).
MEDIUM_WIDTH = 100
WIDE = 120
# Keys moving through the list faster than this (held or repeated) are coalesced:
# the pane shows one article per interval, and the one the cursor rests on.
SETTLE_SECONDS = 0.03
# Once the reader rests on an article, its neighbours are read ahead (Archive.read_ahead).
PREFETCH_AFTER_SECONDS = 0.15


def actor_query(name: str) -> str:
    return 'actor:"' + name.replace('"', "") + '"'


class StateChanged(Message):
    """The reading state changed: the app saves it soon."""

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, StateChanged)


class ReadingScreen(Screen[None]):
    COMMANDS = {ArticleCommands, NewsreaderCommands, SavedSearchCommands, WhoSaidWhatCommands, ArchiveActorCommands}
    sidebar_visible: reactive[bool] = reactive(True, init=False)
    BINDINGS = [
        Binding("n", "next_article", "Next", id="newsreader.next_article", tooltip="Next article, from anywhere"),
        Binding(
            "p", "previous_article", "Prev", id="newsreader.previous_article", tooltip="Previous article, from anywhere"
        ),
        Binding("u", "toggle_read", "Read", id="newsreader.toggle_read", tooltip="Mark the article read or unread"),
        Binding("s", "toggle_star", "Star", id="newsreader.toggle_star", tooltip="Star or unstar the article"),
        Binding(
            "U", "unread_only", "Unread only", show=False, id="newsreader.unread_only",
            tooltip="List only unread articles (again: all)",
        ),
        Binding(
            "A", "mark_all_read", "All read", show=False, id="newsreader.mark_all_read",
            tooltip="Mark every article listed read (in a search, its results); z puts them back",
        ),
        Binding(
            "z,ctrl+z", "undo", "Undo", show=False, id="newsreader.undo",
            tooltip="Undo the last mark all read or correction, newest first",
        ),
        # Priority, as `/`: the keys typed straight after it must find the field focused.
        Binding("ctrl+f", "find", "Find", show=False, priority=True, id="newsreader.find",
                tooltip="Find in the article (n N step)"),
        Binding("N", "find_previous", "Previous match", show=False, id="newsreader.find_previous",
                tooltip="Previous match of the find (n: the next)"),
        Binding("escape", "close_find", "Close find", show=False, priority=True, id="newsreader.close_find",
                tooltip="Leave the find"),
        Binding(
            "slash", "search", "Search", id="newsreader.filter", priority=True,
            tooltip='Search: words, "a phrase", actor:"…", said:"…", source:, from:YYYY-MM-DD, to:',
        ),
        Binding("a", "actors", "Actors", id="newsreader.actors", tooltip="Every actor in the archive, with activity"),
        Binding(
            "S", "save_search", "Save search", id="newsreader.save_search",
            tooltip="Save the current search as a folder at the top of the list",
        ),
        # The same key with no search: says so (the binding above is hidden from the footer then).
        Binding("S", "nothing_to_save", show=False, id="newsreader.save_search"),
        Binding(
            "escape", "clear_search", "Whole archive", show=False, id="newsreader.clear_search",
            tooltip="End the search (then leave the feed listed): back to every article, where you were",
        ),
        Binding(
            "ctrl+b,backslash", "toggle_sidebar", "Sidebar", show=False, id="newsreader.toggle_sidebar",
            tooltip="Hide or show the list of articles",
        ),
        Binding(
            "greater_than_sign", "sidebar_width(1)", "Wider list", show=False, id="newsreader.wider_sidebar",
            tooltip="Widen the list of articles (kept for the next run)",
        ),
        Binding(
            "less_than_sign", "sidebar_width(-1)", "Narrower list", show=False, id="newsreader.narrower_sidebar",
            tooltip="Narrow the list of articles (kept for the next run)",
        ),
        Binding(
            "equals_sign", "sidebar_width(0)", "List width", show=False, id="newsreader.reset_sidebar",
            tooltip="The list's width back to the config's sidebar_width, else to suit the window",
        ),
        Binding(
            "exclamation_mark", "show_problems", "Unreadable files", show=False, id="newsreader.show_problems",
            tooltip="Files the store could not read, and feeds that failed",
        ),
        Binding(
            "R", "fetch_feeds", "Fetch feeds", show=False, id="newsreader.fetch_feeds",
            tooltip="Fetch the feeds now, in the background; fetch_every: 30m in the config fetches them that often",
        ),
        Binding(
            "w", "toggle_who_said_what", "Who said what", id="newsreader.who_said_what",
            tooltip="The article's actors and quotes, beside the text",
        ),
        Binding(
            "c", "choose_in_panel", "Choose", show=False, id="newsreader.choose_in_panel",
            tooltip="Go to who said what (opening it) to choose an actor or quote; e there corrects it",
        ),
    ]

    def __init__(
        self,
        archive: Archive,
        *,
        keeper: StateKeeper,
        saved_searches: Mapping[str, str],
        feeds: Mapping[str, object] | None = None,
        fetch_every: int | None = None,
        sidebar_width: int | None = None,
    ) -> None:
        super().__init__()
        self.sidebar_width = SidebarWidth(keeper, sidebar_width)
        self.archive = archive
        self.store_path = archive.store_root
        self.keeper = keeper
        self.set_reactive(ReadingScreen.sidebar_visible, bool(keeper.state.get("sidebar_visible", True)))
        self.saved_searches = dict(saved_searches)
        self.search: SearchResult | None = None
        self.all_articles: Sequence[Listed] = []
        self.problems: Sequence[Problem] = []
        self.read_after = READ_AFTER_SECONDS
        self._read_timer: Timer | None = None
        self._loaded = False
        self._syncing = False
        self._first_sync = True
        self._first_screen_shown = False
        self._listed = False  # the list has shown the archive (or why it cannot) once
        self._reader_here = False  # see reader_arrived
        self._before_search: str | None = None
        self._stop = threading.Event()
        self._last_shown = 0.0
        self._show_timer: Timer | None = None
        self._prefetch_timer: Timer | None = None
        self._pending: Listed | None = None
        self.unread_filter = UnreadOnly()
        self.mark_all = MarkAllRead()
        # Kept as attributes: they are still needed while the DOM is torn down on exit.
        self.article_list = ArticleList(marks=keeper, on_highlighted=self.on_article_list_highlighted, id="articles")
        self.pane = ReadingPane(analyse=self.archive.analyse, id="pane")
        self.progress = IndexProgress(id="index-progress")
        self.feeds = FeedsController(archive.store_root, feeds, fetch_every, self.notify)
        self.feed_folders = self.feeds.folders
        self.feed_status = self.feeds.status
        self.sidebar = Sidebar(
            archive, self.article_list, self.feed_folders,
            [ProblemsLink(id="problems-link"), self.progress, self.feed_status],
            read_ids=keeper.read_ids, id="sidebar",
        )
        self.search_input = self.sidebar.search_input
        self.search_status = self.sidebar.search_status
        self.saved_list = self.sidebar.saved_list
        self.finder = Finder(self.pane, self.sidebar, lambda: self.search.pattern if self.search is not None else None)
        self.corrector = Corrector(self, archive, self._show_corrections)

    # ---------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            yield self.sidebar
            yield ArticleView(self.pane, id="article-view")
        yield KeyFooter()

    @property
    def unread_only(self) -> bool:
        return bool(self.keeper.state.get("unread_only", False))

    @property
    def archive_idle(self) -> bool:
        """The archive is open and indexed, with no search or count pending (tests wait for it)."""
        return (
            self._loaded
            and not self._syncing
            and self.archive.is_open
            and self.sidebar.idle
        )

    def watch_sidebar_visible(self, visible: bool) -> None:
        self.set_class(not visible, "-hide-sidebar")
        self.keeper.set_pref("sidebar_visible", visible)
        self.post_message(StateChanged())

    def on_resize(self) -> None:
        # Next, not now: Screen's own handler, after this one, sets the width's classes.
        chosen = bool(self.keeper.state.get("panel_open", False))
        self.call_next(fit_panel_to_width, self, self.query_one(ArticleView), chosen)
        self.sidebar_width.apply(self.sidebar, self.size.width)

    def action_sidebar_width(self, direction: int) -> None:
        sidebar = self.sidebar
        if not sidebar.display:
            self.action_toggle_sidebar()
        if direction:
            self.sidebar_width.step(sidebar, self.size.width, direction * STEP)
        else:
            self.sidebar_width.reset(sidebar, self.size.width)
        self.post_message(StateChanged())

    def on_mount(self) -> None:
        self.set_class(not self.sidebar_visible, "-hide-sidebar")
        self.sidebar_width.apply(self.sidebar, self.app.size.width)
        self.pane.show_message("Loading…")
        self._update_counts()
        self._list_from_peek()
        (self.article_list if self.sidebar_visible else self.pane).focus()
        self.saved_list.show(self.saved_searches)
        self.feeds.show()
        self._show_feed_failures()
        if self.keeper.state.get("panel_open", False) and self.size.width >= WIDE:
            # As the reader left it (narrower, an open panel would hide the list that has the focus).
            self.query_one(ArticleView).set_panel(True, focus=False)
        self.call_after_refresh(self._start_archive)

    # --------------------------------------------------------------- loading

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        if event.worker.group == "archive":
            self._syncing = False
            self._first_sync = False  # nothing more will be read
            self.progress.finish()
            if not self.all_articles:
                self.article_list.show_message("The store could not be read")
                self.pane.show_message(f"Could not read the store {safe_name(str(self.store_path))}: {error}")
            self.notify(f"Could not read the store: {error}", severity="error", timeout=10)
            self._now_listed()
            self.feed_status.store_ready()  # no store to follow: a fetch still writes its files
        elif event.worker.group == "analysis":
            self.notify(f"Could not analyse this article: {error}", severity="warning")

    def on_archive_opened(self, message: ArchiveOpened) -> None:
        self._syncing = True
        for notice in message.notices:
            self.notify(notice, severity="warning", timeout=10)
        if self.sidebar.query_text:
            self.sidebar.search_now()

    def on_sync_progress(self, message: SyncProgress) -> None:
        if self._syncing:
            self.progress.set_progress(message.done, message.total)

    def on_sync_done(self, message: SyncDone) -> None:
        self._syncing = False
        self.progress.finish()
        if not self.all_articles:
            self.article_list.show_message("No articles yet")
            store = str(self.store_path)
            self.pane.show_message(empty_store_title(store), empty_store_hint(store, self.feeds.configured))
        self._now_listed()
        if self._first_sync:
            self._first_sync = False
            if summary := problems_summary(self.problems):
                self.notify(f"{summary[2:]}: press ! or click the line under the list", severity="warning", timeout=8)
        self.feed_status.store_ready()

    def _now_listed(self) -> None:
        if not self._listed:
            self._listed = True
            self.app.post_message(ListReady())

    @property
    def holds_keys(self) -> bool:
        """Keys typed now wait for the list: it is still loading, or a search the reader
        sent with Enter has not listed its results yet."""
        return not self._listed or self.sidebar.results_awaited

    def on_first_screen(self, message: FirstScreen) -> None:
        self._show_first_screen(message.articles, message.total)

    def _show_first_screen(self, articles: Sequence[Listed], total: int) -> None:
        """The newest articles, shown while the whole list is read, unless the
        article to restore is not among them (it would be a jump later)."""
        last = self.keeper.state.last_article
        if self._loaded or self._first_screen_shown:
            return
        if last is not None and all(article.id != last for article in articles):
            return
        self._first_screen_shown = True
        if self.unread_only:
            read = self.keeper.read_ids()
            articles = [article for article in articles if article.id not in read]
        self.article_list.set_articles(articles, keep=last)
        self.sidebar.set_titles(f"Articles {total:,}")
        self._show_highlighted()
        self._now_listed()

    def on_listing(self, message: Listing) -> None:
        self.archive.forget()  # what was read may have changed on disk
        first = not self._loaded
        self.keeper.follow_entries(message.articles, self.all_articles)  # an entry inserted above moves none
        self.all_articles = message.articles
        self._loaded = True
        if message.problems is not None:
            self.problems = message.problems
            self.query_one(ProblemsLink).show_problems(self.problems)
        if self.search is not None and self.sidebar.query_text:
            current = self.article_list.highlighted
            self.sidebar.search_now(keep=current.id if current else None)  # the results may have changed
        else:
            # After a first screen, the cursor stays where the reader has moved it since.
            shown = self.article_list.highlighted if first else None
            self._relist(keep=shown.id if shown is not None else self.keeper.state.last_article if first else None)
        if self.all_articles:
            self._now_listed()
        self._refresh_current()
        if self.corrector.edited_elsewhere():
            self._show_corrections()
            self.post_message(CorrectionsApplied())  # synced with the store: the actors view too
        self.sidebar.count_saved_soon()

    def on_store_notice(self, message: StoreNotice) -> None:
        self.notify(message.text, severity=message.severity, timeout=8)

    def _refresh_current(self) -> None:
        """The article on screen changed on disk: show the new text where the reader was."""
        article = self.pane.article
        if article is None or not self.archive.is_open:
            return
        fresh = self.archive.article(article.id)
        if fresh is not None and (fresh.body != article.body or fresh.title != article.title):
            self.pane.reload(fresh)

    # --------------------------------------------------------------- listing

    def _relist(self, keep: str | None = None, *, first: bool = False) -> None:
        """Show the archive (or the search results), unread only if asked; the cursor
        stays on `keep` (default: the article under it) or moves to its neighbour."""
        if not self._loaded:
            return
        near = self.article_list.cursor
        if keep is None and not first and (current := self.article_list.highlighted) is not None:
            keep = current.id
        if first:
            keep, near = None, 0
        grouped = True
        articles: Sequence[Listed] = self.all_articles
        empty = "Indexing the store…" if self._syncing else "No articles"
        if self.search is not None:
            articles = [hit.summary for hit in self.search.hits]
            grouped = not self.search.ranked
            empty = "No articles match"
        if self.feed_scope is not None:
            articles = self.feeds.narrow(articles)
            empty = "No articles match in this feed" if self.search is not None else "No articles from this feed yet: R fetches"
        if self.unread_only:
            # The article being read stays listed (read or not): the reader is not moved off it.
            reading = self.pane.article.id if self.pane.article is not None else None
            articles = self.unread_filter.filter(articles, self.keeper.read_ids(), reading)
        self.article_list.set_articles(articles, keep=keep, message=empty, grouped=grouped, near=near)
        self._update_counts()
        if not articles and self.search is not None and self.pane.article is not None:
            # Nothing matches: the article read before is not a result (Esc brings it back, where it was).
            self.remember_position()
            self.pane.show_message("No articles match this search · Esc: back to the whole archive")
        self._show_highlighted()

    def _show_highlighted(self) -> None:
        """Show the article under the cursor now, not when the list's message lands."""
        if (highlighted := self.article_list.highlighted) is not None:
            self._show_article(highlighted)

    def _update_counts(self) -> None:
        sidebar = self.sidebar
        if not self._loaded:
            sidebar.set_titles("Articles")
            return
        total = len(self.all_articles)
        shown = len(self.article_list.articles)
        unread = sum(not self.keeper.is_read(article.id) for article in self.all_articles)
        count = f"{shown:,} of {total:,}" if shown != total else f"{total:,}"
        # Narrow, the counts matter more than the word.
        sidebar.set_titles(f"Articles {count} · {unread:,} unread", f"{count} · {unread:,} unread")
        self.feeds.count(self.all_articles, self.keeper.read_ids)
        notes = [note] if (note := self.feeds.note()) else []
        if self.unread_only:
            notes.append("unread only")
        if self.search is not None:
            notes.append("ranked" if self.search.ranked else "newest first")
        sidebar.border_subtitle = " · ".join(notes)

    def on_search_input_cleared(self) -> None:
        self.end_search()
        self.article_list.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save_search":
            return self.search is not None
        if action == "nothing_to_save":
            return self.search is None
        if action == "close_find":
            return self.finder.stepping
        if action == "clear_search":
            return self.search is not None or bool(self.search_input.value) or self.feed_scope is not None
        return True

    # ----------------------------------------------------------- the article

    def on_article_list_highlighted(self, message: ArticleList.Highlighted) -> None:
        if not message.by_key:
            self._show_article(message.article)
            return
        # Keys faster than the pane can draw: show at most one article per SETTLE_SECONDS,
        # always ending on the one the cursor rests on; the list itself moves at once.
        self._pending = message.article
        if self._show_timer is not None:
            return
        wait = self._last_shown + SETTLE_SECONDS - time.monotonic()
        if wait <= 0:
            self._show_pending()
        else:
            self._show_timer = self.set_timer(wait, self._show_pending)

    def _show_pending(self) -> None:
        self._show_timer = None
        pending, self._pending = self._pending, None
        if pending is not None:
            self._last_shown = time.monotonic()
            self._show_article(pending)

    def on_article_list_opened(self, message: ArticleList.Opened) -> None:
        self._show_article(message.article)
        self.pane.focus()

    def _show_article(self, listed: Listed) -> None:
        if self._show_timer is not None:
            self._show_timer.stop()
            self._show_timer = None
        self._pending = None
        pane = self.pane
        if pane.article is not None and pane.article.id == listed.id:
            return
        article = listed if isinstance(listed, Article) else self._full_article(listed.id)
        if article is None:
            return
        self.remember_position()
        pane.show(article, self.archive.analysis(article.id))
        if position := self.keeper.state.position(article.id):
            pane.restore_scroll(position)
        changed = self.keeper.set_last_article(article.id)
        self._start_read_timer(article.id)
        if changed:
            self.post_message(StateChanged())
        if self._prefetch_timer is not None:
            self._prefetch_timer.stop()
        self._prefetch_timer = self.set_timer(PREFETCH_AFTER_SECONDS, self._read_ahead)

    def _read_ahead(self) -> None:
        """The articles either side of the cursor, read and drawn before the reader moves."""
        self._prefetch_timer = None
        if not self.archive.is_open:
            return
        articles = self.article_list.articles
        cursor = self.article_list.cursor
        neighbours = [articles[n].id for n in (cursor + 1, cursor - 1) if 0 <= n < len(articles)]
        for article, analysis in self.archive.read_ahead(neighbours):
            self.pane.prepare(article, analysis)

    def remember_position(self) -> None:
        pane = self.pane
        if pane.article is not None and self.keeper.set_position(pane.article.id, pane.scroll_y):
            self.post_message(StateChanged())

    def _start_read_timer(self, article_id: str) -> None:
        if self._read_timer is not None:
            self._read_timer.stop()
            self._read_timer = None
        if self._reader_here and not self.keeper.is_read(article_id):
            self._read_timer = self.set_timer(self.read_after, partial(self._read_time_up, article_id))

    def _read_time_up(self, article_id: str) -> None:
        """Read by time, unless another screen (help, actors…) covers it: then once it is back."""
        self._read_timer = None
        if self.is_active:
            self._mark_read(article_id, True)
        elif self.pane.article is not None and self.pane.article.id == article_id:
            self._read_timer = self.set_timer(self.read_after, partial(self._read_time_up, article_id))

    def on_reading_pane_reached_end(self, message: ReadingPane.ReachedEnd) -> None:
        self._mark_read(message.article.id, True)

    def _mark_read(self, article_id: str, read: bool) -> None:
        if read and self.unread_only:
            self.unread_filter.note_read(article_id)
        if self.keeper.set_read(article_id, read):
            self.marks_changed()

    def marks_changed(self, *, relist: bool = False) -> None:
        """Read marks changed: redraw, count, save soon; `relist` for unread only's sake."""
        if relist:
            self._relist()
        self.article_list.refresh_marks()
        self._update_counts()
        self.post_message(StateChanged())
        self.sidebar.count_saved_soon()

    def _full_article(self, article_id: str) -> Article | None:
        """The whole article behind a sidebar row (a fast read from the index)."""
        article = self.archive.article(article_id)
        if article is None:
            self.pane.show_message("This article is no longer in the store")
        return article

    def _current(self) -> Listed | None:
        return self._pending or self.pane.article or self.article_list.highlighted

    def open_article(self, article_id: str) -> None:
        """Show an article from anywhere (the command palette), clearing a search or unread-only if they hide it."""
        if self.article_list.ordinal_of(article_id) is None:
            if self.search is not None or self.search_input.value:
                self._before_search = article_id
                self.end_search()
            if self.unread_only:
                self.keeper.set_pref("unread_only", False)
            self.leave_feed()
            self._relist(keep=article_id)
        else:
            self.article_list.move_cursor(self.article_list.ordinal_of(article_id) or 0)
        self.pane.focus()

    # --------------------------------------------------------------- actions

    def action_focus_list(self) -> None:
        if not self.sidebar_visible:
            self.action_toggle_sidebar()
        self.article_list.focus()

    def action_page_article(self, direction: int) -> None:
        """space / b in the list: the article under the cursor pages, focus stays put."""
        if self._pending is not None:
            self._show_pending()  # the cursor ran ahead of the pane: page what it rests on
        if self.pane.article is None:
            return
        if direction > 0:
            self.pane.action_page_down()
        else:
            self.pane.action_page_up()

    def action_next_article(self) -> None:
        if not self.finder.step(1):  # while finding, n steps to the next match
            self.article_list.action_cursor_down()

    def action_previous_article(self) -> None:
        self.article_list.action_cursor_up()

    def action_toggle_read(self) -> None:
        if (article := self._current()) is not None:
            if self._read_timer is not None:
                self._read_timer.stop()
                self._read_timer = None
            self._mark_read(article.id, not self.keeper.is_read(article.id))

    def action_mark_all_read(self) -> None:
        self.mark_all.mark(self)

    def action_undo(self) -> None:
        """z: undo the newer of the last mark all read and the session's last correction."""
        corrected = self.corrector.done_at[-1] if self.corrector.done_at else None
        marked = self.mark_all.done_at
        if corrected is not None and (marked is None or corrected > marked):
            self.corrector.undo()
        else:
            self.mark_all.undo(self)

    def action_toggle_star(self) -> None:
        if (article := self._current()) is not None:
            self.keeper.set_starred(article.id, not self.keeper.is_starred(article.id))
            self.article_list.refresh_marks()
            self.post_message(StateChanged())

    def action_unread_only(self) -> None:
        unread_only = not self.unread_only
        self.keeper.set_pref("unread_only", unread_only)
        self.unread_filter.start(self.pane.article.id if self.pane.article is not None else None)
        self.post_message(StateChanged())
        self.notify("Listing unread articles only" if unread_only else "Listing all articles", timeout=2)
        self._relist()

    def action_search(self) -> None:
        # A priority binding, so that the keys typed straight after it (queued behind
        # it) find the field focused; elsewhere `/` is the focused widget's own key.
        if not self.is_active or isinstance(self.focused, Input):
            raise SkipAction()
        if not self.sidebar_visible:
            self.action_toggle_sidebar()
        self.sidebar.open_search()

    def action_toggle_sidebar(self) -> None:
        view = self.query_one(ArticleView)
        if view.panel_open and no_room_for_three(self):
            # Too narrow for both: the open panel has the sidebar's room, and the key asks for the list.
            view.set_panel(False, remember=False)
            if self.sidebar_visible:
                self.article_list.focus()
                return
        visible = self.sidebar_visible = not self.sidebar_visible
        if not visible and self.focused is not None and self.focused.parent is self.sidebar:
            self.pane.focus()
        elif visible and self.focused is None:
            self.article_list.focus()

    def action_show_problems(self) -> None:
        if self.problems or self.feed_failures:
            from reader.ui.screens.problems import ProblemsScreen

            self.app.push_screen(ProblemsScreen(self.problems, self.feeds.failure_lines()))
        elif self._first_sync:  # the store is not read through yet: a broken file may still turn up
            self.notify("Still reading the store: no file has failed so far.", timeout=3)
        else:
            self.notify("Every file in the store was read.", timeout=3)

    def on_problems_link_clicked(self) -> None:
        self.action_show_problems()

    def action_toggle_who_said_what(self) -> None:
        self.query_one(ArticleView).toggle_panel()

    def on_article_view_panel_toggled(self, message: ArticleView.PanelToggled) -> None:
        if message.remember and self.keeper.state.get("panel_open", False) != message.shown:
            self.keeper.set_pref("panel_open", message.shown)
            self.post_message(StateChanged())


    # ------------------------------------------------------------------ find

    @property
    def _find_bar(self) -> FindBar | None:
        return self.finder.bar

    async def action_find(self) -> None:
        focused = self.focused
        if not self.is_active or (isinstance(focused, Input) and not self.finder.owns(focused)):
            raise SkipAction()  # a field's own ctrl+f (the search field's)
        if self.pane.article is None:
            self.notify("No article to find in", timeout=2)
            return
        await self.finder.open(self.query_one("#reading"))

    def action_find_previous(self) -> None:
        if not self.finder.step(-1):
            self.notify("Find in the article first (ctrl+f), then N and n step", timeout=3)

    def action_close_find(self) -> None:
        self.finder.close()

    def on_reading_pane_shown(self) -> None:
        self.finder.article_changed()

    # --------------------------------------------------------------- the archive

    def _list_from_peek(self) -> None:
        """Before the first paint: the newest articles of a warm index."""
        peeked = self.archive.peek(FIRST_SCREEN)
        if peeked is not None and peeked[1]:
            self._show_first_screen(*peeked)

    def _start_archive(self) -> None:
        """Called after the first paint: the worker holds the GIL while it lists."""
        if self._stop.is_set():
            return
        self.run_worker(
            partial(keep_archive, self.archive, self._stop, self.post_message),
            thread=True, exclusive=True, exit_on_error=False, group="archive",
        )

    def leave(self) -> None:
        """The app is closing: stop the archive's worker, remember the place in the article."""
        self._stop.set()
        self.remember_position()

    def reader_arrived(self) -> None:
        """The reader pressed a key or clicked: from now on an article rested on is read by time
        (the one shown at start is not read just because the app stayed open)."""
        if not self._reader_here:
            self._reader_here = True
            if self.pane.article is not None:
                self._start_read_timer(self.pane.article.id)

    # ---------------------------------------------------------------- search

    def on_search_done(self, message: SearchDone) -> None:
        if message.result.text != self.sidebar.query_text:
            return  # the reader typed on since
        if self._before_search is None and (current := self.article_list.highlighted) is not None:
            self._before_search = current.id
        self.sidebar.show_results(message.result)
        self._set_search(message.result, keep=message.keep)

    def on_sidebar_search_emptied(self) -> None:
        if self.search is not None:
            self._set_search(None)
        self.sidebar.show_results(None)

    def _set_search(self, result: SearchResult | None, keep: str | None = None) -> None:
        self.search = result
        self.pane.set_matches(result.pattern if result else None)
        self._relist(keep=keep, first=keep is None and result is not None)
        self.refresh_bindings()

    def end_search(self) -> None:
        """Back to the whole archive, the cursor where it was before the search."""
        self.sidebar.end_search()
        back_to = self._before_search
        self._before_search = None
        self.search = None
        self.pane.set_matches(None)
        self._relist(keep=back_to)
        self.refresh_bindings()

    def run_query(self, query: str) -> None:
        """Search for `query` now, as if typed after `/`; focus stays on the list."""
        if not self.sidebar_visible:
            self.action_toggle_sidebar()
        self.sidebar.search_for(query)
        self.article_list.focus()

    def action_clear_search(self) -> None:
        if self.search is None and not self.search_input.value:
            self.leave_feed()  # Esc in a feed (with no search): back to every article
        else:
            self.end_search()
        self.article_list.focus()

    # -------------------------------------------------------- saved searches

    def action_nothing_to_save(self) -> None:
        self.notify("No search to save: search first (/), then press S", timeout=3)

    def action_save_search(self) -> None:
        if self.search is None:
            self.notify("Search first (/), then save it", timeout=3)
            return
        query = self.search.text

        def save(name: str | None) -> None:
            if name:
                self._save_search(name, query)

        default = next((name for name, saved in self.saved_searches.items() if saved == query), query)
        from reader.ui.screens.name_prompt import NamePrompt

        self.app.push_screen(NamePrompt("Save search", f"A name for {query}", default), save)

    def _save_search(self, name: str, query: str) -> None:
        from reader.config import ConfigSaveError, save_search

        try:
            searches = save_search(name, query, store=self.store_path)  # merged with what the file holds now
        except ConfigSaveError as error:
            self.notify(str(error), title="Search not saved", severity="error", timeout=8)
            return
        self.saved_searches = searches
        self.saved_list.show(searches)
        self.notify(f"Saved search “{name}”", timeout=3)
        self.sidebar.count_saved_soon()

    def on_saved_search_list_chosen(self, message: SavedSearchList.Chosen) -> None:
        self.leave_feed(relist=False)  # one folder at a time: the search's results list
        self.run_query(message.query)

    def run_saved_search(self, name: str) -> None:
        if name in self.saved_searches:
            self.run_query(self.saved_searches[name])

    # ------------------------------------------------- actors and their quotes

    def action_actors(self) -> None:
        if not self.archive.is_open:
            self.notify("The archive is still opening", timeout=3)
            return
        from reader.ui.screens.actors import ActorsScreen

        screen = ActorsScreen(
            self.archive.actors, self.archive.actors_called, corrector=self.corrector, quotes=self.archive.quotes
        )
        self.app.push_screen(screen, self._actor_chosen)

    def _actor_chosen(self, choice: ActorChoice | None) -> None:
        if choice is None:
            return
        if choice.quote is not None:
            self._quote_chosen(choice.quote)
        elif choice.show == "quotes":
            self.show_quotes(choice.name)
        else:
            self.run_query(actor_query(choice.name))

    def show_quotes(self, actor: str) -> None:
        if self.archive.is_open:
            from reader.ui.screens.quote_timeline import QuoteTimelineScreen

            self.app.push_screen(QuoteTimelineScreen(actor, self.archive.quotes, corrector=self.corrector), self._quote_chosen)

    def _quote_chosen(self, choice: QuoteChoice | None) -> None:
        if choice is None:
            return
        # The quote is where the reader goes: not the place remembered in the article.
        if self.keeper.set_position(choice.article_id, 0):
            self.post_message(StateChanged())
        self.open_article(choice.article_id)
        if (article := self._full_article(choice.article_id)) is not None:
            self._show_article(article)  # now, not when the list's message lands
            self.query_one(ArticleView).go_to_quote(choice.article_id, choice.start, choice.end)

    # ------------------------------------------------------------------ feeds

    @property
    def feed_scope(self) -> FeedEntry | None:
        """The feed listed, if one is."""
        return self.feeds.scope

    @property
    def feed_failures(self) -> dict[str, str]:
        return self.feeds.failures

    def action_fetch_feeds(self) -> None:
        self.feeds.fetch_now()

    def on_feeds_fetched(self, message: FeedsFetched) -> None:
        gone = self.feeds.fetched(message)
        self._show_feed_failures()
        if gone:
            self.leave_feed()

    def _show_feed_failures(self) -> None:
        self.query_one(ProblemsLink).show_feed_failures(self.feeds.failure_lines())

    def on_feed_folder_list_chosen(self, message: FeedFolderList.Chosen) -> None:
        # A folder replaces the search (a search typed in the feed then searches the feed).
        if self.search is not None or self.search_input.value:
            self.end_search()
        self.feeds.choose(message.entry)
        self._relist(first=True)
        self.article_list.focus()

    def leave_feed(self, *, relist: bool = True) -> bool:
        """Back from a feed to every article; False if no feed was chosen."""
        if not self.feeds.leave():
            return False
        if relist:
            self._relist()
        return True

    # ------------------------------------------------------------ corrections

    def action_choose_in_panel(self) -> None:
        view = self.query_one(ArticleView)
        view.set_panel(True)
        view.panel.focus()

    def on_who_said_what_correct_requested(self, message: WhoSaidWhat.CorrectRequested) -> None:
        view = self.query_one(ArticleView)
        if view.article is None:
            return
        names = [actor.name for actor in view.panel.actors]
        if message.actor is not None:
            self.corrector.correct_actor(message.actor.name, message.actor.kind, names)
        elif message.quote is not None:
            from reader.present.citation import speaker_words

            self.corrector.correct_quote(view.article.id, message.quote, names, speaker_words(view.panel.body, message.quote))

    def on_who_said_what_undo_requested(self) -> None:
        self.action_undo()

    def _show_corrections(self) -> None:
        """The article on screen with the corrections as they are now."""
        article = self.pane.article
        if article is not None and (analysis := self.archive.analysis(article.id)) is not None:
            self.query_one(ArticleView).panel.keep_place_once()
            self.pane.post_message(ReadingPane.AnalysisReady(article.id, analysis))

    def on_corrections_applied(self, message: CorrectionsApplied) -> None:
        self.corrector.applied()
