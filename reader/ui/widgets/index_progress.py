"""A one-line bar at the foot of the sidebar while the archive is being indexed."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget


class IndexProgress(Widget):
    """Hidden until `set_progress`; `finish` hides it again."""

    DEFAULT_CSS = """
    IndexProgress { height: 1; display: none; }
    IndexProgress.-active { display: block; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.done = 0
        self.total = 0

    def set_progress(self, done: int, total: int) -> None:
        self.done, self.total = done, total
        self.set_class(True, "-active")
        self.refresh()

    def finish(self) -> None:
        self.set_class(False, "-active")

    def render(self) -> Content:
        width = self.size.width
        if self.total <= 0:
            return Content.assemble((" Reading the store…", "$text-muted"))
        # A share, not a count: the work counts files read and then articles analysed,
        # so a count would run to twice the articles the store has.
        label = f" Indexing {min(99, 100 * self.done // self.total)}% "
        bar = max(0, width - len(label) - 1)
        filled = round(bar * min(self.done, self.total) / self.total)
        return Content.assemble(
            (label, "$text-muted"), ("━" * filled, "$accent"), ("━" * (bar - filled), "$foreground 20%")
        )
