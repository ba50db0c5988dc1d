"""Pick an actor by name: type to narrow the list, ↑↓ to move, Enter to pick.
The names come from the article first, then the whole archive (read in a worker).
Where a new name is allowed (a quote's speaker), what is typed is the first row;
the cursor starts on the first name the archive has, if any matches."""

from __future__ import annotations

import re
import sqlite3
from typing import Callable, Sequence

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.errors import UserError
from reader.text import clean_line

MAX_SHOWN = 200


class ActorPicker(ModalScreen[str | None]):
    DEFAULT_CSS = """
    ActorPicker { align: center middle; }
    #actor-picker {
        width: 60;
        max-width: 100%;
        height: auto;
        max-height: 90%;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    #actor-picker Static { margin: 0 1; }
    #picker-input { margin: 1 0 0 0; }
    #picker-list { height: auto; max-height: 12; border: none; padding: 0; }
    """
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", id="newsreader.cancel_prompt"),
        Binding("down", "move(1)", show=False),
        Binding("up", "move(-1)", show=False),
    ]

    class Loaded(Message):
        def __init__(self, names: list[str]) -> None:
            super().__init__()
            self.names = names

    def __init__(
        self,
        title: str,
        question: str,
        first: Sequence[str],
        load: Callable[[], Sequence[str]] | None = None,
        *,
        allow_new: bool = False,
        leave_out: str | None = None,
    ) -> None:
        """`first`: names shown at the top (the article's); `load()`: every other name (slow)."""
        super().__init__()
        self._title = title
        self._question = question
        self._leave_out = leave_out
        self._names = self._unique(first)
        self._load = load
        self._allow_new = allow_new
        self._shown: list[str] = []

    def _unique(self, names: Sequence[str]) -> list[str]:
        return [name for name in dict.fromkeys(names) if name != self._leave_out]

    def compose(self) -> ComposeResult:
        with Vertical(id="actor-picker") as box:
            box.border_title = self._title
            box.border_subtitle = "type to narrow · ↑↓ move · Enter: choose · Esc: cancel"
            yield Static(Content(self._question))
            yield Input(placeholder="Name…", id="picker-input")
            yield OptionList(id="picker-list")

    def on_mount(self) -> None:
        self.query_one("#picker-input", Input).focus()
        self._refilter()
        if self._load is not None:
            self._load_names()

    @work(thread=True, exit_on_error=False)
    def _load_names(self) -> None:
        assert self._load is not None
        try:
            names = list(self._load())
        except (UserError, sqlite3.Error, OSError):  # no index: the article's names and a typed one serve
            return
        self.post_message(self.Loaded(names))

    def on_actor_picker_loaded(self, message: Loaded) -> None:
        self._names = self._unique([*self._names, *message.names])
        self._refilter()

    @on(Input.Changed, "#picker-input")
    def _typed(self) -> None:
        self._refilter()

    def _typed_name(self) -> str:
        return clean_line(self.query_one("#picker-input", Input).value).strip()

    def _refilter(self) -> None:
        typed = self._typed_name()
        words = typed.casefold().split()
        matching = [name for name in self._names if all(word in name.casefold() for word in words)]
        # "ford" is in "Bradford Council" too: names with a word that starts so come first.
        matching = sorted(matching, key=lambda name: not _words_start(name, words))[:MAX_SHOWN]
        shown = matching
        if self._allow_new and typed and typed not in matching and typed != self._leave_out:
            shown = [typed, *matching]
        self._shown = shown
        options = self.query_one("#picker-list", OptionList)
        if shown:
            options.set_options(
                Option(Content.assemble(name, ("  new name", "italic $text-muted")) if name == typed and name not in self._names else Content(name))
                for name in shown
            )
            # A name the archive has comes first to Enter; the typed one is a ↑ away.
            options.highlighted = 1 if len(shown) > 1 and shown[0] is not matching[0] else 0
        else:
            nothing = "No actor matches" if typed else "No actors yet"
            options.set_options([Option(Content.styled(nothing, "italic $text-muted"), disabled=True)])

    def action_move(self, step: int) -> None:
        options = self.query_one("#picker-list", OptionList)
        if self._shown:
            current = options.highlighted if options.highlighted is not None else 0
            options.highlighted = max(0, min(len(self._shown) - 1, current + step))

    @on(Input.Submitted, "#picker-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._pick(self.query_one("#picker-list", OptionList).highlighted)

    @on(OptionList.OptionSelected, "#picker-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._pick(event.option_index)

    def _pick(self, index: int | None) -> None:
        if index is not None and 0 <= index < len(self._shown):
            self.dismiss(self._shown[index])


def _words_start(name: str, typed: Sequence[str]) -> bool:
    """Whether each word typed starts a word of `name` ("ford" of "Harrison Ford")."""
    words = re.split(r"[\W_]+", name.casefold())
    return all(any(word.startswith(part) for word in words) for part in typed)
