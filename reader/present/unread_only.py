"""Unread only (`U`): which articles the list keeps.

Unread ones, and those read since the filter was turned on: a reader moving down the
list reads as they go, and a list that dropped each article once read would jump under
them. Turning the filter off and on again starts afresh.
"""

from __future__ import annotations

from typing import Collection, Iterable, Protocol, TypeVar


class HasId(Protocol):
    @property
    def id(self) -> str: ...


Row = TypeVar("Row", bound=HasId)


class UnreadOnly:
    def __init__(self) -> None:
        self._kept: set[str] = set()

    def start(self, reading: str | None = None) -> None:
        """The filter was turned on: only the article being read stays, read or not."""
        self._kept = {reading} if reading is not None else set()

    def note_read(self, article_id: str) -> None:
        self._kept.add(article_id)

    def keeps(self, article_id: str) -> bool:
        return article_id in self._kept

    def filter(self, articles: Iterable[Row], read: Collection[str], reading: str | None = None) -> list[Row]:
        return [
            article
            for article in articles
            if article.id not in read or article.id in self._kept or article.id == reading
        ]
