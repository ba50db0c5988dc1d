"""The data the store produces and the analysis returns: frozen, Textual-free."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

WORDS_PER_MINUTE = 230


@dataclass(frozen=True, slots=True)
class Article:
    """One article. `id` is its path relative to the store root, plus `#N` for
    the N-th article (1-based) of a multi-article file."""

    id: str
    path: str
    body: str
    title: str
    date: date | None = None
    source: str | None = None
    byline: str | None = None
    dateline: str | None = None
    url: str | None = None
    tags: tuple[str, ...] = ()

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.body.split("\n\n") if p.strip()]

    @property
    def words(self) -> int:
        # Runs of non-space: str.split's spaces (str.isspace) are regex \s, so this counts
        # what re.findall(r"\S+") did, 8x faster.
        return len(self.body.split())

    @property
    def reading_minutes(self) -> int:
        return max(1, round(self.words / WORDS_PER_MINUTE))


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """What the sidebar needs of an article, without its body: cheap to hold
    100,000 of. The index hands these out; `Article` has the same fields."""

    id: str
    path: str
    title: str
    date: date | None = None
    source: str | None = None
    dateline: str | None = None
    words: int = 0


@dataclass(frozen=True, slots=True)
class Problem:
    """A file (or part of one) the store could not read as it should.

    `path` is relative to the store root. `fatal` problems mean an article was
    not loaded; non-fatal ones are warnings (e.g. text decoded with a fallback).
    """

    path: str
    reason: str
    line: int | None = None
    fatal: bool = True

    def __str__(self) -> str:
        # Reasons may quote the file (a key of actors.yaml, a value): shown escaped.
        from reader.text import safe_name

        where = f"{self.path}:{self.line}" if self.line else self.path
        return safe_name(f"{where}: {self.reason}")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    kind: str  # person | organisation | place
    actor: str


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    text: str
    kind: str  # statement | term | reported
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    # How the speaker was found: name | pronoun | descriptor | continuation | nearest.
    speaker_via: str | None = None
    # What the speaker is: person | organisation | anonymous | document | …
    speaker_kind: str | None = None
    # The text's own words for an unnamed source ("a senior official").
    speaker_descriptor: str | None = None
    # Why a source is unnamed, when the article says ("not authorised to speak publicly").
    anonymity_reason: str | None = None
    # The attribution verb's group: neutral | loaded | …
    cue_group: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    mentions: int = 0
    quotes: int = 0


@dataclass(frozen=True, slots=True)
class Analysis:
    mentions: tuple[Mention, ...] = field(default_factory=tuple)
    quotes: tuple[Quote, ...] = field(default_factory=tuple)
    actors: tuple[Actor, ...] = field(default_factory=tuple)
