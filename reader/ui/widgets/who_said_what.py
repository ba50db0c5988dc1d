"""Who said what: the article's actors, grouped by kind with their counts, and its quotes
with their speakers. Each row carries its `Actor` or `Quote`; choosing one posts
`ActorChosen` or `QuoteChosen`, and the article view decides what that means.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Sequence

from textual import on
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.css.styles import RulesMap
from textual.message import Message
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.model import Actor, Analysis, Quote
from reader.present.citation import excerpt, speaker_words
from reader.present.navigation import quotes_in_order
from reader.ui.readable import readable, shown_color, terminal_colors

if TYPE_CHECKING:
    from reader.analysis.sourcing_summary import SourcingSummary

GROUPS = (("person", "People"), ("organisation", "Organisations"), ("place", "Places"))
EXCERPT_CHARACTERS = 90  # the row is cut to the panel's width with an ellipsis anyway


class NameAndCounts(Visual):
    """A name on the left and its counts on the right, on one line: at any width the
    counts stay whole and the name gives way (cut with an ellipsis)."""

    GAP = 2
    MIN_NAME_CELLS = 8  # the counts say less only when they would leave the name fewer

    def __init__(self, name: Content, counts: Content, *shorter: Content) -> None:
        """`shorter`: counts that say less, tried in turn when the name would be cut
        to fewer than MIN_NAME_CELLS cells."""
        self.name = name
        self.counts = counts
        self.shorter = shorter

    @property
    def plain(self) -> str:
        return f"{self.name.plain}{' ' * self.GAP}{self.counts.plain}"

    def __str__(self) -> str:
        return self.plain

    def fitted(self, width: int) -> Content:
        name = self.name
        counts = self.counts
        wanted = min(name.cell_length, self.MIN_NAME_CELLS)
        for fewer in self.shorter:
            if width - self.GAP - counts.cell_length >= wanted:
                break
            counts = fewer
        room = width - counts.cell_length - self.GAP
        if name.cell_length > room:
            name = name.truncate(max(1, room), ellipsis=True)
        gap = max(1, width - name.cell_length - counts.cell_length)
        return Content.assemble(name, " " * gap, counts)

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        return self.fitted(width).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.name.cell_length + self.GAP + self.counts.cell_length

    def get_height(self, rules: RulesMap, width: int) -> int:
        return 1


# How the reported words of a quote row are drawn, given the row's own style (under the
# cursor: the cursor's colours). The panel's comes from its CSS; this is the style without it.
FaintStyle = Callable[[Style], Style]


def dim_italic(_row: Style) -> Style:
    return Style(dim=True, italic=True)


class FaintWords(Visual):
    """A quote row whose reported words are faint, styled as the row is drawn: so they fade
    into the row's colours, the cursor's under the cursor, not the list's."""

    def __init__(self, content: Content, start: int, end: int, faint: FaintStyle) -> None:
        self.content = content
        self.start = start
        self.end = end
        self.faint = faint

    @property
    def plain(self) -> str:
        return self.content.plain

    def __str__(self) -> str:
        return self.content.plain

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        content = self.content.stylize(self.faint(style), self.start, self.end)
        return content.render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.content.get_optimal_width(rules, container_width)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.content.get_height(rules, width)


def quote_count(actor: Actor) -> str:
    return f"{actor.quotes} quote{'s' if actor.quotes != 1 else ''}"


def actor_counts(actor: Actor) -> str:
    counts = f"{actor.mentions}×"
    if actor.quotes:
        counts += f" · {quote_count(actor)}"
    return counts


class ActorOption(Option):
    def __init__(self, actor: Actor) -> None:
        # Narrow, the name is cut before its quote count goes: how much someone is quoted
        # is what the row is for. Only where the name would keep almost nothing do the
        # mentions give way (and the quote count stays).
        shorter = (Content.styled(quote_count(actor), "$text-muted"),) if actor.quotes else ()
        super().__init__(NameAndCounts(Content(actor.name), Content.styled(actor_counts(actor), "$text-muted"), *shorter))
        self.actor = actor


# How a speaker found by inference is marked after the name, so a reader can tell it
# from a name the text gives at the quote (never by colour alone).
INFERRED = {"pronoun": "by pronoun", "descriptor": "by description", "continuation": "continued", "nearest": "nearest"}


class QuoteOption(Option):
    def __init__(self, quote: Quote, body: str = "", faint: FaintStyle = dim_italic) -> None:
        parts: list[tuple[str, str] | str] = []
        if quote.kind == "term":
            parts.append(("term", "italic $text-muted"))
        elif quote.speaker:
            parts.append((quote.speaker, "bold"))
            if quote.speaker_via in INFERRED:
                parts += [" ", (f"({_spoken_as(body, quote) or INFERRED[quote.speaker_via]})", "italic $text-muted")]
        else:
            # Described, not named ("a Canadian official"): the text's words, not an actor.
            parts.append((speaker_words(body, quote) or "unattributed", "italic $text-muted"))
        if quote.speaker_kind == "anonymous":
            parts += [" ", ("anonymous", "reverse $text-muted")]
        if quote.cue_group == "loaded" and quote.cue:
            parts += [" ", (quote.cue.lower(), "bold underline $text-warning")]
        words = excerpt(quote, EXCERPT_CHARACTERS)
        row = Content.assemble(*parts, " ", words)
        if quote.kind == "reported":
            super().__init__(FaintWords(row, len(row) - len(words), len(row), faint))
        else:
            super().__init__(row)
        self.quote = quote


