"""Quotation marks paired into passages: paired apostrophes, quotes run over
paragraphs, and paragraphs whose break was lost (invented examples)."""

from __future__ import annotations

from reader.analysis.quote_marks import find_quote_spans
from reader.analysis.quotes import find_quotes


def quoted(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quote_spans(text)]


# ---------------------------------------------------------------- ''…'' (NYT archive style)


def test_paired_apostrophes_quote_like_double_marks() -> None:
    text = "''We won the vote,'' the mayor said. ''Now we build.''"
    assert quoted(text) == ["''We won the vote,''", "''Now we build.''"]


def test_paired_apostrophes_run_over_paragraphs() -> None:
    text = "The mayor spoke.\n\n''We won the vote.\n\n''Now we build,'' she said."
    (span,) = find_quote_spans(text)
    assert text[span.start : span.end] == "''We won the vote.\n\n''Now we build,''"
    assert span.paragraphs == 2


def test_backticks_open_and_paired_apostrophes_close() -> None:
    assert quoted("He said ``not yet'' and left.") == ["``not yet''"]


def test_an_unclosed_pair_of_apostrophes_quotes_nothing() -> None:
    assert quoted("A stray '' in a sentence that never closes.") == []


def test_inches_are_not_paired_apostrophes() -> None:
    text = "The 12'' pipe and the ''new valve,'' he said, fit the 6'' frame."
    assert quoted(text) == ["''new valve,''"]


def test_paired_apostrophe_quote_is_a_statement_with_its_speaker() -> None:
    body = "''The bridge will open in May,'' said Maria Lopez."
    (quote,) = find_quotes(body, [])
    assert quote.kind == "statement"
    assert quote.speaker == "Maria Lopez"


# ---------------------------------------------------------------- lost paragraph breaks


def test_a_reopened_quote_after_a_full_stop_is_one_quote() -> None:
    # `…end. "Next…`: the paragraph break was lost, the quote goes on.
    text = 'Ana Ruiz said: "The dam held. "We were lucky this year. "Next year we build," she said. After.'
    (span,) = find_quote_spans(text)
    assert text[span.start : span.end] == '"The dam held. "We were lucky this year. "Next year we build,"'
    assert span.paragraphs == 3


def test_single_marks_reopened_after_a_full_stop_are_one_quote() -> None:
    text = "He said: ‘The dam held. ‘We were lucky.’ Then he left."
    assert quoted(text) == ["‘The dam held. ‘We were lucky.’"]


def test_every_passage_of_a_run_together_quote_is_kept() -> None:
    body = (
        'Ana Ruiz said: "The dam held. "We were lucky. "Next year we build." '
        'Then Tom Baker said: "It rained. "It stopped."'
    )
    quotes = find_quotes(body, [])
    assert [q.kind for q in quotes] == ["statement", "statement"]
    assert quotes[0].text.endswith('build."') and quotes[1].text.startswith('"It rained.')


def test_a_quote_left_open_before_a_spliced_caption_ends_with_its_sentence() -> None:
    # A caption without a full stop spliced between two passages of one quote.
    text = "He said: 'We will win the cup. Fans cheer in the square on Sunday 'We are ready for it.'"
    assert quoted(text) == ["'We will win the cup.", "'We are ready for it.'"]


def test_a_mark_after_a_comma_still_closes_an_open_quote() -> None:
    text = 'She said "yes, "Then left.'
    assert quoted(text) == ['"yes, "']


def test_an_unclosed_single_quote_opening_its_paragraph_runs_to_its_end() -> None:
    text = "Intro.\n\n‘We have come through, the president said.\n\nAfter."
    assert quoted(text) == ["‘We have come through, the president said."]


def test_an_unclosed_single_quote_inside_a_paragraph_is_an_apostrophe() -> None:
    assert quoted("The players' bus left 'early on Sunday.") == []


def test_the_last_unclosed_passage_of_a_single_quote_is_left_out() -> None:
    text = "He said: ‘The dam held. ‘We were lucky. Then the rain came"
    assert quoted(text) == ["‘The dam held."]


def test_paired_apostrophes_after_a_number_close_an_open_quote() -> None:
    text = "''The vote was 52-48'' the clerk said, on a 6'' screen."
    assert quoted(text) == ["''The vote was 52-48''"]
