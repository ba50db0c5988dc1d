"""Untrusted text made safe to show: no terminal control sequences, no spoofing.

Article text reaches the terminal through Rich, which strips only a handful of
C0 controls; an ESC or C1 control would let an article set the window title or
worse. Every string that comes from a file passes through `clean_text` (bodies)
or `clean_line` (titles, sources, names) at the store boundary.

What goes:
- escape sequences, 7-bit and 8-bit: CSI (`ESC [`, `\\x9b`), the string
  controls OSC, DCS, SOS, PM and APC (`ESC ]`, `ESC P`, `ESC X`, `ESC ^`,
  `ESC _` and `\\x9d \\x90 \\x98 \\x9e \\x9f`) up to their BEL or ST, and every
  other `ESC x`, a lone ESC included;
- every remaining C0 control but tab and newline, DEL, every C1 control;
- bidi embeddings, overrides, isolates and marks (U+202A–U+202E,
  U+2066–U+2069, U+200E, U+200F, U+061C);
- invisible characters used to hide or spoof text: U+200B, U+2060–U+2064,
  the deprecated format controls U+206A–U+206F, U+FEFF, U+180E, the
  interlinear annotation controls U+FFF9–U+FFFB and the tag characters
  U+E0000–U+E007F (which can carry a whole invisible message).
Line breaks (CR LF, CR, U+0085, U+2028, U+2029) become `\\n`; an unpaired
surrogate (undecodable input) becomes U+FFFD, visibly. ZWJ and ZWNJ stay
(scripts and emoji need them), and so do variation selectors.
"""

from __future__ import annotations

import re
import unicodedata

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
_INVISIBLE_CHARS = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 but tab and newline, DEL, C1
    "\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb"
    "\U000e0000-\U000e007f"
)
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_LINE_BREAKS = re.compile("\r\n?|[\u2028\u2029\x85]")
_SPACES = re.compile(r"\s+")

# Every character that `clean_text` removes or rewrites: a text without any of
# them is returned unchanged, and finding that out is far cheaper than cleaning
# (the store uses this to skip clean text).
NEEDS_CLEANING = re.compile(f"[{_INVISIBLE_CHARS}\u2028\u2029\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Text with line breaks normalised to \\n and every control sequence removed."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _INVISIBLE.sub("", _ESCAPE_SEQUENCE.sub("", text))
    return _SURROGATE.sub("\ufffd", text)


def clean_line(text: str) -> str:
    """A single display line: cleaned, with runs of whitespace collapsed."""
    return _SPACES.sub(" ", clean_text(text)).strip()


# File names: the store keeps the real path for opening and shows this escaped
# form everywhere else. Every control, invisible or unencodable character (lone
# surrogates from names that are not UTF-8) becomes a visible \xNN, \uNNNN or
# \UNNNNNNNN, so two different names stay different and every id is printable.
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u180e\u200b\u200e\u200f\u2028\u2029\u202a-\u202e"
    "\u2060-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e007f]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def safe_name(name: str) -> str:
    """`name` with every control, invisible or unencodable character escaped."""
    if _UNSAFE.search(name) is None:
        return name
    return _UNSAFE.sub(_escape, name)


_SLUG_WORDS = re.compile(r"[a-z0-9]+")


def slug(text: str, limit: int = 50, *, fallback: str = "item") -> str:
    """`Harbour Strike: Day 3!` → `harbour-strike-day-3`; only [a-z0-9-], at most `limit`
    long: a file-name part made from a title, never a path."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    found = _SLUG_WORDS.findall(ascii_text)
    words: list[str] = []
    for word in found:
        if len("-".join([*words, word])) > limit:
            break
        words.append(word)
    if not words and found:
        words = [found[0][:limit]]
    return "-".join(words) or fallback
