"""The archive index: incremental sync, invalidation, rebuilds, search and filters."""

from __future__ import annotations

import os
import re
import sqlite3
import threading
from datetime import date
from pathlib import Path

import pytest

import reader.analysis
from reader.index import Index, QueryError, parse_query
from reader.index.schema import database_path
from reader.model import Actor, Analysis, Article, Mention, Quote

# A tiny, fixed analyser so these tests do not depend on the real rules.
NAMES = {
    "Kim Jong Un": ("Kim Jong Un", "person"),
    "Mr Kim": ("Kim Jong Un", "person"),
    "Moon Jae-in": ("Moon Jae-in", "person"),
    "Seoul": ("Seoul", "place"),
    "Harbour Union": ("Harbour Union", "organisation"),
}
_NAME = re.compile("|".join(sorted(map(re.escape, NAMES), key=len, reverse=True)))
_QUOTE = re.compile(r'"[^"]+," said (Kim Jong Un|Mr Kim|Moon Jae-in)')


def stub_analyze(article: Article, gazetteer=None) -> Analysis:
    stub_analyze.calls += 1
    body = article.body
    mentions = [Mention(m.start(), m.end(), m[0], NAMES[m[0]][1], NAMES[m[0]][0]) for m in _NAME.finditer(body)]
    quotes = []
    for m in _QUOTE.finditer(body):
        end = body.index(",", m.start()) + 1
        quotes.append(Quote(m.start(), end, body[m.start():end], "statement", NAMES[m[1]][0]))
    actors = {}
    for mention in mentions:
        name, kind = NAMES[mention.text]
        count = actors.setdefault(name, [kind, set(), 0, 0])
        if mention.text != name:
            count[1].add(mention.text)
        count[2] += 1
    for quote in quotes:
        actors[quote.speaker][3] += 1
    return Analysis(
        mentions=tuple(mentions),
        quotes=tuple(quotes),
        actors=tuple(Actor(n, k, tuple(sorted(a)), m, q) for n, (k, a, m, q) in actors.items()),
    )


stub_analyze.calls = 0


def write(root: Path, name: str, text: str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def article(day: str, title: str, body: str, source: str = "Northern Wire") -> str:
    return f"---\ntitle: {title}\ndate: {day}\nsource: {source}\n---\n{body}\n"


@pytest.fixture
def store(tmp_path: Path) -> Path:
    root = tmp_path / "store"
    write(root, "2019/strike.md", article("2019-03-14", "Harbour strike", "Dockers walked out. The Harbour Union called the strike."))
    write(root, "2021/summit.md", article(
        "2021-07-12", "Summit in Seoul",
        'Kim Jong Un met Moon Jae-in in Seoul. "We will talk again," said Mr Kim.\n\nMoon Jae-in smiled.',
        source="Agence France-Presse",
    ))
    write(root, "2021/talks.md", article(
        "2021-07-20", "Talks resume", '"The door is open," said Moon Jae-in. Kim Jong Un did not reply.',
    ))
    write(root, "notes/undated.txt", "A lighthouse keeper retires after thirty years.\n")
    return root


@pytest.fixture
def index(store: Path, tmp_path: Path):
    opened = Index.open(store, tmp_path / "cache")
    opened.sync(analyze=stub_analyze)
    yield opened
    opened.close()


def ids(rows) -> list[str]:
    return [getattr(row, "summary", row).id for row in rows]


def test_first_sync_indexes_every_file(index: Index):
    assert ids(index.summaries()) == ["2021/talks.md", "2021/summit.md", "2019/strike.md", "notes/undated.txt"]
    full = index.article("2021/summit.md")
    assert full.title == "Summit in Seoul" and full.date == date(2021, 7, 12)
    assert full.body.startswith("Kim Jong Un met")
    assert index.article("missing.md") is None
    analysis = index.analysis("2021/summit.md")
    assert {a.name for a in analysis.actors} == {"Kim Jong Un", "Moon Jae-in", "Seoul"}
    assert analysis.quotes[0].speaker == "Kim Jong Un"
    assert all(full.body[m.start:m.end] == m.text for m in analysis.mentions)


def test_second_sync_reads_nothing(index: Index):
    stub_analyze.calls = 0
    result = index.sync(analyze=stub_analyze)
    assert (result.added, result.updated, result.removed) == (0, 0, 0)
    assert stub_analyze.calls == 0


def test_edit_is_read_again(index: Index, store: Path):
    path = store / "2019/strike.md"
    path.write_text(article("2019-03-15", "Harbour strike ends", "Dockers went back to work."), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 5_000_000_000))
    result = index.sync(analyze=stub_analyze)
    assert (result.added, result.updated, result.removed) == (0, 1, 0)
    assert index.article("2019/strike.md").title == "Harbour strike ends"
    assert ids(index.search("dockers")) == ["2019/strike.md"]
    assert index.search("walked") == []


