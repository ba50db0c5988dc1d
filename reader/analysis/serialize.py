"""The machine-readable analysis contract of DESIGN §3 (field names are an API)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from reader.model import Analysis, Article


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
        "mentions": [asdict(m) for m in analysis.mentions],
        "quotes": [asdict(q) for q in analysis.quotes],
        "actors": [{**asdict(a), "aliases": list(a.aliases)} for a in analysis.actors],
    }
