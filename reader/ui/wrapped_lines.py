"""Where each wrapped line of an article body starts, for a given width.

Textual wraps the body itself; this asks `Content.wrap` for the same lines (once
per article and width) and finds each one's first offset in the body, so an
offset can be turned into a line of the pane without guessing a line length.
"""

from __future__ import annotations

from textual.content import Content


def line_starts(body: str, width: int) -> list[int]:
    """The body offset at which each line starts when the body is wrapped to `width`."""
    starts: list[int] = []
    base = 0
    for paragraph in body.split("\n"):
        cursor = 0
        pieces = Content(paragraph).wrap(max(1, width)) if paragraph else [Content("")]
        for piece in pieces:
            text = piece.plain.rstrip()
            found = paragraph.find(text, cursor) if text else -1
            if found < 0:  # blank line, or a piece Textual changed (tabs): keep the order
                found = min(cursor, len(paragraph))
            starts.append(base + found)
            cursor = found + len(text)
        base += len(paragraph) + 1
    return starts
