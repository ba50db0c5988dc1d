"""Saved searches (the folders at the top of the sidebar) are reached and opened from the keyboard."""

from __future__ import annotations

from reader.config import Config

from snapshot_apps.harness import build_app, ids, pilot_test
from waiting import settle, wait_for

SIZE = (100, 30)
SEARCHES = {"Ferries": "ferry", "Courier": 'source:"coastal courier"'}  # listed Courier, Ferries


@pilot_test
async def test_k_above_the_first_article_moves_into_the_folders_and_enter_opens_one(store, state_file):
    app = build_app(store, state_file, config=Config(saved_searches=SEARCHES))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        everything = ids(app)
        await pilot.press("j", "k")
        assert app.focused is app.reading.article_list  # one up: still an article
        await pilot.press("k")
        assert app.focused is app.reading.saved_list
        assert app.reading.saved_list.highlighted == 1  # the folder just above the articles
        await pilot.press("k", "k")
        assert app.reading.saved_list.highlighted == 0  # no wrapping round
        await pilot.press("j", "enter")
        await settle(pilot)
        assert app.reading.search_input.value == "ferry"
        assert ids(app) and set(ids(app)) < set(everything)
        assert app.focused is app.reading.article_list


@pilot_test
async def test_j_below_the_last_folder_and_escape_go_back_to_the_articles(store, state_file):
    app = build_app(store, state_file, config=Config(saved_searches=SEARCHES))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # Each move of the focus lands with a message (the list's AboveFirst, the folders' Left).
        await pilot.press("k")
        await wait_for(pilot, lambda: app.focused is app.reading.saved_list, what="the saved searches focused")
        await pilot.press("j")
        await wait_for(pilot, lambda: app.focused is app.reading.article_list, what="the article list focused")
        assert app.reading.article_list.cursor == 0
        await pilot.press("k")
        await wait_for(pilot, lambda: app.focused is app.reading.saved_list, what="the saved searches focused again")
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.focused is app.reading.article_list, what="the article list focused again")
        assert app.reading.search_input.value == ""


@pilot_test
async def test_enter_on_the_folders_reached_by_tab_opens_the_first(store, state_file):
    app = build_app(store, state_file, config=Config(saved_searches=SEARCHES))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("shift+tab")
        assert app.focused is app.reading.saved_list
        await pilot.press("enter")
        await settle(pilot)
        assert app.reading.search_input.value == 'source:"coastal courier"'


@pilot_test
async def test_k_at_the_top_without_saved_searches_stays_on_the_first_article(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("k")
        assert app.focused is app.reading.article_list
        assert app.reading.article_list.cursor == 0


def test_a_folder_says_unread_all_read_no_articles_or_invalid_and_nothing_before_it_is_counted():
    from reader.ui.widgets.saved_searches import NOT_COUNTED, folder_label

    assert folder_label("Ferries", (2, 5)).plain == "⌕ Ferries · 2 unread"
    assert folder_label("Ferries", (0, 5)).plain == "⌕ Ferries · all read"
    assert folder_label("Kim", (0, 0)).plain == "⌕ Kim · no articles"
    assert folder_label("Bad", None).plain == "⌕ Bad · not a valid search"
    assert folder_label("New", NOT_COUNTED).plain == "⌕ New"
