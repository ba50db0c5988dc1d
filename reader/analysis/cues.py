"""Cue words that attribute speech ("said", "told", "according to"), read from data."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reader.analysis.prefix_tree import prefix_tree

CUES_FILE = Path(__file__).with_name("data") / "cues.txt"


def read_cue_forms(path: Path = CUES_FILE) -> list[str]:
    """Every form listed in a cue file, multi-word forms with single spaces."""
    forms: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            forms.extend(form.replace("_", " ").lower() for form in line.split())
    return forms


@lru_cache(maxsize=1)
def cue_pattern() -> re.Pattern[str]:
    forms = sorted(set(read_cue_forms()), key=len, reverse=True)
    alternatives = "|".join(re.escape(form).replace(r"\ ", r"\s+") for form in forms)
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


def is_cue(word: str) -> bool:
    """Whether `word` is a cue form, in any case ("Said", "according to")."""
    if word.isascii() and word.isalpha():
        return word.lower() in _cue_forms()
    return cue_pattern().fullmatch(word) is not None


@lru_cache(maxsize=1)
def _cue_forms() -> frozenset[str]:
    return frozenset(read_cue_forms())


# Cue forms that are also plural nouns, and what makes them nouns: a determiner or a
# preposition just before ("the claims", "of Republican claims").
_ALSO_NOUNS = frozenset("claims calls promises vows jokes reads reports tweets posts notes remarks quotes".split())
_NOUN_BEFORE = re.compile(
    r"\b(?:the|a|an|his|her|its|their|our|my|your|these|those|such|of|in|on|about|with|for|by|from)"
    r"(?:\s+[A-Z][\w-]*)?\s+$",
    re.IGNORECASE,
)


# "reports" is a cue only as an outlet's verb: `The Hill reports that …`, `CNN reports:`.
_NAME_BEFORE = re.compile(r"[A-Z][\w.&'’-]*\s+$")
_REPORTS_WHAT = re.compile(r"\s*(?:that\b|:|,)")


_ADD_FORMS = frozenset(("add", "adds", "added", "adding"))
_TO_AFTER = re.compile(
    r"[^\S\n]+to[^\S\n]+(?:the|a|an|its|their|this|that|growing|mounting)[^\S\n]+"
    r"(?!(?:crowd|audience|reporters|journalists|press|committee|court|jury|room)\b)"
)


_IMPERSONAL = re.compile(r"\b(?:be|been)\s+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _cue_index() -> tuple[frozenset[str], dict[str, re.Pattern[str]]]:
    """Single-word cue forms, and for each first word of a multi-word form ("according",
    "pointed") one pattern for the forms it starts: a word at a time is far cheaper to look
    up than the whole alternation is to run over a text."""
    single = set()
    multi: dict[str, list[str]] = {}
    for form in set(read_cue_forms()):
        words = form.split()
        if len(words) == 1:
            single.add(form)
        else:
            multi.setdefault(words[0], []).append(form)
    patterns = {
        first: re.compile(
            r"(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True)) + r")\b",
            re.IGNORECASE,
        )
        for first, forms in multi.items()
    }
    return frozenset(single), patterns


_LETTERS = re.compile(r"\b[A-Za-z]+\b")


@lru_cache(maxsize=1)
def _cue_word_pattern() -> re.Pattern[str]:
    """The lower-case words that are a cue or start one, as one prefix tree: run over a
    lower-cased text it finds them in C, where reading every word in Python took a
    twentieth of the analysis."""
    single, multi = _cue_index()
    return re.compile(rf"\b(?:{prefix_tree(sorted(single | set(multi)))})\b")


@dataclass(frozen=True, slots=True)
class CueMatch:
    """Where a cue is, with the parts of `re.Match` the attribution rules use."""

    text: str
    at: int
    to: int

    def start(self) -> int:
        return self.at

    def end(self) -> int:
        return self.to

    def span(self) -> tuple[int, int]:
        return self.at, self.to

    def group(self) -> str:
        return self.text


class CueFinder:
    """Cue words in one text, less those that are part of a person's name ("Liz Yelling
    told": the cue is "told", not "Yelling")."""

    def __init__(self, names: list[tuple[int, int]]) -> None:
        self.names = sorted(names)
        self._starts = [start for start, _ in self.names]
        self._text: str | None = None
        self._words: list[tuple[int, int, str, bool, re.Pattern[str] | None]] = []
        self._word_starts: list[int] = []

    def finditer(self, text: str, lo: int, hi: int) -> Iterator[CueMatch]:
        for match in self._matches(text, lo, hi):
            if match.group()[0].isupper() and self._in_name(match.start()):
                continue
            if match.group().lower() == "reports":
                if not (_NAME_BEFORE.search(text, max(0, match.start() - 40), match.start()) and _REPORTS_WHAT.match(text, match.end())):
                    continue  # "amid reports of …", "police reports show": a noun
            elif match.group().lower() in _ALSO_NOUNS and _NOUN_BEFORE.search(text, max(0, match.start() - 40), match.start()):
                continue  # "a third of Republican claims": a noun, not a cue
            if _IMPERSONAL.search(text, max(0, match.start() - 12), match.start()):
                continue  # "it should be noted": nobody is speaking
            if match.group().lower() in _ADD_FORMS and _TO_AFTER.match(text, match.end()):
                continue  # "will add to the embarrassment": adding to something, not saying
            yield match

    def _matches(self, text: str, lo: int, hi: int) -> Iterator[CueMatch]:
        words = self._cue_words(text)
        for index in range(bisect.bisect_left(self._word_starts, lo), len(words)):
            start, end, word, single, pattern = words[index]
            if end > hi:
                break
            if pattern is not None:
                longer = pattern.match(text, start, hi)
                if longer is not None:
                    yield CueMatch(longer.group(), longer.start(), longer.end())
                    continue
            if single:
                yield CueMatch(word, start, end)

    def _cue_words(self, text: str) -> list[tuple[int, int, str, bool, re.Pattern[str] | None]]:
        """The words of `text` that are a cue or start one, found once per text: the
        rules ask about many overlapping stretches, and a text of quote marks with no
        full stop would otherwise be read again for every quote."""
        if text is not self._text:
            single, multi = _cue_index()
            lower = text.lower()
            if len(lower) == len(text):
                words = ((match.start(), match.end(), match.group()) for match in _cue_word_pattern().finditer(lower))
            else:  # a character whose lower case is longer ("İ"): offsets would shift
                words = ((match.start(), match.end(), match.group().lower()) for match in _LETTERS.finditer(text))
            self._words = []
            for start, end, low in words:
                word = text[start:end]
                pattern = multi.get(low)
                if word.isascii() and (pattern is not None or low in single):
                    self._words.append((start, end, word, low in single, pattern))
            self._word_starts = [start for start, *_ in self._words]
            self._text = text
        return self._words

    def _in_name(self, position: int) -> bool:
        index = bisect.bisect_right(self._starts, position) - 1
        return index >= 0 and self.names[index][0] <= position < self.names[index][1]
