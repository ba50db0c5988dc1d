"""The sidebar's width: by default the width's breakpoints decide (app.tcss); the
config's `sidebar_width` or, once chosen with `<` and `>`, the reader's own width
(kept in the state) replace them. The article always keeps some room."""

from __future__ import annotations

from typing import Any

from textual.widget import Widget

from reader.config import MAX_SIDEBAR_WIDTH, MIN_SIDEBAR_WIDTH
from reader.ui.persistence import StateKeeper

STEP = 4
MIN_ARTICLE_WIDTH = 40
PREF = "sidebar_width"


def valid_width(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and MIN_SIDEBAR_WIDTH <= value <= MAX_SIDEBAR_WIDTH:
        return value
    return None


def fitted(width: int, screen_width: int) -> int:
    """`width`, or less where the screen would leave the article too little room."""
    return max(MIN_SIDEBAR_WIDTH, min(width, MAX_SIDEBAR_WIDTH, screen_width - MIN_ARTICLE_WIDTH))


class SidebarWidth:
    def __init__(self, keeper: StateKeeper, configured: int | None) -> None:
        self.keeper = keeper
        self.configured = valid_width(configured)

    @property
    def chosen(self) -> int | None:
        """The reader's width, else the config's, else None (the breakpoints')."""
        return valid_width(self.keeper.state.get(PREF)) or self.configured

    def apply(self, sidebar: Widget, screen_width: int) -> None:
        width = self.chosen
        sidebar.styles.width = fitted(width, screen_width) if width is not None and screen_width else None

    def step(self, sidebar: Widget, screen_width: int, columns: int) -> int:
        """Wider (or narrower, `columns` < 0) from the width shown now; kept for the next run."""
        chosen = self.chosen
        # The width asked for last, not the one laid out: keys come faster than layouts.
        current = fitted(chosen, screen_width) if chosen is not None else sidebar.outer_size.width
        width = fitted(current + columns, screen_width)
        self.keeper.set_pref(PREF, width)
        self.apply(sidebar, screen_width)
        return width

    def reset(self, sidebar: Widget, screen_width: int) -> None:
        """Back to the config's width, else the breakpoints'."""
        self.keeper.set_pref(PREF, None)
        self.apply(sidebar, screen_width)
