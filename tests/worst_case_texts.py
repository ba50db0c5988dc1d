"""Texts built to be the analyser's worst case, by size in words: long runs of
capitalised words, names that share their words, connectors and possessives in
one run, and storms of quote marks. Deterministic; shared by the linearity tests
and benchmarks/worst_case_analysis.py."""

from __future__ import annotations

import itertools
import string
from collections.abc import Callable, Iterator


def _names(prefix: str = "") -> Iterator[str]:
    """Distinct capitalised made-up words: Bakoru, Bakosa, …"""
    letters = "bdfgklmnprstvz"
    vowels = "aeiou"
    for a, b, c, d in itertools.product(string.ascii_uppercase, vowels, letters, vowels):
        for e in letters:
            yield f"{prefix}{a}{b}{c}{d}{e}"


def _take(words: Iterator[str], count: int) -> list[str]:
    return list(itertools.islice(words, count))


def capitalised_run(words: int) -> str:
    """One sentence of capitalised words drawn from eight: a name that never ends."""
    vocabulary = _take(_names(), 8)
    return " ".join(vocabulary[(i * 5 + i // 8) % 8] for i in range(words)) + "."


def distinct_run(words: int) -> str:
    """One sentence of distinct capitalised words."""
    return " ".join(_take(_names(), words)) + "."


def repeated_name(words: int) -> str:
    """The same person named again and again."""
    return " ".join("Xavier Okonkwo said." for _ in range(words // 3))


def shared_surname(words: int) -> str:
    """Many people with one surname, each named in full and then by surname alone."""
    given = _names()
    return " ".join(f"{next(given)} Okonkwo said. Okonkwo agreed." for _ in range(words // 5))


def connectors(words: int) -> str:
    """One run held together by of, and, de, van: "Ministry of Bakoru and Bakosa de …"."""
    joins = ("of", "and", "of the", "de", "for", "van", "and the")
    names = _names()
    parts = ["Ministry"]
    for i in range(words // 2):
        parts.append(joins[i % len(joins)])
        parts.append(next(names))
    return " ".join(parts) + "."


def possessives(words: int) -> str:
    """One run of possessives: "Bakoru's Bakosa's …"."""
    return " ".join(f"{name}'s" for name in _take(_names(), words)) + " Office."


def quote_storm(words: int) -> str:
    """Quote marks of every kind, mostly unbalanced, between short words."""
    marks = ('"', "“", "”", "'", "‘", "’", "«", "»", "„", "‹", "›")
    return " ".join(f"{marks[i % len(marks)]}word{marks[(i * 7) % len(marks)]}" for i in range(words))


def said_storm(words: int) -> str:
    """Quotes and speech verbs packed together: every quote has many possible speakers."""
    given = _names()
    return " ".join(f"“Yes,” said {next(given)} Okonkwo." for _ in range(words // 4))


def capitals_line(words: int) -> str:
    """A text in capitals with no dash: the dateline pattern's worst case."""
    return " ".join(name.upper() for name in _take(_names(), words))


WORST_CASES: dict[str, Callable[[int], str]] = {
    "capitalised run": capitalised_run,
    "distinct capitalised run": distinct_run,
    "one name repeated": repeated_name,
    "one surname, many people": shared_surname,
    "connectors in one run": connectors,
    "possessives in one run": possessives,
    "quote-mark storm": quote_storm,
    "quotes and speakers": said_storm,
    "all capitals": capitals_line,
}


def titles(words: int) -> str:
    """One run of titled names: "President Bakoru Minister Bakosa …"."""
    ranks = ("President", "Minister", "Mr", "General", "Professor")
    names = _names()
    return " ".join(f"{ranks[i % len(ranks)]} {next(names)}" for i in range(words // 2)) + "."


def everyday_capitals(words: int) -> str:
    """One run of capitalised everyday words: "The But In After …"."""
    common = ("The", "But", "In", "After", "When", "This", "That", "On")
    return "Relations " + " ".join(common[i % len(common)] for i in range(words)) + "."


WORST_CASES["titles in one run"] = titles
WORST_CASES["everyday words capitalised"] = everyday_capitals
