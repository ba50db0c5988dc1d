"""Every command, pointed at a store full of hostile text: what reaches the
terminal (stdout and stderr, as bytes) holds no ESC, no C0/C1 control, no bidi
or invisible character, and markup is printed as it is. JSON output may escape
such characters, but its decoded values must be the cleaned text."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.store import safe_name

from hostile_fixtures import (
    BYLINE,
    DATELINE,
    HOSTILE_FILE_NAME,
    HOSTILE_MIX,
    MARKUP,
    SOURCE,
    TAG,
    TITLE,
    URL,
    assert_terminal_safe,
    forbidden_in,
    hostile,
    write_hostile_store,
    yaml_quoted,
)

SGR = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return write_hostile_store(tmp_path / "store")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def run_safe(capsys, *argv: str) -> tuple[int, str, str]:
    code, out, err = run(capsys, *argv)
    assert_terminal_safe(out.encode("utf-8"), f"stdout of {argv[0]}")
    assert_terminal_safe(err.encode("utf-8"), f"stderr of {argv[0]}")
    assert "Traceback" not in err and code != 70, err
    return code, out, err


def strings_in(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*strings_in(k), *strings_in(v))]
    if isinstance(value, list):
        return [s for item in value for s in strings_in(item)]
    return []


def json_safe(out: str):
    """The decoded document, after checking every string in it is clean."""
    document = json.loads(out)
    for text in strings_in(document):
        assert not forbidden_in(text), (text, forbidden_in(text))
    return document


def test_list_shows_every_field_clean(store, capsys, monkeypatch):
    monkeypatch.delenv("COLUMNS", raising=False)  # output to a pipe is not cropped (other tests may leave COLUMNS set)
    _, out, err = run_safe(capsys, "list", "--store", str(store))
    assert f"{TITLE} {TITLE}" in out and f"{SOURCE} {SOURCE}" in out
    assert safe_name(HOSTILE_FILE_NAME) in out  # the file name, escaped visibly
    assert "[bold red]x[/] [link=https://evil.example]click[/link]" in out  # markup, literally
    assert "problem" in err


def test_list_json_values_are_the_cleaned_text(store, capsys):
    _, out, _ = run_safe(capsys, "list", "--store", str(store), "--json")
    by_id = {entry["id"]: entry for entry in json_safe(out)}
    entry = by_id["escaped.yaml"]
    assert entry["title"] == f"{TITLE} {TITLE}"
    assert (entry["source"], entry["byline"], entry["dateline"], entry["url"]) == (
        f"{SOURCE} {SOURCE}", f"{BYLINE} {BYLINE}", f"{DATELINE} {DATELINE}", f"{URL} {URL}"
    )
    assert entry["tags"] == [f"{TAG} {TAG}"]
    assert safe_name(HOSTILE_FILE_NAME) in by_id
    assert by_id["markup.yaml"]["title"] == " ".join(MARKUP)


@pytest.mark.parametrize("article_id", ["escaped.yaml", "raw-front-matter.md", "2024-01-03-wire.txt"])
def test_show_prints_clean_text(store, capsys, article_id):
    _, out, _ = run_safe(capsys, "show", "--store", str(store), article_id)
    assert "Kim Jong Un said" in out and "never give up" in out and "late in the evening" in out


def test_show_by_escaped_id_of_a_hostile_file_name(store, capsys):
    _, out, _ = run_safe(capsys, "show", "--store", str(store), safe_name(HOSTILE_FILE_NAME))
    assert "An article whose file name is hostile." in out


def test_show_json_body_is_the_cleaned_text(store, capsys):
    _, out, _ = run_safe(capsys, "show", "--store", str(store), "escaped.yaml", "--json")
    document = json_safe(out)
    assert document["body"].startswith("Officials\n\nOfficials met") and "never give up" in document["body"]


def test_show_on_a_terminal_has_only_colour_codes_and_literal_markup(store, capsys, monkeypatch):
    """On a tty `show` goes through Rich: its own SGR codes are the only escapes,
    and `[link=…]` is text, not an OSC 8 hyperlink."""
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("FORCE_COLOR", "1")
    main(["show", "--store", str(store), "markup.yaml"])
    out = capsys.readouterr().out
    assert "\x1b[" in out  # it did style the output
    plain = SGR.sub("", out)
    assert_terminal_safe(plain, "show on a terminal, colours removed")
    assert " ".join(MARKUP) in plain


def test_render_article_with_analysis_emits_only_sgr(store):
    """The tty renderer with highlights (what `show` will print once it analyses)."""
    from rich.console import Console

    from reader.analysis import analyze_article
    from reader.cli.cmd_show import render_article
    from reader.store import scan_store

    article = scan_store(store).get("escaped.yaml")
    file = io.StringIO()
    Console(file=file, force_terminal=True, width=100, color_system="truecolor").print(
        render_article(article, analyze_article(article))
    )
    plain = SGR.sub("", file.getvalue())
    assert_terminal_safe(plain, "rendered article")
    assert "never give up" in plain


def test_check_names_hostile_files_visibly(store, capsys):
    code, out, _ = run_safe(capsys, "check", "--store", str(store))
    assert code == 1
    assert "broken\\x1b[31m[link=evil.example]x\\u2066.yaml:1: refused YAML tag !!python/object/apply:os.system" in out


def test_check_json(store, capsys):
    _, out, _ = run_safe(capsys, "check", "--store", str(store), "--json")
    [problem] = json_safe(out)["problems"]
    assert problem["path"] == "broken\\x1b[31m[link=evil.example]x\\u2066.yaml"


def test_check_reports_hostile_yaml_tags_escaped(tmp_path, capsys):
    """A tag can smuggle any character as a %-escape; the reason shows it escaped."""
    store = tmp_path / "store"
    store.mkdir()
    (store / "tag.yaml").write_text("body: !<%1B%5D2%3Bpwn%07%E2%80%AE> x\n", encoding="utf-8")
    (store / "pytag.yaml").write_text("body: !!python/name:os.system%1B%5B2J x\n", encoding="utf-8")
    _, out, _ = run_safe(capsys, "check", "--store", str(store))
    assert "tag.yaml:1: unsupported YAML tag" in out and "pytag.yaml:1: refused YAML tag" in out


def test_analyze_file_text_and_json(store, capsys):
    path = str(store / "escaped.yaml")
    _, out, _ = run_safe(capsys, "analyze", path)
    assert "Kim Jong Un" in out
    _, out, _ = run_safe(capsys, "analyze", path, "--json")
    document = json_safe(out)
    body = document["body"]
    assert "never give up" in body
    for span in document["mentions"] + document["quotes"]:
        assert body[span["start"] : span["end"]] == span["text"]


def test_analyze_stdin(store, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO((store / "2024-01-03-wire.txt").read_text(encoding="utf-8")))
    _, out, _ = run_safe(capsys, "analyze", "-", "--json")
    assert "never give up" in json_safe(out)["body"]


def test_analyze_a_hostile_file_name(store, capsys):
    _, out, _ = run_safe(capsys, "analyze", str(store / HOSTILE_FILE_NAME), "--json")
    assert json_safe(out)["article"]["title"] == "An article whose file name is hostile"


def test_analyze_raw_keeps_the_body_exact_and_the_terminal_safe(tmp_path, capsys):
    """--raw promises offsets into the input as given, so the body is not cleaned;
    the JSON escapes every control instead, and the file name is shown escaped."""
    path = tmp_path / "evil\x1b]2;pwn\x07.txt"
    text = f"Kim Jong Un said {HOSTILE_MIX}\n\u201chello there\u201d."
    path.write_text(text, encoding="utf-8", newline="")
    run_safe(capsys, "analyze", "--raw", str(path))
    _, out, _ = run_safe(capsys, "analyze", "--raw", str(path), "--json")
    document = json.loads(out)
    assert document["body"] == text
    assert document["article"]["id"] == safe_name(str(path))
    for quote in document["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]


def test_search_text_and_json(store, capsys):
    _, out, _ = run_safe(capsys, "search", "--store", str(store), "never give up")
    assert "never give up" in out
    _, out, _ = run_safe(capsys, "search", "--store", str(store), "--json", "Officials")
    hits = json_safe(out)
    assert {hit["id"] for hit in hits} >= {"escaped.yaml", "2024-01-03-wire.txt"}
    assert {hit["title"] for hit in hits} >= {f"{TITLE} {TITLE}"}


def test_search_for_markup_and_controls_is_safe(store, capsys):
    _, out, _ = run_safe(capsys, "search", "--store", str(store), "--json", "[bold")
    json_safe(out)
    code, out, err = run(capsys, "search", "--store", str(store), "\x1b]2;x\x07 evil\u202e")
    assert_terminal_safe((out + err).encode("utf-8"), "search for controls")


def test_actors_and_quotes(store, capsys):
    _, out, _ = run_safe(capsys, "actors", "--store", str(store))
    assert "Kim Jong Un" in out
    _, out, _ = run_safe(capsys, "actors", "--store", str(store), "--json")
    assert "Kim Jong Un" in {actor["name"] for actor in json_safe(out)}
    _, out, _ = run_safe(capsys, "quotes", "--store", str(store), "--all")
    assert "Kim Jong Un: \u201cwe will" in out
    _, out, _ = run_safe(capsys, "quotes", "--store", str(store), "--all", "--json")
    assert any(quote["speaker"] == "Kim Jong Un" for quote in json_safe(out))


def _hostile_gazetteer(folder: Path) -> None:
    name = hostile("Mallory Actor")
    (folder / "actors.yaml").write_text(
        f"{yaml_quoted(name)}: {{kind: person, aliases: [Kim Jong Un]}}\n",
        encoding="utf-8",
    )


def test_hostile_actors_yaml_names_are_cleaned(store, capsys, monkeypatch):
    _hostile_gazetteer(store)
    monkeypatch.setenv("NEWSREADER_STORE", str(store))
    _, out, _ = run_safe(capsys, "analyze", str(store / "escaped.yaml"), "--json")
    json_safe(out)
    _, out, _ = run_safe(capsys, "actors", "--store", str(store), "--json")
    json_safe(out)


def test_a_broken_actors_yaml_in_a_hostile_folder_is_reported_safely(tmp_path, capsys, monkeypatch):
    store = write_hostile_store(tmp_path / "evil\x1b]2;pwn\x07\u202e")
    (store / "actors.yaml").write_text("[unclosed\n", encoding="utf-8")
    monkeypatch.setenv("NEWSREADER_STORE", str(store))
    _, _, err = run(capsys, "analyze", str(store / "escaped.yaml"))
    assert "actors.yaml" in err
    assert_terminal_safe(err, "stderr of analyze")


def test_user_errors_name_hostile_arguments_escaped(store, capsys):
    code, _, err = run_safe(capsys, "show", "--store", str(store), "\x1b]2;pwn\x07\u202e")
    assert code == 2 and "no article with id" in err
    code, _, err = run_safe(capsys, "list", "--store", str(store / "no\x1b[2Jsuch\u202e"))
    assert code == 2 and "not found" in err


def test_a_bad_search_filter_is_named_escaped(store, capsys):
    code, _, err = run_safe(capsys, "search", "--store", str(store), "from:\x1b]2;pwn\x07\u202e")
    assert code == 2 and "is not a date" in err


def test_a_real_process_writes_no_control_bytes(store, tmp_path):
    """The same boundary in a subprocess: the bytes a terminal would receive."""
    env = {
        **os.environ,
        "NEWSREADER_CONFIG_DIR": str(tmp_path / "config"),
        "NEWSREADER_STATE_DIR": str(tmp_path / "state"),
        "NEWSREADER_CACHE_DIR": str(tmp_path / "cache"),
        "PYTHONIOENCODING": "utf-8",
    }
    env.pop("NEWSREADER_STORE", None)
    outputs = {}
    for argv in (["list"], ["show", "escaped.yaml"], ["check"]):
        result = subprocess.run(
            [sys.executable, "-m", "reader", *argv, "--store", str(store)],
            capture_output=True,
            env=env,
            timeout=120,
            cwd=Path(__file__).parents[2],
        )
        assert result.returncode in (0, 1), result.stderr
        assert_terminal_safe(result.stdout, f"stdout of {argv}")
        assert_terminal_safe(result.stderr, f"stderr of {argv}")
        outputs[argv[0]] = result.stdout.decode("utf-8")
    assert TITLE in outputs["list"] and "never give up" in outputs["show"] and "refused YAML tag" in outputs["check"]
