"""Find in the article (`ctrl+f`): where a typed text occurs in a body, and which
match to go to. Plain text, any case; Textual-free."""

from __future__ import annotations

import re
from bisect import bisect_left


def find_pattern(text: str) -> re.Pattern[str] | None:
    """The text as typed (never a regular expression), any case; None for nothing."""
    return re.compile(re.escape(text), re.IGNORECASE) if text else None


def find_spans(body: str, pattern: re.Pattern[str] | None) -> list[tuple[int, int]]:
    if pattern is None:
        return []
    return [match.span() for match in pattern.finditer(body)]


def first_from(spans: list[tuple[int, int]], offset: int) -> int | None:
    """The index of the first match at or after `offset` (the top of the screen), else the first."""
    if not spans:
        return None
    index = bisect_left(spans, (offset, 0))
    return index if index < len(spans) else 0


def step(count: int, index: int | None, direction: int) -> int | None:
    """The next (or previous) match, wrapping round."""
    if not count:
        return None
    if index is None:
        return 0 if direction > 0 else count - 1
    return (index + direction) % count
