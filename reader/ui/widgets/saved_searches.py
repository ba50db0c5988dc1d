"""Saved searches as virtual folders at the top of the sidebar: "⌕ name · 3 unread"."""

from __future__ import annotations

from typing import Mapping

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

MARK = "⌕"


def folder_label(name: str, unread: int | None) -> Content:
    if unread is None:
        count = ("not a valid search", "$text-error")
    elif unread:
        count = (f"{unread:,} unread", "bold")
    else:
        count = ("all read", "$text-muted")
    return Content.assemble((f"{MARK} ", "$text-accent"), name, " · ", count)


class SavedSearchList(OptionList):
    """Choosing a folder posts `Chosen`; the app runs its query."""

    class Chosen(Message):
        def __init__(self, name: str, query: str) -> None:
            super().__init__()
            self.name = name
            self.query = query

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.searches: dict[str, str] = {}
        self.counts: dict[str, int | None] = {}

    def show(self, searches: Mapping[str, str], counts: Mapping[str, int | None] | None = None) -> None:
        self.searches = dict(searches)
        if counts is not None:
            self.counts = dict(counts)
        highlighted = self.highlighted
        self.set_options(
            Option(folder_label(name, self.counts.get(name, 0)), id=name) for name in sorted(self.searches, key=str.casefold)
        )
        if highlighted is not None and self.option_count:
            self.highlighted = min(highlighted, self.option_count - 1)
        self.display = bool(self.searches)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        name = event.option.id
        if name is not None and name in self.searches:
            self.post_message(self.Chosen(name, self.searches[name]))
