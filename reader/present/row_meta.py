"""The second line of an article's row in the list: its date (when the header above
does not say it), source and dateline; an article with neither source nor dateline
says its length instead, never its file name (the id is for the program)."""

from __future__ import annotations

from datetime import date
from typing import Callable

from reader.present.rows import Listed


def meta_line(article: Listed, meta_date: Callable[[date | None], str] | None = None) -> str:
    dated = meta_date(article.date) if meta_date is not None else ""
    parts = [part for part in (dated, article.source, article.dateline) if part]
    if not article.source and not article.dateline:
        words = getattr(article, "words", 0)
        if words:
            parts.append(f"{words:,} word{'s' if words != 1 else ''}")
    return " · ".join(parts)
