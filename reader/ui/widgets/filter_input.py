"""The `/` search field: searches as you type; Esc ends the search."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class FilterInput(Input):
    BINDINGS = [Binding("escape", "clear_filter", "Whole archive", id="newsreader.clear_filter", tooltip="End the search: back to every article, where you were")]

    class Cleared(Message):
        """The user cleared the filter and left it."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="Filter titles and text…", id=id)

    def action_clear_filter(self) -> None:
        self.value = ""
        self.post_message(self.Cleared())
