"""Feeds in the app, against a loopback feed server: R fetches in the background with
progress in the sidebar, feeds are folders with unread counts, a failed feed is listed
under `!` until it next succeeds, `fetch_every` fetches while the app runs, and nothing is
fetched unless asked. Every wait is on a condition or a message, never a fixed sleep."""

from __future__ import annotations

from feed_server import feed_server  # noqa: F401 - the fixture

from reader.config import load_config
from reader.feeds.download import Limits
from reader.feeds.settings import FeedEntry, add_feeds
from reader.ui.feed_messages import FeedsFetched, FeedsFetching
from reader.ui.widgets.problems_link import ProblemsLink

from snapshot_apps.harness import build_app, ids, pilot_test, settle
from waiting import wait_for

SIZE = (120, 34)
LIMITS = Limits(timeout=5, deadline=10, max_feed_bytes=500_000, max_page_bytes=500_000, feed_workers=4, page_workers=4)
PATIENT = Limits(**{**LIMITS.__dict__, "timeout": 120, "deadline": 120})


def configure(server, **paths: str):
    """Feeds named by keyword, added to the (test's own) config file; the Config read back."""
    add_feeds([FeedEntry(name, server.url(path)) for name, path in paths.items()])
    config, warnings = load_config()
    assert warnings == []
    return config


def start(store, state_file, config, limits: Limits = LIMITS):
    app = build_app(store, state_file, config=config)
    app.reading.feed_status.limits = limits
    return app


class Recorder:
    """What the app told the reader, and the fetches that ended."""

    def __init__(self, app) -> None:
        self.notes: list[str] = []
        self.fetched: list[FeedsFetched] = []
        self.progress: list[tuple[int, int]] = []
        tell = app.notify

        def notify(message: str, **kwargs) -> None:
            self.notes.append(message)
            tell(message, **kwargs)

        app.notify = notify

    def hook(self, message) -> None:
        if isinstance(message, FeedsFetched):
            if all(message is not seen for seen in self.fetched):  # once, not again as it bubbles
                self.fetched.append(message)
        elif isinstance(message, FeedsFetching):
            self.progress.append((message.done, message.total))


def feed_ids(app, slug: str) -> list[str]:
    return [article_id for article_id in ids(app) if article_id.startswith(f"feeds/{slug}/")]


def folder_labels(app) -> list[str]:
    folders = app.reading.feed_folders
    return [str(folders.get_option_at_index(n).prompt) for n in range(folders.option_count)]


@pilot_test
async def test_r_fetches_in_the_background_and_new_articles_appear_in_the_list(feed_server, store, state_file):
    config = configure(feed_server, post="/rss.xml", weather="/atom.xml")
    app = start(store, state_file, config)
    said = Recorder(app)
    async with app.run_test(size=SIZE, message_hook=said.hook) as pilot:
        await settle(pilot)
        before = ids(app)
        assert not feed_ids(app, "post") and sum(feed_server.hits.values()) == 0
        await pilot.press("R")
        await wait_for(pilot, lambda: said.fetched, what="the fetch finished")
        assert said.progress[0] == (0, 2) and said.progress[-1] == (2, 2)  # the progress line's counts
        # The files land on disk; the store's follower lists them.
        await wait_for(
            pilot,
            lambda: len(feed_ids(app, "post")) == 2 and len(feed_ids(app, "weather")) == 2,
            what="both feeds' two articles listed",
        )
        assert set(before) < set(ids(app))
        assert not app.reading.feed_status.fetching and not app.reading.feed_status.has_class("-active")
        assert any("Fetched 2 feeds: 4 new articles" in note for note in said.notes)


@pilot_test
async def test_the_sidebar_counts_fetching_progress_while_a_feed_is_slow(feed_server, store, state_file):
    config = configure(feed_server, post="/rss.xml", sound="/slow/sound.xml")
    app = start(store, state_file, config, limits=PATIENT)
    said = Recorder(app)
    async with app.run_test(size=SIZE, message_hook=said.hook) as pilot:
        await settle(pilot)
        await pilot.press("R")
        status = app.reading.feed_status
        await wait_for(pilot, lambda: (status.done, status.total) == (1, 2), what="one of the two feeds fetched")
        assert status.has_class("-active") and "Fetching 1/2 feeds…" in status.render().plain
        await pilot.press("R")  # again while it runs: said, not started twice
        assert any("Already fetching feeds (1/2)" in note for note in said.notes)
        assert app.is_running and not said.fetched
        feed_server.release.set()  # the slow server answers (with an empty feed)
        await wait_for(pilot, lambda: said.fetched, what="the fetch finished")
        assert feed_server.hits["/rss.xml"] == 1


