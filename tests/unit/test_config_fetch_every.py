"""`fetch_every:` in the config: a duration, checked like every other setting."""

from __future__ import annotations

import pytest

from reader.config import load_config, parse_duration


@pytest.mark.parametrize(
    ("text", "seconds"), [("30m", 1800), ("2h", 7200), ("1h30m", 5400), ("90s", 90), ("1d", 86400), (" 45 M ", 2700)]
)
def test_durations_read_as_seconds(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "30", "m", "30x", "30m junk", "-5m", "1.5h", "half an hour"])
def test_anything_else_is_not_a_duration(text):
    with pytest.raises(ValueError):
        parse_duration(text)


def test_fetch_every_is_read_in_seconds(tmp_path):
    path = tmp_path / "config.yaml"
    path.write_text("fetch_every: 30m\n")
    config, warnings = load_config(path)
    assert config.fetch_every == 1800 and warnings == []


@pytest.mark.parametrize(
    ("value", "shown"), [("30", "30"), ("soon", "'soon'"), ("10s", "'10s'"), ("[1, 2]", "[1, 2]"), ("true", "True")]
)
def test_a_bad_value_is_a_config_problem_saying_what_is_wanted(tmp_path, value, shown):
    path = tmp_path / "config.yaml"
    path.write_text(f"theme: nord\nfetch_every: {value}\n")
    config, [warning] = load_config(path)
    assert config.fetch_every is None and config.theme == "nord"  # the rest still applies
    assert str(path) in warning and "'fetch_every' must be a duration like 30m" in warning
    assert "at least 1m" in warning and shown in warning


def test_unset_means_never(tmp_path):
    path = tmp_path / "config.yaml"
    path.write_text("feeds:\n  a: https://example.org/feed.xml\n")
    assert load_config(path)[0].fetch_every is None
