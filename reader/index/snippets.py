"""Search-hit snippets: the stretch of a body where the searched words cluster.

The FTS table keeps no text (see schema), so snippets are cut here, for the few
hits shown. Words are compared as the FTS tokenizer does (case and accents
ignored, anything but letters and digits separates), closely enough to mark the
words that made an article match.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from reader.index.query import Term

# About the span of FTS5's 24-token snippet.
WIDTH = 160
LEAD = 40  # characters of context before the first matched word
ELLIPSIS = "…"
MATCHES_PER_TERM = 40
OPENING = 1500  # characters
# Enough of a text for a snippet of a match in its opening (see `snippet`).
OPENING_NEEDED = OPENING + WIDTH + 40

_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=4096)
def _fold_character(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char)
    base = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return base if len(base) == 1 else char.lower()[:1] or char


def fold(text: str) -> str:
    """Lower case without accents, one character for one, so offsets still hold."""
    lowered = text.lower()
    if text.isascii():
        return lowered
    if len(lowered) != len(text):  # a rare letter whose lower case is longer
        return "".join(map(_fold_character, text))
    for char in [c for c in set(lowered) if c > "\x7f"]:
        folded = _fold_character(char)
        if folded != char:
            lowered = lowered.replace(char, folded)
    return lowered


@lru_cache(maxsize=256)
def term_patterns(terms: tuple[Term, ...]) -> tuple[re.Pattern[str], ...]:
    patterns = []
    for term in terms:
        words = _WORD.findall(fold(term.text))
        if not words:
            continue
        first = re.escape(words[0])
        rest = "".join(r"[\W_]+" + re.escape(word) for word in words[1:])
        tail = r"[^\W_]*" if term.prefix else r"(?![^\W_])"
        # The word comes first and the check that no letter precedes it after: a
        # literal start lets the regex engine skip ahead (twenty times faster).
        patterns.append(re.compile(first + r"(?<![^\W_]" + first + ")" + rest + tail))
    return tuple(patterns)


def snippet(
    body: str, terms: tuple[Term, ...], whole: Callable[[], str] | None = None
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A one-line excerpt around the best cluster of matched words, and where they are in it.

    `body` may be only the first OPENING_NEEDED characters of the text when `whole`
    gives all of it: most hits show every word early on, so the rest is rarely needed."""
    patterns = term_patterns(terms)
    matches = _matches(body[:OPENING], patterns)
    if len({number for _, _, number in matches}) < len(patterns) and len(body) > OPENING:
        if whole is not None:
            body, whole = whole(), None
        matches = _matches(body, patterns)
    if not matches:
        return _cut(body, 0, WIDTH, [])
    best = 0
    if len(patterns) > 1:
        best = _densest(matches)
    first = matches[best][0]
    start = _word_start(body, max(0, first - LEAD)) if first > LEAD else 0
    end = start + WIDTH
    if end >= len(body) and whole is not None:
        body = whole()  # the window reaches the end of the opening: is it the end of the text?
    return _cut(body, start, end, [(s, e) for s, e, _ in matches if s >= start and e <= end])


def lede(text: str, width: int = 200, *, read: int | None = None) -> str:
    """The opening of a text on one line, for a hit without searched words: at most
    `width` characters, cut between words with an ellipsis. `read`: how many
    characters were read of the text (`text` that long may go on beyond them)."""
    line = " ".join(text.split())
    cut_short = read is not None and len(text) >= read
    if len(line) <= width and not cut_short:
        return line
    cut = line[: width - 1]
    if len(line) > width - 1 and line[width - 1] != " ":  # leave out a word cut in two
        space = cut.rfind(" ")
        if space > width // 2:
            cut = cut[:space]
    return cut.rstrip(" ,;:") + ELLIPSIS


def _matches(text: str, patterns: tuple[re.Pattern[str], ...]) -> list[tuple[int, int, int]]:
    """(start, end, term number) of the first occurrences of each term, in text order."""
    lowered = text.lower()
    if text.isascii():
        return _find(lowered, patterns)  # what fold() gives
    if len(lowered) == len(text):
        # Folding accents costs more than the search: first look in the lower case
        # alone, which finds every term unless one occurs only with accents.
        matches = _find(lowered, patterns)
        if len({number for _, _, number in matches}) == len(patterns):
            return matches
    return _find(fold(text), patterns)


def _find(text: str, patterns: tuple[re.Pattern[str], ...]) -> list[tuple[int, int, int]]:
    matches: list[tuple[int, int, int]] = []
    for number, pattern in enumerate(patterns):
        # The first occurrences are enough to place the window; a common word has hundreds.
        found = itertools.islice(pattern.finditer(text), MATCHES_PER_TERM)
        matches.extend((m.start(), m.end(), number) for m in found)
    matches.sort()
    return matches


def _densest(matches: list[tuple[int, int, int]]) -> int:
    """The first match of the earliest window of WIDTH characters holding the most distinct terms."""
    best, best_score = 0, 0
    inside: dict[int, int] = {}
    j = 0
    for i, (start, _, _) in enumerate(matches):
        while j < len(matches) and matches[j][0] < start + WIDTH:
            inside[matches[j][2]] = inside.get(matches[j][2], 0) + 1
            j += 1
        if len(inside) > best_score:
            best, best_score = i, len(inside)
        number = matches[i][2]
        inside[number] -= 1
        if not inside[number]:
            del inside[number]
    return best


_SPACE = re.compile(r"\s+")


def _word_start(text: str, position: int) -> int:
    """The start of the first whole word at or after `position` (words split at spaces:
    "Trump's" is one word, never "s")."""
    if position <= 0 or text[position - 1].isspace():
        return position
    space = _SPACE.search(text, position)
    return space.end() if space is not None and space.end() < len(text) else position


def _cut(body: str, start: int, end: int, spans: list[tuple[int, int]]) -> tuple[str, tuple[tuple[int, int], ...]]:
    if end < len(body):
        # End on a whole word (a word cut at the window's edge is left out).
        if _WORD.match(body, end) and end > 0 and _WORD.match(body[end - 1]):
            space = max(body.rfind(" ", start, end), body.rfind("\n", start, end))
            if space > start + WIDTH // 2:
                end = space
    else:
        end = len(body)
    spans = [(s, e) for s, e in spans if e <= end]
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(body) else ""
    text = prefix + body[start:end].rstrip() + suffix
    shift = len(prefix) - start
    return text.replace("\n", " "), tuple((s + shift, e + shift) for s, e in spans)
