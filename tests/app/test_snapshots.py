"""The main screen as it looks, pinned: two sizes, a dark and a light theme.

Fixed store (tests/snapshot_apps/store), fixed reading state and a fixed analyser,
so only a change to the UI changes these pictures. Update with `--snapshot-update`
and look at the SVGs before committing them.
"""

from __future__ import annotations

import pytest

from reader.state import ReadingState

from snapshot_apps.harness import FIXTURE_STORE, build_app
from waiting import settle


def seeded_state(tmp_path):
    state_file = tmp_path / "state.yaml"
    state = ReadingState(state_file)
    state.set_read("2021/library.md", True)
    state.set_starred("2021/bridge.yaml", True)
    state.save()
    return state_file


async def ready(pilot) -> None:
    await settle(pilot)
    pilot.app.clear_notifications()
    await pilot.pause()


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pytest.mark.parametrize("size", [(120, 34), (80, 24)], ids=["120x34", "80x24"])
def test_main_screen(snap_compare, tmp_path, theme, size):
    app = build_app(FIXTURE_STORE, seeded_state(tmp_path), theme=theme)
    assert snap_compare(app, terminal_size=size, run_before=ready)
