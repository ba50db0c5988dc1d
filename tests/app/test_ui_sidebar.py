"""Pilot tests of the sidebar on its own: it runs the search typed in its field and posts
the result up, is not idle until the result is handed back down, and hands the cursor
from one of its lists to the next."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import SimpleNamespace

from textual.app import App, ComposeResult
from textual.message import Message

from reader.archive.search import SearchResult
from reader.ui.archive_messages import SearchDone
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.feed_folders import FeedFolderList
from reader.ui.widgets.sidebar import Sidebar

from snapshot_apps.harness import pilot_test
from waiting import wait_for


@dataclass
class FakeArchive:
    """What the sidebar asks of the archive: a search, and the summaries a saved search counts."""

    is_open: bool = True
    searched: list[str] = field(default_factory=list)

    def search(self, text: str) -> SearchResult:
        self.searched.append(text)
        hits = [SimpleNamespace(summary=None)] * 2
        return SearchResult(text=text, hits=hits, total=2, ranked=True, pattern=re.compile(text))

    def summaries(self, query: str) -> list[object]:
        return []


class Host(App[None]):
    def __init__(self, archive: FakeArchive) -> None:
        super().__init__()
        self.sidebar = Sidebar(archive, ArticleList(id="articles"), FeedFolderList(id="feed-folders"), [],
                               read_ids=frozenset, id="sidebar")
        self.received: list[Message] = []

    def compose(self) -> ComposeResult:
        yield self.sidebar

    def on_search_done(self, message: SearchDone) -> None:
        self.received.append(message)

    def on_sidebar_search_emptied(self, message: Sidebar.SearchEmptied) -> None:
        self.received.append(message)


@pilot_test
async def test_a_search_typed_is_posted_up_and_the_sidebar_waits_for_it_to_be_listed():
    archive = FakeArchive()
    app = Host(archive)
    async with app.run_test(size=(60, 20)) as pilot:
        sidebar = app.sidebar
        sidebar.open_search()
        await pilot.press("c", "o", "u")
        await wait_for(pilot, lambda: app.received, what="the search's result posted up")
        [done] = app.received
        assert isinstance(done, SearchDone) and done.result.text == "cou"
        assert archive.searched == ["cou"]  # typed fast: searched once, after the pause
        assert not sidebar.idle  # the result is on its way: not listed yet
        sidebar.show_results(done.result)
        assert sidebar.idle
        assert str(sidebar.search_status.render()) == "2 results, best first"  # the field shows the query

        await pilot.press("backspace", "backspace", "backspace")
        await wait_for(pilot, lambda: len(app.received) == 2, what="the emptied field posted up")
        assert isinstance(app.received[1], Sidebar.SearchEmptied) and not sidebar.idle
        sidebar.show_results(None)
        assert sidebar.idle


@pilot_test
async def test_ending_a_search_forgets_the_one_in_flight_and_closes_the_field():
    app = Host(FakeArchive())
    async with app.run_test(size=(60, 20)) as pilot:
        sidebar = app.sidebar
        sidebar.search_for("council")
        assert sidebar.has_class("-searching") and not sidebar.idle
        sidebar.end_search()
        assert sidebar.idle and not sidebar.has_class("-searching") and sidebar.search_input.value == ""


@pilot_test
async def test_up_from_the_first_article_goes_to_the_saved_searches():
    app = Host(FakeArchive())
    async with app.run_test(size=(60, 20)) as pilot:
        sidebar = app.sidebar
        sidebar.saved_list.show({"council": "council"})
        sidebar.feed_folders.show([])  # no feeds: the saved searches are next above the list
        sidebar.article_list.focus()
        await pilot.pause()
        sidebar.article_list.post_message(ArticleList.AboveFirst())
        await wait_for(pilot, lambda: app.focused is sidebar.saved_list, what="the saved searches focused")
