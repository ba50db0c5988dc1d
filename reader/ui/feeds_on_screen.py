"""The reading screen's feeds: R fetches them (`FeedStatus` runs it), the sidebar lists
them as folders (`FeedFolderList`), choosing one narrows the list to its articles, and a
feed that failed is listed under `!` until it next succeeds.

Failures are remembered across runs by `reader.feeds.failures` (the fetch records them).
A mixin of `ReadingScreen`, which keeps its hooks into listing to single calls:
`narrow_to_feed` in `_relist`, `count_feeds` in `_update_counts`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Mapping, Sequence

from textual.worker import Worker, WorkerState

from reader.present.rows import Listed
from reader.text import clean_line
from reader.ui.archive_messages import SyncDone
from reader.ui.feed_messages import FeedsFetched
from reader.ui.widgets.feed_folders import FeedCounter, FeedFolderList, feed_prefix
from reader.ui.widgets.feed_status import FeedStatus

if TYPE_CHECKING:
    from pathlib import Path

    from reader.feeds.run import FeedResult
    from reader.feeds.settings import FeedEntry

HOW_TO_ADD = "No feeds yet: add one with `newsreader feed add URL` (or under feeds: in the config file), then press R"


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


class FeedsOnScreen:
    """Mixed into ReadingScreen (whose attributes it uses: all_articles, keeper, notify…)."""

    feed_folders: FeedFolderList
    feed_status: FeedStatus
    feed_scope: FeedEntry | None
    feed_failures: dict[str, str]  # feed name -> "url: reason"

    def _make_feed_widgets(self, store: Path, feeds: Mapping[str, object] | None, fetch_every: int | None) -> None:
        self.feed_scope = None
        self.feed_failures = {}
        self._feed_store = store
        self.feed_folders = FeedFolderList(id="feed-folders")
        self._feed_counter = FeedCounter()
        self.feed_status = FeedStatus(store, every=fetch_every, id="feed-status")
        self._feed_entries, self._feed_warnings = configured_entries(feeds)

    def _show_feed_folders(self) -> None:
        """On mount: the configured feeds, counted once the archive is listed, and the
        ones that failed at their last fetch (here or by `newsreader fetch`)."""
        entries = self._feed_entries
        if entries:
            from reader.feeds.failures import last_failures

            failed = last_failures(self._feed_store, [entry.url for entry in entries])
            self._set_feed_failures({entry.name: f"{entry.url}: {failed[entry.url]}" for entry in entries if entry.url in failed})
        self.feed_folders.show(entries, failed=self.feed_failures)
        for warning in self._feed_warnings:
            self.notify(f"config: {warning}", severity="warning", timeout=8)  # type: ignore[attr-defined]

    # ---------------------------------------------------------------- fetching

    # Textual calls the handlers of every class in the MRO: these run after ReadingScreen's.
    def on_sync_done(self, message: SyncDone) -> None:
        self.feed_status.store_ready()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "archive" and event.state == WorkerState.ERROR:
            self.feed_status.store_ready()  # no store to follow: a fetch still writes its files

    def action_fetch_feeds(self) -> None:
        status = self.feed_status
        if not status.fetch_now():
            self.notify(f"Already fetching feeds ({status.done}/{status.total})", timeout=3)  # type: ignore[attr-defined]

    def on_feeds_fetched(self, message: FeedsFetched) -> None:
        notify = self.notify  # type: ignore[attr-defined]
        asked = self.feed_status.asked
        if message.error:
            notify(message.error, title="Feeds not fetched", severity="error", timeout=10)
            return
        for warning in message.warnings:
            if asked:
                notify(f"config: {warning}", severity="warning", timeout=8)
        if not message.entries:
            self.feed_folders.show([])
            if asked:
                notify(HOW_TO_ADD, timeout=8)
            return
        names = {entry.name for entry in message.entries}
        failures = {name: reason for name, reason in self.feed_failures.items() if name in names}
        for result in message.results:
            if result.failed:
                failures[result.name] = f"{result.url}: {result.error}"
            elif result.status in ("ok", "not modified"):
                failures.pop(result.name, None)
        self._set_feed_failures(failures)
        self.feed_folders.show(message.entries, failed=failures)
        if self.feed_scope is not None and self.feed_scope.slug not in self.feed_folders.entries:
            self.leave_feed()
        added = sum(len(result.added) for result in message.results)
        if asked or added:
            failed = any(result.failed for result in message.results)
            notify(fetch_summary(message.results), severity="warning" if failed else "information", timeout=6)

    def _set_feed_failures(self, failures: dict[str, str]) -> None:
        from reader.ui.widgets.problems_link import ProblemsLink

        self.feed_failures = failures
        self.query_one(ProblemsLink).show_feed_failures(self.feed_failure_lines())  # type: ignore[attr-defined]

    def feed_failure_lines(self) -> list[str]:
        return [clean_line(f"{name} ({reason})") for name, reason in sorted(self.feed_failures.items())]

    # ---------------------------------------------------------------- folders

    def on_feed_folder_list_chosen(self, message: FeedFolderList.Chosen) -> None:
        # A folder replaces the search (a search typed in the feed then searches the feed).
        if self.search is not None or self.search_input.value:  # type: ignore[attr-defined]
            self.end_search()  # type: ignore[attr-defined]
        self.feed_scope = message.entry
        self.feed_folders.show(chosen=message.entry.slug)
        self._relist(first=True)  # type: ignore[attr-defined]
        self.article_list.focus()  # type: ignore[attr-defined]

    def leave_feed(self, *, relist: bool = True) -> bool:
        """Back from a feed to every article; False if no feed was chosen."""
        if self.feed_scope is None:
            return False
        self.feed_scope = None
        self.feed_folders.show(chosen=None)
        if relist:
            self._relist()  # type: ignore[attr-defined]
        return True

    def narrow_to_feed(self, articles: Sequence[Listed]) -> Sequence[Listed]:
        if self.feed_scope is None:
            return articles
        prefix = feed_prefix(self.feed_scope.slug)
        return [article for article in articles if article.id.startswith(prefix)]

    def feed_note(self) -> str | None:
        """For the sidebar's subtitle: the feed listed, if one is."""
        return f"feed {clean_line(self.feed_scope.name)}" if self.feed_scope is not None else None

    def count_feeds(self) -> None:
        if self.feed_folders.entries:
            counts = self._feed_counter.counts(self.all_articles, self.keeper.read_ids())  # type: ignore[attr-defined]
            self.feed_folders.show(counts=counts)

    def on_feed_folder_list_left(self) -> None:
        self.set_focus(self.article_list)  # type: ignore[attr-defined]

    def on_feed_folder_list_above_first(self) -> None:
        if self.saved_list.display:  # type: ignore[attr-defined]
            self.saved_list.enter_from_below()  # type: ignore[attr-defined]
