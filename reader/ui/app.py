"""The newsreader app: a sidebar of dated articles beside a reading pane.

The App wires widgets together and keeps the reading state; the widgets do the
drawing. The store is scanned in a thread worker after the first paint.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Mapping, Sequence

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Footer, Input
from textual.worker import Worker, WorkerState, get_current_worker

from reader.model import Article, Problem
from reader.state import StateSaveError
from reader.ui.commands import ArticleCommands, NewsreaderCommands
from reader.ui.filtering import filter_articles
from reader.ui.messages import Filtered, StoreLoaded
from reader.ui.persistence import StateKeeper
from reader.ui.screens.help import HelpScreen, binding_rows
from reader.ui.screens.problems import ProblemsScreen
from reader.ui.who_said_what_commands import WhoSaidWhatCommands
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.filter_input import FilterInput
from reader.ui.widgets.problems_link import ProblemsLink, problems_summary
from reader.ui.widgets.reading_pane import Analyser, ReadingPane

READ_AFTER_SECONDS = 3.0
SAVE_AFTER_SECONDS = 1.0


class NewsreaderApp(App[None]):
    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses live elsewhere
    TITLE = "newsreader"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide"), (160, "-very-wide")]
    COMMANDS = App.COMMANDS | {ArticleCommands, NewsreaderCommands, WhoSaidWhatCommands}
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
        Binding("slash", "filter", "Filter", id="newsreader.filter", tooltip="Filter the list by title and text"),
        Binding(
            "ctrl+b,backslash", "toggle_sidebar", "Sidebar", show=False, id="newsreader.toggle_sidebar",
            tooltip="Hide or show the list of articles",
        ),
        Binding(
            "exclamation_mark", "show_problems", "Unreadable files", show=False, id="newsreader.show_problems",
            tooltip="Files the store could not read",
        ),
        Binding("question_mark", "help", "Help", id="newsreader.help", tooltip="This list of keys"),
        Binding(
            "w", "toggle_who_said_what", "Who said what", id="newsreader.who_said_what",
            tooltip="The article's actors and quotes, beside the text",
        ),
        Binding("q", "quit", "Quit", id="newsreader.quit", tooltip="Quit (your place is saved)"),
    ]

    def __init__(
        self,
        store_path: Path,
        *,
        keeper: StateKeeper,
        keymap: Mapping[str, str] | None = None,
        max_file_bytes: int | None = None,
        analyser: Analyser | None = None,
        warnings: Sequence[str] = (),
    ) -> None:
        super().__init__()
        self.store_path = store_path
        self.keeper = keeper
        self.keymap = dict(keymap or {})
        self.max_file_bytes = max_file_bytes
        self.analyser = analyser
        self.startup_warnings = list(warnings)
        self.all_articles: Sequence[Article] = []
        self.problems: Sequence[Problem] = []
        self.read_after = READ_AFTER_SECONDS
        self.save_error: str | None = None
        self._read_timer: Timer | None = None
        self._save_timer: Timer | None = None
        self._loaded = False
        self._persist_theme = False
        # Kept as attributes: they are still needed while the DOM is torn down on exit.
        self.article_list = ArticleList(marks=keeper, id="articles")
        self.pane = ReadingPane(analyser=analyser, id="pane")
        self.filter_input = FilterInput(id="filter")

    # ---------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            with Vertical(id="sidebar"):
                yield self.filter_input
                yield self.article_list
                yield ProblemsLink(id="problems-link")
            yield ArticleView(self.pane, id="article-view")
        yield Footer()

    @property
    def unread_only(self) -> bool:
        return bool(self.keeper.state.get("unread_only", False))

    @property
    def sidebar_visible(self) -> bool:
        return bool(self.keeper.state.get("sidebar_visible", True))

    def on_mount(self) -> None:
        if self.keymap:
            self.set_keymap(self.keymap)
        for warning in [*self.startup_warnings, *self.keeper.state.warnings]:
            self.notify(warning, severity="warning", timeout=10)
        self.screen.set_class(not self.sidebar_visible, "-hide-sidebar")
        self.pane.show_message("Loading…")
        self._update_counts()
        (self.article_list if self.sidebar_visible else self.pane).focus()
        self._persist_theme = True
        self._load_store()

    # --------------------------------------------------------------- loading

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def _load_store(self) -> None:
        from reader.store import scan_store

        options = {"max_bytes": self.max_file_bytes} if self.max_file_bytes else {}
        scan = scan_store(self.store_path, **options)
        self.post_message(StoreLoaded(scan.articles, scan.problems))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        if event.worker.group == "load":
            self.article_list.show_message("The store could not be read")
            self.pane.show_message(f"Could not read the store {self.store_path}: {error}")
            self.notify(f"Could not read the store: {error}", severity="error", timeout=10)
        elif event.worker.group == "filter":
            self.notify(f"Filtering failed: {error}", severity="error")
        elif event.worker.group == "analysis":
            self.notify(f"Could not analyse this article: {error}", severity="warning")

    def on_store_loaded(self, message: StoreLoaded) -> None:
        self.all_articles = message.articles
        self.problems = message.problems
        self._loaded = True
        self.query_one(ProblemsLink).show_problems(self.problems)
        if summary := problems_summary(self.problems):
            self.notify(f"{summary[2:]}: press ! or click the line under the list", severity="warning", timeout=8)
        if not self.all_articles:
            self.pane.show_message(f"No articles in {self.store_path}")
        self._refilter(keep=self.keeper.state.last_article)

    # ------------------------------------------------------------- filtering

    def _refilter(self, keep: str | None = None) -> None:
        if keep is None and (current := self.article_list.highlighted) is not None:
            keep = current.id
        query = self.filter_input.value.strip()
        if not query and not self.unread_only:
            self.workers.cancel_group(self, "filter")
            self._show_list(self.all_articles, keep)
            return
        read_ids = self.keeper.read_ids() if self.unread_only else None
        self._filter(query, read_ids, keep)

    @work(thread=True, exclusive=True, exit_on_error=False, group="filter")
    def _filter(self, query: str, read_ids: frozenset[str] | None, keep: str | None) -> None:
        worker = get_current_worker()
        matches = filter_articles(self.all_articles, query, read_ids, lambda: worker.is_cancelled)
        if matches is not None:
            self.post_message(Filtered(matches, keep))

    def on_filtered(self, message: Filtered) -> None:
        self._show_list(message.articles, message.keep)

    def _show_list(self, articles: Sequence[Article], keep: str | None) -> None:
        if not self._loaded:
            return
        filtered = articles is not self.all_articles
        empty = "No articles match" if filtered else "No articles"
        self.article_list.set_articles(articles, keep=keep, message=empty)
        self._update_counts()

    def _update_counts(self) -> None:
        sidebar = self.query_one("#sidebar")
        if not self._loaded:
            sidebar.border_title = "Articles"
            return
        total = len(self.all_articles)
        shown = len(self.article_list.articles)
        unread = sum(not self.keeper.is_read(article.id) for article in self.all_articles)
        count = f"{shown} of {total}" if shown != total else f"{total}"
        sidebar.border_title = f"Articles {count} · {unread} unread"
        notes = []
        if self.unread_only:
            notes.append("unread only")
        if query := self.filter_input.value.strip():
            notes.append(f"“{query}”")
        sidebar.border_subtitle = " · ".join(notes)

    @on(Input.Changed, "#filter")
    def _filter_changed(self) -> None:
        self._refilter()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        self.article_list.focus()

    def on_filter_input_cleared(self) -> None:
        self.query_one("#sidebar").remove_class("-filtering")
        self._refilter()
        self.article_list.focus()

    # ----------------------------------------------------------- the article

    def on_article_list_highlighted(self, message: ArticleList.Highlighted) -> None:
        self._show_article(message.article)

    def on_article_list_opened(self, message: ArticleList.Opened) -> None:
        self._show_article(message.article)
        self.pane.focus()

    def _show_article(self, article: Article) -> None:
        pane = self.pane
        if pane.article is not None and pane.article.id == article.id:
            return
        self._remember_position()
        pane.show(article)
        if position := self.keeper.state.position(article.id):
            pane.call_after_refresh(pane.scroll_to, y=position, animate=False, immediate=True)
        changed = self.keeper.set_last_article(article.id)
        self._start_read_timer(article.id)
        if changed:
            self._schedule_save()

    def _remember_position(self) -> None:
        pane = self.pane
        if pane.article is not None and self.keeper.set_position(pane.article.id, pane.scroll_y):
            self._schedule_save()

    def _start_read_timer(self, article_id: str) -> None:
        if self._read_timer is not None:
            self._read_timer.stop()
            self._read_timer = None
        if not self.keeper.is_read(article_id):
            self._read_timer = self.set_timer(self.read_after, partial(self._mark_read, article_id, True))

    def on_reading_pane_reached_end(self, message: ReadingPane.ReachedEnd) -> None:
        self._mark_read(message.article.id, True)

    def _mark_read(self, article_id: str, read: bool) -> None:
        if self.keeper.set_read(article_id, read):
            self.article_list.refresh_marks()
            self._update_counts()
            self._schedule_save()

    def _current(self) -> Article | None:
        return self.pane.article or self.article_list.highlighted

    def open_article(self, article_id: str) -> None:
        """Show an article from anywhere (the command palette), clearing filters that hide it."""
        if self.article_list.ordinal_of(article_id) is None:
            self.filter_input.value = ""
            self.query_one("#sidebar").remove_class("-filtering")
            if self.unread_only:
                self.keeper.set_pref("unread_only", False)
            self._show_list(self.all_articles, article_id)
        else:
            self.article_list.move_cursor(self.article_list.ordinal_of(article_id) or 0)
        self.pane.focus()

    # --------------------------------------------------------------- actions

    def action_focus_list(self) -> None:
        if not self.sidebar_visible:
            self.action_toggle_sidebar()
        self.article_list.focus()

    def action_next_article(self) -> None:
        self.article_list.action_cursor_down()

    def action_previous_article(self) -> None:
        self.article_list.action_cursor_up()

    def action_toggle_read(self) -> None:
        if (article := self._current()) is not None:
            if self._read_timer is not None:
                self._read_timer.stop()
                self._read_timer = None
            self._mark_read(article.id, not self.keeper.is_read(article.id))

    def action_toggle_star(self) -> None:
        if (article := self._current()) is not None:
            self.keeper.set_starred(article.id, not self.keeper.is_starred(article.id))
            self.article_list.refresh_marks()
            self._schedule_save()

    def action_unread_only(self) -> None:
        unread_only = not self.unread_only
        self.keeper.set_pref("unread_only", unread_only)
        self._schedule_save()
        self.notify("Listing unread articles only" if unread_only else "Listing all articles", timeout=2)
        self._refilter()

    def action_filter(self) -> None:
        if not self.sidebar_visible:
            self.action_toggle_sidebar()
        self.query_one("#sidebar").add_class("-filtering")
        self.filter_input.focus()

    def action_toggle_sidebar(self) -> None:
        visible = not self.sidebar_visible
        self.keeper.set_pref("sidebar_visible", visible)
        self._schedule_save()
        self.screen.set_class(not visible, "-hide-sidebar")
        if not visible and self.focused is not None and self.focused.parent is self.query_one("#sidebar"):
            self.pane.focus()
        elif visible and self.focused is None:
            self.article_list.focus()

    def action_show_problems(self) -> None:
        if self.problems:
            self.push_screen(ProblemsScreen(self.problems))
        else:
            self.notify("Every file in the store was read.", timeout=3)

    def on_problems_link_clicked(self) -> None:
        self.action_show_problems()

    def action_toggle_who_said_what(self) -> None:
        self.query_one(ArticleView).toggle_panel()

    def action_help(self) -> None:
        sections = [
            ("Anywhere", [*self.BINDINGS, Binding(self.COMMAND_PALETTE_BINDING, "command_palette", "Command palette")]),
            ("Article list", ArticleList.BINDINGS),
            ("Reading pane", ReadingPane.BINDINGS),
            ("Who said what", ArticleView.BINDINGS),
            ("Filter", FilterInput.BINDINGS),
        ]
        self.push_screen(HelpScreen(binding_rows(sections, self.keymap, self.get_key_display)))

    async def action_quit(self) -> None:
        self._remember_position()
        self.exit()

    def watch_theme(self, theme: str) -> None:
        if self._persist_theme:
            self.keeper.set_theme(theme)
            self._schedule_save()

    # ---------------------------------------------------------------- saving

    def _schedule_save(self) -> None:
        if self._save_timer is None:
            self._save_timer = self.set_timer(SAVE_AFTER_SECONDS, self._save_soon)
        else:
            self._save_timer.reset()

    def _save_soon(self) -> None:
        self._save_timer = None
        self._save_in_thread()

    @work(thread=True, group="save", exit_on_error=False)
    def _save_in_thread(self) -> None:
        try:
            self.keeper.save()
        except StateSaveError as error:
            self.call_from_thread(self.notify, str(error), title="Reading state not saved", severity="error")

    def save_now(self) -> None:
        """Remember where the reader is and write the state; keeps the error for the caller."""
        self._remember_position()
        try:
            self.keeper.save()
            self.save_error = None
        except StateSaveError as error:
            self.save_error = str(error)

    def on_unmount(self) -> None:
        self.save_now()
