"""`a`: every actor in the archive, with article and quote counts and weekly activity.

The list has the focus: j/k (or Up/Down) move, Enter lists the actor's articles
in the sidebar, `t` (or ctrl+t) opens the quote timeline over this view (Esc there
comes back here; a quote chosen there closes both). `/` goes to the filter
(typing narrows the list; Enter there lists the first actor's articles); Esc
goes back to the list, the filter kept; Esc in the list clears the filter, then closes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Sequence

from rich.cells import cell_len, set_cell_size
from textual import events, on, work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.index import ActorStats
from reader.ui.binding_ids import shown_key

if TYPE_CHECKING:
    from reader.index import QuoteHit
    from reader.ui.corrections_flow import Corrector
    from reader.ui.screens.quote_timeline import QuoteChoice

BLOCKS = "▁▂▃▄▅▆▇█"
SPARK_CELLS = 20
MIN_NAME_WIDTH = 16
MAX_SHOWN = 2000  # rows in the list at once; the filter narrows the rest


@dataclass(frozen=True, slots=True)
class ActorChoice:
    name: str
    show: str  # "articles", "quotes" (the timeline, when this view has no quotes to show) or "quote"
    quote: QuoteChoice | None = None  # show == "quote": the one chosen in the timeline


def sparkline(counts: Sequence[int], width: int = SPARK_CELLS) -> str:
    """Weekly counts in `width` cells (weeks summed into equal spans when there are
    more); blank for none, ▁…█ scaled to the busiest cell."""
    size = len(counts)
    if size > width:
        counts = [sum(counts[cell * size // width : (cell + 1) * size // width]) for cell in range(width)]
    counts = [0] * (width - len(counts)) + list(counts)
    peak = max(counts, default=0)
    if peak <= 0:
        return " " * width
    return "".join(" " if n <= 0 else BLOCKS[min(7, (n * 8 - 1) // peak)] for n in counts)


# Columns after the name: (header, width); numbers and their headers are right-aligned.
KIND_WIDTH = 13  # "organisation", the word the reading pane's legend uses, and a space
COUNT_COLUMNS = (("articles", 9), ("quotes", 8))
ACTIVITY_HEADER = "activity (old → new)"  # as wide as the sparkline
GAP = "  "
AFTER_NAME = 1 + KIND_WIDTH + sum(width for _, width in COUNT_COLUMNS) + len(GAP) + SPARK_CELLS


def name_width(row_width: int) -> int:
    """The name column takes what the other columns leave (the row's leading space too)."""
    return max(MIN_NAME_WIDTH, row_width - 1 - AFTER_NAME)


def actor_row(actor: ActorStats, width: int = MIN_NAME_WIDTH) -> Content:
    """One actor, in the columns of `header(width)` (a leading space: the list's cursor
    bar starts a cell before the text, as the header does)."""
    name = actor.name if cell_len(actor.name) <= width else set_cell_size(actor.name, width - 1) + "…"
    (_, articles_width), (_, quotes_width) = COUNT_COLUMNS
    return Content.assemble(
        " ",
        (set_cell_size(name, width), "bold"),
        " ",
        (actor.kind.ljust(KIND_WIDTH), "$text-muted"),
        f"{actor.articles:>{articles_width},}",
        f"{actor.quotes:>{quotes_width},}",
        GAP,
        (sparkline(actor.activity), "$text-accent"),
    )


def header(width: int = MIN_NAME_WIDTH) -> Content:
    """Over the rows (#actor-header's padding stands for the rows' leading space)."""
    return Content.assemble(
        (set_cell_size("actor", width), "bold"),
        " ",
        "kind".ljust(KIND_WIDTH),
        *(title.rjust(column) for title, column in COUNT_COLUMNS),
        GAP,
        ACTIVITY_HEADER,
    )


# Actions on the actor under the cursor. A key for one pressed before the actors were listed
# (typed ahead after `a`, or while "Loading actors…" shows) would act on whichever actor came
# first, which the reader never saw: it is refused with a note instead.
ON_THE_ACTOR = frozenset({"articles", "quotes", "correct"})


class ActorsScreen(ModalScreen[ActorChoice | None]):
    BINDINGS = [
        Binding("escape", "close", "Close", id="newsreader.close_actors"),
        Binding("enter", "articles", "Articles", tooltip="List the actor's articles", id="newsreader.actor_articles"),
        Binding(
            "ctrl+t,t", "quotes", "Quotes", tooltip="Everything the actor said, in date order",
            id="newsreader.actor_quotes",
        ),
        Binding("slash", "filter", "Filter", tooltip="Filter actors by name", id="newsreader.actor_filter", priority=True),
        Binding(
            "e", "correct", "Correct", id="newsreader.correct_actor",
            tooltip="Correct the actor: rename, merge into another, change kind, not an actor",
        ),
        Binding("z", "undo_correction", "Undo", id="newsreader.undo_actor_correction", tooltip="Undo the last correction"),
        Binding("down,j", "move(1)", show=False),
        Binding("up,k", "move(-1)", show=False),
        Binding("pagedown", "move(10)", show=False),
        Binding("pageup", "move(-10)", show=False),
    ]

    class Loaded(Message):
        def __init__(self, actors: list[ActorStats] | None, error: str | None = None) -> None:
            super().__init__()
            self.actors = actors
            self.error = error

    class CalledFound(Message):
        def __init__(self, text: str, names: set[str]) -> None:
            super().__init__()
            self.text = text
            self.names = names

    def __init__(
        self,
        load: Callable[[], list[ActorStats]],
        called: Callable[[str], set[str]] | None = None,
        *,
        corrector: Corrector | None = None,
        quotes: Callable[[str], list[QuoteHit]] | None = None,
    ) -> None:
        """`called(text)`: actors some article calls by a name or alias containing `text`;
        `corrector`: what `e` and `z` correct with (none: the keys say so); `quotes(name)`:
        what the timeline shows (none: `t` closes this view and asks for it)."""
        super().__init__()
        self._corrector = corrector
        self._quotes = quotes
        self._load = load
        self._called = called
        self._actors: list[ActorStats] = []
        self._shown: list[ActorStats] = []
        self._also: tuple[str, set[str]] = ("", set())  # (filter text, actors found by alias)
        self._listed_at: float | None = None  # when the first answer was ready, on the clock keys are stamped with

    def compose(self) -> ComposeResult:
        with Vertical(id="actors") as box:
            box.border_title = "Actors"
            undo = shown_key(self.app, "newsreader.undo_actor_correction", "z")
            # Keys and labels as the footer shows them (no colons): it fits an 80-column border.
            box.border_subtitle = f"Enter articles · t quotes · / filter · e correct · {undo} undo · Esc close"
            yield Input(placeholder="Filter actors…", id="actor-filter")
            yield Static(header(), id="actor-header")
            yield OptionList(id="actor-list")

    def on_mount(self) -> None:
        self.query_one("#actor-list", OptionList).focus()
        self.query_one("#actor-header", Static).update(Content("Loading actors…"))
        self._load_actors()

    @work(thread=True, exit_on_error=False)
    def _load_actors(self) -> None:
        try:
            actors = self._load()
        except Exception as error:  # shown in the screen; the app goes on
            self.post_message(self.Loaded(None, str(error)))
            return
        self.post_message(self.Loaded(actors))

    def on_actors_screen_loaded(self, message: Loaded) -> None:
        if self._listed_at is None:
            self._listed_at = message.time
        header = self.query_one("#actor-header", Static)
        if message.actors is None:
            header.update(Content(message.error or "Actors could not be listed"))
            return
        options = self.query_one("#actor-list", OptionList)
        place = options.highlighted if self._actors else None
        self._actors = message.actors
        self._refilter()
        if place is not None and self._shown:
            options.highlighted = min(place, len(self._shown) - 1)

    def on_key(self, event: events.Key) -> None:
        if self._listed_at is not None and event.time >= self._listed_at:
            return
        active = self.active_bindings.get(event.key)
        if active is not None and active.binding.action in ON_THE_ACTOR:
            event.stop()
            event.prevent_default()
            self.notify("Still listing the actors: choose one once they are shown", timeout=3)

    def reload(self) -> None:
        """The actors changed (a correction): list them again, the cursor where it was."""
        self._also = ("", set())
        self._load_actors()

    def action_correct(self) -> None:
        if self._corrector is None:
            self.notify("Corrections need the archive's reading screen", timeout=3)
        elif actor := self._highlighted():
            self._corrector.correct_actor(actor.name, actor.kind)

    def action_undo_correction(self) -> None:
        if self._corrector is not None:
            self._corrector.undo()

    @on(Input.Changed, "#actor-filter")
    def _filter_changed(self) -> None:
        text = self.query_one("#actor-filter", Input).value.strip()
        if self._called is not None and text and self._also[0] != text:
            self._find_called(text)
        self._refilter()

    @work(thread=True, exclusive=True, exit_on_error=False, group="actors-called")
    def _find_called(self, text: str) -> None:
        assert self._called is not None
        self.post_message(self.CalledFound(text, self._called(text)))

    def on_actors_screen_called_found(self, message: CalledFound) -> None:
        if message.text == self.query_one("#actor-filter", Input).value.strip():
            self._also = (message.text, message.names)
            self._refilter()

    def _refilter(self) -> None:
        text = self.query_one("#actor-filter", Input).value.strip()
        words = text.casefold().split()
        also = self._also[1] if self._also[0] == text else set()
        matching = [
            a for a in self._actors if all(word in a.name.casefold() for word in words) or a.name in also
        ]
        self._shown = matching[:MAX_SHOWN]
        options = self.query_one("#actor-list", OptionList)
        # The list's width less a scrollbar (shown or not yet): the name column takes the room there is.
        width = name_width(options.content_region.width - 1)
        self.query_one("#actor-header", Static).update(header(width))
        if self._shown:
            options.set_options(Option(actor_row(actor, width)) for actor in self._shown)
            options.highlighted = 0
        else:
            text = " ".join(words)
            nothing = f"No actor matches “{text}”" if text else "No actors in this archive yet"
            options.set_options([Option(Content.styled(f" {nothing}", "italic $text-muted"), disabled=True)])
        box = self.query_one("#actors")
        count = f"{len(matching):,}" if len(matching) == len(self._actors) else f"{len(matching):,} of {len(self._actors):,}"
        box.border_title = f"Actors · {count}"

    @on(Input.Submitted, "#actor-filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_articles()

    @on(OptionList.OptionSelected, "#actor-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_articles()

    def action_move(self, step: int) -> None:
        options = self.query_one("#actor-list", OptionList)
        if options.option_count:
            current = options.highlighted if options.highlighted is not None else 0
            options.highlighted = max(0, min(options.option_count - 1, current + step))

    def _highlighted(self) -> ActorStats | None:
        index = self.query_one("#actor-list", OptionList).highlighted
        if index is None or not 0 <= index < len(self._shown):
            return None
        return self._shown[index]

    def action_articles(self) -> None:
        if actor := self._highlighted():
            self.dismiss(ActorChoice(actor.name, "articles"))

    def action_quotes(self) -> None:
        actor = self._highlighted()
        if actor is None:
            return
        if self._quotes is None:
            self.dismiss(ActorChoice(actor.name, "quotes"))
            return
        from reader.ui.screens.quote_timeline import QuoteTimelineScreen

        def chosen(quote: QuoteChoice | None) -> None:
            if quote is not None:  # else Esc: back in this view, as it was
                self.dismiss(ActorChoice(actor.name, "quote", quote))

        timeline = QuoteTimelineScreen(actor.name, self._quotes, escape="back to actors", corrector=self._corrector)
        self.app.push_screen(timeline, chosen)

    def action_filter(self) -> None:
        # A priority key, and focus at once: the keys typed straight after `/` are
        # queued behind it and must land in the field. In the field, `/` is a character.
        field = self.query_one("#actor-filter", Input)
        if self.focused is field:
            raise SkipAction()
        self.set_focus(field)

    def action_close(self) -> None:
        field = self.query_one("#actor-filter", Input)
        if self.focused is field:
            self.screen.set_focus(self.query_one("#actor-list", OptionList))
            return
        if field.value:
            field.value = ""
            return
        self.dismiss(None)
