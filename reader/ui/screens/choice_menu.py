"""A small modal list of choices, each with its own key (`r  Rename…`): the key, or
↑↓ and Enter, picks one; Esc cancels. Used to correct an actor or a quote. (No j/k:
a choice's key may be one of them, `k` for kind.)"""

from __future__ import annotations

from typing import Sequence

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option


Choice = tuple[str, str, str]  # (key, value, label)


class ChoiceMenu(ModalScreen[str | None]):
    DEFAULT_CSS = """
    ChoiceMenu { align: center middle; }
    #choice-menu {
        width: 56;
        max-width: 100%;
        height: auto;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    #choice-menu Static { margin: 0 1 1 1; }
    #choice-list { height: auto; max-height: 10; border: none; padding: 0; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="newsreader.cancel_prompt")]

    def __init__(self, title: str, question: str, choices: Sequence[Choice]) -> None:
        super().__init__()
        self._title = title
        self._question = question
        self._choices = list(choices)

    def compose(self) -> ComposeResult:
        with Vertical(id="choice-menu") as box:
            box.border_title = self._title
            box.border_subtitle = "its key, or ↑↓ Enter · Esc: cancel"
            yield Static(Content(self._question))
            yield OptionList(
                *(Option(Content.assemble((f"{key}  ", "bold $accent"), label), id=value) for key, value, label in self._choices),
                id="choice-list",
            )

    def on_mount(self) -> None:
        self.query_one("#choice-list", OptionList).focus()

    def on_key(self, event: events.Key) -> None:
        for key, value, _label in self._choices:
            if event.key == key:
                event.stop()
                self.dismiss(value)
                return

    @on(OptionList.OptionSelected, "#choice-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

