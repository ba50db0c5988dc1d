"""Which cue a quote's speaker is read from: one test per rule, on invented text."""

from __future__ import annotations

from reader.analysis import analyze
from reader.analysis.speakers import Resolver, SpeakerSpan, phrase_after
from reader.model import Quote


def quote(body: str, fragment: str) -> Quote:
    """The one direct quote (statement or term) holding `fragment`."""
    found = [q for q in analyze(body).quotes if fragment in q.text and q.kind != "reported"]
    assert len(found) == 1, (fragment, [q.text for q in analyze(body).quotes])
    return found[0]


def shown(body: str, q: Quote) -> str | None:
    """What the reader is shown as the speaker: the name, else the text's words."""
    if q.speaker:
        return q.speaker
    if q.speaker_start is None or q.speaker_end is None:
        return None
    return body[q.speaker_start : q.speaker_end]


# ---------------------------------------------------------------- '' quotes start a sentence


def test_a_double_apostrophe_quote_starts_its_own_sentence() -> None:
    body = (
        "Many Republicans have said so, including Fred Garvey, a former commissioner. "
        "''The sooner he releases his returns, the better,'' Mr. Garvey told a radio host."
    )
    q = quote(body, "The sooner he releases")
    assert q.speaker == "Fred Garvey"
    assert q.cue == "told"


# ---------------------------------------------------------------- the subject of a cue


def test_a_connective_opening_the_sentence_is_no_speaker() -> None:
    body = (
        "The senator spoke last. Or, as Tom Ridley, a former secretary of the navy, put it: "
        '"The barbarians are inside the gate."'
    )
    assert quote(body, "barbarians").speaker == "Tom Ridley"


def test_the_subject_of_the_last_of_two_clauses_speaks() -> None:
    body = (
        "Bill Hanson met voters at the door. At one point, a woman asked for a photo and "
        'Hanson said, "as long as we are not breaking any rules."'
    )
    assert quote(body, "as long as").speaker == "Bill Hanson"


def test_two_names_joined_by_and_are_not_cut_to_the_last() -> None:
    body = (
        "Mara Quist and Owen Pike toured the plant. "
        'It contradicted what Quist and Pike said about "a flawless record" last week.'
    )
    assert quote(body, "flawless").speaker != "Owen Pike"


# ---------------------------------------------------------------- the cue after the quote


def test_the_name_after_a_comma_and_the_cue_outranks_the_clause_before() -> None:
    body = (
        'Add a "candidate who is a lightning rod" and Londoners get nervous, said Lena Hart, '
        "director of the exchange."
    )
    q = quote(body, "lightning rod")
    assert q.speaker == "Lena Hart"
    assert q.cue == "said"


def test_according_to_after_a_quote_names_who_follows_it() -> None:
    body = (
        'A "living wage that anyone could raise a family on" for a single adult with no children '
        "is about $12 an hour, according to Amy Glass, an economist."
    )
    assert quote(body, "living wage").speaker == "Amy Glass"


def test_quotes_joined_by_and_share_the_cue_after_the_last() -> None:
    body = (
        "Guns are “the gravest threat to public health” and “a danger to every child,” "
        "Howard Dunne, the former governor, told the crowd."
    )
    assert quote(body, "gravest threat").speaker == "Howard Dunne"
    assert quote(body, "a danger to every child").speaker == "Howard Dunne"


def test_a_quote_with_a_cue_of_its_own_does_not_lend_it_to_the_one_before() -> None:
    body = (
        "Farmers called the plan “a disaster for every grower” but Owen Pike insisted it was "
        "“a fair deal for the region.”"
    )
    assert quote(body, "a disaster").speaker != "Owen Pike"


# ---------------------------------------------------------------- headings that name a speaker


def test_a_roundup_heading_names_the_speaker_after_its_dash() -> None:
    body = (
        "Polls closed early.\n\n"
        "RED STATES OUTNUMBER BLUE STATES - Jeffrey M. Jonas: “Our analysis finds that twenty "
        "states lean one way.”"
    )
    assert quote(body, "Our analysis finds").speaker == "Jeffrey M. Jonas"


# ---------------------------------------------------------------- no cue, no invented speaker


def test_a_sentence_subject_that_names_no_one_is_not_shown_as_the_speaker() -> None:
    body = (
        "Ben Ellery spoke at the rally on Friday. What he wanted now was to enjoy life at home, "
        'to "grab our backpacks and hit the road and celebrate our last years together."'
    )
    q = quote(body, "grab our backpacks")
    assert shown(body, q) is None


