"""The second line of a row in the list never shows the file name."""

from __future__ import annotations

from datetime import date

from reader.model import ArticleSummary
from reader.present.row_meta import meta_line
from reader.present.rows import short_day_label


def summary(**fields) -> ArticleSummary:
    return ArticleSummary(**{"id": "2021/some-file.txt", "path": "2021/some-file.txt", "title": "T", **fields})


def test_source_and_dateline_with_the_date_when_the_header_does_not_say_it():
    article = summary(date=date(2021, 7, 12), source="Reuters", dateline="SEOUL", words=300)
    assert meta_line(article) == "Reuters · SEOUL"
    assert meta_line(article, short_day_label) == "12 Jul · Reuters · SEOUL"


def test_without_source_or_dateline_the_length_not_the_file_name():
    assert meta_line(summary(words=184)) == "184 words"
    assert meta_line(summary(words=1)) == "1 word"
    assert meta_line(summary(date=date(2021, 7, 12), words=1200), short_day_label) == "12 Jul · 1,200 words"
    assert meta_line(summary()) == ""
