"""The sidebar's rows: articles grouped under day headers, computed once per load.

Textual-free so it can be tested (and timed) on its own. Articles arrive sorted
newest first with undated ones last; the grouping keeps that order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable, Protocol, Sequence

DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
UNDATED = "Undated"

HEADER_HEIGHT = 1
ARTICLE_HEIGHT = 2


class Listed(Protocol):
    """What a sidebar row needs of an article (`Article` or `ArticleSummary`), read only."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def date(self) -> date | None: ...
    @property
    def source(self) -> str | None: ...
    @property
    def dateline(self) -> str | None: ...


MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
# A unit of grouping is used when at most this share of the dated articles would
# sit alone under their own header (a header row per article wastes the screen).
MAX_ALONE = 0.25


def day_label(day: date | None) -> str:
    """'Mon 12 Jul 2021', in English whatever the locale, or 'Undated'."""
    if day is None:
        return UNDATED
    return f"{DAYS[day.weekday()]} {day.day:02d} {MONTHS[day.month - 1]} {day.year}"


def short_day_label(day: date | None) -> str:
    """'12 Jul': an article's day under a month's or a year's header (the sidebar is narrow)."""
    return "" if day is None else f"{day.day:02d} {MONTHS[day.month - 1]}"


def month_label(day: date | None) -> str:
    return UNDATED if day is None else f"{MONTH_NAMES[day.month - 1]} {day.year}"


def year_label(day: date | None) -> str:
    return UNDATED if day is None else str(day.year)


@dataclass(frozen=True, slots=True)
class Unit:
    """How articles are grouped: the key of a group, its header, and what of the
    date each article's meta line still needs to say."""

    name: str
    key: Callable[[date], object]
    header: Callable[[date | None], str]
    meta_date: Callable[[date | None], str] | None


DAY = Unit("day", lambda day: day, day_label, None)
MONTH = Unit("month", lambda day: (day.year, day.month), month_label, short_day_label)
YEAR = Unit("year", lambda day: day.year, year_label, short_day_label)


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
    meta_date: Callable[[date | None], str] | None = None  # the date in an article's meta line

    @property
    def height(self) -> int:
        return len(self.line_rows)

    def starts_entry(self, line: int) -> bool:
        """Whether `line` is the first line of a header or an article (not an article's meta line)."""
        return self.starts[self.line_rows[line]] == line

    def row_height(self, index: int) -> int:
        return HEADER_HEIGHT if isinstance(self.rows[index], DayHeader) else ARTICLE_HEIGHT


EMPTY_ROWS = Rows((), (), (), ())


def grouping_unit(articles: Sequence[Listed]) -> Unit:
    """Days for a busy archive; months, else years, for a sparse one: the finest
    unit under which few articles stand alone. One pass (articles come sorted)."""
    dated = 0
    alone = {DAY.name: 0, MONTH.name: 0}
    run_key: dict[str, object] = {}
    run_length = {DAY.name: 0, MONTH.name: 0}
    for article in articles:
        day = article.date
        if day is None:
            continue
        dated += 1
        for unit in (DAY, MONTH):
            key = unit.key(day)
            if run_key.get(unit.name) != key:
                if run_length[unit.name] == 1:
                    alone[unit.name] += 1
                run_key[unit.name] = key
                run_length[unit.name] = 0
            run_length[unit.name] += 1
    for unit in (DAY, MONTH):
        if run_length[unit.name] == 1:
            alone[unit.name] += 1
        if alone[unit.name] <= MAX_ALONE * dated:
            return unit
    return YEAR


def group_by_date(articles: Sequence[Listed]) -> Rows:
    """Under day, month or year headers, whichever reads best for these articles."""
    return group_by(articles, grouping_unit(articles))


def group_by(articles: Sequence[Listed], unit: Unit) -> Rows:
    rows: list[DayHeader | Listed] = []
    counts: list[int] = []  # per header, filled as we go
    header_at: list[int] = []
    previous: object = object()
    key_of = unit.key
    for article in articles:
        key = None if article.date is None else key_of(article.date)
        if key != previous:
            previous = key
            header_at.append(len(rows))
            counts.append(0)
            rows.append(DayHeader(unit.header(article.date), 0))
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
    return Rows(tuple(rows), tuple(starts), tuple(line_rows), tuple(article_rows), unit.meta_date)


def ungrouped(articles: Sequence[Listed]) -> Rows:
    """Rows without day headers, for ranked search results (dates in no order)."""
    count = len(articles)
    return Rows(
        tuple(articles),
        tuple(range(0, ARTICLE_HEIGHT * count, ARTICLE_HEIGHT)),
        tuple(index for index in range(count) for _ in range(ARTICLE_HEIGHT)),
        tuple(range(count)),
        day_label,
    )
