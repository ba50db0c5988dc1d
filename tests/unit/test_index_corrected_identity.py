"""A name the reader merged into an actor stands for that actor's archive-wide identity in
every search: `actor:`, `said:` and `quotes --actor` (the timelines) give the same answer
for the merged name, its variants and the actor's own name, whichever article used which
form. Uses the real analysis."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.corrections import NameFix, save_corrections
from reader.index import Index

ARTICLES = {
    "a/rally.md": ("2024-03-01", 'Donald Trump spoke at the rally in Ohio. "We will win again," said Trump.'),
    "a/visit.md": ("2024-03-02", '"The visit went well today," said Trump, speaking to reporters.'),
    "a/book.md": ("2024-03-03", 'Ivanka Trump wrote a book about her work. "It took me years," said Trump.'),
    "a/letter.md": ("2024-03-04", "Donald J. Trump signed the letter on Monday."),
}
MERGED_VARIANTS = ("Trump", "Donald Trump", "Donald J. Trump", "donald trump", "Trump's", "Mr. Trump")


def articles(index: Index, query: str) -> list[str]:
    return sorted(Path(summary.path).stem for summary in index.summaries(query))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("store")
    for name, (day, body) in ARTICLES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\ntitle: {name}\ndate: {day}\n---\n{body}\n", encoding="utf-8")
    return root


@pytest.fixture
def index(store: Path, tmp_path: Path):
    save_corrections(store, lambda c: c.with_name("Trump", None))
    with Index.open(store, tmp_path / "cache") as opened:
        opened.sync()
        yield opened
    save_corrections(store, lambda c: c.with_name("Trump", None))


def merge_trump(index: Index, store: Path) -> None:
    save_corrections(store, lambda c: c.with_name("Trump", NameFix(name="Donald Trump")))
    index.sync()


@pytest.mark.parametrize("variant", MERGED_VARIANTS)
def test_a_merged_name_and_its_variants_find_every_article_of_the_identity(index: Index, store: Path, variant: str):
    merge_trump(index, store)
    # Ivanka Trump's article calls her "Trump", but the reader said Trump is Donald Trump.
    assert articles(index, f'actor:"{variant}"') == ["letter", "rally", "visit"]
    assert articles(index, f'said:"{variant}"') == ["rally", "visit"]
    assert [hit.quote.text for hit in index.quotes(variant)] == ['"We will win again,"', '"The visit went well today,"']


def test_the_merge_is_what_the_counts_say(index: Index, store: Path):
    merge_trump(index, store)
    people = {actor.name: actor for actor in index.actors(kind="person", weeks=0)}
    assert (people["Donald J. Trump"].articles, people["Donald J. Trump"].quotes) == (3, 2)
    assert len(index.search('actor:"Trump"', limit=None)) == people["Donald J. Trump"].articles


def test_undoing_the_merge_brings_back_the_surname_as_written(index: Index, store: Path):
    merge_trump(index, store)
    save_corrections(store, lambda c: c.with_name("Trump", None))
    index.sync()
    # Unmerged, a surname alone stands for every actor an article calls by it.
    assert articles(index, 'actor:"Trump"') == ["book", "letter", "rally", "visit"]
    assert articles(index, 'actor:"Donald Trump"') == ["letter", "rally"]


@pytest.mark.parametrize("variant", ("Trump's", "Mr. Trump", "TRUMP"))
def test_variants_of_a_surname_give_what_the_surname_gives(index: Index, variant: str):
    assert articles(index, f'actor:"{variant}"') == articles(index, 'actor:"Trump"') == ["book", "letter", "rally", "visit"]
    assert articles(index, f'said:"{variant}"') == articles(index, 'said:"Trump"')


def test_a_name_marked_as_no_actor_finds_nothing_in_any_writing(index: Index, store: Path):
    save_corrections(store, lambda c: c.with_name("Trump", NameFix(not_actor=True)))
    index.sync()
    assert articles(index, 'actor:"Trump\'s"') == articles(index, 'actor:"Trump"') == []
    assert articles(index, 'actor:"Donald Trump"') == ["letter", "rally"]
