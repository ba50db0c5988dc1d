"""Corrections in the index: the tables searched and counted reflect them at the next
sync (only the articles concerned are derived again, nothing is analysed again),
undone as easily, kept through a full reindex; a bad file is a problem of the store."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.corrections import CORRECTIONS_FILE, Corrections, NameFix, QuoteFix, save_corrections
from reader.index import Index, parse_query

from test_index import stub_analyze, store  # noqa: F401  (the fixture store)


@pytest.fixture
def index(store: Path, tmp_path: Path):  # noqa: F811
    opened = Index.open(store, tmp_path / "cache")
    opened.sync(analyze=stub_analyze)
    yield opened
    opened.close()


def actors(index: Index) -> dict[str, tuple[str, int, int]]:
    return {a.name: (a.kind, a.articles, a.quotes) for a in index.actors(weeks=None)}


def found(index: Index, query: str) -> set[str]:
    return {hit.summary.id for hit in index.search(parse_query(query), snippets=False)}


def correct(store: Path, edit) -> None:
    save_corrections(store, edit)


def test_a_rename_reaches_every_article_at_the_next_sync_without_analysing_again(index: Index, store: Path) -> None:  # noqa: F811
    assert actors(index)["Moon Jae-in"] == ("person", 2, 1)
    correct(store, lambda c: c.with_name("Moon Jae-in", NameFix(name="Moon Jae In")))
    calls = stub_analyze.calls
    result = index.sync_paths([CORRECTIONS_FILE], analyze=stub_analyze)
    assert stub_analyze.calls == calls and result.changed
    listed = actors(index)
    assert "Moon Jae-in" not in listed and listed["Moon Jae In"] == ("person", 2, 1)
    # Searched by either name: the old one is an alias now.
    assert found(index, 'actor:"Moon Jae In"') == found(index, 'actor:"Moon Jae-in"') == {"2021/summit.md", "2021/talks.md"}
    assert [hit.quote.speaker for hit in index.quotes("Moon Jae In")] == ["Moon Jae In"]


def test_undoing_a_correction_brings_back_what_the_analysis_said(index: Index, store: Path) -> None:  # noqa: F811
    before = actors(index)
    correct(store, lambda c: c.with_name("Kim Jong Un", NameFix(not_actor=True)))
    index.sync()
    assert "Kim Jong Un" not in actors(index)
    assert found(index, 'actor:"Kim Jong Un"') == set()
    correct(store, lambda c: c.with_name("Kim Jong Un", None))
    index.sync()
    assert actors(index) == before
    assert found(index, 'actor:"Kim Jong Un"') == {"2021/summit.md", "2021/talks.md"}


def test_a_quote_fix_moves_the_quote_to_its_speaker(index: Index, store: Path) -> None:  # noqa: F811
    quote = index.quotes("Kim Jong Un")[0].quote
    fix = QuoteFix("2021/summit.md", quote.text, quote.start, speaker="Moon Jae-in")
    correct(store, lambda c: c.with_quote(fix.key, fix))
    index.sync()
    assert index.quotes("Kim Jong Un") == []
    assert {hit.summary.id for hit in index.quotes("Moon Jae-in")} == {"2021/summit.md", "2021/talks.md"}
    assert found(index, 'said:"Moon Jae-in"') == {"2021/summit.md", "2021/talks.md"}
    # The stored analysis is the one made: read back, the reader's fix is applied on top.
    assert any(q.speaker == "Kim Jong Un" for q in index.analysis("2021/summit.md").quotes)


def test_kinds_and_corrections_survive_a_full_reindex(index: Index, store: Path) -> None:  # noqa: F811
    correct(store, lambda c: c.with_name("Seoul", NameFix(kind="organisation")))
    index.sync()
    index.clear()
    index.sync(analyze=stub_analyze)
    assert actors(index)["Seoul"][0] == "organisation"


def test_a_bad_corrections_file_is_a_problem_of_the_store_and_changes_nothing(index: Index, store: Path) -> None:  # noqa: F811
    before = actors(index)
    (store / CORRECTIONS_FILE).write_text("actors:\n  Seoul: {kind: planet}\n", encoding="utf-8")
    index.sync()
    problems = [p for p in index.problems() if p.path == CORRECTIONS_FILE]
    assert [(p.line, p.fatal) for p in problems] == [(2, False)] and "planet" in problems[0].reason
    assert actors(index) == before
    (store / CORRECTIONS_FILE).write_text("actors:\n  Seoul: {kind: person}\n", encoding="utf-8")
    index.sync()
    assert not [p for p in index.problems() if p.path == CORRECTIONS_FILE]
    assert actors(index)["Seoul"][0] == "person"


def test_the_corrections_file_is_never_an_article(index: Index, store: Path) -> None:  # noqa: F811
    correct(store, lambda c: c.with_name("Seoul", NameFix(kind="organisation")))
    index.sync()
    assert CORRECTIONS_FILE not in {summary.id for summary in index.summaries()}


def test_only_the_articles_a_fix_concerns_are_derived_again(index: Index, store: Path) -> None:  # noqa: F811
    from reader.index.corrections_sync import _concerned
    from reader.index.schema import connect

    after = Corrections({"Harbour Union": NameFix(kind="place")})
    connection = connect(index.path)
    try:
        rowids = _concerned(connection, Corrections(), after)
        concerned = {connection.execute("SELECT id FROM articles WHERE rowid = ?", (r,)).fetchone()[0] for r in rowids}
    finally:
        connection.close()
    assert concerned == {"2019/strike.md"}


def test_the_command_line_answers_with_the_corrections(tmp_path: Path, capsys) -> None:
    import json

    from reader.cli import main

    root = tmp_path / "news"
    root.mkdir()
    (root / "a.txt").write_text('"We will win," Jon Smith said. Acme Bank agreed.\n', encoding="utf-8")
    save_corrections(root, lambda c: c.with_name("Jon Smith", NameFix(name="John Smith")))
    assert main(["show", "--store", str(root), "a.txt", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert {actor["name"] for actor in shown["actors"]} >= {"John Smith"}
    assert shown["quotes"][0]["speaker"] == "John Smith"
    assert main(["actors", "--store", str(root), "--json"]) == 0
    names = {actor["name"] for actor in json.loads(capsys.readouterr().out)}
    assert "John Smith" in names and "Jon Smith" not in names
    assert main(["quotes", "--store", str(root), "--actor", "John Smith", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1


def test_a_new_problem_in_the_file_alone_counts_as_a_change(index: Index, store: Path) -> None:  # noqa: F811
    (store / CORRECTIONS_FILE).write_text("actors:\n  Seoul: {kind: person}\n", encoding="utf-8")
    index.sync()
    (store / CORRECTIONS_FILE).write_text("actors:\n  Seoul: {kind: person}\n  Nobody: {kind: planet}\n", encoding="utf-8")
    assert index.sync_paths([CORRECTIONS_FILE]).changed  # so the app lists the problem at once
    assert not index.sync_paths([CORRECTIONS_FILE]).changed
