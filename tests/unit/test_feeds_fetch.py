"""fetch_feeds against a loopback server: formats, idempotence, politeness, limits, hostile feeds."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from feed_server import PARAGRAPHS, feed_server, page, rss  # noqa: F401 - the fixture

from reader.feeds.download import Limits
from reader.feeds.run import FeedProgress, fetch_feeds
from reader.feeds.settings import FeedEntry
from reader.store import scan_store
from reader.yaml_safe import load_yaml

TODAY = date(2026, 12, 2)
# Small numbers so that a silent server or a huge answer costs the test little.
LIMITS = Limits(timeout=0.5, deadline=10, max_feed_bytes=500_000, max_page_bytes=500_000, feed_workers=4, page_workers=4)


def fetch(server, store: Path, *paths: str, limits: Limits = LIMITS, **kwargs):
    name = kwargs.pop("name", None)
    entries = [FeedEntry(name or feed_name(path), server.url(path)) for path in paths]
    return fetch_feeds(entries, store, limits=limits, validators_path=store.parent / "validators.json", today=TODAY, **kwargs)


def feed_name(path: str) -> str:
    """`/gzip/rss.xml` -> `gzip-rss-xml`: a name that is its own folder's slug."""
    return path.strip("/").replace("/", "-").replace(".", "-")


def articles(store: Path, feed: str) -> dict[str, dict]:
    return {path.name: load_yaml(path.read_text("utf-8")) for path in sorted((store / "feeds" / feed).glob("*.yaml"))}


@pytest.fixture
def store(tmp_path: Path) -> Path:
    root = tmp_path / "store"
    root.mkdir()
    return root


def test_rss_items_become_articles_the_store_reads(feed_server, store):
    [result] = fetch(feed_server, store, "/rss.xml")
    assert result.status == "ok" and len(result.added) == 2
    written = articles(store, "rss-xml")
    strike = next(doc for doc in written.values() if doc["title"] == "Harbour strike ends")
    ferry = next(doc for doc in written.values() if doc["title"] == "Council votes on ferry fares")
    # Only a summary in the feed: the page's text, found by resolving the relative link.
    assert strike["url"] == feed_server.url("/news/strike-ends")
    assert strike["text_from"] == "page" and "Mara Quill" in strike["body"] and "Subscribe" not in strike["body"]
    assert strike["byline"] == "Ann Example" and strike["source"] == "Tidewater Post"
    # Full content in the feed: used as it is, scripts dropped, no page fetched.
    assert ferry["text_from"] == "feed" and "Councillor Ivo Brand" in ferry["body"] and "alert" not in ferry["body"]
    assert feed_server.hits["/news/ferry"] == 0
    assert ferry["tags"] == ["council"]
    scan = scan_store(store)
    assert not scan.problems
    assert {a.title for a in scan.articles} == {"Harbour strike ends", "Council votes on ferry fares"}
    assert {a.date for a in scan.articles} == {date(2026, 11, 30), date(2026, 11, 29)}


def test_file_names_are_date_slug_and_key_hash(feed_server, store):
    fetch(feed_server, store, "/rss.xml")
    names = sorted(articles(store, "rss-xml"))
    assert names[0].startswith("2026-11-29-council-votes-on-ferry-fares-") and names[0].endswith(".yaml")
    assert names[1].startswith("2026-11-30-harbour-strike-ends-")
    assert all(len(name.rsplit("-", 1)[1]) == len("0123456789.yaml") for name in names)


def test_fetching_again_adds_nothing_and_an_updated_item_updates_its_file(feed_server, store):
    fetch(feed_server, store, "/rss.xml")
    before = articles(store, "rss-xml")
    [again] = fetch(feed_server, store, "/rss.xml")
    assert (again.added, again.updated, again.unchanged) == ([], [], 2)
    assert articles(store, "rss-xml") == before
    assert feed_server.hits["/news/strike-ends"] == 1  # an unchanged item's page is not fetched again

    status, headers, body = feed_server.routes["/rss.xml"]
    feed_server.routes["/rss.xml"] = (status, headers, body.replace(b"freeze ferry fares", b"cut ferry fares"))
    [changed] = fetch(feed_server, store, "/rss.xml")
    assert len(changed.updated) == 1 and not changed.added and changed.unchanged == 1
    after = articles(store, "rss-xml")
    assert after.keys() == before.keys()
    assert any("cut ferry fares" in doc["body"] for doc in after.values())


