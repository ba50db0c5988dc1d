"""The machine-readable analysis contract of DESIGN §3 (field names are an API)."""

from __future__ import annotations

from dataclasses import fields
from operator import attrgetter
from typing import Any

from reader.model import Actor, Analysis, Article, Mention, Quote


def _flat_record(cls: type) -> Any:
    """Field name → value for a dataclass of plain values, one C call per record.

    `dataclasses.asdict` recurses and deep-copies every value; on the analysis
    records (ints, strings, None) that was a fifth of `analyze --jsonl`'s time.
    """
    names = tuple(f.name for f in fields(cls))
    values = attrgetter(*names)
    return lambda record: dict(zip(names, values(record)))


_mention_record = _flat_record(Mention)
_quote_record = _flat_record(Quote)
_actor_record = _flat_record(Actor)


def article_header(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
        "source": article.source,
        "dateline": article.dateline,
    }


def analysis_document(article: Article, analysis: Analysis) -> dict[str, Any]:
    return {"article": article_header(article), "body": article.body, **analysis_parts(analysis)}


def analysis_parts(analysis: Analysis) -> dict[str, Any]:
    """The mentions, quotes and actors of the contract, under those keys."""
    return {
        "mentions": [_mention_record(m) for m in analysis.mentions],
        "quotes": [_quote_record(q) for q in analysis.quotes],
        "actors": [{**_actor_record(a), "aliases": list(a.aliases)} for a in analysis.actors],
    }
