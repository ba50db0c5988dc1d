"""The strip-drawn scrollbar looks and behaves as Textual's own, at every thumb position."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.geometry import Region
from textual.widgets import Static

from reader.ui.widgets.scrollbar import StripBarRender, draw_bar_from_strips

from snapshot_apps.harness import pilot_test

TEXT = "\n".join(f"line {n}" for n in range(90))


class StripScroll(VerticalScroll):
    def on_mount(self) -> None:
        draw_bar_from_strips(self)


class SideBySide(App[None]):
    CSS = "VerticalScroll { width: 1fr; }"

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield VerticalScroll(Static(TEXT), id="textual")
            yield StripScroll(Static(TEXT), id="strips")


def drawn(scroll: VerticalScroll) -> list[list]:
    bar = scroll.vertical_scrollbar
    return [list(strip) for strip in bar.render_lines(Region(0, 0, bar.size.width, bar.size.height))]


@pilot_test
async def test_the_bar_is_drawn_as_textual_draws_it_at_every_position_and_on_hover():
    app = SideBySide()
    async with app.run_test(size=(60, 20)) as pilot:
        textual_scroll = app.query_one("#textual", VerticalScroll)
        strip_scroll = app.query_one("#strips", StripScroll)
        assert strip_scroll.vertical_scrollbar.renderer is StripBarRender
        assert isinstance(strip_scroll.vertical_scrollbar.render(), StripBarRender)
        assert strip_scroll.vertical_scrollbar.region.height == textual_scroll.vertical_scrollbar.region.height > 0
        for y in (0, 1, 7, 33, 50, textual_scroll.max_scroll_y):
            for scroll in (textual_scroll, strip_scroll):
                scroll.scroll_to(y=y, animate=False, immediate=True)
            await pilot.pause()
            assert drawn(strip_scroll) == drawn(textual_scroll), y
        for scroll in (textual_scroll, strip_scroll):
            scroll.vertical_scrollbar.mouse_over = True
        assert drawn(strip_scroll) == drawn(textual_scroll)


@pilot_test
async def test_clicking_below_the_thumb_scrolls_down():
    app = SideBySide()
    async with app.run_test(size=(60, 20)) as pilot:
        scroll = app.query_one("#strips", StripScroll)
        bar = scroll.vertical_scrollbar
        await pilot.click(bar, offset=(0, bar.size.height - 1))
        await pilot.pause()
        assert scroll.scroll_y > 0