def test_atom_with_relative_links_and_an_entry_without_date(feed_server, store):
    feed_server.routes["/blog/posts/storm"] = (200, {"Content-Type": "text/html"}, page("Storm warning", PARAGRAPHS).encode())
    [result] = fetch(feed_server, store, "/atom.xml")
    assert result.status == "ok" and len(result.added) == 2
    docs = {doc["title"]: doc for doc in articles(store, "atom-xml").values()}
    assert docs["Fog over the bay"]["url"] == feed_server.url("/blog/posts/fog")  # xml:base="blog/"
    assert docs["Fog over the bay"]["byline"] == "Lee Ray" and docs["Fog over the bay"]["text_from"] == "feed"
    assert docs["Storm warning"]["text_from"] == "page"
    assert docs["Storm warning"]["date"] == date(2026, 11, 30)  # not in the feed: the page's date


def test_json_feed(feed_server, store):
    [result] = fetch(feed_server, store, "/feed.json")
    assert result.status == "ok" and result.title == "Quay Notes"
    docs = {doc["title"]: doc for doc in articles(store, "feed-json").values()}
    crane = docs["New crane arrives"]
    assert crane["url"] == feed_server.url("/notes/1") and crane["byline"] == "Kit Moss"
    assert crane["body"] == "A new crane arrived at the quay on Friday.\n\nIt can lift forty tonnes."
    assert crane["date"] == date(2026, 11, 27) and crane["tags"] == ["port"]
    assert docs["Market day moved"]["body"].startswith("The Saturday market moves to Sunday")
    assert docs["Market day moved"]["date"] == TODAY  # no date anywhere: the day it was first fetched


def test_rss_091_in_latin_1_and_rss_10(feed_server, store):
    old, rdf = fetch(feed_server, store, "/rss091.xml", "/rss10.rdf")
    assert old.status == rdf.status == "ok"
    [cafe] = articles(store, "rss091-xml").values()
    assert cafe["title"] == "Café du port reopens" and "Renée Dupré" in cafe["body"]
    assert cafe["source"] == "Café Gazette"
    [clock] = articles(store, "rss10-rdf").values()
    assert clock["title"] == "Clock tower repaired" and clock["date"] == date(2026, 11, 20)


def test_a_page_that_cannot_be_fetched_leaves_the_summary_with_a_note(feed_server, store):
    [result] = fetch(feed_server, store, "/rss091.xml")  # its item links to a page that is not there
    [cafe] = articles(store, "rss091-xml").values()
    assert cafe["text_from"] == "summary" and result.summary_only == 1
    assert "HTTP 404" in cafe["note"] and cafe["body"].endswith("(summary only: the page could not be fetched (HTTP 404 Not Found).)")


def test_full_text_setting_forces_and_forbids_the_page(feed_server, store):
    always = FeedEntry("always", feed_server.url("/rss.xml"), full_text=True)
    never = FeedEntry("never", feed_server.url("/rss.xml"), full_text=False)
    fetch_feeds([always, never], store, limits=LIMITS, validators_path=store.parent / "v.json", today=TODAY)
    assert {doc["text_from"] for doc in articles(store, "always").values()} == {"page"}
    assert {doc["text_from"] for doc in articles(store, "never").values()} == {"summary", "feed"}
    assert feed_server.hits["/news/ferry"] == 1 and feed_server.hits["/news/strike-ends"] == 1


def test_conditional_get_remembers_the_etag_and_304_changes_nothing(feed_server, store):
    [first] = fetch(feed_server, store, "/etag/rss10.rdf")
    assert first.status == "ok" and len(first.added) == 1
    [second] = fetch(feed_server, store, "/etag/rss10.rdf")
    assert second.status == "not modified"
    sent = [headers for path, headers in feed_server.requests if path == "/etag/rss10.rdf"]
    assert "if-none-match" not in sent[0]
    assert sent[1]["if-none-match"] == '"v1"' and sent[1]["if-modified-since"] == "Mon, 30 Nov 2026 10:00:00 GMT"
    assert len(articles(store, "etag-rss10-rdf")) == 1


