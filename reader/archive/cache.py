"""What the archive read last: articles and their analyses by id, from any thread.

One small LRU holds both, so going back to an article, or on to a neighbour read
ahead, costs no database read, decompression or analysis. The archive empties it
whenever the store changes, so nothing stale is ever shown.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from threading import Lock

from reader.model import Analysis, Article

SIZE = 64


@dataclass(slots=True)
class Read:
    article: Article | None = None
    analysis: Analysis | None = None
    analysis_known: bool = False  # the archive was asked: `analysis` None means it has none


class ReadCache:
    def __init__(self, size: int = SIZE) -> None:
        self._size = size
        self._items: OrderedDict[str, Read] = OrderedDict()
        self._lock = Lock()

    def get(self, article_id: str) -> Read | None:
        with self._lock:
            read = self._items.get(article_id)
            if read is not None:
                self._items.move_to_end(article_id)
            return read

    def update(self, article_id: str, **fields: object) -> Read:
        with self._lock:
            read = self._items.get(article_id)
            if read is None:
                read = self._items[article_id] = Read()
            for name, value in fields.items():
                setattr(read, name, value)
            self._items.move_to_end(article_id)
            while len(self._items) > self._size:
                self._items.popitem(last=False)
            return read

    def discard(self, article_id: str) -> None:
        with self._lock:
            self._items.pop(article_id, None)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._items

    def __len__(self) -> int:
        return len(self._items)
