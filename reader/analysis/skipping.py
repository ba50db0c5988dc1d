"""Skipping what a pattern that also matches nothing (`\\s*`, `[,;:]*`) matches."""

from __future__ import annotations

import re
import sys


def skip(pattern: re.Pattern[str], text: str, position: int, end: int = sys.maxsize) -> int:
    """Where `pattern`, matched at `position` (and not past `end`), stops: a pattern that
    can match the empty string always matches, so this is never a missing match."""
    match = pattern.match(text, position, end)
    assert match is not None, pattern.pattern
    return match.end()
