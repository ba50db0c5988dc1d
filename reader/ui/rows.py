"""The sidebar's rows: articles grouped under day headers, computed once per load.

Textual-free so it can be tested (and timed) on its own. Articles arrive sorted
newest first with undated ones last; the grouping keeps that order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Protocol, Sequence

DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
UNDATED = "Undated"

HEADER_HEIGHT = 1
ARTICLE_HEIGHT = 2


class Listed(Protocol):
    """What a sidebar row needs of an article (`Article` or `ArticleSummary`)."""

    id: str
    title: str
    date: date | None
    source: str | None
    dateline: str | None


def day_label(day: date | None) -> str:
    """'Mon 12 Jul 2021', in English whatever the locale, or 'Undated'."""
    if day is None:
        return UNDATED
    return f"{DAYS[day.weekday()]} {day.day:02d} {MONTHS[day.month - 1]} {day.year}"


@dataclass(frozen=True, slots=True)
class DayHeader:
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class Rows:
    """Rows (day headers and articles) with the line each one starts at."""

    rows: tuple[DayHeader | Listed, ...]
    starts: tuple[int, ...]
    line_rows: tuple[int, ...]  # for each line, the index of the row drawn there
    article_rows: tuple[int, ...]  # indices of the rows that are articles, in order

    @property
    def height(self) -> int:
        return len(self.line_rows)

    def row_height(self, index: int) -> int:
        return HEADER_HEIGHT if isinstance(self.rows[index], DayHeader) else ARTICLE_HEIGHT


EMPTY_ROWS = Rows((), (), (), ())


def group_by_day(articles: Sequence[Listed]) -> Rows:
    rows: list[DayHeader | Listed] = []
    counts: list[int] = []  # per header, filled as we go
    header_at: list[int] = []
    previous: object = object()
    for article in articles:
        if article.date != previous:
            previous = article.date
            header_at.append(len(rows))
            counts.append(0)
            rows.append(DayHeader(day_label(article.date), 0))
        counts[-1] += 1
        rows.append(article)
    for index, count in zip(header_at, counts):
        rows[index] = DayHeader(rows[index].label, count)  # type: ignore[union-attr]

    starts: list[int] = []
    line_rows: list[int] = []
    article_rows: list[int] = []
    for index, row in enumerate(rows):
        starts.append(len(line_rows))
        if isinstance(row, DayHeader):
            line_rows.append(index)
        else:
            article_rows.append(index)
            line_rows.extend((index, index))
    return Rows(tuple(rows), tuple(starts), tuple(line_rows), tuple(article_rows))


def ungrouped(articles: Sequence[Listed]) -> Rows:
    """Rows without day headers, for ranked search results (dates in no order)."""
    count = len(articles)
    return Rows(
        tuple(articles),
        tuple(range(0, ARTICLE_HEIGHT * count, ARTICLE_HEIGHT)),
        tuple(index for index in range(count) for _ in range(ARTICLE_HEIGHT)),
        tuple(range(count)),
    )
