"""Search matches in an article body: where the query's words and phrases occur.

Matching follows the index (whole words, any case; `word*` matches words that
start with it; a phrase allows any space or punctuation between its words).
Textual-free.
"""

from __future__ import annotations

import re
from typing import Iterable

_NOT_WORD = r"(?<![^\W_])"
_END = r"(?![^\W_])"


def match_pattern(words: Iterable[str], prefixes: Iterable[str] = ()) -> re.Pattern[str] | None:
    parts = []
    for word in words:
        tokens = re.findall(r"[^\W_]+", word)
        if tokens:
            parts.append(_NOT_WORD + r"[\W_]+".join(map(re.escape, tokens)) + _END)
    for prefix in prefixes:
        tokens = re.findall(r"[^\W_]+", prefix)
        if tokens:
            parts.append(_NOT_WORD + r"[\W_]+".join(map(re.escape, tokens)) + r"[^\W_]*")
    if not parts:
        return None
    return re.compile("|".join(parts), re.IGNORECASE)


def match_spans(body: str, pattern: re.Pattern[str] | None) -> list[tuple[int, int]]:
    if pattern is None:
        return []
    return [match.span() for match in pattern.finditer(body) if match.end() > match.start()]
