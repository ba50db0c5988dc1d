"""The sidebar never loses the reader's place: the highlighted row is on screen
after a restart, after Esc ends a search, and when the sidebar comes back."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.ui.widgets.article_list import ArticleList

from snapshot_apps.harness import build_app, ids, pilot_test
from waiting import settle

SIZE = (120, 34)


def cursor_on_screen(article_list: ArticleList) -> bool:
    rows = article_list._rows
    top = rows.starts[rows.article_rows[article_list.cursor]]
    first = round(article_list.scroll_y)
    return first <= top and top + 2 <= first + article_list.scrollable_content_region.height


@pytest.fixture
def big_store(tmp_path: Path) -> Path:
    """300 short articles, one a day: far more rows than a screen."""
    store = tmp_path / "store"
    store.mkdir()
    for n in range(300):
        day = f"2020-{n % 12 + 1:02d}-{n % 28 + 1:02d}"
        word = "regatta" if n < 3 else "harbour"
        (store / f"{day}-story-{n}.txt").write_text(f"date {day} HALDEN • Story {n} about the {word}.\n")
    return store


@pilot_test
async def test_after_a_restart_the_restored_article_is_on_screen(big_store, tmp_path):
    state_file = tmp_path / "state.yaml"
    app = build_app(big_store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        target = ids(app)[250]  # past the newest 200 listed first on a warm start
        app.reading.open_article(target)
        await settle(pilot)
    again = build_app(big_store, state_file)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.pause()
        assert again.reading.article_list.highlighted.id == target
        assert cursor_on_screen(again.reading.article_list)


@pilot_test
async def test_escape_from_a_short_search_shows_the_article_it_started_from(big_store, tmp_path):
    app = build_app(big_store, tmp_path / "state.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        target = ids(app)[200]
        app.reading.open_article(target)
        app.reading.article_list.focus()
        await settle(pilot)
        await pilot.press("slash")
        app.reading.search_input.value = "regatta"  # three results: the list has no scrollbar
        await settle(pilot)
        assert len(ids(app)) == 3
        app.reading.article_list.focus()
        await pilot.press("escape")
        await settle(pilot)
        assert app.reading.article_list.highlighted.id == target
        assert cursor_on_screen(app.reading.article_list)


@pilot_test
async def test_the_cursor_is_on_screen_when_the_sidebar_is_shown_again(big_store, tmp_path):
    app = build_app(big_store, tmp_path / "state.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("backslash")  # hidden: the list has no size
        app.reading.open_article(ids(app)[220])
        await settle(pilot)
        await pilot.press("backslash")
        await pilot.pause()
        assert cursor_on_screen(app.reading.article_list)
