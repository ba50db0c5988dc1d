"""Messages the app's workers post back to the UI thread."""

from __future__ import annotations

from typing import Sequence

from textual.message import Message

from reader.model import Article, Problem


class StoreLoaded(Message):
    def __init__(self, articles: Sequence[Article], problems: Sequence[Problem]) -> None:
        super().__init__()
        self.articles = articles
        self.problems = problems


class Filtered(Message):
    def __init__(self, articles: Sequence[Article], keep: str | None) -> None:
        super().__init__()
        self.articles = articles
        self.keep = keep
