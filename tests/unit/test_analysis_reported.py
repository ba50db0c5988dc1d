"""Reported speech (quotes of kind "reported"): one test per pattern, on invented sentences."""

from __future__ import annotations

import pytest

from reader.analysis import analyze
from reader.model import Quote


def reported(body: str) -> list[Quote]:
    quotes = [q for q in analyze(body).quotes if q.kind == "reported"]
    for q in quotes:
        assert body[q.start : q.end] == q.text
        assert body[q.cue_start : q.cue_end] == q.cue
    return quotes


def only(body: str) -> Quote:
    found = reported(body)
    assert len(found) == 1, found
    return found[0]


def speaker_text(body: str, quote: Quote) -> str:
    assert quote.speaker_start is not None and quote.speaker_end is not None
    return body[quote.speaker_start : quote.speaker_end]


def test_said_that_clause():
    body = "Mayor Ilse Varga said that the tram line would open in the spring of next year."
    q = only(body)
    assert q.text == "the tram line would open in the spring of next year"
    assert q.speaker == "Ilse Varga" and q.cue == "said"


def test_said_without_that():
    body = "Ilse Varga said the tram line would open in the spring of next year."
    assert only(body).text == "the tram line would open in the spring of next year"


def test_told_reporters_with_a_time_before_the_clause():
    body = "Ilse Varga told reporters on Monday that the tram line would open in the spring."
    q = only(body)
    assert q.text == "the tram line would open in the spring"
    assert q.cue == "told" and q.speaker == "Ilse Varga"


def test_according_to_opening_the_sentence():
    body = "According to the harbour authority, the ferry will not sail before Thursday."
    q = only(body)
    assert q.text == "the ferry will not sail before Thursday"
    assert speaker_text(body, q) == "the harbour authority"


def test_according_to_skips_an_apposition_describing_the_source():
    body = "According to the Tidal Council, a Leith-based industry group, dredging costs have doubled since May."
    q = only(body)
    assert q.text == "dredging costs have doubled since May"
    assert q.speaker == "Tidal Council"


def test_according_to_keeps_a_clause_that_opens_with_an_article():
    body = "According to the harbour police, a man was arrested near the ferry terminal on Friday."
    assert only(body).text == "a man was arrested near the ferry terminal on Friday"


def test_according_to_closing_the_sentence():
    body = "The ferry will not sail before Thursday, according to the harbour authority."
    q = only(body)
    assert q.text == "The ferry will not sail before Thursday"
    assert speaker_text(body, q) == "the harbour authority"


def test_closing_attribution_without_quote_marks():
    body = "The ferry will not sail before Thursday at the earliest, Ilse Varga said."
    q = only(body)
    assert q.text == "The ferry will not sail before Thursday at the earliest"
    assert q.speaker == "Ilse Varga"


def test_closing_attribution_with_the_speaker_after_the_verb():
    body = "The ferry will not sail before Thursday, said Tomas Reiner, a spokesman for the port."
    q = only(body)
    assert q.text == "The ferry will not sail before Thursday"
    assert q.speaker == "Tomas Reiner"


@pytest.mark.parametrize("verb", ["argued", "warned", "claimed", "denied", "insisted", "admitted"])
def test_other_speech_verbs_with_that(verb: str):
    body = f"Tomas Reiner {verb} that the new timetable had been drawn up in a hurry."
    q = only(body)
    assert q.text == "the new timetable had been drawn up in a hurry"
    assert q.cue == verb and q.speaker == "Tomas Reiner"


def test_the_subject_of_a_participle():
    body = "Tomas Reiner defended the plan, saying the old timetable had left commuters stranded."
    q = only(body)
    assert q.text == "the old timetable had left commuters stranded"
    assert q.speaker == "Tomas Reiner"


def test_a_parenthetical_attribution_keeps_the_whole_clause():
    body = "The new bridge, Ilse Varga said, would be finished within a year."
    q = only(body)
    assert q.text == body.rstrip(".")
    assert q.speaker == "Ilse Varga"


