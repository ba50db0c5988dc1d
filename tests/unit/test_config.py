"""load_config and save_saved_searches: defaults, validation, corrupt files, careful rewrites."""

from __future__ import annotations

import dataclasses
import errno
import os
from pathlib import Path

import pytest
import yaml

from reader import atomic
from reader.config import _CHECKS, Config, ConfigSaveError, load_config, save_saved_searches


@pytest.fixture
def path(tmp_path) -> Path:
    return tmp_path / "config.yaml"


def _asides(path: Path) -> list[Path]:
    return sorted(path.parent.glob(path.name + ".corrupt-*"))


def test_missing_file_gives_defaults_without_warnings(path):
    config, warnings = load_config(path)
    assert config == Config() and warnings == []
    assert config.max_file_bytes == 8_000_000 and config.keymap == {} and config.store is None


def test_default_path_is_in_the_config_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSREADER_CONFIG_DIR", str(tmp_path / "cfg"))
    (tmp_path / "cfg").mkdir()
    (tmp_path / "cfg" / "config.yaml").write_text("theme: gruvbox\n")
    assert load_config()[0].theme == "gruvbox"


def test_every_setting_is_read(path, monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    path.write_text(
        "store: ~/news\n"
        "theme: nord\n"
        "keymap:\n  next_article: j,down\n  quit: [q, ctrl+q]\n"
        "max_file_bytes: 1000\n"
        "saved_searches:\n  korea: Kim Jong Un\n"
    )
    config, warnings = load_config(path)
    assert warnings == []
    assert config == Config(
        store=tmp_path / "home" / "news",
        theme="nord",
        keymap={"next_article": "j,down", "quit": "q,ctrl+q"},
        max_file_bytes=1000,
        saved_searches={"korea": "Kim Jong Un"},
    )


def test_relative_store_is_taken_from_the_config_folder(path):
    path.write_text("store: archive/2021\n")
    assert load_config(path)[0].store == path.parent / "archive" / "2021"


def test_every_config_field_is_validated():
    derived = {"saved_search_stores"}  # read with saved_searches, by its check
    assert set(_CHECKS) == {field.name for field in dataclasses.fields(Config)} - derived


BAD_VALUES = {
    "store": "store: 5\n",
    "theme": "theme: [a]\n",
    "keymap": "keymap: j\n",
    "max_file_bytes": "max_file_bytes: -1\n",
    "max_file_bytes-bool": "max_file_bytes: true\n",
    "saved_searches": "saved_searches: [a]\n",
    "sidebar_width": "sidebar_width: 5\n",
}


@pytest.mark.parametrize("bad", BAD_VALUES.values(), ids=BAD_VALUES.keys())
def test_a_bad_setting_is_ignored_and_the_rest_applies(path, bad):
    key = bad.split(":")[0]
    good = "theme: nord\n" if key != "theme" else "max_file_bytes: 1234\n"
    path.write_text(bad + good)
    original = path.read_bytes()
    config, warnings = load_config(path)
    assert len(warnings) == 1 and repr(key) in warnings[0] and str(path) in warnings[0]
    assert getattr(config, key) == getattr(Config(), key)
    assert config != Config()  # the good setting still applied
    assert path.read_bytes() == original and _asides(path) == []


def test_bad_entries_of_a_mapping_are_dropped_one_by_one(path):
    path.write_text("keymap:\n  quit: q\n  next: 3\n  prev: ''\nsaved_searches:\n  ok: x\n  bad: {a: 1}\n")
    config, warnings = load_config(path)
    assert config.keymap == {"quit": "q"} and config.saved_searches == {"ok": "x"}
    assert len(warnings) == 3
    assert any("'next'" in w for w in warnings) and any("'bad'" in w for w in warnings)


def test_unknown_setting_is_named_in_a_warning(path):
    path.write_text("thme: nord\n")
    config, warnings = load_config(path)
    assert config == Config() and len(warnings) == 1 and "'thme'" in warnings[0]


def test_empty_file_gives_defaults(path):
    path.write_text("# nothing yet\n")
    assert load_config(path) == (Config(), [])


CORRUPT = {
    "invalid yaml": b"theme: nord\nkeymap: {quit: q\n",
    "a list": b"- theme\n- nord\n",
    "binary garbage": bytes(range(256)) * 3,
    "python tag": b"theme: !!python/object/apply:os.system ['true']\n",
}


@pytest.mark.parametrize("content", CORRUPT.values(), ids=CORRUPT.keys())
def test_corrupt_file_is_moved_aside_with_a_warning(path, content):
    path.write_bytes(content)
    config, warnings = load_config(path)
    asides = _asides(path)
    assert config == Config()
    assert len(asides) == 1 and asides[0].read_bytes() == content and not path.exists()
    assert len(warnings) == 1 and "corrupt" in warnings[0] and str(asides[0]) in warnings[0]


def test_a_later_load_in_the_same_run_repeats_the_moved_aside_warning(path):
    # The store resolver loads the config before the app does; the app must still warn.
    path.write_bytes(b"theme: [\n")
    first = load_config(path)[1]
    assert load_config(path) == (Config(), first)
    path.write_text("theme: nord\n")  # a new file replaces the warning
    assert load_config(path) == (Config(theme="nord"), [])


# save_saved_searches ------------------------------------------------------------------


def test_saving_searches_creates_the_file(path):
    save_saved_searches({"korea": "Kim Jong Un", "odd": "a: b # c"}, path)
    assert load_config(path) == (Config(saved_searches={"korea": "Kim Jong Un", "odd": "a: b # c"}), [])


def test_saving_searches_keeps_other_settings_and_comments(path):
    path.write_text(
        "# my settings\n"
        "theme: nord   # dark\n"
        "saved_searches:\n"
        "  old: query\n"
        "  # a comment inside\n"
        "\n"
        "keymap:\n"
        "  quit: q  # keep me\n"
    )
    save_saved_searches({"new": "Moon Jae-in"}, path)
    text = path.read_text()
    assert "# my settings\n" in text and "theme: nord   # dark\n" in text and "quit: q  # keep me" in text
    config, warnings = load_config(path)
    assert warnings == []
    assert config == Config(theme="nord", keymap={"quit": "q"}, saved_searches={"new": "Moon Jae-in"})


def test_saving_searches_replaces_a_flow_style_mapping(path):
    path.write_text("saved_searches: {a: b}\ntheme: nord\n")
    save_saved_searches({}, path)
    assert load_config(path)[0] == Config(theme="nord")


def test_saving_searches_falls_back_to_a_full_rewrite(path):
    path.write_text("{theme: nord, saved_searches: {a: b}}\n")  # one-line mapping: no block to swap
    save_saved_searches({"c": "d"}, path)
    assert yaml.safe_load(path.read_text()) == {"theme": "nord", "saved_searches": {"c": "d"}}


def test_saving_searches_leaves_a_corrupt_file_alone(path):
    path.write_bytes(b"theme: [unclosed\n")
    with pytest.raises(ConfigSaveError, match="line"):
        save_saved_searches({"a": "b"}, path)
    assert path.read_bytes() == b"theme: [unclosed\n"


def test_saving_searches_on_a_full_disk_changes_nothing(path, monkeypatch):
    path.write_text("theme: nord\n")

    def fail(*args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "fsync", fail)
    with pytest.raises(ConfigSaveError, match="No space left on device"):
        save_saved_searches({"a": "b"}, path)
    monkeypatch.undo()
    assert path.read_text() == "theme: nord\n"


def test_a_saved_search_can_be_kept_to_some_stores(path, tmp_path):
    path.write_text(
        "saved_searches:\n"
        "  everywhere: ferry\n"
        "  local:\n"
        "    query: source:council\n"
        "    stores: [local, ~/news/other]\n"
        "  one:\n"
        "    query: bank\n"
        "    stores: /elsewhere\n"
    )
    config, warnings = load_config(path)
    assert warnings == []
    assert config.saved_searches == {"everywhere": "ferry", "local": "source:council", "one": "bank"}
    assert config.saved_searches_for(path.parent / "local") == {"everywhere": "ferry", "local": "source:council"}
    assert config.saved_searches_for(path.parent / "local" / ".." / "local") == config.saved_searches_for(
        path.parent / "local"
    )
    assert config.saved_searches_for(Path("/elsewhere")) == {"everywhere": "ferry", "one": "bank"}
    assert config.saved_searches_for(tmp_path / "nowhere") == {"everywhere": "ferry"}


def test_saving_a_search_keeps_the_stores_of_the_entries_that_have_them(path):
    from reader.config import save_search

    path.write_text("saved_searches:\n  local:\n    query: old\n    stores: /news/local\n  all: x\n")
    shown = save_search("local", "new", path, store=Path("/news/other"))
    assert shown == {"all": "x"}  # kept to /news/local: not shown in another store
    shown = save_search("fresh", "y", path, store=Path("/news/local"))
    assert shown == {"local": "new", "all": "x", "fresh": "y"}
    config, warnings = load_config(path)
    assert warnings == [] and config.saved_search_stores == {"local": (Path("/news/local"),)}
    assert config.saved_searches == {"local": "new", "all": "x", "fresh": "y"}


def test_bad_stores_of_a_saved_search_are_a_warning(path):
    path.write_text("saved_searches:\n  a:\n    query: x\n    stores: 5\n  b:\n    query: y\n    colour: red\n")
    config, warnings = load_config(path)
    assert config.saved_searches == {"b": "y"}
    assert len(warnings) == 2 and "'a'" in warnings[0] and "stores must be" in warnings[0]
    assert "unknown key 'colour'" in warnings[1]
