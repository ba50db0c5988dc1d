"""The line at the foot of the sidebar that says how many files could not be read
(and how many feeds failed at their last fetch)."""

from __future__ import annotations

from typing import Sequence

from textual import events
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from reader.model import Problem


def problems_summary(problems: Sequence[Problem], failed_feeds: int = 0) -> str:
    unreadable = len({problem.path for problem in problems if problem.fatal})
    warnings = sum(not problem.fatal for problem in problems)
    parts = []
    if unreadable:
        parts.append(f"{unreadable} file{'s' if unreadable != 1 else ''} could not be read")
    if warnings:
        parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
    if failed_feeds:
        parts.append(f"{failed_feeds} feed{'s' if failed_feeds != 1 else ''} failed")
    return "⚠ " + ", ".join(parts) if parts else ""


class ProblemsLink(Static):
    class Clicked(Message):
        pass

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._problems: Sequence[Problem] = ()
        self._feed_failures: Sequence[str] = ()

    def show_problems(self, problems: Sequence[Problem]) -> None:
        self._problems = problems
        self._show()

    def show_feed_failures(self, failures: Sequence[str]) -> None:
        """One line per feed that failed: its name and why."""
        self._feed_failures = failures
        self._show()

    def _show(self) -> None:
        summary = problems_summary(self._problems, len(self._feed_failures))
        self.update(Content(summary))
        self.display = bool(summary)

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Clicked())
