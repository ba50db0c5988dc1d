"""Reading ahead: the articles either side of the cursor are read before the reader moves."""

from __future__ import annotations

from reader.model import Analysis, Article
from reader.ui.prefetch import KEEP, Prefetch

from snapshot_apps.harness import build_app, copy_store, pilot_test, settle


class CountingSource:
    def __init__(self, articles: dict[str, Article]) -> None:
        self.articles = articles
        self.reads: list[str] = []

    def article(self, article_id: str) -> Article | None:
        self.reads.append(article_id)
        return self.articles.get(article_id)

    def analysis(self, article_id: str) -> Analysis | None:
        return Analysis(mentions=(), quotes=(), actors=()) if article_id in self.articles else None


def test_prefetch_reads_each_article_once_keeps_a_few_and_forgets_on_clear():
    articles = {f"a{n}": Article(id=f"a{n}", path=f"a{n}", body=f"Body {n}.", title=f"T{n}") for n in range(8)}
    source = CountingSource(articles)
    prefetch = Prefetch()
    assert [a.id for a in prefetch.fill(["a1", "a2", "missing"], source)] == ["a1", "a2"]
    assert prefetch.fill(["a1"], source) == [] and source.reads.count("a1") == 1
    assert prefetch.article("a2") is articles["a2"]
    assert prefetch.analysis("a2") == (True, Analysis(mentions=(), quotes=(), actors=()))
    assert prefetch.analysis("a7") == (False, None)
    prefetch.fill([f"a{n}" for n in range(3, 3 + KEEP)], source)
    assert prefetch.article("a1") is None  # the oldest went
    prefetch.clear()
    assert all(prefetch.article(f"a{n}") is None for n in range(8))


@pilot_test
async def test_moving_to_a_neighbour_reads_nothing_from_the_archive(tmp_path):
    app = build_app(copy_store(tmp_path), tmp_path / "state.yaml")
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(pilot)
        await pilot.pause(0.4)  # resting on the first article: its neighbour is read ahead
        next_id = app.article_list.articles[1].id
        assert app.prefetch.article(next_id) is not None
        reads: list[str] = []
        real_article = app.source.article
        app.source.article = lambda article_id: (reads.append(article_id), real_article(article_id))[1]
        await pilot.press("j")
        await pilot.pause()
        assert app.pane.article is not None and app.pane.article.id == next_id
        assert next_id not in reads


@pilot_test
async def test_a_neighbour_is_drawn_ahead_exactly_as_it_would_be_drawn_when_shown(tmp_path, monkeypatch):
    import reader.ui.widgets.reading_pane as reading_pane
    from reader.ui.widgets.article_body import ArticleBody

    app = build_app(copy_store(tmp_path), tmp_path / "state.yaml")
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(pilot)
        await pilot.pause(0.4)  # resting on the first article: its neighbours are drawn ahead
        built: list[str] = []
        real_highlighted_body = reading_pane.highlighted_body

        def counting(body, *args, **kwargs):
            built.append(body)
            return real_highlighted_body(body, *args, **kwargs)

        monkeypatch.setattr(reading_pane, "highlighted_body", counting)
        await pilot.press("j")
        await pilot.pause()
        body = app.pane.query_one(ArticleBody)
        lines = range(min(8, body.size.height))
        ahead = [list(body.render_line(y)) for y in lines]
        assert built == []  # nothing was built on the key: it was ready
        assert "".join(segment.text for segment in ahead[0]).strip()  # the text is there

        app.pane._prepared.clear()
        app.pane._show_body()  # the same article, built and drawn now
        await pilot.pause()
        assert len(built) == 1
        assert [list(body.render_line(y)) for y in lines] == ahead
