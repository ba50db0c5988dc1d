"""The line under the search field: what the search found, or why it could not run."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class SearchStatus(Static):
    def show_results(self, text: str, total: int, shown: int) -> None:
        found = f"{total:,} result{'s' if total != 1 else ''}"
        if shown < total:
            found += f" (best {shown:,})"
        self.update(Content.assemble(("Search: ", "bold"), text, " · ", found))
        self.remove_class("-error")

    def show_error(self, reason: str) -> None:
        self.update(Content(reason))
        self.add_class("-error")

    def show_searching(self, text: str) -> None:
        self.update(Content.assemble(("Search: ", "bold"), text, " · …"))
        self.remove_class("-error")

    def clear(self) -> None:
        self.update("")
        self.remove_class("-error")
