"""Quotes on arbitrary text: never raise, every span indexes the body."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis import analyze
from reader.analysis.quote_marks import find_quote_spans
from reader.analysis.quotes import find_quotes
from reader.model import Mention

PIECES = st.sampled_from(
    [
        '"', "'", "“", "”", "‘", "’", "«", "»", "„", "''", "`", "\n", "\n\n", " ", ",", ".", ":", "—",
        "he", "she", "said", "told", "according to", "Mr", "Kim", "Bob Lee", "the campaign", "who",
        "wrote", "added", "It's", "’90s", "a", "and", "(", ")",
    ]
)
TEXTS = st.one_of(st.lists(PIECES, max_size=60).map("".join), st.text(max_size=200))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_find_quotes_never_raises_and_spans_index_the_body(body: str) -> None:
    for quote in find_quotes(body, []):
        assert body[quote.start : quote.end] == quote.text
        assert quote.kind in ("statement", "term")
        if quote.cue is not None:
            assert body[quote.cue_start : quote.cue_end] == quote.cue
        if quote.speaker_start is not None:
            assert 0 <= quote.speaker_start < quote.speaker_end <= len(body)
            if quote.speaker is not None and quote.speaker_end - quote.speaker_start == len(quote.speaker):
                assert body[quote.speaker_start : quote.speaker_end] == quote.speaker


def test_quote_marks_run_together_across_a_line_break_do_not_raise() -> None:
    # Found by the property test above after the cue-after-the-last-quote rule: the
    # sentence after a quote ended before the quote did.
    body = '"""\'\n"'
    for quote in find_quotes(body, []):
        assert body[quote.start : quote.end] == quote.text


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_quote_spans_are_ordered_and_disjoint(body: str) -> None:
    spans = find_quote_spans(body)
    for before, after in zip(spans, spans[1:]):
        assert before.end <= after.start
    for span in spans:
        assert 0 <= span.start < span.end <= len(body)


@settings(max_examples=150, deadline=None)
@given(TEXTS, st.data())
def test_find_quotes_with_arbitrary_mentions(body: str, data: st.DataObject) -> None:
    mentions = []
    if body:
        for _ in range(data.draw(st.integers(0, 4))):
            start = data.draw(st.integers(0, len(body) - 1))
            end = data.draw(st.integers(start + 1, len(body)))
            kind = data.draw(st.sampled_from(["person", "organisation", "place"]))
            mentions.append(Mention(start, end, body[start:end], kind, body[start:end].strip() or "X"))
    for quote in find_quotes(body, mentions):
        assert body[quote.start : quote.end] == quote.text
        if quote.speaker_start is not None:
            assert 0 <= quote.speaker_start < quote.speaker_end <= len(body)


@settings(max_examples=100, deadline=None)
@given(TEXTS)
def test_analyze_never_raises(body: str) -> None:
    analysis = analyze(body)
    for quote in analysis.quotes:
        assert body[quote.start : quote.end] == quote.text
