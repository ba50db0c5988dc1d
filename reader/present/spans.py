"""Which stretch of an article body gets which kind of highlight. Textual-free, so the
terminal app and `newsreader show` draw the same spans.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from reader.model import Analysis, Mention

# Kinds of highlight, in the order they are layered: later ones win where they overlap
# (a quoted fragment inside reported speech is drawn as the statement it is).
KINDS = ("reported", "statement", "term", "place", "organisation", "person", "speaker")
LEGEND = (
    ("statement", "“statement”"),
    ("reported", "reported speech"),
    ("term", "“term”"),
    ("speaker", "speaker"),
    ("person", "person"),
    ("organisation", "organisation"),
    ("place", "place"),
)


def outermost(mentions: Iterable[Mention]) -> list[Mention]:
    """Mentions not nested inside a longer one: "United States Navy" is drawn as one
    organisation, not with "United States" styled as a place inside it."""
    kept: list[Mention] = []
    reach = -1
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if mention.end <= reach:
            continue
        kept.append(mention)
        reach = mention.end
    return kept


def highlight_spans(body: str, analysis: Analysis) -> Iterator[tuple[str, int, int]]:
    """(kind, start, end) for every span that fits the body, in layering order."""
    length = len(body)

    def fits(start: int | None, end: int | None) -> bool:
        return start is not None and end is not None and 0 <= start < end <= length

    spans: list[tuple[str, int, int]] = []
    for quote in analysis.quotes:
        kind = quote.kind if quote.kind in ("term", "reported") else "statement"
        if fits(quote.start, quote.end):
            spans.append((kind, quote.start, quote.end))
    for mention in outermost(analysis.mentions):
        if mention.kind in KINDS and fits(mention.start, mention.end):
            spans.append((mention.kind, mention.start, mention.end))
    for quote in analysis.quotes:
        if quote.kind in ("statement", "reported") and fits(quote.speaker_start, quote.speaker_end):
            spans.append(("speaker", quote.speaker_start, quote.speaker_end))  # type: ignore[arg-type]
    order = {kind: n for n, kind in enumerate(KINDS)}
    spans.sort(key=lambda span: order[span[0]])
    return iter(spans)
