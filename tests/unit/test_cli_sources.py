"""`newsreader sources`, the verb:, anon: and said: filters, and reported speech in
`newsreader quotes`, with the real analyser on invented articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from tests.unit.test_index import article, write


@pytest.fixture
def store(tmp_path: Path) -> Path:
    root = tmp_path / "store"
    write(root, "2020/ferry.md", article(
        "2020-02-03", "Ferry cancelled",
        "Tomas Reiner claimed that the ferry had been cancelled because of the storm.\n\n"
        "The crew had not been paid for two months, a senior official said, speaking on condition of anonymity.",
        source="Harbour Gazette",
    ))
    write(root, "2020/bridge.md", article(
        "2020-03-09", "Bridge reopens",
        '"The bridge is safe again," said Ilse Varga.\n\nIlse Varga said the repairs had cost less than planned.',
        source="Harbour Gazette",
    ))
    write(root, "2021/tram.md", article(
        "2021-05-01", "Tram line approved",
        "Ilse Varga told reporters that the tram line would open in the spring of next year.",
        source="Northern Wire",
    ))
    return root


def run_json(capsys, *args: str):
    assert main(list(args)) == 0
    return json.loads(capsys.readouterr().out)


def ids(capsys, store: Path, query: str) -> list[str]:
    return sorted(hit["id"] for hit in run_json(capsys, "--store", str(store), "search", query, "--json"))


def test_sources_json_per_outlet(store: Path, capsys):
    outlets = run_json(capsys, "sources", "--store", str(store), "--json")
    assert [o["source"] for o in outlets] == ["Harbour Gazette", "Northern Wire"]
    gazette, wire = outlets
    assert gazette["articles"] == 2 and gazette["quotes"] == 4 and gazette["reported"] == 3
    assert gazette["anonymous"] == 1 and gazette["anonymous_share"] == 0.25
    assert gazette["loaded"] == 1 and gazette["loaded_share"] == 0.25
    assert gazette["most_quoted"][0] == {"speaker": "Ilse Varga", "quotes": 2}
    assert wire == {
        "source": "Northern Wire", "articles": 1, "quotes": 1, "reported": 1, "anonymous": 0, "anonymous_share": 0.0,
        "loaded": 0, "loaded_share": 0.0, "most_quoted": [{"speaker": "Ilse Varga", "quotes": 1}],
    }


def test_sources_text_output(store: Path, capsys):
    assert main(["sources", "--store", str(store)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:5] == ["ARTICLES", "QUOTES", "REPORTED", "ANON", "LOADED"]
    assert lines[1].split()[:5] == ["2", "4", "3", "25%", "25%"]
    assert "Harbour Gazette: Ilse Varga (2)" in lines[1]


def test_verb_filter_matches_any_form_and_groups(store: Path, capsys):
    assert ids(capsys, store, "verb:claimed") == ["2020/ferry.md"]
    assert ids(capsys, store, "verb:claims") == ["2020/ferry.md"]
    assert ids(capsys, store, "verb:loaded") == ["2020/ferry.md"]
    assert ids(capsys, store, "verb:told") == ["2021/tram.md"]
    assert ids(capsys, store, "verb:whispered") == []


def test_anon_filter(store: Path, capsys):
    assert ids(capsys, store, "anon:yes") == ["2020/ferry.md"]
    assert ids(capsys, store, "anon:no") == ["2020/bridge.md", "2021/tram.md"]
    assert main(["--store", str(store), "search", "anon:perhaps"]) == 2
    assert "anon:yes or anon:no" in capsys.readouterr().err


def test_said_filter_includes_reported_speech(store: Path, capsys):
    # In 2021/tram.md Ilse Varga is only reported ("told reporters that …"), never quoted.
    assert ids(capsys, store, 'said:"Ilse Varga"') == ["2020/bridge.md", "2021/tram.md"]
    assert ids(capsys, store, 'said:"Tomas Reiner"') == ["2020/ferry.md"]


def test_the_actor_timeline_includes_reported_speech(store: Path, capsys):
    hits = run_json(capsys, "quotes", "--store", str(store), "--actor", "Ilse Varga", "--json")
    assert [(h["article"], h["kind"]) for h in hits] == [
        ("2020/bridge.md", "statement"), ("2020/bridge.md", "reported"), ("2021/tram.md", "reported"),
    ]
    assert hits[2]["text"] == "the tram line would open in the spring of next year" and hits[2]["cue"] == "told"
    direct = run_json(capsys, "quotes", "--store", str(store), "--actor", "Ilse Varga", "--direct", "--json")
    assert [h["kind"] for h in direct] == ["statement"]


def test_quotes_text_marks_reported_speech_and_anonymous_sources(store: Path, capsys):
    assert main(["quotes", "--store", str(store)]) == 0
    out = capsys.readouterr().out
    assert "2020-02-03  Tomas Reiner (reported): the ferry had been cancelled because of the storm" in out
    assert "(a senior official, anonymous) (reported): The crew had not been paid for two months" in out


def test_analyze_text_lists_reported_speech_anonymous_sources_and_loaded_verbs(tmp_path: Path, capsys):
    path = write(tmp_path, "talks.txt", (
        "Talks stalled\n\nThe talks have stalled, a senior official said, speaking on condition of anonymity.\n\n"
        "Tomas Reiner claimed that the repairs had cost twice what the council admits.\n"
    ))
    assert main(["analyze", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "  a senior official (anonymous) (reported): The talks have stalled" in lines
    assert "  Tomas Reiner (reported) [claimed]: the repairs had cost twice what the council admits" in lines


def test_analyze_text_shows_an_unnamed_spokesman_by_the_words_of_the_text(tmp_path: Path, capsys):
    path = write(tmp_path, "bank.txt", (
        "Branches close\n\nNorbridge Bank closed forty branches last year.\n\n"
        'A spokeswoman for Norbridge Bank said: "Every customer will be contacted."\n'
    ))
    assert main(["analyze", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert '  a spokeswoman for Norbridge Bank: "Every customer will be contacted."' in lines


def test_quotes_text_shows_an_unnamed_spokesman_by_the_words_of_the_text(tmp_path: Path, capsys):
    root = tmp_path / "store"
    write(root, "2022/bank.md", article(
        "2022-04-04", "Branches close",
        "Norbridge Bank closed forty branches last year.\n\n"
        'A spokeswoman for Norbridge Bank said: "Every customer will be contacted."',
        source="Harbour Gazette",
    ))
    assert main(["quotes", "--store", str(root)]) == 0
    out = capsys.readouterr().out
    assert '2022-04-04  (a spokeswoman for Norbridge Bank): "Every customer will be contacted."' in out
