"""`]`/`[` on an actor chosen from the archive find it under the article's own writing."""

from __future__ import annotations

from reader.model import Analysis, Mention, Quote
from reader.present.navigation import actor_spans


def test_the_archive_name_finds_the_articles_writing_of_it():
    analysis = Analysis(
        mentions=(Mention(0, 10, "John Smith", "person", "John Smith"), Mention(20, 25, "Smith", "person", "John Smith"),
                  Mention(30, 40, "Jane Smith", "person", "Jane Smith")),
    )
    assert actor_spans(analysis, "John Q. Smith") == [(0, 10), (20, 25)]
    assert actor_spans(analysis, "Jane Smith") == [(30, 40)]


def test_a_speaker_met_only_through_a_pronoun_is_found_too():
    analysis = Analysis(quotes=(Quote(0, 10, '"Go," he', "statement", "John\u00a0Smith", 8, 10),))
    assert actor_spans(analysis, "John Q. Smith") == [(8, 10)]
