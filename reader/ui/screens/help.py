"""`?`: every key binding, generated from the bindings themselves so it stays true."""

from __future__ import annotations

from typing import Iterable, Mapping

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widgets import Static


PREFIX = "newsreader."  # a keymap in the config file may leave it out

# What the reading pane's and the panel's marks mean (the legend names them; this says why).
GUIDE_TITLE = "What the marks mean"
READING_GUIDE = (
    ("“statement”", "italic: words someone said, in their own quotation marks"),
    ("reported speech", "faint italic: what someone is said to have said, without quotation marks"),
    ("“term”", "italic, underlined: a title, name, saying or scare quote — nobody's statement"),
    ("speaker", "reversed: who said it; in the panel, (she) or (the mayor) beside a name: inferred"),
    ("person", "bold; organisation: bold, underlined; place: underlined"),
    ("claimed", "in the panel, bold and underlined: a loaded verb (claimed, admitted, insisted …)"),
    ("anonymous", "in the panel: a source the article leaves unnamed on purpose"),
    ("██▌░░ 31%", "in the panel: a speaker's share of the words quoted or reported (the rest summed)"),
)


def short_id(binding_id: str | None) -> str:
    if binding_id is None:
        return ""
    return binding_id[len(PREFIX):] if binding_id.startswith(PREFIX) else binding_id


def binding_rows(
    sections: Iterable[tuple[str, Iterable[BindingType]]],
    keymap: Mapping[str, str],
    display_key,
) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """[(section, [(keys, description, id)])]; keys remapped by id as the app does; the
    id as a keymap in the config file names it ("" for a binding without one)."""
    result = []
    for section, bindings in sections:
        rows: dict[str, tuple[list[str], str, str]] = {}
        for binding in Binding.make_bindings(bindings):
            name = binding.id or binding.action
            remapped = keymap.get(binding.id) if binding.id is not None else None
            if name not in rows:
                rows[name] = ([], binding.tooltip or binding.description or binding.action, short_id(binding.id))
                if remapped is not None:
                    keys = remapped.split(",")
                    rows[name][0].extend(display_key(Binding(key.strip(), binding.action)) for key in keys)
            if remapped is None and display_key(binding) not in rows[name][0]:  # one id, two bindings: S
                rows[name][0].append(display_key(binding))
        result.append((section, [(", ".join(keys), description, id) for keys, description, id in rows.values()]))
    return result


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="newsreader.close_help"),
        Binding("j", "scroll('down')", "Down", show=False, id="newsreader.down"),
        Binding("k", "scroll('up')", "Up", show=False, id="newsreader.up"),
        Binding("g", "scroll('home')", "First", show=False, id="newsreader.first"),
        Binding("G", "scroll('end')", "Last", show=False, id="newsreader.last"),
        Binding("space", "scroll('page_down')", "Page down", show=False, id="newsreader.page_down"),
        Binding("b", "scroll('page_up')", "Page up", show=False, id="newsreader.page_up"),
    ]

    def __init__(self, sections: list[tuple[str, list[tuple[str, str, str]]]]) -> None:
        super().__init__()
        self._sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help") as scroll:
            scroll.border_title = "Keys"
            scroll.border_subtitle = "dim: the id to remap a key in the config's keymap · Esc to close"
            yield self._content()

    def action_scroll(self, where: str) -> None:
        # At once, not animated: quickly repeated keys each count.
        scroll = self.query_one("#help", VerticalScroll)
        page = max(1, scroll.scrollable_content_region.height - 1)
        target = {
            "down": scroll.scroll_y + 1,
            "up": scroll.scroll_y - 1,
            "home": 0,
            "end": scroll.max_scroll_y,
            "page_down": scroll.scroll_y + page,
            "page_up": scroll.scroll_y - page,
        }[where]
        scroll.scroll_to(y=max(0, min(target, scroll.max_scroll_y)), animate=False, immediate=True)

    def _content(self) -> KeyList:
        return KeyList(self._sections)


class KeyList(Static):
    """Keys in one column and their descriptions beside them, wrapped to the width
    the layout gives (a wrapped description stays in its column), each ending with
    the binding's id, dim: what a keymap in the config file names."""

    def __init__(self, sections: list[tuple[str, list[tuple[str, str, str]]]]) -> None:
        super().__init__()
        self._sections = sections
        self._width = 0

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        self._width = width  # render() wraps to it
        return super().get_content_height(container, viewport, width)

    def render(self) -> Content:
        width = self._width or self.content_region.width or 80
        key_width = max((cell_len(keys) for _, rows in self._sections for keys, _, _ in rows), default=0) + 4
        text_width = max(12, width - key_width)
        lines: list[Content] = []
        for section, rows in self._sections:
            if lines:
                lines.append(Content(""))
            lines.append(Content.styled(section, "bold"))
            for keys, description, binding_id in rows:
                key_cell = Content.styled(f"  {keys}".ljust(key_width), "$accent")
                text = Content(description)
                if binding_id:
                    text = Content.assemble(text, "  ", (binding_id, "dim $text-muted"))
                for n, line in enumerate(text.wrap(text_width)):
                    lines.append(Content.assemble(key_cell if n == 0 else " " * key_width, line))
        lines += [Content(""), Content.styled(GUIDE_TITLE, "bold")]
        for mark, meaning in READING_GUIDE:
            mark_cell = Content.styled(f"  {mark}".ljust(key_width), "$accent")
            if cell_len(mark) + 3 > key_width:  # too wide for the key column: a line of its own
                lines.append(mark_cell)
                mark_cell = Content(" " * key_width)
            for n, line in enumerate(Content(meaning).wrap(text_width)):
                lines.append(Content.assemble(mark_cell if n == 0 else " " * key_width, line))
        return Content("\n").join(lines)
