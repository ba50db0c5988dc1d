"""Saved searches as virtual folders at the top of the sidebar: "⌕ name · 3 unread"."""

from __future__ import annotations

from typing import Mapping

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.text import clean_line
from reader.ui.widgets.folder_list import FolderList, unread_count

MARK = "⌕"


# (unread, matching) articles of a saved search; None: its query is not valid.
FolderCount = tuple[int, int] | None
NOT_COUNTED = (-1, -1)  # not counted yet: the name alone


def folder_label(name: str, count: FolderCount) -> Content:
    name = clean_line(name)  # from the config file: no terminal controls
    mark = (f"{MARK} ", "$text-accent")
    if count == NOT_COUNTED:
        return Content.assemble(mark, name)
    if count is None:
        shown = ("not a valid search", "$text-error")
    else:
        shown = unread_count(*count)
    return Content.assemble(mark, name, " · ", shown)


class SavedSearchList(FolderList):
    """Choosing a folder posts `Chosen`; the app runs its query. Reached from the
    article list with k (or up) above its first article; j below the last folder
    (or Esc) posts `Left` to go back to the articles."""

    # One cell inside the sidebar's edge, as the article rows are.
    DEFAULT_CSS = """
    SavedSearchList > .option-list--option {
        padding: 0 1;
    }
    """

    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False, id="newsreader.saved_down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="newsreader.saved_up"),
        Binding("g,home", "first", "First", show=False, id="newsreader.saved_first"),
        Binding("G,end", "last", "Last", show=False, id="newsreader.saved_last"),
        Binding("enter", "select", "Open search", tooltip="Run the saved search", id="newsreader.saved_open"),
        Binding("escape", "leave", "Articles", show=False, tooltip="Back to the articles", id="newsreader.saved_leave"),
    ]

    class Chosen(Message):
        def __init__(self, name: str, query: str) -> None:
            super().__init__()
            self.name = name
            self.query = query

    class Left(Message):
        """The reader moved down past the last folder (`down`), or pressed Esc: back to the articles."""

        def __init__(self, down: bool = False) -> None:
            super().__init__()
            self.down = down

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.searches: dict[str, str] = {}
        self.counts: dict[str, FolderCount] = {}

    def show(self, searches: Mapping[str, str], counts: Mapping[str, FolderCount] | None = None) -> None:
        self.searches = dict(searches)
        if counts is not None:
            self.counts = dict(counts)
        self.replace_options(
            Option(folder_label(name, self.counts.get(name, NOT_COUNTED)), id=name)
            for name in sorted(self.searches, key=str.casefold)
        )
        self.display = bool(self.searches)

    def left(self, down: bool) -> Message:
        return self.Left(down=down)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        name = event.option.id
        if name is not None and name in self.searches:
            self.post_message(self.Chosen(name, self.searches[name]))
