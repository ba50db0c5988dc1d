"""The reading pane: an article's title, facts and body, with who-said-what highlights.

Content is built once per article (and again when its analysis arrives or the
theme changes), never per keypress. An analysis the caller does not hand over
is asked for in a thread worker (the archive keeps what it made), so switching
articles never waits for it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, Iterable

from textual import work
from textual.actions import SkipAction
from textual.binding import Binding
from textual.cache import LRUCache
from textual.color import Color
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.style import Style as VisualStyle
from textual.widgets import Static

from reader.model import Analysis, Article
from reader.present.matches import match_spans
from reader.present.navigation import line_of
from reader.present.rows import day_label
from reader.present.spans import KINDS, highlight_spans
from reader.ui.highlights import MARKS, UNDER, highlighted_body, legend
from reader.ui.readable import readable, shown_color, terminal_colors
from reader.ui.widgets.article_body import PREPARED, ArticleBody
from reader.ui.widgets.scrollbar import draw_bar_from_strips

Analyse = Callable[[Article], Analysis]


def article_facts(article: Article) -> str:
    """Date · dateline · source, the byline, then length and reading time."""
    where = " · ".join(
        part for part in (day_label(article.date) if article.date else None, article.dateline, article.source) if part
    )
    words = article.words
    length = f"{words:,} word{'s' if words != 1 else ''} · {article.reading_minutes} min read"
    byline = f"By {article.byline}" if article.byline and not article.byline.lower().startswith("by ") else article.byline
    return "\n".join(line for line in (where, byline, length) if line)


class ReadingPane(VerticalScroll, can_focus=True):
    BINDINGS = [
        Binding("space", "page_down", "Page down", id="newsreader.page_down"),
        Binding("b", "page_up", "Page up", show=False, id="newsreader.page_up"),
        Binding("j", "scroll_down", "Scroll down", show=False, id="newsreader.scroll_down"),
        Binding("k", "scroll_up", "Scroll up", show=False, id="newsreader.scroll_up"),
        Binding("escape,h", "screen.focus_list", "Back", tooltip="Back to the list", id="newsreader.back"),
    ]

    COMPONENT_CLASSES = {f"reading-pane--{kind}" for kind in (*KINDS, *MARKS)} | {"reading-pane--match"}

    class AnalysisReady(Message):
        def __init__(self, article_id: str, analysis: Analysis) -> None:
            super().__init__()
            self.article_id = article_id
            self.analysis = analysis

    class Shown(Message):
        """The pane shows another article, or the analysis of this one arrived (None: not yet)."""

        def __init__(self, article: Article | None, analysis: Analysis | None) -> None:
            super().__init__()
            self.article = article
            self.analysis = analysis

    class ReachedEnd(Message):
        """The reader scrolled to the end of the article."""

        def __init__(self, article: Article) -> None:
            super().__init__()
            self.article = article

    def __init__(self, *, analyse: Analyse, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.analysis: Analysis | None = None
        self._analyse_article = analyse  # slow: called in a worker
        self._reached_end = False
        self._marks: tuple[tuple[str, int, int], ...] = ()
        self._matches: re.Pattern[str] | None = None  # the search's words, marked in the body
        # (body width, body offset at the top of the view); None while the article's start
        # is on screen. A new width (panel, sidebar, terminal) re-wraps the text around it.
        self._top: tuple[int, int] | None = None
        self._anchoring = False
        self._body = ArticleBody(id="article-body")
        # Bodies built ahead for articles the reader may open next (see `prepare`):
        # article id -> (what the content was built from, the content).
        self._prepared: LRUCache[str, tuple[tuple, Content]] = LRUCache(PREPARED)

    def compose(self):
        yield Static(id="article-title")
        yield Static(id="article-facts")
        yield Static(id="article-legend")
        yield self._body

    def on_mount(self) -> None:
        draw_bar_from_strips(self)
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._theme_changed())

    def _theme_changed(self) -> None:
        self._prepared.clear()
        self.call_after_refresh(self._show_body)

    def show_message(self, message: str, detail: str = "") -> None:
        self.article = None
        self.analysis = None
        self.query_one("#article-title", Static).update(Content(message))
        self.query_one("#article-facts", Static).update(Content(detail))
        self.query_one("#article-legend", Static).update("")
        self.query_one(ArticleBody).update("")
        self._marks = ()
        self.post_message(self.Shown(None, None))

    def show(self, article: Article, analysis: Analysis | None = None) -> None:
        """Show an article; `analysis`, when the caller has it at hand (the index),
        saves a second layout and render when the worker's would arrive."""
        if self.article is not None and self.article.id == article.id:
            return
        self.article = article
        self._reached_end = False
        self._top = None
        self.analysis = analysis
        self._marks = ()
        self.query_one("#article-title", Static).update(Content(article.title))
        self.query_one("#article-facts", Static).update(Content(article_facts(article)))
        self._show_body()
        self.scroll_home(animate=False, immediate=True)
        if self.analysis is None:
            self._analyse(article)
        self.post_message(self.Shown(article, self.analysis))

    def _styles(self) -> dict[str, VisualStyle]:
        styles = {kind: self._span_style(f"reading-pane--{kind}") for kind in KINDS}
        # A mark turns `reverse` off unless it asks for it, so a marked speaker shows the mark's colours.
        styles.update({kind: self._span_style(f"reading-pane--{kind}", reverse=False) for kind in MARKS})
        styles["match"] = self._span_style("reading-pane--match")
        return self._readable(styles)

    def _readable(self, styles: dict[str, VisualStyle]) -> dict[str, VisualStyle]:
        """Reported speech faint as the CSS says but readable (see `reader.ui.readable`), in
        an explicit colour (not `dim`, which each terminal draws its own way): on the pane,
        and (`reported-<mark>`) under a mark or a search match that changes the background
        but not the colour; a mark's own colour, which reported speech under it takes,
        readable on the mark."""
        background = self.background_colors[1]
        text = self.styles.color
        if terminal_colors(background, text, *(style.foreground for style in styles.values())):
            return styles

        reported = styles["reported"]
        color = reported.foreground or text

        def faint_on(behind: Color) -> VisualStyle:
            faint = shown_color(color, behind, dim=bool(reported.dim))
            return replace(reported, foreground=readable(faint, color.with_alpha(1.0), [behind]), dim=False)

        for kind in (*MARKS, "match"):
            mark = styles[kind]
            on = background if mark.background is None else shown_color(mark.background, background)
            if mark.foreground is not None:
                shown = shown_color(mark.foreground, on)
                styles[kind] = replace(mark, foreground=readable(shown, shown, [on]))
            elif mark.background is not None:
                styles[f"{UNDER}{kind}"] = faint_on(on)
        styles["reported"] = faint_on(background)
        return styles

    def _span_style(self, component: str, reverse: bool | None = None) -> VisualStyle:
        """A component class as a span style. `get_visual_style` drops `reverse`,
        which the speaker style needs to stand apart without colour."""
        styles = self.get_component_styles(component)
        flags = styles.text_style
        return VisualStyle(
            foreground=styles.color if styles.has_rule("color") else None,
            background=styles.background if styles.has_rule("background") else None,
            bold=flags.bold,
            dim=bool(flags.dim),  # False, not unset: a statement inside reported speech is not faint
            italic=flags.italic,
            underline=flags.underline,
            reverse=flags.reverse if flags.reverse is not None else reverse,
            strike=flags.strike,
        )

    def _show_body(self) -> None:
        article = self.article
        if article is None:
            return
        styles = self._styles()
        body = getattr(article, "body", "")
        self._body.update(self._body_content(article, self.analysis, styles, self._marks))
        kinds = {kind for kind, _, _ in highlight_spans(body, self.analysis)} if self.analysis else set()
        legend_widget = self.query_one("#article-legend", Static)
        legend_widget.update(legend(styles, kinds) if kinds else "")
        legend_widget.display = bool(kinds)

    def _body_content(
        self,
        article: Article,
        analysis: Analysis | None,
        styles: dict[str, VisualStyle],
        marks: tuple[tuple[str, int, int], ...],
    ) -> Content:
        """The body with its highlights, marks and search matches: built ahead by `prepare`, or now."""
        prepared = self._prepared.get(article.id)
        if prepared is not None:
            (prepared_analysis, prepared_marks, matches), content = prepared
            if prepared_analysis is analysis and prepared_marks == marks and matches == self._matches:
                return content
        body = article.body
        if self._matches is not None:
            # The marks over the matches: the match stepped to (find) stands out from the rest.
            marks = (*(("match", start, end) for start, end in match_spans(body, self._matches)), *marks)
        return highlighted_body(body, analysis, styles, marks)

    def prepare(self, article: Article, analysis: Analysis | None) -> None:
        """Build an article's body ahead (highlights, wrapped lines, the first screen
        drawn), at the pane's width now, so that showing it next costs only the frame."""
        if article.id == getattr(self.article, "id", None) or not self.is_attached:
            return  # shown already, or the app is closing (its styles are gone)
        prepared = self._prepared.get(article.id)
        if prepared is not None and prepared[0] == (analysis, (), self._matches) and self._body.is_prepared(prepared[1]):
            return  # drawn ahead already, at this width
        self._prepared.discard(article.id)
        content = self._body_content(article, analysis, self._styles(), ())  # a new article has no marks
        self._prepared[article.id] = ((analysis, (), self._matches), content)
        self._body.prepare(content, self.size.height)

    @work(thread=True, exclusive=True, group="analysis", exit_on_error=False)
    def _analyse(self, article: Article) -> None:
        analysis = self._analyse_article(article)
        self.post_message(self.AnalysisReady(article.id, analysis))

    def on_reading_pane_analysis_ready(self, message: AnalysisReady) -> None:
        message.stop()
        if self.article is not None and self.article.id == message.article_id:
            self.analysis = message.analysis
            self._show_body()
            self.post_message(self.Shown(self.article, self.analysis))

    # Line and page keys scroll now, in the next frame: Textual's defaults wait for a
    # refresh first (a frame later, ~30 ms from key to screen) and animate pages.

    def action_scroll_down(self) -> None:
        self._scroll_by_key(1)

    def action_scroll_up(self) -> None:
        self._scroll_by_key(-1)

    def action_page_down(self) -> None:
        self._scroll_by_key(self.scrollable_content_region.height)

    def action_page_up(self) -> None:
        self._scroll_by_key(-self.scrollable_content_region.height)

    def _scroll_by_key(self, lines: int) -> None:
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self.scroll_to(y=self.scroll_y + lines, animate=False, immediate=True)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if not self._anchoring:
            self.call_after_refresh(self._remember_top)
        if self.article is not None and not self._reached_end and self.max_scroll_y > 0:
            if new_value >= self.max_scroll_y:
                self._reached_end = True
                self.post_message(self.ReachedEnd(self.article))

    def _remember_top(self) -> None:
        width = self._body.content_size.width
        if self._top is not None and self._top[0] != width:
            return  # a re-wrap is under way: _keep_top goes back to the place first
        offsets = self.visible_offsets() if self.scroll_y > 0 else None
        self._top = (width, offsets[0]) if offsets else None

    def on_article_body_rewrapped(self, message: ArticleBody.Rewrapped) -> None:
        message.stop()
        if self._top is not None:
            self.call_after_refresh(self._keep_top)

    def _keep_top(self) -> None:
        """After a change of width: the line holding the remembered offset is first on screen again."""
        found = self._body_lines()
        if found is None or self._top is None:
            return
        body, starts = found
        width = body.content_size.width
        if self._top[0] == width:
            return
        offset = self._top[1]
        self._anchoring = True
        try:
            self.scroll_to(y=self._body_top(body) + line_of(starts, offset), animate=False, immediate=True)
        finally:
            self._anchoring = False
        self._top = (width, offset)

    # ------------------------------------------------- marks and offsets

    def set_matches(self, pattern: re.Pattern[str] | None) -> None:
        """Mark what a search matched (see reader.present.matches); None: no search."""
        if pattern != self._matches:
            self._matches = pattern
            self._show_body()

    def restore_scroll(self, y: float, *, tries: int = 40) -> None:
        """Scroll to `y` once the body is laid out tall enough to get there.

        Right after `show` the body may not have its height yet (more so on a
        busy machine), and a scroll before that would stop at the top."""
        if self.article is None:
            return
        article_id = self.article.id

        def attempt(left: int) -> None:
            if self.article is None or self.article.id != article_id:
                return
            if self.max_scroll_y >= y or left <= 0:
                self.scroll_to(y=y, animate=False, immediate=True)
            else:
                self.set_timer(0.05, lambda: attempt(left - 1))

        self.call_after_refresh(attempt, tries)

    def reload(self, article: Article) -> None:
        """The article changed on disk: show the new text where the reader was."""
        y = self.scroll_y
        self.article = None
        self.show(article)
        self.restore_scroll(y)

    def mark(self, marks: Iterable[tuple[str, int, int]]) -> None:
        """Draw (kind, start, end) marks over the highlights; kind is one of MARKS."""
        marks = tuple(marks)
        if marks != self._marks:
            self._marks = marks
            self._show_body()

    def _body_lines(self) -> tuple[ArticleBody, list[int]] | None:
        """The body widget and the offset each of its wrapped lines starts at."""
        body = self.query_one(ArticleBody)
        width = body.content_size.width
        if self.article is None or width <= 0:
            return None
        return body, body.line_starts(width)

    def _body_top(self, body: ArticleBody) -> int:
        """The body's first line in the pane's scrollable space."""
        return body.region.y - self.content_region.y + round(self.scroll_y)

    def scroll_to_offset(self, offset: int) -> None:
        """Bring the line holding a body offset into view, a third of the way down,
        unless it is already on screen."""
        found = self._body_lines()
        if found is None:
            return
        body, starts = found
        y = self._body_top(body) + line_of(starts, offset)
        height = self.scrollable_content_region.height
        if self.scroll_y + 1 <= y < self.scroll_y + height - 1:
            return
        self.scroll_to(y=max(0, y - height // 3), animate=False, immediate=True)

    def visible_offsets(self) -> tuple[int, int] | None:
        """The range of body offsets on screen now."""
        found = self._body_lines()
        if found is None or self.article is None:
            return None
        body, starts = found
        length = len(self.article.body)
        first = round(self.scroll_y) - self._body_top(body)
        last = first + self.scrollable_content_region.height
        if last <= 0 or first >= len(starts):
            return None
        return starts[max(first, 0)], starts[last] if last < len(starts) else length
