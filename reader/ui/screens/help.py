"""`?`: every key binding, generated from the bindings themselves so it stays true."""

from __future__ import annotations

from typing import Iterable, Mapping

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static


def binding_rows(
    sections: Iterable[tuple[str, Iterable[BindingType]]],
    keymap: Mapping[str, str],
    display_key,
) -> list[tuple[str, list[tuple[str, str]]]]:
    """[(section, [(keys, description)])]; keys remapped by id as the app does."""
    result = []
    for section, bindings in sections:
        rows: dict[str, tuple[list[str], str]] = {}
        for binding in Binding.make_bindings(bindings):
            name = binding.id or binding.action
            remapped = binding.id is not None and binding.id in keymap
            if name not in rows:
                rows[name] = ([], binding.tooltip or binding.description or binding.action)
                if remapped:
                    keys = keymap[binding.id].split(",")  # type: ignore[index]
                    rows[name][0].extend(display_key(Binding(key.strip(), binding.action)) for key in keys)
            if not remapped:
                rows[name][0].append(display_key(binding))
        result.append((section, [(", ".join(keys), description) for keys, description in rows.values()]))
    return result


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", id="newsreader.close_help")]

    def __init__(self, sections: list[tuple[str, list[tuple[str, str]]]]) -> None:
        super().__init__()
        self._sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help") as scroll:
            scroll.border_title = "Keys"
            scroll.border_subtitle = "Esc to close"
            yield Static(self._content())

    def _content(self) -> Content:
        width = max((len(keys) for _, rows in self._sections for keys, _ in rows), default=0)
        parts: list[Content | str | tuple[str, str]] = []
        for section, rows in self._sections:
            if parts:
                parts.append("\n")
            parts.append((section, "bold"))
            for keys, description in rows:
                parts.append("\n")
                parts.append((f"  {keys.ljust(width)}  ", "$accent"))
                parts.append(description)
        return Content.assemble(*parts)
