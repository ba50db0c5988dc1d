"""The correction prompts, pinned: `e` on an actor of the who-said-what panel (the choices
with their keys), and the speaker picker of a quote; two sizes.

Fixed store (tests/snapshot_apps/panel_store), fresh reading state and the fixed
stand-in analyser, so only a change to the UI changes these pictures.
"""

from __future__ import annotations

import pytest

from reader.ui.screens.actor_picker import ActorPicker
from reader.ui.widgets.who_said_what import ActorOption, QuoteOption

from snapshot_apps.harness import PANEL_STORE, build_app, settle
from waiting import wait_for

SIZES = pytest.mark.parametrize("size", [(120, 34), (80, 24)], ids=["120x34", "80x24"])


async def to_row(pilot, test) -> None:
    await settle(pilot)
    await pilot.press("c")
    panel = pilot.app.focused
    for _ in range(len(panel.options)):
        if test(panel.highlighted_option):
            return
        await pilot.press("j")
    raise AssertionError("no such row")


@SIZES
def test_correcting_an_actor(snap_compare, tmp_path, size):
    async def ask(pilot) -> None:
        await to_row(pilot, lambda option: isinstance(option, ActorOption) and option.actor.name == "Karl Eide")
        await pilot.press("e")
        await settle(pilot)
        pilot.app.clear_notifications()
        await pilot.pause()

    app = build_app(PANEL_STORE, tmp_path / "state.yaml", theme="textual-dark")
    assert snap_compare(app, terminal_size=size, run_before=ask)


@SIZES
def test_giving_a_quote_another_speaker(snap_compare, tmp_path, size):
    async def ask(pilot) -> None:
        await to_row(pilot, lambda option: isinstance(option, QuoteOption) and option.quote.speaker == "Petra Haugen")
        await pilot.press("e", "s")
        picker = pilot.app.screen
        assert isinstance(picker, ActorPicker)
        # Every actor of the archive is listed once the index has answered.
        await wait_for(
            pilot,
            lambda: "Skarsund Marine Station" in picker._shown,
            what="every actor of the archive in the picker",
        )
        await pilot.press(*"ka")
        await settle(pilot)
        pilot.app.clear_notifications()
        await pilot.pause()

    app = build_app(PANEL_STORE, tmp_path / "state.yaml", theme="textual-dark")
    assert snap_compare(app, terminal_size=size, run_before=ask)
