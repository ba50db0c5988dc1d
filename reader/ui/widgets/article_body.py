"""An article body that wraps once per width and draws only the lines on screen.

A `Static` holding the whole body re-wraps and re-renders every line of it
whenever it is refreshed, so a long article costs seconds per page. This is a
line-API widget instead (Textual's `render_line`, as its guide describes): it
keeps where each wrapped line starts and ends (`reader.ui.wrapped_lines`, once
per text and width), splits the styled `Content` into those lines (once per
content), and renders a line only when the pane shows it, caching the strips.
Its height is its number of lines; the reading pane around it scrolls.
A body the reader may open next can be prepared ahead (`prepare`): showing it
then draws its first screen from strips made while the reader was reading.
"""

from __future__ import annotations

from typing import NamedTuple

from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from reader.ui.wrapped_lines import line_ranges

PREPARED = 4  # bodies kept prepared (the pane's neighbours either side)


class _Prepared(NamedTuple):
    content: Content
    width: int
    lines: list[Content]
    strips: list[Strip]


class ArticleBody(Widget):
    """Styled text (`update`, `content`), drawn a line at a time."""

    DEFAULT_CSS = """
    ArticleBody {
        height: auto;
    }
    """

    class Rewrapped(Message):
        """The body was laid out at a new width (Textual does not always send Resize)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = Content("")
        self._ranges: LRUCache[tuple[str, int], list[tuple[int, int]]] = LRUCache(4)
        self._styled: tuple[int, list[Content]] | None = None  # (width, styled lines)
        self._strips: LRUCache[tuple[int, int], Strip] = LRUCache(256)
        self._layout_width = 0
        self._prepared: list[_Prepared] = []  # newest last

    @property
    def content(self) -> Content:
        """The text shown, with its styles."""
        return self._text

    def update(self, content: Content | str = "") -> None:
        content = content if isinstance(content, Content) else Content(content)
        relayout = content.plain != self._text.plain
        self._text = content
        self._styled = None
        self._strips.clear()
        width = self.content_size.width
        for prepared in self._prepared:
            if prepared.content is content and prepared.width == width:
                self._styled = (width, prepared.lines)
                for y, strip in enumerate(prepared.strips):
                    self._strips[(y, width)] = strip
                break
        self.refresh(layout=relayout)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()
        self._prepared.clear()

    def prepare(self, content: Content, lines: int) -> None:
        """Wrap and split a body that may be shown next and draw its first `lines`
        lines, at the current width; `update` with this same content uses them."""
        width = self.content_size.width
        if width <= 0:
            return
        self._prepared = [prepared for prepared in self._prepared if prepared.content is not content]
        styled = self._split(content, width)
        strips = [self._strip(line, width) for line in styled[:lines]]
        self._prepared.append(_Prepared(content, width, styled, strips))
        del self._prepared[:-PREPARED]

    def is_prepared(self, content: Content) -> bool:
        """Whether `prepare` drew this content at the current width."""
        width = self.content_size.width
        return any(prepared.content is content and prepared.width == width for prepared in self._prepared)

    # ------------------------------------------------------------- lines

    def ranges(self, width: int) -> list[tuple[int, int]]:
        """(start, end) offsets in the text of each line wrapped to `width`."""
        return self._wrapped(self._text.plain, width)

    def _wrapped(self, text: str, width: int) -> list[tuple[int, int]]:
        key = (text, width)
        ranges = self._ranges.get(key)
        if ranges is None:
            ranges = self._ranges[key] = line_ranges(text, width)
        return ranges

    def line_starts(self, width: int) -> list[int]:
        return [start for start, _ in self.ranges(width)]

    def _styled_lines(self, width: int) -> list[Content]:
        if self._styled is None or self._styled[0] != width:
            self._styled = (width, self._split(self._text, width))
        return self._styled[1]

    def _split(self, content: Content, width: int) -> list[Content]:
        """`content` cut into its lines wrapped at `width`, each keeping its styles."""
        ranges = self._wrapped(content.plain, width)
        if content.spans:
            offsets = sorted({offset for pair in ranges for offset in pair})
            bounds = [0, *offsets, len(content.plain)]
            pieces = dict(zip(zip(bounds, bounds[1:]), content.divide(offsets)))
            lines = [pieces[key] if (key := (start, end)) in pieces else content[start:end] for start, end in ranges]
        else:
            text = content.plain
            lines = [Content(text[start:end], strip_control_codes=False) for start, end in ranges]
        return [line.expand_tabs() if "\t" in line.plain else line for line in lines]

    def _strip(self, line: Content, width: int) -> Strip:
        # The line is wrapped already and its spans are plain styles: its segments
        # make the strip without Content's wrapping and formatting (a third of the cost).
        style = self.visual_style
        strip = Strip(line.render_segments(style)).extend_cell_length(width, style.rich_style)
        return strip.crop(0, width) if strip.cell_length > width else strip

    # ---------------------------------------------------------- Textual API

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if width != self._layout_width:
            if self._layout_width:
                self.post_message(self.Rewrapped())
            self._layout_width = width
        return len(self.ranges(max(1, width))) if self._text.plain else 0

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        key = (y, width)
        strip = self._strips.get(key)
        if strip is None:
            lines = self._styled_lines(max(1, width))
            if 0 <= y < len(lines):
                strip = self._strip(lines[y], width)
            else:
                strip = Strip.blank(width, self.rich_style)
            self._strips[key] = strip
        return strip
