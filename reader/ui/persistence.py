"""The app's side of the reading state: changes and saves never overlap.

`ReadingState.save()` runs in a thread worker while the UI keeps changing the
state, so both go through one lock.
"""

from __future__ import annotations

from threading import Lock
from typing import Any, Iterable

from reader.state import ReadingState


class StateKeeper:
    def __init__(self, state: ReadingState) -> None:
        self.state = state
        self._lock = Lock()

    def is_read(self, article_id: str) -> bool:
        return self.state.is_read(article_id)

    def is_starred(self, article_id: str) -> bool:
        return self.state.is_starred(article_id)

    def read_ids(self) -> frozenset[str]:
        with self._lock:
            return frozenset(self.state.read_ids)

    def set_read(self, article_id: str, read: bool) -> bool:
        """True if this changed anything."""
        if self.state.is_read(article_id) == read:
            return False
        with self._lock:
            self.state.set_read(article_id, read)
        return True

    def set_starred(self, article_id: str, starred: bool) -> None:
        with self._lock:
            self.state.set_starred(article_id, starred)

    def set_position(self, article_id: str, y: float) -> bool:
        if abs(self.state.position(article_id) - y) < 1:
            return False
        with self._lock:
            self.state.set_position(article_id, y)
        return True

    def set_last_article(self, article_id: str) -> bool:
        if self.state.last_article == article_id:
            return False
        with self._lock:
            self.state.last_article = article_id
        return True

    def follow_entries(self, listing: Iterable[Any], previous: Iterable[Any] = ()) -> int:
        """Marks on entries of multi-article files follow their entry (see ReadingState)."""
        with self._lock:
            return self.state.follow_entries(listing, previous)

    def set_theme(self, name: str) -> None:
        with self._lock:
            self.state.theme = name

    def set_pref(self, key: str, value: Any) -> None:
        with self._lock:
            self.state.set(key, value)

    def save(self) -> None:
        """Raises `reader.state.StateSaveError`."""
        with self._lock:
            self.state.save()
