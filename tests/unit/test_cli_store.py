"""`newsreader list`, `show` and `check` over a store, in process and as a program."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.cli.cmd_list import table_lines
from reader.cli.cmd_show import render_article
from reader.model import Analysis, Article, Mention, Quote

REPO = Path(__file__).resolve().parents[2]
SEED = "date 2021-07-12 SEOUL • Leaders met. \"We agree,\" Kim said.\n\nSecond paragraph.\n\nAGENCE FRANCE-PRESSE\n"


@pytest.fixture
def store(tmp_path):
    root = tmp_path / "store"
    (root / "sub").mkdir(parents=True)
    (root / "seed.txt").write_text(SEED, encoding="utf-8")
    (root / "sub" / "briefs.yaml").write_text(
        "- {title: Older brief, date: 2020-01-02, source: Wire, body: Brief one.}\n"
        "- {title: Undated brief, body: Brief two.}\n",
        encoding="utf-8",
    )
    return root


@pytest.fixture
def broken_store(store):
    (store / "bad.yaml").write_text("body: [\n", encoding="utf-8")
    (store / "latin.txt").write_bytes("Caf\u00e9.\n".encode("cp1252"))
    return store


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_json(store, capsys):
    code, out, err = run_cli(capsys, "list", "--json", "--store", str(store))
    assert code == 0 and err == ""
    rows = json.loads(out)
    assert [row["id"] for row in rows] == ["seed.txt", "sub/briefs.yaml#1", "sub/briefs.yaml#2"]
    seed = rows[0]
    assert seed["date"] == "2021-07-12" and seed["dateline"] == "SEOUL" and seed["source"] == "Agence France-Presse"
    assert seed["title"] == "Leaders met" and seed["words"] == 8
    assert seed["path"] == str(store / "seed.txt")
    assert rows[2]["date"] is None


def test_store_option_before_the_subcommand(store, capsys):
    code, out, _ = run_cli(capsys, "--store", str(store), "list", "--json")
    assert code == 0 and len(json.loads(out)) == 3


def test_store_from_environment(store, capsys, monkeypatch):
    monkeypatch.setenv("NEWSREADER_STORE", str(store))
    code, out, _ = run_cli(capsys, "list", "--json")
    assert code == 0 and json.loads(out)[0]["id"] == "seed.txt"


def test_list_table_is_aligned(store, capsys):
    code, out, _ = run_cli(capsys, "list", "--store", str(store))
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == ["DATE", "ID", "SOURCE", "TITLE"]
    title_column = lines[0].index("TITLE")
    assert lines[1][title_column:] == "Leaders met"
    assert lines[3].startswith("undated")


def test_list_table_fits_a_narrow_terminal():
    articles = [Article(id="x" * 60 + ".txt", path="p", body="b", title="A title " * 20, source="S" * 40)]
    for width in (60, 80, 120):
        assert all(len(line) <= width for line in table_lines(articles, width))
    wide = table_lines(articles, None)
    assert wide[1].endswith("A title A title")  # no cropping without a terminal


def test_list_warns_about_problems_on_stderr(broken_store, capsys):
    code, out, err = run_cli(capsys, "list", "--json", "--store", str(broken_store))
    assert code == 0
    assert len(json.loads(out)) == 4
    assert "2 problems" in err and "newsreader check" in err


def test_show_plain_text_when_not_a_tty(store, capsys):
    code, out, _ = run_cli(capsys, "show", "seed.txt", "--store", str(store))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Leaders met"
    assert "Mon 12 Jul 2021" in lines[1] and "SEOUL" in lines[1]  # as the reading pane says it and "Agence France-Presse" in lines[1]
    assert "min read" in lines[1]
    assert out.endswith("Second paragraph.\n")
    assert "AGENCE" not in out


def test_show_json_has_the_body(store, capsys):
    code, out, _ = run_cli(capsys, "show", "sub/briefs.yaml#2", "--json", "--store", str(store))
    document = json.loads(out)
    assert code == 0 and document["id"] == "sub/briefs.yaml#2" and document["body"] == "Brief two."


def test_show_accepts_a_unique_prefix(store, capsys):
    code, out, _ = run_cli(capsys, "show", "seed", "--store", str(store))
    assert code == 0 and out.startswith("Leaders met")


@pytest.mark.parametrize("wanted", ["nope.txt", "sub/briefs.yaml"])
def test_show_unknown_or_ambiguous_id(store, capsys, wanted):
    code, out, err = run_cli(capsys, "show", wanted, "--store", str(store))
    assert code != 0 and out == ""
    assert err.count("\n") == 1 and wanted in err and "Traceback" not in err


def test_render_article_applies_highlights_without_markup():
    body = '[bold]Kim[/bold] said "yes".'
    article = Article(id="a", path="a", body=body, title="[red]T", byline="Reporter")
    analysis = Analysis(
        mentions=(Mention(13, 16, "Kim", "person", "Kim Jong Un"),),
        quotes=(Quote(22, 27, '"yes"', "statement", "Kim Jong Un", 13, 16, "said", 18, 22),),
    )
    group = render_article(article, analysis)
    title, meta, _rule, text = group.renderables
    assert title.plain == "[red]T" and "by Reporter" in meta.plain
    assert text.plain == body
    styled = {(span.start, span.end) for span in text.spans}
    assert (22, 27) in styled and (13, 16) in styled


def test_check_exit_codes_and_report(store, broken_store, capsys):
    code, out, _ = run_cli(capsys, "check", "--store", str(broken_store))
    lines = out.splitlines()
    assert code == 1
    assert any(line.startswith("bad.yaml:1: invalid YAML") for line in lines)
    assert any(line.startswith("latin.txt:1: warning: not valid UTF-8") for line in lines)
    assert lines[-1].endswith("1 error, 1 warning")
    (broken_store / "bad.yaml").unlink()
    code, out, _ = run_cli(capsys, "check", "--store", str(broken_store))
    assert code == 0 and out.splitlines()[-1].endswith("0 errors, 1 warning")


def test_check_lists_the_actors_files_problems_and_its_corrections(store, capsys):
    (store / "actors.yaml").write_text(
        "Kim Jong Un: {kind: planet}\nCorrections:\n  Kim: {name: Kim Jong Un}\n  Rest: {kind: planet}\n", encoding="utf-8"
    )
    code, out, _ = run_cli(capsys, "check", "--store", str(store))
    lines = out.splitlines()
    assert code == 0 and lines[-1].endswith("0 errors, 2 warnings")
    assert any(line.endswith("actors.yaml:1: warning: unknown kind 'planet' (person, organisation or place)") for line in lines)
    assert any(line.startswith("actors.yaml:4: warning: unknown kind 'planet'") for line in lines)



def test_check_lists_quote_fixes_that_apply_to_nothing(store, capsys):
    # A fix whose article was moved or removed, or whose quote is no longer in it, was
    # kept and silently did nothing: the reader never learnt their correction was lost.
    (store / "corrections.yaml").write_text(
        "quotes:\n"
        "- {article: seed.txt, quote: '\"We agree,\"', at: 40, speaker: Kim Jong Un}\n"
        "- {article: gone/away.txt, quote: '\"Hello\"', at: 5, speaker: Ann Roe}\n"
        "- {article: seed.txt, quote: '\"We never agreed\"', at: 40, not_statement: true}\n",
        encoding="utf-8",
    )
    code, out, _ = run_cli(capsys, "check", "--store", str(store))
    lines = out.splitlines()
    assert code == 0 and lines[-1].endswith("0 errors, 2 warnings"), out
    assert any(line.startswith("corrections.yaml:3: warning: gone/away.txt: no such article") for line in lines), out
    assert any(line.startswith("corrections.yaml:4: warning: seed.txt: no quote") and "We never agreed" in line for line in lines), out


def test_check_json(broken_store, capsys):
    code, out, _ = run_cli(capsys, "check", "--json", "--store", str(broken_store))
    document = json.loads(out)
    assert code == 1 and document["errors"] == 1 and document["warnings"] == 1 and document["articles"] == 4
    assert {p["path"] for p in document["problems"]} == {"bad.yaml", "latin.txt"}


@pytest.mark.parametrize("command", ["list", "check"])
def test_missing_store_and_file_store(tmp_path, capsys, command):
    code, out, err = run_cli(capsys, command, "--store", str(tmp_path / "missing"))
    assert code == 2 and out == "" and "not found" in err and err.count("\n") == 1
    file = tmp_path / "file.txt"
    file.write_text("x")
    code, _, err = run_cli(capsys, command, "--store", str(file))
    assert code == 2 and "not a folder" in err


def run_program(*argv: str, env_store: str | None = None) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key != "NEWSREADER_STORE"}
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run(
        [sys.executable, "-m", "reader", *argv], capture_output=True, text=True, env=env, timeout=60, cwd=REPO
    )


def test_program_list_show_and_errors(store):
    listed = run_program("list", "--json", "--store", str(store))
    assert listed.returncode == 0, listed.stderr
    assert [row["id"] for row in json.loads(listed.stdout)][0] == "seed.txt"
    shown = run_program("show", "seed.txt", "--store", str(store))
    assert shown.returncode == 0 and shown.stdout.startswith("Leaders met\n")
    unknown = run_program("show", "missing.txt", "--store", str(store))
    assert unknown.returncode != 0 and unknown.stdout == ""
    assert "missing.txt" in unknown.stderr and "Traceback" not in unknown.stderr
    missing = run_program("check", "--store", str(store / "nowhere"))
    assert missing.returncode == 2 and "Traceback" not in missing.stderr and "not found" in missing.stderr


def test_program_check_exit_code(broken_store):
    checked = run_program("check", "--store", str(broken_store))
    assert checked.returncode == 1 and "bad.yaml:1:" in checked.stdout


def test_bundled_store_checks_clean_through_the_program():
    checked = run_program("check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