def test_a_pronoun_speaker_is_resolved_to_the_person_named_before():
    body = "Ilse Varga opened the station on Friday. She said the line would carry ten thousand people a day."
    q = only(body)
    assert speaker_text(body, q) == "She" and q.speaker == "Ilse Varga"


def test_a_mixed_quote_keeps_the_reported_clause_and_the_quoted_fragment():
    body = 'Ilse Varga said the old timetable was "a disgrace to the whole city" and would be replaced.'
    quotes = analyze(body).quotes
    kinds = sorted(q.kind for q in quotes)
    assert kinds == ["reported", "statement"]
    clause = next(q for q in quotes if q.kind == "reported")
    fragment = next(q for q in quotes if q.kind == "statement")
    assert clause.start < fragment.start and fragment.end <= clause.end + 1


def test_a_direct_quote_is_not_reported_again():
    body = '"The ferry will not sail before Thursday," Ilse Varga said. "We are sorry for the delay."'
    assert reported(body) == []


def test_a_clause_stops_where_another_speaker_begins():
    body = "Ilse Varga said the line would open in spring, but the union said the drivers had not been trained."
    first, second = reported(body)
    assert first.text == "the line would open in spring" and first.speaker == "Ilse Varga"
    assert second.text == "the drivers had not been trained"


@pytest.mark.parametrize(
    "body",
    [
        "The old mill is said to be the oldest building in the valley.",
        "Ilse Varga said nothing.",
        "Ilse Varga said goodbye to her colleagues at the station.",
        "The so-called reforms left the harbour much as it was before.",
    ],
)
def test_no_reported_speech(body: str):
    assert reported(body) == []


def test_reported_quotes_come_in_text_order_with_the_direct_ones():
    body = (
        'Ilse Varga said the line would open in spring. "It is a great day," she said.\n\n'
        "The ferry will not sail before Thursday, according to the harbour authority."
    )
    quotes = analyze(body).quotes
    assert [q.kind for q in quotes] == ["reported", "statement", "reported"]
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)


def test_a_name_ending_in_a_modal_word_speaks():
    body = "Prime Minister Ilse May said that the tram line would open in the spring of next year."
    q = only(body)
    assert q.text == "the tram line would open in the spring of next year"
    assert "May" in speaker_text(body, q)


def test_a_modal_before_the_verb_is_still_no_speaker():
    assert reported("The mayor may say that the tram line will open in the spring.") == []


def test_according_to_a_long_source_closing_the_sentence():
    body = "The ferry carried more passengers than ever, according to a Harbour Board database tracking such trips."
    q = only(body)
    assert q.text == "The ferry carried more passengers than ever"
    assert speaker_text(body, q) == "a Harbour Board database"


def test_according_to_after_a_dash():
    body = "Half of the timetable is wrong — or at least out of date — according to the rail users' council."
    q = only(body)
    assert q.text == "Half of the timetable is wrong — or at least out of date"


def test_a_closing_cue_with_a_time_and_a_clause_after_it():
    body = (
        "The ferry service has been a shambles for a decade, local councillors said Friday afternoon, "
        "as they met the operator for the third time this year."
    )
    q = only(body)
    assert q.text == "The ferry service has been a shambles for a decade"
    assert speaker_text(body, q) == "local councillors"


def test_a_closing_cue_whose_speaker_has_a_place():
    body = "The talks broke down after an hour and nobody stayed for lunch, said one union delegate in the room."
    q = only(body)
    assert q.text.startswith("The talks broke down") and q.text.endswith("lunch")
    assert speaker_text(body, q) == "one union delegate"


def test_a_closing_cue_whose_speaker_has_a_long_apposition():
    body = (
        "Freight on the line fell by half in two years, said Tomas Reiner, a senior official with the "
        "port authority that oversees the harbour and its rail yards."
    )
    q = only(body)
    assert q.text == "Freight on the line fell by half in two years"
    assert q.speaker == "Tomas Reiner"


