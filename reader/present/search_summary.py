"""The line under the search field: what a search found and how it was read.

The reader sees the query in the field above, so the line never repeats it: it
says how many articles matched, in which order they are listed, and what the
filters came to (a date range to whole days, `actor:` and `said:` in words).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from reader.present.rows import MONTHS

if TYPE_CHECKING:
    from reader.index.query import SearchQuery


def search_summary(query: SearchQuery, *, total: int, shown: int, ranked: bool) -> str:
    """'3 results, best first', and the filters on a line of their own ('from 1 Jan 2022'),
    so a narrow sidebar wraps between the two rather than inside a date."""
    found = f"{total:,} result{'' if total == 1 else 's'}"
    if shown < total:
        found += f" (best {shown:,})"
    if total > 1:
        found += ", best first" if ranked else ", newest first"
    filters = " · ".join(filter_phrases(query))
    return f"{found}\n{filters}" if filters else found


def filter_phrases(query: SearchQuery) -> list[str]:
    phrases = [f"mentions {name}" for name in query.actors]
    phrases += [f"quotes {name}" for name in query.speakers]
    phrases += [f"source has {name}" for name in query.sources]
    phrases += [_verb(verb) for verb in query.verbs]
    if query.anonymous is not None:
        phrases.append("an anonymous source" if query.anonymous else "no anonymous source")
    if query.date_from is not None and query.date_to is not None:
        phrases.append(f"{_day(query.date_from)} – {_day(query.date_to)}")
    elif query.date_from is not None:
        phrases.append(f"from {_day(query.date_from)}")
    elif query.date_to is not None:
        phrases.append(f"to {_day(query.date_to)}")
    return phrases


def _verb(verb: str) -> str:
    return f"a {verb} verb" if verb in ("loaded", "neutral") else f"verb {verb}"


def _day(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
