"""Where each wrapped line of an article body starts and ends, for a given width.

`Content.wrap` gives the lines Textual would draw; this finds each one's offsets
in the body (once per article and width), so the body can be drawn a line at a
time and an offset turned into a line of the pane without guessing a line length.
"""

from __future__ import annotations

from textual.content import Content


def line_ranges(body: str, width: int) -> list[tuple[int, int]]:
    """(start, end) body offsets of each line when the body is wrapped to `width`;
    the spaces a line breaks at belong to neither line."""
    ranges: list[tuple[int, int]] = []
    base = 0
    for paragraph in body.split("\n"):
        cursor = 0
        pieces = Content(paragraph, strip_control_codes=False).wrap(max(1, width)) if paragraph else [Content("")]
        for piece in pieces:
            text = piece.plain.rstrip()
            found = paragraph.find(text, cursor) if text else -1
            if found < 0:  # blank line, or a piece Textual changed (tabs): keep the order
                found = min(cursor, len(paragraph))
            end = min(found + len(text), len(paragraph))
            ranges.append((base + found, base + end))
            cursor = found + len(text)
        base += len(paragraph) + 1
    return ranges