def test_a_deleted_feed_folder_is_fetched_in_full_again(feed_server, store):
    import shutil

    fetch(feed_server, store, "/etag/rss10.rdf")
    shutil.rmtree(store / "feeds")
    [again] = fetch(feed_server, store, "/etag/rss10.rdf")
    assert again.status == "ok" and len(again.added) == 1


def test_gzip_redirects_and_the_user_agent(feed_server, store):
    zipped, moved = fetch(feed_server, store, "/gzip/rss.xml", "/redirect/atom.xml")
    assert zipped.status == moved.status == "ok"
    assert len(zipped.added) == 2 and len(moved.added) == 2
    agents = {headers["user-agent"] for _, headers in feed_server.requests}
    assert len(agents) == 1 and agents.pop().startswith("newsreader/")


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing.xml", "HTTP 404"),
        ("/error500.xml", "HTTP 500"),
        ("/slow", "timed out"),
        ("/huge.xml", "larger than the limit"),
        ("/gzip-bomb.xml", "larger than the limit"),
        ("/bomb.xml", "declares XML entities"),
        ("/external.xml", "declares XML entities"),
        ("/not-a-feed.html", "not an RSS, Atom or JSON feed"),
        ("/redirect-file", "not allowed"),
    ],
)
def test_a_broken_feed_fails_alone_with_its_reason(feed_server, store, path, reason):
    broken, good = fetch(feed_server, store, path, "/rss.xml")
    assert broken.status == "failed" and reason in broken.error
    assert good.status == "ok" and len(good.added) == 2
    assert not (store / "feeds" / feed_name(path)).exists()


def test_the_entity_bomb_is_never_expanded(feed_server, store):
    from reader.feeds.parse import FeedParseError, parse_feed

    _, _, body = feed_server.routes["/bomb.xml"]
    with pytest.raises(FeedParseError, match="entit"):
        parse_feed(body, feed_server.url("/bomb.xml"), "application/rss+xml")
    _, _, body = feed_server.routes["/external.xml"]
    with pytest.raises(FeedParseError, match="entit"):
        parse_feed(body, feed_server.url("/external.xml"), "application/rss+xml")


def test_malformed_xml_is_read_leniently_with_a_warning(feed_server, store):
    [result] = fetch(feed_server, store, "/malformed.xml")
    assert result.status == "ok" and len(result.added) == 2
    assert "not well-formed" in result.warnings[0]


def test_duplicate_guids_are_one_article(feed_server, store):
    item = "<item><title>Same {n}</title><guid isPermaLink='false'>dup</guid><description>Text {n}.</description></item>"
    feed_server.routes["/dups.xml"] = (200, {"Content-Type": "text/xml"}, rss(item.format(n=1) + item.format(n=2)).encode())
    [result] = fetch(feed_server, store, "/dups.xml")
    assert len(result.added) == 1 and result.duplicates == 1


def test_hostile_feed_text_is_cleaned_and_stays_in_its_folder(feed_server, store):
    item = (
        "<item><title>\x1b]0;pwned\x07Evil ../../../etc/passwd \u202etitle</title>"
        "<guid isPermaLink='false'>../../../../escape</guid>"
        "<description>Body with \x1b[31mcolour\x1b[0m and [bold]markup[/bold].</description></item>"
    )
    feed_server.routes["/evil.xml"] = (200, {"Content-Type": "text/xml"}, rss(item, title="\x1b[2J../Evil").encode())
    [result] = fetch(feed_server, store, "/evil.xml", name="../../outside")
    assert result.status == "ok"
    [path] = [p for p in store.rglob("*") if p.is_file()]
    assert path.parent == store / "feeds" / "outside"
    text = path.read_text("utf-8")
    assert "\x1b" not in text and "\u202e" not in text and "\x07" not in text
    assert "[bold]markup[/bold]" in text  # text, never markup: kept as written
    assert not (store.parent / "escape").exists()


