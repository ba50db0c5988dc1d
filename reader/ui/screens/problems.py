"""The files the store could not read (or read with a warning): path:line: reason;
then the feeds whose last fetch failed, with why."""

from __future__ import annotations

from typing import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.model import Problem
from reader.ui.widgets.problems_link import problems_summary


class ProblemsScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q", "dismiss", "Close", id="newsreader.close_problems")]

    def __init__(self, problems: Sequence[Problem], feed_failures: Sequence[str] = ()) -> None:
        super().__init__()
        self._problems = problems
        self._feed_failures = feed_failures

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="problems") as scroll:
            scroll.border_title = problems_summary(self._problems, len(self._feed_failures)) or "No problems"
            scroll.border_subtitle = "Esc to close"
            lines = [
                f"{'' if problem.fatal else '(warning) '}{problem}" for problem in self._problems
            ]
            if self._feed_failures:
                lines += [*([""] if lines else []), "Feeds that failed at their last fetch:", *self._feed_failures]
            yield Static(Content("\n".join(lines) or "Every file was read."))
