"""Starting and ending the app: the store is resolved first, a crash becomes one line."""

from __future__ import annotations

from pathlib import Path

import pytest

import reader.ui.app as app_module
from reader.errors import UserError
from reader.ui.launch import EXIT_CRASH, binding_keymap, choose_theme, run_app

from snapshot_apps.harness import copy_store, pilot_test


@pytest.fixture(autouse=True)
def frozen_heap():
    """These tests look at the collector's own state, so each starts with nothing frozen
    (conftest's `frozen_heap` freezes what earlier tests left alive)."""
    import gc

    gc.unfreeze()
    yield


def test_a_missing_store_is_a_user_error_before_any_screen(tmp_path: Path):
    with pytest.raises(UserError):
        run_app(str(tmp_path / "nowhere"), None, headless=True)


def test_a_crash_prints_one_line_with_the_report_and_exits_70(tmp_path, monkeypatch, capsys):
    class Exploding(app_module.NewsreaderApp):
        def on_listing(self, message) -> None:
            raise RuntimeError("the wheels came off")

    monkeypatch.setattr(app_module, "NewsreaderApp", Exploding)
    code = run_app(str(copy_store(tmp_path)), None, headless=True)
    err = capsys.readouterr().err
    assert code == EXIT_CRASH
    assert "RuntimeError: the wheels came off" in err
    assert "Traceback" not in err
    report = Path(err.split("full report in ")[1].rstrip(")\n"))
    assert "the wheels came off" in report.read_text()


def test_theme_choice_prefers_the_command_line_then_saved_then_config():
    themes = {"textual-dark", "textual-light", "nord"}
    assert choose_theme(themes, cli="nord", saved="textual-light", configured=None) == ("nord", None)
    assert choose_theme(themes, cli=None, saved="textual-light", configured="nord") == ("textual-light", None)
    assert choose_theme(themes, cli=None, saved=None, configured="nord") == ("nord", None)
    assert choose_theme(themes, cli=None, saved=None, configured=None) == ("textual-dark", None)
    name, warning = choose_theme(themes, cli="solarised", saved="nord", configured=None)
    assert name == "textual-dark" and "solarised" in warning


def test_keymap_ids_may_leave_out_the_prefix():
    assert binding_keymap({"next_article": "x", "newsreader.down": "ctrl+n"}) == {
        "newsreader.next_article": "x",
        "newsreader.down": "ctrl+n",
    }


def test_the_collector_waits_for_the_first_frame_then_collects_young_garbage_only(tmp_path, monkeypatch):
    import gc

    from reader.ui import collector

    seen: dict[str, object] = {}

    class Recording(app_module.NewsreaderApp):
        def on_mount(self) -> None:
            seen["collecting while the first frame is built"] = gc.isenabled()
            super().on_mount()

        def on_sync_done(self, message) -> None:  # the reading screen's message, bubbled up
            seen["collecting once the archive is open"] = gc.isenabled()
            seen["frozen"] = gc.get_freeze_count()
            seen["full collections after"] = gc.get_threshold()[2]
            self.exit()

    monkeypatch.setattr(app_module, "NewsreaderApp", Recording)
    try:
        assert run_app(str(copy_store(tmp_path)), None, headless=True) == 0
    finally:
        collector.release()  # this test process goes on to run other apps
    assert seen["collecting while the first frame is built"] is False
    assert seen["collecting once the archive is open"] is True
    assert seen["frozen"] > 0  # what start-up built
    assert seen["full collections after"] == collector.NO_AUTOMATIC_FULL
    assert gc.isenabled() and gc.get_freeze_count() == 0 and gc.get_threshold()[2] == 10


def test_at_rest_a_full_collection_frees_cycles_and_freezes_what_is_alive():
    import gc
    import weakref

    from reader.ui import collector

    class Node:
        pass

    collector.at_rest()  # not managed (a test's own process): nothing happens
    assert gc.get_freeze_count() == 0
    collector.pause()
    collector.resume()
    try:
        node = Node()
        node.itself = node
        gone = weakref.ref(node)
        kept = Node()
        kept.itself = kept
        del node
        collector.at_rest()
        assert gone() is None
        assert gc.get_freeze_count() > 0 and not any(obj is kept for obj in gc.get_objects())
    finally:
        collector.release()


@pilot_test
async def test_apps_built_by_tests_leave_the_collector_alone(store, state_file):
    import gc

    from snapshot_apps.harness import build_app
    from waiting import settle

    app = build_app(store, state_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert gc.isenabled() and gc.get_freeze_count() == 0
