"""Notes the app writes at the end of an article's text: a feed item kept as its summary
ends with `(summary only: why.)`, a page cut at the size limit with `(the page's text was
cut at the size limit.)`. The reader sees them with the article; the analysis leaves them
out (the "HTTP" of "HTTP 404 Not Found" is no organisation). One module writes and finds
them, so the two never drift apart."""

from __future__ import annotations

import re

SUMMARY_ONLY = "summary only"
PAGE_CUT = "the page's text was cut at the size limit"

# The last paragraph, and only a whole one in the form `note_paragraph` writes.
_LAST_NOTE = re.compile(
    rf"\n[ \t]*\n[ \t]*\((?:{re.escape(SUMMARY_ONLY)}: [^\n]*|{re.escape(PAGE_CUT)})\.\)\s*\Z"
)


def summary_only(why: str) -> str:
    return f"{SUMMARY_ONLY}: {why}"


def note_paragraph(note: str) -> str:
    """The paragraph a note makes at the end of the text (`note` on one line)."""
    return f"({note}.)"


def analysed_text(body: str) -> str:
    """`body` without a note of ours at its end: a prefix, so offsets into it are
    offsets into `body`."""
    if not body.rstrip().endswith(".)"):
        return body  # no note: the common case, without a search of the whole text
    match = _LAST_NOTE.search(body)
    return body[: match.start()] if match else body
