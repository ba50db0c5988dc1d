"""Speakers described, not named: `one MP told`, `said a New Hampshire Republican`,
`the Texan said`.

A title, party or group word after an indefinite determiner or a number is someone
the text does not name, even when it is written with a capital: the description is
kept, the speaker is nobody. After "the" it stands for someone named elsewhere (or
no one), as a description in lower case does.
"""

from __future__ import annotations

import functools
import re

from reader.analysis.actors import actor_lexicon
from reader.analysis.cues import is_cue

_INDEFINITE = frozenset(
    "a an one another two three four five six seven eight nine ten several some many few numerous various "
    "other most".split()
)
_THE = frozenset(("the",))
# `the one Republican who …`, `no one`: "one" after these is no determiner of its own.
_BEFORE_ONE = frozenset("the no this that every any each which".split())
_WORD = re.compile(r"[^\W\d_][\w'’.&-]*")
# Adjectives and capitalised words that may stand between the determiner and the head.
MAX_MODIFIERS = 3
_LOOK_BACK = 60


def described_not_named(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """For a speaker span at text[start:end] ending in a capitalised title, party or group
    word: ("indefinite", start, end) of `one MP`, `a New Hampshire Republican`, `Some
    Democrats`, the description of someone unnamed; ("definite", start, end) of `the
    Texan`, `the Ohio Republican`, `the MP`, a description of someone named elsewhere (or
    no one). None for anything else, names above all."""
    space = text.rfind(" ", start, end)
    head = text[max(start, space + 1) : end].rstrip(".")
    if not head or not head[0].isupper() or not role_or_group(head):
        return None  # most speakers: a name (`a terse Miller`, `One Nation`), not a role
    found = _description(text, start, end, _INDEFINITE)
    if found is not None:
        return ("indefinite", *found)
    found = _description(text, start, end, _THE)
    # plurals (`the Democrats`, `the British`) are bodies; titles (`the President`) are
    # left to the name finder
    if found is None or _plural(head) or head in actor_lexicon().titles:
        return None
    return ("definite", *found)


def _description(text: str, start: int, end: int, determiners: frozenset[str]) -> tuple[int, int] | None:
    words = list(_WORD.finditer(text, start, end))
    if not words:
        return None
    if any(mark in text[start:end] for mark in ",;:()\n"):
        return None
    if words[0].group().lower() in determiners:
        determiner, modifiers = words[0], words[1:-1]
        before = list(_WORD.finditer(text, max(0, start - 12), start))[-1:]
    else:
        found = _determiner_before(text, start, determiners)
        if found is None:
            return None
        determiner, before_words, before = found
        modifiers = before_words + words[:-1]
    if len(modifiers) > MAX_MODIFIERS:
        return None
    lexicon = actor_lexicon()
    low = determiner.group().lower()
    if low == "one" and before and before[-1].group().lower() in _BEFORE_ONE:
        return None
    if not all(_modifier(word.group(), lexicon.common) for word in modifiers):
        return None  # `one of …`, `a man who said`, `one reason Democrats …`
    last = words[-1].end() - (1 if words[-1].group().endswith(".") else 0)
    return determiner.start(), last


def _determiner_before(
    text: str, start: int, determiners: frozenset[str]
) -> tuple[re.Match[str], list[re.Match[str]], list[re.Match[str]]] | None:
    """The determiner and the modifiers between it and `start`, on the same
    stretch of words (no punctuation between)."""
    lo = max(0, start - _LOOK_BACK)
    gap = text[lo:start]
    cut = max(gap.rfind(mark) for mark in ",;:()\"“”\n.!?")
    words = list(_WORD.finditer(text, lo + cut + 1, start))
    for index in range(len(words) - 1, max(-1, len(words) - 2 - MAX_MODIFIERS), -1):
        if words[index].group().lower() in determiners:
            return words[index], words[index + 1 :], words[:index]
    return None


def _modifier(word: str, common: frozenset[str]) -> bool:
    """`senior`, `fellow`, `Labour`, `New`: a word that may describe the head; not a noun
    of another phrase (`In a Bloomberg interview Trump said`) nor a function word."""
    if word.lower() in common or is_cue(word):
        return False
    return word[0].isupper() or word in _PLAIN_ADJECTIVES or word.endswith(_ADJECTIVE_ENDINGS)


_ADJECTIVE_ENDINGS = ("al", "ive", "ous", "ic", "ed", "ing", "ior", "ent", "ant", "ful", "less", "able", "ible", "ary", "ish", "ern")
_PLAIN_ADJECTIVES = frozenset("fellow top former young old new local longtime long-time veteran key".split())
# Roles written as capitals (`one MP`, `a Tory MEP`); other capitals are bodies (`a desperate HP`).
_ROLE_ACRONYMS = frozenset("MP MEP MSP MLA MPP MK TD CEO CFO COO CTO GP".split())


def _plural(word: str) -> bool:
    """`Democrats`, `MPs`, and `British`, `Chinese`: after "the", a people, not one person."""
    if word.endswith(("ese", "ish", "ch")):
        return True
    return word.endswith("s") and not word.endswith("ss") and role_or_group(word) and not (
        word in actor_lexicon().titles or word in actor_lexicon().demonyms
    )


@functools.lru_cache(maxsize=1024)
def role_or_group(word: str) -> bool:
    """`Minister`, `Senators`, `MP`, `MPs`, `Republican`, `Texans`: a word for what someone
    is, not whom."""
    lexicon = actor_lexicon()
    singular = word[:-1] if word.endswith("s") and len(word) > 2 else word
    if singular.isupper():
        return singular in _ROLE_ACRONYMS
    return (
        word in lexicon.titles
        or singular in lexicon.titles
        or word in lexicon.demonyms
        or word in lexicon.plural_demonyms
    )