def _spoken_as(body: str, quote: Quote) -> str | None:
    """The text's own words at the speaker's place ("she", "the mayor") when they are not the name."""
    start, end = quote.speaker_start, quote.speaker_end
    if start is None or end is None or not 0 <= start < end <= len(body):
        return None
    words = " ".join(body[start:end].split())
    return None if not words or words == quote.speaker or len(words) > 40 else words


def heading(label: str) -> Option:
    return Option(Content.styled(label, "bold $text-accent"), disabled=True)


def panel_options(analysis: Analysis, body: str = "", faint: FaintStyle = dim_italic) -> list[Option | None]:
    """Groups of actors (most mentioned first), then the quotes in text order (`body`:
    the article's text, for speakers it describes without naming; `faint`: how reported
    words are drawn)."""
    options: list[Option | None] = []
    for kind, label in GROUPS:
        actors = sorted(
            (actor for actor in analysis.actors if actor.kind == kind),
            key=lambda actor: (-actor.mentions - actor.quotes, actor.name),
        )
        if actors:
            if options:
                options.append(None)
            options.append(heading(f"{label} ({len(actors)})"))
            options.extend(ActorOption(actor) for actor in actors)
    quotes = quotes_in_order(analysis)
    if quotes:
        if options:
            options.append(None)
        options.append(heading(f"Quotes ({len(quotes)})"))
        from reader.analysis.sourcing_summary import sourcing_summary  # the panel opens after the first frame

        summary = sourcing_summary(analysis)
        terms = sum(1 for quote in quotes if quote.kind == "term")
        lines = sourcing_lines(summary, terms=terms)
        options.extend(Option(Content.styled(line, "$text-muted"), disabled=True) for line in lines)
        options.extend(share_options(summary))
        options.extend(QuoteOption(quote, body, faint) for quote in quotes)
    return options


SHARE_BAR_CELLS = 8


def share_options(summary: "SourcingSummary") -> list[Option]:
    """The share of quoted words per speaker: the top few, the rest summed, each a name
    that gives way to a bar and its percentage (the number says it without the colour)."""
    from reader.present.shares import bar, share_rows

    rows = share_rows(summary.speakers)
    if not rows:
        return []
    options = [Option(Content.styled("Share of quoted words", "italic $text-muted"), disabled=True)]
    for row in rows:
        drawn, track = bar(row.percent, SHARE_BAR_CELLS)
        described = row.speakers > 1 or row.kind == "anonymous"
        # Styled whole (not left to the disabled row's faint look): the figures are what the block is for.
        name = Content.styled(row.label, "italic $text-muted" if described else "$text")
        share = Content.assemble((drawn, "$accent"), (track, "$text-muted"), (f" {row.percent:>3}%", "$text"))
        options.append(Option(NameAndCounts(name, share), disabled=True))
    return options


# The narrowest panel's room inside its border and padding: the counts wrap to it, never cut.
SOURCING_LINE_CELLS = 28


def sourcing_lines(summary: "SourcingSummary", width: int = SOURCING_LINE_CELLS, terms: int = 0) -> list[str]:
    """`sourcing_line` broken between its counts into lines of at most `width` cells."""
    lines: list[str] = []
    for part in sourcing_line(summary, terms).split(" · ") if summary.quotes or terms else ():
        if lines and len(lines[-1]) + 3 + len(part) <= width:
            lines[-1] += " · " + part
        else:
            lines.append(part)
    return lines


def sourcing_line(summary: "SourcingSummary", terms: int = 0) -> str:
    """`4 direct · 3 reported · 1 term · 2 people · 1 organisation · 1 anonymous · 1 loaded verb`:
    the first three add up to the panel's count of quotes."""
    counts = (
        (summary.direct, "direct", "direct"),
        (summary.reported, "reported", "reported"),
        (terms, "term", "terms"),
        (summary.people, "person", "people"),
        (summary.organisations, "organisation", "organisations"),
        (summary.anonymous, "anonymous", "anonymous"),
        (summary.documents, "document", "documents"),
        (len(summary.loaded), "loaded verb", "loaded verbs"),
    )
    return " · ".join(f"{n} {one if n == 1 else many}" for n, one, many in counts if n)


