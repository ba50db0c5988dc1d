"""Rules of the named-actor finder, each on a short example written for the test."""

from __future__ import annotations

import pytest

from reader.analysis.actors import find_mentions
from reader.analysis.gazetteer import Gazetteer, builtin, parse_user_gazetteer


def spans(text: str, **kwargs) -> list[tuple[str, str, str]]:
    return [(m.text, m.kind, m.actor) for m in find_mentions(text, **kwargs)]


def texts(text: str, **kwargs) -> list[str]:
    return [m.text for m in find_mentions(text, **kwargs)]


def actor_of(text: str, surface: str, **kwargs) -> str:
    found = [m.actor for m in find_mentions(text, **kwargs) if m.text == surface]
    assert found, f"{surface!r} not found in {spans(text, **kwargs)}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Chinese President Xi Jinping arrived on Monday.", "Xi Jinping"),
        ("Talks stalled, Mr Kim said later.", "Kim"),
        ("The report was written by Dr Park Won-gon last year.", "Park Won-gon"),
        ("Prime Minister Boris Johnson spoke to reporters.", "Boris Johnson"),
        ("It was signed by Secretary of State John Kerry in Geneva.", "John Kerry"),
    ],
)
def test_titles_are_not_part_of_the_name(text: str, name: str) -> None:
    found = spans(text)
    assert (name, "person") in [(t, k) for t, k, _ in found]
    assert not any(t != name and name in t for t, _, _ in found)


def test_leading_article_is_dropped() -> None:
    found = spans("Officials in the United States rejected the plan.")
    assert ("United States", "place", "United States") in found
    assert not any(t.startswith("the ") or t.startswith("The ") for t, _, _ in found)
    assert ("Guardian", "organisation") in [(t, k) for t, k, _ in spans("The Guardian reported it first.")]


def test_acronyms_are_organisations_and_country_codes_are_places() -> None:
    found = spans("NATO and the EU met after the WTO ruling, while the U.S. and the UK objected.")
    kinds = {t: k for t, k, _ in found}
    assert kinds["NATO"] == "organisation"
    assert kinds["WTO"] == "organisation"
    assert kinds["U.S."] == "place"
    assert kinds["UK"] == "place"
    assert actor_of("Ties with the U.S. improved.", "U.S.") == "United States"


def test_everyday_capitals_are_not_acronyms() -> None:
    assert texts("I said OK, then watched TV until the GDP figures came out.") == []


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("She studied at Ewha Womans University for years.", "Ewha Womans University", "organisation"),
        ("A spokesman for the Ministry of Unification declined to comment.", "Ministry of Unification", "organisation"),
        ("Members of the Workers Party met.", "Workers Party", "organisation"),
        ("The Seoul Central District Court ruled on Friday.", "Seoul Central District Court", "organisation"),
        ("Fans filled Luzhniki Stadium on Sunday.", "Luzhniki Stadium", "place"),
    ],
)
def test_head_words_make_organisations_and_places(text: str, name: str, kind: str) -> None:
    assert (name, kind) in [(t, k) for t, k, _ in spans(text)]


def test_a_place_inside_an_organisation_is_its_own_mention() -> None:
    found = find_mentions("A ship of the United States Navy docked.")
    outer = [m for m in found if m.text == "United States Navy"]
    inner = [m for m in found if m.text == "United States"]
    assert outer and outer[0].kind == "organisation"
    assert inner and inner[0].kind == "place" and inner[0].start == outer[0].start
    assert found == sorted(found, key=lambda m: (m.start, -m.end))


def test_surname_and_title_mentions_merge_with_the_full_name() -> None:
    text = (
        "North Korean leader Kim Jong Un met Xi Jinping. Mr Kim thanked Mr Xi, and Kim later "
        "left. Xi stayed."
    )
    found = find_mentions(text)
    by_text: dict[str, set[str]] = {}
    for m in found:
        by_text.setdefault(m.text, set()).add(m.actor)
    assert by_text["Kim"] == {"Kim Jong Un"}
    assert by_text["Xi"] == {"Xi Jinping"}
    assert all(m.kind == "person" for m in found if m.text in ("Kim", "Xi"))


def test_acronym_joins_its_expansion() -> None:
    text = "The Korean Central News Agency (KCNA) said so. KCNA added nothing."
    actors = {m.actor for m in find_mentions(text) if m.text in ("KCNA", "Korean Central News Agency")}
    assert len(actors) == 1
    defined = "The Tiny Widget Makers Association (TWMA) met. Later TWMA voted."
    groups = {m.actor for m in find_mentions(defined) if m.kind == "organisation"}
    assert groups == {"Tiny Widget Makers Association"}


