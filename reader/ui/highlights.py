"""An article body as `Content`, with the analysis' spans styled.

The styles come from the reading pane's component classes (so themes recolour
them) and the spans from `reader.present.spans`, shared with `newsreader show`. Article text is
never parsed as markup: `Content(body)` keeps it verbatim, offsets included.
"""

from __future__ import annotations

from typing import Iterable, Mapping

from textual.content import Content, Span
from textual.style import Style

from reader.model import Analysis
from reader.present.spans import LEGEND, highlight_spans

# Marks drawn over the highlights: every mention of the chosen actor, and the one stepped to.
MARKS = ("focus", "current")

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
