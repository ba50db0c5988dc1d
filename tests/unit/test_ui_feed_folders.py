"""The feed folders' counts and labels, without the app."""

from __future__ import annotations

from reader.feeds.run import FeedResult
from reader.model import ArticleSummary
from reader.ui.feeds_controller import fetch_summary
from reader.ui.widgets.feed_folders import FeedCounter, feed_articles, feed_label

from snapshot_apps.harness import pilot_test


def summary(article_id: str) -> ArticleSummary:
    return ArticleSummary(id=article_id, path=article_id, title="t")


ARTICLES = [
    summary("feeds/post/a.yaml"),
    summary("2021/feeds/post/not-a-feed.md"),
    summary("feeds/loose.yaml"),  # in feeds/ but in no feed's folder
    summary("feeds/post/b.yaml"),
    summary("feeds/weather/c.yaml"),
]


def test_articles_are_grouped_by_their_feed_folder():
    assert feed_articles(ARTICLES) == {"post": ["feeds/post/a.yaml", "feeds/post/b.yaml"], "weather": ["feeds/weather/c.yaml"]}


def test_counts_follow_the_read_marks_and_a_new_list():
    counter = FeedCounter()
    assert counter.counts(ARTICLES, frozenset()) == {"post": (2, 2), "weather": (1, 1)}
    assert counter.counts(ARTICLES, frozenset({"feeds/post/a.yaml"})) == {"post": (1, 2), "weather": (1, 1)}
    fewer = ARTICLES[:2]
    assert counter.counts(fewer, frozenset()) == {"post": (1, 1)}


def test_labels_say_unread_all_read_or_none_and_mark_a_failure():
    assert feed_label("post", (3, 5)).plain == "▸ post · 3 unread"
    assert feed_label("post", (0, 5)).plain == "▸ post · all read"
    assert feed_label("post", (0, 0), failed=True).plain == "⚠ post · no articles"
    assert feed_label("post", None).plain == "▸ post"  # before the archive is listed


def test_a_name_from_the_config_carries_no_terminal_controls():
    label = feed_label("evil\x1b]2;pwn\x07\u202ename", (1, 1)).plain
    assert "\x1b" not in label and "\x07" not in label and "\u202e" not in label and "name" in label


def test_the_summary_of_a_fetch():
    ok = FeedResult("a", "u", "ok", added=["x", "y"], updated=["z"])
    failed = FeedResult("b", "v", "failed", error="HTTP 500")
    assert fetch_summary([ok, failed]) == "Fetched 2 feeds: 2 new articles, 1 updated · 1 failed (press !)"
    assert fetch_summary([FeedResult("a", "u", "not modified")]) == "Fetched 1 feed: no new articles"


def test_a_failure_reason_from_a_server_carries_no_terminal_controls():
    from reader.ui.feeds_controller import feed_failure_lines

    [line] = feed_failure_lines({"post": "http://x.example/f: HTTP 500 \x1b]2;pwn\x07\u202eoops\nline"})
    assert line.startswith("post (http://x.example/f: HTTP 500") and "oops" in line
    assert not any(ch in line for ch in "\x1b\x07\u202e\n")


def test_a_feeds_folder_setting_comes_before_its_name():
    assert feed_label("bay", (2, 4), folder="Weather").plain == "▸ Weather › bay · 2 unread"
    assert feed_label("bay", None, folder="Weather\x1b[2J").plain == "▸ Weather › bay"  # cleaned like names


@pilot_test
async def test_feeds_of_one_folder_are_listed_together(tmp_path):
    from textual.app import App

    from reader.feeds.settings import FeedEntry
    from reader.ui.widgets.feed_folders import FeedFolderList

    class Host(App[None]):
        def compose(self):
            yield FeedFolderList()

    entries = [
        FeedEntry(name="zeta", url="https://z.example/rss", folder="Weather"),
        FeedEntry(name="post", url="https://p.example/rss"),
        FeedEntry(name="bay", url="https://b.example/rss", folder="Weather"),
        FeedEntry(name="alpha", url="https://a.example/rss", folder="Sport"),
    ]
    async with Host().run_test() as pilot:
        folders = pilot.app.query_one(FeedFolderList)
        folders.show(entries)
        shown = [str(folders.get_option_at_index(i).prompt) for i in range(folders.option_count)]
        assert shown == ["▸ post", "▸ Sport › alpha", "▸ Weather › bay", "▸ Weather › zeta"]
