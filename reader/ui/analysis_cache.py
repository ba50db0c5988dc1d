"""A small, thread-safe LRU of analyses keyed by article id, so that going
back to an article shows its highlights at once."""

from __future__ import annotations

from collections import OrderedDict
from threading import Lock

from reader.model import Analysis


class AnalysisCache:
    def __init__(self, size: int = 64) -> None:
        self._size = size
        self._items: OrderedDict[str, Analysis] = OrderedDict()
        self._lock = Lock()

    def get(self, article_id: str) -> Analysis | None:
        with self._lock:
            analysis = self._items.get(article_id)
            if analysis is not None:
                self._items.move_to_end(article_id)
            return analysis

    def put(self, article_id: str, analysis: Analysis) -> None:
        with self._lock:
            self._items[article_id] = analysis
            self._items.move_to_end(article_id)
            while len(self._items) > self._size:
                self._items.popitem(last=False)

    def discard(self, article_id: str) -> None:
        with self._lock:
            self._items.pop(article_id, None)

    def __len__(self) -> int:
        return len(self._items)
