"""Who a name is, whatever way it is written: the identity key of an actor's name.

"John Q. Smith", "John Smith", "Mr. John Smith", "John Smith's" and "John Smith" with a
no-break space are one person. The key drops what varies between writings of one name
(case, accents, odd spaces, a possessive, leading titles, middle initials) and keeps
what tells people apart: "J. Smith" and "Jane Smith" keep their own keys, as does a
surname alone ("Smith"), which only the article that names the full name can place.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Every space-like character news text carries between the words of a name.
_SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_INITIAL = re.compile(r"[^\W\d_]\.?")


def plain_spaces(name: str) -> str:
    """`name` with every run of space-like characters as one plain space, trimmed."""
    return _SPACES.sub(" ", name).strip()


def without_possessive(name: str) -> str:
    """"Smith's" → "Smith", "Workers'" → "Workers"."""
    return _POSSESSIVE.sub("", name)


@functools.lru_cache(maxsize=65536)
def identity_key(name: str, person: bool = True) -> str:
    """The key under which every writing of one actor's name is the same actor.
    Titles and middle initials are dropped from people's names only ("General Electric
    Co." is not General Electric's general)."""
    words = without_possessive(plain_spaces(name)).split(" ")
    if person:
        words = _person_words(words)
    folded = unicodedata.normalize("NFKD", " ".join(words).casefold())
    return "".join(c for c in folded if not unicodedata.combining(c))


def _person_words(words: list[str]) -> list[str]:
    titles = _titles()
    while len(words) > 2 and words[0].rstrip(".").casefold() in titles:
        words = words[1:]
    if len(words) == 2 and words[0].rstrip(".").casefold() in _HONORIFICS:
        words = words[1:]  # "Mr. Smith" is Smith; "President Smith" too, but "General Motors" stays
    if len(words) >= 3:
        # Middle initials: "John Q. Smith", "George W. Bush"; a first initial stays ("J. Smith").
        middle = [w for w in words[1:-1] if not _INITIAL.fullmatch(w)]
        words = [words[0], *middle, words[-1]]
    return words


# Titles that only ever stand before a person's name, dropped even before a surname alone.
_HONORIFICS = frozenset("mr mrs ms miss mx dr prof professor sir dame madam madame monsieur herr frau".split())


@functools.cache
def _titles() -> frozenset[str]:
    from reader.analysis.gazetteer import read_entries

    return frozenset(t.rstrip(".").casefold() for t in read_entries("titles.txt") if " " not in t) | _HONORIFICS
