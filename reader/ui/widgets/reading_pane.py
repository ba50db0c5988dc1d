"""The reading pane: an article's title, facts and body, with who-said-what highlights.

Content is built once per article (and again when its analysis arrives or the
theme changes), never per keypress. The analysis runs in a thread worker with a
small cache, so switching articles never waits for it.
"""

from __future__ import annotations

from typing import Callable

from textual import work
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.style import Style as VisualStyle
from textual.widgets import Static

from reader.model import Analysis, Article
from reader.ui.analysis_cache import AnalysisCache
from reader.ui.highlights import KINDS, highlight_spans, highlighted_body, legend
from reader.ui.rows import day_label

Analyser = Callable[[Article], Analysis]


def default_analyser(article: Article) -> Analysis:
    from reader.analysis import analyze_article

    return analyze_article(article)


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
        Binding("escape,h", "app.focus_list", "Back", tooltip="Back to the list", id="newsreader.back"),
    ]

    COMPONENT_CLASSES = {f"reading-pane--{kind}" for kind in KINDS}

    class AnalysisReady(Message):
        def __init__(self, article_id: str, analysis: Analysis) -> None:
            super().__init__()
            self.article_id = article_id
            self.analysis = analysis

    class ReachedEnd(Message):
        """The reader scrolled to the end of the article."""

        def __init__(self, article: Article) -> None:
            super().__init__()
            self.article = article

    def __init__(self, *, analyser: Analyser | None = None, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.analysis: Analysis | None = None
        self._analyser = analyser or default_analyser
        self._cache = AnalysisCache()
        self._reached_end = False

    def compose(self):
        with Vertical(id="article"):
            yield Static(id="article-title")
            yield Static(id="article-facts")
            yield Static(id="article-legend")
            yield Static(id="article-body")

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.call_after_refresh(self._show_body))

    def show_message(self, message: str) -> None:
        self.article = None
        self.analysis = None
        self.query_one("#article-title", Static).update(Content(message))
        for name in ("#article-facts", "#article-legend", "#article-body"):
            self.query_one(name, Static).update("")

    def show(self, article: Article) -> None:
        if self.article is not None and self.article.id == article.id:
            return
        self.article = article
        self._reached_end = False
        self.analysis = self._cache.get(article.id)
        self.query_one("#article-title", Static).update(Content(article.title))
        self.query_one("#article-facts", Static).update(Content(article_facts(article)))
        self._show_body()
        self.scroll_home(animate=False, immediate=True)
        if self.analysis is None:
            self._analyse(article)

    def _styles(self) -> dict[str, VisualStyle]:
        return {kind: self._span_style(f"reading-pane--{kind}") for kind in KINDS}

    def _span_style(self, component: str) -> VisualStyle:
        """A component class as a span style. `get_visual_style` drops `reverse`,
        which the speaker style needs to stand apart without colour."""
        styles = self.get_component_styles(component)
        flags = styles.text_style
        return VisualStyle(
            foreground=styles.color if styles.has_rule("color") else None,
            bold=flags.bold,
            italic=flags.italic,
            underline=flags.underline,
            reverse=flags.reverse,
            strike=flags.strike,
        )

    def _show_body(self) -> None:
        article = self.article
        if article is None:
            return
        styles = self._styles()
        body = getattr(article, "body", "")
        self.query_one("#article-body", Static).update(highlighted_body(body, self.analysis, styles))
        kinds = {kind for kind, _, _ in highlight_spans(body, self.analysis)} if self.analysis else set()
        legend_widget = self.query_one("#article-legend", Static)
        legend_widget.update(legend(styles, kinds) if kinds else "")
        legend_widget.display = bool(kinds)

    @work(thread=True, exclusive=True, group="analysis", exit_on_error=False)
    def _analyse(self, article: Article) -> None:
        analysis = self._analyser(article)
        self._cache.put(article.id, analysis)
        self.post_message(self.AnalysisReady(article.id, analysis))

    def on_reading_pane_analysis_ready(self, message: AnalysisReady) -> None:
        message.stop()
        if self.article is not None and self.article.id == message.article_id:
            self.analysis = message.analysis
            self._show_body()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if self.article is not None and not self._reached_end and self.max_scroll_y > 0:
            if new_value >= self.max_scroll_y:
                self._reached_end = True
                self.post_message(self.ReachedEnd(self.article))
