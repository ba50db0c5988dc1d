"""The footer: the keys for where the focus is, as many as fit on one line.

Textual's Footer lists every shown binding of the focus chain and clips the rest,
which cuts the app's own keys (help, quit) first, as they come last. This one
keeps the essential keys whatever the width and leaves out the least useful
others until the line fits; the help screen (`?`) lists them all.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.events import Resize
from textual.reactive import reactive
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

# Binding ids, by how long they stay: essential ones always, the rest in this order.
ESSENTIAL = frozenset({"newsreader.help", "newsreader.quit", "newsreader.who_said_what", "newsreader.filter"})
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


class Key(FooterKey):
    """A footer key, never compact: FooterKey starts compact and the footer's binding
    then unsets it, restyling every key twice on every rebuild."""

    compact = reactive(False, init=False)


class KeyFooter(Footer):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._composed_width = 0
        # The app's keys are known from the start: show them in the first frame,
        # rather than after the first bindings update as Footer does.
        self._bindings_ready = True

    def _rank(self, node: object, binding: Binding) -> int:
        if binding.id in ESSENTIAL:
            return 0
        if binding.id in FIRST_TO_GO:
            return 3
        # The focused part's own keys before the screen's and the app's.
        return 2 if node is self.app or node is self.screen else 1

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        self._composed_width = self.size.width
        active = self.screen.active_bindings
        entries: list[tuple[Binding, bool, str | None, int]] = []
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
                yield Key(
                    binding.key,
                    self.app.get_key_display(binding),
                    binding.description,
                    binding.action,
                    disabled=not enabled,
                    tooltip=tooltip or "",
                )
        if palette is not None:
            binding = palette.binding
            yield FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                classes="-command-palette",
                disabled=not palette.enabled,
                tooltip=binding.tooltip or binding.description,
            )

    def _on_resize(self, event: Resize) -> None:
        if self._bindings_ready and event.size.width != self._composed_width:
            self.call_after_refresh(self.recompose)
