"""Direct quotes: quotation marks, kinds, cues and speakers, rule by rule."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.analysis.actors import find_mentions
from reader.analysis.cues import cue_pattern, read_cue_forms
from reader.analysis.quote_marks import find_quote_spans, paragraph_bounds
from reader.analysis.quotes import find_quotes
from reader.model import Mention, Quote

SEED = Path(__file__).resolve().parents[2] / "articles" / "000_38de3d4f9c1ef403.txt"


def quoted(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quote_spans(text)]


def only(quotes: list[Quote], fragment: str) -> Quote:
    found = [q for q in quotes if fragment in q.text]
    assert len(found) == 1, (fragment, [q.text for q in quotes])
    return found[0]


def speaker_text(body: str, quote: Quote) -> str | None:
    if quote.speaker_start is None:
        return None
    return body[quote.speaker_start : quote.speaker_end]


def assert_consistent(body: str, quotes: list[Quote]) -> None:
    for q in quotes:
        assert body[q.start : q.end] == q.text
        if q.cue is not None:
            assert body[q.cue_start : q.cue_end] == q.cue
        if q.speaker_start is not None:
            assert 0 <= q.speaker_start < q.speaker_end <= len(body)


# ---------------------------------------------------------------- quotation marks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "yes" today.', ['"yes"']),
        ("He said “yes” today.", ["“yes”"]),
        ("Il a dit « oui » hier.", ["« oui »"]),
        ("Er sagte „ja“ gestern.", ["„ja“"]),
        ("She said ‘no way’ and left.", ["‘no way’"]),
        ("She said 'no way' and left.", ["'no way'"]),
        ("It's the Ministers' view that rock 'n' roll lasts 'til the ’90s.", []),
    ],
)
def test_quotation_marks_pair_into_spans(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The board is 2' 6'' wide and 8'' long.",
        "A '''bold''' word.",
        "It cost `30 a day.",
    ],
)
def test_primes_wiki_bold_and_currency_backticks_are_not_quotation_marks(text: str) -> None:
    assert quoted(text) == []


def test_single_marks_still_quote_beside_doubled_apostrophes() -> None:
    text = "He said 'not now' about the 6'' pipe, and 'It's late' after."
    assert quoted(text) == ["'not now'", "'It's late'"]


def test_single_quotes_nested_in_single_quotes_with_apostrophes() -> None:
    text = "She said: ‘He told me ‘don’t’ and left’ on Monday."
    assert quoted(text) == ["‘He told me ‘don’t’ and left’"]


def test_apostrophes_inside_a_single_quote_do_not_end_it() -> None:
    assert quoted("He called it ‘the people’s choice’ twice.") == ["‘the people’s choice’"]


def test_single_quotes_nested_in_double_quotes_are_part_of_the_outer_quote() -> None:
    text = '"He told me \'never again\' and meant it," she said.'
    assert quoted(text) == ["\"He told me 'never again' and meant it,\""]


def test_a_quote_reopened_at_the_next_paragraph_continues() -> None:
    text = 'Intro.\n\n"First part of it.\n\n"Second part of it," he said.\n\nAfter.'
    spans = find_quote_spans(text)
    assert len(spans) == 1
    assert text[spans[0].start : spans[0].end] == '"First part of it.\n\n"Second part of it,"'
    assert spans[0].paragraphs == 2


def test_an_unclosed_quote_ends_at_its_paragraph() -> None:
    text = 'He said "this never closes.\n\nThe next paragraph is narration with "a term" in it.'
    assert quoted(text) == ['"this never closes.', '"a term"']


def test_a_stray_closing_mark_swallows_nothing() -> None:
    text = "Word” and more words.\n\nAnother “real” one."
    assert quoted(text) == ["“real”"]


def test_paragraphs_are_blank_line_separated_or_one_per_line() -> None:
    assert paragraph_bounds("a\n\n b \n\n\nc") == [(0, 1), (4, 5), (9, 10)]
    assert paragraph_bounds("a\nb") == [(0, 1), (2, 3)]


# ---------------------------------------------------------------- cues


def test_cues_are_data_with_inflections_and_phrases() -> None:
    forms = set(read_cue_forms())
    assert {"said", "says", "told", "according to", "tweeted", "insisted"} <= forms
    found = [m.group() for m in cue_pattern().finditer("She Said it, according  to him; he replied.")]
    assert found == ["Said", "according  to", "replied"]


# ---------------------------------------------------------------- kinds


def test_short_quoted_phrase_without_cue_is_a_term() -> None:
    body = 'Mao sent millions of "volunteers" to the front.'
    (quote,) = find_quotes(body, [])
    assert quote.kind == "term"
    assert quote.speaker is None


def test_long_quote_is_a_statement_even_without_cue() -> None:
    body = 'It was the motto: "We will never give up on this town."'
    (quote,) = find_quotes(body, [])
    assert quote.kind == "statement"


def test_short_quote_with_a_cue_is_a_statement() -> None:
    body = 'The senator called the plan "a disaster" on Monday.'
    (quote,) = find_quotes(body, [])
    assert quote.kind == "statement"
    assert (quote.speaker, speaker_text(body, quote)) == (None, "The senator")


# ---------------------------------------------------------------- speakers


def test_speaker_before_the_quote_with_colon() -> None:
    body = 'Jane Doe said: "We will win this election."'
    (quote,) = find_quotes(body, [])
    assert (quote.speaker, quote.cue) == ("Jane Doe", "said")
    assert speaker_text(body, quote) == "Jane Doe"


def test_speaker_after_the_quote() -> None:
    body = '"We will win this election," Jane Doe said on Monday.'
    (quote,) = find_quotes(body, [])
    assert quote.speaker == "Jane Doe"
    assert quote.cue == "said"


def test_inverted_speaker_after_the_quote_drops_the_title() -> None:
    body = '"We will win this election," said Sen. Jane Doe of Ohio.'
    (quote,) = find_quotes(body, [])
    assert speaker_text(body, quote) == "Jane Doe"


def test_speaker_after_an_appositive() -> None:
    body = '"It is a deal," Bob Lee, a professor at Some University in Ohio, told reporters.'
    (quote,) = find_quotes(body, [])
    assert (quote.speaker, quote.cue) == ("Bob Lee", "told")


def test_according_to() -> None:
    body = 'According to the ministry, "the talks went well and will go on."'
    (quote,) = find_quotes(body, [])
    assert (quote.speaker, speaker_text(body, quote)) == (None, "the ministry")
    assert quote.cue == "According to"


def test_both_halves_of_a_split_quote_share_the_speaker() -> None:
    body = 'Bob Lee spoke.\n\n"The first half," he said, "and the second half."'
    quotes = find_quotes(body, [])
    assert [q.kind for q in quotes] == ["statement", "statement"]
    assert {speaker_text(body, q) for q in quotes} == {"he"}
    assert {q.speaker for q in quotes} == {None}  # no name to resolve "he" to


def test_pronoun_resolves_to_the_previous_speaker_without_mentions() -> None:
    body = '"We are ready for this," Bob Lee said.\n\n"And we will not stop now," he added.'
    quotes = find_quotes(body, [])
    assert speaker_text(body, quotes[1]) == "he"
    assert quotes[1].speaker == "Bob Lee"


def test_pronoun_resolves_to_the_subject_of_the_sentence_naming_the_last_person() -> None:
    body = 'Ann Ray met Bob Lee.\n\n"We are ready for this," she said.'
    mentions = [Mention(0, 7, "Ann Ray", "person", "Ann Ray"), Mention(12, 19, "Bob Lee", "person", "Robert Lee")]
    (quote,) = find_quotes(body, mentions)
    assert quote.speaker == "Ann Ray"  # the one who met, not the one met
    assert speaker_text(body, quote) == "she"


def test_pronoun_resolves_to_the_last_person_when_their_sentence_names_no_other() -> None:
    body = 'Ann Ray spoke. Bob Lee left.\n\n"We are ready for this," he said.'
    start = body.index("Bob")
    mentions = [Mention(0, 7, "Ann Ray", "person", "Ann Ray"), Mention(start, start + 7, "Bob Lee", "person", "Robert Lee")]
    (quote,) = find_quotes(body, mentions)
    assert quote.speaker == "Robert Lee"


def test_name_speaker_maps_to_the_canonical_actor_of_its_mention() -> None:
    body = '"We are ready for this," Mr Lee said.'
    start = body.index("Lee")
    (quote,) = find_quotes(body, [Mention(start, start + 3, "Lee", "person", "Robert Lee")])
    assert quote.speaker == "Robert Lee"
    assert (quote.speaker_start, quote.speaker_end) == (start, start + 3)


def test_a_phrase_speaker_is_not_mapped_to_a_name_inside_it() -> None:
    body = '"We are ready for this," the Lee campaign said.'
    start = body.index("Lee")
    (quote,) = find_quotes(body, [Mention(start, start + 3, "Lee", "person", "Robert Lee")])
    assert quote.speaker != "Robert Lee"
    assert speaker_text(body, quote) == "the Lee campaign"


def test_a_cue_ending_the_sentence_before_attributes_the_quote() -> None:
    body = 'Bob Lee spoke.\n\nThey need each other, he added. "And the closer they get, the better."'
    (quote,) = find_quotes(body, [])
    assert speaker_text(body, quote) == "he"
    assert quote.cue == "added"


def test_a_quote_paragraph_without_cue_continues_the_previous_speaker() -> None:
    body = '"We are ready for this," said Bob Lee.\n\n"There is no way back now, not after all of this."'
    quotes = find_quotes(body, [])
    assert quotes[1].speaker == "Bob Lee"
    assert speaker_text(body, quotes[1]) == "Bob Lee"


def test_a_quote_introduced_by_a_colon_paragraph() -> None:
    body = "The agency responded:\n\n\"There is nothing more to say about this matter.\""
    (quote,) = find_quotes(body, [])
    assert speaker_text(body, quote) == "The agency"


def test_multi_paragraph_quote_is_one_statement() -> None:
    body = 'Bob Lee said:\n\n"First part of it.\n\n"Second part of it."\n\nAfter.'
    (quote,) = find_quotes(body, [])
    assert quote.text == '"First part of it.\n\n"Second part of it."'
    assert quote.speaker == "Bob Lee"


def test_a_judgement_after_called_is_a_statement_and_a_dubbed_name_a_term() -> None:
    # "called X 'premature'" gives the speaker's word for it; "dubbed" names something.
    body = 'Mr Vale called the walkout "premature" and left.'
    (quote,) = find_quotes(body, [])
    assert quote.kind == "statement"
    body = 'Aides dubbed the bus "rocket" after the trip.'
    (quote,) = find_quotes(body, [])
    assert quote.kind == "term"


def test_a_name_in_the_appositive_chain_beats_the_phrase_before_it() -> None:
    body = 'Its representative at the site, Karim Belhadj, said workers had been told "almost nothing".'
    (quote,) = find_quotes(body, [])
    assert speaker_text(body, quote) == "Karim Belhadj"


def test_age_and_hometown_appositives_are_skipped() -> None:
    body = 'Cory James, 22, of Flint, Mich., said he hoped for a "surprise" at the end.'
    (quote,) = find_quotes(body, [])
    assert speaker_text(body, quote) == "Cory James"


def test_an_elided_subject_is_the_main_clause_subject() -> None:
    body = 'Hours later, Ann Ray returned the compliment, telling reporters "he is an amazing man."'
    (quote,) = find_quotes(body, [])
    assert speaker_text(body, quote) == "Ann Ray"
    assert quote.cue == "telling"


def test_adding_after_an_attributed_quote_keeps_its_speaker() -> None:
    body = '"It is not new," said Rep. Bob Lee at the time, adding that "we have done this for years."'
    quotes = find_quotes(body, [])
    assert [speaker_text(body, q) for q in quotes] == ["Bob Lee", "Bob Lee"]
    assert quotes[1].cue == "adding"


def test_a_quote_ending_a_sentence_does_not_take_the_next_sentences_cue() -> None:
    body = '"We have two of them," said Dan Gray. "You never see one here." Perhaps, he said, it will change.'
    quotes = find_quotes(body, [])
    assert speaker_text(body, quotes[1]) == "Dan Gray"


def test_an_inverted_cue_after_an_aside() -> None:
    body = '"They have been setting the table," in sharp contrast to earlier years, says Dan Gray.'
    (quote,) = find_quotes(body, [])
    assert speaker_text(body, quote) == "Dan Gray"


def test_a_quote_signed_with_a_dash() -> None:
    body = "\u201cWe are not going anywhere, not now and not ever.\u201d \u2015 Ana Ruiz\n\u201cThey will hear us.\u201d \u2014 Jo Park."
    quotes = find_quotes(body, [])
    assert [speaker_text(body, q) for q in quotes] == ["Ana Ruiz", "Jo Park"]


def test_a_pronoun_in_a_reported_clause_points_at_the_first_speaker() -> None:
    body = 'Bob Lee told reporters that he had spoken to the minister and that "a pause is coming."'
    (quote,) = find_quotes(body, [])
    assert speaker_text(body, quote) == "Bob Lee"


def test_a_quote_sentence_after_reported_speech_goes_on_with_its_speaker() -> None:
    body = 'Ann Ray recalled how, on her first trip, all she saw was a dark road. "I was afraid of it."'
    (quote,) = find_quotes(body, [])
    assert speaker_text(body, quote) == "Ann Ray"


def test_a_pronoun_is_not_resolved_to_a_name_inside_a_quote() -> None:
    body = 'Ann Ray spoke.\n\n"Bob Lee was wrong about it all along," she said.'
    mentions = [Mention(0, 7, "Ann Ray", "person", "Ann Ray"), Mention(16, 23, "Bob Lee", "person", "Bob Lee")]
    (quote,) = find_quotes(body, mentions)
    assert quote.speaker == "Ann Ray"


def test_the_statement_read() -> None:
    body = '"We regret the delay and will refund every ticket," the statement read.'
    (quote,) = find_quotes(body, [])
    assert (quote.speaker, speaker_text(body, quote)) == (None, "the statement")


# ---------------------------------------------------------------- the seed article


def seed_body() -> str:
    text = SEED.read_text(encoding="utf-8")
    body = text.split("•", 1)[1].strip()
    return body.rsplit("\n\n", 1)[0] if body.endswith("AGENCE FRANCE-PRESSE") else body


def seed_mentions(body: str) -> list[Mention]:
    names = {
        "Xi Jinping": ("Xi Jinping", "person"),
        "Xi": ("Xi Jinping", "person"),
        "Kim Jong Un": ("Kim Jong Un", "person"),
        "Kim": ("Kim Jong Un", "person"),
        "Mao Zedong": ("Mao Zedong", "person"),
        "Mao": ("Mao Zedong", "person"),
        "Park Won-gon": ("Park Won-gon", "person"),
        "Agence France-Presse": ("Agence France-Presse", "organisation"),
        "KCNA": ("KCNA", "organisation"),
    }
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
    return [Mention(m.start(), m.end(), m.group(), names[m.group()][1], names[m.group()][0]) for m in pattern.finditer(body)]


SEED_SPEAKERS = [
    ("Despite the unprecedentedly", "Kim", "Kim Jong Un"),
    ("ensuring peace", "Kim", "Kim Jong Un"),
    ("by steadily leading", "Xi", "Xi Jinping"),
    ("lips and teeth", "Mao", "Mao Zedong"),
    ("It's a marriage of convenience", "Park Won-gon", "Park Won-gon"),
    ("never really trust each other", "he", "Park Won-gon"),
    ("And the closer they get", "he", "Park Won-gon"),
]


@pytest.mark.parametrize(("fragment", "span_text", "_actor"), SEED_SPEAKERS)
def test_seed_speakers_without_mentions(fragment: str, span_text: str, _actor: str) -> None:
    body = seed_body()
    quote = only(find_quotes(body, []), fragment)
    assert speaker_text(body, quote) == span_text
    if span_text != "he":
        assert quote.speaker == span_text
    else:
        assert quote.speaker == "Park Won-gon"


@pytest.mark.parametrize(("fragment", "span_text", "actor"), SEED_SPEAKERS)
def test_seed_speakers_with_mentions(fragment: str, span_text: str, actor: str) -> None:
    body = seed_body()
    quotes = find_quotes(body, seed_mentions(body))
    assert_consistent(body, quotes)
    quote = only(quotes, fragment)
    assert speaker_text(body, quote) == span_text
    assert quote.speaker == actor


def test_seed_kinds() -> None:
    body = seed_body()
    quotes = find_quotes(body, seed_mentions(body))
    assert only(quotes, "volunteers").kind == "term"
    assert only(quotes, "Despite the unprecedentedly").kind == "statement"
    assert only(quotes, "It's a marriage").cue == "told"
    assert only(quotes, "Despite the unprecedentedly").cue == "wrote"


def test_a_so_called_phrase_is_a_term() -> None:
    body = "Both sides agreed on Tuesday to open talks on a so-called “green corridor” for ships."
    (quote,) = find_quotes(body, [])
    assert quote.kind == "term"


def test_a_quoted_word_mentioned_as_a_word_is_a_term() -> None:
    body = 'The word "dialect" is contested, said Professor Alan Green of Leeds University.'
    assert [q.kind for q in find_quotes(body, [])] == ["term"]


def test_a_short_capitalised_title_after_a_determiner_is_a_term() -> None:
    body = 'Trump told NBC\'s "Today" on Monday that he would win.'
    assert [q.kind for q in find_quotes(body, [])] == ["term"]


def test_a_definite_description_speaks_for_the_person_it_described_earlier() -> None:
    body = (
        "Norway's chief negotiator, Anne Lise Berg, arrived in Geneva on Tuesday.\n\n"
        '"The talks have stalled over the fishing quotas," Norway\'s chief negotiator said later.\n\n'
        'Mayor Bill Garner opened the bridge. "We expect the first cars next week," the mayor said.'
    )
    quotes = find_quotes(body, find_mentions(body))
    talks = only(quotes, "talks have stalled")
    assert speaker_text(body, talks) == "Norway's chief negotiator"  # the span stays as written
    assert talks.speaker == "Anne Lise Berg"
    assert only(quotes, "first cars").speaker == "Bill Garner"


def test_a_description_without_a_named_holder_is_no_speaker_but_keeps_its_span() -> None:
    body = 'Bill Garner met the mayor on Monday. "We expect the first cars next week," the mayor said.'
    quote = only(find_quotes(body, find_mentions(body)), "first cars")
    assert quote.speaker is None
    assert speaker_text(body, quote) == "the mayor"


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ('Intro.\n\n"We will win this state and the next one."\n\n- Jane Doe.\n\nAfter.', "Jane Doe"),
        ('Intro.\n\n"We will win this state and the next one."\n\n-President Obama, tweeting after the speech\n', "President Obama"),
        ('"We will win this state and the next one."\u2015 Jane Doe\u00a0\n"Next."', "Jane Doe"),
    ],
)
def test_a_signature_after_a_dash_below_or_beside_the_quote(body: str, name: str) -> None:
    quote = only(find_quotes(body, []), "win this state")
    assert speaker_text(body, quote) == name


def test_a_sentence_that_only_attributes_the_quote_before_it() -> None:
    body = 'Intro. "Russia, if you are listening, find the emails that are missing." Trump said. Then he left.'
    quote = only(find_quotes(body, []), "Russia")
    assert speaker_text(body, quote) == "Trump"
    assert quote.cue == "said"
