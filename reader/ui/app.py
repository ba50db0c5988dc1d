"""The newsreader app: theme, keys, saving the reading state, help and quit.

Everything the reader sees is the reading screen's (`reader.ui.reading_screen`),
the app's default screen; the other screens (help, actors, quotes…) are pushed
over it.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from textual import events, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.timer import Timer

from reader.archive.service import Analyser, Archive
from reader.state import StateSaveError
from reader.text import clean_line, clean_text
from reader.ui import collector
from reader.ui.persistence import StateKeeper
from reader.ui.archive_messages import ListReady
from reader.ui.typed_ahead import QUIT_KEYS, KeyTrail, TypedAhead
from reader.ui.reading_screen import MEDIUM_WIDTH, WIDE, ReadingScreen, StateChanged

SAVE_AFTER_SECONDS = 1.0


class NewsreaderApp(App[None]):
    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses live elsewhere
    TITLE = "newsreader"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (MEDIUM_WIDTH, "-medium"), (WIDE, "-wide"), (160, "-very-wide")]
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="newsreader.help", tooltip="This list of keys"),
        Binding("q", "quit", "Quit", id="newsreader.quit", tooltip="Quit (your place is saved)"),
    ]

    def __init__(
        self,
        store_path: Path,
        *,
        keeper: StateKeeper,
        keymap: Mapping[str, str] | None = None,
        max_file_bytes: int | None = None,
        outside_links: bool = False,
        analyser: Analyser | None = None,
        warnings: Sequence[str] = (),
        saved_searches: Mapping[str, str] | None = None,
        feeds: Mapping[str, object] | None = None,
        fetch_every: int | None = None,
        sidebar_width: int | None = None,
    ) -> None:
        super().__init__()
        self.keeper = keeper
        self.keymap = dict(keymap or {})
        self.startup_warnings = list(warnings)
        self.save_error: str | None = None
        # outside_links: config `follow_outside_links`
        self.archive = Archive(store_path, max_file_bytes=max_file_bytes, outside_links=outside_links, analyser=analyser)
        self.reading = ReadingScreen(
            self.archive,
            keeper=keeper,
            saved_searches=saved_searches or {},
            feeds=feeds,
            fetch_every=fetch_every,
            sidebar_width=sidebar_width,
        )
        self._save_timer: Timer | None = None
        self._persist_theme = False
        self._reader_here = False
        self._last_input = 0.0
        self._collected_at = -1.0
        self.typed_ahead = TypedAhead(self)

    def get_default_screen(self) -> Screen:
        return self.reading

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        # Notifications quote file names, config values and store errors: text
        # from outside is shown as it is, never parsed as markup (widgets call
        # this with markup=True by default, so it is overridden here, once).
        super().notify(clean_text(message), title=clean_line(title), severity=severity, timeout=timeout, markup=False)

    def on_load(self) -> None:
        # Quitting never waits for a worker thread (an analysis, a sync): see daemon_threads.
        from reader.ui.daemon_threads import DaemonThreads

        asyncio.get_running_loop().set_default_executor(DaemonThreads())

    def on_mount(self) -> None:
        if self.keymap:
            self.set_keymap(self.keymap)
        for warning in [*self.startup_warnings, *self.keeper.state.warnings]:
            self.notify(warning, severity="warning", timeout=10)
        self._persist_theme = True
        self.call_after_refresh(collector.resume)  # the first frame is painted
        self.set_interval(collector.REST_SECONDS, self._check_rest)

    def _check_rest(self) -> None:
        """Once a second: a reader who has not pressed a key for a while is reading (see
        reader.ui.collector); while they read on (and the archive is indexed), again now and then."""
        now = time.monotonic()
        if now - self._last_input >= collector.REST_SECONDS and (
            self._collected_at < self._last_input or now - self._collected_at >= collector.AGAIN_SECONDS
        ):
            self._collected_at = now
            collector.at_rest()
        self.typed_ahead.check_stuck()
        if self.typed_ahead.waiting:
            self._replay_typed_ahead()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown, events.MouseScrollDown, events.MouseScrollUp)):
            self._last_input = time.monotonic()
        if not self._reader_here and isinstance(event, (events.Key, events.MouseDown, events.MouseScrollDown)):
            self._reader_here = True
            self.reading.reader_arrived()
        if isinstance(event, events.Key) and not event.is_forwarded and self.screen_stack:  # from the terminal
            handed_back = self.typed_ahead.arrived(event)
            if self._must_wait(event.key, handed_back):
                self.typed_ahead.wait(event, first=handed_back)
                return
            if event.key == "enter" and self.focused is self.reading.search_input:
                self.reading.sidebar.results_awaited = True  # `/query Enter j j`: the j's are for the results
            await super().on_event(event)
            self.typed_ahead.follow()
            return
        await super().on_event(event)

    def _must_wait(self, key: str, handed_back: bool = False) -> bool:
        """Whether a key waits (see reader.ui.typed_ahead): never one that quits; on the
        reading screen while its list is not ready, any other but, unless keys before it
        wait, one that needs no list (help; the problems, which say the store is still
        being read); anywhere, while the key before it is still being handled, or keys
        typed before it are still to come (unless it is the first of them, handed back)."""
        if key in QUIT_KEYS:
            return False
        active = self.screen.active_bindings.get(key)
        if active is not None and active.binding.action in ("quit", "app.quit"):
            return False
        if self.typed_ahead.key_in_hand if handed_back else self.typed_ahead.busy:
            return True
        if self.screen is not self.reading or not self.reading.holds_keys:
            return False
        return active is None or active.binding.action not in ("help", "show_problems")

    @property
    def keys_held(self) -> bool:
        """Keys typed ahead are waiting (tests wait for them to be replayed)."""
        return self.typed_ahead.keys_ahead or self.reading.holds_keys

    def on_key_trail(self, trail: KeyTrail) -> None:
        if self.typed_ahead.trail_back(trail):
            self._replay_typed_ahead()

    def on_list_ready(self, _message: ListReady) -> None:
        self._replay_typed_ahead()

    def _replay_typed_ahead(self) -> None:
        if not self.screen_stack:
            return  # the app is closing: a trail arrived after its screens went
        if not self.typed_ahead.key_in_hand and not (self.screen is self.reading and self.reading.holds_keys):
            self.typed_ahead.replay()

    def action_help(self) -> None:
        from reader.ui.screens.actors import ActorsScreen
        from reader.ui.screens.help import HelpScreen, binding_rows
        from reader.ui.screens.quote_timeline import QuoteTimelineScreen
        from reader.ui.widgets.article_list import ArticleList
        from reader.ui.widgets.article_view import ArticleView
        from reader.ui.widgets.find_bar import STEP_KEYS, FindBar
        from reader.ui.widgets.search_input import SearchInput
        from reader.ui.widgets.reading_pane import ReadingPane
        from reader.ui.widgets.saved_searches import SavedSearchList
        from reader.ui.widgets.feed_folders import FeedFolderList
        from reader.ui.widgets.who_said_what import LIST_KEYS, WhoSaidWhat

        anywhere = [*ReadingScreen.BINDINGS, *self.BINDINGS]
        sections: list[tuple[str, Iterable[BindingType]]] = [
            ("Anywhere", [*anywhere, Binding(self.COMMAND_PALETTE_BINDING, "command_palette", "Command palette")]),
            ("Article list", ArticleList.BINDINGS),
            ("Saved searches (k above the first article, or the first feed)", SavedSearchList.BINDINGS),
            ("Feeds (k above the first article)", FeedFolderList.BINDINGS),
            ("Reading pane", ReadingPane.BINDINGS),
            ("Who said what", [b for b in ArticleView.BINDINGS if b not in STEP_KEYS]),
            ("Who said what panel (c or w goes there)", [b for b in WhoSaidWhat.BINDINGS if b not in LIST_KEYS]),
            ("Search", SearchInput.BINDINGS),
            ("Find in the article (ctrl+f)", [*FindBar.BINDINGS, *STEP_KEYS]),
            ("Actors", [binding for binding in ActorsScreen.BINDINGS if isinstance(binding, Binding) and binding.show]),
            ("An actor's quotes (t in the actors view)", QuoteTimelineScreen.BINDINGS),
        ]
        self.push_screen(HelpScreen(binding_rows(sections, self.keymap, self.get_key_display)))

    async def action_quit(self) -> None:
        self.reading.leave()
        self.exit()

    def watch_theme(self, theme: str) -> None:
        if self._persist_theme:
            self.keeper.set_theme(theme)
            self.schedule_save()

    # ---------------------------------------------------------------- saving

    def on_state_changed(self, message: StateChanged) -> None:
        self.schedule_save()

    def schedule_save(self) -> None:
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
        self.reading.remember_position()
        try:
            self.keeper.save()
            self.save_error = None
        except StateSaveError as error:
            self.save_error = str(error)

    def on_unmount(self) -> None:
        self.reading.leave()
        self.save_now()
