"""A small modal asking for one line of text (the name of a saved search, an actor's right name)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class NamePrompt(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="newsreader.cancel_prompt")]

    def __init__(self, title: str, question: str, value: str = "") -> None:
        super().__init__()
        self._title = title
        self._question = question
        self._initial_name = value

    def compose(self) -> ComposeResult:
        with Vertical(id="name-prompt") as box:
            box.border_title = self._title
            box.border_subtitle = "Enter: save · Esc: cancel"
            yield Static(Content(self._question))  # it quotes names from articles: never markup
            yield Input(value=self._initial_name, id="name-input")

    @on(Input.Submitted, "#name-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)