def test_touch_refreshes_stat_without_reparsing(index: Index, store: Path):
    path = store / "2021/summit.md"
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 7_000_000_000))
    stub_analyze.calls = 0
    result = index.sync(analyze=stub_analyze)
    assert (result.added, result.updated, stub_analyze.calls) == (0, 0, 0)
    assert index.article("2021/summit.md").title == "Summit in Seoul"
    # The new stat was recorded: the next sync does not even hash the file.
    assert not index.sync(analyze=stub_analyze).changed


def test_delete_and_rename(index: Index, store: Path):
    assert len(index.summaries()) == 4  # the listing is remembered until the index changes
    (store / "notes/undated.txt").unlink()
    (store / "2021/talks.md").rename(store / "2021/talks-renamed.md")
    result = index.sync(analyze=stub_analyze)
    assert (result.added, result.updated, result.removed) == (1, 0, 2)
    assert ids(index.summaries()) == ["2021/talks-renamed.md", "2021/summit.md", "2019/strike.md"]
    assert index.article("2021/talks.md") is None
    assert ids(index.search("door")) == ["2021/talks-renamed.md"]
    assert ids(index.summaries(parse_query('said:"Moon Jae-in"'))) == ["2021/talks-renamed.md"]


def test_analyser_version_change_reanalyses_everything(index: Index, monkeypatch):
    monkeypatch.setattr(reader.analysis, "ANALYSER_VERSION", "test-next")
    stub_analyze.calls = 0
    result = index.sync(analyze=stub_analyze)
    assert result.updated == 4 and stub_analyze.calls == 4
    assert not index.sync(analyze=stub_analyze).changed


def test_gazetteer_change_reanalyses(index: Index):
    class Gazetteer:
        def __init__(self, names):
            self.names = names

        def fingerprint(self):
            return repr(sorted(self.names))

    assert index.sync(analyze=stub_analyze, gazetteer=Gazetteer(["a"])).updated == 4
    assert not index.sync(analyze=stub_analyze, gazetteer=Gazetteer(["a"])).changed
    assert index.sync(analyze=stub_analyze, gazetteer=Gazetteer(["b"])).updated == 4


def test_sync_paths_updates_only_what_changed(index: Index, store: Path):
    write(store, "2022/new.md", article("2022-01-01", "New year", "Fireworks over Seoul."))
    (store / "2019/strike.md").unlink()
    result = index.sync_paths([store / "2022/new.md", "2019/strike.md", "/elsewhere/x.md"], analyze=stub_analyze)
    assert (result.added, result.removed) == (1, 1)
    assert ids(index.summaries())[0] == "2022/new.md"
    assert "2019/strike.md" not in ids(index.summaries())


def test_problems_are_kept_and_cleared(index: Index, store: Path):
    write(store, "bad.yaml", "title: [unclosed\n")
    result = index.sync(analyze=stub_analyze)
    assert result.added == 1 and result.problems
    assert [p.path for p in index.problems()] == ["bad.yaml"]
    write(store, "bad.yaml", "title: Fixed\nbody: Now it reads.\n")
    os.utime(store / "bad.yaml", ns=(0, 10**18))
    index.sync(analyze=stub_analyze)
    assert index.problems() == []
    assert index.article("bad.yaml").title == "Fixed"


def test_analyser_failure_is_a_problem_not_a_crash(store: Path, tmp_path: Path):
    def broken(article, gazetteer=None):
        raise RuntimeError("boom")

    with Index.open(store, tmp_path / "cache2") as index:
        result = index.sync(analyze=broken)
        assert result.added == 4
        assert len(index.summaries()) == 4
        assert index.analysis("2019/strike.md") is None
        assert any("boom" in p.reason for p in index.problems())


def test_deleting_the_database_is_safe(store: Path, tmp_path: Path):
    cache = tmp_path / "cache3"
    with Index.open(store, cache) as index:
        index.sync(analyze=stub_analyze)
    database_path(store, cache).unlink()
    with Index.open(store, cache) as index:
        assert index.warnings == []
        assert index.summaries() == []
        assert index.sync(analyze=stub_analyze).added == 4