# An option list's keys, as the article list has them (and its ids: a keymap entry moves
# every list the same way); OptionList has the arrows.
LIST_KEYS: list[BindingType] = [
    Binding("j", "cursor_down", "Down", show=False, id="newsreader.down"),
    Binding("k", "cursor_up", "Up", show=False, id="newsreader.up"),
    Binding("g", "first", "First", show=False, id="newsreader.first"),
    Binding("G", "last", "Last", show=False, id="newsreader.last"),
]


class WhoSaidWhat(OptionList):
    COMPONENT_CLASSES = {"who-said-what--reported"}
    # One cell inside the border on either side, as the sidebar's rows are.
    DEFAULT_CSS = """
    WhoSaidWhat > .option-list--option {
        padding: 0 1;
    }
    """
    BINDINGS = [
        *LIST_KEYS,
        Binding(
            "e", "correct", "Correct", id="newsreader.correct",
            tooltip="Correct the actor or quote under the cursor: rename, merge, kind, not an actor; speaker, not a statement",
        ),
        Binding(
            "z", "undo_correction", "Undo", show=False, id="newsreader.undo_correction",
            tooltip="Undo the last correction (the notification of each correction says so too)",
        ),
        # h goes left, as from the text to the list: here to the text, marks kept.
        Binding(
            "h", "to_text", "Text", show=False, id="newsreader.panel_to_text",
            tooltip="Back to the text, the chosen actor or quote still marked",
        ),
    ]

    class TextRequested(Message):
        """`h`: back to the text on the panel's left."""

    class CorrectRequested(Message):
        """`e` on a row: correct its actor or its quote."""

        def __init__(self, actor: Actor | None, quote: Quote | None) -> None:
            super().__init__()
            self.actor = actor
            self.quote = quote

    class UndoRequested(Message):
        pass

    def action_correct(self) -> None:
        option = self.highlighted_option
        if isinstance(option, ActorOption):
            self.post_message(self.CorrectRequested(option.actor, None))
        elif isinstance(option, QuoteOption):
            self.post_message(self.CorrectRequested(None, option.quote))
        else:
            self.notify("Move to an actor or a quote to correct it", timeout=3)

    def action_undo_correction(self) -> None:
        self.post_message(self.UndoRequested())

    def action_to_text(self) -> None:
        self.post_message(self.TextRequested())

    def keep_place_once(self) -> None:
        """The next analysis shown is this article's again (corrected): stay on the same row."""
        self._keep_place = self.highlighted

    _keep_place: int | None = None
    body = ""

    class ActorChosen(Message):
        def __init__(self, actor: Actor) -> None:
            super().__init__()
            self.actor = actor

    class QuoteChosen(Message):
        def __init__(self, quote: Quote) -> None:
            super().__init__()
            self.quote = quote

    def on_mount(self) -> None:
        self.border_title = "Who said what"

    def show_message(self, message: str) -> None:
        self.set_options([Option(Content.styled(message, "italic"), disabled=True)])

    def show_analysis(self, analysis: Analysis | None, body: str = "") -> None:
        self.body = body  # the text the quotes' offsets index (a speaker described, not named)
        if analysis is None:
            self.show_message("Analysing…")
            return
        options = panel_options(analysis, body, self.reported_style)
        if not options:
            self.show_message("No quotes or named actors found")
            return
        self.set_options(options)
        place, self._keep_place = self._keep_place, None
        enabled = [n for n, option in enumerate(self.options) if not option.disabled]
        if place is not None and enabled:
            self.highlighted = min(enabled, key=lambda n: (abs(n - place), n))
        else:
            self.highlighted = enabled[0] if enabled else None

    def reported_style(self, row: Style) -> Style:
        """Reported words as the CSS says (`who-said-what--reported`): its text style, its
        `dim` and `text-opacity` as the row's own text colour faded into the row's background,
        kept readable there (see `reader.ui.readable`), under the cursor too."""
        styles = self.get_component_styles("who-said-what--reported")
        flags = styles.text_style
        italic = bool(flags.italic)
        if row.foreground is None or row.background is None or terminal_colors(row.foreground, row.background):
            return Style(dim=True, italic=italic)
        background = row.background.with_alpha(1.0)
        text = shown_color(row.foreground, background)
        faint = shown_color(row.foreground.with_alpha(styles.text_opacity), background, dim=bool(flags.dim))
        return Style(foreground=readable(faint, text, [background]), dim=False, italic=italic)

    def highlight_actor(self, name: str) -> None:
        for index, option in enumerate(self.options):
            if isinstance(option, ActorOption) and option.actor.name == name:
                self.highlighted = index
                return

    def highlight_quote(self, quote: Quote) -> None:
        for index, option in enumerate(self.options):
            if isinstance(option, QuoteOption) and option.quote == quote:
                self.highlighted = index
                return

    @property
    def actors(self) -> Sequence[Actor]:
        return [option.actor for option in self.options if isinstance(option, ActorOption)]

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option = event.option
        if isinstance(option, ActorOption):
            self.post_message(self.ActorChosen(option.actor))
        elif isinstance(option, QuoteOption):
            self.post_message(self.QuoteChosen(option.quote))
