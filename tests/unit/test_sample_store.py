"""The bundled sample store loads cleanly and shows what the reader is for."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from reader.paths import bundled_store

try:
    from reader.store import scan_store
except ImportError:  # the store package is still being written
    pytest.skip("reader.store.scan_store is not available yet", allow_module_level=True)

SEED = "000_38de3d4f9c1ef403.txt"


@pytest.fixture(scope="module")
def scan():
    return scan_store(bundled_store())


@pytest.fixture(scope="module")
def by_id(scan):
    return {article.id: article for article in scan.articles}


def _file_of(article) -> str:
    return article.id.split("#", 1)[0]


def _kind_of(article) -> str:
    name = _file_of(article)
    suffix = Path(name).suffix
    if suffix in (".yaml", ".yml"):
        return "yaml"
    if suffix == ".md":
        return "front matter"
    text = (bundled_store() / name).read_text(encoding="utf-8")
    return "front matter" if text.startswith("---") else "wire"


def test_bundled_store_is_the_checkout_articles_folder():
    store = bundled_store()
    assert store.is_dir()
    assert (store / SEED).is_file()


def test_loads_without_problems(scan):
    assert list(scan.problems) == []


def test_has_enough_articles(scan):
    assert len(scan.articles) >= 17


def test_ids_are_unique(scan):
    ids = [article.id for article in scan.articles]
    assert len(ids) == len(set(ids))


def test_every_article_has_a_body_and_a_title(scan):
    for article in scan.articles:
        assert article.body.strip(), article.id
        assert article.title.strip(), article.id


def test_spread_over_dates_and_years(scan):
    dates = {article.date for article in scan.articles if article.date}
    assert len(dates) >= 8
    assert len({d.year for d in dates}) >= 4


def test_one_article_is_undated(scan):
    undated = [article.id for article in scan.articles if article.date is None]
    assert undated == ["features/lighthouse-keeper.txt"]


def test_several_sources(scan):
    sources = {article.source for article in scan.articles if article.source}
    assert len(sources) >= 3


def test_all_three_formats_present(scan):
    kinds = {_kind_of(article) for article in scan.articles}
    assert kinds == {"wire", "yaml", "front matter"}


def test_front_matter_in_a_txt_file(by_id):
    article = by_id["2022/sailing-club-fraud.txt"]
    assert article.source == "Harbour Gazette"
    assert article.date == date(2022, 6, 14)
    assert not article.body.startswith("---")
    assert "title:" not in article.body


def test_multi_article_files_give_one_article_each(by_id):
    # several YAML documents in one file
    elections = [by_id[f"2021/marrowfield-election.yml#{n}"] for n in (1, 2, 3)]
    assert [a.date for a in elections] == [date(2021, 5, 6), date(2021, 5, 7), date(2021, 5, 9)]
    # a YAML list of mappings
    briefs = [by_id[f"2022/briefs.yaml#{n}"] for n in (1, 2, 3)]
    assert len({a.source for a in briefs}) == 3


def test_single_yaml_mapping_keeps_its_fields(by_id):
    article = by_id["2020/council-budget.yaml"]
    assert article.source == "Riverside Post"
    assert article.byline and "Hannah Colville" in article.byline
    assert article.url and article.url.startswith("https://")
    assert "council" in article.tags


def test_file_name_date_is_the_fallback(by_id):
    article = by_id["2023-05-02-green-corridor-talks.txt"]
    assert article.date == date(2023, 5, 2)
    assert article.dateline == "GENEVA"
    assert article.body.startswith("Canada and Norway")


def test_capitals_agency_line_becomes_source(by_id):
    article = by_id["2019/harbour-strike.txt"]
    assert article.source and article.source.casefold() == "northern wire"
    assert "NORTHERN WIRE" not in article.body
    assert article.dateline == "PORT ALDER"


def test_seed_parses_as_design_says(by_id):
    seed = by_id[SEED]
    assert seed.date == date(2021, 7, 12)
    assert seed.dateline == "SEOUL"
    assert seed.source == "Agence France-Presse"
    assert len(seed.paragraphs) == 12
    assert seed.body.startswith("Chinese President Xi Jinping")
    assert "AGENCE FRANCE-PRESSE" not in seed.body
    assert seed.title.startswith("Chinese President Xi Jinping")


def test_samples_exercise_the_quote_conventions(scan):
    bodies = "\n\n".join(article.body for article in scan.articles)
    assert "“" in bodies and '"' in bodies
    assert "«" in bodies and "»" in bodies
    assert re.search(r"“[^”]*‘[^’]+’[^”]*”", bodies), "single quotes nested in double quotes"
    assert re.search(r"\w+s’|\w+s'", bodies), "a plural possessive apostrophe"
    assert "so-called “" in bodies
    assert "according to" in bodies.casefold()
    # a quote that runs over paragraphs: one ends still open, the next reopens
    assert re.search(r"“[^”\n]+\n\n“", bodies)


def test_samples_use_non_ascii_names(scan):
    bodies = "\n".join(article.body for article in scan.articles)
    for name in ("Zoë Müller", "Søren Aaberg", "Łukasz Nowicki", "Anaïs Ferrand"):
        assert name in bodies


def test_a_long_article_and_short_ones(scan):
    words = sorted(article.words for article in scan.articles)
    assert words[-1] >= 1200
    assert words[0] <= 150
