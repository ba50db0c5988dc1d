"""Errors a user trial found on the bundled articles, each on a short invented example."""

from __future__ import annotations

import pytest

from reader.analysis import analyze
from reader.model import Analysis, Quote


def actor(analysis: Analysis, name: str):
    found = [a for a in analysis.actors if a.name == name]
    return found[0] if found else None


def only(analysis: Analysis, fragment: str) -> Quote:
    """The one direct quote (statement or term) holding `fragment`."""
    (quote,) = [q for q in analysis.quotes if fragment in q.text and q.kind != "reported"]
    return quote


def spoken_by(body: str, quote: Quote) -> str | None:
    return None if quote.speaker_start is None else body[quote.speaker_start : quote.speaker_end]


# 1. A role after the cue, then the name in apposition.
@pytest.mark.parametrize(
    ("body", "name"),
    [
        ('Tarnvale Water asked for calm. "The pipes are old," said its operations director, Mr Ivo Brandt.', "Ivo Brandt"),
        ('"It is a false economy," said the group\'s chair, Ms Ruth Okafor. Others agreed.', "Ruth Okafor"),
        ('"Fuel is the question," said Norway\'s chief negotiator, State Secretary Øyvind Lunde.', "Øyvind Lunde"),
        ('"We ship in March," said its chief executive, Tom Abernathy.', "Tom Abernathy"),
    ],
)
def test_the_named_person_in_an_apposition_after_the_cue_is_the_speaker(body: str, name: str) -> None:
    analysis = analyze(body)
    (quote,) = analysis.quotes
    assert quote.speaker == name
    assert spoken_by(body, quote) == name
    assert actor(analysis, name).quotes == 1
    assert not [a for a in analysis.actors if a.name.lower().startswith(("its ", "the ", "norway's"))]


def test_a_quoted_title_after_the_comma_is_no_apposition() -> None:
    body = 'It began with a web ad, "Playing Lee," in which children play. "It is silly," said its maker.'
    quote = only(analyze(body), "silly")
    assert spoken_by(body, quote) == "its maker"
    assert quote.speaker is None


# 2. Descriptions are not person actors.
def test_an_unresolved_description_is_not_an_actor() -> None:
    body = (
        'Rovers voted on Tuesday, in a budget its leader called "the least bad of a lot of bad options". '
        'The board\'s records call her "a most reliable keeper", which she disputes.'
    )
    analysis = analyze(body)
    assert all(a.name[0].isupper() and not a.name.startswith(("its ", "The ")) for a in analysis.actors)
    assert [q.speaker for q in analysis.quotes if q.kind == "statement"] == [None] * len(
        [q for q in analysis.quotes if q.kind == "statement"]
    )


def test_an_organisation_noun_phrase_resolves_to_the_named_organisation() -> None:
    body = (
        "The Eastgate branch will close, Fenwick Mutual Bank said on Wednesday.\n\n"
        'The bank said a "shared banking hub" would open nearby.'
    )
    analysis = analyze(body)
    quote = only(analysis, "banking hub")
    assert quote.speaker == "Fenwick Mutual Bank"
    assert spoken_by(body, quote) == "The bank"
    assert actor(analysis, "Fenwick Mutual Bank").kind == "organisation"
    assert actor(analysis, "The bank") is None


def test_the_listener_of_a_reported_clause_is_not_its_speaker() -> None:
    body = 'The court heard that Edwin Marsh made 200 transfers, describing them as "boat repairs".'
    (quote,) = analyze(body).quotes
    assert quote.speaker != "The court heard"
    assert spoken_by(body, quote) in (None, "Edwin Marsh")


# 3. Names beginning with a capital outside ASCII.
@pytest.mark.parametrize("name", ["Łukasz Wiśniewski", "Ştefan Munteanu", "Ósk Jónsdóttir", "Žarko Lukić"])
def test_a_name_starting_with_a_non_ascii_capital_keeps_its_first_word(name: str) -> None:
    body = f'"We will keep flying," NACO Secretary-General {name} said on Thursday.'
    analysis = analyze(body)
    (quote,) = analysis.quotes
    assert quote.speaker == name
    assert name in [m.text for m in analysis.mentions]


# 4. A place that is also a given name, before a surname.
def test_a_place_word_before_a_surname_in_a_speaker_position_is_a_first_name() -> None:
    body = '"We never gave up," Jordan Pellow said. Pellow scored twice. Flights to Jordan resumed.'
    analysis = analyze(body)
    kinds = {(m.text, m.kind) for m in analysis.mentions}
    assert ("Jordan Pellow", "person") in kinds
    assert ("Jordan", "place") in kinds  # the country, later, is still the country
    assert analysis.quotes[0].speaker == "Jordan Pellow"
    assert actor(analysis, "Jordan Pellow").mentions == 2


# 5. Organisation names, their short forms and streets.
def test_a_place_inside_an_organisation_name_is_no_actor_of_its_own() -> None:
    analysis = analyze("The Bank of Freedonia raised rates on Thursday, surprising traders.")
    assert [a.name for a in analysis.actors] == ["Bank of Freedonia"] or "Freedonia" not in [
        a.name for a in analysis.actors
    ]


