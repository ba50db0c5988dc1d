"""YAML from every file the program reads (articles, front matter, state, config,
actors.yaml) is plain data: Python tags are refused and never run; alias bombs
and deep nesting end quickly with a problem; files over the size limit are
reported, not loaded; very long text prints.

Already proven elsewhere, not repeated here: store .yaml python tags, billion laughs,
merge-key bombs and self-aliases (test_store_yaml), python tags in state.yaml
(test_state), `load_yaml` refusals (test_yaml_safe), the size limit of `scan_store`
(test_store_scan)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from reader.cli import main
from reader.config import load_config
from reader.state import ReadingState
from reader.store import parse_text

from hostile_fixtures import assert_terminal_safe


def python_tags(marker: Path) -> list[str]:
    return [
        f"!!python/object/apply:os.system ['touch {marker}']",
        f'!!python/object/apply:subprocess.check_call [["touch", "{marker}"]]',
        "!!python/name:os.system",
        f"!!python/object/new:os.system ['touch {marker}']",
    ]


@pytest.mark.parametrize("which", range(4))
def test_python_tags_in_front_matter_are_refused_and_never_run(tmp_path, which):
    marker = tmp_path / "PWNED"
    tag = python_tags(marker)[which]
    articles, problems = parse_text(f"---\ntitle: {tag}\n---\n\nBody text.\n", "story.md")
    assert not marker.exists()
    assert articles == [] and problems and "refused YAML tag !!python/" in problems[0].reason


@pytest.mark.parametrize("which", range(4))
def test_python_tags_in_config_are_refused_and_never_run(tmp_path, which):
    marker = tmp_path / "PWNED"
    path = tmp_path / "config.yaml"
    path.write_text(f"theme: {python_tags(marker)[which]}\n", encoding="utf-8")
    config, warnings = load_config(path)
    assert not marker.exists()
    assert config.theme is None
    assert any("refused unsafe YAML tag !!python/" in warning for warning in warnings)


@pytest.mark.parametrize("which", range(4))
def test_python_tags_in_a_state_list_are_refused_and_never_run(tmp_path, which):
    marker = tmp_path / "PWNED"
    path = tmp_path / "state.yaml"
    path.write_text(f"read:\n- {python_tags(marker)[which]}\n", encoding="utf-8")
    state = ReadingState(path)
    assert not marker.exists()
    assert any("refused unsafe YAML tag" in warning for warning in state.warnings)


def test_python_tags_in_actors_yaml_are_never_run(tmp_path):
    from reader.analysis.gazetteer import parse_user_gazetteer

    marker = tmp_path / "PWNED"
    text = "\n".join(f"Actor{n}: {tag}" for n, tag in enumerate(python_tags(marker))) + "\n"
    gazetteer, _problems = parse_user_gazetteer(text, "actors.yaml")
    assert not marker.exists()


def test_python_tags_through_the_cli_are_reported_not_run(tmp_path, capsys):
    marker = tmp_path / "PWNED"
    store = tmp_path / "store"
    store.mkdir()
    (store / "a.yaml").write_text(f"body: {python_tags(marker)[0]}\n", encoding="utf-8")
    (store / "b.md").write_text(f"---\ntitle: {python_tags(marker)[1]}\n---\nText.\n", encoding="utf-8")
    assert main(["check", "--store", str(store)]) == 1
    out = capsys.readouterr().out
    assert not marker.exists()
    assert out.count("refused YAML tag !!python/") == 2


def _laughs(levels: int = 9) -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, levels + 1):
        previous, name = chr(96 + level), chr(97 + level)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_alias_bomb_in_front_matter_is_refused():
    articles, problems = parse_text(f"---\n{_laughs()}---\n\nBody.\n", "story.md")
    assert articles == [] and "alias" in problems[0].reason


def test_alias_bombs_in_state_and_config_are_refused_without_expanding(tmp_path):
    """Measured before anything is built: the file is moved aside as corrupt, with a notice."""
    state_path = tmp_path / "state.yaml"
    state_path.write_text(_laughs() + "read: *j\nstarred: *j\n", encoding="utf-8")
    state = ReadingState(state_path)
    assert not state.read_ids and any("alias bomb" in w and "moved aside" in w for w in state.warnings)
    config_path = tmp_path / "config.yaml"
    config_path.write_text(_laughs() + "keymap: {quit: *j}\n", encoding="utf-8")
    config, warnings = load_config(config_path)
    assert config.keymap == {} and any("alias bomb" in w for w in warnings)


DEEP = 100_000


@pytest.mark.parametrize("name", ["deep.yaml", "deep.md"])
def test_100k_deep_nesting_in_articles_is_a_problem(name):
    nested = "[" * DEEP + "]" * DEEP
    text = f"body: {nested}\n" if name.endswith(".yaml") else f"---\ntitle: {nested}\n---\nBody.\n"
    articles, problems = parse_text(text, name)
    assert articles == [] and problems and problems[0].fatal


def test_100k_deep_nesting_in_state_and_config_is_moved_aside(tmp_path):
    nested = "[" * DEEP + "]" * DEEP
    state_path = tmp_path / "state.yaml"
    state_path.write_text(f"read: {nested}\n", encoding="utf-8")
    assert any("corrupt" in warning for warning in ReadingState(state_path).warnings)
    config_path = tmp_path / "config.yaml"
    config_path.write_text(f"keymap: {nested}\n", encoding="utf-8")
    assert any("corrupt" in warning for warning in load_config(config_path)[1])


def test_deep_nesting_with_the_pure_python_loader_is_not_a_crash(tmp_path, monkeypatch):
    import reader.yaml_safe

    monkeypatch.setattr(reader.yaml_safe, "_Loader", yaml.SafeLoader)
    path = tmp_path / "state.yaml"
    path.write_text("read: " + "[" * DEEP + "]" * DEEP + "\n", encoding="utf-8")
    assert any("corrupt" in warning for warning in ReadingState(path).warnings)
    path = tmp_path / "config.yaml"
    path.write_text("keymap: " + "[" * DEEP + "]" * DEEP + "\n", encoding="utf-8")
    assert any("corrupt" in warning for warning in load_config(path)[1])


def test_the_configured_size_limit_applies_to_every_command(tmp_path, monkeypatch, capsys):
    config_dir = tmp_path / "config"
    config_dir.mkdir()
    monkeypatch.setenv("NEWSREADER_CONFIG_DIR", str(config_dir))
    (config_dir / "config.yaml").write_text("max_file_bytes: 2000\n", encoding="utf-8")
    store = tmp_path / "store"
    store.mkdir()
    (store / "small.txt").write_text("A small article.\n", encoding="utf-8")
    (store / "huge.txt").write_text("Too long. " * 1000 + "\n", encoding="utf-8")
    assert main(["list", "--store", str(store), "--json"]) == 0
    out = capsys.readouterr().out
    assert "small.txt" in out and "huge.txt" not in out
    assert main(["check", "--store", str(store)]) == 1
    assert "huge.txt: larger than the 2,000 bytes limit; not loaded" in capsys.readouterr().out


def test_the_default_size_limit_refuses_a_file_without_reading_it(tmp_path, capsys):
    from reader.config import DEFAULT_MAX_FILE_BYTES

    store = tmp_path / "store"
    store.mkdir()
    with open(store / "sparse.txt", "wb") as handle:  # sparse: big on paper, no disk used
        handle.truncate(DEFAULT_MAX_FILE_BYTES + 1)
    assert main(["check", "--store", str(store)]) == 1
    assert "sparse.txt: larger than the 8 MB limit; not loaded" in capsys.readouterr().out


def test_show_prints_a_one_megabyte_line(tmp_path, capsys):
    store = tmp_path / "store"
    store.mkdir()
    line = "word " * 200_000
    (store / "long.txt").write_text(f"{line}\n\n{'Short paragraph. ' * 50}\n", encoding="utf-8")
    assert main(["show", "--store", str(store), "long.txt"]) == 0
    out = capsys.readouterr().out
    assert line.strip() in out
    assert_terminal_safe(out, "show of a long line")
    assert sys.getsizeof(out) > 1_000_000
