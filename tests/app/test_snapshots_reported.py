"""Reported speech, pinned: the reading pane draws it faint and italic beside direct quotes,
and the panel lists it with its verb (a loaded one marked), an anonymous source and each
speaker's share of the quoted words; two sizes, a dark and a light theme.

Fixed store (tests/snapshot_apps/reported_store), fresh reading state and the fixed
stand-in analyser, so only a change to the UI changes these pictures.
"""

from __future__ import annotations

import pytest

from snapshot_apps.harness import REPORTED_STORE, build_app, settle


async def open_the_panel_and_step_to_a_loaded_verb(pilot) -> None:
    await settle(pilot)
    # The panel opens on the first quote; three steps reach "Tomas Reiner claimed …".
    await pilot.press("w", "escape", "right_square_bracket", "right_square_bracket", "right_square_bracket")
    await settle(pilot)
    pilot.app.clear_notifications()
    await pilot.pause()


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pytest.mark.parametrize("size", [(120, 34), (80, 24)], ids=["120x34", "80x24"])
def test_reported_speech_in_the_pane_and_the_panel(snap_compare, tmp_path, theme, size):
    app = build_app(REPORTED_STORE, tmp_path / "state.yaml", theme=theme)
    assert snap_compare(app, terminal_size=size, run_before=open_the_panel_and_step_to_a_loaded_verb)
