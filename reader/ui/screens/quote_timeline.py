"""Everything one actor said, in date order: date, article title, the quote.

Choosing an entry opens its article in the reading pane at the quote.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Sequence

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.index import QuoteHit
from reader.present.citation import excerpt
from reader.ui.widgets.who_said_what import LIST_KEYS

if TYPE_CHECKING:
    from reader.ui.corrections_flow import Corrector

MAX_QUOTE_CHARS = 400


@dataclass(frozen=True, slots=True)
class QuoteChoice:
    article_id: str
    start: int  # offset of the quote in the article body
    end: int


def quote_entry(hit: QuoteHit) -> Content:
    day = hit.summary.date.isoformat() if hit.summary.date else "undated   "
    text = excerpt(hit.quote, MAX_QUOTE_CHARS)  # “the words”, without the comma before "she said"
    if hit.quote.kind == "reported":  # a paraphrase: no quotation marks, faint, and its verb
        said = (f"{hit.quote.cue.lower()}: " if hit.quote.cue else "reported: ", "$text-muted")
        return Content.assemble(
            (day, "bold $text-accent"), "  ", (hit.summary.title, "bold"), "\n", said, (text, "dim italic")
        )
    return Content.assemble(
        (day, "bold $text-accent"), "  ", (hit.summary.title, "bold"), "\n", (text, "italic")
    )


def timeline_title(actor: str, hits: Sequence[QuoteHit]) -> str:
    """`What Ann Roe said · 3 quotes · 2 reported`: direct quotes counted as the actors view
    counts them, reported speech apart."""
    reported = sum(1 for hit in hits if hit.quote.kind == "reported")
    direct = len(hits) - reported
    counts = [f"{direct:,} quote{'s' if direct != 1 else ''}"] if direct else []
    counts += [f"{reported:,} reported"] if reported else []
    return " · ".join([f"What {actor} said", *counts])


class QuoteList(OptionList):
    BINDINGS = LIST_KEYS


class QuoteTimelineScreen(ModalScreen[QuoteChoice | None]):
    BINDINGS = [
        Binding("escape,q", "dismiss(None)", "Close", id="newsreader.close_quotes"),
        Binding(
            "e", "correct", "Correct", id="newsreader.correct_timeline_quote",
            tooltip="Correct the quote: another speaker, or not a statement",
        ),
        Binding("z", "undo_correction", "Undo", id="newsreader.undo_timeline_correction", tooltip="Undo the last correction"),
    ]

    class Loaded(Message):
        def __init__(self, hits: list[QuoteHit] | None, error: str | None = None) -> None:
            super().__init__()
            self.hits = hits
            self.error = error

    def __init__(
        self, actor: str, load: Callable[[str], list[QuoteHit]], *, escape: str = "close", corrector: Corrector | None = None
    ) -> None:
        """`escape`: what Esc does, for the border ("back to actors" over the actors view);
        `corrector`: what `e` and `z` correct with (none: the keys say so)."""
        super().__init__()
        self.actor = actor
        self._escape = escape
        self._load = load
        self._corrector = corrector
        self._hits: list[QuoteHit] = []
        self._keep_cursor = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="quotes") as box:
            box.border_title = f"What {self.actor} said"
            correct = " · e: correct" if self._corrector is not None else ""
            box.border_subtitle = f"Enter: open the article{correct} · Esc: {self._escape}"
            yield QuoteList(id="quote-list")

    def on_mount(self) -> None:
        options = self.query_one("#quote-list", OptionList)
        options.set_options([Option(Content("Loading quotes…"), disabled=True)])
        options.focus()
        self._load_quotes()

    @work(thread=True, exit_on_error=False)
    def _load_quotes(self) -> None:
        try:
            hits = self._load(self.actor)
        except Exception as error:  # shown in the screen; the app goes on
            self.post_message(self.Loaded(None, str(error)))
            return
        self.post_message(self.Loaded(hits))

    def on_quote_timeline_screen_loaded(self, message: Loaded) -> None:
        options = self.query_one("#quote-list", OptionList)
        if message.hits is None:
            options.set_options([Option(Content(message.error or "Quotes could not be listed"), disabled=True)])
            return
        self._hits = message.hits
        if not self._hits:
            options.set_options([Option(Content(f"No quotes from {self.actor}"), disabled=True)])
            return
        entries: list[Option | None] = []
        for hit in self._hits:
            if entries:
                entries.append(None)
            entries.append(Option(quote_entry(hit)))
        options.set_options(entries)
        options.highlighted = min(self._keep_cursor, len(self._hits) - 1)
        self.query_one("#quotes").border_title = timeline_title(self.actor, self._hits)

    @on(OptionList.OptionSelected, "#quote-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = event.option_index
        if 0 <= index < len(self._hits):
            hit = self._hits[index]
            self.dismiss(QuoteChoice(hit.summary.id, hit.quote.start, hit.quote.end))

    def reload(self) -> None:
        """What the actor said changed (a correction): list it again, the cursor where it was."""
        self._keep_cursor = self.query_one("#quote-list", OptionList).highlighted or 0
        self._load_quotes()

    def action_correct(self) -> None:
        index = self.query_one("#quote-list", OptionList).highlighted
        if self._corrector is None:
            self.notify("Corrections need the archive's reading screen", timeout=3)
        elif index is not None and 0 <= index < len(self._hits):
            hit = self._hits[index]
            self._corrector.correct_quote(hit.summary.id, hit.quote)

    def action_undo_correction(self) -> None:
        if self._corrector is not None:
            self._corrector.undo()
