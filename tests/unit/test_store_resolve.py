"""Which folder is the store, and the store's text cleaning shortcut."""

from __future__ import annotations

import pytest

from reader.errors import UserError
from reader.paths import bundled_store, config_file
from reader.store import resolve_store
from reader.store.fields import clean
from reader.text import clean_text


def test_cli_value_wins_over_environment_and_config(tmp_path, monkeypatch):
    cli, env, configured = (tmp_path / name for name in ("cli", "env", "configured"))
    for folder in (cli, env, configured):
        folder.mkdir()
    config_file().parent.mkdir(parents=True, exist_ok=True)
    config_file().write_text(f"store: {configured}\n", encoding="utf-8")
    monkeypatch.setenv("NEWSREADER_STORE", str(env))
    assert resolve_store(str(cli)) == cli
    assert resolve_store(None) == env
    monkeypatch.delenv("NEWSREADER_STORE")
    assert resolve_store(None) == configured
    config_file().unlink()
    assert resolve_store(None) == bundled_store()


def test_relative_config_store_is_relative_to_the_config_folder(tmp_path):
    config_file().parent.mkdir(parents=True, exist_ok=True)
    (config_file().parent / "mine").mkdir()
    config_file().write_text("store: mine\n", encoding="utf-8")
    assert resolve_store(None) == config_file().parent / "mine"


def test_broken_config_falls_back_to_the_sample():
    config_file().parent.mkdir(parents=True, exist_ok=True)
    config_file().write_text("store: [unclosed\n", encoding="utf-8")
    assert resolve_store(None) == bundled_store()


def test_missing_store_is_one_clear_user_error(tmp_path, monkeypatch):
    with pytest.raises(UserError, match=r"not found: .*nope \(from --store\)"):
        resolve_store(str(tmp_path / "nope"))
    monkeypatch.setenv("NEWSREADER_STORE", str(tmp_path / "gone"))
    with pytest.raises(UserError, match="NEWSREADER_STORE"):
        resolve_store(None)


def test_file_instead_of_folder(tmp_path):
    file = tmp_path / "a.txt"
    file.write_text("x")
    with pytest.raises(UserError, match="is a file, not a folder"):
        resolve_store(str(file))


def test_user_error_message_is_printable(tmp_path):
    with pytest.raises(UserError) as caught:
        resolve_store(str(tmp_path / "bad\x1b[2Jname"))
    assert "\x1b" not in str(caught.value)


@pytest.mark.parametrize("block", range(0, 0x3100, 0x100))
def test_clean_shortcut_never_skips_text_clean_text_would_change(block):
    for code in range(block, block + 0x100):
        sample = f"a{chr(code)}b"
        assert clean(sample) == clean_text(sample), hex(code)
    for code in (0xFEFF, 0xFFFE, 0xFFF9, 0xE0001):
        sample = f"a{chr(code)}b"
        assert clean(sample) == clean_text(sample), hex(code)
