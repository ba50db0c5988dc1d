"""One actor per real-world entity across the archive: every writing of a name (middle
initial, title, no-break space, possessive, a surname alone where the article names the
full name) gives the same actor, the same counts and the same quotes; two people who
share a surname stay two; headlines never yield actors. Uses the real analysis."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.index import Index

ARTICLES = {
    "a/plan.md": (
        "2024-03-01",
        'John Q. Smith said the plan would work. "We are ready for it," said Smith. Mary Jones disagreed.',
    ),
    "a/dover.md": ("2024-03-02", 'John Smith spoke to reporters in Dover. "It is done now," Smith said.'),
    "a/deal.md": (
        "2024-03-03",
        'Mr. John Smith\'s office confirmed the deal. "We signed it today," said John\u00a0Smith.',
    ),
    "a/leeds.md": ("2024-03-04", '"Not so fast, please," said Jane Smith, a councillor in Leeds.'),
    "a/talks.md": (
        "2024-03-05",
        "Budget Talks Collapse As Hawkins Walks Out\n\nMary Jones said the talks were over. Nobody else spoke.",
    ),
}
VARIANTS = ("John Q. Smith", "John Smith", "john smith", "Mr. John Smith", "John\u00a0Smith", "John Smith's", "Smith")


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("store")
    for name, (day, body) in ARTICLES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\ntitle: {name}\ndate: {day}\n---\n{body}\n", encoding="utf-8")
    with Index.open(root, tmp_path_factory.mktemp("cache")) as opened:
        opened.sync()
        yield opened


def test_every_writing_of_a_name_is_one_actor(index: Index):
    people = {a.name: a for a in index.actors(kind="person", weeks=0)}
    assert set(people) == {"John Q. Smith", "Jane Smith", "Mary Jones"}
    john = people["John Q. Smith"]
    assert (john.articles, john.quotes) == (3, 3)
    assert john.id and john.id != people["Jane Smith"].id


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_variant_gives_the_same_answer(index: Index, variant: str):
    hits = index.quotes(variant)
    assert [hit.quote.text for hit in hits] == ['"We are ready for it,"', '"It is done now,"', '"We signed it today,"']
    assert {hit.quote.speaker for hit in hits} == {"John Q. Smith"}  # the archive's name, whatever the article wrote
    assert sorted(Path(a.path).name for a in index.summaries(f'actor:"{variant}"')) == ["deal.md", "dover.md", "plan.md"]
    assert sorted(Path(a.path).name for a in index.summaries(f'said:"{variant}"')) == ["deal.md", "dover.md", "plan.md"]


def test_two_people_sharing_a_surname_stay_two(index: Index):
    assert [hit.quote.text for hit in index.quotes("Jane Smith")] == ['"Not so fast, please,"']


def test_headlines_yield_no_actors(index: Index):
    names = {a.name for a in index.actors(weeks=0)}
    assert not names & {"Hawkins", "Budget Talks", "Budget Talks Collapse", "Hawkins Walks Out"}
    assert names == {"John Q. Smith", "Jane Smith", "Mary Jones", "Dover", "Leeds"}
