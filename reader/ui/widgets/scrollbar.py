"""A vertical scrollbar drawn from cached strips.

Textual draws a scrollbar as a Rich renderable, through the console, on every
refresh: a millisecond or more per frame for a full-height bar, and moving to
another article refreshes two of them. This one makes the same bar (Textual's
own `ScrollBarRender.render_bar`, same styles, same mouse actions) straight
into strips, once per size, thumb and style, and keeps the last few drawn.
"""

from __future__ import annotations

from rich.color import Color
from rich.segment import Segment
from textual.cache import LRUCache
from textual.geometry import Region
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.widget import Widget

DEFAULT_BACK = Color.parse("#555555")  # as ScrollBarRender uses when a style has no colour
DEFAULT_BAR = Color.parse("bright_magenta")


class StripScrollBar(ScrollBar):
    def __init__(self, *, thickness: int) -> None:
        super().__init__(vertical=True, name="vertical", thickness=thickness)
        self._drawn: LRUCache[tuple, list[Strip]] = LRUCache(8)
        self._rows: list[Strip] = []

    def render_lines(self, crop: Region) -> list[Strip]:
        bar = self._bar_key()
        # Kept as Textual's styles cache draws it, its filters applied.
        key = (bar, crop, *self.get_line_filters(), self.app.ansi_theme)
        drawn = self._drawn.get(key)
        if drawn is None:
            self._rows = self._bar(bar)
            drawn = self._drawn[key] = super().render_lines(crop)
        return drawn

    def render_line(self, y: int) -> Strip:
        rows = self._rows
        return rows[y] if 0 <= y < len(rows) else Strip.blank(self.size.width)

    def _bar_key(self) -> tuple:
        bar = self.render()  # a ScrollBarRender: the thumb's place and the colours, as Textual works them out
        style = bar.style if not isinstance(bar.style, str) else self.app.console.get_style(bar.style)
        base = self.rich_style  # under the bar, as Textual renders it
        return (self.size.height, self.size.width, bar.virtual_size, bar.window_size, bar.position, style, base)

    def _bar(self, key: tuple) -> list[Strip]:
        """The bar's rows, one strip each, from Textual's own `render_bar`."""
        height, width, virtual_size, window_size, position, style, base = key
        segments = self.renderer.render_bar(
            size=height,
            virtual_size=virtual_size,
            window_size=window_size,
            position=position,
            thickness=width,
            vertical=True,
            back_color=style.bgcolor or DEFAULT_BACK,
            bar_color=style.color or DEFAULT_BAR,
        ).segments
        return [Strip([Segment(text, base + look)], width) for text, look, _ in segments]


class StripScrollbars:
    """Mixed into a scrolling widget, before its Textual base: its vertical scrollbar
    is a `StripScrollBar`. Not a Widget itself, so the widget keeps its base's CSS."""

    @property
    def vertical_scrollbar(self: Widget) -> ScrollBar:
        # As Widget.vertical_scrollbar, with the scrollbar class swapped.
        if self._vertical_scrollbar is None:
            self._vertical_scrollbar = StripScrollBar(thickness=self.scrollbar_size_vertical)
            self._vertical_scrollbar.display = False
            self.app._start_widget(self, self._vertical_scrollbar)
        return self._vertical_scrollbar
