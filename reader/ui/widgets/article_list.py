"""The sidebar list: a line-API widget that renders only the rows on screen.

One widget for the whole list, however long: rows are computed once per load
(`reader.present.rows`), lines are rendered on demand and cached as `Strip`s, keyed
by everything that changes how a line looks.
"""

from __future__ import annotations

import textwrap
from bisect import bisect_left
from typing import Callable, Protocol, Sequence

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.present.row_meta import meta_line
from reader.present.rows import EMPTY_ROWS, DayHeader, Listed, Rows, group_by_date, ungrouped
from reader.ui.widgets.scrollbar import draw_bar_from_strips

MESSAGE_INDENT = 2  # cells before a message in an empty list (and kept free after it)

UNREAD_MARK = "●"
STAR_MARK = "★"


class Marks(Protocol):
    def is_read(self, article_id: str) -> bool: ...
    def is_starred(self, article_id: str) -> bool: ...


class NoMarks:
    def is_read(self, article_id: str) -> bool:
        return False

    def is_starred(self, article_id: str) -> bool:
        return False


WHEEL_LINES = 3  # as Textual scrolls for one notch of the wheel


class ArticleList(ScrollView, can_focus=True):
    """Articles under day headers, with a cursor that is always on an article."""

    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False, id="newsreader.down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="newsreader.up"),
        Binding("g,home", "first", "First", show=False, id="newsreader.first"),
        Binding("G,end", "last", "Last", show=False, id="newsreader.last"),
        Binding("pagedown", "page_down", "Page down", show=False, id="newsreader.list_page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="newsreader.list_page_up"),
        Binding("enter", "open", "Open", tooltip="Read the article (focus moves to the text)", id="newsreader.open"),
        # As in the text, and as mutt and slrn do from their index: page the article on
        # show while the cursor stays in the list.
        Binding("space", "screen.page_article(1)", "Page down", show=False, id="newsreader.page_down",
                tooltip="Page down in the article (the cursor stays in the list)"),
        Binding("b", "screen.page_article(-1)", "Page up", show=False, id="newsreader.page_up",
                tooltip="Page up in the article (the cursor stays in the list)"),
    ]

    COMPONENT_CLASSES = {
        "article-list--header",
        "article-list--cursor",
        "article-list--cursor-blurred",
        "article-list--unread-title",
        "article-list--read-title",
        "article-list--meta",
        "article-list--unread-mark",
        "article-list--star",
        "article-list--message",
    }

    class Highlighted(Message):
        """The cursor moved onto an article; `by_key`: a cursor key moved it (keys may repeat)."""

        def __init__(self, article_list: ArticleList, article: Listed, by_key: bool = False) -> None:
            super().__init__()
            self.article_list = article_list
            self.article = article
            self.by_key = by_key

        @property
        def control(self) -> ArticleList:
            return self.article_list

    class AboveFirst(Message):
        """Up from the first article: the saved searches above may take the cursor."""

    class Opened(Message):
        """The user asked to read an article (Enter, double click)."""

        def __init__(self, article_list: ArticleList, article: Listed) -> None:
            super().__init__()
            self.article_list = article_list
            self.article = article

        @property
        def control(self) -> ArticleList:
            return self.article_list

    def __init__(
        self,
        *,
        marks: Marks | None = None,
        on_highlighted: Callable[[ArticleList.Highlighted], None] | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """`on_highlighted`, if given, is handed each `Highlighted` message at once instead
        of it being posted: the article then changes in the frame the cursor moves in.
        A posted message reaches the app after that frame is painted, and the article
        a frame later (key to article on screen: 39 ms posted, 15 ms handed over)."""
        super().__init__(id=id, classes=classes)
        self.marks: Marks = marks or NoMarks()
        self._on_highlighted = on_highlighted
        self.message = "Loading…"
        self._rows: Rows = EMPTY_ROWS
        self._articles: Sequence[Listed] = ()
        self._ordinal_by_id: dict[str, int] | None = None
        self._cursor = 0  # ordinal of the article under the cursor
        self._strips: LRUCache[tuple, Strip] = LRUCache(1024)

    def on_mount(self) -> None:
        draw_bar_from_strips(self)

    # ------------------------------------------------------------------ data

    @property
    def articles(self) -> Sequence[Listed]:
        return self._articles

    @property
    def highlighted(self) -> Listed | None:
        if not self._articles:
            return None
        return self._articles[self._cursor]

    @property
    def cursor(self) -> int:
        return self._cursor

    def set_articles(
        self,
        articles: Sequence[Listed],
        *,
        keep: str | None = None,
        message: str = "",
        grouped: bool = True,
        near: int = 0,
    ) -> None:
        """Show these articles: newest first under day headers, or `grouped=False` in
        the order given (each row dated). The cursor stays on `keep` if listed (on
        the same screen line when it was already there), else goes to ordinal `near`."""
        same = self.highlighted
        screen_line = None
        if keep is not None and same is not None and same.id == keep and self._rows.height:
            screen_line = self._rows.starts[self._rows.article_rows[self._cursor]] - round(self.scroll_y)
        self._articles = articles
        self._rows = group_by_date(articles) if grouped else ungrouped(articles)
        self._ordinal_by_id = None
        self._strips.clear()
        self.message = message
        # A blank line after the last entry: scrolled to the end, the first line on
        # screen can still be the start of an entry, whatever the height.
        self.virtual_size = Size(1, self._rows.height + 1 if self._rows.height else 0)
        ordinal = self.ordinal_of(keep) if keep else None
        self._cursor = 0
        # `force`: the scrollbar of a list that was short (or empty) until now is
        # only shown at the next layout, and without it Textual refuses to scroll.
        self.scroll_to(y=0, animate=False, immediate=True, force=True)
        if articles:
            if ordinal is not None and screen_line is not None:
                line = self._rows.starts[self._rows.article_rows[ordinal]]
                self.scroll_to(y=max(0, line - screen_line), animate=False, immediate=True, force=True)
            self.move_cursor(ordinal if ordinal is not None else near, force=True)
        self.refresh()

    def show_message(self, message: str) -> None:
        self.message = message
        self.refresh()

    def ordinal_of(self, article_id: str) -> int | None:
        if self._ordinal_by_id is None:
            self._ordinal_by_id = {article.id: n for n, article in enumerate(self._articles)}
        return self._ordinal_by_id.get(article_id)

    def refresh_marks(self) -> None:
        """Read or star marks changed: redraw what is on screen."""
        self.refresh()

    # ---------------------------------------------------------------- cursor

    def move_cursor(self, ordinal: int, *, force: bool = False, by_key: bool = False) -> None:
        if not self._articles:
            return
        ordinal = max(0, min(ordinal, len(self._articles) - 1))
        if ordinal == self._cursor and not force:
            return
        previous, self._cursor = self._cursor, ordinal
        scrolled = self.scroll_y
        self._scroll_cursor_into_view()
        if self.scroll_y == scrolled and 0 <= previous < len(self._articles):
            self._refresh_article_lines(previous)  # only the two rows whose highlight changed
            self._refresh_article_lines(ordinal)
        else:
            self.refresh()
        message = self.Highlighted(self, self._articles[ordinal], by_key)
        if self._on_highlighted is not None:
            self._on_highlighted(message)
        else:
            self.post_message(message)

    def _refresh_article_lines(self, ordinal: int) -> None:
        rows = self._rows
        row = rows.article_rows[ordinal]
        self.refresh_lines(rows.starts[row], rows.row_height(row))

    def _scroll_cursor_into_view(self) -> None:
        rows = self._rows
        row = rows.article_rows[self._cursor]
        top = rows.starts[row]
        height = rows.row_height(row)
        if row > 0 and isinstance(rows.rows[row - 1], DayHeader):
            top -= 1  # show the day the article belongs to
            height += 1
        shown = self.scrollable_content_region.height
        y = round(self.scroll_y)
        if top < y or shown <= height:
            y = top
        elif top + height > y + shown:
            y = top + height - shown
            # Whole entries only: the first line on screen is never an article's meta line.
            if y < rows.height and not rows.starts_entry(y):
                y = min(y + 1, top)
        else:
            return
        self.scroll_to(y=y, animate=False, immediate=True, force=True)

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        event.prevent_default()
        self.scroll_by_entries(WHEEL_LINES)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        event.prevent_default()
        self.scroll_by_entries(-WHEEL_LINES)

    def scroll_by_entries(self, lines: int) -> None:
        """Scroll about `lines` (the wheel), stopping where an entry starts: the first
        line on screen is never an article's second (meta) line."""
        rows = self._rows
        last = round(self.max_scroll_y)
        y = max(0, min(round(self.scroll_y) + lines, last))
        if 0 < y < rows.height and not rows.starts_entry(y):
            y = min(y + 1, last) if lines > 0 else y - 1
        self.scroll_to(y=y, animate=False, immediate=True)

    def on_resize(self, event: events.Resize) -> None:
        # Shown again or resized (a restart lists before the layout is final): the cursor stays on screen.
        if self._articles and self.scrollable_content_region.height > 0:
            self._scroll_cursor_into_view()

    def action_cursor_down(self) -> None:
        self.move_cursor(self._cursor + 1, by_key=True)

    def action_cursor_up(self) -> None:
        if self._cursor == 0:
            self.post_message(self.AboveFirst())
        self.move_cursor(self._cursor - 1, by_key=True)

    def action_first(self) -> None:
        self.move_cursor(0, by_key=True)

    def action_last(self) -> None:
        self.move_cursor(len(self._articles) - 1, by_key=True)

    def action_page_down(self) -> None:
        self.move_cursor(self._cursor + max(1, self.scrollable_content_region.height // 2 - 1), by_key=True)

    def action_page_up(self) -> None:
        self.move_cursor(self._cursor - max(1, self.scrollable_content_region.height // 2 - 1), by_key=True)

    def action_open(self) -> None:
        if article := self.highlighted:
            self.post_message(self.Opened(self, article))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not self._articles:
            return
        line = offset.y + round(self.scroll_y)
        if not 0 <= line < self._rows.height:
            return
        row = self._rows.line_rows[line]
        if isinstance(self._rows.rows[row], DayHeader):
            return
        self.move_cursor(bisect_left(self._rows.article_rows, row))
        if event.chain >= 2:
            self.action_open()

    def on_focus(self, event: events.Focus) -> None:
        self.refresh()

    def on_blur(self, event: events.Blur) -> None:
        self.refresh()

    # ------------------------------------------------------------- rendering

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = y + round(self.scroll_y)
        base = self.rich_style
        if not self._articles:
            # From the second line, wrapped to the list: a narrow list once cut it off mid-word.
            message_lines = textwrap.wrap(self.message, max(1, width - 2 * MESSAGE_INDENT)) if self.message else []
            if 1 <= y <= len(message_lines):
                style = base + self.get_component_rich_style("article-list--message")
                text = " " * MESSAGE_INDENT + message_lines[y - 1]
                return Strip([Segment(set_cell_size(text, width), style)], width)
            return Strip.blank(width, base)
        if line >= self._rows.height:
            return Strip.blank(width, base)
        row_index = self._rows.line_rows[line]
        row = self._rows.rows[row_index]
        part = line - self._rows.starts[row_index]
        if isinstance(row, DayHeader):
            key: tuple = ("header", row_index, width)
        else:
            cursor = self._articles[self._cursor] is row
            key = (
                row_index,
                part,
                width,
                cursor and (self.has_focus or "blurred"),
                self.marks.is_read(row.id),
                self.marks.is_starred(row.id),
            )
        strip = self._strips.get(key)
        if strip is None:
            if isinstance(row, DayHeader):
                strip = self._render_header(row, width, base)
            else:
                strip = self._render_article(row, part, width, base, cursor)
            self._strips[key] = strip
        return strip.apply_offsets(0, line)

    def _render_header(self, header: DayHeader, width: int, base: Style) -> Strip:
        style = base + self.get_component_rich_style("article-list--header")
        count = f"{header.count:,} "  # every header, one article or many: the counts read as a column
        label = _fit(f" {header.label}", width - cell_len(count))
        return Strip([Segment(label, style), Segment(count, style)], width).crop_extend(0, width, style)

    def _render_article(self, article: Listed, part: int, width: int, base: Style, cursor: bool) -> Strip:
        # Component styles are taken whole (their colours may be translucent and need
        # the background to blend with); the cursor then goes on top.
        cursor_style = Style()
        if cursor:
            cursor_style = self.get_component_rich_style(
                "article-list--cursor" if self.has_focus else "article-list--cursor-blurred"
            )
            base = base + cursor_style

        def style(name: str) -> Style:
            return self.get_component_rich_style(name) + cursor_style

        if part == 0:
            unread = not self.marks.is_read(article.id)
            starred = self.marks.is_starred(article.id)
            segments = [
                Segment(" ", base),
                Segment(UNREAD_MARK if unread else " ", style("article-list--unread-mark")),
                Segment(" ", base),
                Segment(
                    _fit(article.title, max(0, width - 6)),
                    style("article-list--unread-title" if unread else "article-list--read-title"),
                ),
                Segment(" ", base),
                Segment(STAR_MARK if starred else " ", style("article-list--star")),
                Segment(" ", base),
            ]
        else:
            meta = meta_line(article, self._rows.meta_date)
            segments = [Segment("   ", base), Segment(_fit(meta, max(0, width - 4)), style("article-list--meta"))]
        return Strip(segments).crop_extend(0, width, base)


def _fit(text: str, width: int) -> str:
    """Exactly `width` cells: padded, or cut with an ellipsis."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…"
