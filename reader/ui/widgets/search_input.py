"""The `/` search field: searches as you type; Esc ends the search."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class SearchInput(Input):
    BINDINGS = [Binding("escape", "clear_search", "Whole archive", id="newsreader.clear_filter", tooltip="End the search: back to every article, where you were")]

    class Cleared(Message):
        """The reader cleared the search and left the field."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder='Search… (actor:"…" said: source: from: to:)', id=id)

    def action_clear_search(self) -> None:
        self.value = ""
        self.post_message(self.Cleared())
