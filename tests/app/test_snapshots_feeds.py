"""The sidebar with feed folders, pinned at two sizes: unread counts, a feed that failed
(⚠, and counted in the line under the list), and the list narrowed to one feed.

The feed articles are fixture files (tests/snapshot_apps/feed_store, invented text);
nothing is fetched. Update with `--snapshot-update` and look at the SVGs before committing.
"""

from __future__ import annotations

import shutil

import pytest

from reader.config import Config
from reader.feeds.run import FeedResult
from reader.feeds.settings import feed_entries
from reader.state import ReadingState
from reader.ui.feed_messages import FeedsFetched

from snapshot_apps.harness import FIXTURE_STORE, build_app, settle

FEED_STORE = FIXTURE_STORE.parent / "feed_store"
FEEDS = {
    "tidewater-post": "https://example.org/rss.xml",
    "bay-weather": "https://example.org/atom.xml",
    "quay-notes": "https://example.org/feed.json",
    "harbour-radio": "https://example.org/radio.xml",
}


def feed_app(tmp_path):
    store = tmp_path / "store"
    shutil.copytree(FIXTURE_STORE, store)
    shutil.copytree(FEED_STORE / "feeds", store / "feeds")
    state = ReadingState(tmp_path / "state.yaml")
    state.set_read("feeds/bay-weather/2026-11-28-fog-over-the-bay-909c326e76.yaml", True)
    state.set_read("feeds/quay-notes/2026-11-26-market-day-moved-bee98bf120.yaml", True)
    state.set_read("feeds/quay-notes/2026-11-27-new-crane-arrives-c75de8c1b7.yaml", True)
    state.save()
    return build_app(store, tmp_path / "state.yaml", config=Config(feeds=FEEDS))


async def with_a_failed_feed(pilot) -> None:
    await settle(pilot)
    entries, _ = feed_entries(FEEDS)
    failed = FeedResult("harbour-radio", FEEDS["harbour-radio"], status="failed", error="HTTP 404 Not Found")
    pilot.app.reading.post_message(FeedsFetched(entries, [failed]))
    await settle(pilot)
    pilot.app.clear_notifications()
    await pilot.pause()


async def in_one_feed(pilot) -> None:
    await with_a_failed_feed(pilot)
    pilot.app.reading.feed_folders.focus()
    await pilot.press("j", "j", "j", "enter")  # tidewater-post
    await settle(pilot)
    pilot.app.clear_notifications()
    await pilot.pause()


@pytest.mark.parametrize("size", [(120, 34), (80, 24)], ids=["120x34", "80x24"])
def test_sidebar_with_feed_folders(snap_compare, tmp_path, size):
    assert snap_compare(feed_app(tmp_path), terminal_size=size, run_before=with_a_failed_feed)


@pytest.mark.parametrize("size", [(120, 34), (80, 24)], ids=["120x34", "80x24"])
def test_list_narrowed_to_one_feed(snap_compare, tmp_path, size):
    assert snap_compare(feed_app(tmp_path), terminal_size=size, run_before=in_one_feed)