@pytest.mark.parametrize("damage", ["garbage", "foreign", "old-version"])
def test_a_broken_database_is_moved_aside_and_rebuilt(store: Path, tmp_path: Path, damage: str):
    cache = tmp_path / "cache4"
    path = database_path(store, cache)
    path.parent.mkdir(parents=True)
    if damage == "garbage":
        path.write_bytes(b"this is not a database at all\x00\xff" * 100)
    elif damage == "foreign":
        connection = sqlite3.connect(path)
        connection.execute("CREATE TABLE articles (x)")
        connection.commit()
        connection.close()
    else:
        with Index.open(store, cache) as index:
            index.sync(analyze=stub_analyze)
        connection = sqlite3.connect(path)
        connection.execute("PRAGMA user_version = 999")
        connection.commit()
        connection.close()
    with Index.open(store, cache) as index:
        assert len(index.warnings) == 1 and "rebuilding" in index.warnings[0]
        assert index.sync(analyze=stub_analyze).added == 4
        assert len(index.summaries()) == 4
    # A broken or foreign file is kept aside; our own index of another schema is just rebuilt.
    assert bool(list(path.parent.glob(path.name + ".broken-*"))) == (damage != "old-version")
    with Index.open(store, cache) as index:  # and the rebuilt one is kept
        assert index.warnings == []


def test_ranking_prefers_title_and_repeated_words(store: Path, tmp_path: Path):
    write(store, "a/once.md", article("2020-01-01", "Weather report", "A long day. The ferry was late once."))
    write(store, "a/many.md", article("2020-01-02", "Ferry chaos", "The ferry stopped. Ferry staff said the ferry was full."))
    with Index.open(store, tmp_path / "cache5") as index:
        index.sync(analyze=stub_analyze)
        hits = index.search("ferry")
        assert ids(hits) == ["a/many.md", "a/once.md"]
        assert hits[0].rank < hits[1].rank
        snippet, (start, end) = hits[1].snippet, hits[1].highlights[0]
        assert snippet[start:end].lower() == "ferry"


def test_search_ignores_accents_and_case(store: Path, tmp_path: Path):
    write(store, "b/cafe.md", article("2020-05-05", "Café society", "The CAFÉ opened."))
    with Index.open(store, tmp_path / "cache6") as index:
        index.sync(analyze=stub_analyze)
        assert ids(index.search("cafe")) == ["b/cafe.md"]
        assert ids(index.search('"cafe opened"')) == ["b/cafe.md"]


def test_actor_and_said_filters(index: Index):
    assert ids(index.summaries('actor:"Kim Jong Un"')) == ["2021/talks.md", "2021/summit.md"]
    # An alias seen in one article stands for the actor across the archive: the same answer.
    assert ids(index.summaries('actor:"mr kim"')) == ["2021/talks.md", "2021/summit.md"]
    assert ids(index.summaries('said:"Kim Jong Un"')) == ["2021/summit.md"]
    assert ids(index.summaries('said:"Mr Kim"')) == ["2021/summit.md"]
    assert ids(index.summaries('said:"Moon Jae-in"')) == ["2021/talks.md"]
    assert ids(index.summaries('actor:"Harbour Union"')) == ["2019/strike.md"]
    assert index.summaries('actor:"Nobody"') == []


def test_source_and_date_filters(index: Index):
    assert ids(index.summaries("source:france")) == ["2021/summit.md"]
    assert ids(index.summaries("from:2021-07-13")) == ["2021/talks.md"]
    assert ids(index.summaries("to:2020")) == ["2019/strike.md"]
    assert ids(index.summaries("from:2019 to:2021-07-12")) == ["2021/summit.md", "2019/strike.md"]
    assert ids(index.search("said source:wire")) == ["2021/talks.md"]
    assert ids(index.search("from:2021")) == ["2021/talks.md", "2021/summit.md"]


def test_bad_queries_raise_query_errors(index: Index):
    with pytest.raises(QueryError):
        index.search('actor:"Kim')
    # Nothing searchable was typed (only punctuation): nothing matches, rather than everything.
    assert index.search("(((") == []
    assert index.summaries("—") == []


def test_actors_across_the_store(index: Index):
    actors = {a.name: a for a in index.actors()}
    kim = actors["Kim Jong Un"]
    assert (kim.kind, kim.articles, kim.mentions, kim.quotes) == ("person", 2, 3, 1)
    assert actors["Moon Jae-in"].quotes == 1 and actors["Moon Jae-in"].mentions == 3
    assert [a.name for a in index.actors(kind="organisation")] == ["Harbour Union"]
    assert sum(kim.activity) == 2 and kim.first_week.weekday() == 0