def test_a_place_named_alone_as_well_stays_an_actor() -> None:
    analysis = analyze("The Bank of England raised rates. Shops in England were quiet.")
    assert actor(analysis, "England") is not None
    assert actor(analysis, "England").mentions == 2


def test_a_body_that_opens_with_the_dateline_word_inside_a_name_keeps_the_name() -> None:
    from reader.analysis.actors import find_mentions

    found = find_mentions("Kelmsford City Council voted on Tuesday to freeze fares.", dateline="KELMSFORD")
    assert [m.text for m in found] == ["Kelmsford City Council"]
    found = find_mentions("KELMSFORD — Kelmsford City Council voted on Tuesday.", dateline="KELMSFORD")
    assert [m.text for m in found] == ["Kelmsford City Council"]


def test_a_short_form_that_begins_an_organisation_name_is_its_alias() -> None:
    body = (
        "Fenwick Mutual Bank will merge with Eastern Cooperative Bank.\n\n"
        "Fenwick's chief executive, Ada Pole, said the deal was good. Eastern Cooperative's chair, Bo Lind, agreed."
    )
    analysis = analyze(body)
    names = [a.name for a in analysis.actors]
    assert "Fenwick" not in names and "Eastern Cooperative" not in names
    assert "Fenwick" in actor(analysis, "Fenwick Mutual Bank").aliases
    assert "Eastern Cooperative" in actor(analysis, "Eastern Cooperative Bank").aliases


def test_two_streets_joined_by_and_are_two_places() -> None:
    analysis = analyze("Crews used boats to reach residents in Mill Lane and Cooper's Row by dawn.")
    assert {(m.text, m.kind) for m in analysis.mentions} == {("Mill Lane", "place"), ("Cooper's Row", "place")}


def test_a_given_name_before_a_street_word_that_speaks_is_a_person() -> None:
    analysis = analyze('"It was a good night," Nathan Lane said.')
    assert analysis.quotes[0].speaker == "Nathan Lane"
    assert actor(analysis, "Nathan Lane").kind == "person"


# 6. A scare quote is nobody's.
def test_a_so_called_phrase_has_no_speaker_even_in_a_sentence_with_a_cue() -> None:
    body = "Canada and Norway agreed on Tuesday to open talks on a so-called “green corridor” for ships."
    quote = only(analyze(body), "green corridor")
    assert quote.kind == "term"
    assert (quote.speaker, quote.speaker_start, quote.cue) == (None, None, None)


def test_a_capital_that_speaks_stands_for_its_country() -> None:
    body = 'Ottawa, an observer at the meeting, said it would join "once the rules on command are clear".'
    analysis = analyze(body)
    (quote,) = analysis.quotes
    assert quote.speaker == "Canada"
    assert actor(analysis, "Canada").kind == "place"


def test_an_honorific_makes_a_place_word_a_surname() -> None:
    body = 'Park Won-gon met reporters. "We are ready," said Professor Park. Mr Lane lives near General Hospital.'
    actors = {actor.name: actor.kind for actor in analyze(body).actors}
    assert actors.get("Park Won-gon") == "person"
    assert "Professor Park" not in actors
    assert actors.get("Lane") == "person"
    assert actors.get("General Hospital") != "person" and "Hospital" not in actors
    assert [quote.speaker for quote in analyze(body).quotes] == ["Park Won-gon"]


# A possessive description headed by an organisation word stands for the organisation.
def test_her_association_is_the_association_not_her() -> None:
    body = (
        "Mia Holt, who chairs the Westfold Growers' Association, has kept bees for years.\n\n"
        'Her association has asked the council whether the hives could be "moved" in spring.'
    )
    analysis = analyze(body)
    quote = only(analysis, "moved")
    assert quote.speaker == "Westfold Growers' Association"
    assert actor(analysis, "Mia Holt").quotes == 0


# A description resolved forward, to the person named with its role word just after.
def test_a_description_resolves_to_the_person_named_with_that_role_just_after() -> None:
    body = (
        'Tarnvale Borough Council voted on Tuesday, in a budget its leader called "the least bad of the options".\n\n'
        'Council leader Priya Oduya defended the cuts. "Nobody wants this," she said.'
    )
    analysis = analyze(body)
    quote = only(analysis, "least bad")
    assert quote.speaker == "Priya Oduya"
    assert spoken_by(body, quote) == "its leader"
    assert actor(analysis, "Priya Oduya").quotes == 2


def test_a_description_does_not_reach_a_person_named_with_another_role() -> None:
    body = (
        'Tarnvale Borough Council voted on Tuesday, in a budget its leader called "the least bad of the options".\n\n'
        'Opposition councillor Priya Oduya attacked the cuts.'
    )
    quote = only(analyze(body), "least bad")
    assert quote.speaker is None


