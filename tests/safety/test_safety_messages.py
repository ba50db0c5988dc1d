"""The safety suite, messages (issue 12, item 1): user data quoted in a message —
a key of actors.yaml, a file or dataset name in an `add`/`import` summary, a
saved-search name or keymap key from the config — cannot drive the terminal, in
the command line and in the app."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from reader.cli import main
from reader.config import load_config
from reader.state import ReadingState
from reader.ui.launch import make_app

from hostile_fixtures import assert_terminal_safe, forbidden_in, yaml_quoted
from snapshot_apps.harness import pilot_test
from waiting import settle

TITLE_CHANGE = "\x1b]0;PWNED\x07"
CLIPBOARD = "\x1b]52;c;ZWNobyBwd25lZA==\x07"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def store_with_hostile_actors(root: Path) -> Path:
    root.mkdir(parents=True)
    (root / "a.txt").write_text(
        "date 2024-03-01 Harbour news. \u201cAll is well,\u201d Mayor Ada Lind said.\n", encoding="utf-8"
    )
    (root / "actors.yaml").write_text(
        f"{yaml_quoted(TITLE_CHANGE)}: [1, 2]\n"
        f"{yaml_quoted(CLIPBOARD)}: {{kind: {yaml_quoted('spy' + TITLE_CHANGE)}}}\n"
        f"Ada Lind: {{kind: person, aliases: {{x: {yaml_quoted(CLIPBOARD)}}}}}\n",
        encoding="utf-8",
    )
    return root


def test_a_hostile_actors_yaml_cannot_drive_the_terminal_through_any_command(tmp_path, capsys, monkeypatch):
    store = store_with_hostile_actors(tmp_path / "store")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)  # `show` analyses only on a terminal
    monkeypatch.setenv("COLUMNS", "200")
    for argv in (
        ["quotes", "--all"], ["actors"], ["search", "harbour"], ["analyze", str(store / "a.txt")], ["show", "a.txt"]
    ):
        code, out, err = run(capsys, *argv, "--store", str(store))
        assert code == 0, (argv, err)
        assert_terminal_safe(err, f"stderr of {argv[0]}")
        assert "\\x1b]0;PWNED\\x07: expected kind and aliases" in err, (argv, err)  # named, visibly escaped
        assert "unknown kind" in err and "\\x1b]0;PWNED" in err


def test_add_summaries_name_hostile_files_escaped(tmp_path, capsys):
    store = tmp_path / "store"
    store.mkdir()
    incoming = tmp_path / f"new{TITLE_CHANGE}\u202e.txt"
    incoming.write_text("A new article about the harbour.\n", encoding="utf-8")
    broken = tmp_path / f"bad{CLIPBOARD}.yaml"
    broken.write_text("title: no body\n", encoding="utf-8")
    code, out, err = run(capsys, "add", "--store", str(store), str(incoming), str(broken))
    assert code == 1
    assert_terminal_safe(out + err, "add")
    assert "added " in out and "new\\x1b]0;PWNED\\x07\\u202e.txt" in out
    assert "not added" in err and "bad\\x1b]52;c;" in err
    code, out, err = run(capsys, "add", "--store", str(store), str(incoming))
    assert_terminal_safe(out + err, "add again")
    assert "already in the store: " in out


def test_import_summaries_name_hostile_datasets_and_values_escaped(tmp_path, capsys):
    store = tmp_path / "store"
    store.mkdir()
    dataset = tmp_path / f"rows{TITLE_CHANGE}.jsonl"
    rows = [
        {"title": "Fine", "date": "2024-01-01", "body": "A fine row."},
        {"title": "Odd date", "date": f"when{CLIPBOARD}\u202e", "body": "A row with a hostile date."},
        f"not json {TITLE_CHANGE}",
    ]
    dataset.write_text("".join((json.dumps(row) if isinstance(row, dict) else row) + "\n" for row in rows), encoding="utf-8")
    code, out, err = run(capsys, "import", "--store", str(store), str(dataset))
    assert code == 1
    assert_terminal_safe(out + err, "import")
    assert "rows\\x1b]0;PWNED\\x07.jsonl: 1 added" in out
    assert "row 2:" in err and "row 3:" in err


def test_config_strings_shown_in_the_app_are_cleaned_as_they_are_read(tmp_path, monkeypatch):
    folder = tmp_path / "config"
    folder.mkdir()
    (folder / "config.yaml").write_text(
        "saved_searches:\n"
        f"  {yaml_quoted('korea' + TITLE_CHANGE + chr(0x202e))}: {yaml_quoted('actor:Kim' + CLIPBOARD)}\n"
        f"  {yaml_quoted(TITLE_CHANGE)}: harbour\n"
        "keymap:\n"
        f"  {yaml_quoted('quit' + TITLE_CHANGE)}: {yaml_quoted('q,' + CLIPBOARD + 'x')}\n",
        encoding="utf-8",
    )
    config, warnings = load_config(folder / "config.yaml")
    assert config.saved_searches == {"korea": "actor:Kim"}  # a name that is nothing but controls is dropped
    assert config.keymap == {"quit": "q,x"}
    assert any("saved_searches entry" in warning for warning in warnings)
    for warning in warnings:
        assert_terminal_safe(warning, "config warning")


@pilot_test
async def test_a_hostile_saved_search_name_renders_clean_in_the_sidebar(tmp_path):
    """Names can reach the sidebar without passing the config reader (the app adds them): the label cleans too."""
    from reader.config import Config

    store = tmp_path / "store"
    store.mkdir()
    (store / "a.txt").write_text("date 2024-03-01 Harbour news.\n", encoding="utf-8")
    config = Config(saved_searches={f"harbour{TITLE_CHANGE}\u202e": "harbour"})
    app = make_app(store, state=ReadingState(tmp_path / "state.yaml"), config=config)
    app.reading.read_after = 3600.0
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        lines = []
        for strip in app.screen._compositor.render_strips():
            lines.append("".join(segment.text for segment in strip))
        screen = "\n".join(lines)
        assert "⌕ harbour" in screen
        assert not forbidden_in(screen), forbidden_in(screen)
