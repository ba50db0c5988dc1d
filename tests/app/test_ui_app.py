"""Pilot tests of the app: navigation, filtering, marks, persistence, screens."""

from __future__ import annotations

import time

import pytest

from reader.config import Config
from reader.state import ReadingState
from reader.ui.screens.help import HelpScreen
from reader.ui.reading_screen import SETTLE_SECONDS
from reader.ui.screens.problems import ProblemsScreen

from snapshot_apps.harness import build_app, ids, palette_offers, pilot_test
from waiting import settle, wait_for

SIZE = (100, 30)


def burst_guard_open(app) -> bool:
    """A key now shows its article at once: none is pending and the last was shown long enough ago."""
    reading = app.reading
    return reading._show_timer is None and time.monotonic() - reading._last_shown >= SETTLE_SECONDS


def read_clock_runs_out(app) -> list[str]:
    """The ids each time the read-by-time clock ran out, filled in as it happens."""
    ran_out: list[str] = []
    real = app.reading._read_time_up

    def recorded(article_id: str) -> None:
        ran_out.append(article_id)
        real(article_id)

    app.reading._read_time_up = recorded
    return ran_out


@pilot_test
async def test_sidebar_lists_every_article_newest_first_with_counts(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert ids(app)[0].startswith("2021/")
        assert ids(app)[-1] == "misc/briefs.yaml#2"  # undated, last
        assert len(ids(app)) == 5
        assert app.query_one("#sidebar").border_title == "Articles 5 · 5 unread"
        assert app.reading.pane.article.id == ids(app)[0]


@pilot_test
async def test_in_a_narrow_sidebar_the_counts_keep_their_place_in_the_title(store, state_file, tmp_path):
    for n in range(1200):
        (store / f"bulk-{n:04d}.txt").write_text(f"date 2020-01-{n % 28 + 1:02d} OSLO • Story {n}.\n", encoding="utf-8")
    app = build_app(store, state_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        sidebar = app.query_one("#sidebar")
        assert sidebar.border_title == "1,205 · 1,205 unread"
        assert len(sidebar.border_title) <= sidebar.size.width - 4
        await pilot.resize_terminal(120, 34)
        await settle(pilot)
        assert sidebar.border_title == "Articles 1,205 · 1,205 unread"


@pilot_test
async def test_keys_move_through_the_list_and_between_list_and_pane(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        order = ids(app)
        assert app.focused is app.reading.article_list
        await pilot.press("j")
        assert app.reading.pane.article.id == order[1]
        await pilot.press("k")
        assert app.reading.pane.article.id == order[0]
        await pilot.press("G")
        assert app.reading.pane.article.id == order[-1]
        await pilot.press("g")
        assert app.reading.pane.article.id == order[0]
        await pilot.press("down", "down")
        assert app.reading.pane.article.id == order[2]
        await pilot.press("enter")
        assert app.focused is app.reading.pane
        await pilot.press("n")
        assert app.reading.pane.article.id == order[3]
        assert app.focused is app.reading.pane
        await pilot.press("p", "p")
        assert app.reading.pane.article.id == order[1]
        await pilot.press("escape")
        assert app.focused is app.reading.article_list
        await pilot.press("enter", "h")
        assert app.focused is app.reading.article_list


@pilot_test
async def test_the_article_changes_in_the_same_step_as_the_cursor(store, state_file):
    """No message hop between them: the frame that shows the cursor moved shows its article."""
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await wait_for(pilot, lambda: burst_guard_open(app), what="past the burst guard: a lone key shows its article at once")
        app.reading.article_list.action_cursor_down()
        assert app.reading.pane.article.id == app.reading.article_list.highlighted.id == ids(app)[1]


@pilot_test
async def test_keys_in_a_burst_end_on_the_article_the_cursor_rests_on(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shown: list[str] = []
        real_show = app.reading.pane.show
        app.reading.pane.show = lambda article, analysis=None: (shown.append(article.id), real_show(article, analysis))
        for key in "jjjk":
            app.reading.article_list.action_cursor_down() if key == "j" else app.reading.article_list.action_cursor_up()
        assert app.reading.article_list.highlighted.id == ids(app)[2]
        await wait_for(pilot, lambda: app.reading.pane.article.id == ids(app)[2], what="the burst's last article shown")
        assert app.reading._show_timer is None  # and nothing else pending
        assert len(shown) < 4  # the burst was not drawn article by article
        assert shown[-1] == ids(app)[2]


@pilot_test
async def test_clicking_a_row_selects_it(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        rows = app.reading.article_list
        # Line 0 is the first day's header, lines 1-2 its first article, 3-4 the second.
        await pilot.click(rows, offset=(5, 3))
        assert app.reading.pane.article.id == ids(app)[1]


@pilot_test
async def test_filter_by_title_and_text_live_and_escape_clears(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        assert app.focused is app.reading.search_input
        await pilot.press(*"rods")
        await settle(pilot)
        assert ids(app) == ["2021/library.md"]
        assert "1 of 5" in app.query_one("#sidebar").border_title
        await pilot.press(*"x")
        await settle(pilot)
        assert ids(app) == []
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace")
        await pilot.press(*"REGATTA")  # only in a body, any case
        await settle(pilot)
        assert ids(app) == ["misc/briefs.yaml#1"]
        await pilot.press("escape")
        await settle(pilot)
        assert len(ids(app)) == 5
        assert app.focused is app.reading.article_list
        assert not app.reading.search_input.display or not app.query_one("#sidebar").has_class("-searching")


@pilot_test
async def test_a_search_with_no_results_shows_no_article_and_escape_brings_it_back(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reading = app.reading.pane.article.id
        await pilot.press("slash", *"nowhere-to-be-found", "enter")
        await settle(pilot)
        assert ids(app) == []
        assert app.reading.pane.article is None
        assert "No articles match" in str(app.reading.pane.query_one("#article-title").render())
        await pilot.press("escape")
        await settle(pilot)
        assert app.reading.pane.article is not None and app.reading.pane.article.id == reading


@pilot_test
async def test_read_and_star_toggles_and_unread_only(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first = ids(app)[0]
        # What the reader sees before pressing u: the first article shown, the list in focus
        # (once in a loaded CI run, u pressed before that marked nothing).
        await wait_for(
            pilot,
            lambda: app.reading.pane.article is not None
            and app.reading.pane.article.id == first
            and app.focused is app.reading.article_list,
            what="the first article shown and the list focused",
        )
        await pilot.press("u")
        assert app.keeper.is_read(first)
        assert "4 unread" in app.query_one("#sidebar").border_title
        await pilot.press("s")
        assert app.keeper.is_starred(first)
        assert "★" in app.reading.article_list.render_line(1).text
        assert "●" not in app.reading.article_list.render_line(1).text
        await pilot.press("U")
        await settle(pilot)
        # The article being read stays listed and on screen: the reader is not moved off it.
        assert ids(app)[0] == first and len(ids(app)) == 5 and app.reading.pane.article.id == first
        await pilot.press("j")  # reading on: the read one goes at the next listing
        await settle(pilot)
        await pilot.press("U", "U")
        await settle(pilot)
        assert first not in ids(app) and len(ids(app)) == 4
        await pilot.press("U")
        await settle(pilot)
        assert first in ids(app)
        app.reading.article_list.move_cursor(0)
        await pilot.press("u", "s")
        assert not app.keeper.is_read(first)
        assert not app.keeper.is_starred(first)
        assert "●" in app.reading.article_list.render_line(1).text


@pilot_test
async def test_an_article_shown_for_a_while_becomes_read(store, state_file):
    app = build_app(store, state_file, read_after=0.05)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first = app.reading.pane.article.id
        assert app.reading._read_timer is None  # on screen at start, but no clock runs before a key
        assert not app.keeper.is_read(first)
        await pilot.press("j")
        shown = app.reading.pane.article.id
        assert shown != first
        await wait_for(pilot, lambda: app.keeper.is_read(shown), what="the second article read by time")
        assert "4 unread" in app.query_one("#sidebar").border_title
        assert not app.keeper.is_read(first)
        await pilot.press("k")
        await wait_for(pilot, lambda: app.keeper.is_read(first), what="the first article read once the reader is here")


@pilot_test
async def test_an_article_under_the_help_screen_is_not_read_by_time(store, state_file):
    app = build_app(store, state_file, read_after=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        ran_out = read_clock_runs_out(app)
        await pilot.press("question_mark")
        first = app.reading.pane.article.id
        await wait_for(pilot, lambda: first in ran_out, what="the read clock running out under the help screen")
        assert not app.keeper.is_read(first)
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.keeper.is_read(first), what="the article read once the help screen is gone")


@pilot_test
async def test_a_key_starts_the_clock_for_the_article_shown_at_start(store, state_file):
    app = build_app(store, state_file, read_after=0.05)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first = app.reading.pane.article.id
        await pilot.press("enter")  # into the pane: same article
        await wait_for(pilot, lambda: app.keeper.is_read(first), what="the article shown at start read by time")
        assert app.reading.pane.article.id == first


@pilot_test
async def test_scrolling_to_the_end_marks_read(tmp_path, store, state_file):
    long_article = store / "2021" / "long.txt"
    long_article.write_text("date 2021-07-20 HALDEN • " + "\n\n".join(f"Paragraph {n} of a long story." for n in range(60)))
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.reading.pane.article.id == "2021/long.txt"
        assert not app.keeper.is_read("2021/long.txt")
        await pilot.press("enter", "end")
        await pilot.pause()
        assert app.keeper.is_read("2021/long.txt")


@pilot_test
async def test_marks_last_article_and_scroll_position_persist_across_restart(store, state_file):
    (store / "2021" / "long.txt").write_text(
        "date 2021-07-01 HALDEN • " + "\n\n".join(f"Paragraph {n} of a long story." for n in range(60))
    )
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("G", "s")  # star the undated article
        starred = app.reading.pane.article.id
        app.reading.open_article("2021/long.txt")
        await settle(pilot)
        await pilot.press("u", "space", "space")
        await pilot.pause()
        position = app.reading.pane.scroll_y
        assert position > 0
        await pilot.press("q")
    assert state_file.exists()

    again = build_app(store, state_file)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.pause()
        assert again.reading.pane.article.id == "2021/long.txt"
        assert again.reading.article_list.highlighted.id == "2021/long.txt"
        assert again.keeper.is_read("2021/long.txt")
        assert again.keeper.is_starred(starred)
        assert again.reading.pane.scroll_y == pytest.approx(position, abs=1)


@pilot_test
async def test_sidebar_toggle_hides_the_list_and_persists(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        sidebar = app.query_one("#sidebar")
        await pilot.press("backslash")
        assert not sidebar.display
        assert app.focused is app.reading.pane
        await pilot.press("ctrl+b")
        assert sidebar.display
        await pilot.press("backslash", "q")
    assert ReadingState(state_file).get("sidebar_visible") is False
    again = build_app(store, state_file)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not again.query_one("#sidebar").display


@pilot_test
async def test_at_80_columns_the_sidebar_key_brings_the_list_back_from_the_panel(store, state_file):
    from reader.ui.widgets.article_view import ArticleView

    app = build_app(store, state_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        sidebar = app.query_one("#sidebar")
        await pilot.press("w")  # too narrow for three columns: the panel takes the list's room
        await pilot.pause()
        assert app.query_one(ArticleView).panel_open and not sidebar.display
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert sidebar.display and not app.query_one(ArticleView).panel_open
        assert app.focused is app.reading.article_list and app.reading.sidebar_visible


@pilot_test
async def test_help_lists_bindings_and_follows_the_keymap(store, state_file):
    app = build_app(store, state_file, config=Config(keymap={"next_article": "x"}))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first, second = ids(app)[:2]
        await pilot.press("x")
        assert app.reading.pane.article.id == second
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.query_one("#help Static").render().plain
        assert "Star or unstar" in text and "Search: words" in text and "Command palette" in text
        assert "Every actor in the archive" in text and "Save the current search" in text
        next_line = next(line for line in text.splitlines() if "Next article" in line)
        assert "x" in next_line.split() and "n" not in next_line.split()
        guide = text[text.index("What the marks mean") :]
        assert "reported speech" in guide and "without quotation marks" in guide and "loaded verb" in guide
        assert "share of the words quoted" in guide
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


@pilot_test
async def test_unreadable_files_show_in_the_sidebar_and_a_screen(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        link = app.query_one("#problems-link")
        assert link.display
        assert "1 file could not be read" in link.render().plain
        await pilot.click(link)
        assert isinstance(app.screen, ProblemsScreen)
        assert "misc/broken.yaml:2:" in app.screen.query_one("#problems Static").render().plain
        await pilot.press("escape")
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, ProblemsScreen)


@pilot_test
async def test_highlights_from_the_analysis_are_applied_with_a_legend(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.reading.open_article("2021/bridge.yaml")
        await settle(pilot)
        assert app.reading.pane.analysis is not None and app.reading.pane.analysis.quotes
        body = app.reading.pane.query_one("#article-body").content
        assert body.plain == app.reading.pane.article.body
        styled = {body.plain[span.start : span.end] for span in body.spans}
        assert "Marta Lindqvist" in styled
        assert "Brannvik Harbour Board" in styled
        legend = app.reading.pane.query_one("#article-legend")
        assert legend.display and "speaker" in legend.render().plain


@pilot_test
async def test_theme_change_is_saved_and_cli_theme_is_not(store, state_file):
    app = build_app(store, state_file, theme="textual-light")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "textual-light"
        await pilot.press("q")
    assert ReadingState(state_file).theme is None
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.theme = "nord"
        await pilot.press("q")
    assert ReadingState(state_file).theme == "nord"
    assert build_app(store, state_file).theme == "nord"


def test_an_unknown_theme_falls_back_with_a_warning(store, state_file):
    app = build_app(store, state_file, theme="no-such-theme")
    assert app.theme == "textual-dark"
    assert any("no-such-theme" in warning for warning in app.startup_warnings)


@pilot_test
async def test_command_palette_opens_an_article_by_title(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"lighthouse logbook")
        await wait_for(pilot, lambda: palette_offers(app, "lighthouse logbook"), what="the palette offering the logbook")
        await pilot.press("enter")
        await settle(pilot)
        assert app.reading.pane.article.id == "misc/briefs.yaml#2"
        assert app.reading.article_list.highlighted.id == "misc/briefs.yaml#2"


def hold_index_open(monkeypatch, seconds: float):
    """Opening the archive's index waits (in its worker thread) until the returned event is
    set, or `seconds` pass: the app stays in its loading state meanwhile."""
    import threading

    from reader.index import Index

    release = threading.Event()
    real_open = Index.open.__func__

    def slow_open(cls, root, *args, **kwargs):
        release.wait(seconds)
        return real_open(cls, root, *args, **kwargs)

    monkeypatch.setattr(Index, "open", classmethod(slow_open))
    return release


@pilot_test
async def test_the_screen_paints_loading_before_the_archive_is_open(store, state_file, monkeypatch):
    release = hold_index_open(monkeypatch, 10)
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Loading" in app.reading.pane.query_one("#article-title").render().plain
        assert app.reading.article_list.message == "Loading…"
        release.set()
        await settle(pilot)
        assert len(ids(app)) == 5


@pilot_test
async def test_keys_typed_while_the_list_loads_act_once_it_has_its_articles(store, state_file, monkeypatch):
    release = hold_index_open(monkeypatch, 60)
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "u")  # typed ahead, as a reader does who knows the keys
        assert app.reading.article_list.message == "Loading…"
        release.set()
        await settle(pilot)
        second = ids(app)[1]
        await wait_for(pilot, lambda: app.keeper.is_read(second), what="the typed-ahead u marking the second article")
        assert app.reading.article_list.highlighted.id == second
        assert not app.keeper.is_read(ids(app)[0])


@pilot_test
async def test_q_typed_while_the_list_loads_quits_at_once(store, state_file, monkeypatch):
    release = hold_index_open(monkeypatch, 60)
    from textual.messages import ExitApp

    app = build_app(store, state_file)
    recorded = []
    try:
        async with app.run_test(size=SIZE, message_hook=recorded.append) as pilot:
            await pilot.press("q")
            await wait_for(pilot, lambda: any(isinstance(m, ExitApp) for m in recorded), what="the app quitting")
            assert app.reading.article_list.message == "Loading…"
    finally:
        release.set()


@pilot_test
async def test_help_typed_while_the_list_loads_opens_at_once_but_after_keys_already_waiting(
    store, state_file, monkeypatch
):
    from reader.ui.screens.help import HelpScreen

    release = hold_index_open(monkeypatch, 60)
    app = build_app(store, state_file)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("question_mark")
            await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), what="the help")
            assert app.reading.article_list.message == "Loading…"
            await pilot.press("escape", "j", "question_mark")
            await pilot.pause()
            assert not isinstance(app.screen, HelpScreen)  # the ? waits behind the j
            release.set()
            await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), what="the help after the j")
            assert app.reading.article_list.highlighted.id == ids(app)[1]
    finally:
        release.set()


@pilot_test
async def test_a_state_that_cannot_be_saved_is_a_notification_not_a_crash(tmp_path, store):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the state folder should be")
    app = build_app(store, blocker / "state.yaml")
    notes: list[tuple[str, str]] = []
    real_notify = app.notify

    def notify(message, *, title="", severity="information", **options):
        notes.append((message, severity))
        return real_notify(message, title=title, severity=severity, **options)

    app.notify = notify
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s")
        app._save_soon()  # what the debounce timer calls
        await settle(pilot)
        assert any(severity == "error" and "cannot save" in message for message, severity in notes)
        await pilot.press("q")
    assert app.save_error and "cannot save" in app.save_error


@pilot_test
async def test_switching_theme_recolours_the_list_and_the_highlights(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        def header():
            return next(iter(app.reading.article_list.render_line(0))).style

        def span():
            return app.reading.pane.query_one("#article-body").content.spans[0].style

        header_before, span_before = header(), span()
        app.theme = "textual-light"
        # The body is rebuilt after the refresh that applies the theme's styles.
        await wait_for(pilot, lambda: span().foreground != span_before.foreground, what="the quote span in the new theme's colour")
        await wait_for(pilot, lambda: header().bgcolor != header_before.bgcolor, what="the header in the new theme's colour")


@pilot_test
async def test_help_shows_each_bindings_id_for_the_keymap(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.query_one("#help Static").render().plain
        lines = text.splitlines()
        next_line = next(line for line in lines if "Next article, from anywhere" in line)
        assert next_line.rstrip().endswith("next_article")  # the name a keymap entry uses
        assert any(line.rstrip().endswith("toggle_star") for line in lines)
        assert "newsreader.next_article" not in text


@pilot_test
async def test_the_palette_tells_articles_of_one_title_apart_by_date_and_source(store, state_file):
    # A store with the same story twice (fetched again, or filed by two agencies) offered
    # "Open article: <title>" twice over, with nothing to choose between them.
    from textual.command import CommandList

    original = (store / "2021" / "library.md").read_text(encoding="utf-8")
    again = original.replace("date: 2021-07-12", "date: 2021-08-02").replace("source: Island Post", "source: '[b]Harbour Wire'")
    (store / "2021" / "library-again.md").write_text(again, encoding="utf-8")
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"open article fishing rods")
        await wait_for(pilot, lambda: palette_offers(app, "fishing rods"), what="the palette offering the library story")
        options = app.screen.query_one(CommandList)
        offered = sorted(str(options.get_option_at_index(n).prompt) for n in range(options.option_count))
        assert offered == [
            "Open article: Vesterøy library lends out fishing rods\nMon 02 Aug 2021 · [b]Harbour Wire · VESTERØY",
            "Open article: Vesterøy library lends out fishing rods\nMon 12 Jul 2021 · Island Post · VESTERØY",
        ]
