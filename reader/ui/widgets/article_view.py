"""The reading pane with its who-said-what panel beside it, and the keys that tie
them together: choose an actor or a quote in the panel, step through its places in
the text with `]` and `[`, copy the quote in focus as a citation with `y`.

The pane draws and scrolls; the panel lists; this view keeps what is chosen and
where the reader is in it. At narrow widths an open panel takes the sidebar's room.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from reader.model import Analysis, Article, Quote
from reader.present.citation import citation
from reader.present.navigation import Span, Steps, actor_spans, first_quote_between, quote_for_span, quotes_in_order
from reader.ui.widgets.find_bar import STEP_KEYS, FindBar
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.who_said_what import WhoSaidWhat

NARROW = "-narrow"  # the app's breakpoint class for small terminals (a narrower sidebar)
MEDIUM = "-medium"  # wide enough for the list and the article, not for the panel beside them too


def no_room_for_three(screen: Widget) -> bool:
    """Too narrow for the list, the article and the panel side by side: the open panel takes
    the list's room."""
    return screen.has_class(NARROW) or screen.has_class(MEDIUM)
QUOTE_TRIES = 40  # 2 s of layout and analysis before a quote chosen in the timeline gives up


class ArticleView(Horizontal):
    BINDINGS = [
        Binding(
            "right_square_bracket", "step(1)", "Step", id="newsreader.next_mark",
            tooltip="Next mention of the chosen actor, else the next quote",
        ),
        Binding(
            "left_square_bracket", "step(-1)", "Prev", show=False, id="newsreader.previous_mark",
            tooltip="Previous mention of the chosen actor, else the previous quote",
        ),
        Binding(
            "y", "copy_citation", "Cite", id="newsreader.copy_citation",
            tooltip="Copy the quote in focus (or the first on screen) as a citation",
        ),
        Binding(
            "escape", "clear_marks", "Clear", show=False, priority=True, id="newsreader.clear_marks",
            tooltip="Forget the chosen actor or quote; from the panel, back to the text",
        ),
        *STEP_KEYS,
    ]

    def __init__(self, pane: ReadingPane, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.pane = pane
        self.panel = WhoSaidWhat(id="who-said-what")
        self.article: Article | None = None
        self.analysis: Analysis | None = None
        self.actor: str | None = None
        self.steps: Steps | None = None
        self._quotes: dict[Span, Quote] = {}
        self._shown_status = Content("")
        self._panel_stale = False  # the panel is filled when open: a hidden one costs every article switch

    def compose(self):
        with Vertical(id="reading"):
            yield self.pane
            yield Static(id="reading-status")
        yield self.panel

    def on_mount(self) -> None:
        self.panel.show_message("No article")
        self.watch(self.screen, "focused", self._focus_moved, init=False)

    # ------------------------------------------------------------- the panel

    @property
    def panel_open(self) -> bool:
        return self.has_class("-show-panel")

    def toggle_panel(self) -> None:
        self.set_panel(not self.panel_open)

    class PanelToggled(Message):
        """The panel was opened or closed; `remember`: by the reader's choice, which the app
        keeps for the next run (not when the width alone closed it)."""

        def __init__(self, shown: bool, remember: bool = True) -> None:
            super().__init__()
            self.shown = shown
            self.remember = remember

    def set_panel(self, show: bool, *, focus: bool = True, remember: bool = True) -> None:
        if show == self.panel_open:
            return
        had_focus = self.screen.focused is self.panel
        self.set_class(show, "-show-panel")
        self.screen.set_class(show, "-who-said-what")
        if show:
            self.update_panel()
            if focus:
                self.panel.focus()
        elif had_focus:
            self.pane.focus()
        self.post_message(self.PanelToggled(show, remember))

    def _focus_moved(self, focused: Widget | None) -> None:
        """At narrow widths the open panel hides the sidebar: going back to the list closes it."""
        if focused is None or not self.panel_open or not no_room_for_three(self.screen):
            return
        if self not in focused.ancestors_with_self:
            self.set_panel(False, remember=False)  # the width's doing, not the reader's choice

    # ------------------------------------------------------ article changes

    def on_reading_pane_shown(self, message: ReadingPane.Shown) -> None:
        self.article = message.article
        self.analysis = message.analysis
        self._quotes = {(q.start, q.end): q for q in quotes_in_order(message.analysis)} if message.analysis else {}
        self.actor = None
        self.steps = None
        self._panel_stale = True
        if self.panel_open:
            self.update_panel()
        self._show_steps(scroll=False)

    def update_panel(self) -> None:
        """Fill the panel for the article on screen, if it is not already."""
        if not self._panel_stale:
            return
        self._panel_stale = False
        if self.article is None:
            self.panel.show_message("No article")
            return
        self.panel.show_analysis(self.analysis, self.article.body)
        if self.actor is not None:
            self.panel.highlight_actor(self.actor)
        elif self.steps is not None and (current := self.steps.current) in self._quotes:
            self.panel.highlight_quote(self._quotes[current])

    # ------------------------------------------------------------- choosing

    def on_who_said_what_actor_chosen(self, message: WhoSaidWhat.ActorChosen) -> None:
        self.choose_actor(message.actor.name)

    def on_who_said_what_quote_chosen(self, message: WhoSaidWhat.QuoteChosen) -> None:
        self.choose_quote(message.quote)

    def on_who_said_what_text_requested(self, _message: WhoSaidWhat.TextRequested) -> None:
        self.pane.focus()

    def choose_actor(self, name: str) -> None:
        """Mark every mention of an actor and go to the first one."""
        if self.analysis is None:
            return
        self.actor = name
        self.steps = Steps(tuple(actor_spans(self.analysis, name))).step(1, 0)
        self.panel.highlight_actor(name)
        self._show_steps()

    def choose_quote(self, quote: Quote) -> None:
        self.actor = None
        self.steps = Steps(tuple(self._quotes)).at((quote.start, quote.end))
        self._show_steps()

    def action_step(self, direction: int) -> None:
        if self.analysis is None:
            self.notify("Still analysing this article…", timeout=2)
            return
        steps = self.steps or Steps(tuple(self._quotes))
        if not steps.spans:
            self.notify("No quotes in this article", timeout=2)
            return
        visible = self.pane.visible_offsets()
        self.steps = steps.step(direction, visible[0] if visible else 0)
        self._show_steps()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_marks":  # otherwise Escape goes on to the pane: back to the list
            return self.steps is not None or self.screen.focused is self.panel
        if action == "step_match":  # otherwise n and N go on to the screen: the next article
            return self._find_bar() is not None
        return True

    def _find_bar(self) -> FindBar | None:
        """The find, if one is open (it is mounted in this view on first use)."""
        return next((bar for bar in self.query(FindBar) if bar.active), None)

    def action_step_match(self, direction: int) -> None:
        if (bar := self._find_bar()) is not None:
            bar.step(direction)

    def action_clear_marks(self) -> None:
        if self.steps is None:
            self.pane.focus()
            return
        self.actor = None
        self.steps = None
        self._show_steps(scroll=False)

    def _show_steps(self, *, scroll: bool = True) -> None:
        steps = self.steps
        marks: list[tuple[str, int, int]] = []
        if self.actor is not None and steps is not None:
            marks.extend(("focus", start, end) for start, end in steps.spans)
        if steps is not None and (current := steps.current) is not None:
            marks.append(("current", *current))
            if scroll:
                self.pane.scroll_to_offset(current[0])
            if quote := self._quotes.get(current) if self.actor is None else None:
                self.panel.highlight_quote(quote)
        self.pane.mark(marks)
        stepping = steps is not None
        if stepping != self.has_class("-stepping"):
            self.set_class(stepping, "-stepping")
            self.refresh_bindings()  # Escape's meaning changed; a footer rebuild is costly
        status = self._status()
        if status != self._shown_status:  # an update costs a layout of the screen
            self._shown_status = status
            self.query_one("#reading-status", Static).update(status)

    def _status(self) -> Content:
        steps = self.steps
        if steps is None:
            return Content("")
        if self.actor is not None:
            where = Content.assemble((self.actor, "bold"), f" {steps.position()}")
        else:
            current = self._quotes.get(steps.current) if steps.current else None
            speaker = f" · {current.speaker}" if current is not None and current.speaker else ""
            where = Content.assemble(("quote", "bold"), f" {steps.position()}{speaker}")
        return Content.assemble(where, ("  ] [ step · y cite · esc clear", "$text-muted"))

    # ------------------------------------------------------------ citations

    def quote_in_focus(self) -> Quote | None:
        """The quote stepped to or chosen; the quote around (or spoken by) the mention
        stepped to; else the first quote on screen."""
        if self.analysis is None:
            return None
        if self.steps is not None and (current := self.steps.current) is not None:
            if self.actor is None:
                quote = self._quotes.get(current)
            else:
                quote = self._actor_quote_near(self.actor, current) or quote_for_span(self.analysis, current)
            if quote is not None:
                return quote
        visible = self.pane.visible_offsets()
        if visible is None:
            return None
        return first_quote_between(list(self._quotes.values()), *visible)

    def _actor_quote_near(self, actor: str, span: Span) -> Quote | None:
        """The chosen actor's own quote nearest a mention of them (a citation in their name
        must be their words, not a quote that happens to be on screen)."""
        theirs = [quote for quote in self._quotes.values() if quote.speaker == actor and quote.kind == "statement"]
        if not theirs:
            return None
        start, end = span
        return min(theirs, key=lambda quote: max(quote.start - end, start - quote.end, 0))

    def action_copy_citation(self) -> None:
        quote = self.quote_in_focus()
        if quote is None or self.article is None:
            self.notify("No quote to cite here", timeout=2)
            return
        text = citation(self.article, quote)
        self.app.copy_to_clipboard(text)
        # The copy goes through the terminal (OSC 52), which may not pass it on (tmux
        # without set-clipboard): the citation is shown too, to copy by hand.
        self.notify(text, title="Copied citation", timeout=6)

    def jump_to_actor(self, name: str) -> None:
        """From the command palette: choose the actor and read from its first mention."""
        self.choose_actor(name)
        self.pane.focus()

    def go_to_quote(self, article_id: str, start: int, end: int, tries: int = QUOTE_TRIES) -> None:
        """Mark the quote at `start`..`end` and bring it on screen, once the article is
        analysed and laid out (right after it is shown its body may have no height yet)."""
        pane = self.pane
        if pane.article is None or pane.article.id != article_id:
            return
        quote = next(
            (q for q in (self.analysis.quotes if self.analysis is not None else ()) if (q.start, q.end) == (start, end)),
            None,
        )
        if quote is not None and self.article is pane.article:
            self.choose_quote(quote)
        else:
            pane.scroll_to_offset(start)
        visible = pane.visible_offsets()
        arrived = visible is not None and visible[0] <= start <= visible[1] and quote is not None
        if not arrived and tries > 0:
            self.set_timer(0.05, lambda: self.go_to_quote(article_id, start, end, tries - 1))
