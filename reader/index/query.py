"""The search grammar, parsed into a `SearchQuery` (pure: no SQLite here).

    harbour strike                 words: every one must occur (title or body)
    "general strike"               a phrase
    strik*                         a prefix
    actor:"Kim Jong Un"            articles mentioning that actor (canonical name or an alias)
    said:"Kim Jong Un"             articles in which that actor is quoted or reported as saying something
    verb:claimed                   articles with a quote attributed with that verb (any of its forms:
                                   claim, claims, claimed), or with a group of verbs (verb:loaded)
    anon:yes  anon:no              articles that quote an anonymous source / that quote none
    source:reuters                 the source contains this (case-insensitive)
    from:2019-01-31  to:2019-12    dated on or after / on or before (YYYY, YYYY-MM or YYYY-MM-DD)

Everything combines with AND. A value with spaces needs quotes. Mistakes raise
`QueryError` (a `UserError`) with a message meant for the user.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from reader.errors import UserError

FILTERS = ("actor", "said", "verb", "anon", "source", "from", "to")

# A token: optional `key:`, then a quoted value or a bare run of non-space characters.
_TOKEN = re.compile(r'\s*(?:(?P<key>[A-Za-z]+):)?(?:"(?P<quoted>[^"]*)"|(?P<bare>[^\s"]+))?')
_WORD_CHARACTER = re.compile(r"\w")
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


class QueryError(UserError):
    """A search the user typed that cannot be understood; the message says why."""


@dataclass(frozen=True, slots=True)
class Term:
    """A word or phrase to find in the text; `prefix` for `word*`."""

    text: str
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class SearchQuery:
    terms: tuple[Term, ...] = ()
    actors: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    verbs: tuple[str, ...] = ()
    # anon:yes → True, anon:no → False, no anon: filter → None
    anonymous: bool | None = None
    date_from: date | None = None
    date_to: date | None = None
    # Words were typed but none can be searched for (only punctuation): match nothing.
    matches_nothing: bool = False

    @property
    def is_empty(self) -> bool:
        return not (
            self.terms or self.actors or self.speakers or self.sources or self.date_from or self.date_to
            or self.matches_nothing or self.verbs or self.anonymous is not None
        )

    def fts_expression(self) -> str | None:
        """The FTS5 MATCH expression for the terms, or None when there are none.

        Every term becomes an FTS5 string, so nothing the user types is read
        as FTS5 syntax (AND, NOT, NEAR, column filters, stray parentheses).
        """
        parts = []
        for term in self.terms:
            quoted = '"' + term.text.replace('"', '""') + '"'
            parts.append(quoted + "*" if term.prefix else quoted)
        return " ".join(parts) or None


def parse_query(text: str) -> SearchQuery:
    if text.count('"') % 2:
        raise QueryError('unbalanced quote in search: every " needs a closing "')
    terms: list[Term] = []
    words_typed = False
    filters: dict[str, list[str]] = {key: [] for key in FILTERS}
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        assert match is not None  # the pattern can match the empty string
        if match.end() == position:  # only possible on a stray character; skip it
            position += 1
            continue
        position = match.end()
        key, quoted, bare = match.group("key"), match.group("quoted"), match.group("bare")
        value = quoted if quoted is not None else bare
        if key is None:
            if value is not None:
                words_typed = True
                _add_term(terms, value, phrase=quoted is not None)
            continue
        name = key.lower()
        if name not in FILTERS:
            raise QueryError(f"unknown filter {key}: (known: {', '.join(f + ':' for f in FILTERS)})")
        value = (value or "").strip()
        if not value:
            raise QueryError(f"{name}: needs a value, e.g. {_EXAMPLES[name]}")
        filters[name].append(value)
    has_filters = any(filters.values())
    return SearchQuery(
        terms=tuple(terms),
        matches_nothing=words_typed and not terms and not has_filters,
        actors=tuple(filters["actor"]),
        speakers=tuple(filters["said"]),
        sources=tuple(filters["source"]),
        verbs=tuple(filters["verb"]),
        anonymous=_anonymous(filters["anon"]),
        date_from=_latest(_parse_date(v, "from", end=False) for v in filters["from"]),
        date_to=_earliest(_parse_date(v, "to", end=True) for v in filters["to"]),
    )


def range_problem(query: SearchQuery) -> str | None:
    """Why the query's dates match nothing (from: after to:), said for the reader; else None."""
    if query.date_from is not None and query.date_to is not None and query.date_from > query.date_to:
        return (
            f"from:{query.date_from.isoformat()} is after to:{query.date_to.isoformat()}, "
            "so no date is in the range (swap the two dates)"
        )
    return None


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """How actor names and sources are compared: case and accents ignored,
    spaces collapsed (`Kim  Jong-un` stays distinct from `Kim Jong Un`)."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.split())


def name_keys(name: str) -> tuple[str, ...]:
    """The keys a name typed in a search may be stored under: as written, and without
    the titles and honorifics the analysis leaves out of names ("Mr Kim" → "Kim",
    "Mayor Sunita Kaur" → "Sunita Kaur")."""
    keys = [name_key(name)]
    titles = _title_keys()
    rest = keys[0]
    while True:
        title = next((t for t in titles if rest.startswith(t + " ")), None)
        if title is None:
            break
        rest = rest[len(title) + 1 :]
        keys.append(rest)
    return tuple(dict.fromkeys(keys))


@lru_cache(maxsize=1)
def _title_keys() -> tuple[str, ...]:
    """Title keys, longest first (so "vice president" wins over "vice")."""
    from reader.analysis.gazetteer import read_entries

    return tuple(sorted({name_key(t).rstrip(".") for t in read_entries("titles.txt")}, key=len, reverse=True))


_EXAMPLES = {
    "actor": 'actor:"Kim Jong Un"',
    "said": 'said:"Kim Jong Un"',
    "verb": "verb:claimed",
    "anon": "anon:yes",
    "source": "source:Reuters",
    "from": "from:2019-01-31",
    "to": "to:2019-12-31",
}


_YES = frozenset(("yes", "y", "true", "1"))
_NO = frozenset(("no", "n", "false", "0"))


def _anonymous(values: list[str]) -> bool | None:
    wanted = None
    for value in values:
        key = value.lower()
        if key not in _YES and key not in _NO:
            raise QueryError(f"anon:{value} is not understood; use anon:yes or anon:no")
        if wanted is not None and wanted != (key in _YES):
            raise QueryError("anon:yes and anon:no together match nothing; use one of them")
        wanted = key in _YES
    return wanted


def _add_term(terms: list[Term], value: str, *, phrase: bool) -> None:
    prefix = not phrase and value.endswith("*")
    if prefix:
        value = value.rstrip("*")
    # A term with no letters or digits has no tokens: FTS5 would match nothing or fail.
    if _WORD_CHARACTER.search(value):
        terms.append(Term(value, prefix=prefix))


def _parse_date(value: str, name: str, *, end: bool) -> date:
    match = _DATE.match(value)
    if not match:
        raise QueryError(f"{name}:{value} is not a date; use YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = int(match[1]), match[2], match[3]
    try:
        if month is None:
            return date(year, 12, 31) if end else date(year, 1, 1)
        month_number = int(month)
        if day is None:
            last = calendar.monthrange(year, month_number)[1] if 1 <= month_number <= 12 else 0
            return date(year, month_number, last if end else 1)
        return date(year, month_number, int(day))
    except ValueError:
        raise QueryError(f"{name}:{value} is not a valid date") from None


def _latest(dates) -> date | None:
    values = list(dates)
    return max(values) if values else None


def _earliest(dates) -> date | None:
    values = list(dates)
    return min(values) if values else None
