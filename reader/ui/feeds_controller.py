"""The reading screen's feeds: R fetches them (`FeedStatus` runs it), the sidebar lists
them as folders (`FeedFolderList`), choosing one narrows the list to its articles, and a
feed that failed is listed under `!` until it next succeeds.

Failures are remembered across runs by `reader.feeds.failures` (the fetch records them).
`FeedsController` owns the two widgets and that state; it knows nothing of the screen,
which hands it what it needs and acts on what it answers (its hooks into listing are
single calls: `narrow` in `_relist`, `count` and `note` in `_update_counts`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Mapping, Protocol, Sequence

from reader.present.rows import Listed
from reader.text import clean_line
from reader.ui.feed_messages import FeedsFetched
from reader.ui.widgets.feed_folders import FeedCounter, FeedFolderList, feed_prefix
from reader.ui.widgets.feed_status import FeedStatus

if TYPE_CHECKING:
    from pathlib import Path

    from textual.notifications import SeverityLevel

    from reader.feeds.run import FeedResult
    from reader.feeds.settings import FeedEntry

HOW_TO_ADD = "No feeds yet: add one with `newsreader feed add URL` (or under feeds: in the config file), then press R"


class Notify(Protocol):
    def __call__(
        self, message: str, *, title: str = "", severity: SeverityLevel = "information", timeout: float | None = None
    ) -> None: ...


def configured_entries(feeds: Mapping[str, object] | None) -> tuple[list[FeedEntry], list[str]]:
    """The usable feeds of the config's `feeds:` mapping, and warnings about the others."""
    if not feeds:
        return [], []
    from reader.feeds.settings import feed_entries

    return feed_entries(dict(feeds))


def fetch_summary(results: Sequence[FeedResult]) -> str:
    """'Fetched 3 feeds: 5 new articles, 1 updated · 1 failed (press !)'."""
    added = sum(len(result.added) for result in results)
    updated = sum(len(result.updated) for result in results)
    failed = sum(result.failed for result in results)
    news = [f"{added:,} new article{'s' if added != 1 else ''}" if added else "no new articles"]
    if updated:
        news.append(f"{updated:,} updated")
    text = f"Fetched {len(results)} feed{'s' if len(results) != 1 else ''}: {', '.join(news)}"
    if failed:
        text += f" · {failed} failed (press !)"
    return text


def feed_failure_lines(failures: Mapping[str, str]) -> list[str]:
    """One line per failed feed for the problems view: 'name (url: reason)', cleaned."""
    return [clean_line(f"{name} ({reason})") for name, reason in sorted(failures.items())]


class FeedsController:
    """The feeds' widgets (`folders`, `status`), the feed listed (`scope`) and the feeds
    whose last fetch failed (`failures`: name -> "url: reason")."""

    def __init__(self, store: Path, feeds: Mapping[str, object] | None, fetch_every: int | None, notify: Notify) -> None:
        self.scope: FeedEntry | None = None
        self.failures: dict[str, str] = {}
        self.folders = FeedFolderList(id="feed-folders")
        self.status = FeedStatus(store, every=fetch_every, id="feed-status")
        self._store = store
        self._notify = notify
        self._counter = FeedCounter()
        self._entries, self._warnings = configured_entries(feeds)

    @property
    def configured(self) -> int:
        """How many feeds the config names."""
        return len(self._entries)

    def show(self) -> None:
        """On mount: the configured feeds, counted once the archive is listed, and the
        ones that failed at their last fetch (here or by `newsreader fetch`)."""
        entries = self._entries
        if entries:
            from reader.feeds.failures import last_failures

            failed = last_failures(self._store, [entry.url for entry in entries])
            self.failures = {entry.name: f"{entry.url}: {failed[entry.url]}" for entry in entries if entry.url in failed}
        self.folders.show(entries, failed=self.failures)
        for warning in self._warnings:
            self._notify(f"config: {warning}", severity="warning", timeout=8)

    def fetch_now(self) -> None:
        status = self.status
        if not status.fetch_now():
            self._notify(f"Already fetching feeds ({status.done}/{status.total})", timeout=3)

    def fetched(self, message: FeedsFetched) -> bool:
        """A fetch ended: folders and failures as it found them, the reader told what it
        brought. True if the feed listed is no longer configured (the screen leaves it)."""
        notify = self._notify
        asked = self.status.asked
        if message.error:
            notify(message.error, title="Feeds not fetched", severity="error", timeout=10)
            return False
        for warning in message.warnings:
            if asked:
                notify(f"config: {warning}", severity="warning", timeout=8)
        if not message.entries:
            self.folders.show([])
            if asked:
                notify(HOW_TO_ADD, timeout=8)
            return False
        names = {entry.name for entry in message.entries}
        failures = {name: reason for name, reason in self.failures.items() if name in names}
        for result in message.results:
            if result.failed:
                failures[result.name] = f"{result.url}: {result.error}"
            elif result.status in ("ok", "not modified"):
                failures.pop(result.name, None)
        self.failures = failures
        self.folders.show(message.entries, failed=failures)
        added = sum(len(result.added) for result in message.results)
        if asked or added:
            failed = any(result.failed for result in message.results)
            notify(fetch_summary(message.results), severity="warning" if failed else "information", timeout=6)
        return self.scope is not None and self.scope.slug not in self.folders.entries

    def failure_lines(self) -> list[str]:
        return feed_failure_lines(self.failures)

    # ---------------------------------------------------------------- folders

    def choose(self, entry: FeedEntry) -> None:
        self.scope = entry
        self.folders.show(chosen=entry.slug)

    def leave(self) -> bool:
        """Back from a feed to every article; False if no feed was chosen."""
        if self.scope is None:
            return False
        self.scope = None
        self.folders.show(chosen=None)
        return True

    def narrow(self, articles: Sequence[Listed]) -> Sequence[Listed]:
        if self.scope is None:
            return articles
        prefix = feed_prefix(self.scope.slug)
        return [article for article in articles if article.id.startswith(prefix)]

    def note(self) -> str | None:
        """For the sidebar's subtitle: the feed listed, if one is."""
        return f"feed {clean_line(self.scope.name)}" if self.scope is not None else None

    def count(self, articles: Sequence[Listed], read_ids: Callable[[], frozenset[str]]) -> None:
        if self.folders.entries:
            self.folders.show(counts=self._counter.counts(articles, read_ids()))
