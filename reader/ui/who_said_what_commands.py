"""Command palette entries for who said what: toggle the panel, jump to an actor of
the article on screen."""

from __future__ import annotations

from functools import partial
from typing import Callable

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.css.query import NoMatches

from reader.ui.widgets.article_view import ArticleView

TOGGLE = ("Toggle who said what", "The article's actors and quotes, beside the text")
JUMP = "Jump to actor: "


class WhoSaidWhatCommands(Provider):
    def _view(self) -> ArticleView | None:
        try:
            return self.screen.query_one(ArticleView)
        except NoMatches:
            return None

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        view = self._view()
        if view is None:
            return []
        commands: list[tuple[str, Callable[[], object], str]] = [(TOGGLE[0], view.toggle_panel, TOGGLE[1])]
        view.update_panel()
        for actor in view.panel.actors:
            counts = f"{actor.mentions} mention{'s' if actor.mentions != 1 else ''}"
            commands.append((JUMP + actor.name, partial(view.jump_to_actor, actor.name), f"{actor.kind}, {counts}"))
        return commands

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
