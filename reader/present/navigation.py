"""Where `]` and `[` go: the mentions of the chosen actor, or else the quotes.

Textual-free. Spans are (start, end) offsets into the article body, in text order.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Sequence

from reader.model import Analysis, Quote

Span = tuple[int, int]


def actor_spans(analysis: Analysis, actor: str) -> list[Span]:
    """The actor's mentions in text order; for an actor only ever met as a speaker
    (a pronoun resolved to them), the speaker spans of their quotes. `actor` may be
    the archive's name for them ("John Q. Smith") where this article writes "John Smith"."""
    from reader.analysis.identity import identity_key  # the analysis package is heavy to import at start-up

    identity = identity_key(actor)
    spans = {(m.start, m.end) for m in analysis.mentions if m.actor == actor or identity_key(m.actor) == identity}
    if not spans:
        spans = {
            (q.speaker_start, q.speaker_end)
            for q in analysis.quotes
            if q.speaker is not None
            and (q.speaker == actor or identity_key(q.speaker) == identity)
            and q.speaker_start is not None
            and q.speaker_end is not None
        }
    return sorted(spans)


def quotes_in_order(analysis: Analysis) -> list[Quote]:
    return sorted(analysis.quotes, key=lambda quote: (quote.start, quote.end))


@dataclass(frozen=True, slots=True)
class Steps:
    """A sequence of spans and which one is current (None: not started)."""

    spans: tuple[Span, ...]
    index: int | None = None

    @property
    def current(self) -> Span | None:
        return None if self.index is None else self.spans[self.index]

    def step(self, direction: int, from_offset: int = 0) -> Steps:
        """One step forward (+1) or back (-1), wrapping at the ends. Before the
        first step, forward goes to the first span at or after `from_offset`
        (where the reader is) and back to the last one before it."""
        if not self.spans:
            return self
        count = len(self.spans)
        if self.index is None:
            starts = [start for start, _ in self.spans]
            if direction > 0:
                index = bisect_left(starts, from_offset) % count
            else:
                index = (bisect_left(starts, from_offset) - 1) % count
        else:
            index = (self.index + direction) % count
        return Steps(self.spans, index)

    def at(self, span: Span) -> Steps:
        return Steps(self.spans, self.spans.index(span)) if span in self.spans else self

    def position(self) -> str:
        """'3/7', or '7' before the first step."""
        count = len(self.spans)
        return f"{self.index + 1}/{count}" if self.index is not None else str(count)


def quote_for_span(analysis: Analysis, span: Span) -> Quote | None:
    """The quote a span belongs to: the quote itself, one containing it, or one it is the speaker of."""
    start, end = span
    for quote in analysis.quotes:
        if quote.start <= start and end <= quote.end:
            return quote
    for quote in analysis.quotes:
        if (quote.speaker_start, quote.speaker_end) == (start, end):
            return quote
    return None


def first_quote_between(quotes: Sequence[Quote], start: int, end: int) -> Quote | None:
    """The first statement overlapping [start, end), else the first quote of any kind there."""
    visible = [q for q in quotes if q.start < end and q.end > start]
    return next((q for q in visible if q.kind == "statement"), visible[0] if visible else None)


def line_of(line_starts: Sequence[int], offset: int) -> int:
    """The wrapped line an offset falls on, given each line's first offset."""
    return max(0, bisect_right(line_starts, offset) - 1)
