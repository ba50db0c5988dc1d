"""Statement or term: titles, names, nicknames, labels and sayings are terms,
someone's words are statements (invented examples, one rule each)."""

from __future__ import annotations

import pytest

from reader.analysis.quotes import find_quotes


def kinds(body: str) -> list[str]:
    return [q.kind for q in find_quotes(body, [])]


@pytest.mark.parametrize(
    "body",
    [
        # titles of shows, books and films inside a sentence, whatever their length
        'She hosted "The Late Lantern Hour" on Radio North for a decade, her agent said.',
        'He also wrote "Rivers Under the Old Stone Bridge of Amberley Town" before he retired.',
        'Her latest "Why Do Bees Dance?" video series drew praise, her publisher said.',
        # a title after a comma, in apposition
        'In his memoir, "Salt and Stone: A Life at Sea," he described the storm.',
        # a name or nickname given to something
        "The farm kept a goat, called 'Pepper', the owner says.",
        'The band, known as "the lads", played on.',
        'The levy, known as the "river toll", was cut, the council said.',
        # a subheading in title case on a line of its own
        'The mayor spoke first.\n\n"Bridges Before Budgets."\n\nThe vote came later.',
        'She said the clinic was nicknamed "the hive" by staff.',
        # an epithet before a name
        "The neighbour is suing 'liar' Tom Reddy for $900.",
        # a label before the noun it modifies
        'The lab, Dr Ash said, tested it in an "ex vivo" tissue model.',
        'The firm backs the "work/play blend" idea, its chief said.',
        'Dr Ash said the team grew a 40-day-old "glass frog" embryo.',
        'Dr Ash says the drug works in "in vitro" cell tests.',
        # a saying put in the mouth of a generic "we"
        'What do we say to people when we tell them, with a little "grit first" they will win?',
        # an impersonal passive attributes the words to nobody
        'It is argued, for instance, that bees "tune in" to the hive.',
    ],
)
def test_titles_names_and_labels_are_terms(body: str) -> None:
    assert kinds(body) == ["term"]


@pytest.mark.parametrize(
    "body",
    [
        # the speaker's own judgement after a cue, even one word or a modifier
        'The mayor called the delay "shameful" on Monday.',
        'The judge ruled the fee was not an "unduly harsh" penalty, the court said.',
        'Ms Pike said the "rude and careless" landlords must pay.',
        # capitalised because it opens what is said, not because it is a title
        'Asked about the plan, Mr Ode said, "Never."',
        '"Absolutely," said Ann Cole.',
        # a degree word and its adjective before a noun, a verb phrase after its subject
        'The judge said it was a "very unusual" case.',
        'Dr Ash says she "stumbled into" plant science at college.',
        'The mayor said "the real deal" talk was over.',
        # SHOUTED words are speech
        'The senator tweeted that the ruling was "SAD" and "WRONG" on Friday.',
        # a quote of four words or more is someone's words
        'He said the bridge "will open next spring" as planned.',
    ],
)
def test_words_someone_said_are_statements(body: str) -> None:
    assert set(kinds(body)) == {"statement"}


def test_a_title_case_quote_right_after_a_speech_verb_is_what_was_said() -> None:
    assert kinds('At the rally she declared "What A Night" and left.') == ["statement"]
    assert kinds('The mayor told "Morning Desk" that the bridge would open.') == ["term"]


def test_a_title_case_quote_opening_a_sentence_is_not_taken_for_a_title() -> None:
    assert kinds('"Thank You All," the coach told the crowd.') == ["statement"]


def test_an_epithet_needs_a_single_word_before_a_name() -> None:
    # "to stop" before a name is a verb phrase someone said, not an epithet.
    assert kinds('He said the visit was only "to stop" Ann Lee from leaving.') == ["statement"]


def test_an_epithet_before_a_weekday_is_not_one() -> None:
    assert kinds('The minister said the cuts were "reckless" Tuesday.') == ["statement"]
