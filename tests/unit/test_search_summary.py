"""The line under the search field: the count, the order and the filters as read, never the query."""

from __future__ import annotations

from reader.index.query import parse_query
from reader.present.search_summary import search_summary


def summary(text: str, total: int = 3, shown: int | None = None, ranked: bool = True) -> str:
    return search_summary(parse_query(text), total=total, shown=total if shown is None else shown, ranked=ranked)


def test_words_alone_say_the_count_and_the_order_not_the_words():
    assert summary("ferry timetable") == "3 results, best first"
    assert summary("ferry", total=1) == "1 result"
    assert summary("ferry", total=0) == "0 results"


def test_a_search_past_the_limit_says_how_many_are_listed():
    assert summary("ferry", total=1500, shown=1000) == "1,500 results (best 1,000), best first"


def test_filters_read_in_words_on_a_line_of_their_own():
    assert summary('actor:"Ann Roe" said:Halden', ranked=False) == (
        "3 results, newest first\nmentions Ann Roe · quotes Halden"
    )
    assert summary("source:courier verb:loaded anon:no", ranked=False) == (
        "3 results, newest first\nsource has courier · a loaded verb · no anonymous source"
    )


def test_a_date_range_reads_as_whole_days():
    assert summary("from:2022", ranked=False).endswith("\nfrom 1 Jan 2022")
    assert summary("to:2022-02", ranked=False).endswith("\nto 28 Feb 2022")
    assert summary("from:2021-07 to:2021", ranked=False).endswith("\n1 Jul 2021 – 31 Dec 2021")
