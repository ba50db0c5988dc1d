"""Highlights and filtering: the Textual-free logic behind the pane and the `/` filter."""

from __future__ import annotations

from reader.model import Analysis, Mention, Quote
from reader.present.spans import KINDS, highlight_spans
from reader.ui.highlights import highlighted_body, legend

BODY = '"Never," said Ana Lind of the Port Board in Vik, calling it a "folly".'
STYLES = {kind: kind for kind in KINDS}


def at(text: str) -> tuple[int, int]:
    start = BODY.index(text)
    return start, start + len(text)


def analysis() -> Analysis:
    return Analysis(
        mentions=(
            Mention(*at("Ana Lind"), "Ana Lind", "person", "Ana Lind"),
            Mention(*at("Port Board"), "Port Board", "organisation", "Port Board"),
            Mention(*at("Vik"), "Vik", "place", "Vik"),
            Mention(60, 999, "bad", "place", "bad"),  # out of range: skipped
        ),
        quotes=(
            Quote(*at('"Never,"'), '"Never,"', "statement", "Ana Lind", *at("Ana Lind")),
            Quote(*at('"folly"'), '"folly"', "term"),
        ),
    )


def test_spans_are_layered_quotes_first_speakers_last_and_out_of_range_ones_dropped():
    spans = list(highlight_spans(BODY, analysis()))
    assert [kind for kind, _, _ in spans] == ["statement", "term", "place", "organisation", "person", "speaker"]
    for kind, start, end in spans:
        assert 0 <= start < end <= len(BODY)
    texts = {kind: BODY[start:end] for kind, start, end in spans}
    assert texts == {
        "statement": '"Never,"',
        "term": '"folly"',
        "place": "Vik",
        "organisation": "Port Board",
        "person": "Ana Lind",
        "speaker": "Ana Lind",
    }


def test_the_body_is_never_parsed_as_markup_and_keeps_its_offsets():
    body = "[bold]not markup[/bold] $accent " + BODY
    content = highlighted_body(body, None, STYLES)
    assert content.plain == body
    assert content.spans == []


def test_legend_names_only_the_kinds_present():
    assert legend(STYLES, {"person", "term"}).plain == "“term”  person"
    assert "organisation" in legend(STYLES).plain


def test_reported_speech_is_its_own_kind_under_a_statement_quoted_inside_it():
    body = 'Ana Lind said the port had "no room at all" for more ships.'
    clause = body.index("the port")
    fragment = body.index('"no room')
    analysis = Analysis(
        quotes=(
            Quote(clause, len(body) - 1, body[clause:-1], "reported", "Ana Lind", 0, 8, "said"),
            Quote(fragment, fragment + 16, body[fragment : fragment + 16], "statement", "Ana Lind", 0, 8, "said"),
        )
    )
    spans = list(highlight_spans(body, analysis))
    assert [kind for kind, _, _ in spans] == ["reported", "statement", "speaker", "speaker"]
    assert body[spans[1][1] : spans[1][2]] == '"no room at all"'  # drawn over the reported clause
    assert "reported speech" in legend(STYLES, {"reported"}).plain
