"""The config file under concurrent use and in odd shapes: saved searches merge like the
reading state does (two instances, or a hand edit while the app runs, never lose each
other's searches), and a config.yaml that is a FIFO is one line and exit 2, not a hang."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.config import load_config, save_search
from reader.paths import config_file, state_dir

from snapshot_apps.harness import build_app, pilot_test
from waiting import settle


def test_two_instances_saving_searches_keep_both(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("theme: nord  # mine\n", encoding="utf-8")
    first = save_search("korea", "Kim Jong Un", path)  # one instance
    second = save_search("ports", "harbour", path)  # another, which never saw the first's
    assert first == {"korea": "Kim Jong Un"}
    assert second == {"korea": "Kim Jong Un", "ports": "harbour"}
    config, warnings = load_config(path)
    assert config.saved_searches == {"korea": "Kim Jong Un", "ports": "harbour"} and not warnings
    assert "# mine" in path.read_text(encoding="utf-8")


@pilot_test
async def test_a_search_added_by_hand_while_the_app_runs_is_kept_and_shown(store: Path, tmp_path: Path) -> None:
    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("saved_searches:\n  korea: Kim Jong Un\n", encoding="utf-8")
    app = build_app(store, tmp_path / "state.yaml", config=load_config(path)[0])
    async with app.run_test(size=(110, 32)) as pilot:
        await settle(pilot)
        # The user edits the file in another window, and another instance saves one too.
        path.write_text("saved_searches:\n  korea: Kim Jong Un\n  by hand: ferry\n", encoding="utf-8")
        save_search("other instance", "harbour", path)
        app.reading.run_query("council")
        await settle(pilot)
        app.reading._save_search("council", "council")
        await settle(pilot)
        expected = {"korea": "Kim Jong Un", "by hand": "ferry", "other instance": "harbour", "council": "council"}
        assert load_config(path)[0].saved_searches == expected
        assert app.reading.saved_searches == expected


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("command", [["list"], ["check"], []])
def test_a_config_file_that_is_a_fifo_is_one_line_and_exit_2(tmp_path: Path, command: list[str]) -> None:
    """Before, every command (and the app) hung reading it."""
    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    store = tmp_path / "store"
    store.mkdir()
    (store / "a.txt").write_text("A title\n\nA harbour story.\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--store", str(store), *command],
        capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip() == f"newsreader: config file {path} is a FIFO, not a file: remove it or put a YAML file there"
    assert not (state_dir().is_dir() and list(state_dir().glob("crash-*.log")))
