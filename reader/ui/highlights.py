"""An article body as `Content`, with the analysis' spans styled.

The styles come from the reading pane's component classes (so themes recolour
them) and the spans from `reader.present.spans`, shared with `newsreader show`. Article text is
never parsed as markup: `Content(body)` keeps it verbatim, offsets included.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Iterable, Mapping

from textual.content import Content, Span
from textual.style import Style

from reader.model import Analysis
from reader.present.spans import LEGEND, highlight_spans

# Marks drawn over the highlights: every mention of the chosen actor, and the one stepped to.
MARKS = ("focus", "current")
# Reported speech under a mark that changes the background: `styles["reported-<mark>"]`, if
# given, is its colour there (faint yet readable on that background, see reader.ui.readable).
UNDER = "reported-"

Styles = Mapping[str, Style | str]


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
    highlights = list(highlight_spans(body, analysis))
    marks = [(kind, start, end) for kind, start, end in marks if 0 <= start < end <= len(body)]
    spans = [Span(start, end, styles[kind]) for kind, start, end in highlights]
    spans.extend(Span(start, end, styles[kind]) for kind, start, end in reported_under_marks(highlights, marks, styles))
    spans.extend(Span(start, end, styles[kind]) for kind, start, end in marks)
    return Content(body, spans, strip_control_codes=False)


def reported_under_marks(
    highlights: list[tuple[str, int, int]], marks: Iterable[tuple[str, int, int]], styles: Styles
) -> list[tuple[str, int, int]]:
    """Where a mark with a `reported-<mark>` style covers reported speech: that style there,
    then the highlights layered over reported speech (a quoted fragment, a name) again, so
    they still win. Only the stretches under marks are looked at."""
    reported = merged([(start, end) for kind, start, end in highlights if kind == "reported"])
    if not reported:
        return []
    starts = [start for start, _ in reported]
    under: list[tuple[str, int, int]] = []
    for mark, mark_start, mark_end in marks:
        kind = f"{UNDER}{mark}"
        if kind not in styles:
            continue
        index = bisect_left(starts, mark_end)
        while index > 0 and reported[index - 1][1] > mark_start:
            index -= 1
            start, end = reported[index]
            under.append((kind, max(start, mark_start), min(end, mark_end)))
    if not under:
        return []
    # The highlights after reported speech, by start (each with its place in the layering).
    later = sorted((start, end, layer, kind) for layer, (kind, start, end) in enumerate(highlights) if kind != "reported")
    if not later:
        return under
    later_starts = [start for start, _, _, _ in later]
    longest = max(end - start for start, end, _, _ in later)
    again = []
    for _, piece_start, piece_end in under:
        first = bisect_left(later_starts, piece_start - longest)
        for start, end, layer, kind in later[first : bisect_left(later_starts, piece_end)]:
            if end > piece_start:
                again.append((layer, kind, max(start, piece_start), min(end, piece_end)))
    return under + [(kind, start, end) for _, kind, start, end in sorted(again, key=lambda span: span[0])]


def merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping (start, end) spans joined, in order."""
    joined: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(joined[-1][1], end))
        else:
            joined.append((start, end))
    return joined


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
