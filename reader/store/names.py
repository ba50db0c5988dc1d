"""Display-safe names for files: ids and paths that cannot drive a terminal.

A file name may hold anything but `/` and NUL, including ESC, C1 controls,
bidi overrides and (for names that are not UTF-8) lone surrogates. The store
keeps the real path for opening and shows this escaped form everywhere else:
every such character becomes a visible `\\xNN` or `\\uNNNN`, so two different
names stay different and every id is printable as it is.
"""

from __future__ import annotations

import re

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
