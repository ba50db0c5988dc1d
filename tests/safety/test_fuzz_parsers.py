"""Property tests: every parser, fed arbitrary text or bytes, either succeeds or
fails in its documented way, and what it produces is clean."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from reader.store import parse_file, parse_text
from reader.text import NEEDS_CLEANING, clean_line, clean_text

from hostile_fixtures import HOSTILE_MIX, SEQUENCES, forbidden_in

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that leans towards what matters: controls, escapes, bidi, YAML and markup syntax.
_PIECES = [
    *SEQUENCES.values(),
    "---\n", "\n", "\n\n", ": ", "- ", "body: ", "title: ", "date: 2021-07-12", "&a ", "*a", "<<: ",
    "!!python/name:os.system", "[", "]", "{", "}", '"', "'", "\\", "#", "|", ">", "%", "@", "`",
    "[bold]", "[/]", "$x", ":smile:", "SEOUL \u2022 ", "REUTERS", "\u201c", "\u201d", " said ",
    "Kim Jong Un", "\ud800", "\U000e0041",
    # YAML escapes that decode to controls after parsing
    '"\\e[31m"', '"\\x9b2J"', '"\\u202e"', '"\\U000e0041"', '"\\N\\L\\P\\_"', '"\\0\\a\\b"',
]
hostile_text = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=20)), max_size=30).map("".join)
printable_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Zl", "Zp"), blacklist_characters="\r"), max_size=200
).map(lambda s: s)
names = st.sampled_from(["a.txt", "a.md", "a.yaml", "a.yml", "2021-07-12-a.txt", "a.markdown"])


def assert_clean_article(article) -> None:
    for value in (article.title, article.source, article.byline, article.dateline, article.url, article.id, *article.tags):
        if value is not None:
            assert not forbidden_in(value), (value, forbidden_in(value))
            assert "\n" not in value
    assert not forbidden_in(article.body)
    assert article.body.strip()


# ------------------------------------------------------------------ the sanitiser


@FUZZ
@given(hostile_text)
@example(HOSTILE_MIX)
@example("\x1b\x1b[\x9b\x1b]\x9d")
def test_clean_text_output_is_safe_and_idempotent(text):
    cleaned = clean_text(text)
    assert not forbidden_in(cleaned)
    assert "\r" not in cleaned
    assert clean_text(cleaned) == cleaned
    assert NEEDS_CLEANING.search(cleaned) is None


@FUZZ
@given(hostile_text)
def test_clean_line_is_one_safe_line_and_idempotent(text):
    line = clean_line(text)
    assert not forbidden_in(line) and "\n" not in line and "\t" not in line
    assert line == line.strip()
    assert clean_line(line) == line


@FUZZ
@given(printable_text)
def test_printable_text_passes_unchanged(text):
    assert clean_text(text) == text
    assert NEEDS_CLEANING.search(text) is None


@FUZZ
@given(st.text(max_size=300))
def test_the_store_shortcut_never_differs_from_clean_text(text):
    from reader.store.fields import clean

    assert clean(text) == clean_text(text)


# ------------------------------------------------------------------ the store parsers


@FUZZ
@given(hostile_text, names)
def test_parse_text_never_raises_and_yields_clean_articles(text, name):
    articles, problems = parse_text(text, name)
    for article in articles:
        assert_clean_article(article)
    for problem in problems:
        assert not forbidden_in(problem.path) and not forbidden_in(problem.reason), problem
    assert articles or problems


@pytest.fixture(scope="module")
def fuzz_dir():
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


@FUZZ
@given(data=st.binary(max_size=400) | hostile_text.map(lambda t: t.encode("utf-8", "surrogatepass")), name=names)
@example(data=b"\xff\xfe" + "body: x\x1b".encode("utf-16-le"), name="a.yaml")
@example(data=b"\xef\xbb\xbf\x9b31m\x1b]2;x\x07 text", name="a.txt")
def test_parse_file_on_arbitrary_bytes(fuzz_dir, data, name):
    path = fuzz_dir / name
    path.write_bytes(data)
    articles, problems = parse_file(path, fuzz_dir, max_bytes=300)
    for article in articles:
        assert_clean_article(article)
    for problem in problems:
        assert not forbidden_in(problem.reason), problem
    assert articles or problems


# ------------------------------------------------------------------ state and config


@FUZZ
@given(data=st.binary(max_size=300) | hostile_text.map(lambda t: t.encode("utf-8", "surrogatepass")))
@example(data=b"read: !!python/name:os.system\n")
@example(data=b"positions: {a: .nan, b: -1, c: 1e400}\nprefs: {x: [1]}\n")
def test_state_loader_warns_and_never_raises(fuzz_dir, data):
    from reader.state import ReadingState

    path = fuzz_dir / "state.yaml"
    path.write_bytes(data)
    for leftover in fuzz_dir.glob("state.yaml.*"):
        leftover.unlink()
    state = ReadingState(path)
    assert all(isinstance(warning, str) for warning in state.warnings)
    assert all(isinstance(i, str) for i in state.read_ids)
    state.set_read("x", True)
    state.save()  # what was loaded (or moved aside) can always be saved over


@FUZZ
@given(data=st.binary(max_size=300) | hostile_text.map(lambda t: t.encode("utf-8", "surrogatepass")))
@example(data=b"max_file_bytes: -1\nkeymap: [1]\nstore: {}\n")
def test_config_loader_warns_and_never_raises(fuzz_dir, data):
    from reader.config import Config, load_config

    path = fuzz_dir / "config.yaml"
    path.write_bytes(data)
    config, warnings = load_config(path)
    assert isinstance(config, Config) and all(isinstance(w, str) for w in warnings)
    assert isinstance(config.max_file_bytes, int) and config.max_file_bytes > 0


# ------------------------------------------------------------------ search and analysis


@FUZZ
@given(hostile_text | st.text(alphabet='abc:"* -()0123456789fromtosaidactorsource', max_size=40))
@example('from:2021-13-45 to: said:"" actor:"')
def test_query_parser_parses_or_raises_query_error(text):
    from reader.index import QueryError, parse_query

    try:
        parse_query(text)
    except QueryError as error:
        assert str(error)


@FUZZ
@given(hostile_text)
@example('Kim Jong Un said "we will win." "And again," he said.\n\n"More')
def test_analysis_spans_are_consistent_on_arbitrary_text(text):
    from reader.analysis import analyze

    body = clean_text(text)
    assume(body.strip())
    analysis = analyze(body)
    for mention in analysis.mentions:
        assert body[mention.start : mention.end] == mention.text
        assert mention.kind in ("person", "organisation", "place")
    for quote in analysis.quotes:
        assert body[quote.start : quote.end] == quote.text
        if quote.speaker_start is not None:
            assert 0 <= quote.speaker_start < quote.speaker_end <= len(body)
        if quote.cue_start is not None:
            assert body[quote.cue_start : quote.cue_end] == quote.cue
