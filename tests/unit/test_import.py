"""`newsreader import`: datasets become YAML articles, once, with bad rows reported."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.cli.cmd_import import parse_mapping, slug
from reader.errors import UserError
from reader.store import scan_store

SHARED = Path(__file__).parents[2].parent / "shared"


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


@pytest.fixture
def store(tmp_path: Path) -> Path:
    root = tmp_path / "store"
    root.mkdir()
    return root


def run_import(store: Path, *args: str) -> int:
    return main(["--store", str(store), "import", *args])


def test_csv_rows_become_articles_once(store: Path, tmp_path: Path, capsys):
    dataset = write_csv(
        tmp_path / "news.csv",
        ["link", "when", "headline", "story", "outlet"],
        [
            ["https://example.org/1", "2020-03-01", "Ferry returns", "The ferry is back.\n\nIslanders cheered “loudly”.", "Wire"],
            ["https://example.org/2", "2020-03-02", "Café opens", "Le café a ouvert.  \nTrailing spaces go.", "Wire"],
            ["https://example.org/3", "not a date", "Broken", "Body.", "Wire"],
            ["https://example.org/4", "2020-03-04", "Empty", "   ", "Wire"],
        ],
    )
    mapping = "title=headline,date=when,body=story,source=outlet,url=link"
    assert run_import(store, str(dataset), "--map", mapping) == 1  # bad rows make the status non-zero
    out, err = capsys.readouterr()
    assert "2 added, 0 already in the store, 2 bad rows" in out
    assert "row 3:" in err and "row 4: empty body" in err
    scan = scan_store(store)
    assert scan.problems == []
    by_title = {a.title: a for a in scan.articles}
    assert set(by_title) == {"Ferry returns", "Café opens"}
    ferry = by_title["Ferry returns"]
    assert ferry.body == "The ferry is back.\n\nIslanders cheered “loudly”."
    assert ferry.date.isoformat() == "2020-03-01" and ferry.source == "Wire" and ferry.url == "https://example.org/1"
    assert ferry.id.startswith("2020/2020-03-01-ferry-returns-")
    text = (store / ferry.id).read_text(encoding="utf-8")
    assert "body: |" in text and "“loudly”" in text  # block style, unicode kept

    assert run_import(store, str(dataset), "--map", mapping) == 1
    out, _ = capsys.readouterr()
    assert "0 added, 2 already in the store" in out
    assert len(scan_store(store).articles) == 2


def test_jsonl_with_default_columns_and_into(store: Path, tmp_path: Path, capsys):
    dataset = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"title": "One", "date": "2021-01-01", "text": "First body.", "tags": ["a", "b"]}),
        "",
        "{not json",
        json.dumps(["a list"]),
        json.dumps({"title": "Two", "text": "Second body, undated."}),
        json.dumps({"title": "One", "date": "2021-01-01", "text": "First body.", "tags": ["a", "b"]}),
    ]
    dataset.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["--store", str(store), "import", str(dataset), "--into", "feeds/x", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["added"] == 2 and report["skipped"] == 1  # the repeated row is the same article
    assert [bad["row"] for bad in report["bad"]] == [3, 4]
    assert all(name.startswith("feeds/x/") for name in report["files"])
    articles = {a.title: a for a in scan_store(store).articles}
    assert articles["One"].tags == ("a", "b")
    assert articles["Two"].date is None and "undated" in articles["Two"].id


def test_mapping_errors_are_clear(store: Path, tmp_path: Path, capsys):
    dataset = write_csv(tmp_path / "d.csv", ["a", "b"], [["x", "y"]])
    for args, message in [
        ((), "no body column; name one with --map body=COLUMN (columns: a, b)"),
        (("--map", "body=zzz"), "no such column"),
        (("--map", "body=a", "--into", "../out"), "inside the store"),
    ]:
        assert run_import(store, str(dataset), *args) == 2
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert run_import(store, str(tmp_path / "d.xlsx")) == 2
    assert "expected a .csv" in capsys.readouterr().err
    with pytest.raises(UserError, match="unknown field"):
        parse_mapping("colour=a")
    with pytest.raises(UserError, match="FIELD=COLUMN"):
        parse_mapping("body")
    assert list(store.iterdir()) == []


def test_slug():
    assert slug("Café opens: “big” day!") == "cafe-opens-big-day"
    assert slug("!!!") == "article"
    assert len(slug("word " * 40)) <= 50


def test_wikinews_import(store: Path, capsys):
    dataset = SHARED / "corpus" / "wikinews" / "wikinews_2019.csv"
    if not dataset.exists():
        pytest.skip("shared corpus not available")
    assert run_import(store, str(dataset), "--map", "body=text") == 0
    out = capsys.readouterr().out
    added = int(out.split(":")[1].split()[0])
    assert added > 100
    scan = scan_store(store)
    assert len(scan.articles) == added and scan.fatal == []
    assert run_import(store, str(dataset), "--map", "body=text") == 0
    assert f"0 added, {added} already in the store" in capsys.readouterr().out
