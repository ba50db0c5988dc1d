"""A change of width (the who-said-what panel, the sidebar, the terminal) re-wraps the
article around the reader's place instead of moving them elsewhere in the text."""

from __future__ import annotations

from pathlib import Path

from snapshot_apps.harness import build_app, pilot_test
from waiting import settle, wait_for

PARAGRAPH = (
    "Paragraph {n} of the long report: the harbour board met again on Tuesday and the "
    "ferry company said the timetable would change after the summer, with more sailings."
)


def long_store(tmp_path: Path) -> Path:
    store = tmp_path / "store"
    store.mkdir()
    body = "\n\n".join(PARAGRAPH.format(n=n) for n in range(1, 61))
    (store / "2021-07-14-long.txt").write_text(f"date 2021-07-14 HALDEN • {body}\n", encoding="utf-8")
    return store


def top_line_text(app) -> str:
    offsets = app.reading.pane.visible_offsets()
    assert offsets is not None
    return app.reading.pane.article.body[offsets[0]:offsets[0] + 40]


def place_on_top_line(app, place: int) -> bool:
    """The re-wrap is done: the line on top holds `place` (the pane re-scrolls after a refresh)."""
    offsets = app.reading.pane.visible_offsets()
    return offsets is not None and offsets[0] <= place < offsets[1]


@pilot_test
async def test_toggling_the_panel_and_the_sidebar_keeps_the_top_line(tmp_path):
    app = build_app(long_store(tmp_path), tmp_path / "state.yaml")
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        app.reading.pane.scroll_to(y=60, animate=False, immediate=True)
        await pilot.pause()
        place = app.reading.pane.visible_offsets()[0]
        assert "Paragraph 1 " not in top_line_text(app)
        for key in ("w", "w", "backslash", "backslash"):
            await pilot.press(key)
            await settle(pilot)
            await wait_for(pilot, lambda: place_on_top_line(app, place), what=f"the place back on the top line after {key}")
            start, end = app.reading.pane.visible_offsets()
            # The line on top holds the place the reader was at (wrapped at the new width).
            assert start <= place < end, (key, start, place)
            assert place - start < 120, (key, start, place)


@pilot_test
async def test_line_and_page_keys_scroll_at_once_without_animation(tmp_path):
    app = build_app(long_store(tmp_path), tmp_path / "state.yaml")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # focus in the text
        await pilot.pause()
        pane = app.reading.pane
        page = pane.scrollable_content_region.height
        pane.action_scroll_down()
        assert pane.scroll_y == 1  # now, not after the next refresh
        await pilot.press("space")
        assert pane.scroll_y == 1 + page  # the whole page, with no animation in between
        await pilot.press("b", "k")
        assert pane.scroll_y == 0


@pilot_test
async def test_space_and_b_in_the_list_page_the_article_and_the_cursor_stays(tmp_path):
    store = long_store(tmp_path)
    body = "\n\n".join(PARAGRAPH.format(n=n) for n in range(1, 61))
    (store / "2021-07-15-longer.txt").write_text(f"date 2021-07-15 HALDEN • {body}\n", encoding="utf-8")
    app = build_app(store, tmp_path / "state.yaml")
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(pilot)
        listed, pane = app.reading.article_list, app.reading.pane
        assert app.focused is listed and pane.article.id == "2021-07-15-longer.txt"
        page = pane.scrollable_content_region.height
        await pilot.press("space", "space")
        assert pane.scroll_y == 2 * page
        await pilot.press("b")
        assert pane.scroll_y == page
        assert app.focused is listed and listed.highlighted.id == "2021-07-15-longer.txt"
        # Straight after a move: the article the cursor went to pages.
        await pilot.press("j", "space")
        await wait_for(pilot, lambda: pane.article.id == "2021-07-14-long.txt", what="the next article shown")
        assert pane.scroll_y == page
        assert app.focused is listed and listed.highlighted.id == "2021-07-14-long.txt"
