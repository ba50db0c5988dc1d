"""Analysis shared out among worker processes: the same results, in the order given."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys

from reader.analysis import analyze_article
from reader.analysis.gazetteer import builtin
from reader.index.worker import POOL_MINIMUM, analyse_in_order, from_plain, to_plain
from reader.model import Actor, Analysis, Article, Mention, Quote

SPEAKERS = ["Ann Roe", "Bo Li", "Cara Diaz", "Dev Patel", "Eve Stone"]


def _articles(count: int) -> list[Article]:
    return [
        Article(
            id=f"a{index}",
            path=f"a{index}.txt",
            title="",
            body=f'"We will open {index} schools," said {SPEAKERS[index % 5]}, the mayor of Elmsworth.',
        )
        for index in range(count)
    ]


def test_workers_return_every_analysis_in_the_order_given() -> None:
    articles = _articles(23)
    gazetteer = builtin()
    pooled = list(analyse_in_order(iter(articles), gazetteer, 2, article_of=lambda article: article, chunk=3))
    assert [article.id for article, _ in pooled] == [article.id for article in articles]
    assert [analysis for _, analysis in pooled] == [analyze_article(article, gazetteer) for article in articles]
    assert {analysis.quotes[0].speaker for _, analysis in pooled} == set(SPEAKERS)


def test_an_analysis_travels_as_plain_values_and_comes_back_equal() -> None:
    analysis = Analysis(
        mentions=(Mention(1, 8, "Ann Roe", "person", "Ann Roe"),),
        quotes=(
            Quote(12, 30, "We will open schools", "reported", "Ann Roe", 1, 8, "said", 9, 13, "name", "person",
                  None, None, "neutral"),
            Quote(40, 52, "an official", "statement", speaker_kind="anonymous", speaker_descriptor="an official",
                  anonymity_reason="not authorised to speak"),
        ),
        actors=(Actor("Ann Roe", "person", ("Roe",), 1, 1),),
    )
    plain = to_plain(analysis)
    assert b"reader.model" not in pickle.dumps(plain)  # no dataclass crosses the pipe
    assert from_plain(pickle.loads(pickle.dumps(plain))) == analysis
    assert from_plain(to_plain("ValueError: boom")) == "ValueError: boom"


def test_a_gazetteer_that_cannot_travel_is_analysed_here_in_order() -> None:
    class Unpicklable:
        def __reduce__(self):
            raise TypeError("stays in this process")

    articles = _articles(5)
    gazetteer = builtin()
    gazetteer_here = type(gazetteer)(kinds=gazetteer.kinds, aliases=gazetteer.aliases, capitals=gazetteer.capitals)
    gazetteer_here.ignored = frozenset({Unpicklable()})  # type: ignore[arg-type]
    pooled = list(analyse_in_order(iter(articles), gazetteer_here, 2, article_of=lambda article: article, chunk=2))
    assert [article.id for article, _ in pooled] == [article.id for article in articles]
    assert all(not isinstance(analysis, str) for _, analysis in pooled)


def test_analyze_of_many_files_prints_them_in_argument_order(tmp_path) -> None:
    articles = _articles(POOL_MINIMUM + 5)
    paths = []
    for article in articles:
        path = tmp_path / article.path
        path.write_text(article.body, encoding="utf-8")
        paths.append(str(path))
    done = subprocess.run(
        [sys.executable, "-m", "reader", "analyze", "--raw", "--jsonl", *paths],
        capture_output=True, text=True, check=True,
    )
    documents = [json.loads(line) for line in done.stdout.splitlines()]
    assert [document["body"] for document in documents] == [article.body for article in articles]
    assert [document["quotes"][0]["speaker"] for document in documents] == [SPEAKERS[i % 5] for i in range(len(articles))]


def test_workers_never_run_a_reader_package_in_the_current_folder(tmp_path) -> None:
    # `python -m` puts the current folder first on the path: started from a folder
    # holding any `reader` package (a checkout, another project), the workers ran it.
    from pathlib import Path

    program = Path(sys.executable).with_name("newsreader")
    if not program.exists():
        import pytest

        pytest.skip("no installed newsreader program beside this Python")
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "reader").mkdir(parents=True)
    marker = tmp_path / "foreign-reader-ran"
    (elsewhere / "reader" / "__init__.py").write_text(f"open({str(marker)!r}, 'w').close()\n", encoding="utf-8")
    articles = _articles(POOL_MINIMUM + 5)
    for article in articles:
        (tmp_path / article.path).write_text(article.body, encoding="utf-8")
    done = subprocess.run(
        [str(program), "analyze", "--raw", "--jsonl", *(str(tmp_path / a.path) for a in articles)],
        capture_output=True, text=True, check=True, cwd=elsewhere,
    )
    assert len(done.stdout.splitlines()) == len(articles)
    assert not marker.exists()
