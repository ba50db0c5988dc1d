"""The articles next to the cursor, read ahead while the reader reads: moving to
one then costs no database read, decompression or analysis decoding.

Textual-free. The app fills it when the reader settles on an article and empties
it whenever the archive changes, so nothing stale is ever shown.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Protocol

from reader.model import Analysis, Article

KEEP = 4  # the neighbours either side of the last two places the reader rested


class Source(Protocol):
    def article(self, article_id: str) -> Article | None: ...
    def analysis(self, article_id: str) -> Analysis | None: ...


class Prefetch:
    def __init__(self) -> None:
        self._read: OrderedDict[str, tuple[Article, Analysis | None]] = OrderedDict()

    def article(self, article_id: str) -> Article | None:
        found = self._read.get(article_id)
        return found[0] if found is not None else None

    def analysis(self, article_id: str) -> tuple[bool, Analysis | None]:
        """(whether the article was read ahead, its analysis then)."""
        found = self._read.get(article_id)
        return (True, found[1]) if found is not None else (False, None)

    def fill(self, article_ids: list[str], source: Source) -> list[Article]:
        """Read these articles ahead (those not read yet); returns the ones newly read."""
        read = []
        for article_id in article_ids:
            if article_id in self._read:
                self._read.move_to_end(article_id)
                continue
            article = source.article(article_id)
            if article is None:
                continue
            self._read[article_id] = (article, source.analysis(article_id))
            read.append(article)
            while len(self._read) > KEEP:
                self._read.popitem(last=False)
        return read

    def clear(self) -> None:
        self._read.clear()
