"""Keys typed in one burst (a paste, a fast typist) go where the first of them sent focus."""

from __future__ import annotations

from textual import events

from snapshot_apps.harness import build_app, ids, pilot_test
from waiting import settle, wait_for

SIZE = (100, 30)
KEY_NAMES = {"/": "slash", ":": "colon", " ": "space", "\r": "enter"}


def burst(app, text: str) -> None:
    """Queue every key before the app handles the first, as a terminal delivers a paste
    (the driver posts each key to the app; here they are posted without a wait between)."""
    for character in text:
        key = events.Key(KEY_NAMES.get(character, character), character)
        key.set_sender(app)
        app.post_message(key)


@pilot_test
async def test_every_key_after_slash_in_one_burst_lands_in_the_search_field(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        burst(app, "/source:coastal")  # s stars, u marks read, a opens the actors, o...
        await wait_for(pilot, lambda: app.reading.search_input.value == "source:coastal", what="the burst typed")
        await settle(pilot)
        assert app.reading.search_input.value == "source:coastal"
        assert app.focused is app.reading.search_input
        assert not app.keeper.is_starred(app.reading.pane.article.id)
        assert app.screen is app.screen_stack[0]
        assert ids(app) and len(ids(app)) < 5


@pilot_test
async def test_slash_typed_inside_the_search_field_is_a_character(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", "a", "slash", "b")
        assert app.reading.search_input.value == "a/b"


@pilot_test
async def test_slash_with_the_sidebar_hidden_shows_it_and_takes_the_burst(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("backslash")
        assert not app.reading.sidebar_visible
        burst(app, "/rods")
        await wait_for(pilot, lambda: app.reading.search_input.value == "rods", what="the burst typed")
        await settle(pilot)
        assert app.reading.sidebar_visible
        assert app.reading.search_input.value == "rods"
        assert ids(app) == ["2021/library.md"]


@pilot_test
async def test_every_key_after_ctrl_f_in_one_burst_lands_in_the_find_field(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # into the article: b pages up there, a opens the actors
        await settle(pilot)
        find = events.Key("ctrl+f", None)
        find.set_sender(app)
        app.post_message(find)
        burst(app, "bank")
        await settle(pilot)
        bar = app.reading._find_bar
        assert bar is not None and bar.input.value == "bank"
        assert app.focused is bar.input
        assert app.screen is app.screen_stack[0]


@pilot_test
async def test_keys_typed_straight_after_enter_in_the_search_act_on_its_results(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        burst(app, "/the\rjj")  # Enter sends the search; j j move in its results, not the field
        await settle(pilot)
        assert app.reading.search_input.value == "the"
        assert app.focused is app.reading.article_list
        assert len(ids(app)) >= 3
        assert app.reading.article_list.highlighted.id == ids(app)[2]
        assert app.reading.pane.article.id == ids(app)[2]


@pilot_test
async def test_keys_after_enter_on_a_search_that_fails_are_not_kept_waiting(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        burst(app, "/from:someday\rj")
        await wait_for(pilot, lambda: app.reading.article_list.highlighted.id == ids(app)[1], what="j moving in the list")
        assert app.reading.search_input.value == "from:someday"
        assert app.focused is app.reading.article_list
