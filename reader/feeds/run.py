"""Fetch feeds concurrently into the store: the one call the `fetch` command and the app make.

    results = fetch_feeds(entries, store_root, progress=callback, cancel=event)
    results, warnings = fetch_configured(store_root, progress=callback, cancel=event)

Feeds download in a pool of (daemon) threads and their pages in a second pool (so a feed waiting
for its pages never starves them), with at most `Limits.per_host` requests to any one host
at a time. A failing or slow feed fails alone. Cancelling returns at once (feeds not
finished are reported as cancelled); a download blocked on a silent server ends in its
thread at the timeout, writing nothing. `progress` is called with a
`FeedProgress` after each step, one call at a time (from worker threads: a UI must hand it
over to its own thread), never after `fetch_feeds` has returned. Articles already written
when a run is cancelled stay.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import CancelledError, Future, wait
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from reader.feeds.download import Cancelled, Fetcher, FetchError, Limits
from reader.feeds.pool import DaemonPool
from reader.feeds.settings import FEEDS_FOLDER, FeedEntry

if TYPE_CHECKING:
    from reader.feeds.validators import Validators

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"


@dataclass
class FeedResult:
    name: str
    url: str
    status: str = "pending"  # "ok", "not modified", "failed", "cancelled"
    store_folder: str = ""  # where its articles go, relative to the store: feeds/<slug>
    title: str | None = None
    added: list[str] = field(default_factory=list)  # store-relative paths
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    full_text: int = 0  # articles whose text came from their page
    summary_only: int = 0  # articles that wanted their page and kept the summary
    duplicates: int = 0  # items repeating an earlier item's guid
    error: str | None = None  # why it failed
    warnings: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return self.status == "failed"

    def as_json(self) -> dict:
        return {
            "name": self.name,
            "url": self.url,
            "status": self.status,
            "store_folder": self.store_folder,
            "title": self.title,
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "full_text": self.full_text,
            "summary_only": self.summary_only,
            "duplicates": self.duplicates,
            "error": self.error,
            "warnings": self.warnings,
        }


@dataclass(frozen=True)
class FeedProgress:
    name: str
    stage: str  # "fetching", "reading", "done"
    items_done: int = 0
    items_total: int = 0
    feeds_done: int = 0
    feeds_total: int = 0
    result: FeedResult | None = None  # with stage "done"


Progress = Callable[[FeedProgress], None]


def fetch_feeds(
    entries: list[FeedEntry],
    store: Path,
    *,
    limits: Limits = Limits(),
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    validators_path: Path | None = None,
    failures_path: Path | None = None,
    today: date | None = None,
) -> list[FeedResult]:
    """Fetch every feed in `entries` into `store`; one FeedResult per entry, in order.
    Which feeds failed is remembered (`reader.feeds.failures`) for the app's `!`."""
    from reader.feeds.validators import Validators, default_path

    run = _Run(
        fetcher=Fetcher(limits, cancel),
        store=store,
        validators=Validators(validators_path or default_path()),
        progress=progress,
        today=today or date.today(),
        total=len(entries),
    )
    results = [FeedResult(entry.name, entry.url, store_folder=f"{FEEDS_FOLDER}/{entry.slug}") for entry in entries]
    pages = DaemonPool(limits.page_workers, "feed-page")
    feeds = DaemonPool(limits.feed_workers, "feed")
    run.pages = pages
    pending = {feeds.submit(run.feed, entry, result) for entry, result in zip(entries, results)}
    try:
        # A read blocked on a silent server cannot be interrupted, so on cancel the run
        # returns without it: its thread ends at its timeout, reporting and writing nothing.
        while pending and not run.fetcher.cancel.is_set():
            _, pending = wait(pending, timeout=0.1)
    finally:
        with run.lock:
            run.closed = True
        cancelled = bool(pending)
        feeds.shutdown(wait=not cancelled, cancel_futures=True)
        pages.shutdown(wait=not cancelled, cancel_futures=True)
    with run.lock:  # the results of unfinished feeds stay theirs; the caller gets copies
        results = [
            FeedResult(r.name, r.url, "cancelled", r.store_folder, error="cancelled") if r.status in ("pending", "cancelled") else r
            for r in results
        ]
    try:
        run.validators.save()
    except OSError:
        pass  # only costs a full download next time
    from reader.feeds.failures import record_failures

    record_failures(store, results, failures_path)
    return results


def fetch_configured(
    store: Path,
    names: list[str] | None = None,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    limits: Limits = Limits(),
) -> tuple[list[FeedResult], list[str]]:
    """`fetch_feeds` for the feeds in the user's config file (only `names`, if given):
    (results, warnings about the config's feed entries). Unknown names are warned about."""
    from reader.feeds.settings import configured_feeds

    _, entries, warnings = configured_feeds()
    if names is not None:
        wanted = set(names)
        warnings += [f"no feed named {name!r}" for name in names if name not in {e.name for e in entries}]
        entries = [entry for entry in entries if entry.name in wanted]
    return fetch_feeds(entries, store, limits=limits, progress=progress, cancel=cancel), warnings


