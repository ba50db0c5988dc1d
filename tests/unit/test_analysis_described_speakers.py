"""A title or group after "a", "one", "two", "some"…: someone described, not named."""

from __future__ import annotations

import pytest

from reader.analysis import analyze
from reader.model import Quote


def quote(body: str, fragment: str) -> Quote:
    found = [q for q in analyze(body).quotes if fragment in q.text and q.kind == "statement"]
    assert len(found) == 1, (fragment, [q.text for q in analyze(body).quotes])
    return found[0]


@pytest.mark.parametrize(
    ("body", "descriptor"),
    [
        ('Yesterday one MP told the radio: "The vote will be close."', "one MP"),
        ('One MP told the radio: "The vote will be close."', "One MP"),
        ('"The vote will be close," said a Labour MP.', "a Labour MP"),
        ('"The vote will be close," said a Vermont Republican.', "a Vermont Republican"),
        ('"The vote will be close," an Ohio Democrat said.', "an Ohio Democrat"),
        ('A Minister said: "The vote will be close."', "A Minister"),
        ('One Senator added: "The vote will be close."', "One Senator"),
        ('Several MPs said: "The vote will be close."', "Several MPs"),
        ('"The vote will be close," said one senior Democrat.', "one senior Democrat"),
        ('Some Democrats say "the vote will be close and hard to call."', "Some Democrats"),
    ],
)
def test_a_title_or_group_after_an_indefinite_determiner_names_no_one(body: str, descriptor: str) -> None:
    q = quote(body, "vote will be close")
    assert q.speaker is None
    assert q.speaker_via == "descriptor"
    assert q.speaker_descriptor == descriptor


def test_a_name_after_an_adjective_is_still_the_name() -> None:
    body = 'Dana Pike lost the vote.\n\nContacted on Monday, a terse Pike said: "I have nothing to add."'
    assert quote(body, "nothing to add").speaker == "Dana Pike"


def test_a_noun_phrase_before_a_name_does_not_make_it_a_description() -> None:
    body = 'Dana Pike spoke for an hour.\n\nIn a radio interview Pike said: "I have nothing to add."'
    assert quote(body, "nothing to add").speaker == "Dana Pike"


def test_a_description_set_beside_a_name_is_that_person() -> None:
    body = 'Since then, a Republican, Dana Pike, has backed the bill, telling the radio: "It is overdue."'
    assert quote(body, "overdue").speaker == "Dana Pike"


def test_a_capitalised_determiner_of_a_name_keeps_the_name() -> None:
    body = '"The vote will be close," said one Dana Pike.'
    assert quote(body, "vote will be close").speaker == "Dana Pike"


def test_the_party_word_after_the_stands_for_the_person_named_with_it() -> None:
    body = 'Dana Pike, a Republican from Ohio, spoke on Monday. "Prices are too high," the Republican said.'
    q = quote(body, "Prices")
    assert (q.speaker, q.speaker_via) == ("Dana Pike", "descriptor")


def test_the_people_word_after_the_stands_for_the_person_the_text_is_about() -> None:
    body = 'Dana Pike declined to attack the mayor on Sunday. Asked why, the Ohio Republican said "it is not my style."'
    assert quote(body, "my style").speaker == "Dana Pike"


def test_the_people_word_tied_to_no_one_is_no_one() -> None:
    body = 'The vote was held on Monday.\n\n"Prices are too high," the Texan said.'
    q = quote(body, "Prices")
    assert (q.speaker, q.speaker_descriptor) == (None, "the Texan")


def test_a_title_with_the_capitalised_mid_sentence_is_left_a_name() -> None:
    body = 'Next, The Atlantic said: "Prices are too high."'
    assert quote(body, "Prices").speaker is not None