# 3. A long name with its acronym in brackets: the name is the actor, the acronym its alias.
def test_a_name_spelled_by_the_bracketed_acronym_after_it_is_the_actor() -> None:
    body = "Two engineers from the Instituto Superior de Vidros (ISV) founded it. The ISV declined to comment."
    analysis = analyze(body)
    institute = actor(analysis, "Instituto Superior de Vidros")
    assert institute is not None and institute.kind == "organisation"
    assert "ISV" in institute.aliases
    assert actor(analysis, "ISV") is None


def test_a_persons_initials_in_brackets_do_not_make_an_organisation() -> None:
    analysis = analyze("Engineer John Smith (JS) wrote the report.")
    assert actor(analysis, "John Smith").kind == "person"


# 4. A club named after its town, in a sports report, is an organisation.
def test_a_town_club_in_a_match_report_is_an_organisation() -> None:
    body = (
        "Kelbrook Rovers won 2-1 on Saturday. Striker Ana Lobo beat the Dunholm City goalkeeper twice, "
        "and Rovers held on after conceding a late goal."
    )
    analysis = analyze(body)
    assert actor(analysis, "Dunholm City").kind == "organisation"
    rovers = actor(analysis, "Kelbrook Rovers")
    assert rovers.kind == "organisation" and rovers.mentions == 2


def test_a_city_outside_sport_stays_a_place() -> None:
    analysis = analyze("Flooding closed roads across Dunholm City on Saturday, the council said.")
    assert actor(analysis, "Dunholm City").kind == "place"


# 5. An apposition that calls a name a company makes it an organisation.
def test_a_name_described_as_a_company_is_an_organisation() -> None:
    body = (
        "Vitrelle, the Belgian start-up that makes smart glass, said on Monday it would close. "
        "The region had lent Vitrelle €2 million. Vitrelle said talks had failed."
    )
    vitrelle = actor(analyze(body), "Vitrelle")
    assert vitrelle is not None and vitrelle.kind == "organisation" and vitrelle.mentions == 3


def test_an_everyday_name_described_as_an_agency_is_an_organisation() -> None:
    body = "Boats run twice a day, according to Coast Transport, the public agency that runs the routes."
    assert actor(analyze(body), "Coast Transport").kind == "organisation"


def test_a_person_described_by_a_role_at_a_company_is_no_organisation() -> None:
    body = "Okonkwo, the head of the company, said the plant would close. Okonkwo, the group's leader, agreed."
    assert all(a.kind != "organisation" for a in analyze(body).actors if a.name == "Okonkwo")


# 5. An unknown name after a preposition of place, inside a sentence, is a place.
def test_unknown_names_after_in_on_at_are_places() -> None:
    body = "Islanders on Skarvøy and Lunna will lose their ferry. The school in Brackenby is closed, and the mayor of Brackenby is angry."
    analysis = analyze(body)
    for name in ("Skarvøy", "Lunna", "Brackenby"):
        assert actor(analysis, name).kind == "place", name
    assert actor(analysis, "Brackenby").mentions == 2


def test_a_possessor_or_a_title_after_at_is_not_a_place() -> None:
    body = "The crush at Zorvanism's holiest site killed many. Teams met in Gloomstrike: Second Dawn, a game."
    analysis = analyze(body)
    assert all(a.kind != "place" for a in analysis.actors if a.name in ("Zorvanism", "Gloomstrike"))


def test_a_person_after_at_is_not_a_place() -> None:
    body = "Dr Ilse Varga spoke first. Questions at Varga came from all sides."
    assert actor(analyze(body), "Ilse Varga").kind == "person"
    assert all(a.kind != "place" for a in analyze(body).actors)


def test_a_weekday_after_on_is_not_a_place() -> None:
    analysis = analyze("Mrs Sinclair gives tours of the tower on Wednesdays and in Ramadan.")
    assert all(a.kind != "place" for a in analysis.actors)


def test_a_name_before_regional_council_is_an_organisation() -> None:
    analysis = analyze("The Brevanne-Orly regional council, which lent the firm money, said it would help.")
    assert actor(analysis, "Brevanne-Orly").kind == "organisation"


# A given name before a surname that also names a company is a person.
def test_a_surname_that_names_a_company_too_stays_part_of_the_person() -> None:
    body = "Former New York mayor Michael Bloomberg ended his campaign. Bloomberg reported the news first."
    analysis = analyze(body)
    assert actor(analysis, "Michael Bloomberg").kind == "person"


# "he" after a sentence naming two people is its subject, not the person named last.
@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            'Tomas Greer ended his campaign. Greer endorsed his former rival, Paul Ashby. '
            '"Three months ago," he said, "I entered the race."',
            "Tomas Greer",
        ),
        ('Mr. Lars Vik met Anna Holt in Oslo on Tuesday. "We agreed on the budget," he said.', "Lars Vik"),
    ],
)
def test_he_after_a_sentence_naming_two_people_is_its_subject(body: str, speaker: str) -> None:
    quote = analyze(body).quotes[0]
    assert quote.speaker == speaker


def test_he_in_the_same_sentence_as_the_names_is_the_nearest() -> None:
    body = 'Anna Holt thanked Lars Vik, and "it was a long night," he said.'
    (quote,) = analyze(body).quotes
    assert quote.speaker == "Lars Vik"
