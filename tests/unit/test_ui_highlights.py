"""Highlights and filtering: the Textual-free logic behind the pane and the `/` filter."""

from __future__ import annotations

from reader.model import Analysis, Mention, Quote
from reader.present.spans import KINDS, highlight_spans
from reader.ui.highlights import highlighted_body, legend, reported_under_marks

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


REPORTED = 'Ola Berg said the harbour was "far too small" for Vik ferries.'


def reported_analysis() -> Analysis:
    def at(text: str) -> tuple[int, int]:
        start = REPORTED.index(text)
        return start, start + len(text)

    return Analysis(
        mentions=(Mention(*at("Vik"), "Vik", "place", "Vik"),),
        quotes=(
            Quote(*at("the harbour was"), "", "reported", "Ola Berg", *at("Ola Berg")),
            Quote(*at('"far too small"'), '"far too small"', "statement", "Ola Berg", *at("Ola Berg")),
        ),
    )


def test_under_a_mark_reported_speech_takes_its_own_style_and_what_is_layered_over_it_stays():
    highlights = list(highlight_spans(REPORTED, reported_analysis()))
    reported = next((start, end) for kind, start, end in highlights if kind == "reported")
    quoted = REPORTED.index('"far')
    styles = {**STYLES, "reported-focus": "reported-focus"}
    # A mark from inside the reported words to past the quoted fragment; "current" has no own style.
    mark = (reported[0] + 4, quoted + 5)
    under = reported_under_marks(highlights, [("focus", *mark), ("current", *mark)], styles)
    # Only the reported stretch under the mark; the statement inside reported speech layered again.
    texts = [(kind, REPORTED[start:end]) for kind, start, end in under]
    assert ("reported-focus", REPORTED[mark[0] : reported[1]]) in texts
    assert all(kind != "reported-focus" or start >= mark[0] for kind, start, _ in under)
    assert reported_under_marks(highlights, [("focus", 0, 3)], styles) == []  # "Ola": not reported


def test_a_statement_inside_reported_speech_under_a_mark_stays_a_statement():
    body = "She said that the plan, in her words a \"folly\", would fail."
    start = body.index("the plan")
    end = body.index(" would fail") + len(" would fail")
    quoted = body.index('"folly"')
    analysis = Analysis(
        mentions=(),
        quotes=(
            Quote(start, end, "", "reported", "Ann", 0, 3),
            Quote(quoted, quoted + 7, '"folly"', "statement", "Ann", 0, 3),
        ),
    )
    highlights = list(highlight_spans(body, analysis))
    under = reported_under_marks(highlights, [("focus", start, end)], {**STYLES, "reported-focus": "x"})
    assert under == [("reported-focus", start, end), ("statement", quoted, quoted + 7)]
