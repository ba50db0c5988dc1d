"""`newsreader show` on a terminal: long articles go through $PAGER, short ones and
--no-pager print straight out; `show --json` carries the analysis."""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path

import pytest

from reader.cli import main

LONG_BODY = "\n\n".join(f'Paragraph {n}: "We will build it," Mayor Ada Quill said.' for n in range(60))


@pytest.fixture
def store(tmp_path: Path) -> Path:
    root = tmp_path / "store"
    root.mkdir()
    (root / "long.md").write_text(f"---\ntitle: A long one\n---\n{LONG_BODY}\n", encoding="utf-8")
    (root / "short.md").write_text('---\ntitle: A short one\n---\n"Yes," Ada Quill said.\n', encoding="utf-8")
    return root


@pytest.fixture
def terminal(monkeypatch, tmp_path: Path) -> Path:
    """A 100x30 window and a pager that writes what it is given to a file (the test
    makes both ends a terminal with on_a_terminal, once capsys has replaced stdout)."""
    paged = tmp_path / "paged.txt"
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("LINES", "30")
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("PAGER", f"sh -c {shlex.quote(f'cat > {paged}')}")
    return paged


def on_a_terminal(monkeypatch) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setattr("reader.cli.pager.os.isatty", lambda fd: True)


def test_a_long_article_goes_through_the_pager(store, terminal, capsys, monkeypatch):
    on_a_terminal(monkeypatch)
    assert main(["show", "long.md", "--store", str(store)]) == 0
    assert capsys.readouterr().out == ""
    paged = terminal.read_text(encoding="utf-8")
    assert "A long one" in paged and "Paragraph 59" in paged
    assert "\x1b[" in paged  # the highlights go to the pager too


def test_a_short_article_prints_without_the_pager(store, terminal, capsys, monkeypatch):
    on_a_terminal(monkeypatch)
    assert main(["show", "short.md", "--store", str(store)]) == 0
    assert "A short one" in capsys.readouterr().out
    assert not terminal.exists()


def test_no_pager_prints_a_long_article_straight_out(store, terminal, capsys, monkeypatch):
    on_a_terminal(monkeypatch)
    assert main(["show", "long.md", "--no-pager", "--store", str(store)]) == 0
    assert "Paragraph 59" in capsys.readouterr().out
    assert not terminal.exists()


def test_a_missing_pager_prints_straight_out(store, terminal, capsys, monkeypatch):
    on_a_terminal(monkeypatch)
    monkeypatch.setenv("PAGER", "no-such-pager-anywhere")
    assert main(["show", "long.md", "--store", str(store)]) == 0
    assert "Paragraph 59" in capsys.readouterr().out


def test_piped_output_never_pages(store, monkeypatch, tmp_path, capsys):
    paged = tmp_path / "paged.txt"
    monkeypatch.setenv("PAGER", f"sh -c {shlex.quote(f'cat > {paged}')}")
    assert main(["show", "long.md", "--store", str(store)]) == 0
    assert "Paragraph 59" in capsys.readouterr().out
    assert not paged.exists()


def test_show_json_includes_the_analysis(store, capsys):
    assert main(["show", "short.md", "--json", "--store", str(store)]) == 0
    document = json.loads(capsys.readouterr().out)
    body = document["body"]
    assert document["title"] == "A short one"
    [quote] = [q for q in document["quotes"] if q["kind"] == "statement"]
    assert body[quote["start"]:quote["end"]] == quote["text"] == '"Yes,"'
    assert quote["speaker"] == "Ada Quill"
    assert any(m["actor"] == "Ada Quill" for m in document["mentions"])
    assert [a["name"] for a in document["actors"]] == ["Ada Quill"]
