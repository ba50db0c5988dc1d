"""The line at the foot of the sidebar that says how many files could not be read."""

from __future__ import annotations

from typing import Sequence

from textual import events
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from reader.model import Problem


def problems_summary(problems: Sequence[Problem]) -> str:
    unreadable = len({problem.path for problem in problems if problem.fatal})
    warnings = sum(not problem.fatal for problem in problems)
    parts = []
    if unreadable:
        parts.append(f"{unreadable} file{'s' if unreadable != 1 else ''} could not be read")
    if warnings:
        parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
    return "⚠ " + ", ".join(parts) if parts else ""


class ProblemsLink(Static):
    class Clicked(Message):
        pass

    def show_problems(self, problems: Sequence[Problem]) -> None:
        summary = problems_summary(problems)
        self.update(Content(summary))
        self.display = bool(summary)

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Clicked())
