"""Correcting who said what from the app: `e` on an actor (in the panel or the actors
view) or a quote asks what to correct, writes it to the store's corrections file and
has it applied at once (the article on screen at once, the index in a worker); `z`
undoes the last correction made in this session.

The data side (the file, the edits and their undo) is `reader.corrections`; this
module only asks the reader and reports what happened.
"""

from __future__ import annotations

import sqlite3
import time
from functools import partial
from typing import TYPE_CHECKING, Callable, Sequence

from textual.message import Message

from reader.corrections.edits import Edit, give_speaker, not_a_statement, not_an_actor, rename, set_kind
from reader.corrections.file import CorrectionsError
from reader.errors import UserError
from reader.model import Quote
from reader.ui.binding_ids import shown_key

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from reader.archive.service import Archive

ACTOR_CHOICES = (
    ("r", "rename", "Rename…"),
    ("m", "merge", "Merge into another actor…"),
    ("k", "kind", "Change kind…"),
    ("x", "not_actor", "Not an actor"),
)
QUOTE_CHOICES = (
    ("s", "speaker", "Give it another speaker…"),
    ("x", "not_statement", "Not a statement"),
)
KIND_CHOICES = (("p", "person", "Person"), ("o", "organisation", "Organisation"), ("l", "place", "Place"))


