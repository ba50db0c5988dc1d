"""Which articles the sidebar lists: the `/` filter and 'unread only'. Textual-free."""

from __future__ import annotations

import re
from typing import Callable, Collection, Sequence, TypeVar

T = TypeVar("T")
CHECK_CANCEL_EVERY = 512


def filter_articles(
    articles: Sequence[T],
    query: str,
    read_ids: Collection[str] | None = None,
    is_cancelled: Callable[[], bool] = lambda: False,
) -> list[T] | None:
    """Articles whose title or text holds every word of `query` (any case), unread
    ones only if `read_ids` is given; None if cancelled part-way."""
    patterns = [re.compile(re.escape(word), re.IGNORECASE) for word in query.split()]
    result: list[T] = []
    for count, article in enumerate(articles):
        if count % CHECK_CANCEL_EVERY == 0 and is_cancelled():
            return None
        if read_ids is not None and article.id in read_ids:  # type: ignore[attr-defined]
            continue
        if patterns:
            title = article.title  # type: ignore[attr-defined]
            body = getattr(article, "body", "")
            if not all(pattern.search(title) or pattern.search(body) for pattern in patterns):
                continue
        result.append(article)
    return result