@dataclass
class _Run:
    fetcher: Fetcher
    store: Path
    validators: Validators
    progress: Progress | None
    today: date
    total: int
    pages: DaemonPool | None = None
    done: int = 0
    closed: bool = False  # the run has returned: late threads report nothing
    lock: threading.Lock = field(default_factory=threading.Lock)

    def report(self, name: str, stage: str, items_done: int = 0, items_total: int = 0, result: FeedResult | None = None) -> None:
        with self.lock:
            if self.closed:
                return
            if stage == "done":
                self.done += 1
            if self.progress is not None:
                self.progress(FeedProgress(name, stage, items_done, items_total, self.done, self.total, result))

    def feed(self, entry: FeedEntry, result: FeedResult) -> None:
        try:
            self.report(entry.name, "fetching")
            self._fetch_into(entry, result)
        except (Cancelled, CancelledError):
            result.status, result.error = "cancelled", "cancelled"
        except FetchError as error:
            result.status, result.error = "failed", str(error)
        except Exception as error:  # a bug or an unforeseen input must not take the run down
            result.status, result.error = "failed", f"unexpected error: {type(error).__name__}: {error}"[:300]
        finally:
            self.report(entry.name, "done", result=result)

    def _fetch_into(self, entry: FeedEntry, result: FeedResult) -> None:
        from reader.feeds.articles import FeedFolder, item_digest, wants_page
        from reader.feeds.parse import FeedParseError, parse_feed

        folder = FeedFolder(self.store, entry)
        key = self.validators.key(self.store, entry.url)
        etag, modified = self.validators.get(key) if folder.folder.is_dir() else (None, None)
        response = self.fetcher.get(
            entry.url, max_bytes=self.fetcher.limits.max_feed_bytes, etag=etag, last_modified=modified, accept=FEED_ACCEPT
        )
        if response.status == 304:
            result.status = "not modified"
            return
        try:
            parsed = parse_feed(response.body, response.url, response.content_type)
        except FeedParseError as error:
            raise FetchError(str(error)) from None
        result.title, result.duplicates = parsed.title, parsed.duplicates
        if parsed.warning:
            result.warnings.append(parsed.warning)

        # Items the store already has as the feed now says them are left alone.
        todo = []
        for item in parsed.items:
            stored = folder.stored(item)
            if stored is not None and stored.digest == item_digest(entry, item):
                result.unchanged += 1
            else:
                todo.append((item, stored))
        total = len(todo)
        self.report(entry.name, "reading", 0, total)
        page_jobs: list[Future | None] = [
            self.pages.submit(self._page, item.url) if item.url and wants_page(entry, item) and self.pages else None
            for item, _ in todo
        ]
        try:
            for number, ((item, stored), job) in enumerate(zip(todo, page_jobs), start=1):
                page, problem = job.result() if job is not None else (None, None)
                if self.fetcher.cancel.is_set():
                    raise Cancelled()
                self._write(entry, parsed.title, item, stored, folder, page, problem, result)
                self.report(entry.name, "reading", number, total)
        finally:
            for job in page_jobs:
                if job is not None:
                    job.cancel()
        if self.fetcher.cancel.is_set():
            raise Cancelled()
        self.validators.remember(key, response.headers.get("etag"), response.headers.get("last-modified"))
        result.status = "ok"

    def _page(self, url: str):
        """(PageText, None) or (None, why the summary is kept); Cancelled propagates."""
        from reader.feeds.fulltext import extract_page

        limits = self.fetcher.limits
        try:
            response = self.fetcher.get(url, max_bytes=limits.max_page_bytes, accept=PAGE_ACCEPT)
        except Cancelled:
            raise
        except FetchError as error:
            return None, f"the page could not be fetched ({error})"
        if response.content_type and not any(kind in response.content_type.lower() for kind in ("html", "xml")):
            return None, f"the page is not HTML ({response.content_type.split(';')[0][:60]})"
        charset = _charset(response.content_type)
        try:
            page = extract_page(response.body, response.url, max_chars=limits.max_text_chars, charset=charset)
        except Exception as error:  # the extractor failing on one page costs that page only
            return None, f"the page's text could not be extracted ({type(error).__name__})"
        if page is None:
            return None, "no article text found on the page"
        return page, None

    def _write(self, entry, feed_title, item, stored, folder, page, problem, result: FeedResult) -> None:  # noqa: ANN001
        from reader.feeds.articles import article_document

        document = article_document(
            entry, feed_title, item, page=page, page_problem=problem, stored=stored, today=self.today
        )
        if document is None:
            result.warnings.append("an item with neither title nor text was skipped")
            return
        try:
            outcome, path = folder.write(item, document, stored)
        except OSError as error:
            raise FetchError(f"cannot write to the store: {error.strerror or error}") from None
        relative = path.relative_to(self.store).as_posix()
        if outcome == "added":
            result.added.append(relative)
        elif outcome == "updated":
            result.updated.append(relative)
        else:
            result.unchanged += 1
        if page is not None:
            result.full_text += 1
        elif problem:
            result.summary_only += 1


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None