def test_a_name_and_its_apposition_before_the_cue_are_the_subject():
    body = "But Ilse Varga, senior adviser for rail planning at the Leith Transport Institute, said commuters still want trams."
    q = only(body)
    assert q.text == "commuters still want trams"
    assert q.speaker == "Ilse Varga"


def test_a_name_and_a_long_relative_clause_before_the_cue_are_the_subject():
    body = (
        "Dr. Ilse Varga, who as a young engineer designed the first tram depot in the city and later ran the "
        "harbour railway for most of two decades, said that the new line had been planned in a hurry."
    )
    q = only(body)
    assert q.text == "the new line had been planned in a hurry"
    assert q.speaker == "Ilse Varga"


@pytest.mark.parametrize(
    ("body", "content"),
    [
        ("Ilse Varga urged the council to reopen the harbour railway.", "the council to reopen the harbour railway"),
        ("Ilse Varga warned the ferry operators to keep to the timetable.", "the ferry operators to keep to the timetable"),
        ("Ilse Varga accused the port authority of hiding the accounts.", "the port authority of hiding the accounts"),
    ],
)
def test_an_object_and_what_it_should_do_or_did(body: str, content: str):
    q = only(body)
    assert q.text == content and q.speaker == "Ilse Varga"


def test_a_title_case_headline_with_its_speaker_last():
    body = "Tram Line Will Open In Spring, Mayor Ilse Varga Says\n\nThe mayor spoke on Monday."
    q = only(body)
    assert q.text == "Tram Line Will Open In Spring"
    assert q.speaker == "Ilse Varga" and q.cue == "Says"


def test_a_capitalised_verb_inside_a_sentence_is_not_a_cue():
    assert reported("The museum shows the Says Law papers of the economist in the east wing of the hall.") == []


@pytest.mark.parametrize(
    ("body", "content"),
    [
        ("Ilse Varga called the new timetable a disgrace to the whole city.", "the new timetable a disgrace to the whole city"),
        ("Ilse Varga described the talks with the union as tense and long.", "the talks with the union as tense and long"),
    ],
)
def test_what_someone_called_something(body: str, content: str):
    q = only(body)
    assert q.text == content and q.speaker == "Ilse Varga"


@pytest.mark.parametrize(
    "body",
    [
        "Ilse Varga called the harbour police a few minutes after the crash on the quay.",
        "Ilse Varga called a press conference at the station for Monday morning.",
        "A charity called the Friends of the Harbour has raised money for the old lighthouse.",
        "With a week to go before the vote, the head of the council, Ilse Varga, called twice.",
    ],
)
def test_calling_that_names_nothing(body: str):
    assert reported(body) == []


def test_what_someone_called_something_ends_before_a_subordinate_clause():
    body = "Ilse Varga described the port director as a liability after he closed the quay without notice."
    assert only(body).text == "the port director as a liability"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("The line is late, and rail users' groups warned that the trams would be full on the first day.", "rail users' groups"),
        ("Though the plan is costly, elected officials from both parties say the line will pay for itself.", "elected officials from both parties"),
    ],
)
def test_a_bare_plural_group_speaks(body: str, speaker: str):
    q = only(body)
    assert speaker_text(body, q) == speaker


def test_a_gloss_on_a_name_closing_the_clause_is_the_narrators():
    body = "Ilse Varga said she would not back Tomas Reiner, the favourite of the port lobby."
    assert only(body).text == "she would not back Tomas Reiner"


def test_that_as_a_pronoun_is_part_of_the_clause():
    body = "Ilse Varga said that was the best news the harbour had had in years."
    assert only(body).text == "that was the best news the harbour had had in years"


def test_a_name_and_its_apposition_are_not_what_a_closing_cue_reports():
    body = "Ilse Varga, the mayor's eldest daughter, noted the rule in the interview last week."
    assert reported(body) == []


def test_a_clause_stops_where_a_named_speaker_takes_over():
    body = "While she said the budget was tight for the first year, Tomas Reiner also noted that the trams would pay for themselves."
    first, second = reported(body)
    assert first.text == "the budget was tight for the first year"
    assert second.text == "the trams would pay for themselves" and second.speaker == "Tomas Reiner"
