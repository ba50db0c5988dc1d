"""An article body as `Content`, with the analysis' spans styled.

The styles come from the reading pane's component classes (so themes recolour
them); this module only decides which span gets which kind. Article text is
never parsed as markup: `Content(body)` keeps it verbatim, offsets included.
"""

from __future__ import annotations

from typing import Iterable, Iterator, Mapping

from textual.content import Content, Span
from textual.style import Style

from reader.model import Analysis, Mention

# Kinds of highlight, in the order they are layered: later ones win where they overlap.
KINDS = ("statement", "term", "place", "organisation", "person", "speaker")
# Marks drawn over the highlights: every mention of the chosen actor, and the one stepped to.
MARKS = ("focus", "current")
LEGEND = (
    ("statement", "“statement”"),
    ("term", "“term”"),
    ("speaker", "speaker"),
    ("person", "person"),
    ("organisation", "organisation"),
    ("place", "place"),
)

Styles = Mapping[str, Style | str]


def highlight_spans(body: str, analysis: Analysis) -> Iterator[tuple[str, int, int]]:
    """(kind, start, end) for every span that fits the body, in layering order."""
    length = len(body)

    def fits(start: int | None, end: int | None) -> bool:
        return start is not None and end is not None and 0 <= start < end <= length

    spans: list[tuple[str, int, int]] = []
    for quote in analysis.quotes:
        kind = "term" if quote.kind == "term" else "statement"
        if fits(quote.start, quote.end):
            spans.append((kind, quote.start, quote.end))
    for mention in outermost(analysis.mentions):
        if mention.kind in KINDS and fits(mention.start, mention.end):
            spans.append((mention.kind, mention.start, mention.end))
    for quote in analysis.quotes:
        if quote.kind == "statement" and fits(quote.speaker_start, quote.speaker_end):
            spans.append(("speaker", quote.speaker_start, quote.speaker_end))  # type: ignore[arg-type]
    order = {kind: n for n, kind in enumerate(KINDS)}
    spans.sort(key=lambda span: order[span[0]])
    return iter(spans)


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


def highlighted_body(
    body: str,
    analysis: Analysis | None,
    styles: Styles,
    marks: Iterable[tuple[str, int, int]] = (),
) -> Content:
    """The body with its highlights, then `marks` ((kind, start, end), kind in MARKS) on top."""
    content = Content(body)
    if analysis is None or content.plain != body:
        return content  # control codes were stripped: offsets no longer line up
    spans = [Span(start, end, styles[kind]) for kind, start, end in highlight_spans(body, analysis)]
    spans.extend(Span(start, end, styles[kind]) for kind, start, end in marks if 0 <= start < end <= len(body))
    return Content(body, spans, strip_control_codes=False)


def legend(styles: Styles, kinds: set[str] | None = None) -> Content:
    """One line naming each style; only the kinds present when `kinds` is given."""
    parts: list[str | tuple[str, Style | str]] = []
    for kind, label in LEGEND:
        if kinds is not None and kind not in kinds:
            continue
        if parts:
            parts.append("  ")
        parts.append((label, styles[kind]))
    return Content.assemble(*parts)