def test_a_caption_run_into_the_text_is_no_speaker() -> None:
    body = (
        "Ben Ellery spoke at the rally on Friday. Scroll down for video Comedian Ben Ellery, left, "
        "took a swipe at Myra Kline, right, during a rally for Labour supporters The Only Way is "
        "Essex star Joey Essex posed for a selfie with a fan during rally in Warrington 'I made "
        "my money cracking jokes, she made hers singing.'"
    )
    assert shown(body, quote(body, "cracking jokes")) != "Scroll"


# ---------------------------------------------------------------- outlets, datelines, possessives


def test_an_outlet_that_reports_with_a_colon_speaks_for_the_quote_paragraph() -> None:
    body = (
        "Few of the donors gave small sums.\n\n"
        "The Daily Courier reports:\n\n"
        '"Just 24 percent of the contributors have given $200 or less so far this year."'
    )
    q = quote(body, "Just 24 percent")
    assert q.speaker == "Daily Courier"
    assert q.cue == "reports"


def test_reports_after_a_noun_is_no_cue() -> None:
    body = (
        'Police reports show the van was "travelling far too fast for the narrow road," '
        "and Mara Quist said so at the hearing."
    )
    assert quote(body, "travelling far too fast").cue != "reports"


def test_the_name_of_an_outlet_is_not_the_city_inside_it() -> None:
    body = (
        "The New York Chronicle reports that the team avoided the hospital in order to "
        "“keep the details of her treatment under wraps.”"
    )
    assert quote(body, "keep the details").speaker == "New York Chronicle"


def test_a_dateline_is_not_the_speaker_before_a_comma_chain() -> None:
    body = (
        "WASHINGTON -- President Obama, opening the museum on Saturday, said it would tell a "
        "story of ''suffering and delight, of fear, but also of hope and of a long road home.''"
    )
    assert quote(body, "suffering and delight").speaker == "Obama"


def test_a_possessive_name_span_resolves_to_the_person() -> None:
    text = "Okafor’s advice, they said, was sound."
    found = Resolver(text, []).resolve(SpeakerSpan(0, 8, "name"))
    assert (found.speaker, found.start, found.end) == ("Okafor", 0, 6)


# ---------------------------------------------------------------- pronouns after a quoted sentence


def test_he_goes_on_with_the_one_the_sentence_before_quotes() -> None:
    body = (
        "Cruz electrified the small crowds in San Antonio, Robert Stoval said.\n\n"
        '"Once he talked to them, they were sold," he said.'
    )
    assert quote(body, "Once he talked").speaker == "Robert Stoval"


def test_he_is_still_the_subject_when_no_one_in_the_sentence_is_quoted() -> None:
    body = (
        "Dan Cruz thanked Robert Stoval for the introduction in San Antonio.\n\n"
        '"Once I talked to them, they were sold," he said.'
    )
    assert quote(body, "Once I talked").speaker == "Dan Cruz"


def test_a_quote_after_one_that_ended_a_sentence_starts_a_new_one() -> None:
    body = (
        "Hillary Clinton spoke on the radio.\n\n"
        "On the show, the former secretary of state said she wanted to speak “directly to voters” "
        "and tell them “this is not who we are.”\n"
        "“How many times do we have to see this?” Clinton said.\n\n"
        "The show ended."
    )
    q = quote(body, "How many times")
    assert q.speaker == "Hillary Clinton"
    assert q.cue == "said"


# ---------------------------------------------------------------- descriptions need a role given to someone


def test_a_role_word_in_a_clause_after_a_name_is_not_that_persons_role() -> None:
    body = (
        "Lena Ebeling and her husband, Tom, were greeted by an organizer at the field office.\n\n"
        '"You are going to be the most effective messengers we have," the organizer said.'
    )
    assert quote(body, "effective messengers").speaker is None


def test_a_role_in_an_apposition_still_names_the_person() -> None:
    body = (
        "Janet Osei, the council's leader, opened the meeting.\n\n"
        '"We will not cut the bus routes," the leader said.'
    )
    assert quote(body, "bus routes").speaker == "Janet Osei"


# ---------------------------------------------------------------- a closing mark lost before the attribution


def test_a_quote_that_runs_into_its_attribution_ends_before_it() -> None:
    body = (
        "The fossil was found in 2003.\n\n"
        "‘It is yet one more example of the weird world of the Triassic, said Dr. Nick Fraser, "
        "keeper of natural sciences at the museum. ‘We are certain that it will capture imaginations.’"
    )
    first = quote(body, "weird world")
    assert first.text.endswith("Triassic,")
    assert first.speaker == "Nick Fraser"
    assert quote(body, "We are certain").speaker == "Nick Fraser"


def test_an_unclosed_double_quote_ends_before_said_and_a_name() -> None:
    body = (
        "Paperwork was often lost.\n\n"
        '"There was not a lot of education for parents about which papers to keep, said Emily '
        "Kessel, whose group backs the bill."
    )
    q = quote(body, "education for parents")
    assert q.text.endswith("keep,")
    assert q.speaker == "Emily Kessel"


