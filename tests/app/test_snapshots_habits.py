"""The screens issue 14 changed, pinned: find in the article, an empty store, a wider
sidebar beside the who-said-what panel, and unread only keeping what was read since.
Two sizes, a dark and a light theme; fixed stores, state and analyser."""

from __future__ import annotations

import pytest

from reader.state import ReadingState

from snapshot_apps.harness import FIXTURE_STORE, PANEL_STORE, build_app, settle

THEMES = ["textual-dark", "textual-light"]
SIZES = [(120, 34), (80, 24)]
SIZE_IDS = ["120x34", "80x24"]


async def quiet(pilot) -> None:
    await settle(pilot)
    pilot.app.clear_notifications()
    await pilot.pause()


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_find_in_the_article(snap_compare, tmp_path, theme, size):
    async def find(pilot) -> None:
        await settle(pilot)
        pilot.app.reading.open_article("2021/2021-07-14-ferry.txt")
        await settle(pilot)
        await pilot.press("ctrl+f", *"halden", "enter", "n")
        await quiet(pilot)

    app = build_app(FIXTURE_STORE, tmp_path / "state.yaml", theme=theme)
    assert snap_compare(app, terminal_size=size, run_before=find)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_an_empty_store(snap_compare, tmp_path, theme, size):
    # A fixed path: it is shown on screen.
    empty = tmp_path.parent / "empty-store-for-snapshots"
    empty.mkdir(exist_ok=True)
    app = build_app(empty, tmp_path / "state.yaml", theme=theme)
    app.reading.store_path = type(empty)("/news/empty")
    assert snap_compare(app, terminal_size=size, run_before=quiet)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_a_wider_sidebar_beside_the_panel(snap_compare, tmp_path, theme, size):
    async def widen(pilot) -> None:
        await settle(pilot)
        await pilot.press("greater_than_sign", "greater_than_sign", "w")
        pilot.app.reading.article_list.focus()
        await quiet(pilot)

    app = build_app(PANEL_STORE, tmp_path / "state.yaml", theme=theme)
    assert snap_compare(app, terminal_size=size, run_before=widen)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_unread_only_keeps_what_was_read_since(snap_compare, tmp_path, theme, size):
    state_file = tmp_path / "state.yaml"
    state = ReadingState(state_file)
    state.set_read("2021/library.md", True)
    state.save()

    async def read_two(pilot) -> None:
        await settle(pilot)
        await pilot.press("U", "u", "j", "u", "slash", "x")
        await settle(pilot)
        await pilot.press("escape")
        await quiet(pilot)

    app = build_app(FIXTURE_STORE, state_file, theme=theme)
    assert snap_compare(app, terminal_size=size, run_before=read_two)
