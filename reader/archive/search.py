"""A search as the app asks it: the grammar parsed once, then the index or the scan.

The parsed query gives the SQL (`reader.index`), the plain-scan match (every
word, phrase or prefix as `reader.present.matches` finds it) and the pattern the
reading pane marks matches with, so all three agree on what a word is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from reader.index.query import QueryError, SearchQuery, parse_query, range_problem
from reader.present.matches import match_pattern, term_patterns

if TYPE_CHECKING:
    from reader.index import SearchHit
    from reader.model import Article

# Ranked searches stop here; the true count is still given.
SEARCH_LIMIT = 1000


@dataclass(frozen=True, slots=True)
class SearchResult:
    text: str
    hits: Sequence[SearchHit]
    total: int  # all matches, even past the limit
    ranked: bool  # best first (the query has words) rather than newest first
    pattern: re.Pattern[str] | None  # the query's words, phrases and prefixes, to mark in a body
    query: SearchQuery = SearchQuery()  # the filters as parsed, for the line under the field


@dataclass(frozen=True, slots=True)
class ParsedSearch:
    text: str
    query: SearchQuery
    pattern: re.Pattern[str] | None

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(term.text for term in self.query.terms if not term.prefix)

    @property
    def prefixes(self) -> tuple[str, ...]:
        return tuple(term.text for term in self.query.terms if term.prefix)


def parse_search(text: str) -> ParsedSearch:
    """Raises `QueryError` for a query that cannot be understood, or whose dates hold no day."""
    query = parse_query(text)
    if problem := range_problem(query):
        raise QueryError(problem)
    words = tuple(term.text for term in query.terms if not term.prefix)
    prefixes = tuple(term.text for term in query.terms if term.prefix)
    return ParsedSearch(text, query, match_pattern(words, prefixes))


def scan_matches(articles: Sequence[Article], search: ParsedSearch) -> list[Article]:
    """The articles (newest first, as given) that the index would find, save actor: and said:."""
    query = search.query
    if query.matches_nothing:
        return []
    patterns = term_patterns(search.words, search.prefixes)
    sources = [source.casefold() for source in query.sources]
    found = []
    for article in articles:
        if query.date_from is not None and (article.date is None or article.date < query.date_from):
            continue
        if query.date_to is not None and (article.date is None or article.date > query.date_to):
            continue
        if not all(source in (article.source or "").casefold() for source in sources):
            continue
        if all(pattern.search(article.title) or pattern.search(article.body) for pattern in patterns):
            found.append(article)
    return found