def test_a_huge_page_keeps_the_summary_and_long_text_is_cut(feed_server, store):
    feed_server.routes["/news/strike-ends"] = (200, {"Content-Type": "text/html"}, b"<p>x</p>" * 100_000)
    small = Limits(**{**LIMITS.__dict__, "max_page_bytes": 100_000})
    [result] = fetch(feed_server, store, "/rss.xml", limits=small)
    strike = next(doc for doc in articles(store, "rss-xml").values() if doc["title"] == "Harbour strike ends")
    assert strike["text_from"] == "summary" and "larger than the limit" in strike["note"]

    feed_server.routes["/news/strike-ends"] = (200, {"Content-Type": "text/html"}, page("Long", PARAGRAPHS * 20).encode())
    tiny_text = Limits(**{**LIMITS.__dict__, "max_text_chars": 1000})
    fetch(feed_server, store, "/rss.xml", limits=tiny_text, name="cut")
    long = next(doc for doc in articles(store, "cut").values() if doc["text_from"] == "page")
    assert len(long["body"]) < 1200 and "cut at the size limit" in long["note"]


def test_no_more_requests_to_one_host_at_once_than_the_limit(feed_server, store):
    one = Limits(**{**LIMITS.__dict__, "per_host": 1})
    results = fetch(feed_server, store, "/rss.xml", "/atom.xml", "/feed.json", "/rss10.rdf", "/gzip/rss.xml", limits=one)
    assert all(result.status == "ok" for result in results)
    assert feed_server.max_active == 1


def test_progress_reports_every_feed_and_cancel_stops_the_run(feed_server, store):
    events: list[FeedProgress] = []
    results = fetch(feed_server, store, "/rss.xml", "/atom.xml", progress=events.append)
    done = [event for event in events if event.stage == "done"]
    assert sorted(event.name for event in done) == ["atom-xml", "rss-xml"]
    assert [event.feeds_done for event in done] == [1, 2] and done[-1].feeds_total == 2
    assert {event.result.name for event in done} == {r.name for r in results}

    cancel = threading.Event()
    cancel.set()
    cancelled = fetch(feed_server, store, "/feed.json", cancel=cancel, name="later")
    assert [result.status for result in cancelled] == ["cancelled"]
    assert not (store / "feeds" / "later").exists()


def test_cancelling_returns_at_once_even_while_a_server_is_silent(feed_server, store):
    cancel = threading.Event()
    patient = Limits(**{**LIMITS.__dict__, "timeout": 600, "deadline": 600})

    def on_progress(event: FeedProgress) -> None:
        if event.name == "rss-xml" and event.stage == "done":
            cancel.set()  # the slow feed is still waiting for its server

    slow, good = fetch(feed_server, store, "/slow", "/rss.xml", limits=patient, progress=on_progress, cancel=cancel)
    assert good.status == "ok" and len(good.added) == 2
    assert slow.status == "cancelled"
    assert not (store / "feeds" / "slow").exists()


def test_fetch_configured_reads_the_config_and_warns_about_unknown_names(feed_server, store):
    from reader.feeds.run import fetch_configured
    from reader.feeds.settings import add_feeds

    add_feeds([FeedEntry("post", feed_server.url("/rss.xml")), FeedEntry("weather", feed_server.url("/atom.xml"))])
    results, warnings = fetch_configured(store, ["weather", "nope"], limits=LIMITS)
    assert [(r.name, r.status, r.store_folder) for r in results] == [("weather", "ok", "feeds/weather")]
    assert warnings == ["no feed named 'nope'"]


def test_links_in_the_store_are_never_written_through(feed_server, store, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (store / "feeds").mkdir()
    (store / "feeds" / "rss-xml").symlink_to(outside)
    [result] = fetch(feed_server, store, "/rss.xml")
    assert result.status == "failed" and "is a link" in result.error
    assert list(outside.iterdir()) == []

    (store / "feeds" / "rss-xml").unlink()
    fetch(feed_server, store, "/rss.xml")
    [target] = [p for p in (store / "feeds" / "rss-xml").iterdir() if "ferry" in p.name]
    precious = outside / "precious.txt"
    precious.write_text("mine")
    target.unlink()
    target.symlink_to(precious)
    status, headers, body = feed_server.routes["/rss.xml"]
    feed_server.routes["/rss.xml"] = (status, headers, body.replace(b"freeze ferry fares", b"cut ferry fares"))
    [again] = fetch(feed_server, store, "/rss.xml")
    assert again.status == "failed" and "is a link" in again.error
    assert precious.read_text() == "mine"
