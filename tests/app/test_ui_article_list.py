"""The sidebar list on its own: grouping, virtual rendering, cursor and messages."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from textual.app import App, ComposeResult

from reader.model import Article
from reader.present.rows import DAY, MONTH, YEAR, DayHeader, day_label, group_by, group_by_date, grouping_unit
from reader.ui.widgets.article_list import ArticleList

from snapshot_apps.harness import build_app, pilot_test
from waiting import settle


def article(n: int, day: date | None) -> Article:
    return Article(id=f"a/{n}.txt", path="", body=f"body {n}", title=f"Title {n}", date=day, source="Wire", dateline="OSLO")


def many(count: int, per_day: int = 10) -> list[Article]:
    start = date(2024, 1, 1)
    return [article(n, start - timedelta(days=n // per_day)) for n in range(count)]


def test_day_label_is_english_whatever_the_locale():
    assert day_label(date(2021, 7, 12)) == "Mon 12 Jul 2021"
    assert day_label(None) == "Undated"


def test_grouping_puts_a_header_before_each_day_with_its_count_and_undated_last():
    articles = [article(1, date(2021, 7, 14)), article(2, date(2021, 7, 14)), article(3, date(2021, 7, 12)), article(4, None)]
    rows = group_by(articles, DAY)
    headers = [row for row in rows.rows if isinstance(row, DayHeader)]
    assert [(h.label, h.count) for h in headers] == [("Wed 14 Jul 2021", 2), ("Mon 12 Jul 2021", 1), ("Undated", 1)]
    assert [rows.rows[i] for i in rows.article_rows] == articles
    assert rows.height == 3 * 1 + 4 * 2
    # every line maps back to the row that starts at or before it
    for line, row in enumerate(rows.line_rows):
        assert rows.starts[row] <= line < rows.starts[row] + rows.row_height(row)


def test_a_busy_archive_is_grouped_by_day_and_a_sparse_one_by_month_or_year():
    busy = many(40, per_day=4)
    assert grouping_unit(busy) is DAY
    headers = [row for row in group_by_date(busy).rows if isinstance(row, DayHeader)]
    assert len(headers) == 10 and headers[0].label == "Mon 01 Jan 2024"
    # one article a day for a while: whole months under one header, each row dated
    daily = [article(n, date(2021, 7, 31) - timedelta(days=n)) for n in range(60)]
    assert grouping_unit(daily) is MONTH
    rows = group_by_date(daily)
    assert [(h.label, h.count) for h in rows.rows if isinstance(h, DayHeader)] == [
        ("July 2021", 31), ("June 2021", 29),
    ]
    assert rows.meta_date(date(2021, 7, 12)) == "12 Jul"
    # one article every few months: years
    rare = [article(n, date(2021, 12, 1) - timedelta(days=70 * n)) for n in range(12)] + [article(99, None)]
    assert grouping_unit(rare) is YEAR
    labels = [h.label for h in group_by_date(rare).rows if isinstance(h, DayHeader)]
    assert labels[0] == "2021" and labels[-1] == "Undated"
    assert group_by(busy, DAY).meta_date is None  # under a day's header the row needs no date


class ListApp(App):
    CSS = "ArticleList { width: 40; height: 1fr; }"

    def __init__(self, articles):
        super().__init__()
        self.articles = articles
        self.messages: list[tuple[str, str]] = []

    def compose(self) -> ComposeResult:
        yield ArticleList()

    def on_mount(self) -> None:
        self.query_one(ArticleList).set_articles(self.articles)

    def on_article_list_highlighted(self, message: ArticleList.Highlighted) -> None:
        self.messages.append(("highlighted", message.article.id))

    def on_article_list_opened(self, message: ArticleList.Opened) -> None:
        self.messages.append(("opened", message.article.id))


@pilot_test
async def test_a_long_list_renders_only_the_lines_on_screen(monkeypatch):
    rendered: list[str] = []
    original = ArticleList._render_article

    def counting(self, row, *args):
        rendered.append(row.id)
        return original(self, row, *args)

    monkeypatch.setattr(ArticleList, "_render_article", counting)
    articles = many(50_000)
    app = ListApp(articles)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert 0 < len(rendered) <= 24
        rendered.clear()
        await pilot.press("G")
        await pilot.pause()
        assert app.query_one(ArticleList).highlighted is articles[-1]
        assert 0 < len(rendered) <= 24 * 2  # the old cursor row and one screen of the end
        assert articles[-1].id in rendered


@pilot_test
async def test_keys_move_the_cursor_and_post_domain_messages():
    articles = many(30, per_day=3)
    app = ListApp(articles)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.query_one(ArticleList).focus()
        app.messages.clear()
        await pilot.press("j", "j", "k", "enter", "G", "g", "pagedown")
        await pilot.pause()
        ids = [article.id for article in articles]
        assert app.messages[:6] == [
            ("highlighted", ids[1]),
            ("highlighted", ids[2]),
            ("highlighted", ids[1]),
            ("opened", ids[1]),
            ("highlighted", ids[-1]),
            ("highlighted", ids[0]),
        ]
        assert app.messages[6][0] == "highlighted" and ids.index(app.messages[6][1]) > 1


@pilot_test
async def test_double_click_opens_and_headers_are_not_selectable():
    articles = many(6, per_day=3)
    app = ListApp(articles)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        article_list = app.query_one(ArticleList)
        app.messages.clear()
        await pilot.click(article_list, offset=(3, 0))  # the first day's header
        assert app.messages == []
        await pilot.click(article_list, offset=(3, 8), times=2)  # second day, first article
        assert ("opened", articles[3].id) in app.messages
        assert article_list.highlighted is articles[3]


@pilot_test
async def test_every_header_shows_its_count_even_for_one_article():
    articles = [article(1, date(2024, 1, 2)), article(2, date(2024, 1, 2))] + [
        article(n, date(2024, 1, 1)) for n in range(3, 4)
    ] + [article(n, date(2023, 12, 31) - timedelta(days=0)) for n in range(4, 12)]
    app = ListApp(articles)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        article_list = app.query_one(ArticleList)
        rows = article_list._rows
        assert rows.meta_date is None  # grouped by day
        header_lines = [rows.starts[i] for i, row in enumerate(rows.rows) if isinstance(row, DayHeader)]
        texts = [article_list.render_line(line).text.rstrip() for line in header_lines]
        assert texts[0].endswith(" 2") and texts[2].endswith(" 8")
        assert texts[1].startswith(" Mon 01 Jan 2024") and texts[1].endswith(" 1")  # alone: counted all the same


def top_line_starts_an_entry(article_list: ArticleList) -> bool:
    rows = article_list._rows
    y = round(article_list.scroll_y)
    return y >= rows.height or rows.starts[rows.line_rows[y]] == y


@pytest.mark.parametrize("height", [11, 12])  # odd and even room: headers shift entries by one line
@pilot_test
async def test_the_list_scrolls_by_whole_entries_never_showing_a_meta_line_first(height):
    articles = many(40, per_day=3)
    app = ListApp(articles)
    async with app.run_test(size=(60, height)) as pilot:
        await pilot.pause()
        article_list = app.query_one(ArticleList)
        article_list.focus()
        for key in ["j"] * 25 + ["G"] + ["k"] * 25 + ["pagedown"] * 3 + ["pageup"]:
            await pilot.press(key)
            assert top_line_starts_an_entry(article_list), (key, article_list.scroll_y)
            cursor_line = article_list._rows.starts[article_list._rows.article_rows[article_list.cursor]]
            assert article_list.scroll_y <= cursor_line
            assert cursor_line + 2 <= article_list.scroll_y + article_list.scrollable_content_region.height


@pilot_test
async def test_an_undated_article_without_source_or_dateline_says_its_length_not_its_file():
    bare = Article(id="misc/notes.txt", path="", body="b", title="Notes", date=None)
    app = ListApp([article(1, date(2024, 1, 2)), bare])
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        article_list = app.query_one(ArticleList)
        rows = article_list._rows
        meta_line = rows.starts[rows.article_rows[1]] + 1
        assert article_list.render_line(meta_line).text.strip() == "1 word"  # issue 14: never the file name


@pilot_test
async def test_the_wheel_never_leaves_an_articles_second_line_at_the_top(tmp_path):
    store = tmp_path / "wheel"
    store.mkdir()
    for n in range(60):
        day = 1 + n % 28
        (store / f"2021-03-{day:02d}-{n}.txt").write_text(f"date 2021-03-{day:02d} HALDEN • Story {n} about the harbour.\n")
    app = build_app(store, tmp_path / "state.yaml")
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        listing = app.reading.article_list
        rows = listing._rows
        tops = []
        for lines in [3] * 30 + [-3] * 30:
            listing.scroll_by_entries(lines)
            await pilot.pause()
            top = round(listing.scroll_y)
            tops.append(top)
            row = rows.line_rows[top]
            assert rows.starts[row] == top or isinstance(rows.rows[row], DayHeader), (lines, top)
        assert max(tops) > 10 and tops[-1] == 0  # it did move, and came back to the top


@pilot_test
async def test_a_message_in_an_empty_list_wraps_instead_of_being_cut():
    # "No articles from this feed yet: R fetches" showed as "…feed yet: R fetc" in a 40-column list.
    message = "No articles from this feed yet: R fetches"
    app = ListApp([])
    async with app.run_test(size=(80, 24)) as pilot:
        articles = app.query_one(ArticleList)
        articles.show_message(message)
        await pilot.pause()
        lines = [articles.render_line(y).text for y in range(articles.size.height)]
        assert all(len(line) <= 40 for line in lines)
        assert " ".join(" ".join(lines).split()) == message
