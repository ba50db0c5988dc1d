"""A vertical scrollbar drawn straight into strips.

Textual draws a scrollbar as a Rich renderable, through the console, on every
refresh: a millisecond or more per frame for a full-height bar, and moving to
another article refreshes two of them. `StripBarRender` makes the same bar
(Textual's own `ScrollBarRender.render_bar`, same styles, same mouse actions)
as a Textual `Visual`, which the widget draws without the console, and keeps
the last few bars drawn. A scrolling widget takes it with `draw_bar_from_strips`.
"""

from __future__ import annotations

from typing import ClassVar

from rich.color import Color
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.cache import LRUCache
from textual.css.styles import RulesMap
from textual.scrollbar import ScrollBarRender
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widget import Widget

DEFAULT_BACK = Color.parse("#555555")  # as ScrollBarRender uses when a style has no colour
DEFAULT_BAR = Color.parse("bright_magenta")

BarKey = tuple[int, int, float, float, float, RichStyle, RichStyle]


class StripBarRender(ScrollBarRender, Visual):
    """A vertical bar as Textual's renderer draws it, made into strips once per size,
    thumb and style (ScrollBar makes a renderer per refresh, so the cache is shared)."""

    drawn: ClassVar[LRUCache[BarKey, list[Strip]]] = LRUCache(16)

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        look = self.style if isinstance(self.style, RichStyle) else RichStyle.parse(self.style)
        base = style.rich_style  # under the bar, as Textual's console render puts it
        size = height if height is not None else self.window_size
        key: BarKey = (size, width, self.virtual_size, self.window_size, self.position, look, base)
        strips = self.drawn.get(key)
        if strips is None:
            strips = self.drawn[key] = self._strips(key)
        return strips

    def _strips(self, key: BarKey) -> list[Strip]:
        size, width, virtual_size, window_size, position, look, base = key
        segments = self.render_bar(
            size=size,
            virtual_size=virtual_size,
            window_size=window_size,
            position=position,
            thickness=width,
            vertical=True,
            back_color=look.bgcolor or DEFAULT_BACK,
            bar_color=look.color or DEFAULT_BAR,
        ).segments
        return [Strip([Segment(text, base + segment_style)], width) for text, segment_style, _ in segments]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.thickness

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.window_size


def draw_bar_from_strips(widget: Widget) -> None:
    """Draw `widget`'s vertical scrollbar with `StripBarRender` (call once it is mounted)."""
    # Textual documents setting `renderer` on one scrollbar instance; its type says class variable.
    widget.vertical_scrollbar.renderer = StripBarRender  # type: ignore[misc]
