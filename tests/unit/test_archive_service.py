"""The archive service both front ends use: one reader with one cache, one parse per search."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import reader.archive.search as archive_search
from reader.archive.search import parse_search, scan_matches
from reader.archive.service import Archive
from reader.index import Index, QueryError
from reader.model import Analysis, Article

STORIES = {
    "2020-03-02-ferry.txt": "date 2020-03-02 HALDEN • The ferry timetable changes. Islanders signed a letter.\n",
    "2020-03-03-bridge.txt": "date 2020-03-03 VIK • The bridge reopens; the ferries are slower now.\n",
    "2020-03-04-library.txt": "date 2020-03-04 VIK • A library opens. \"Books are ours,\" said Ana Lind.\n",
}


@pytest.fixture
def store(tmp_path: Path) -> Path:
    root = tmp_path / "store"
    root.mkdir()
    for name, text in STORIES.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def opened(store: Path, tmp_path: Path, **options) -> Archive:
    archive = Archive(store, cache_dir=tmp_path / "cache", **options)
    archive.open()
    archive.sync()
    return archive


def test_an_article_is_read_from_the_index_once_until_the_archive_forgets_it(store, tmp_path, monkeypatch):
    archive = opened(store, tmp_path)
    first = archive.summaries()[0].id
    reads: list[str] = []
    real = Index.article
    monkeypatch.setattr(Index, "article", lambda self, article_id: (reads.append(article_id), real(self, article_id))[1])
    assert archive.article(first) is archive.article(first)
    assert [(article.id, analysis is not None) for article, analysis in archive.read_ahead([first])] == [(first, True)]
    assert reads == [first]
    archive.forget()
    archive.article(first)
    assert reads == [first, first]
    assert archive.article("no/such/article") is None


def test_an_analysis_comes_from_the_index_else_is_made_once_with_the_analyser(store, tmp_path, monkeypatch):
    made: list[str] = []

    def analyser(article: Article) -> Analysis:
        made.append(article.id)
        return Analysis(mentions=(), quotes=(), actors=())

    archive = opened(store, tmp_path, analyser=analyser)
    article = archive.article(archive.summaries()[0].id)
    made.clear()  # the index analysed every article with it during the sync
    assert archive.analyse(article) == Analysis(mentions=(), quotes=(), actors=())
    assert made == []  # the index had it
    monkeypatch.setattr(Index, "analysis", lambda self, article_id: None)
    archive.forget()
    archive.analyse(article)
    archive.analyse(article)
    assert made == [article.id]


def test_the_gazetteer_is_read_once_and_its_problems_are_notices(store, tmp_path, monkeypatch):
    import reader.analysis.gazetteer as gazetteer

    loads: list[Path] = []
    real = gazetteer.load_gazetteer
    monkeypatch.setattr(gazetteer, "load_gazetteer", lambda *a: (loads.append(a[0]), real(*a))[1])
    (store / "actors.yaml").write_text("Ana Lind: [not, a, mapping\n", encoding="utf-8")
    archive = Archive(store, cache_dir=tmp_path / "cache")
    notices = archive.open()
    archive.sync()
    library = next(s for s in archive.summaries() if "library" in s.id)
    archive.forget()
    archive.analyse(archive.article(library.id))
    assert len(loads) == 1
    assert any(notice.startswith("actors.yaml:") for notice in notices)


def test_a_search_parses_its_text_once_and_marks_what_it_matched(store, tmp_path, monkeypatch):
    archive = opened(store, tmp_path)
    parses: list[str] = []
    real = archive_search.parse_query
    monkeypatch.setattr(archive_search, "parse_query", lambda text: (parses.append(text), real(text))[1])
    result = archive.search("ferry")
    assert parses == ["ferry"]
    assert [hit.summary.id for hit in result.hits] == ["2020-03-02-ferry.txt"]  # whole words: not "ferries"
    assert result.total == 1 and result.ranked
    assert [m.group() for m in result.pattern.finditer("Ferry, ferries, ferry.")] == ["Ferry", "ferry"]
    with pytest.raises(QueryError, match="swap the two dates"):
        archive.search("from:2021 to:2020")


def test_without_an_index_the_store_is_scanned_and_searched_the_same_way(store, tmp_path):
    blocker = tmp_path / "no-cache"
    blocker.write_text("a file where the cache folder should be")
    archive = Archive(store, cache_dir=blocker)
    notices = archive.open()
    archive.sync()
    assert not archive.has_index and any("index unavailable" in notice for notice in notices)
    assert len(archive.summaries()) == 3
    result = archive.search('"ferry timetable" source:nothing')
    assert result.hits == [] and not result.ranked
    assert [hit.summary.id for hit in archive.search("ferry").hits] == ["2020-03-02-ferry.txt"]
    assert archive.analysis("2020-03-02-ferry.txt") is None
    with pytest.raises(QueryError, match="archive index"):
        archive.search('actor:"Ana Lind"')


def make(n: int, title: str, body: str, day: date | None = None, source: str | None = None) -> Article:
    return Article(id=str(n), path="", title=title, body=body, date=day, source=source)


def test_the_scan_finds_every_word_phrase_and_prefix_in_title_or_text_as_the_index_would():
    articles = [
        make(1, "Ferry timetable", "islanders signed", date(2020, 3, 2), "Coastal Courier"),
        make(2, "Bridge reopens", "the ferry is slower", date(2020, 3, 3)),
        make(3, "Library", "rods a.b", None),
    ]

    def ids(text: str) -> list[str]:
        return [article.id for article in scan_matches(articles, parse_search(text))]

    assert ids("FERRY") == ["1", "2"]
    assert ids("ferry slower") == ["2"]
    assert ids('"ferry, timetable"') == ["1"]  # a phrase allows punctuation between its words
    assert ids("isl*") == ["1"]
    assert ids("a.b") == ["3"]  # words, not a regular expression
    assert ids("from:2020-03-03") == ["2"]
    assert ids("source:courier") == ["1"]
    assert ids("...") == []  # typed, but nothing to search for


@pytest.mark.parametrize("indexed", [True, False], ids=["index", "plain scan"])
def test_the_store_rules_hold_for_the_index_and_the_plain_scan(store, tmp_path, indexed):
    """config `follow_outside_links` and `max_file_bytes` reach whichever the archive reads."""
    outside = tmp_path / "outside.txt"
    outside.write_text("date 2020-03-05 VIK • A story kept outside the store.\n", encoding="utf-8")
    (store / "linked.txt").symlink_to(outside)
    (store / "2020-03-06-long.txt").write_text("date 2020-03-06 VIK • " + "word " * 400 + "\n", encoding="utf-8")
    cache = tmp_path / "cache"
    if not indexed:
        cache.write_text("a file where the cache folder should be\n", encoding="utf-8")

    def listed(**rules) -> set[str]:
        archive = Archive(store, cache_dir=cache, **rules)
        archive.open()
        archive.sync()
        assert archive.has_index is indexed
        ids = {article.id for article in archive.summaries()}
        archive.close()
        return ids

    assert listed() == {*STORIES, "2020-03-06-long.txt"}
    assert listed(outside_links=True) == {*STORIES, "2020-03-06-long.txt", "linked.txt"}
    assert listed(outside_links=True, max_file_bytes=1000) == {*STORIES, "linked.txt"}
