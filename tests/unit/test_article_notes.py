"""A note the feeds write at the end of an article (summary only, page cut) is shown
with the text but never analysed as its words: 'HTTP 404' is not an organisation."""

from reader.analysis import analyze_article
from reader.article_notes import analysed_text
from reader.model import Article

STORY = "The harbour office warned of a storm on Thursday, Mayor Anne Dahl said."
NOTE = "\n\n(summary only: the page could not be fetched (HTTP 404 Not Found).)"


def test_the_summary_only_note_is_not_analysed():
    analysis = analyze_article(Article("a", "a", STORY + NOTE, "Storm"))
    assert [actor.name for actor in analysis.actors] == ["Anne Dahl"]
    assert all(mention.end <= len(STORY) for mention in analysis.mentions)


def test_analysed_text_leaves_out_only_a_note_that_ends_the_text():
    assert analysed_text(STORY + NOTE) == STORY
    cut = "\n\n(the page's text was cut at the size limit.)"
    assert analysed_text(STORY + cut + "\n") == STORY
    assert analysed_text(STORY) == STORY
    middle = STORY + NOTE + "\n\nMore text after it."  # not ours: a note is always last
    assert analysed_text(middle) == middle
    quoted = STORY + "\n\n(summary only: a phrase the reporter wrote)"  # no closing '.)': not a note
    assert analysed_text(quoted) == quoted


def test_the_feeds_write_the_note_in_the_form_the_analysis_leaves_out():
    from datetime import date

    from reader.feeds.articles import article_document
    from reader.feeds.parse import FeedItem
    from reader.feeds.settings import feed_entries

    (entry,), _ = feed_entries({"bay": "https://bay.invalid/rss"})
    item = FeedItem("urn:1", "https://bay.invalid/storm", "Storm", date(2026, 11, 26), None, "", STORY)
    document = article_document(
        entry, "Bay", item, page=None, page_problem="the page could not be fetched (HTTP 404 Not Found)",
        stored=None, today=date(2026, 11, 26),
    )
    assert document["body"].endswith(NOTE.strip())
    assert analysed_text(document["body"]) == STORY
