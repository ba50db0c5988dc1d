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
from reader.text import safe_name
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
            lines = [problem_line(problem) for problem in self._problems]
            if self._feed_failures:
                lines += [*([Content()] if lines else []), Content("Feeds that failed at their last fetch:")]
                lines += [Content(failure) for failure in self._feed_failures]
            yield Static(Content("\n").join(lines) if lines else Content("Every file was read."))


def problem_line(problem: Problem) -> Content:
    """`path:line: reason`, the place in bold: a long one wraps, and each still starts plainly."""
    where = f"{problem.path}:{problem.line}" if problem.line else problem.path
    return Content.assemble(
        "" if problem.fatal else "(warning) ", (safe_name(where), "bold"), safe_name(f": {problem.reason}")
    )
