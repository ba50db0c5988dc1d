"""The sidebar's frame: its border title says how many articles there are and how
many are unread, shortened when the sidebar is too narrow for all of it."""

from __future__ import annotations

from textual.containers import Vertical
from textual.events import Resize

TITLE_MARGIN = 4  # the border's corners and a space either side of the title


class Sidebar(Vertical):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._titles: tuple[str, ...] = ()

    def set_titles(self, *titles: str) -> None:
        """Titles from the fullest to the shortest: the border shows the first that fits."""
        self._titles = titles
        self._fit_title()

    def on_resize(self, event: Resize) -> None:
        self._fit_title()

    def _fit_title(self) -> None:
        if not self._titles:
            return
        room = self.size.width - TITLE_MARGIN
        if room <= 0:  # not laid out yet
            self.border_title = self._titles[0]
            return
        self.border_title = next((title for title in self._titles if len(title) <= room), self._titles[-1])
