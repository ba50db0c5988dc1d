"""Whatever bytes a server sends, parsing gives items or one FeedParseError, and the text
it gives is clean."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.feeds.html_text import html_to_text
from reader.feeds.parse import FeedParseError, parse_feed
from reader.text import NEEDS_CLEANING

FRAGMENTS = st.sampled_from(
    [
        "<?xml version='1.0'?>", "<rss version='2.0'>", "<channel>", "<item>", "</item>", "<title>", "</title>",
        "<feed xmlns='http://www.w3.org/2005/Atom'>", "<entry>", "<link href='x'/>", "<description>", "<![CDATA[",
        "]]>", "&amp;", "&bogus;", "&#0;", "\x1b[31m", "\u202e", "<script>", "</script>", "{", "}",
        '"version": "https://jsonfeed.org/version/1.1"', '"items": [', "]", "<!DOCTYPE rss>", "text", "\x00",
    ]
)
DOCUMENTS = st.one_of(st.binary(max_size=400), st.lists(st.one_of(FRAGMENTS, st.text(max_size=20)), max_size=40).map("".join).map(str.encode))


@settings(max_examples=300, deadline=None)
@given(DOCUMENTS)
def test_any_bytes_give_items_or_a_parse_error(data: bytes):
    try:
        parsed = parse_feed(data, "http://feed.example/rss")
    except FeedParseError as error:
        assert str(error)
        return
    for item in parsed.items:
        for text in (item.title or "", item.content, item.summary, item.author or ""):
            assert NEEDS_CLEANING.search(text) is None
        assert item.key
        assert item.url is None or item.url.startswith(("http://", "https://"))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(FRAGMENTS, st.text(max_size=20)), max_size=40).map("".join))
def test_html_to_text_never_keeps_script_text(html: str):
    text = html_to_text("<p>before</p><script>secret()</script>" + html)
    assert "secret()" not in text
