"""The reading screen's command palette (ctrl+p): open any article by title, run a
saved search, and the screen's own commands. Theme switching comes from Textual's
built-in system commands.
"""

from __future__ import annotations

import asyncio
from functools import partial
from typing import Protocol, Sequence, cast

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.markup import escape

from reader.present.rows import Listed, day_label
from reader.text import clean_line

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


def article_help(article: Listed) -> str:
    """`Mon 12 Jul 2021 · Island Post · VESTERØY` under the title: articles of one title
    (a story fetched twice, or filed by two agencies) told apart. Markup-escaped."""
    parts = (day_label(article.date), clean_line(article.source or ""), clean_line(article.dateline or ""))
    return escape(" · ".join(part for part in parts if part))


class Reading(Protocol):
    """What the palette needs of the screen it was opened over (the reading screen)."""

    all_articles: Sequence[Listed]
    saved_searches: dict[str, str]

    def open_article(self, article_id: str) -> None: ...
    def run_saved_search(self, name: str) -> None: ...


def reading(provider: Provider) -> Reading:
    return cast(Reading, provider.screen)


class ArticleCommands(Provider):
    async def discover(self) -> Hits:
        screen = reading(self)
        for article in screen.all_articles[:MAX_DISCOVERY]:
            yield DiscoveryHit(
                Content(PREFIX + article.title), partial(screen.open_article, article.id),
                text=PREFIX + article.title, help=article_help(article),
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        screen = reading(self)
        for count, article in enumerate(screen.all_articles):
            if count % YIELD_EVERY == YIELD_EVERY - 1:
                await asyncio.sleep(0)
            text = PREFIX + article.title
            score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score, highlighted(matcher, text), partial(screen.open_article, article.id),
                    text=text, help=article_help(article),
                )


class NewsreaderCommands(Provider):
    COMMANDS = (
        ("Toggle sidebar", "toggle_sidebar", "Show or hide the list of articles"),
        ("Toggle unread only", "unread_only", "List only the articles not yet read"),
        ("Mark all read", "mark_all_read", "Every article listed (in a search, its results); z puts them back"),
        ("Find in the article…", "find", "Mark a word or phrase in the article; n N step through it"),
        ("Wider list", "sidebar_width(1)", "Widen the list of articles (> on the keyboard)"),
        ("Narrower list", "sidebar_width(-1)", "Narrow the list of articles (< on the keyboard)"),
        ("Search…", "search", 'Search the archive: words, actor:"…", said:"…", source:, from:, to:'),
        ("Actors", "actors", "Every actor in the archive, with counts and weekly activity"),
        ("Save search", "save_search", "Save the current search as a folder in the sidebar"),
        ("Show unreadable files", "show_problems", "Files the store could not read, with reasons"),
        ("Fetch feeds", "fetch_feeds", "Fetch the feeds in the config now, in the background (R)"),
        ("Keys", "app.help", "Every key binding"),
    )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, action, help_text in self.COMMANDS:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, highlighted(matcher, name), partial(self.app.run_action, action, self.screen), text=name, help=help_text)

    async def discover(self) -> Hits:
        for name, action, help_text in self.COMMANDS:
            yield DiscoveryHit(name, partial(self.app.run_action, action, self.screen), help=help_text)


class SavedSearchCommands(Provider):
    """"Saved search: <name>" for each saved search."""

    def _searches(self) -> dict[str, str]:
        # Names and queries come from the config file: shown, never interpreted.
        return {clean_line(name): clean_line(query) for name, query in reading(self).saved_searches.items()}

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
        reading(self).run_saved_search(name)
