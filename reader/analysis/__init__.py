"""Who said what: quotes, their speakers and the named actors of an article.

Pure Python, deterministic, offline, and free of Textual. Every span returned
satisfies `body[start:end] == text`.
"""

from __future__ import annotations

from collections import Counter

from reader.analysis.actors import find_mentions
from reader.analysis.gazetteer import Gazetteer
from reader.analysis.quotes import find_quotes
from reader.analysis.reported import find_reported
from reader.analysis.sourcing import with_sourcing
from reader.article_notes import analysed_text
from reader.model import Actor, Analysis, Article, Mention, Quote

# Bump whenever analysis output changes, so cached results are recomputed.
ANALYSER_VERSION = "23"


def analyze(body: str, *, dateline: str | None = None, gazetteer: Gazetteer | None = None) -> Analysis:
    mentions = find_mentions(body, dateline=dateline, gazetteer=gazetteer)
    quotes = find_quotes(body, mentions)
    quotes = with_sourcing(body, mentions, sorted(quotes + find_reported(body, mentions, quotes), key=_by_start))
    return Analysis(mentions=tuple(mentions), quotes=tuple(quotes), actors=_actors(mentions, quotes))


def _by_start(quote: Quote) -> tuple[int, int]:
    return quote.start, quote.end


def analyze_article(article: Article, gazetteer: Gazetteer | None = None) -> Analysis:
    """The article's own words: a note the app added at its end (a feed item kept as
    its summary says why) is left out."""
    return analyze(analysed_text(article.body), dateline=article.dateline, gazetteer=gazetteer)


def _actors(mentions: list[Mention], quotes: list[Quote]) -> tuple[Actor, ...]:
    kinds: dict[str, str] = {}
    aliases: dict[str, dict[str, None]] = {}
    mention_counts: Counter[str] = Counter()
    # A name inside a longer one ("England" in "Bank of England") is an actor of its own
    # only when the article also names it alone.
    standalone = {m.actor for m in _outermost(mentions)}
    for mention in mentions:
        if mention.actor not in standalone:
            continue
        kinds.setdefault(mention.actor, mention.kind)
        mention_counts[mention.actor] += 1
        if mention.text != mention.actor:
            aliases.setdefault(mention.actor, {})[mention.text] = None
    quote_counts = Counter(q.speaker for q in quotes if q.speaker and q.kind == "statement")
    for speaker in quote_counts:
        kinds.setdefault(speaker, "person")
    return tuple(
        Actor(
            name=name,
            kind=kind,
            aliases=tuple(aliases.get(name, ())),
            mentions=mention_counts[name],
            quotes=quote_counts[name],
        )
        for name, kind in kinds.items()
    )


def _outermost(mentions: list[Mention]) -> list[Mention]:
    """Mentions not inside another (mentions come sorted by start, outer first)."""
    kept = []
    reach = -1
    for mention in mentions:
        if mention.end <= reach:
            continue
        kept.append(mention)
        reach = max(reach, mention.end)
    return kept
