"""Reading ahead: the articles either side of the cursor are read before the reader moves."""

from __future__ import annotations

from reader.index import Index

from snapshot_apps.harness import build_app, copy_store, pilot_test
from waiting import settle, wait_for


@pilot_test
async def test_moving_to_a_neighbour_reads_nothing_from_the_archive(tmp_path, monkeypatch):
    app = build_app(copy_store(tmp_path), tmp_path / "state.yaml")
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(pilot)
        next_id = app.reading.article_list.articles[1].id
        # Resting on the first article: its neighbour is read ahead.
        await wait_for(pilot, lambda: next_id in app.reading.pane._prepared, what="the next article prepared")
        reads: list[str] = []
        real_article = Index.article
        monkeypatch.setattr(Index, "article", lambda self, article_id: (reads.append(article_id), real_article(self, article_id))[1])
        await pilot.press("j")
        await pilot.pause()
        assert app.reading.pane.article is not None and app.reading.pane.article.id == next_id
        assert next_id not in reads


@pilot_test
async def test_a_neighbour_is_drawn_ahead_exactly_as_it_would_be_drawn_when_shown(tmp_path, monkeypatch):
    import reader.ui.widgets.reading_pane as reading_pane
    from reader.ui.widgets.article_body import ArticleBody

    app = build_app(copy_store(tmp_path), tmp_path / "state.yaml")
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(pilot)
        next_id = app.reading.article_list.articles[1].id
        # Resting on the first article: its neighbours are drawn ahead.
        await wait_for(pilot, lambda: next_id in app.reading.pane._prepared, what="the next article prepared")
        built: list[str] = []
        real_highlighted_body = reading_pane.highlighted_body

        def counting(body, *args, **kwargs):
            built.append(body)
            return real_highlighted_body(body, *args, **kwargs)

        monkeypatch.setattr(reading_pane, "highlighted_body", counting)
        await pilot.press("j")
        await pilot.pause()
        shown = app.reading.pane.article
        assert shown is not None and shown.id == next_id
        body = app.reading.pane.query_one(ArticleBody)
        lines = range(min(8, body.size.height))
        ahead = [list(body.render_line(y)) for y in lines]
        # Nothing was built on the key: it was ready (the new neighbours may be read ahead meanwhile).
        assert shown.body not in built
        assert "".join(segment.text for segment in ahead[0]).strip()  # the text is there

        app.reading.pane._prepared.clear()
        app.reading.pane._show_body()  # the same article, built and drawn now
        await pilot.pause()
        assert built.count(shown.body) == 1
        assert [list(body.render_line(y)) for y in lines] == ahead
