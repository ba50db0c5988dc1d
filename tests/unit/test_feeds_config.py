"""`feeds:` entries, the config edits `feed add/remove` make, and OPML in and out."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.errors import UserError
from reader.feeds.opml import read_opml, write_opml
from reader.feeds.settings import FeedEntry, add_feeds, configured_feeds, feed_entries, name_for_url, remove_feed


def test_entries_from_urls_and_settings_with_a_warning_for_each_bad_one():
    entries, warnings = feed_entries(
        {
            "tidewater": "https://tidewater.example/rss",
            "council": {"url": "http://council.example/atom", "full_text": True, "folder": "Local", "tags": ["a", "b"]},
            "local file": "file:///etc/passwd",
            "no url": {"folder": "x"},
            "typo": {"url": "http://x.example/", "fulltext": True},
            "Tidewater!": "https://other.example/rss",  # same folder as 'tidewater'
        }
    )
    assert [e.name for e in entries] == ["tidewater", "council"]
    assert entries[1] == FeedEntry("council", "http://council.example/atom", True, "Local", ("a", "b"))
    assert len(warnings) == 4
    assert any("not an http(s) URL" in w for w in warnings) and any("'fulltext'" in w for w in warnings)
    assert any("share the folder feeds/tidewater" in w for w in warnings)


def test_feed_folders_are_slugs_inside_the_store(tmp_path: Path):
    entry = FeedEntry("../../Evil/Name\x1b[2J", "http://x.example/")
    assert entry.store_folder(tmp_path) == tmp_path / "feeds" / "evil-name-2j"
    assert FeedEntry("...", "http://x.example/").store_folder(tmp_path) == tmp_path / "feeds" / "feed"


def test_names_from_urls_are_unique():
    assert name_for_url("https://www.tidewater.example/rss", set()) == "tidewater-example"
    assert name_for_url("https://tidewater.example/other", {"tidewater-example"}) == "tidewater-example-2"


def test_adding_and_removing_keeps_comments_and_other_keys(tmp_path: Path):
    config = tmp_path / "config.yaml"
    config.write_text("# my settings\nstore: ~/news  # the archive\ntheme: nord\nsaved_searches:\n  korea: Kim\n")
    added, skipped = add_feeds([FeedEntry("tidewater", "https://tidewater.example/rss", folder="Local")], config)
    assert [e.name for e in added] == ["tidewater"]
    assert not skipped
    text = config.read_text()
    assert text.startswith("# my settings\nstore: ~/news  # the archive\ntheme: nord\nsaved_searches:\n  korea: Kim\n")
    _, entries, warnings = configured_feeds(config)
    assert not warnings and entries == [FeedEntry("tidewater", "https://tidewater.example/rss", folder="Local")]

    added, skipped = add_feeds([FeedEntry("again", "https://tidewater.example/rss")], config)
    assert not added and "already the feed 'tidewater'" in skipped[0]
    added, skipped = add_feeds([FeedEntry("Tidewater", "https://other.example/rss")], config)
    assert not added and "already exists" in skipped[0]

    remove_feed("tidewater", config)
    assert configured_feeds(config)[1] == []
    assert "# the archive" in config.read_text() and "korea: Kim" in config.read_text()
    with pytest.raises(UserError, match="no feed named 'nope'"):
        remove_feed("nope", config)


def test_a_feed_entry_in_the_config_is_not_an_unknown_setting(tmp_path: Path):
    from reader.config import load_config

    config = tmp_path / "config.yaml"
    config.write_text("feeds:\n  a: http://a.example/\n")
    loaded, warnings = load_config(config)
    assert not warnings and loaded.feeds == {"a": "http://a.example/"}
    config.write_text("feeds: [http://a.example/]\n")
    assert "'feeds' must be a mapping" in load_config(config)[1][0]


OPML = b"""<?xml version="1.0" encoding="utf-8"?>
<opml version="2.0"><head><title>subscriptions</title></head><body>
  <outline text="Local"><outline text="News">
    <outline type="rss" text="Tidewater Post" xmlUrl="https://tidewater.example/rss" category="/port,town"/>
  </outline></outline>
  <outline type="rss" text="Bay Weather" title="Bay Weather" xmlUrl="https://bay.example/atom" fullText="true"/>
  <outline type="rss" text="Sneaky" xmlUrl="file:///etc/passwd"/>
  <outline type="rss" xmlUrl="https://www.untitled.example/feed"/>
</body></opml>"""


def test_opml_import_keeps_folders_and_tags_and_skips_non_http():
    entries, notes = read_opml(OPML)
    assert entries == [
        FeedEntry("Tidewater Post", "https://tidewater.example/rss", None, "Local/News", ("port", "town")),
        FeedEntry("Bay Weather", "https://bay.example/atom", True, None, ()),
        FeedEntry("untitled-example", "https://www.untitled.example/feed"),
    ]
    assert len(notes) == 1 and "Sneaky" in notes[0]


def test_opml_export_reads_back_the_same():
    entries = [
        FeedEntry("Tidewater Post", "https://tidewater.example/rss?a=1&b=2", False, "Local/News", ("port", "town")),
        FeedEntry("Bay <Weather>", "https://bay.example/atom"),
    ]
    document = write_opml(entries)
    assert document.startswith(b"<?xml")
    assert read_opml(document) == (entries, [])


@pytest.mark.parametrize(
    "doctype",
    [
        b'<!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
        b'<!DOCTYPE opml [<!ENTITY secret SYSTEM "file:///etc/passwd">]>',
    ],
)
def test_opml_with_entities_is_refused(doctype: bytes):
    document = b'<?xml version="1.0"?>' + doctype + b'<opml version="2.0"><body><outline text="&b;" xmlUrl="http://x.example/"/></body></opml>'
    with pytest.raises(UserError, match="entities or external references; refused"):
        read_opml(document)


@pytest.mark.parametrize("data", [b"", b"<html><body/></html>", b"<opml><body>", b"\xff\xfe\x00garbage"])
def test_what_is_not_opml_is_a_clear_error(data: bytes):
    with pytest.raises(UserError):
        read_opml(data)
