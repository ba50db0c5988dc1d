"""Find in the article: a field under the text (`ctrl+f`), every match marked as
it is typed; Enter goes back to the text, where `n` and `N` step through them.
Esc leaves, and the search's own marks, if any, come back."""

from __future__ import annotations

import re
from typing import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widget import Widget
from textual.content import Content
from textual.widgets import Input, Static

from reader.present.find import find_pattern, find_spans, first_from, step
from reader.ui.widgets.reading_pane import ReadingPane


# While a find is open, in the text or the panel beside it: the article view has these
# keys then, so the footer says what n does there (the screen's n is the next article).
STEP_KEYS = [
    Binding("n", "step_match(1)", "Next match", id="newsreader.next_match",
            tooltip="Next match of the find (in the article list: the next article)"),
    Binding("N", "step_match(-1)", "Prev match", id="newsreader.find_previous",
            tooltip="Previous match of the find (n: the next)"),
]


class FindBar(Horizontal):
    # A priority binding: the keys typed straight after Enter (n) must find the text
    # focused, not land in the field (Input's own Enter would move the focus too late).
    BINDINGS = [
        Binding("enter", "to_text", "Step with n N", priority=True, show=False, id="newsreader.find_done",
                tooltip="From the find field to the text, where n and N step through the matches"),
    ]

    DEFAULT_CSS = """
    FindBar {
        dock: bottom;
        height: 1;
        background: $boost;
        display: none;
    }
    FindBar.-open {
        display: block;
    }
    FindBar > Input {
        width: 1fr;
        height: 1;
        border: none;
        padding: 0 1;
        background: $boost;
    }
    FindBar > Static {
        width: auto;
        height: 1;
        padding: 0 1;
        color: $text-muted;
    }
    FindBar > #find-label {
        color: $text-accent;
        text-style: bold;
        padding: 0 1 0 2;
    }
    """

    def __init__(self, pane: ReadingPane, restore_matches: Callable[[], re.Pattern[str] | None]) -> None:
        """`restore_matches`: what the pane marked before (a search's matches), for when find ends."""
        super().__init__(id="find-bar")
        self.pane = pane
        self._restore_matches = restore_matches
        self.input = Input(placeholder="words in the article", id="find-input", compact=True)
        self.count = Static(id="find-count")
        self.spans: list[tuple[int, int]] = []
        self.index: int | None = None

    def compose(self) -> ComposeResult:
        yield Static("Find", id="find-label")
        yield self.input
        yield self.count

    @property
    def active(self) -> bool:
        return self.has_class("-open")

    def open(self) -> None:
        self.add_class("-open")
        self.screen.refresh_bindings()  # n is the next match now (STEP_KEYS)
        # Now, not after a refresh (Widget.focus waits for one): keys typed straight after
        # ctrl+f are already queued behind it and must land in the field.
        self.screen.set_focus(self.input)
        self.input.select_all()

    def close(self) -> None:
        self.remove_class("-open")
        self.screen.refresh_bindings()
        self.spans, self.index = [], None
        self.pane.mark(())
        self.pane.set_matches(self._restore_matches())
        self.pane.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.find(scroll=True)

    def action_to_text(self) -> None:
        self.screen.set_focus(self.pane)

    def article_changed(self) -> None:
        if self.active:
            self.find(scroll=True)

    def find(self, *, scroll: bool) -> None:
        article = self.pane.article
        pattern = find_pattern(self.input.value)
        self.spans = find_spans(article.body, pattern) if article is not None else []
        visible = self.pane.visible_offsets()
        self.index = first_from(self.spans, visible[0] if visible else 0)
        self.pane.set_matches(pattern if self.spans else None)
        self._show(scroll)

    def step(self, direction: int) -> None:
        self.index = step(len(self.spans), self.index, direction)
        self._show(scroll=True)

    def _show(self, scroll: bool) -> None:
        if self.index is None:
            self.pane.mark(())
            self.count.update(Content("no match" if self.input.value else ""))
            return
        start, end = self.spans[self.index]
        self.pane.mark((("current", start, end),))
        if scroll:
            self.pane.scroll_to_offset(start)
        self.count.update(Content(f"{self.index + 1} of {len(self.spans)} · n N · esc"))


class Finder:
    """The reading screen's find: the bar is mounted under the article on first use (most
    sessions never find), and n and N step through its matches while the reader is in
    the article; in `sidebar`, n is the next article."""

    def __init__(self, pane: ReadingPane, sidebar: Widget, restore_matches: Callable[[], re.Pattern[str] | None]) -> None:
        self.pane = pane
        self.sidebar = sidebar
        self._restore_matches = restore_matches
        self.bar: FindBar | None = None

    async def open(self, under: Widget) -> None:
        """Mounted on first use, and before the keys typed after ctrl+f are handled."""
        if self.bar is None:
            self.bar = FindBar(self.pane, self._restore_matches)
            await under.mount(self.bar)
        self.bar.open()

    def owns(self, widget: Widget | None) -> bool:
        return self.bar is not None and widget is self.bar.input

    @property
    def stepping(self) -> bool:
        """A find is open and the reader is in the article (in the list, n is the next article)."""
        bar = self.bar
        if bar is None or not bar.active:
            return False
        focused = self.pane.screen.focused
        return not (focused and self.sidebar in focused.ancestors)

    def step(self, direction: int) -> bool:
        """To the next (1) or previous (-1) match; False if no find is being stepped through."""
        if self.bar is None or not self.stepping:
            return False
        self.bar.step(direction)
        return True

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()

    def article_changed(self) -> None:
        if self.bar is not None:
            self.bar.article_changed()
