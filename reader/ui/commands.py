"""The command palette (ctrl+p): open any article by title, and the app's own commands.

Theme switching comes from Textual's built-in system commands.
"""

from __future__ import annotations

import asyncio
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.markup import escape

from reader.text import clean_line

if TYPE_CHECKING:
    from reader.ui.app import NewsreaderApp

PREFIX = "Open article: "
MAX_DISCOVERY = 30
YIELD_EVERY = 2000  # let the palette redraw while searching a large store


def highlighted(matcher: Matcher, text: str) -> Content:
    """`Matcher.highlight` without its markup parsing: titles and names come
    from files, and `[` in them must show as it is (and never raise)."""
    content = Content(text)
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    if score:
        for offset in offsets:
            if not text[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class ArticleCommands(Provider):
    @property
    def _app(self) -> NewsreaderApp:
        return cast("NewsreaderApp", self.app)

    async def discover(self) -> Hits:
        for article in self._app.all_articles[:MAX_DISCOVERY]:
            yield DiscoveryHit(Content(PREFIX + article.title), partial(self._app.open_article, article.id), text=PREFIX + article.title)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for count, article in enumerate(self._app.all_articles):
            if count % YIELD_EVERY == YIELD_EVERY - 1:
                await asyncio.sleep(0)
            text = PREFIX + article.title
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, highlighted(matcher, text), partial(self._app.open_article, article.id), text=text)


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
                yield Hit(score, highlighted(matcher, name), partial(self.app.run_action, action), text=name, help=help_text)

    async def discover(self) -> Hits:
        for name, action, help_text in self.COMMANDS:
            yield DiscoveryHit(name, partial(self.app.run_action, action), help=help_text)


class SavedSearchCommands(Provider):
    """"Saved search: <name>" for each saved search."""

    def _searches(self) -> dict[str, str]:
        # Names and queries come from the config file: shown, never interpreted.
        return {clean_line(name): clean_line(query) for name, query in getattr(self.app, "saved_searches", {}).items()}

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, saved in self._searches().items():
            text = f"Saved search: {name}"
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, highlighted(matcher, text), partial(self._run, name), text=text, help=escape(saved))

    async def discover(self) -> Hits:
        for name, saved in self._searches().items():
            text = f"Saved search: {name}"
            yield DiscoveryHit(Content(text), partial(self._run, name), text=text, help=escape(saved))

    def _run(self, name: str) -> None:
        cast("NewsreaderApp", self.app).run_saved_search(name)
