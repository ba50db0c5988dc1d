"""The feeds that failed at their last fetch, remembered in the cache folder until a fetch
of them succeeds (so that the app's `!` lists failures of `newsreader fetch` too)."""

from __future__ import annotations

import threading

from feed_server import feed_server  # noqa: F401 - the fixture
from test_feeds_fetch import LIMITS, TODAY

from reader.feeds.failures import default_path, last_failures, record_failures
from reader.feeds.run import FeedResult, fetch_feeds
from reader.feeds.settings import FeedEntry


def run(server, store, *paths, cancel=None):
    entries = [FeedEntry(path.strip("/").replace(".", "-"), server.url(path)) for path in paths]
    return fetch_feeds(entries, store, limits=LIMITS, today=TODAY, cancel=cancel)


def test_a_failed_feed_is_remembered_until_it_succeeds(feed_server, tmp_path):
    store = tmp_path / "store"
    store.mkdir()
    run(feed_server, store, "/rss.xml", "/later.xml")
    urls = [feed_server.url("/rss.xml"), feed_server.url("/later.xml")]
    assert last_failures(store, urls) == {feed_server.url("/later.xml"): "HTTP 404 Not Found"}
    assert default_path().is_file()
    feed_server.routes["/later.xml"] = feed_server.routes["/atom.xml"]
    run(feed_server, store, "/later.xml")
    assert last_failures(store, urls) == {}


def test_failures_are_kept_per_store_and_a_cancelled_feed_leaves_its_entry(feed_server, tmp_path):
    store, other = tmp_path / "store", tmp_path / "other"
    store.mkdir()
    other.mkdir()
    url = feed_server.url("/later.xml")
    run(feed_server, store, "/later.xml")
    assert last_failures(other, [url]) == {}
    cancel = threading.Event()
    cancel.set()
    [result] = run(feed_server, store, "/later.xml", cancel=cancel)
    assert result.status == "cancelled"
    assert last_failures(store, [url]) == {url: "HTTP 404 Not Found"}


def test_a_damaged_file_is_an_empty_list_and_is_replaced(tmp_path):
    path = tmp_path / "failures.json"
    path.write_bytes(b"\x00not json[")
    assert last_failures(tmp_path, ["https://example.org/a"], path) == {}
    record_failures(tmp_path, [FeedResult("a", "https://example.org/a", "failed", error="x" * 5000)], path)
    assert last_failures(tmp_path, ["https://example.org/a"], path) == {"https://example.org/a": "x" * 300}


def test_an_unwritable_cache_costs_only_the_list(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    record_failures(tmp_path, [FeedResult("a", "https://example.org/a", "failed", error="x")], blocker / "failures.json")
