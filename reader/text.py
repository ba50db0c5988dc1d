"""Untrusted text made safe to show: no terminal control sequences, no spoofing.

Article text reaches the terminal through Rich, which strips only a handful of
C0 controls; an ESC or C1 control would let an article set the window title or
worse. Every string that comes from a file passes through `clean_text` (bodies)
or `clean_line` (titles, sources, names) at the store boundary.
"""

from __future__ import annotations

import re

# Escape sequences as a terminal would parse them (ECMA-48). String controls
# (OSC, DCS, SOS, PM, APC) run to BEL or ST; an unterminated one ends at the
# line's end so that it cannot swallow the rest of an article.
_ESCAPE_SEQUENCE = re.compile(
    r"""
      \x1b\[ [0-?]* [ -/]* [@-~]?                         # CSI
    | \x9b   [0-?]* [ -/]* [@-~]?                         # 8-bit CSI
    | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])             # OSC DCS SOS PM APC
      [^\x07\x1b\x9c\n]* (?:\x07|\x1b\\|\x9c)?
    | \x1b [ -/]* [0-~]?                                  # other ESC sequences
    """,
    re.VERBOSE,
)
# Remaining C0/C1 controls (tab and newline are kept), DEL, bidi embeddings,
# overrides, isolates and marks, and invisible zero-width characters that are
# used to spoof text. ZWJ/ZWNJ stay: scripts and emoji need them.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u180e]"
)
_LINE_BREAKS = re.compile("\r\n?|[\u2028\u2029\x85]")
_SPACES = re.compile(r"\s+")


def clean_text(text: str) -> str:
    """Text with line breaks normalised to \\n and every control sequence removed."""
    text = _LINE_BREAKS.sub("\n", text)
    return _INVISIBLE.sub("", _ESCAPE_SEQUENCE.sub("", text))


def clean_line(text: str) -> str:
    """A single display line: cleaned, with runs of whitespace collapsed."""
    return _SPACES.sub(" ", clean_text(text)).strip()
