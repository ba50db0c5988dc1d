"""Rows of the who-said-what panel and the saved searches: counts are never cut,
and every row starts one cell in, as the article rows do."""

from __future__ import annotations

import re

from textual.content import Content

from reader.config import Config
from reader.model import Actor
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.who_said_what import NameAndCounts, actor_counts

from snapshot_apps.harness import PANEL_STORE, build_app, copy_store, pilot_test
from waiting import settle


def test_a_long_name_gives_way_to_its_counts():
    row = NameAndCounts(Content("its operations director"), Content("10× · 1 quote"))
    fitted = row.fitted(24).plain
    assert len(fitted) == 24
    assert fitted.endswith("10× · 1 quote")
    assert fitted.startswith("its oper…")
    roomy = row.fitted(60).plain
    assert roomy.startswith("its operations director ") and roomy.endswith("10× · 1 quote") and len(roomy) == 60


def test_counts_say_quote_or_quotes():
    assert actor_counts(Actor("A", "person", mentions=3, quotes=1)) == "3× · 1 quote"
    assert actor_counts(Actor("A", "person", mentions=3, quotes=2)) == "3× · 2 quotes"
    assert actor_counts(Actor("A", "person", mentions=3)) == "3×"


@pilot_test
async def test_panel_rows_keep_their_counts_and_start_one_cell_in(tmp_path):
    app = build_app(PANEL_STORE, tmp_path / "state.yaml")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        panel = app.query_one(ArticleView).panel
        checked = 0
        for y in range(panel.scrollable_content_region.height):
            text = panel.render_line(y).text
            if not text.strip() or set(text.strip()) <= {"─", "▁", "▇", "█"}:
                continue
            assert text.startswith(" "), repr(text)
            if "×" in text:  # an actor: its counts end the row, whole
                assert re.search(r"\d+×( · \d+ quotes?)?$", text.rstrip(" ▁▂▃▄▅▆▇█")), repr(text)
                checked += 1
        assert checked >= 2


@pilot_test
async def test_saved_search_rows_start_one_cell_in_like_the_articles(tmp_path):
    app = build_app(copy_store(tmp_path), tmp_path / "state.yaml", config=Config(saved_searches={"Ferries": "ferry"}))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.reading.saved_list.render_line(0).text.startswith(" ⌕ Ferries")
        title_line = next(y for y in range(4) if app.reading.article_list.render_line(y).text.startswith(" ●"))
        assert title_line is not None


@pilot_test
async def test_a_long_name_in_the_panel_is_cut_and_its_quote_count_kept_at_80_columns(tmp_path, monkeypatch):
    from snapshot_apps import analysis

    monkeypatch.setitem(analysis.ACTORS, "Desmond Achterberg-Vandermolen", "person")
    store = tmp_path / "store"
    store.mkdir()
    (store / "2022-03-09-harbour.txt").write_text(
        "date 2022-03-09 SKARSUND • The harbour reopened on Monday.\n\n"
        '"We will fish again next year, whatever the union says," Desmond Achterberg-Vandermolen said.\n',
        encoding="utf-8",
    )
    app = build_app(store, tmp_path / "state.yaml")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        panel = app.query_one(ArticleView).panel
        rows = [panel.render_line(y).text.rstrip(" ▁▂▃▄▅▆▇█") for y in range(panel.scrollable_content_region.height)]
        (row,) = [row for row in rows if row.lstrip().startswith("Desmond") and "×" in row]
        assert row.endswith("1× · 1 quote") and "…" in row, repr(row)
