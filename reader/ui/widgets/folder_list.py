"""What the sidebar's folder lists (saved searches, feeds) share: a cursor that is there
only while the list has focus, ends that hand the cursor on instead of wrapping round,
and a label's count ("3 unread", "all read", "no articles")."""

from __future__ import annotations

from typing import Iterable

from textual import events
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option


def unread_count(unread: int, total: int) -> tuple[str, str]:
    """A folder's count and its style, for `Content.assemble`."""
    if unread:
        return f"{unread:,} unread", "bold"
    if total:
        return "all read", "$text-muted"
    return "no articles", "$text-muted"


class FolderList(OptionList):
    """Subclasses say what moving past an end (or Esc) posts: `left` below the last
    folder, `above_first` above the first (None: the cursor stays)."""

    def left(self, down: bool) -> Message:
        raise NotImplementedError

    def above_first(self) -> Message | None:
        return None

    def replace_options(self, options: Iterable[Option]) -> None:
        """The folders again, the cursor kept on the same row (or the last)."""
        highlighted = self.highlighted
        self.set_options(options)
        if highlighted is not None and self.option_count:
            self.highlighted = min(highlighted, self.option_count - 1)

    def enter_from_below(self) -> None:
        """Focus on the last folder, as the row just above what comes below the list."""
        if self.option_count:
            self.highlighted = self.option_count - 1
            self.screen.set_focus(self)

    def on_focus(self, event: events.Focus) -> None:
        if self.highlighted is None and self.option_count:
            self.highlighted = 0  # Enter must open something from the first key

    def on_blur(self, event: events.Blur) -> None:
        self.highlighted = None  # the cursor is elsewhere now, not on a folder

    def action_cursor_down(self) -> None:
        if self.highlighted is None or self.highlighted >= self.option_count - 1:
            self.post_message(self.left(down=True))
        else:
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        if self.highlighted:  # no wrapping round to the last folder
            super().action_cursor_up()
        elif (message := self.above_first()) is not None:
            self.post_message(message)

    def action_leave(self) -> None:
        self.post_message(self.left(down=False))
