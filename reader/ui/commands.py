"""The command palette (ctrl+p): open any article by title, and the app's own commands.

Theme switching comes from Textual's built-in system commands.
"""

from __future__ import annotations

import asyncio
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from reader.ui.app import NewsreaderApp

PREFIX = "Open article: "
MAX_DISCOVERY = 30
YIELD_EVERY = 2000  # let the palette redraw while searching a large store


class ArticleCommands(Provider):
    @property
    def _app(self) -> NewsreaderApp:
        return cast("NewsreaderApp", self.app)

    async def discover(self) -> Hits:
        for article in self._app.all_articles[:MAX_DISCOVERY]:
            yield DiscoveryHit(PREFIX + article.title, partial(self._app.open_article, article.id))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for count, article in enumerate(self._app.all_articles):
            if count % YIELD_EVERY == YIELD_EVERY - 1:
                await asyncio.sleep(0)
            text = PREFIX + article.title
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(self._app.open_article, article.id))


class NewsreaderCommands(Provider):
    COMMANDS = (
        ("Toggle sidebar", "toggle_sidebar", "Show or hide the list of articles"),
        ("Toggle unread only", "unread_only", "List only the articles not yet read"),
        ("Search…", "filter", 'Search the archive: words, actor:"…", said:"…", source:, from:, to:'),
        ("Actors", "actors", "Every actor in the archive, with counts and weekly activity"),
        ("Save search", "save_search", "Save the current search as a folder in the sidebar"),
        ("Show unreadable files", "show_problems", "Files the store could not read, with reasons"),
        ("Keys", "help", "Every key binding"),
    )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, action, help_text in self.COMMANDS:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self.app.run_action, action), help=help_text)

    async def discover(self) -> Hits:
        for name, action, help_text in self.COMMANDS:
            yield DiscoveryHit(name, partial(self.app.run_action, action), help=help_text)


class SavedSearchCommands(Provider):
    """"Saved search: <name>" for each saved search."""

    def _searches(self) -> dict[str, str]:
        return dict(getattr(self.app, "saved_searches", {}))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, saved in self._searches().items():
            text = f"Saved search: {name}"
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(self._run, name), help=saved)

    async def discover(self) -> Hits:
        for name, saved in self._searches().items():
            yield DiscoveryHit(f"Saved search: {name}", partial(self._run, name), help=saved)

    def _run(self, name: str) -> None:
        cast("NewsreaderApp", self.app).run_saved_search(name)
