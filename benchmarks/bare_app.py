"""The baseline: a bare Textual app with a one-row list and a footer.

`python benchmarks/bare_app.py [ROWS]` runs it in the terminal. The first-paint
benchmark starts it exactly as it starts `newsreader`, so the difference between
the two is what newsreader itself costs on top of Textual. The navigation
benchmark drives it in-process with more rows (and optionally a body pane that
shows a long text for the highlighted row) for the same keypresses.
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Label, ListItem, ListView, Static

MARKER = "bare article"


class BareList(ListView):
    BINDINGS = [Binding("j", "cursor_down", show=False), Binding("k", "cursor_up", show=False)]


class BareApp(App[None]):
    BINDINGS = [Binding("q", "quit", "Quit")]
    CSS = """
    BareList { width: 40; }
    #body { width: 1fr; }
    """

    def __init__(self, rows: int = 1, bodies: list[str] | None = None) -> None:
        super().__init__()
        self.rows = rows
        self.bodies = bodies
        self.shown: int | None = None  # the row whose body is in the pane

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield BareList(*(ListItem(Label(f"{MARKER} {n + 1}")) for n in range(self.rows)))
            if self.bodies:
                with VerticalScroll(id="body"):
                    yield Static(id="text")
        yield Footer()

    def on_list_view_highlighted(self, event: ListView.Highlighted) -> None:
        if self.bodies and event.list_view.index is not None:
            text = self.bodies[event.list_view.index % len(self.bodies)]
            self.query_one("#text", Static).update(Content(text))
            self.shown = event.list_view.index


if __name__ == "__main__":
    BareApp(int(sys.argv[1]) if len(sys.argv) > 1 else 1).run()
