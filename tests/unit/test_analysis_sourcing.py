"""Anonymous sources, source kinds and attribution-verb groups, on invented sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis import analyze
from reader.analysis.cue_groups import cue_groups
from reader.model import Quote


def quotes(body: str) -> list[Quote]:
    return [q for q in analyze(body).quotes if q.kind != "term"]


def only(body: str) -> Quote:
    found = quotes(body)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "body, descriptor",
    [
        ("The talks have stalled, a senior official said, speaking on condition of anonymity.", "a senior official"),
        ("People familiar with the matter said the merger would be announced next week.", "People familiar with the matter"),
        ("A spokesman who declined to be named said the company would appeal the ruling.", "A spokesman"),
        ("The mayor will resign before the end of next month, sources said.", "sources"),
        ("One person close to the negotiations said the deal was almost done.", "One person close to the negotiations"),
        ("Two officials said the border crossing would reopen on Friday.", "Two officials"),
    ],
)
def test_unnamed_sources_are_anonymous_and_keep_their_descriptor(body: str, descriptor: str):
    q = only(body)
    assert q.speaker_kind == "anonymous"
    assert q.speaker_descriptor == descriptor
    assert q.speaker is None


def test_the_reason_for_anonymity_when_the_article_gives_one():
    body = (
        "The talks have stalled, a senior official said, speaking on condition of anonymity "
        "because he was not authorised to speak publicly."
    )
    q = only(body)
    assert q.speaker_kind == "anonymous"
    assert q.anonymity_reason == "not authorised to speak publicly"


def test_the_purpose_of_anonymity_is_its_reason():
    body = '"We will not back down," said a senior diplomat, who spoke on condition of anonymity to discuss private talks.'
    q = only(body)
    assert q.kind == "statement" and q.speaker_kind == "anonymous"
    assert q.speaker_descriptor == "a senior diplomat"
    assert q.anonymity_reason == "to discuss private talks"


def test_a_direct_quote_from_people_in_the_know():
    body = '"It is over and nobody will say otherwise," people close to the talks said.'
    q = only(body)
    assert q.kind == "statement" and q.speaker_kind == "anonymous"
    assert q.speaker_descriptor == "people close to the talks"
    assert q.cue == "said" and body[q.cue_start : q.cue_end] == "said"


def test_no_reason_without_anonymity():
    body = "A source said the minister could not come because the flight had been cancelled."
    q = only(body)
    assert q.speaker_kind == "anonymous" and q.anonymity_reason is None


@pytest.mark.parametrize(
    "body",
    [
        "Ilse Varga, speaking on condition of anonymity, said the talks had stalled over the weekend.",
        "Ilse Varga, who declined to be named in an earlier report, said the bridge would reopen on Friday.",
        "Tomas Reiner, a spokesman who was not authorised to comment, said the talks had stalled.",
    ],
)
def test_a_named_person_is_never_anonymous(body: str):
    q = only(body)
    assert q.speaker_kind != "anonymous"
    assert q.speaker is not None


def test_a_polls_respondents_are_no_anonymous_source():
    body = "Some 20 percent of people said the bridge should never have been built."
    q = only(body)
    assert q.kind == "reported" and q.speaker_kind != "anonymous"


def test_a_pronoun_is_never_anonymous():
    body = "Ilse Varga left the meeting early. She said, speaking on condition of anonymity, that the talks had stalled."
    assert all(q.speaker_kind != "anonymous" for q in quotes(body))


def test_source_kinds_of_named_and_described_speakers():
    body = (
        "Ilse Varga said the tram line would open in the spring. "
        "According to the report, the line will cost four million euros."
    )
    person, document = quotes(body)
    assert person.speaker_kind == "person"
    assert document.speaker_kind == "document" and document.speaker_descriptor == "the report"


@pytest.mark.parametrize(
    "verb, group",
    [("said", "neutral"), ("told", "neutral"), ("added", "neutral"), ("claimed", "loaded"),
     ("insisted", "loaded"), ("admitted", "loaded"), ("conceded", "loaded"), ("alleged", "loaded"), ("boasted", "loaded")],
)
def test_every_quote_keeps_its_cue_and_its_group(verb: str, group: str):
    body = f'"The harbour will be open again by the summer," Ilse Varga {verb}.'
    q = only(body)
    assert q.cue == verb and q.cue_group == group


def test_cue_groups_come_from_the_data_file(tmp_path: Path):
    data = tmp_path / "groups.yaml"
    data.write_text(
        "groups:\n  plain: {say: [say, says, said]}\n  spin: {spin: [spun, spins]}\nreported_speech: [say]\n",
        encoding="utf-8",
    )
    groups = cue_groups.__wrapped__(data)
    assert groups.group("said") == "plain" and groups.group("spun") == "spin"
    assert groups.verb("has  Said") == "say"
    assert groups.verbs_for("spin") == ("spin",) and groups.verbs_for("spun") == ("spin",)
    assert groups.reported_forms() == ["say", "says", "said"]


def test_a_reported_verb_outside_every_group_is_refused(tmp_path: Path):
    data = tmp_path / "groups.yaml"
    data.write_text("groups:\n  plain: {say: [said]}\nreported_speech: [say, mumble]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="mumble"):
        cue_groups.__wrapped__(data)


def test_an_articles_sourcing_summary():
    from reader.analysis.sourcing_summary import sourcing_summary

    body = (
        '"The bridge is safe again and will stay open all winter," said Ilse Varga.\n\n'
        "Tomas Reiner claimed that the repairs had cost twice what the council admits.\n\n"
        "The work was rushed, a senior official said, speaking on condition of anonymity.\n\n"
        "According to the report, the bridge carries twelve thousand cars a day."
    )
    summary = sourcing_summary(analyze(body))
    assert (summary.direct, summary.reported, summary.quotes) == (1, 3, 4)
    assert (summary.people, summary.anonymous, summary.documents, summary.unattributed) == (2, 1, 1, 0)
    assert [s.name for s in summary.speakers][:2] == ["Ilse Varga", "Tomas Reiner"]
    assert summary.speakers[0].words == 11 and summary.speakers[0].kind == "person"
    assert abs(sum(s.share for s in summary.speakers) - 1.0) < 1e-9
    anonymous = next(s for s in summary.speakers if s.kind == "anonymous")
    assert anonymous.name == "a senior official"
    assert [q.cue for q in summary.loaded] == ["claimed"]
