"""Pilot tests of the habits of a reader (issue 14): unread only, the panel across
widths, saying something for every key."""

from __future__ import annotations

import pytest

from reader.state import ReadingState

from snapshot_apps.harness import build_app, ids, pilot_test, settle
from waiting import wait_for

SIZE = (100, 30)


def read_state(state_file, *read: str):
    state = ReadingState(state_file)
    for article_id in read:
        state.set_read(article_id, True)
    state.save()
    return state_file


@pilot_test
async def test_unread_only_keeps_what_was_read_since_it_was_turned_on(store, state_file):
    app = build_app(store, read_state(state_file, "2021/library.md"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("U")
        await settle(pilot)
        listed = ids(app)
        assert "2021/library.md" not in listed and len(listed) == 4
        assert app.query_one("#sidebar").border_title == "Articles 4 of 5 · 4 unread"
        await pilot.press("u", "j", "u", "j")  # reading on down the list
        read_now = listed[:2]
        assert all(app.keeper.is_read(article_id) for article_id in read_now)
        # A search and back (as any new listing) relists: what was read since U stays.
        await pilot.press("slash", "x")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert ids(app) == listed
        assert app.query_one("#sidebar").border_title == "Articles 4 of 5 · 2 unread"
        await pilot.press("U", "U")  # afresh: only the article being read stays of the read ones
        await settle(pilot)
        reading = app.reading.pane.article.id
        assert [article_id for article_id in ids(app) if app.keeper.is_read(article_id)] in ([], [reading])
        assert set(read_now) - {reading} and not (set(read_now) - {reading}) & set(ids(app))


@pilot_test
async def test_narrowing_with_the_list_focused_hides_the_panel_for_now_only(store, state_file):
    from reader.ui.widgets.article_view import ArticleView

    app = build_app(store, state_file)
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        await pilot.press("w")
        await pilot.pause()
        assert view.panel_open
        app.reading.article_list.focus()
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        # Too narrow for three columns: the list the reader is in keeps its room.
        assert app.query_one("#sidebar").display and app.focused is app.reading.article_list
        assert not view.panel_open
        assert app.keeper.state.get("panel_open") is True
        await pilot.resize_terminal(120, 34)
        await settle(pilot)
        assert view.panel_open and app.focused is app.reading.article_list
        await pilot.press("q")
    assert ReadingState(state_file).get("panel_open") is True


@pytest.mark.parametrize("width", [100, 110, 119])
@pilot_test
async def test_the_open_panel_never_squeezes_the_article_below_its_least_width(store, state_file, width):
    # At 100 columns the list (42), the panel (34) and the article once sat side by side,
    # leaving the article 20 columns of text: a word or two a line.
    from reader.ui.sidebar_width import MIN_ARTICLE_WIDTH
    from reader.ui.widgets.article_view import ArticleView

    app = build_app(store, state_file)
    async with app.run_test(size=(width, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "w")
        await settle(pilot)
        assert app.query_one(ArticleView).panel_open
        assert app.query_one("#article-body").content_size.width >= MIN_ARTICLE_WIDTH


@pytest.mark.parametrize("width", [100, 119])
@pilot_test
async def test_between_100_and_120_columns_the_list_keeps_its_width_beside_the_article(store, state_file, width):
    # Only the panel lacks room there: the list stays as wide as at 120 columns, and gives
    # way to the panel only while the reader is in the article or the panel.
    from reader.ui.widgets.article_view import ArticleView

    app = build_app(store, state_file)
    async with app.run_test(size=(width, 30)) as pilot:
        await settle(pilot)
        sidebar = app.query_one("#sidebar")
        assert sidebar.outer_size.width == 42
        await pilot.press("enter", "w")
        await settle(pilot)
        assert app.query_one(ArticleView).panel_open and not sidebar.display
        await pilot.press("escape", "escape")  # out of the panel, back to the list
        await settle(pilot)
        assert sidebar.display and sidebar.outer_size.width == 42


@pilot_test
async def test_at_80_columns_going_back_to_the_list_does_not_forget_the_panel(store, state_file):
    from reader.ui.widgets.article_view import ArticleView

    app = build_app(store, state_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        await pilot.press("w")
        await pilot.pause()
        assert view.panel_open and app.keeper.state.get("panel_open") is True
        await pilot.press("ctrl+b")  # the list back: the panel gives way for now
        await pilot.pause()
        assert not view.panel_open and app.keeper.state.get("panel_open") is True
        await pilot.resize_terminal(120, 34)
        await settle(pilot)
        assert view.panel_open
        await pilot.press("w")  # closed by choice: remembered
        await pilot.pause()
        assert app.keeper.state.get("panel_open") is False


@pilot_test
async def test_an_unknown_binding_id_in_the_keymap_is_a_warning_naming_the_known_ones(store, state_file):
    from reader.config import Config

    app = build_app(store, state_file, config=Config(keymap={"next_articel": "x", "quit": "Q", "xyzzy": "y"}))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        warnings = [n.message for n in app._notifications if "keymap" in n.message]
        assert len(warnings) == 2
        assert "'next_articel' names no binding; ignored (did you mean 'next_article' or" in warnings[0]
        assert "'xyzzy' names no binding; ignored (known: " in warnings[1]  # nothing near: all of them
        known = warnings[1].split("(known: ", 1)[1]
        assert "next_article" in known and "who_said_what" in known and "close_help" in known
        assert not any("'quit'" in warning for warning in warnings)  # a real id is no typo
        await pilot.press("Q")  # and the rest of the keymap still applies
    assert not app.is_running


def test_every_id_the_help_shows_is_known():
    from reader.ui.binding_ids import known_binding_ids

    known = known_binding_ids()
    assert {"newsreader.next_article", "newsreader.help", "newsreader.down", "newsreader.open"} <= known
    assert all(name.startswith("newsreader.") for name in known)


@pilot_test
async def test_save_search_with_no_search_says_what_to_do(store, state_file):
    from reader.config import Config

    app = build_app(store, state_file, config=Config(keymap={"save_search": "ctrl+s"}))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.clear_notifications()
        await pilot.press("ctrl+s")  # remapped: both meanings of the key follow the keymap
        await pilot.pause()
        assert any("No search to save" in n.message for n in app._notifications)
        await pilot.press("slash", "f", "e", "r", "r", "y", "enter")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        from reader.ui.screens.name_prompt import NamePrompt

        assert isinstance(app.screen, NamePrompt)


def visible_toasts(screen) -> list:
    return [toast for toast in screen.query("Toast") if toast.region.area and toast.visible]  # no public class


@pilot_test
async def test_no_toast_sits_on_top_of_the_help_screen(store, state_file):
    from reader.ui.screens.help import HelpScreen

    app = build_app(store, state_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        app.notify("Something happened", timeout=30)
        await wait_for(pilot, lambda: visible_toasts(app.screen), what="the toast shown")
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        app.notify("Something else happened", timeout=30)
        await pilot.pause()
        assert len(app.screen.query("Toast")) >= 2  # in the help screen's rack, out of sight
        assert not visible_toasts(app.screen)
        await pilot.press("escape")
        # Still there, on the screen behind it.
        await wait_for(
            pilot,
            lambda: len(visible_toasts(app.screen)) == len(app.screen.query("Toast")) >= 2,
            what="both toasts shown again",
        )


@pilot_test
async def test_the_sidebar_is_resized_with_keys_and_keeps_its_width(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(pilot)
        sidebar = app.query_one("#sidebar")
        before = sidebar.outer_size.width
        await pilot.press("greater_than_sign", "greater_than_sign")
        await pilot.pause()
        assert sidebar.outer_size.width == before + 8
        await pilot.press(*["greater_than_sign"] * 30)  # never more than leaves the article its room
        await pilot.pause()
        assert sidebar.outer_size.width == 120 - 40
        await pilot.press("less_than_sign")
        await pilot.pause()
        assert sidebar.outer_size.width == 76
        await pilot.press("q")
    assert ReadingState(state_file).get("sidebar_width") == 76
    again = build_app(store, state_file)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert again.query_one("#sidebar").outer_size.width == 40  # fitted to the window, still 76 when it grows
        await pilot.resize_terminal(120, 34)
        await settle(pilot)
        assert again.query_one("#sidebar").outer_size.width == 76
        await pilot.press("equals_sign")
        await pilot.pause()
        assert again.query_one("#sidebar").outer_size.width == before


@pilot_test
async def test_the_config_sets_the_sidebar_width(store, state_file):
    from reader.config import Config

    app = build_app(store, state_file, config=Config(sidebar_width=60))
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(pilot)
        assert app.query_one("#sidebar").outer_size.width == 60
        # Titles use the width: a long one is cut later than at the default width.
        title = app.reading.article_list.render_line(1).text
        assert len(title) == 60 - 2  # the borders aside


def test_sidebar_width_in_the_config_is_checked(tmp_path):
    from reader.config import load_config

    config_file = tmp_path / "config.yaml"
    config_file.write_text("sidebar_width: 7\n", encoding="utf-8")
    config, warnings = load_config(config_file)
    assert config.sidebar_width is None
    assert len(warnings) == 1 and "'sidebar_width' must be a whole number of columns from 20 to 200" in warnings[0]
    config_file.write_text("sidebar_width: 50\n", encoding="utf-8")
    assert load_config(config_file) == (type(config)(sidebar_width=50), [])


def test_a_long_name_is_cut_before_its_quote_count():
    from reader.model import Actor
    from reader.ui.widgets.who_said_what import ActorOption

    row = ActorOption(Actor("Desmond Achterberg", "person", mentions=1, quotes=2)).prompt
    assert row.fitted(40).plain.endswith("Desmond Achterberg" + " " * 9 + "1× · 2 quotes")
    assert row.fitted(28).plain == "Desmond Acht…  1× · 2 quotes"  # was 'Desmond Achterberg         1×'
    tight = row.fitted(18).plain  # the name would keep 3 cells: the mentions give way, not the quotes
    assert tight == "Desmond…  2 quotes"


@pilot_test
async def test_a_row_without_a_source_does_not_show_its_file_name(store, state_file):
    (store / "2021" / "no-source-here.md").write_text(
        "---\ntitle: A quiet story\ndate: 2021-07-30\n---\nOne two three four five.\n", encoding="utf-8"
    )
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        lines = [app.reading.article_list.render_line(y).text for y in range(12)]
        row = next(n for n, line in enumerate(lines) if "A quiet story" in line)
        assert "no-source-here" not in lines[row + 1]
        assert lines[row + 1].strip().endswith("5 words")


@pilot_test
async def test_an_empty_store_says_how_to_add_articles(tmp_path, state_file):
    from textual.widgets import Static

    empty = tmp_path / "empty-store"
    empty.mkdir()
    app = build_app(empty, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.reading.pane
        assert str(pane.query_one("#article-title", Static).render()).startswith("No articles in ")
        hint = str(pane.query_one("#article-facts", Static).render())
        assert "newsreader add FILE…" in hint and "newsreader feed add URL" in hint and "newsreader fetch" in hint
        assert f"--store {empty}" in hint


@pilot_test
async def test_an_empty_store_with_feeds_configured_says_r_fetches_them(tmp_path, state_file):
    from textual.widgets import Static

    from reader.config import Config

    empty = tmp_path / "empty-store"
    empty.mkdir()
    feeds = {"tidewater": "https://tidewater.invalid/rss", "harbour": "https://harbour.invalid/rss"}
    app = build_app(empty, state_file, config=Config(feeds=feeds))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        hint = str(app.reading.pane.query_one("#article-facts", Static).render())
        assert "2 feeds" in hint and "press R" in hint
        assert "feed add" not in hint  # there are feeds: no advice to add the first
        assert "newsreader add FILE…" in hint and f"--store {empty}" in hint


@pilot_test
async def test_mark_all_read_marks_what_is_listed_and_undo_puts_it_back(store, state_file):
    app = build_app(store, read_state(state_file, "2021/library.md"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        everything = ids(app)
        await pilot.press("slash", *"ferry", "enter")  # in a search: only its results
        await settle(pilot)
        results = ids(app)
        assert 0 < len(results) < len(everything)
        await pilot.press("A")
        await pilot.pause()
        assert all(app.keeper.is_read(article_id) for article_id in results)
        assert not any(app.keeper.is_read(a) for a in everything if a not in results and a != "2021/library.md")
        assert any("Marked" in n.message and "z to undo" in n.message for n in app._notifications)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("A")
        await pilot.pause()
        assert all(app.keeper.is_read(article_id) for article_id in everything)
        assert app.query_one("#sidebar").border_title == "Articles 5 · 0 unread"
        await pilot.press("z")
        await pilot.pause()
        # Exactly the marks A took off come back: what was read before stays read.
        unread_again = [a for a in everything if not app.keeper.is_read(a)]
        assert set(unread_again) == set(everything) - set(results) - {"2021/library.md"}
        app.clear_notifications()
        await pilot.press("z")
        await pilot.pause()
        assert any("Nothing to undo" in n.message for n in app._notifications)
        await pilot.press("q")
    assert ReadingState(state_file).is_read(results[0])


@pilot_test
async def test_the_undo_hint_names_the_key_the_keymap_gives_undo(store, state_file):
    from reader.config import Config

    app = build_app(store, state_file, config=Config(keymap={"undo": "ctrl+u"}))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("A")
        await wait_for(
            pilot,
            lambda: any("Marked" in n.message for n in app._notifications),
            what="the mark all read notification",
        )
        hint = next(n.message for n in app._notifications if "Marked" in n.message)
        assert "^u to undo" in hint and "z to undo" not in hint
        listed = ids(app)
        await pilot.press("ctrl+u")
        await wait_for(
            pilot,
            lambda: not any(app.keeper.is_read(a) for a in listed if a != "2021/library.md"),
            what="the marks undone",
        )


@pilot_test
async def test_mark_all_read_in_unread_only_empties_the_list_and_undo_refills_it(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("U")
        await settle(pilot)
        await pilot.press("A")
        await settle(pilot)
        reading = app.reading.pane.article.id
        assert ids(app) in ([], [reading])
        await pilot.press("z")
        await settle(pilot)
        assert len(ids(app)) == 5


@pilot_test
async def test_find_in_the_article_marks_matches_steps_with_n_and_leaves_with_escape(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.reading.open_article("2021/2021-07-14-ferry.txt")
        await settle(pilot)
        pane = app.reading.pane
        body = pane.article.body
        starts = [n for n in range(len(body)) if body.lower().startswith("halden", n)]
        assert len(starts) == 2
        await pilot.press("ctrl+f", *"HALDEN")
        await pilot.pause()
        assert pane._matches is not None and [m.start() for m in pane._matches.finditer(body)] == starts
        assert pane._marks == (("current", starts[0], starts[0] + 6),)
        assert "1 of 2" in str(app.query_one("#find-count").render())
        await pilot.press("enter")  # back to the text: n and N step
        assert app.focused is pane
        await pilot.press("n")
        assert pane._marks == (("current", starts[1], starts[1] + 6),)
        assert pane.article.id == "2021/2021-07-14-ferry.txt"  # n did not move to the next article
        await pilot.press("n")  # round to the first
        assert pane._marks[0][1] == starts[0]
        await pilot.press("N")
        assert pane._marks[0][1] == starts[1]
        await pilot.press("escape")
        await pilot.pause()
        assert not app.query_one("#find-bar").display
        assert pane._matches is None and pane._marks == ()
        assert app.focused is pane
        await pilot.press("n")  # the find is over: n is the next article again
        assert pane.article.id != "2021/2021-07-14-ferry.txt"


@pilot_test
async def test_find_with_no_match_says_so_and_n_without_a_find_is_the_next_article(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first = app.reading.pane.article.id
        await pilot.press("N")
        await pilot.pause()
        assert any("ctrl+f" in n.message for n in app._notifications)
        await pilot.press("ctrl+f", *"zzzqqq")
        await pilot.pause()
        assert str(app.query_one("#find-count").render()) == "no match"
        assert app.reading.pane._marks == ()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")  # the find is closed: Esc goes on to the list
        assert app.focused is app.reading.article_list
        await pilot.press("n")
        assert app.reading.pane.article.id != first


@pilot_test
async def test_saved_searches_kept_to_another_store_are_not_shown(store, state_file, tmp_path):
    from pathlib import Path

    from reader.config import Config

    config = Config(
        saved_searches={"Ferries": "ferry", "Here": "bridge", "Elsewhere": "bank"},
        saved_search_stores={"Here": (store,), "Elsewhere": (Path(tmp_path / "other"),)},
    )
    app = build_app(store, state_file, config=config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert list(app.reading.saved_searches) == ["Ferries", "Here"]
        shown = [app.reading.saved_list.render_line(y).text for y in range(2)]
        assert "Ferries" in shown[0] and "Here" in shown[1]


@pilot_test
async def test_help_lists_every_key_added_with_its_id(store, state_file):
    from reader.ui.screens.help import HelpScreen

    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.query_one("#help Static").render().plain
        for binding_id in (
            "mark_all_read", "undo", "find", "find_previous", "close_find", "find_done",
            "wider_sidebar", "narrower_sidebar", "reset_sidebar", "save_search",
        ):
            assert f"  {binding_id}" in text or text.endswith(binding_id), binding_id
        assert "Find in the article (ctrl+f)" in text
        mark_all = next(line for line in text.splitlines() if "Mark every article listed read" in line)
        assert mark_all.split()[0] == "A"
        save = next(line for line in text.splitlines() if "Save the current search" in line)
        assert save.split()[0] == "S"  # one key, though two bindings share its id


def palette_offers(app, text: str) -> bool:
    """The command palette's first hit is `text`."""
    from textual.command import CommandPalette
    from textual.widgets import OptionList

    if not isinstance(app.screen, CommandPalette):
        return False
    options = app.screen.query_one(OptionList)
    return options.option_count > 0 and text in str(options.get_option_at_index(0).prompt)


@pilot_test
async def test_the_palette_marks_all_read_and_finds(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"mark all read")
        await wait_for(pilot, lambda: palette_offers(app, "Mark all read"), what="the palette offering Mark all read")
        await pilot.press("enter")
        await settle(pilot)
        assert all(app.keeper.is_read(article_id) for article_id in ids(app))
        await pilot.press("ctrl+p", *"find in the")
        await wait_for(
            pilot,
            lambda: palette_offers(app, "Find in the article"),
            what="the palette offering Find in the article",
        )
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is app.query_one("#find-input")


@pilot_test
async def test_an_open_find_follows_to_the_next_article_chosen_in_the_list(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.reading.open_article("2021/2021-07-14-ferry.txt")
        await settle(pilot)
        await pilot.press("ctrl+f", *"the", "enter")
        await pilot.pause()
        before = str(app.query_one("#find-count").render())
        await pilot.press("h")  # to the list: there n and j are the next article
        assert app.focused is app.reading.article_list
        await pilot.press("n")
        await settle(pilot)
        pane = app.reading.pane
        assert pane.article.id != "2021/2021-07-14-ferry.txt"
        expected = pane.article.body.lower().count("the")
        assert expected and expected != int(before.split()[2])  # the fixture articles differ
        assert str(app.query_one("#find-count").render()).startswith(f"1 of {expected} ")
