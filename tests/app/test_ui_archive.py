"""Pilot tests of the app on the archive index: listing, indexing progress, search,
actors, the quote timeline and saved searches. The fixture analyser stands in for
the real one, in the index too."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from reader.config import Config, load_config
from reader.index import Index
from reader.state import ReadingState
from reader.ui.screens.actors import ActorsScreen, sparkline
from reader.ui.screens.name_prompt import NamePrompt
from reader.ui.screens.quote_timeline import QuoteTimelineScreen

from snapshot_apps.analysis import fixture_analyser
from snapshot_apps.harness import build_app, ids, palette_offers, pilot_test, record_notifications
from waiting import settle, wait_for

SIZE = (110, 32)


async def search(pilot, text: str) -> None:
    app = pilot.app
    if not app.query_one("#sidebar").has_class("-searching"):
        await pilot.press("slash")
    app.reading.search_input.value = text
    await settle(pilot)


@pilot_test
async def test_a_warm_index_lists_before_the_sync_finishes(store, state_file, monkeypatch):
    with Index.open(store) as index:
        index.sync(analyze=lambda article, gazetteer: fixture_analyser(article))
    release = threading.Event()
    real_sync = Index.sync

    def held_sync(self, *args, **kwargs):
        release.wait(10)
        return real_sync(self, *args, **kwargs)

    monkeypatch.setattr(Index, "sync", held_sync)
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        # Listed (by the first frame's peek, then from the opened index) while the sync still waits.
        await wait_for(pilot, lambda: len(ids(app)) == 5 and app.reading._syncing, what="five articles listed while the index syncs")
        assert app.reading.pane.article is not None and app.reading.pane.article.id == ids(app)[0]
        release.set()
        await settle(pilot)
        assert len(ids(app)) == 5


@pilot_test
async def test_a_cold_store_shows_progress_then_fills(tmp_path, state_file, monkeypatch):
    store = tmp_path / "big"
    store.mkdir()
    for n in range(40):
        (store / f"2020-03-{n % 28 + 1:02d}-story-{n}.txt").write_text(
            f"date 2020-03-{n % 28 + 1:02d} HALDEN • Story number {n} about the harbour.\n"
        )
    gate = threading.Event()

    def slow_analyser(article):
        gate.wait(10)
        return fixture_analyser(article)

    app = build_app(store, state_file)
    app.archive.analyser = slow_analyser
    async with app.run_test(size=SIZE) as pilot:
        progress = app.query_one("#index-progress")
        await wait_for(pilot, lambda: progress.has_class("-active") and progress.total > 0, what="the index progress bar showing")
        assert progress.done < progress.total
        assert "Indexing" in progress.render().plain and "%" in progress.render().plain  # a share: the work is files, then analyses
        await wait_for(pilot, lambda: len(ids(app)) == 40, what="all 40 articles listed")  # listed before analysed
        gate.set()
        await settle(pilot)
        assert not progress.has_class("-active")
        assert len(ids(app)) == 40
        assert app.archive.analysis(ids(app)[0]) is not None


@pilot_test
async def test_search_with_each_filter_replaces_the_list_and_escape_restores(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.reading.open_article("misc/briefs.yaml#1")
        app.reading.article_list.focus()
        await settle(pilot)
        cases = {
            "regatta": ["misc/briefs.yaml#1"],
            '"fishing rods"': ["2021/library.md"],
            'actor:"Marta Lindqvist"': ["2021/bridge.yaml"],
            'said:"Ingrid Solberg"': ["2021/2021-07-14-ferry.txt"],
            'source:"coastal courier"': ["2021/bridge.yaml", "misc/briefs.yaml#1"],
            "from:2021-07-12 to:2021-07-13": ["2021/library.md"],
            "harbour from:2021-07-11": ["2021/2021-07-14-ferry.txt", "2021/bridge.yaml"],
            "harbour to:2021-07-11": ["misc/briefs.yaml#1"],
        }
        for query, expected in cases.items():
            await search(pilot, query)
            assert sorted(ids(app)) == sorted(expected), query
            status = app.reading.search_status.render().plain
            # The count and how the filters read; never the query the field above shows.
            assert status.startswith(f"{len(expected)} result") and query not in status, (query, status)
        await search(pilot, "regatta")
        assert app.reading.pane.article.id == "misc/briefs.yaml#1"
        body = app.reading.pane.query_one("#article-body").content
        match_style = app.reading.pane._span_style("reading-pane--match")
        marked = {body.plain[span.start : span.end] for span in body.spans if span.style == match_style}
        assert marked == {"regatta"}
        app.reading.article_list.focus()
        await pilot.press("escape")
        await settle(pilot)
        assert len(ids(app)) == 5
        assert app.reading.article_list.highlighted.id == "misc/briefs.yaml#1"
        assert app.reading.search is None
        assert not app.query_one("#sidebar").has_class("-searching")


@pilot_test
async def test_a_bad_query_shows_its_message_not_a_crash(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for query, words in (("actor:", "needs a value"), ('"unbalanced', "unbalanced quote"), ("from:soon", "not a date")):
            await search(pilot, query)
            status = app.reading.search_status
            assert status.has_class("-error") and words in status.render().plain
            assert len(ids(app)) == 5  # the list is left as it was


@pilot_test
async def test_the_actor_view_lists_actors_and_choosing_one_filters_the_list(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        screen = app.screen
        assert isinstance(screen, ActorsScreen)
        await wait_for(pilot, lambda: bool(screen._actors), what="the actors listed")
        names = {actor.name for actor in screen._actors}
        assert {"Marta Lindqvist", "Ingrid Solberg", "Halden"} <= names
        await pilot.press("slash", *"marta")
        await pilot.pause()
        assert [actor.name for actor in screen._shown] == ["Marta Lindqvist"]
        row = screen.query_one("#actor-list").get_option_at_index(0).prompt.plain
        assert "Marta Lindqvist" in row and "person" in row
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ActorsScreen)
        assert ids(app) == ["2021/bridge.yaml"]
        assert app.reading.search_input.value == 'actor:"Marta Lindqvist"'
        assert app.reading.search_status.render().plain == "1 result\nmentions Marta Lindqvist"


@pilot_test
async def test_the_quote_timeline_opens_the_article_of_a_quote(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        screen = app.screen
        await wait_for(pilot, lambda: bool(screen._actors), what="the actors listed")
        await pilot.press("slash", *"strand")  # a `t` typed into the filter is a letter
        await pilot.pause()
        assert [actor.name for actor in screen._shown] == ["Ola Strand"]
        await pilot.press("ctrl+t")
        assert isinstance(app.screen, QuoteTimelineScreen)
        timeline = app.screen
        await wait_for(pilot, lambda: bool(timeline._hits), what="the actor's quotes on the timeline")
        entry = timeline.query_one("#quote-list").get_option_at_index(0).prompt.plain
        assert "2021-07-12" in entry and "fishing rods" in entry and "why not the rods" in entry
        await pilot.press("enter")
        await settle(pilot)
        assert app.reading.pane.article.id == "2021/library.md"
        assert app.reading.article_list.highlighted.id == "2021/library.md"


def test_sparkline_scales_to_the_busiest_week():
    assert sparkline([0, 1, 2, 4], width=4) == " ▂▄█"
    assert sparkline([], width=3) == "   "
    assert len(sparkline(list(range(60)))) == 20
    assert sparkline([1, 0, 0, 0, 0, 3], width=3) == "▃ █"


@pilot_test
async def test_saving_a_search_writes_the_config_and_shows_a_folder(store, state_file):
    from reader.paths import config_file

    # Saving merges into the file as it is (tests/test_safety_config.py): the app's searches come from it.
    config_file().parent.mkdir(parents=True, exist_ok=True)
    config_file().write_text("saved_searches:\n  Ferries: ferry\n", encoding="utf-8")
    app = build_app(store, state_file, config=load_config()[0])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        folders = app.query_one("#saved-searches")
        assert folders.display and "⌕ Ferries · 1 unread" in folders.get_option_at_index(0).prompt.plain
        await search(pilot, 'source:"coastal courier"')
        app.reading.article_list.focus()
        await pilot.press("S")
        assert isinstance(app.screen, NamePrompt)
        app.screen.query_one("#name-input").value = "Courier"
        await pilot.press("enter")
        await settle(pilot)
        config, _warnings = load_config()
        assert config.saved_searches == {"Ferries": "ferry", "Courier": 'source:"coastal courier"'}
        labels = [folders.get_option_at_index(n).prompt.plain for n in range(folders.option_count)]
        assert "⌕ Courier · 2 unread" in labels
        await pilot.press("u")  # read one of the two
        await settle(pilot)
        labels = [folders.get_option_at_index(n).prompt.plain for n in range(folders.option_count)]
        assert "⌕ Courier · 1 unread" in labels
        await pilot.press("escape")
        await settle(pilot)
        assert len(ids(app)) == 5
        folders.focus()
        folders.highlighted = labels.index("⌕ Ferries · 1 unread")
        await pilot.press("enter")
        await settle(pilot)
        assert ids(app) == ["2021/2021-07-14-ferry.txt"]


@pilot_test
async def test_a_search_that_cannot_be_saved_is_a_notification(store, state_file, monkeypatch, tmp_path):
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where the config folder should be")
    monkeypatch.setenv("NEWSREADER_CONFIG_DIR", str(blocker))
    app = build_app(store, state_file)
    notes = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await search(pilot, "regatta")
        app.reading.article_list.focus()
        await pilot.press("S")
        app.screen.query_one("#name-input").value = "Regattas"
        await pilot.press("enter")
        await settle(pilot)
        assert any("cannot save searches" in note.message for note in notes)
        assert "Regattas" not in app.reading.saved_searches


@pilot_test
async def test_an_unwritable_cache_falls_back_to_reading_the_store(store, state_file, monkeypatch, tmp_path):
    blocker = tmp_path / "no-cache"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("NEWSREADER_CACHE_DIR", str(blocker))
    app = build_app(store, state_file)
    notes = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not app.archive.has_index
        assert len(ids(app)) == 5
        assert any("index unavailable" in note.message for note in notes)
        await search(pilot, "regatta")
        assert ids(app) == ["misc/briefs.yaml#1"]
        await search(pilot, 'actor:"Marta Lindqvist"')
        assert "archive index" in app.reading.search_status.render().plain
        assert app.query_one("#problems-link").display  # broken.yaml still reported


@pilot_test
async def test_unread_only_applies_to_search_results(store, state_file):
    state = ReadingState(state_file)
    state.set_read("2021/bridge.yaml", True)
    state.save()
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await search(pilot, 'source:"coastal courier"')
        assert len(ids(app)) == 2
        app.reading.article_list.focus()
        app.reading.article_list.move_cursor(app.reading.article_list.ordinal_of("misc/briefs.yaml#1"))  # reading the unread one
        await settle(pilot)
        await pilot.press("U")
        await settle(pilot)
        assert ids(app) == ["misc/briefs.yaml#1"]


@pilot_test
async def test_a_corrupt_index_is_rebuilt_with_a_notice(store, state_file):
    with Index.open(store) as index:
        index.sync(analyze=lambda article, gazetteer: fixture_analyser(article))
        database = index.path
    database.write_bytes(b"this is not a database" * 100)
    for suffix in ("-wal", "-shm"):
        Path(str(database) + suffix).unlink(missing_ok=True)
    app = build_app(store, state_file)
    notes = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(ids(app)) == 5
        assert any("index" in note.message.lower() and note.severity == "warning" for note in notes)


@pilot_test
async def test_the_palette_offers_search_actors_and_saved_searches(store, state_file):
    app = build_app(store, state_file, config=Config(saved_searches={"Ferries": "ferry"}))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"saved search: ferries")
        await wait_for(pilot, lambda: palette_offers(app, "ferries"), what="the palette offering the saved search")
        await pilot.press("enter")
        await settle(pilot)
        assert ids(app) == ["2021/2021-07-14-ferry.txt"]
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+p", *"actors")
        await wait_for(pilot, lambda: palette_offers(app, "actors"), what="the palette offering the actors")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ActorsScreen), what="the actors screen")
        await pilot.press("escape")
        await pilot.press("question_mark")
        text = app.screen.query_one("#help Static").render().plain
        assert "Everything the actor said" in text and "^t" in text


@pytest.mark.parametrize("size", [(80, 24), SIZE])
@pilot_test
async def test_the_actor_view_headers_say_what_the_columns_are_and_sit_over_them(store, state_file, size):
    app = build_app(store, state_file)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("a")
        screen = app.screen
        await wait_for(pilot, lambda: bool(screen._actors), what="the actors listed")
        await pilot.pause()
        header = screen.query_one("#actor-header")
        options = screen.query_one("#actor-list")
        header_text = header.render().plain
        assert header_text.split() == ["actor", "kind", "articles", "quotes", "activity", "(old", "→", "new)"]
        assert header.size.height == 1  # one line, not wrapped
        actor = screen._shown[0]
        row = options.get_option_at_index(0).prompt.plain
        # screen columns: where each header ends, the row's number ends
        header_x = header.content_region.x
        row_x = options.content_region.x + options.get_component_styles("option-list--option").padding.left
        name_at = row_x + row.index(actor.name)
        assert name_at == header_x + header_text.index("actor")
        for title, value in (("articles", actor.articles), ("quotes", actor.quotes)):
            label_end = header_x + header_text.index(title) + len(title)
            number = f"{value:,}"
            ends = [row_x + i + len(number) for i in range(len(row)) if row.startswith(number, i)]
            assert label_end in ends, title


@pilot_test
async def test_a_backwards_date_range_says_so(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await search(pilot, "from:2021-07-12 to:2021-07-01")
        status = app.reading.search_status
        text = status.render().plain
        assert status.has_class("-error")
        assert "from:2021-07-12 is after to:2021-07-01" in text and "swap" in text
        assert len(ids(app)) == 5  # the list is left as it was
        await search(pilot, "from:2021-07-01 to:2021-07-12")  # the right way round searches
        assert not status.has_class("-error")
        assert "result" in status.render().plain and 0 < len(ids(app)) < 5
