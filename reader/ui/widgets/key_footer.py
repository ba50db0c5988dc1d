"""The footer: the keys for where the focus is, as many as fit on one line.

Textual's Footer lists every shown binding of the focus chain and clips the rest,
which cuts the app's own keys (help, quit) first, as they come last. This one
keeps the essential keys whatever the width and leaves out the least useful
others until the line fits; the help screen (`?`) lists them all. Its keys are
drawn by `FooterKey` below, as Textual's own footer key draws them (that one is
not public), and they are there from the first frame: Footer waits for the
first bindings update.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.events import Resize
from textual.widget import Widget
from textual.widgets import Footer

# Binding ids, by how long they stay: essential ones always, the rest in this order.
# (n as the next match is there only while a find is open: then it is what the reader is doing.)
ESSENTIAL = frozenset(
    {"newsreader.help", "newsreader.quit", "newsreader.who_said_what", "newsreader.filter", "newsreader.next_match"}
)
FIRST_TO_GO = frozenset({"newsreader.next_article", "newsreader.previous_article"})
KEY_EXTRA = 3  # a key's padding either side and the space before its description


def key_width(key_display: str, description: str) -> int:
    return cell_len(key_display) + cell_len(description) + KEY_EXTRA


def fitting(items: list[tuple[int, int]], room: int) -> set[int]:
    """Which of `items` ((rank, width), in display order) to show in `room` cells:
    all of rank 0, then the lowest ranks first and, within a rank, the earliest."""
    order = sorted(range(len(items)), key=lambda index: (items[index][0], index))
    shown: set[int] = set()
    used = 0
    for index in order:
        rank, width = items[index]
        if rank == 0 or used + width <= room:
            shown.add(index)
            used += width
    return shown


class FooterKey(Widget):
    """One key and what it does; a click presses it. Drawn as Textual's footer keys
    are (same theme variables); only the palette's key is compact, as in Footer."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"footer-key--key", "footer-key--description"}
    DEFAULT_CSS = """
    FooterKey {
        width: auto;
        height: 1;
        text-wrap: nowrap;
        background: $footer-item-background;
        .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
            padding: 0 1;
        }
        .footer-key--description {
            padding: 0 1 0 0;
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        &:hover {
            pointer: pointer;
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        &.-disabled {
            text-style: dim;
        }
        &.-compact {
            .footer-key--key {
                padding: 0;
            }
            .footer-key--description {
                padding: 0 0 0 1;
            }
        }
        &.-command-palette {
            dock: right;
            padding-right: 1;
            border-left: vkey $foreground 20%;
        }
    }
    """

    def __init__(
        self, key: str, key_display: str, description: str, *, enabled: bool, tooltip: str = "", classes: str = ""
    ) -> None:
        super().__init__(classes=classes if enabled else f"{classes} -disabled")
        self.key = key
        self.key_display = key_display
        self.description = description
        self.enabled = enabled
        self.set_reactive(Widget.shrink, False)
        if tooltip:
            self.tooltip = tooltip

    def render(self) -> Text:
        key_padding = self.get_component_styles("footer-key--key").padding
        description_padding = self.get_component_styles("footer-key--description").padding
        text = Text.assemble(
            (
                " " * key_padding.left + self.key_display + " " * key_padding.right,
                self.get_component_rich_style("footer-key--key"),
            ),
            (
                " " * description_padding.left + self.description + " " * description_padding.right,
                self.get_component_rich_style("footer-key--description"),
            ),
        )
        text.stylize_before(self.rich_style)
        return text

    def on_mouse_down(self) -> None:
        if self.enabled:
            self.app.simulate_key(self.key)
        else:
            self.app.bell()


class KeyFooter(Footer):
    """Footer's place and colours, with the keys chosen here (Footer's own `compose`,
    and the flag it waits on before showing any key, are replaced)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._composed_width = 0

    def _rank(self, node: object, binding: Binding) -> int:
        if binding.id in ESSENTIAL:
            return 0
        if binding.id in FIRST_TO_GO:
            return 3
        # The focused part's own keys before the screen's and the app's.
        return 2 if node is self.app or node is self.screen else 1

    def compose(self) -> ComposeResult:
        self._composed_width = self.size.width
        active = self.screen.active_bindings
        entries: list[tuple[Binding, bool, str, int]] = []
        seen: set[str] = set()
        for node, binding, enabled, tooltip in active.values():
            if binding.show and binding.action not in seen:  # one key per action, as Footer does
                seen.add(binding.action)
                entries.append((binding, enabled, tooltip, self._rank(node, binding)))
        room = self.size.width or self.app.size.width
        palette = None
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            palette = active.get(self.app.COMMAND_PALETTE_BINDING)
            if palette is not None:
                binding = palette.binding
                room -= key_width(self.app.get_key_display(binding), binding.description)
        widths = [
            (rank, key_width(self.app.get_key_display(binding), binding.description))
            for binding, _, _, rank in entries
        ]
        shown = fitting(widths, room)
        for index, (binding, enabled, tooltip, _) in enumerate(entries):
            if index in shown:
                yield FooterKey(
                    binding.key,
                    self.app.get_key_display(binding),
                    binding.description,
                    enabled=enabled,
                    tooltip=tooltip or "",
                )
        if palette is not None:
            binding = palette.binding
            yield FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                enabled=palette.enabled,
                tooltip=binding.tooltip or binding.description,
                classes="-command-palette -compact",
            )

    def on_resize(self, event: Resize) -> None:
        if event.size.width != self._composed_width:
            self.call_after_refresh(self.recompose)
