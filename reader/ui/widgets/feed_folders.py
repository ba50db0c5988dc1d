"""Feeds as folders in the sidebar, under the saved searches: "▸ tidewater · 3 unread",
grouped by their `folder:` setting ("▸ Weather › bay · all read").

A feed's articles are the store's `feeds/<slug>/` folder (`reader.feeds.settings`), so
its counts come from the article ids, with no query. A feed whose last fetch failed is
marked ⚠ instead of ▸ (its reason is under `!`); the feed listed now is in bold.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Literal, Mapping, Sequence

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.present.rows import Listed
from reader.text import clean_line
from reader.ui.widgets.folder_list import FolderList, unread_count

if TYPE_CHECKING:
    from reader.feeds.settings import FeedEntry

MARK = "▸"
FEEDS_PREFIX = "feeds/"


def feed_prefix(slug: str) -> str:
    return f"{FEEDS_PREFIX}{slug}/"


def feed_articles(articles: Iterable[Listed]) -> dict[str, list[str]]:
    """The ids of the articles of each feed folder, by slug."""
    groups: dict[str, list[str]] = {}
    start = len(FEEDS_PREFIX)
    for article_id in [article.id for article in articles]:
        if article_id.startswith(FEEDS_PREFIX) and (end := article_id.find("/", start)) > start:
            groups.setdefault(article_id[start:end], []).append(article_id)
    return groups


class FeedCounter:
    """(unread, all) articles per feed; the grouping is redone only when the list is new
    (marking one article read recounts the feeds, not the whole archive's ids)."""

    def __init__(self) -> None:
        self._articles: object = None
        self._groups: dict[str, list[str]] = {}

    def counts(self, articles: Sequence[Listed], read_ids: frozenset[str]) -> dict[str, tuple[int, int]]:
        if articles is not self._articles:
            self._articles, self._groups = articles, feed_articles(articles)
        return {slug: (len(ids) - len(read_ids.intersection(ids)), len(ids)) for slug, ids in self._groups.items()}


def feed_label(
    name: str, count: tuple[int, int] | None, failed: bool = False, chosen: bool = False, folder: str | None = None
) -> Content:
    """`count` is (unread, all), or None before the archive is listed: the name alone.
    A feed's `folder:` (config, OPML) comes before its name: "▸ Weather › bay"."""
    mark = ("⚠ ", "$text-warning") if failed else (f"{MARK} ", "$text-accent")
    shown_name = (clean_line(name), "bold underline" if chosen else "")
    in_folder = (f"{clean_line(folder)} › ", "$text-muted") if folder else ""
    if count is None:
        return Content.assemble(mark, in_folder, shown_name)
    return Content.assemble(mark, in_folder, shown_name, " · ", unread_count(*count))


class FeedFolderList(FolderList):
    """Choosing a feed posts `Chosen`. Reached from the article list with k above its
    first article; k above the first feed posts `AboveFirst` (to the saved searches),
    j below the last (or Esc) posts `Left` (back to the articles)."""

    DEFAULT_CSS = """
    FeedFolderList > .option-list--option {
        padding: 0 1;
    }
    """

    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False, id="newsreader.feed_down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="newsreader.feed_up"),
        Binding("g,home", "first", "First", show=False, id="newsreader.feed_first"),
        Binding("G,end", "last", "Last", show=False, id="newsreader.feed_last"),
        Binding("enter", "select", "Open feed", tooltip="List this feed's articles", id="newsreader.feed_open"),
        Binding("escape", "leave", "Articles", show=False, tooltip="Back to the articles", id="newsreader.feed_leave"),
    ]

    class Chosen(Message):
        def __init__(self, entry: FeedEntry) -> None:
            super().__init__()
            self.entry = entry

    class Left(Message):
        """Down past the last feed, or Esc: back to the articles."""

    class AboveFirst(Message):
        """Up past the first feed."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: dict[str, FeedEntry] = {}  # by slug
        self.counts: dict[str, tuple[int, int]] | None = None  # None: not counted yet
        self.failed: set[str] = set()  # feed names
        self.chosen: str | None = None  # the slug of the feed listed now

    def show(
        self,
        entries: Sequence[FeedEntry] | None = None,
        *,
        counts: Mapping[str, tuple[int, int]] | None = None,
        failed: Iterable[str] | None = None,
        chosen: str | None | Literal[False] = False,
    ) -> None:
        """Show the feeds again with what changed (the others stay as they were;
        `chosen` is a slug, None for no feed, False for unchanged)."""
        if entries is not None:
            self.entries = {entry.slug: entry for entry in entries}
        if counts is not None:
            self.counts = dict(counts)
        if failed is not None:
            self.failed = set(failed)
        if chosen is not False:
            self.chosen = chosen
        self.replace_options(
            Option(
                feed_label(
                    entry.name,
                    None if self.counts is None else self.counts.get(slug, (0, 0)),
                    entry.name in self.failed,
                    slug == self.chosen,
                    entry.folder,
                ),
                id=slug,
            )
            # Feeds with no folder first, then each folder's feeds together.
            for slug, entry in sorted(
                self.entries.items(), key=lambda item: ((item[1].folder or "").casefold(), item[1].name.casefold())
            )
        )
        self.display = bool(self.entries)

    def enter_from_above(self) -> None:
        if self.option_count:
            self.highlighted = 0
            self.screen.set_focus(self)

    def left(self, down: bool) -> Message:
        return self.Left()

    def above_first(self) -> Message | None:
        return self.AboveFirst()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        slug = event.option.id
        if slug is not None and slug in self.entries:
            self.post_message(self.Chosen(self.entries[slug]))