def test_a_closed_quote_with_a_cue_inside_and_a_nested_quote_stays_whole() -> None:
    body = (
        "They met in 2011.\n\n"
        "\"In my first meeting with him in 2011, he said, 'Our approach has not worked; we want "
        "to work with you,'\" Derek Mitchell recalled."
    )
    q = quote(body, "In my first meeting")
    assert "Our approach" in q.text
    assert q.speaker == "Derek Mitchell"


# ---------------------------------------------------------------- cues that are not speech


def test_adding_to_something_is_no_speech_cue() -> None:
    body = (
        "The new figures will add to the campaign's embarrassment after news that many of her "
        "fans may be 'likes' that were bought."
    )
    assert quote(body, "likes").kind == "term"


def test_adding_to_an_audience_is_still_speech() -> None:
    body = "“It was far more than her show,” Ray Dunn added to the crowd."
    q = quote(body, "far more than")
    assert q.speaker == "Ray Dunn"
    assert q.cue == "added"


def test_joined_quotes_do_not_borrow_a_cue_from_the_next_sentence() -> None:
    body = (
        'Ostrova retired on Monday.\n\n"Lena was tireless," said dean Omar Fitch. Fitch spoke of '
        'Ostrova\'s "many findings that made the lab famous" and "her patience with every student." '
        'Harbour Institute head Dana Krol said "Ostrova was a gift to chemistry."'
    )
    assert quote(body, "many findings").speaker != "Dana Krol"


# ---------------------------------------------------------------- no cue: the subject of the sentence before


def test_a_title_in_the_sentence_before_does_not_hide_its_subject() -> None:
    body = (
        "The weekend shows were busy.\n\n"
        'On "Face the Nation," Sen. Bernie Sanders named young voters\' fatigue with bigotry as a '
        'reason to back the nominee. "The younger people are sick and tired of discrimination."'
    )
    assert quote(body, "younger people").speaker == "Bernie Sanders"


def test_a_sentence_that_opens_with_a_quote_lends_no_subject() -> None:
    body = (
        "Talks ended late.\n\n"
        '"We are close," Ann Roe told the panel on Monday. Mr. Dunn disagreed with her. '
        '"Nothing is settled yet."'
    )
    assert quote(body, "Nothing is settled").speaker != "Ann Roe"


def test_a_heading_in_capitals_before_a_dash_is_not_the_sentence_subject() -> None:
    body = (
        "He has many critics.\n\n"
        "CONGRESS HAS INVESTIGATED HIM — Okafor’s dubious advice earned him a Senate hearing, "
        "where he was questioned for saying that the extract was a “magic cure for every body type.”"
    )
    q = quote(body, "magic cure")
    assert q.speaker == "Okafor"


# ---------------------------------------------------------------- "they" names no organisation


def test_they_is_not_the_organisation_named_last() -> None:
    body = (
        "The researchers, who included Choa Zhao from the Southwest Forestry University, warned "
        "that the species is at risk. They said: 'The macaque is threatened by illegal hunting.'"
    )
    assert quote(body, "threatened by illegal hunting").speaker is None


def test_it_still_stands_for_the_organisation() -> None:
    body = (
        "Harbour Savings Bank closed four branches this year.\n\n"
        '"We regret the inconvenience to our customers," it said in a statement.'
    )
    assert quote(body, "regret the inconvenience").speaker == "Harbour Savings Bank"


def test_the_wire_service_is_the_news_outlet_named_before() -> None:
    body = (
        "The State Department bought Facebook fans, according to an Associated Press report. "
        "'The department said it would stop buying fans after its inspector general criticized "
        "the spending,' the wire service reported."
    )
    assert quote(body, "stop buying fans").speaker == "Associated Press"


def test_the_paper_is_no_organisation_that_is_not_an_outlet() -> None:
    body = (
        "The State Department declined to comment on Monday.\n\n"
        '"The figures were never checked by anyone at all," the paper said.'
    )
    assert quote(body, "never checked").speaker is None


def test_names_qualifying_a_plural_noun_are_a_group_not_the_first_name() -> None:
    text = "Arsenal and Liverpool fans unite outside the stadium"
    found = phrase_after(text, 0, len(text))
    assert found is not None and found.kind == "phrase"
    assert text[found.start : found.end] == "Arsenal and Liverpool fans"


def test_two_names_joined_by_and_before_a_verb_stay_a_name() -> None:
    text = "Arsenal and Liverpool unite outside the stadium"
    found = phrase_after(text, 0, len(text))
    assert found is not None and found.kind == "name"
