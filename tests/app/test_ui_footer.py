"""The footer keeps the essential keys (help, quit, who said what, search) on one
line at any width, dropping the least useful others first."""

from __future__ import annotations

import pytest
from reader.ui.widgets.key_footer import FooterKey, fitting

from snapshot_apps.harness import PANEL_STORE, build_app, copy_store, pilot_test
from waiting import settle

ESSENTIAL_KEYS = {"?", "q", "w", "/"}


def test_fitting_keeps_rank_zero_and_fills_by_rank_then_order():
    items = [(1, 10), (2, 10), (0, 8), (1, 10), (3, 5), (0, 8)]
    assert fitting(items, 100) == set(range(6))
    assert fitting(items, 36) == {0, 2, 3, 5}
    assert fitting(items, 31) == {0, 2, 4, 5}  # a narrower one of a later rank still fits
    assert fitting(items, 10) == {2, 5}  # essentials even when they overflow


def footer_keys(app) -> list[FooterKey]:
    return list(app.query(FooterKey))


@pytest.mark.parametrize("size", [(80, 24), (120, 34)])
@pilot_test
async def test_essential_keys_fit_in_the_list_the_pane_and_the_panel(tmp_path, size):
    app = build_app(PANEL_STORE, tmp_path / "state.yaml")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for keys in ((), ("enter",), ("w",)):  # list, reading pane, who-said-what panel
            await pilot.press(*keys)
            await pilot.pause()
            await pilot.pause()
            shown = footer_keys(app)
            assert ESSENTIAL_KEYS <= {key.key_display for key in shown}, keys
            assert all(key.region.right <= size[0] for key in shown), keys
            regions = sorted(key.region for key in shown)
            assert all(a.right <= b.x for a, b in zip(regions, regions[1:])), keys  # none under the palette


@pilot_test
async def test_the_footer_refits_when_the_terminal_grows(tmp_path):
    app = build_app(PANEL_STORE, tmp_path / "state.yaml")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        narrow = {key.key_display for key in footer_keys(app)}
        await pilot.resize_terminal(160, 30)
        for _ in range(5):
            await pilot.pause()
        wide = {key.key_display for key in footer_keys(app)}
        assert narrow < wide


@pilot_test
async def test_the_keys_are_in_the_footer_from_the_first_frame(tmp_path):
    app = build_app(copy_store(tmp_path), tmp_path / "state.yaml")
    async with app.run_test(size=(120, 34)):
        # No pause: Textual's Footer would still be empty here, waiting for a bindings update.
        descriptions = [key.description for key in app.query(FooterKey)]
        assert "Quit" in descriptions and "Help" in descriptions


def footer_label(app, key: str) -> str | None:
    return next((shown.description for shown in footer_keys(app) if shown.key_display == key), None)


NEXT_ARTICLE = ("Next", None)  # at 80 columns the footer leaves the next article's key out


@pytest.mark.parametrize("size", [(80, 24), (120, 34)])
@pilot_test
async def test_while_a_find_is_open_the_footer_says_n_steps_to_the_next_match(tmp_path, size):
    app = build_app(copy_store(tmp_path), tmp_path / "state.yaml")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert footer_label(app, "n") in NEXT_ARTICLE
        await pilot.press("ctrl+f", *"halden")  # in the field n is typed: no footer key
        await pilot.pause()
        assert footer_label(app, "n") is None
        await pilot.press("enter")  # back in the text, where n steps
        await pilot.pause()
        assert footer_label(app, "n") == "Next match"
        app.reading.article_list.focus()  # in the list n is the next article, find or not
        await pilot.pause()
        assert footer_label(app, "n") in NEXT_ARTICLE
        app.reading.pane.focus()
        await pilot.pause()
        assert footer_label(app, "n") == "Next match"
        await pilot.press("escape")  # the find is over
        await pilot.pause()
        assert footer_label(app, "n") in NEXT_ARTICLE
