"""The store-wide commands: search, actors, quotes, add — output shape and behaviour."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import reader.index.sync as index_sync
from reader.cli import main
from reader.cli.cmd_search import join_arguments
from tests.unit.test_index import article, stub_analyze, write


@pytest.fixture
def store(tmp_path: Path, monkeypatch) -> Path:
    # The commands use the real analyser; here a fixed stub stands in for it.
    monkeypatch.setattr(index_sync, "default_analyze", stub_analyze)
    root = tmp_path / "store"
    write(root, "2019/strike.md", article("2019-03-14", "Harbour strike", "Dockers walked out. The Harbour Union called the strike."))
    write(root, "2021/summit.md", article(
        "2021-07-12", "Summit in Seoul",
        'Kim Jong Un met Moon Jae-in in Seoul. "We will talk again," said Mr Kim. The strike was not discussed.',
        source="Agence France-Presse",
    ))
    write(root, "2021/talks.md", article(
        "2021-07-20", "Talks resume", '"The door is open," said Moon Jae-in. Kim Jong Un did not reply.',
    ))
    return root


def run_json(capsys, *args: str):
    assert main(list(args)) == 0
    captured = capsys.readouterr()
    return json.loads(captured.out)


def test_search_json_shape_and_ranking(store: Path, capsys):
    hits = run_json(capsys, "search", "--store", str(store), "strike", "--json")
    assert [hit["id"] for hit in hits] == ["2019/strike.md", "2021/summit.md"]
    assert set(hits[0]) == {"id", "title", "date", "source", "snippet", "rank"}
    assert hits[0]["date"] == "2019-03-14" and hits[0]["title"] == "Harbour strike"
    assert "strike" in hits[0]["snippet"]


def test_search_filters_from_the_shell(store: Path, capsys):
    # The shell has already removed the quotes: actor:"Kim Jong Un" arrives as one word with spaces.
    hits = run_json(capsys, "--store", str(store), "search", "actor:Kim Jong Un", "--json")
    assert [hit["id"] for hit in hits] == ["2021/talks.md", "2021/summit.md"]
    hits = run_json(capsys, "--store", str(store), "search", 'said:"Moon Jae-in" from:2021-07', "--json")
    assert [hit["id"] for hit in hits] == ["2021/talks.md"]


def test_search_text_output_and_no_matches(store: Path, capsys):
    assert main(["--store", str(store), "search", "door"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("2021-07-20  2021/talks.md")
    assert main(["--store", str(store), "search", "zeppelin"]) == 0
    assert capsys.readouterr().out.strip() == "no matches"


def test_search_syntax_errors_are_one_line(store: Path, capsys):
    assert main(["--store", str(store), "search", 'actor:"Kim']) == 2
    err = capsys.readouterr().err
    assert err.startswith("newsreader: unbalanced quote") and len(err.splitlines()) == 1


def test_a_backwards_date_range_is_explained_not_answered_with_no_matches(store: Path, capsys):
    assert main(["--store", str(store), "search", "from:2021-07-20", "to:2021-07-01"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "from:2021-07-20 is after to:2021-07-01" in captured.err and len(captured.err.splitlines()) == 1


def test_join_arguments():
    assert join_arguments(["actor:Kim Jong Un", "talks"]) == 'actor:"Kim Jong Un" talks'
    assert join_arguments(["source:ap strike"]) == "source:ap strike"


def test_actors_json(store: Path, capsys):
    actors = run_json(capsys, "--store", str(store), "actors", "--json")
    by_name = {a["name"]: a for a in actors}
    assert set(actors[0]) == {"id", "name", "kind", "articles", "mentions", "quotes"}
    kim = by_name["Kim Jong Un"]
    assert kim == {"id": kim["id"], "name": "Kim Jong Un", "kind": "person", "articles": 2, "mentions": 3, "quotes": 1}
    assert len({a["id"] for a in actors}) == len(actors)  # an archive-wide identity each
    people = run_json(capsys, "--store", str(store), "actors", "--kind", "person", "--json")
    assert {a["name"] for a in people} == {"Kim Jong Un", "Moon Jae-in"}


def test_quotes_json(store: Path, capsys):
    quotes = run_json(capsys, "--store", str(store), "quotes", "--json")
    assert [(q["speaker"], q["article"], q["date"]) for q in quotes] == [
        ("Kim Jong Un", "2021/summit.md", "2021-07-12"),
        ("Moon Jae-in", "2021/talks.md", "2021-07-20"),
    ]
    assert quotes[0]["text"] == '"We will talk again,'
    only = run_json(capsys, "--store", str(store), "quotes", "--actor", "Moon Jae-in", "--json")
    assert [q["article"] for q in only] == ["2021/talks.md"]


def test_add_copies_once_and_never_overwrites(store: Path, tmp_path: Path, capsys):
    outside = tmp_path / "inbox"
    first = write(outside, "strike.md", article("2022-01-01", "Another strike", "Bus drivers strike."))
    again = write(outside / "copy", "same.md", first.read_text(encoding="utf-8"))
    other = write(outside / "other", "strike.md", article("2022-01-02", "A third strike", "Pilots strike."))
    assert main(["--store", str(store), "add", str(first), "--into", "2019"]) == 0
    assert "added" in capsys.readouterr().out
    assert main(["--store", str(store), "add", str(again), str(first)]) == 0
    out = capsys.readouterr().out
    assert out.count("already in the store") == 2 and "2019/strike-2.md" in out
    assert main(["--store", str(store), "add", str(other), "--into", "2019"]) == 0
    capsys.readouterr()
    assert (store / "2019/strike-3.md").read_text(encoding="utf-8") == other.read_text(encoding="utf-8")
    assert "Dockers" in (store / "2019/strike.md").read_text(encoding="utf-8")  # untouched
    hits = run_json(capsys, "--store", str(store), "search", "pilots", "--json")
    assert [hit["id"] for hit in hits] == ["2019/strike-3.md"]


def test_add_refuses_what_is_not_an_article(store: Path, tmp_path: Path, capsys):
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00" * 20)
    wrong = tmp_path / "data.csv"
    wrong.write_text("a,b\n", encoding="utf-8")
    empty = tmp_path / "empty.md"
    empty.write_text("", encoding="utf-8")
    before = sorted(p.relative_to(store) for p in store.rglob("*"))
    status = main(["--store", str(store), "add", str(binary), str(wrong), str(empty), str(tmp_path / "missing.txt")])
    assert status == 1
    err = capsys.readouterr().err
    assert err.count("newsreader: not added:") == 4 and "Traceback" not in err
    assert "not an article file" in err and "cannot read" in err
    assert sorted(p.relative_to(store) for p in store.rglob("*")) == before


def test_add_refuses_the_bundled_sample(capsys, tmp_path: Path):
    source = write(tmp_path, "x.md", article("2022-01-01", "X", "Body."))
    assert main(["add", str(source)]) == 2
    assert "read-only" in capsys.readouterr().err


@pytest.mark.parametrize(
    "command",
    [["list"], ["search", "strike"], ["actors"], ["sources"], ["quotes"], ["list", "--json"], ["actors", "--json"]],
)
def test_every_store_wide_command_warns_about_broken_files_alike_on_stderr(store: Path, capsys, command):
    (store / "bad.yaml").write_text("body: [\n", encoding="utf-8")
    (store / "latin.txt").write_bytes("Caf\u00e9 closed.\n".encode("cp1252"))
    assert main(["--store", str(store), *command]) == 0
    captured = capsys.readouterr()
    assert captured.err == "newsreader: 2 problems in the store (1 file not loaded); run `newsreader check`\n"
    assert "problem" not in captured.out
    if "--json" in command:
        json.loads(captured.out)  # stdout stays a clean document for a pipe


def test_a_store_without_broken_files_warns_of_nothing(store: Path, capsys):
    assert main(["--store", str(store), "actors"]) == 0
    assert capsys.readouterr().err == ""


def test_quotes_by_a_name_no_actor_has_names_the_actors_it_may_mean(store: Path, capsys):
    # `quotes --actor Achterberg` said only "no quotes by Achterberg found" where the
    # archive had a Desmond R. Achterberg: a surname alone is an actor's name only where
    # an article calls them by it, and nothing said which name to type instead.
    assert main(["--store", str(store), "quotes", "--actor", "Jae-in's"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == ["no quotes by Jae-in's found", 'did you mean: newsreader quotes --actor "Moon Jae-in"']
    assert main(["--store", str(store), "quotes", "--actor", "Zeppelin"]) == 0
    assert capsys.readouterr().out.splitlines() == ["no quotes by Zeppelin found"]