@pilot_test
async def test_q_quits_at_once_while_a_server_is_silent(feed_server, store, state_file):
    config = configure(feed_server, sound="/slow/sound.xml")
    app = start(store, state_file, config, limits=PATIENT)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await wait_for(pilot, lambda: feed_server.hits["/slow/sound.xml"] == 1, what="the slow feed asked for")
        await pilot.press("q")
    # The app has ended while the server still holds the request (it answers only when
    # the test ends): quitting never waited for the download.
    assert not app.is_running and feed_server.active == 1 and not feed_server.release.is_set()


@pilot_test
async def test_r_with_no_feeds_says_how_to_add_one(feed_server, store, state_file):
    app = start(store, state_file, load_config()[0])
    said = Recorder(app)
    async with app.run_test(size=SIZE, message_hook=said.hook) as pilot:
        await settle(pilot)
        assert not app.reading.feed_folders.display
        await pilot.press("R")
        await wait_for(pilot, lambda: said.fetched, what="the fetch finished")
        assert any("newsreader feed add URL" in note for note in said.notes)
        assert sum(feed_server.hits.values()) == 0


@pilot_test
async def test_feeds_are_folders_with_unread_counts_and_choosing_one_lists_its_articles(feed_server, store, state_file):
    config = configure(feed_server, post="/rss.xml", weather="/atom.xml")
    app = start(store, state_file, config)
    said = Recorder(app)
    async with app.run_test(size=SIZE, message_hook=said.hook) as pilot:
        await settle(pilot)
        assert folder_labels(app) == ["▸ post · no articles", "▸ weather · no articles"]
        await pilot.press("R")
        await wait_for(
            pilot,
            lambda: len(feed_ids(app, "post")) == 2 and len(feed_ids(app, "weather")) == 2,
            what="both feeds' two articles listed",
        )
        await settle(pilot)
        assert folder_labels(app) == ["▸ post · 2 unread", "▸ weather · 2 unread"]
        everything = ids(app)
        # From the first article, k goes up into the feeds (the last one first).
        app.reading.article_list.move_cursor(0)
        await pilot.press("k")
        await wait_for(pilot, lambda: app.focused is app.reading.feed_folders, what="the feed folders focused")
        assert app.reading.feed_folders.highlighted == 1
        await pilot.press("k", "enter")
        await wait_for(pilot, lambda: app.focused is app.reading.article_list, what="the article list focused")
        await settle(pilot)
        assert sorted(ids(app)) == sorted(feed_ids(app, "post")) and len(ids(app)) == 2
        assert "feed post" in app.reading.query_one("#sidebar").border_subtitle
        # Reading one counts in the folder.
        await pilot.press("u")
        await wait_for(
            pilot,
            lambda: "▸ post · 1 unread" in folder_labels(app),
            what="the post folder counting one unread",
        )
        await pilot.press("escape")  # back to every article
        await settle(pilot)
        assert ids(app) == everything and app.reading.feed_scope is None


@pilot_test
async def test_a_search_in_a_feed_searches_that_feed(feed_server, store, state_file):
    config = configure(feed_server, post="/rss.xml", weather="/atom.xml")
    app = start(store, state_file, config)
    said = Recorder(app)
    async with app.run_test(size=SIZE, message_hook=said.hook) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await wait_for(pilot, lambda: len(feed_ids(app, "weather")) == 2, what="the weather feed's two articles listed")
        await settle(pilot)
        app.reading.feed_folders.focus()
        await pilot.press("j", "enter")  # weather
        await settle(pilot)
        await pilot.press("slash", *"the", "enter")
        await settle(pilot)
        assert ids(app) and all(article_id.startswith("feeds/weather/") for article_id in ids(app))
        await pilot.press("escape")  # ends the search, still in the feed
        await settle(pilot)
        assert sorted(ids(app)) == sorted(feed_ids(app, "weather")) and app.reading.feed_scope is not None


@pilot_test
async def test_a_failed_feed_is_listed_under_bang_until_it_next_succeeds(feed_server, store, state_file):
    config = configure(feed_server, post="/rss.xml", later="/later.xml")
    app = start(store, state_file, config)
    said = Recorder(app)
    async with app.run_test(size=SIZE, message_hook=said.hook) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await wait_for(pilot, lambda: len(said.fetched) == 1, what="the first fetch finished")
        await settle(pilot)
        link = app.reading.query_one(ProblemsLink)
        assert "1 feed failed" in str(link.render())
        assert any("1 failed (press !)" in note for note in said.notes)
        assert "⚠ later · no articles" in folder_labels(app)
        await pilot.press("exclamation_mark")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ProblemsScreen", what="the problems screen")
        shown = str(app.screen.query_one("#problems Static").render())
        assert "Feeds that failed" in shown and "later (" in shown and "/later.xml: HTTP 404" in shown
        await pilot.press("escape")
        # The feed is back: the next fetch clears it.
        feed_server.routes["/later.xml"] = feed_server.routes["/atom.xml"]
        await pilot.press("R")
        await wait_for(pilot, lambda: len(said.fetched) == 2, what="the second fetch finished")
        await settle(pilot)
        assert app.reading.feed_failures == {}
        assert "feed" not in str(link.render())
        await wait_for(
            pilot, lambda: "▸ later · 2 unread" in folder_labels(app), what="the later folder counting two unread (no ⚠)"
        )


