"""One test per rule of issue 16's actor precision and kinds, on invented text."""

from __future__ import annotations

from reader.analysis.actors import find_mentions
from reader.analysis.identity import identity_key


def found(body: str) -> dict[str, tuple[str, str]]:
    return {m.text: (m.kind, m.actor) for m in find_mentions(body)}


def test_a_two_word_title_case_heading_names_nobody():
    body = "Pellham Praised\n\nThe council met on Monday and voted for the plan.\n"
    assert "Pellham Praised" not in found(body) and "Pellham" not in found(body)


def test_a_byline_of_a_given_name_and_surname_is_a_person():
    body = "Harbour vote passes\n\nLarry Finchley\n\nThe council met on Monday. Larry Finchley reports.\n"
    assert found(body)["Larry Finchley"][0] == "person"


def test_the_pronoun_i_is_nobody():
    mentions = found('"I\'m not leaving," said Tom Averill. "I think so," I said.')
    assert set(mentions) == {"Tom Averill"}


def test_a_version_or_model_number_is_not_an_actor():
    assert "IE6" not in found("Users of IE6 were told to upgrade by Tuesday.")


def test_town_comma_state_abbreviation_is_a_place():
    mentions = found("Flooding closed roads in Prince William, Va., on Monday.")
    assert mentions["Prince William"] == ("place", "Prince William, Va.")
    assert "William" not in mentions


def test_town_comma_state_is_the_town_not_a_country_of_the_same_name():
    mentions = found("The plant in Lebanon, Ohio, will close.")
    assert mentions["Lebanon"] == ("place", "Lebanon, Ohio")


def test_a_body_that_speaks_in_a_statement_is_an_organisation():
    assert found("Quorvex said in a statement that it would appeal.")["Quorvex"][0] == "organisation"


def test_teams_in_results_and_standings_lines_are_organisations():
    body = "SOCCER - LEAGUE RESULTS\n\nDivision two\n\nAshby 2 Corbridge 1\nMelton 0 Ashby 3\n\nStandings\n\nAshby 4 3 1 0 10 6 10\n"
    mentions = found(body)
    for team in ("Ashby", "Corbridge", "Melton"):
        assert mentions[team][0] == "organisation", team


def test_a_name_that_plays_in_a_sports_report_is_a_team():
    body = "CRICKET - COUNTY CHAMPIONSHIP\n\nLeicestershire beat Somerset by an innings.\n\nLeicestershire 22 points, Somerset 4.\n"
    mentions = found(body)
    assert mentions["Leicestershire"][0] == mentions["Somerset"][0] == "organisation"


def test_financial_table_rows_are_not_teams():
    body = "MONEY SUPPLY RESULTS\n\nM3 482.13 480.72 461.42\nQuarvell 12.5 13.1 14.0\n"
    assert all(kind != "organisation" or text != "Quarvell" for text, (kind, _) in found(body).items())


def test_based_on_a_place_cuts_the_name():
    mentions = found("Ontario-based Quelta Systems said profits rose.")
    assert "Ontario-based Quelta Systems" not in mentions and "Quelta Systems" in mentions


def test_writings_of_one_name_in_an_article_are_one_actor():
    body = "John Q. Pellham spoke first. Later John\u00a0Pellham left, and Pellham's aides stayed."
    actors = {m.actor for m in find_mentions(body) if m.kind == "person"}
    assert actors == {"John Q. Pellham"}


def test_identity_key_joins_variants_and_keeps_people_apart():
    same = {identity_key(n) for n in ("John Q. Smith", "John\u00a0Smith", "Mr. John Smith", "John Smith's", "JOHN SMITH")}
    assert same == {"john smith"}
    assert identity_key("Jane Smith") != identity_key("John Smith") != identity_key("Smith")
    assert identity_key("J. Smith") != identity_key("John Smith")
    # Titles are a person's only: an organisation keeps every word.
    assert identity_key("General Electric Co.", person=False) == "general electric co."


def test_a_capital_is_its_government_only_where_it_acts():
    assert found("Ottawa said it would respond.")["Ottawa"][1] == "Canada"
    assert found("Talks with Ottawa stalled.")["Ottawa"][1] == "Canada"
    assert found("Papers were found on a rainy Ottawa street.")["Ottawa"][1] == "Ottawa"
    assert found("The mayor of Ottawa, Jim Watson, spoke.")["Ottawa"][1] == "Ottawa"


def test_a_list_of_states_is_not_a_town_in_a_state():
    mentions = found("Voters in Florida, Illinois, Ohio and Arizona went to the polls.")
    assert mentions["Florida"] == ("place", "Florida") and mentions["Illinois"] == ("place", "Illinois")


def test_a_person_named_after_an_organisation_is_split_from_it():
    mentions = found("The head of the Harbour Council Martin Tollan told reporters it was over.")
    assert mentions["Harbour Council"][0] == "organisation" and mentions["Martin Tollan"][0] == "person"
    assert found("She studied at the University of South Carolina Beaufort.")["University of South Carolina Beaufort"][0] == "organisation"


def test_a_field_of_government_and_a_country_is_an_agency():
    assert found("A sensitive Environment Canada document was found.")["Environment Canada"][0] == "organisation"
    assert "Rural Canada" not in found("Rural Canada voted for change.")


def test_a_name_after_the_is_not_a_person():
    mentions = found("He left the Sea Org in 2004 and joined the Quorn Vexa later.")
    assert mentions["Sea Org"][0] == "organisation" and mentions["Quorn Vexa"][0] == "organisation"
    assert "Space Shuttle" not in found("It was the end of the Space Shuttle era.")


def test_a_given_name_town_after_from_is_a_place():
    assert found("A boy from Irving, Texas, was arrested.")["Irving"] == ("place", "Irving, Texas")


def test_a_brand_the_article_counts_is_a_thing_not_an_actor():
    body = "The gallery shows 100 Polaroids by Andy Warhol. Each Polaroid is small. Kathryn Waters said Waters would stay."
    mentions = found(body)
    assert "Polaroids" not in mentions and "Polaroid" not in mentions
    assert mentions["Waters"] == ("person", "Kathryn Waters")  # a surname in the plural form stays a person


def test_a_national_team_in_a_match_report_is_an_organisation():
    body = ("Tunisia faced England in the group stage. England scored twice after the penalty; the striker "
            "headed the first goal and the goalkeeper saved a second. The match ended 2-1.")
    assert found(body)["England"][0] == "organisation"


def test_the_town_of_and_next_to_name_places():
    assert found("Shells fell on the town of Quelmoor overnight.")["Quelmoor"][0] == "place"
    assert found("The depot is next to Varnholt, officials said.")["Varnholt"][0] == "place"
    assert found("The Municipality of Varnholt asked for taxes.")["Municipality of Varnholt"][0] == "organisation"


def test_an_initial_before_a_given_name_stays_with_the_name():
    assert "L. Ron Hubbard" in found("The church was founded by writer L. Ron Hubbard in 1954.")


def test_a_capital_acts_across_an_apposition():
    assert found("Ottawa, an observer at the talks, said it would join.")["Ottawa"][1] == "Canada"