class Corrector:
    """One per app session: the corrections made here, newest last, for undo."""

    def __init__(self, host: DOMNode, archive: Archive, changed: Callable[[], None]) -> None:
        self.host = host  # the screen that owns it (its app asks and tells)
        self.archive = archive
        self.changed = changed  # a correction was written: show it in the article on screen
        self.history: list[Edit] = []
        self.done_at: list[float] = []  # when each edit in `history` was made (z undoes the newest thing done)
        self._shown = archive.corrections.get()  # what the article on screen reflects

    def edited_elsewhere(self) -> bool:
        """The file changed since the article on screen was shown (a hand edit, another
        instance): it should be shown again."""
        current = self.archive.corrections.get()
        if current is self._shown:
            return False
        self._shown = current
        return True

    # ------------------------------------------------------------ asking

    def correct_actor(self, name: str, kind: str, names_here: Sequence[str] = ()) -> None:
        from reader.ui.screens.choice_menu import ChoiceMenu

        def chosen(choice: str | None) -> None:
            if choice == "rename":
                self._ask_rename(name)
            elif choice == "merge":
                self._ask_merge(name, names_here)
            elif choice == "kind":
                self._ask_kind(name, kind)
            elif choice == "not_actor":
                self.apply(not_an_actor(name))

        self.host.app.push_screen(ChoiceMenu("Correct actor", f"{name} ({kind})", ACTOR_CHOICES), chosen)

    def correct_quote(self, article_id: str, quote: Quote, names_here: Sequence[str] = (), who: str | None = None) -> None:
        """`who`: who said it as the panel shows it (a speaker described, not named), else its speaker."""
        from reader.present.citation import excerpt
        from reader.ui.screens.choice_menu import ChoiceMenu

        def chosen(choice: str | None) -> None:
            if choice == "speaker":
                self._ask_speaker(article_id, quote, names_here)
            elif choice == "not_statement":
                self.apply(not_a_statement(article_id, quote))

        who = who or quote.speaker
        said = f"{who}: " if who else ""
        self.host.app.push_screen(ChoiceMenu("Correct quote", said + excerpt(quote, 80), QUOTE_CHOICES), chosen)

    def _ask_rename(self, name: str) -> None:
        from reader.ui.screens.name_prompt import NamePrompt

        def named(new_name: str | None) -> None:
            if new_name and new_name != name:
                self.apply(rename(name, new_name))

        self.host.app.push_screen(NamePrompt("Rename actor", f"The right name for {name}", name), named)

    def _ask_merge(self, name: str, names_here: Sequence[str]) -> None:
        from reader.ui.screens.actor_picker import ActorPicker

        def picked(target: str | None) -> None:
            if target and target != name:
                self.apply(rename(name, target, merge=True))

        picker = ActorPicker("Merge actor", f"Merge {name} into", names_here, self._archive_names, leave_out=name)
        self.host.app.push_screen(picker, picked)

    def _ask_kind(self, name: str, kind: str) -> None:
        from reader.ui.screens.choice_menu import ChoiceMenu

        def chosen(new_kind: str | None) -> None:
            if new_kind and new_kind != kind:
                self.apply(set_kind(name, new_kind))

        self.host.app.push_screen(ChoiceMenu("Change kind", f"{name} is a", KIND_CHOICES), chosen)

    def _ask_speaker(self, article_id: str, quote: Quote, names_here: Sequence[str]) -> None:
        from reader.ui.screens.actor_picker import ActorPicker

        def picked(speaker: str | None) -> None:
            if speaker and speaker != quote.speaker:
                self.apply(give_speaker(article_id, quote, speaker))

        picker = ActorPicker(
            "Give the quote a speaker", "Who said it?", names_here, self._archive_names,
            allow_new=True, leave_out=quote.speaker,
        )
        self.host.app.push_screen(picker, picked)

    def _archive_names(self) -> list[str]:
        """Every actor of the archive, most quoted first (in a worker: it asks the index)."""
        return [actor.name for actor in sorted(self.archive.actors(), key=lambda a: (-a.quotes, -a.articles, a.name))]

    # ------------------------------------------------------------ writing

    def apply(self, edit: Edit) -> bool:
        """Write one correction; False (and the reason shown) if the file refused it."""
        try:
            self.archive.corrections.save(edit)
        except CorrectionsError as error:
            self.host.app.notify(str(error), title="Not corrected", severity="error", timeout=10)
            return False
        self.history.append(edit)
        self.done_at.append(time.monotonic())
        undo = shown_key(self.host.app, "newsreader.undo", "z")
        self.host.app.notify(f"{edit.label} · {undo}: undo", title="Corrected", timeout=5)
        self._shown = self.archive.corrections.get()
        self._written()
        return True

    def undo(self) -> None:
        if not self.history:
            self.host.app.notify("No correction to undo", timeout=3)
            return
        edit = self.history[-1]
        try:
            self.archive.corrections.save(edit.undo)
        except CorrectionsError as error:
            self.host.app.notify(str(error), title="Not undone", severity="error", timeout=10)
            return
        self.history.pop()
        self.done_at.pop()
        self.host.app.notify(edit.label, title="Undone", timeout=4)
        self._shown = self.archive.corrections.get()
        self._written()

    def _written(self) -> None:
        """The article on screen shows the correction now, the index soon."""
        self.changed()
        self.host.run_worker(
            partial(apply_in_index, self.archive, self.host.post_message),
            thread=True, exit_on_error=False, group="corrections",
        )

    def applied(self) -> None:
        """The index has the corrections: an actors view or a timeline of quotes open
        (under a menu) lists them."""
        from reader.ui.screens.actors import ActorsScreen
        from reader.ui.screens.quote_timeline import QuoteTimelineScreen

        for screen in self.host.app.screen_stack:
            if isinstance(screen, (ActorsScreen, QuoteTimelineScreen)):
                screen.reload()


class CorrectionsApplied(Message):
    """The index reflects the corrections file now (lists and counts may have changed)."""


def apply_in_index(archive: Archive, post: Callable[[Message], object]) -> None:
    """In a worker: bring the index's actors and quotes in step with the file now, rather
    than when the store's follower notices it changed."""
    from reader.corrections import CORRECTIONS_FILE

    if not archive.has_index:
        post(CorrectionsApplied())  # a plain scan lists no actors; articles are corrected as read
        return
    try:
        archive.sync_paths([CORRECTIONS_FILE])
    except (UserError, sqlite3.Error, OSError):
        pass  # the index is busy or failing: the follower applies them when it can
    post(CorrectionsApplied())
