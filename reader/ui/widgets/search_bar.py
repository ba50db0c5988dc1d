"""The line under the search field: what the search found and how its filters read (never
the query again: the field above shows it), or why it could not run."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from reader.present.search_summary import search_summary

if TYPE_CHECKING:
    from reader.archive.search import SearchResult


class SearchStatus(Static):
    def show_results(self, result: SearchResult) -> None:
        summary = search_summary(result.query, total=result.total, shown=len(result.hits), ranked=result.ranked)
        self.update(Content(summary))
        self.remove_class("-error")

    def show_error(self, reason: str) -> None:
        self.update(Content(reason))
        self.add_class("-error")

    def show_searching(self) -> None:
        self.update(Content("Searching…"))
        self.remove_class("-error")

    def clear(self) -> None:
        self.update("")
        self.remove_class("-error")