def test_quotes_in_date_order(index: Index):
    hits = index.quotes()
    assert [(h.summary.id, h.quote.speaker) for h in hits] == [
        ("2021/summit.md", "Kim Jong Un"),
        ("2021/talks.md", "Moon Jae-in"),
    ]
    body = index.article("2021/talks.md").body
    quote = hits[1].quote
    assert body[quote.start:quote.end] == quote.text
    assert [h.summary.id for h in index.quotes(actor="mr kim")] == ["2021/summit.md"]
    assert index.quotes(actor="Seoul") == []


def index_quotes_of_kind(store: Path, cache: Path, kind: str) -> list[str]:
    with Index.open(store, cache) as index:
        return [hit.quote.text for hit in index.quotes(kinds=(kind,))]


def test_a_quote_is_stored_as_offsets_unless_its_text_differs_from_the_body(store: Path, tmp_path: Path):
    def analyse_with_one_retold_quote(article: Article, gazetteer=None) -> Analysis:
        analysis = stub_analyze(article, gazetteer)
        if article.id != "2021/talks.md":
            return analysis
        retold = Quote(20, 24, "says", "term")  # the body has "said" there
        return Analysis(analysis.mentions, (*analysis.quotes, retold), analysis.actors)

    with Index.open(store, tmp_path / "cache") as index:
        index.sync(analyze=analyse_with_one_retold_quote)
        stored = sqlite3.connect(index.path).execute("SELECT start, text FROM quotes ORDER BY article, start").fetchall()
        hits = {(h.summary.id, h.quote.start): h.quote.text for h in index.quotes()}
    assert [text for _, text in stored if text is not None] == ["says"]
    assert hits == {("2021/summit.md", 38): '"We will talk again,', ("2021/talks.md", 0): '"The door is open,'}
    assert index_quotes_of_kind(store, tmp_path / "cache", "term") == ["says"]


def test_progress_and_cancel(store: Path, tmp_path: Path):
    for n in range(30):
        write(store, f"bulk/{n:02}.md", article("2020-02-02", f"Item {n}", "Words."))
    cancel = threading.Event()
    calls = []

    def progress(done, total):
        calls.append((done, total))
        if done >= 1:
            cancel.set()

    import reader.index.sync as sync_module

    with Index.open(store, tmp_path / "cache7") as index:
        original = sync_module.PROGRESS_SECONDS
        sync_module.PROGRESS_SECONDS = 0
        try:
            result = index.sync(progress=progress, cancel=cancel, analyze=stub_analyze)
        finally:
            sync_module.PROGRESS_SECONDS = original
        assert result.cancelled
        # Files to read plus (until they are parsed) one article per file to analyse.
        assert calls[0] == (0, 34 + 34)
        assert 0 < index.count() < 34
        finished = index.sync(progress=lambda d, t: calls.append((d, t)), analyze=stub_analyze)
        assert not finished.cancelled and calls[-1][0] == calls[-1][1]
        assert index.count() == 34


def test_a_new_store_is_read_newest_name_first_and_its_first_files_listed_at_once(tmp_path: Path):
    store = tmp_path / "dated"
    for n in range(1, 29):
        write(store, f"2020/02/{n:02}.md", article(f"2020-02-{n:02}", f"Day {n}", "Words."))
    seen_while_reading: list[list[str]] = []

    def progress(done, total):
        if 0 < done < 28:
            with Index.open(store, tmp_path / "cache-order") as reader_index:
                seen_while_reading.append([s.title for s in reader_index.summaries()])

    import reader.index.sync as sync_module

    with Index.open(store, tmp_path / "cache-order") as index:
        saved = sync_module.PROGRESS_SECONDS, sync_module.FIRST_BATCH_SECONDS
        sync_module.PROGRESS_SECONDS, sync_module.FIRST_BATCH_SECONDS = 0, 0
        try:
            index.sync(progress=progress, analyze=stub_analyze)
        finally:
            sync_module.PROGRESS_SECONDS, sync_module.FIRST_BATCH_SECONDS = saved
    # A reader saw articles before the whole store was read, and they were the newest.
    partial = next(titles for titles in seen_while_reading if titles)
    assert len(partial) < 28
    assert partial == [f"Day {n}" for n in range(28, 28 - len(partial), -1)]


