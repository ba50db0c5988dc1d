"""The first frame's glance at a warm index (`reader.index.peek`), and the app using it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from snapshot_apps.analysis import fixture_analyser
from snapshot_apps.harness import build_app, copy_store, pilot_test
from waiting import wait_for

from reader.index import Index
from reader.index.peek import peek_index
from reader.index.schema import database_path
from reader.paths import cache_dir
from reader.state import ReadingState
from reader.ui.reading_screen import ReadingScreen


@pytest.fixture
def indexed_store(tmp_path: Path) -> Path:
    store = copy_store(tmp_path)
    with Index.open(store) as index:
        index.sync()
    return store


def test_a_warm_index_gives_the_newest_articles_and_the_total(indexed_store: Path):
    with Index.open(indexed_store) as index:
        expected = index.newest(3)
        total = index.count()
        analysis = index.analysis(expected[0].id)
    peek = peek_index(indexed_store, 3)
    assert peek is not None
    try:
        assert peek.newest == expected
        assert peek.total == total > 3
        article = peek.article(expected[0].id)
        assert article is not None and article.id == expected[0].id and article.body
        assert peek.article("no/such/article.txt") is None
        assert analysis is not None and peek.analysis(expected[0].id) == analysis
    finally:
        peek.close()
    assert peek.article(expected[0].id) is None  # closed


def test_no_index_yet_gives_none(tmp_path: Path):
    assert peek_index(copy_store(tmp_path), 10) is None


def test_a_foreign_file_where_the_index_belongs_gives_none(tmp_path: Path):
    store = copy_store(tmp_path)
    path = database_path(store, cache_dir())
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a database at all" * 100)
    assert peek_index(store, 10) is None


def test_an_index_of_another_schema_version_gives_none(indexed_store: Path):
    path = database_path(indexed_store, cache_dir())
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA user_version = 1")
    assert peek_index(indexed_store, 10) is None


def test_an_index_recorded_for_another_store_gives_none(indexed_store: Path, tmp_path: Path):
    other = tmp_path / "other"
    other.mkdir()
    target = database_path(other, cache_dir())
    target.write_bytes(database_path(indexed_store, cache_dir()).read_bytes())
    assert peek_index(other, 10) is None


@pilot_test
async def test_the_app_lists_a_warm_index_before_the_archive_worker_runs(
    indexed_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(ReadingScreen, "_start_archive", lambda self: None)
    with Index.open(indexed_store) as index:
        newest = index.newest(200)
        total = index.count()
        indexed = index.analysis(newest[0].id)
    app = build_app(indexed_store, tmp_path / "state.yaml")
    async with app.run_test(size=(120, 34)) as pilot:
        await pilot.pause()
        assert not app.archive.is_open  # nothing but the peek has run
        assert [article.id for article in app.reading.article_list.articles] == [article.id for article in newest]
        assert app.reading.pane.article is not None and app.reading.pane.article.id == newest[0].id
        # The index's analysis (the real analyser's), not the app's own (the fixture's) made while the reader waits.
        assert indexed is not None and indexed != fixture_analyser(app.reading.pane.article)
        assert app.reading.pane.analysis == indexed
        assert f"Articles {total:,}" in str(app.query_one("#sidebar").border_title)
        await pilot.press("j")
        await wait_for(
            pilot,
            lambda: app.reading.pane.article is not None and app.reading.pane.article.id == newest[1].id,
            what="the second newest article shown",
        )


@pilot_test
async def test_a_restored_article_outside_the_first_screen_waits_for_the_whole_list(
    indexed_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(ReadingScreen, "_start_archive", lambda self: None)
    monkeypatch.setattr("reader.ui.reading_screen.FIRST_SCREEN", 2)
    with Index.open(indexed_store) as index:
        oldest = index.summaries()[-1]
    state = ReadingState(tmp_path / "state.yaml")
    state.last_article = oldest.id
    state.save()
    app = build_app(indexed_store, tmp_path / "state.yaml")
    async with app.run_test(size=(120, 34)) as pilot:
        await pilot.pause()
        # Listing only the newest two would jump away from the reader's place later.
        assert list(app.reading.article_list.articles) == []
