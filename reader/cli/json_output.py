"""JSON for pipes and terminals alike: valid JSON that cannot drive a terminal.

`ensure_ascii=False` keeps names readable, but would print C1 controls, bidi
controls and invisible characters raw. Those only occur inside JSON strings, so
writing them as \\u escapes changes nothing a JSON reader sees (offsets into a
`--raw` body stay exact) while nothing reaches the terminal.
"""

from __future__ import annotations

import json
import re
from typing import Any

from reader.text import NEEDS_CLEANING


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000  # a surrogate pair, as JSON spells characters beyond the BMP
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def dumps(document: Any, *, indent: int | None = 2) -> str:
    return NEEDS_CLEANING.sub(_escape, json.dumps(document, ensure_ascii=False, indent=indent))


def print_json(document: Any, *, indent: int | None = 2) -> None:
    print(dumps(document, indent=indent))
