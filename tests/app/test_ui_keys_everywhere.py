"""j/k/g/G (and the arrows) move in the who-said-what panel and scroll the help
screen as they do in the list; the help fits an 80-column terminal."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.widgets import Static

from reader.ui.screens.help import GUIDE_TITLE, HelpScreen
from reader.ui.widgets.article_view import ArticleView

from snapshot_apps.harness import PANEL_STORE, build_app, pilot_test
from waiting import settle


def enabled(panel) -> list[int]:
    return [index for index, option in enumerate(panel.options) if not option.disabled]


@pilot_test
async def test_j_k_g_G_move_in_the_who_said_what_panel(tmp_path):
    app = build_app(PANEL_STORE, tmp_path / "state.yaml")
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await pilot.pause()
        panel = app.query_one(ArticleView).panel
        assert app.focused is panel
        rows = enabled(panel)
        assert len(rows) >= 3 and panel.highlighted == rows[0]
        await pilot.press("j", "j")
        assert panel.highlighted == rows[2]
        await pilot.press("k")
        assert panel.highlighted == rows[1]
        await pilot.press("G")
        assert panel.highlighted == rows[-1]
        await pilot.press("g")
        assert panel.highlighted == rows[0]
        await pilot.press("down")
        assert panel.highlighted == rows[1]


async def open_help(pilot) -> tuple[VerticalScroll, Static]:
    await settle(pilot)
    await pilot.press("question_mark")
    await pilot.pause()
    assert isinstance(pilot.app.screen, HelpScreen)
    scroll = pilot.app.screen.query_one("#help", VerticalScroll)
    return scroll, scroll.query_one(Static)


@pilot_test
async def test_j_k_g_G_scroll_the_help(tmp_path):
    app = build_app(PANEL_STORE, tmp_path / "state.yaml")
    async with app.run_test(size=(80, 24)) as pilot:
        scroll, _ = await open_help(pilot)
        assert scroll.max_scroll_y > 3
        await pilot.press("j", "j", "j")
        assert scroll.scroll_y == 3
        await pilot.press("k")
        assert scroll.scroll_y == 2
        await pilot.press("G")
        await pilot.pause()
        assert scroll.scroll_y == scroll.max_scroll_y
        await pilot.press("g")
        await pilot.pause()
        assert scroll.scroll_y == 0
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


@pilot_test
async def test_the_help_fits_80_columns_with_every_description_whole(tmp_path):
    app = build_app(PANEL_STORE, tmp_path / "state.yaml")
    async with app.run_test(size=(80, 24)) as pilot:
        scroll, static = await open_help(pilot)
        assert scroll.region.right <= 80
        assert static.region.width <= scroll.scrollable_content_region.width
        lines = static.render_lines(Region(0, 0, static.size.width, static.size.height))
        shown = " ".join(" ".join(strip.text.split()) for strip in lines)
        sections = {section for section, _ in app.screen._sections}
        for strip in lines:  # a wrapped description stays in its column, right of the keys
            text = strip.text.rstrip()
            assert not text or text in sections or text == GUIDE_TITLE or text.startswith("  "), text
        for _, rows in app.screen._sections:
            for _, description, binding_id in rows:
                for word in [*description.split(), binding_id]:
                    assert word in shown, description


@pilot_test
async def test_the_help_names_the_key_that_undoes_mark_all_read(tmp_path):
    # It said "…; Undo puts them back": a capital mid-sentence, and no key to press.
    app = build_app(PANEL_STORE, tmp_path / "state.yaml")
    async with app.run_test(size=(120, 34)) as pilot:
        await open_help(pilot)
        described = {binding_id: description for _, rows in app.screen._sections for _, description, binding_id in rows}
        assert described["mark_all_read"].endswith("; z puts them back")


@pilot_test
async def test_h_in_the_who_said_what_panel_goes_back_to_the_text_keeping_the_marks(tmp_path):
    app = build_app(PANEL_STORE, tmp_path / "state.yaml")
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await pilot.pause()
        view = app.query_one(ArticleView)
        assert app.focused is view.panel
        await pilot.press("j", "enter")  # choose a row: marked in the text
        await pilot.pause()
        chosen = view.steps
        assert chosen is not None
        view.panel.focus()
        await pilot.press("h")
        assert app.focused is view.pane
        assert view.steps is chosen and view.panel.display  # a move, not a clear: the panel stays open
