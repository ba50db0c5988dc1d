"""Who said what, pinned: the panel open beside the highlighted text, an actor chosen
and stepped to its third mention; two sizes, a dark and a light theme.

Fixed store (tests/snapshot_apps/panel_store), fresh reading state and the fixed
stand-in analyser, so only a change to the UI changes these pictures.
"""

from __future__ import annotations

import pytest

from snapshot_apps.harness import PANEL_STORE, build_app
from waiting import settle


async def choose_karl_eide_and_step(pilot) -> None:
    await settle(pilot)
    await pilot.press("w", "down", "enter", "right_square_bracket", "right_square_bracket")
    await settle(pilot)
    pilot.app.clear_notifications()
    await pilot.pause()


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pytest.mark.parametrize("size", [(120, 34), (80, 24)], ids=["120x34", "80x24"])
def test_panel_with_an_actor_stepped_to(snap_compare, tmp_path, theme, size):
    app = build_app(PANEL_STORE, tmp_path / "state.yaml", theme=theme)
    assert snap_compare(app, terminal_size=size, run_before=choose_karl_eide_and_step)


@pytest.mark.parametrize("size", [(120, 34), (80, 24)], ids=["120x34", "80x24"])
def test_panel_stepping_through_quotes(snap_compare, tmp_path, size):
    async def step_quotes(pilot) -> None:
        await settle(pilot)
        await pilot.press("enter", "w", "escape", "right_square_bracket", "right_square_bracket", "right_square_bracket")
        await settle(pilot)
        pilot.app.clear_notifications()
        await pilot.pause()

    app = build_app(PANEL_STORE, tmp_path / "state.yaml", theme="textual-dark")
    assert snap_compare(app, terminal_size=size, run_before=step_quotes)
