"""The index's compact layout (schema 3): two-phase sync, pending analyses, capped
and date-ordered searches, snippets cut from stored bodies, the analysis codec."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.index import Index, parse_query
from reader.index import schema
from reader.index.codec import decode_analysis, encode_analysis, pack_text, unpack_prefix, unpack_text
from reader.index.snippets import OPENING_NEEDED, snippet
from reader.model import Actor, Analysis, Mention, Quote
from test_index import article, ids, stub_analyze, write


@pytest.fixture
def store(tmp_path: Path) -> Path:
    root = tmp_path / "store"
    write(root, "a/1.md", article("2020-01-01", "Ferry times", "The ferry leaves at nine. Kim Jong Un waved."))
    write(root, "a/2.md", article("2020-01-02", "Ferry fares", "A ferry ticket costs more. The ferry is full."))
    write(root, "a/3.md", article("2020-01-03", "Harbour news", "The ferry and a rare tug met in the harbour."))
    return root


def test_listed_before_analysed_and_pending_until_phase_two(store: Path, tmp_path: Path):
    cancel = threading.Event()
    seen = []

    def listed():
        seen.append(len(index.summaries()))
        cancel.set()  # stop before phase 2 analyses anything

    with Index.open(store, tmp_path / "cache") as index:
        result = index.sync(cancel=cancel, analyze=stub_analyze, listed=listed)
        assert seen == [3]
        assert result.cancelled and result.analysed == 0 and result.pending == 3 == index.pending()
        # Listed and searchable, with no analysis yet: the caller analyses on its own.
        assert index.analysis("a/1.md") is None
        assert ids(index.search("tug")) == ["a/3.md"]
        assert index.summaries('actor:"Kim Jong Un"') == []
        finished = index.sync(analyze=stub_analyze)
        assert (finished.added, finished.analysed, finished.pending) == (0, 3, 0)
        assert index.pending() == 0
        assert [m.text for m in index.analysis("a/1.md").mentions] == ["Kim Jong Un"]
        assert ids(index.summaries('actor:"Kim Jong Un"')) == ["a/1.md"]


def test_separate_progress_for_each_phase(store: Path, tmp_path: Path):
    files, articles = [], []
    with Index.open(store, tmp_path / "cache") as index:
        index.sync(progress=lambda d, t: files.append((d, t)), analysis_progress=lambda d, t: articles.append((d, t)),
                   analyze=stub_analyze)
    assert files[0] == (0, 3) and files[-1] == (3, 3)
    assert articles[0] == (0, 3) and articles[-1] == (3, 3)


def test_a_failed_analysis_is_not_retried_until_the_analyser_changes(store: Path, tmp_path: Path, monkeypatch):
    calls = []

    def broken(article, gazetteer=None):
        calls.append(article.id)
        raise ValueError("nope")

    with Index.open(store, tmp_path / "cache") as index:
        assert index.sync(analyze=broken).analysed == 3
        assert index.pending() == 0 and index.analysis("a/1.md") is None
        assert sum("nope" in p.reason for p in index.problems()) == 3
        assert index.sync(analyze=broken).analysed == 0 and len(calls) == 3
        import reader.analysis

        monkeypatch.setattr(reader.analysis, "ANALYSER_VERSION", "test-other")
        result = index.sync(analyze=stub_analyze)
        assert (result.updated, result.analysed) == (3, 3)
        assert index.problems() == [] and index.analysis("a/1.md") is not None


def test_words_of_edited_and_deleted_files_leave_the_search(store: Path, tmp_path: Path):
    with Index.open(store, tmp_path / "cache") as index:
        index.sync(analyze=stub_analyze)
        write(store, "a/3.md", article("2020-01-03", "Harbour news", "Only gulls today."))
        (store / "a/2.md").unlink()
        index.sync(analyze=stub_analyze)
        assert index.search("tug") == [] and index.search("ticket") == []
        assert ids(index.search("gulls")) == ["a/3.md"]
        assert ids(index.search("ferry")) == ["a/1.md"]


def test_a_limit_keeps_the_ranking_order(store: Path, tmp_path: Path):
    with Index.open(store, tmp_path / "cache") as index:
        index.sync(analyze=stub_analyze)
        everything = index.search("ferry", limit=None)
        ranks = [hit.rank for hit in everything]
        assert ranks == sorted(ranks)
        for n in range(1, len(everything) + 1):
            assert ids(index.search("ferry", limit=n)) == ids(index.search("ferry", limit=None))[:n]
        assert index.count_matches("ferry") == len(index.search("ferry", limit=None))
        assert index.count_matches("tug") == 1


def test_words_in_most_articles_come_newest_first(store: Path, tmp_path: Path, monkeypatch):
    import reader.index.archive

    monkeypatch.setattr(reader.index.archive, "COMMON_MINIMUM", 0)  # as in a store of 100,000
    for n in range(4):  # "ferry" is then in 3 of 7 articles: ranked again
        write(store, f"b/{n}.md", article(f"2019-05-0{n + 1}", f"Other {n}", "Nothing about boats."))
    with Index.open(store, tmp_path / "cache") as index:
        index.sync(analyze=stub_analyze)
        ranked = index.search("ferry")
        assert all(hit.rank < 0 for hit in ranked)
        assert ids(ranked)[0] == "a/2.md"  # the most ferries for its length
        (store / "b/0.md").unlink()
        (store / "b/1.md").unlink()
        (store / "b/2.md").unlink()
        index.sync(analyze=stub_analyze)  # now in 3 of 4: too common to rank
        common = index.search("ferry")
        assert ids(common) == ["a/3.md", "a/2.md", "a/1.md"] and {hit.rank for hit in common} == {0.0}
        snippet_text, (start, end) = common[0].snippet, common[0].highlights[0]
        assert snippet_text[start:end] == "ferry"
        assert ids(index.search("ferry rare")) == ["a/3.md"]


def test_snippet_marks_words_phrases_prefixes_and_accents():
    from reader.index.query import parse_query as parse

    body = "Intro words. " * 30 + "The Café opened; the general strike ended. Strikers went home.\nBye."
    text, spans = snippet(body, parse('cafe "general strike" strik*').terms)
    marked = [text[s:e] for s, e in spans]
    assert marked == ["Café", "general strike", "strike", "Strikers"]  # strik* also matches inside the phrase
    assert text.startswith("…") and "\n" not in text
    assert len(text) <= 200
    text, spans = snippet("No match here at all.", parse("ferry").terms)
    assert text == "No match here at all." and spans == ()


def test_codec_round_trip_keeps_texts_that_differ_from_the_body():
    body = "Kim Jong Un said \u201cwe will talk\u201d today."
    analysis = Analysis(
        mentions=(Mention(0, 11, "Kim Jong Un", "person", "Kim Jong Un"), Mention(0, 3, "KIM", "person", "Kim Jong Un")),
        quotes=(Quote(17, 31, body[17:31], "statement", "Kim Jong Un", 0, 11, "said", 12, 16),),
        actors=(Actor("Kim Jong Un", "person", ("KIM",), 2, 1),),
    )
    assert decode_analysis(encode_analysis(analysis, body), body) == analysis
    assert decode_analysis(b"not zlib", body) is None
    assert unpack_text(pack_text(body)) == body
    assert body.startswith(unpack_prefix(pack_text(body * 100), 10)) and len(unpack_prefix(pack_text(body), 10)) == 10


def test_an_index_of_the_previous_schema_is_rebuilt(store: Path, tmp_path: Path):
    cache = tmp_path / "cache"
    path = schema.database_path(store, cache)
    with Index.open(store, cache) as index:
        index.sync(analyze=stub_analyze)
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION - 1}")
    connection.commit()
    connection.close()
    with Index.open(store, cache) as index:
        assert len(index.warnings) == 1 and f"schema version {schema.SCHEMA_VERSION - 1}" in index.warnings[0]
        assert index.summaries() == []
        assert index.sync(analyze=stub_analyze).added == 3


def test_worker_processes_analyse_like_this_process(tmp_path: Path):
    root = tmp_path / "real"
    for n in range(3):
        write(root, f"{n}.txt", (
            f"date 2021-07-1{n} SEOUL • North Korean leader Kim Jong Un met South Korean President Moon Jae-in.\n\n"
            '"We will work together for peace," Kim said in a statement.\n\nAGENCE FRANCE-PRESSE\n'
        ))
    with Index.open(root, tmp_path / "serial") as serial, Index.open(root, tmp_path / "pool") as pooled:
        serial.sync(workers=1)
        result = pooled.sync(workers=2)
        assert result.analysed == 3 and result.pending == 0
        for n in range(3):
            assert pooled.analysis(f"{n}.txt") == serial.analysis(f"{n}.txt") is not None


@given(st.text(alphabet="ab€😀 é\n", max_size=3000), st.integers(0, 2500))
@settings(max_examples=200, deadline=None)
def test_unpack_prefix_is_the_start_of_the_text(text: str, characters: int):
    assert unpack_prefix(pack_text(text), characters) == text[:characters]


def test_snippet_reads_past_the_opening_only_when_a_word_is_missing_there():
    body = "Opening words about nothing. " * 100 + "The tugboat arrived."
    opening = body[:OPENING_NEEDED]
    asked = []

    def whole():
        asked.append(True)
        return body

    text, spans = snippet(opening, parse_query("tugboat").terms, whole=whole)
    assert asked and [text[s:e] for s, e in spans] == ["tugboat"] and not text.endswith("…")
    asked.clear()
    text, spans = snippet(opening, parse_query("opening").terms, whole=whole)
    assert not asked and [text[s:e] for s, e in spans][0] == "Opening" and text.endswith("…")


def test_snippets_in_accented_text_find_plain_and_accented_words_alike():
    from reader.index.query import parse_query as parse

    # Non-ASCII text: a word typed without accents is found as written, and as "résumé".
    body = "Zoë Müller spoke. " * 5 + "Talks will RESUME on Monday; the résumé was long."
    text, spans = snippet(body, parse("resume").terms)
    assert [text[s:e] for s, e in spans][:1] == ["RESUME"]
    only_accented = "Zoë Müller spoke. " * 5 + "Her résumé was long."
    text, spans = snippet(only_accented, parse("resume").terms)
    assert [text[s:e] for s, e in spans] == ["résumé"]
    text, spans = snippet(only_accented, parse("muller").terms)
    assert [text[s:e] for s, e in spans][:1] == ["Müller"]
