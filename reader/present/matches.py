"""Search matches in an article body: where the query's words and phrases occur.

Matching follows the index (whole words, any case; `word*` matches words that
start with it; a phrase allows any space or punctuation between its words): the
archive's plain-scan search uses it too, and the reading pane marks with it.
Textual-free.
"""

from __future__ import annotations

import re
from typing import Iterable

_NOT_WORD = r"(?<![^\W_])"
_END = r"(?![^\W_])"


def _term(text: str, prefix: bool) -> str | None:
    tokens = re.findall(r"[^\W_]+", text)
    if not tokens:
        return None
    return _NOT_WORD + r"[\W_]+".join(map(re.escape, tokens)) + (r"[^\W_]*" if prefix else _END)


def term_patterns(words: Iterable[str], prefixes: Iterable[str] = ()) -> list[re.Pattern[str]]:
    """One pattern per word or phrase (and per `word*` prefix) that can match anything."""
    parts = [_term(word, False) for word in words] + [_term(prefix, True) for prefix in prefixes]
    return [re.compile(part, re.IGNORECASE) for part in parts if part is not None]


def match_pattern(words: Iterable[str], prefixes: Iterable[str] = ()) -> re.Pattern[str] | None:
    """Any of the words, phrases and prefixes; None when there is nothing to match."""
    parts = [_term(word, False) for word in words] + [_term(prefix, True) for prefix in prefixes]
    found = [part for part in parts if part is not None]
    return re.compile("|".join(found), re.IGNORECASE) if found else None


def match_spans(body: str, pattern: re.Pattern[str] | None) -> list[tuple[int, int]]:
    if pattern is None:
        return []
    return [match.span() for match in pattern.finditer(body) if match.end() > match.start()]
