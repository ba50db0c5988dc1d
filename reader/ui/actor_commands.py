"""Command palette: "Jump to actor: …" for every actor of the archive. An actor of the
article on screen is marked there (as the panel's own entries do, which come first);
any other lists the articles that mention them, as Enter in the actors view does.
"Undo last correction" is here too."""

from __future__ import annotations

import asyncio
import sqlite3
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from reader.errors import UserError
from reader.ui.commands import highlighted
from reader.ui.who_said_what_commands import JUMP

if TYPE_CHECKING:
    from reader.index import ActorStats

UNDO = ("Undo last correction", "Put back what the last correction made in this session changed")
YIELD_EVERY = 2000


class ArchiveActorCommands(Provider):
    async def startup(self) -> None:
        self._actors: list[ActorStats] = []
        archive = getattr(self.screen, "archive", None)
        if archive is not None and archive.has_index:
            try:
                # The index answers in a thread: the palette opens at once meanwhile.
                self._actors = await asyncio.to_thread(archive.actors)
            except (UserError, sqlite3.Error, OSError):  # none to offer; the palette's other entries stay
                self._actors = []

    def _here(self) -> set[str]:
        from reader.ui.widgets.article_view import ArticleView

        views = self.screen.query(ArticleView)
        return {actor.name for view in views for actor in view.panel.actors}

    def _jump(self, name: str) -> None:
        from reader.ui.reading_screen import actor_query

        self.screen.run_query(actor_query(name))  # type: ignore[attr-defined]

    def _undo(self) -> None:
        self.screen.corrector.undo()  # type: ignore[attr-defined]

    async def discover(self) -> Hits:
        if hasattr(self.screen, "corrector"):
            yield DiscoveryHit(UNDO[0], self._undo, help=UNDO[1])

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        if hasattr(self.screen, "corrector") and (score := matcher.match(UNDO[0])) > 0:
            yield Hit(score, highlighted(matcher, UNDO[0]), self._undo, text=UNDO[0], help=UNDO[1])
        here = self._here()
        for count, actor in enumerate(getattr(self, "_actors", [])):
            if count % YIELD_EVERY == YIELD_EVERY - 1:
                await asyncio.sleep(0)
            if actor.name in here:
                continue  # the article's own entry marks it where it is
            text = JUMP + actor.name
            score = matcher.match(text)
            if score > 0:
                counts = f"{actor.kind}, {actor.articles} article{'s' if actor.articles != 1 else ''}: list them"
                yield Hit(score, highlighted(matcher, text), partial(self._jump, actor.name), text=text, help=counts)