def test_country_aliases_share_one_actor() -> None:
    text = "The DPRK and the Democratic People's Republic of Korea are North Korea. The US, America and the United States too."
    found = find_mentions(text)
    korea = {m.actor for m in found if m.text in ("DPRK", "Democratic People's Republic of Korea", "North Korea")}
    usa = {m.actor for m in found if m.text in ("US", "America", "United States")}
    assert korea == {"North Korea"}
    assert usa == {"United States"}


def test_capitals_acting_stand_for_their_country_but_a_location_stays_a_city() -> None:
    text = "Pyongyang's state media said Beijing and Washington were talking. He teaches at a university in Seoul."
    assert actor_of(text, "Pyongyang") == "North Korea"
    assert actor_of(text, "Beijing") == "China"
    assert actor_of(text, "Washington") == "United States"
    assert actor_of(text, "Seoul") == "Seoul"


def test_the_north_in_a_korea_story_is_north_korea() -> None:
    text = "North Korea fired a missile. Officials said the North would continue."
    assert actor_of(text, "North") == "North Korea"
    assert "North" not in texts("Snow fell across the North on Sunday.")


def test_dateline_is_not_an_actor() -> None:
    raw = "SEOUL • North Korea fired a missile, officials in Seoul said."
    found = find_mentions(raw)
    assert all(m.start > 5 for m in found)
    assert "Seoul" in [m.text for m in found]
    parsed = "Seoul officials said North Korea fired a missile."
    assert "Seoul" not in texts(parsed, dateline="SEOUL")
    assert "North Korea" in texts(parsed, dateline="SEOUL")


@pytest.mark.parametrize(
    "text",
    [
        "However, the talks failed.",
        "But in March the talks resumed on Monday.",
        "Despite everything, Relations improved in July.",
        "Yesterday they met. Tomorrow they meet again on Friday.",
    ],
)
def test_sentence_initial_words_months_and_days_are_not_actors(text: str) -> None:
    assert texts(text) == []


def test_title_case_headline_does_not_explode() -> None:
    text = "Leaders Agree New Deal On Trade After Long Night Of Talks\n\nThe talks ended, officials said."
    assert texts(text) == []


def test_demonyms_are_not_mentions_but_plural_groups_are_people() -> None:
    found = spans("Afghan officials met Muslims and Texans in an American city.")
    assert ("Afghan",) not in [(t,) for t, _, _ in found]
    assert "American" not in [t for t, _, _ in found]
    assert ("Muslims", "person") in [(t, k) for t, k, _ in found]
    assert ("Texans", "person") in [(t, k) for t, k, _ in found]


def test_events_are_not_actors() -> None:
    assert "Korean War" not in texts("It began in the Korean War and ended in the Cold War.")


def test_possessive_is_not_part_of_the_span() -> None:
    assert "China" in texts("China's economy grew.")
    assert "Korean People's Army" in texts("The Korean People's Army marched.")


def test_products_made_of_words_are_not_people() -> None:
    assert texts("He opened Internet Explorer and then the Space Shuttle launched.") == []


def test_every_span_matches_the_body() -> None:
    body = "Xi Jinping met Kim Jong Un in Pyongyang, KCNA said. The United States Navy watched."
    for m in find_mentions(body):
        assert body[m.start : m.end] == m.text
        assert m.kind in ("person", "organisation", "place")


def test_user_gazetteer_wins_over_rules() -> None:
    user, problems = parse_user_gazetteer(
        "Acme Widgets:\n  kind: organisation\n  aliases: [Acme]\nSeoul:\n  kind: organisation\nIgnore: [Xi Jinping]\n",
        "actors.yaml",
    )
    assert problems == []
    gazetteer = builtin().overlaid(user)
    found = spans("Acme said Seoul and Xi Jinping agreed.", gazetteer=gazetteer)
    assert ("Acme", "organisation", "Acme Widgets") in found
    assert ("Seoul", "organisation", "Seoul") in found
    assert "Xi Jinping" not in [t for t, _, _ in found]


def test_empty_gazetteer_still_finds_rule_based_actors() -> None:
    found = spans("Dr Jane Smith of the Ministry of Health spoke.", gazetteer=Gazetteer())
    assert ("Jane Smith", "person", "Jane Smith") in found
    assert ("Ministry of Health", "organisation", "Ministry of Health") in found


def test_an_unknown_word_with_an_organisation_context_is_an_organisation() -> None:
    from reader.analysis.actors import find_mentions

    body = "Members of Zorvexa met on Monday. Later the Zorvexa organization said it would appeal, and Zorvexa did."
    found = [(m.text, m.kind) for m in find_mentions(body)]
    assert found.count(("Zorvexa", "organisation")) == 3


