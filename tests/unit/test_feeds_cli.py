"""`newsreader feed …`, `newsreader fetch` and `newsreader add page.html` end to end (in process)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from feed_server import PARAGRAPHS, feed_server, page  # noqa: F401 - the fixture

from reader.cli import main
from reader.paths import config_file


@pytest.fixture
def store(tmp_path: Path) -> Path:
    root = tmp_path / "store"
    root.mkdir()
    return root


def configure(feeds: dict[str, str]) -> None:
    from reader.yaml_safe import dump_yaml

    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("# mine\n" + dump_yaml({"feeds": feeds}))


def test_fetch_prints_a_line_per_feed_and_succeeds_when_one_feed_works(feed_server, store, capsys):
    configure({"post": feed_server.url("/rss.xml"), "gone": feed_server.url("/missing.xml")})
    assert main(["fetch", "--store", str(store), "--timeout", "2"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "post: 2 new, 0 updated, 0 unchanged (1 full text)" in out
    assert "gone: failed: HTTP 404 Not Found" in out
    assert out[-1] == "2 feeds: 2 new articles, 1 feed failed"
    assert main(["fetch", "post", "--store", str(store)]) == 0
    assert "post: 0 new, 0 updated, 2 unchanged" in capsys.readouterr().out


def test_fetch_fails_only_when_every_feed_failed(feed_server, store, capsys):
    configure({"gone": feed_server.url("/missing.xml"), "bomb": feed_server.url("/bomb.xml")})
    assert main(["fetch", "--store", str(store)]) == 1
    assert "bomb: failed: the feed declares XML entities" in capsys.readouterr().out


def test_fetch_json_summary(feed_server, store, capsys):
    configure({"post": feed_server.url("/rss.xml"), "weather": feed_server.url("/atom.xml")})
    assert main(["fetch", "--json", "--store", str(store)]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["added"] == 4 and summary["failed"] == 0
    assert [feed["name"] for feed in summary["feeds"]] == ["post", "weather"]
    assert all(path.startswith("feeds/post/") for path in summary["feeds"][0]["added"])


def test_fetch_refuses_unknown_names_an_empty_config_and_the_bundled_store(feed_server, store, capsys):
    assert main(["fetch", "--store", str(store)]) == 2
    assert "no feeds in the config" in capsys.readouterr().err
    configure({"post": feed_server.url("/rss.xml")})
    assert main(["fetch", "nope", "--store", str(store)]) == 2
    assert "no feed named 'nope'" in capsys.readouterr().err
    assert main(["fetch"]) == 2  # no store given: the bundled sample, which is read-only
    assert "read-only" in capsys.readouterr().err
    assert feed_server.hits.total() == 0


def test_feed_add_list_remove_and_opml(tmp_path, capsys):
    assert main(["feed", "add", "https://tidewater.example/rss", "--folder", "Local", "--tag", "port"]) == 0
    assert main(["feed", "add", "http://bay.example/atom", "--name", "Bay", "--full-text"]) == 0
    assert main(["feed", "add", "ftp://x.example/"]) == 2
    capsys.readouterr()
    assert main(["feed", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(f["name"], f["folder"], f["tags"], f["full_text"]) for f in listed] == [
        ("tidewater-example", "Local", ["port"], None),
        ("Bay", None, [], True),
    ]
    exported = tmp_path / "feeds.opml"
    assert main(["feed", "export", str(exported)]) == 0
    assert main(["feed", "remove", "Bay"]) == 0
    assert main(["feed", "remove", "tidewater-example"]) == 0
    assert main(["feed", "list"]) == 0
    assert "no feeds yet" in capsys.readouterr().out
    assert main(["feed", "import", str(exported)]) == 0
    assert "2 feeds added" in capsys.readouterr().out
    assert main(["feed", "list"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "tidewater-example  https://tidewater.example/rss  (folder Local; tags port)",
        "Bay                http://bay.example/atom  (full text always)",  # URLs in a column
    ]
    assert config_file().read_text().startswith("feeds:")


def test_add_a_saved_page_as_an_article(store, tmp_path, capsys):
    saved = tmp_path / "strike.html"
    saved.write_bytes(page("Harbour strike ends", PARAGRAPHS).replace("utf-8", "iso-8859-1").replace("Tidewater", "Tidewåter").encode("iso-8859-1"))
    assert main(["add", str(saved), "--store", str(store)]) == 0
    assert "as 2026-11-30-harbour-strike-ends.yaml" in capsys.readouterr().out
    assert main(["add", str(saved), "--store", str(store)]) == 0
    assert "already in the store" in capsys.readouterr().out
    from reader.store import scan_store

    [article] = scan_store(store).articles
    assert article.title == "Harbour strike ends" and article.byline == "Ann Example"
    assert "Tidewåter" in article.body and "Subscribe" not in article.body

    empty = tmp_path / "empty.html"
    empty.write_text("<html><head><title>Nothing</title></head><body><script>x()</script></body></html>")
    assert main(["add", str(empty), "--store", str(store)]) == 1
    assert "no article text found" in capsys.readouterr().err


PROBE = """
import json, sys
from reader.cli import build_parser
from reader.config import load_config
for argv in ([], ["list"], ["show", "x"], ["search", "q"]):
    build_parser(argv)
print(load_config()[0].feeds)
heavy = ("reader.feeds", "feedparser", "trafilatura", "defusedxml", "lxml")
print(json.dumps(sorted(name for name in sys.modules if name.startswith(heavy))))
"""


def test_nothing_but_feed_commands_imports_the_feed_modules(isolated_user_dirs):
    config = isolated_user_dirs / "config" / "config.yaml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("feeds:\n  a: http://a.example/\n")
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout.splitlines()
    assert out[0] == "{'a': 'http://a.example/'}"
    assert json.loads(out[1]) == []
