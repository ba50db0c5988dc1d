"""Quoted names (a disease, a court case, a product, a slogan) are terms, said by no one;
invented examples, one rule each."""

from __future__ import annotations

import pytest

from reader.analysis import analyze
from reader.analysis.quotes import find_quotes


def kinds(body: str) -> list[str]:
    return [q.kind for q in find_quotes(body, [])]


@pytest.mark.parametrize(
    "body",
    [
        # an acronym or a code of letters and digits names something
        'Cases of "GX-7" rose sharply, the minister said.',
        'The minister said cases of "KRAV" rose sharply.',
        # a court case: "v." and "vs." are small words of a title
        'The ruling in "Pike v. Dunmore" was upheld, Ms Roe said.',
        'The court ruled in "Pike vs. Dunmore" on Monday, Ms Roe said.',
        # a name alone in brackets, glossing the words before it
        'The illness ("Grey Fever") spread fast, officials said.',
        # a title-case quote opening its sentence as its subject
        'It rained. "Hour of Light" aired weekly, she said.',
        # after a speech verb, the subject of the clause reported
        'She said "Hour of Light" was her favourite show.',
        # a name written in camel case
        'Ms Roe said the firm launched the "eReader Max".',
        # a thing introduced by its name
        'Doctors said the patients had a condition called "brain haze" for weeks.',
        # prepositions stay small in a long formal name
        'Ms Roe said they signed the "Pact on Grain Trade during Wartime" in May.',
    ],
)
def test_quoted_names_are_terms(body: str) -> None:
    assert kinds(body) == ["term"]


@pytest.mark.parametrize(
    "body",
    [
        # SHOUTED English words and chants are said
        'She shouted "STOP" at him, police said.',
        'Some in the crowd chanted "UK! UK!" as he left.',
        # a title-case quote right after a speech verb, not a clause's subject
        'He said "Absolutely Not" and left.',
        # "called" after someone, not after a thing: the words are theirs
        'He met a reporter he called "a total liar" on Monday.',
        'It passed a budget its leader called "the least bad one" on Monday.',
        'It passed a budget Ms Roe called "the least bad one" on Monday.',
        # a quote opening its sentence and followed by its speaker
        '"Never Again" she said.',
    ],
)
def test_words_said_stay_statements(body: str) -> None:
    assert kinds(body) == ["statement"]


def test_a_case_name_does_not_end_the_sentence_at_v() -> None:
    body = "Ms Roe said the court would overturn Pike v. Dunmore within a year."
    reported = [q.text for q in analyze(body).quotes if q.kind == "reported"]
    assert reported == ["the court would overturn Pike v. Dunmore within a year"]