def test_readers_see_committed_data_while_a_writer_syncs(store: Path, tmp_path: Path):
    for n in range(200):
        write(store, f"bulk/{n:03}.md", article("2020-02-02", f"Item {n}", "Words about ferries."))
    with Index.open(store, tmp_path / "cache8") as index:
        errors = []
        seen = []

        def read_loop():
            try:
                while not done.is_set():
                    seen.append(len(index.summaries()))
                    index.search("ferries")
            except Exception as error:  # noqa: BLE001 - reported below
                errors.append(error)

        done = threading.Event()
        reader_thread = threading.Thread(target=read_loop)
        reader_thread.start()
        try:
            index.sync(analyze=stub_analyze)
        finally:
            done.set()
            reader_thread.join()
        assert errors == []
        assert seen == sorted(seen)  # counts only grow: each read sees a committed state
        assert len(index.summaries()) == 204


def test_real_analyser_fills_actors_and_quotes(tmp_path: Path):
    root = tmp_path / "real"
    write(root, "seed.txt", (
        "date 2021-07-12 SEOUL • North Korean leader Kim Jong Un met South Korean President Moon Jae-in "
        "in Seoul on Monday.\n\n"
        '"We will work together for peace," Kim said in a statement.\n\n'
        "AGENCE FRANCE-PRESSE\n"
    ))
    with Index.open(root, tmp_path / "cache9") as index:
        index.sync()
        actors = index.actors()
        if not actors:
            pytest.skip("the analyser found no actors in this text yet")
        analysis = index.analysis("seed.txt")
        body = index.article("seed.txt").body
        assert all(body[m.start:m.end] == m.text for m in analysis.mentions)
        named = {a.name for a in actors}
        for name in named:
            assert index.summaries(parse_query(f'actor:"{name}"')), name


def test_walk_problems_are_reported_and_cleared(index: Index, store: Path):
    loop = store / "loop"
    loop.symlink_to(store, target_is_directory=True)
    index.sync(analyze=stub_analyze)
    assert [p.path for p in index.problems()] == ["loop"]
    loop.unlink()
    index.sync(analyze=stub_analyze)
    assert index.problems() == []


def test_actor_and_speaker_filters_accept_a_name_with_its_title(tmp_path: Path):
    """The analysis leaves titles out of names ("said Mr Kim" → Kim): a search
    for the name as written in the text still finds the article and the quotes."""
    from reader.index.query import name_keys

    assert name_keys("Mr Kim") == ("mr kim", "kim")
    assert name_keys("Vice President Harris") == ("vice president harris", "harris")
    assert name_keys("Kim") == ("kim",)
    store = tmp_path / "titled"
    write(store, "2021/visit.md", article(
        "2021-07-12", "Visit", 'Kim Jong Un met reporters in Seoul. "We are ready," said Mr Kim.',
    ))
    with Index.open(store, tmp_path / "cache-titled") as index:
        index.sync()
        found = [hit.summary.id for hit in index.search('actor:"Mr Kim"')]
        said = [hit.summary.id for hit in index.search('said:"Mr Kim Jong Un"')]
        quotes = index.quotes(actor="Mr Kim")
    assert found == ["2021/visit.md"]
    assert said == ["2021/visit.md"]
    assert [hit.quote.speaker for hit in quotes] == ["Kim Jong Un"]


def test_a_filter_only_result_shows_the_opening_cut_between_words(tmp_path: Path):
    store = tmp_path / "lede"
    words = " ".join(f"word{n}" for n in range(80))
    write(store, "2021/long.md", article("2021-07-12", "Long", words))
    with Index.open(store, tmp_path / "cache-lede") as index:
        index.sync(analyze=stub_analyze)
        [hit] = index.search("source:northern")
    assert hit.snippet.endswith("…")
    assert hit.snippet[:-1].rstrip().split()[-1] in words.split()  # no word cut in two


def test_search_without_snippets_finds_the_same_hits_in_the_same_order(index: Index):
    for text in ("door", "actor:\"Kim Jong Un\"", "source:northern", "talk*"):
        with_snippets = index.search(text)
        bare = index.search(text, snippets=False)
        assert [(h.summary, h.rank) for h in bare] == [(h.summary, h.rank) for h in with_snippets]
        assert all(h.snippet == "" and h.highlights == () for h in bare)
    assert any(h.snippet for h in index.search("door"))


def test_an_empty_search_lists_every_article_newest_first(index: Index):
    # A parsed empty query once reached `None.fts_expression()` (`newsreader search ""` crashed).
    every = ids(index.summaries())
    for query in ("", "   ", parse_query("")):
        assert ids(index.search(query)) == every
        assert index.count_matches(query) == len(every)


def test_actors_called_finds_actors_by_the_names_articles_use(index: Index):
    assert index.actors_called("mr kim") == {"Kim Jong Un"}
    assert index.actors_called("MR KIM") == {"Kim Jong Un"}
    assert "Kim Jong Un" in index.actors_called("kim")
    assert index.actors_called("nobody at all") == set()