@pilot_test
async def test_fetch_every_fetches_while_the_app_runs_without_r(feed_server, store, state_file):
    config = configure(feed_server, post="/rss.xml")
    config = type(config)(**{**config.__dict__, "fetch_every": 3600})
    app = start(store, state_file, config)
    said = Recorder(app)
    async with app.run_test(size=SIZE, message_hook=said.hook) as pilot:
        await wait_for(pilot, lambda: said.fetched, what="the fetch finished")
        await wait_for(pilot, lambda: len(feed_ids(app, "post")) == 2, what="the post feed's two articles listed")
        # A scheduled fetch speaks only of what is new.
        assert any("2 new articles" in note for note in said.notes)


@pilot_test
async def test_nothing_is_fetched_unless_asked(feed_server, store, state_file):
    config = configure(feed_server, post="/rss.xml")
    app = start(store, state_file, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "k", "enter", "escape")
        await settle(pilot)
        assert folder_labels(app) == ["▸ post · no articles"]
    assert sum(feed_server.hits.values()) == 0


STARTUP_PROBE = """
import asyncio, json, sys
from pathlib import Path
sys.path.insert(0, {tests!r})
from reader.config import Config
from snapshot_apps.harness import build_app, settle

async def main():
    config = Config(feeds={{"post": "http://127.0.0.1:9/rss.xml"}})
    app = build_app(Path({store!r}), Path({state!r}), config=config)
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(pilot)
        assert app.reading.feed_folders.option_count == 1
    print(json.dumps(sorted(name for name in sys.modules if name.startswith(("reader.feeds", "feedparser", "trafilatura")))))

asyncio.run(main())
"""


def test_starting_the_app_with_feeds_loads_no_network_code(store, state_file):
    import json
    import subprocess
    import sys
    from pathlib import Path

    probe = STARTUP_PROBE.format(tests=str(Path(__file__).parents[1]), store=str(store), state=str(state_file))
    loaded = json.loads(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout)
    assert "reader.feeds.settings" in loaded  # the folders' names
    assert not any(name.startswith(("reader.feeds.run", "reader.feeds.download", "feedparser", "trafilatura")) for name in loaded), loaded


@pilot_test
async def test_a_feed_that_failed_before_the_app_started_is_listed_at_start(feed_server, store, state_file):
    from reader.feeds.run import fetch_configured

    config = configure(feed_server, post="/rss.xml", later="/later.xml")
    fetch_configured(store, limits=LIMITS)  # as `newsreader fetch` does
    app = start(store, state_file, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.reading.feed_failures == {"later": f"{feed_server.url('/later.xml')}: HTTP 404 Not Found"}
        assert "1 feed failed" in str(app.reading.query_one(ProblemsLink).render())
        assert "⚠ later · no articles" in folder_labels(app)
    assert feed_server.hits["/later.xml"] == 1  # the app fetched nothing


@pilot_test
async def test_a_feed_replaces_the_search_and_a_saved_search_replaces_the_feed(feed_server, store, state_file):
    config = configure(feed_server, post="/rss.xml")
    config = type(config)(**{**config.__dict__, "saved_searches": {"Ferries": "ferry"}})
    app = start(store, state_file, config)
    said = Recorder(app)
    async with app.run_test(size=SIZE, message_hook=said.hook) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await wait_for(pilot, lambda: len(feed_ids(app, "post")) == 2, what="the post feed's two articles listed")
        await settle(pilot)
        app.reading.run_query("harbour")
        await settle(pilot)
        app.reading.feed_folders.focus()
        await pilot.press("enter")  # post
        await settle(pilot)
        assert app.reading.search is None and sorted(ids(app)) == sorted(feed_ids(app, "post"))
        app.reading.saved_list.focus()
        await pilot.press("enter")  # Ferries
        await settle(pilot)
        assert app.reading.feed_scope is None and app.reading.search_input.value == "ferry"
        assert any(not article_id.startswith("feeds/") for article_id in ids(app))