def test_a_distinctive_word_of_an_organisation_name_stands_for_it() -> None:
    from reader.analysis.actors import find_mentions

    body = "The Church of Zorvexa said it was under attack. Critics of Zorvexa disagreed."
    mentions = find_mentions(body)
    single = [m for m in mentions if m.text == "Zorvexa"]
    assert single and single[-1].kind == "organisation"
    assert single[-1].actor == "Church of Zorvexa"


def test_a_headland_is_a_place() -> None:
    from reader.analysis.actors import find_mentions

    body = "Morag Sinclair climbed the steps of the Skerray Head lighthouse twice a night."
    kinds = {m.text: m.kind for m in find_mentions(body)}
    assert kinds.get("Skerray Head") == "place"
    assert kinds.get("Morag Sinclair") == "person"


def test_a_plural_possessive_inside_an_organisation_name_keeps_the_name_whole():
    from reader.analysis import analyze

    body = "The strike was called by the Harbour Workers' Union, and the Ratepayers' Party objected."
    found = {(m.text, m.kind) for m in analyze(body).mentions}
    assert ("Harbour Workers' Union", "organisation") in found
    assert ("Ratepayers' Party", "organisation") in found


def test_a_bare_head_word_refers_back_to_the_organisation_it_heads():
    from reader.analysis import analyze

    body = (
        "Talks with the Port Alder Harbour Authority broke down. "
        "The Authority's chief executive, Rupert Vale, said the claim was too high."
    )
    actors = {m.text: m.actor for m in analyze(body).mentions}
    assert actors.get("Authority") == "Port Alder Harbour Authority"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Defender Tomás Ibarra told reporters the ruling was unfair.", "Tomás Ibarra"),
        ("The probe was led by Prosecutor Helen Marsh of the county.", "Helen Marsh"),
        ("A statement from Administrator Charles Bolden came later.", "Charles Bolden"),
    ],
)
def test_role_words_written_as_titles_are_not_part_of_the_name(text: str, name: str) -> None:
    found = spans(text)
    assert (name, "person") in [(t, k) for t, k, _ in found]
    assert not any(t != name and name in t for t, _, _ in found)


def test_holidays_and_days_are_not_actors() -> None:
    text = "Crowds gathered on Easter Monday. Shops shut for Christmas Eve and Thanksgiving Day, and during Ramadan."
    assert texts(text) == []


def test_a_surname_that_is_a_holiday_still_names_a_person() -> None:
    assert ("Johnnie Christmas", "person") in [(t, k) for t, k, _ in spans("It was drawn by illustrator Johnnie Christmas.")]


def test_a_street_with_a_possessive_is_a_place_not_a_person() -> None:
    found = spans("The tenants met in a hall on Tanner's Row on Monday.")
    assert [(t, k) for t, k, _ in found] == [("Tanner's Row", "place")]


def test_two_streets_joined_by_and_are_two_places() -> None:
    found = [(t, k) for t, k, _ in spans("Residents of Main Street and Ocean Road complained.")]
    assert found == [("Main Street", "place"), ("Ocean Road", "place")]


@pytest.mark.parametrize(
    "text",
    [
        "Elizabeth Quat In the New Territories won a seat.",
        "Mention of the House of\nLords in a caption.",
        "Ahmed Mohamed Image: a photograph from the school.",
    ],
)
def test_a_name_never_ends_in_a_function_word_or_a_caption_label(text: str) -> None:
    for name in texts(text):
        assert name.split()[-1].lower() not in {"in", "of", "image"}, name


def test_the_house_of_commons_is_an_organisation() -> None:
    assert ("House of Commons", "organisation") in [(t, k) for t, k, _ in spans("He spoke to the House of Commons on Monday.")]


def test_a_name_written_without_its_accents_is_the_same_person() -> None:
    text = (
        "Zbigniew Łęcki, the harbour master, met the council on Monday. Lecki said the quay "
        "needed work, and Zbigniew Lecki asked for a vote."
    )
    assert actor_of(text, "Lecki") == "Zbigniew Łęcki"
    assert actor_of(text, "Zbigniew Lecki") == "Zbigniew Łęcki"


def test_names_that_differ_by_more_than_accents_stay_apart() -> None:
    text = "Anna Lind spoke first. Then Anna Lund spoke. Lind said it was settled."
    assert actor_of(text, "Lind") == "Anna Lind"
    assert actor_of(text, "Anna Lund") == "Anna Lund"
