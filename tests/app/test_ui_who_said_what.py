"""Who said what in the app: the `w` panel, choosing an actor or a quote, stepping
with `]`/`[`, `y` citations, Esc; and the Textual-free pieces behind them."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from textual.content import Content

from reader.model import Analysis, Article, Mention, Quote
from reader.present.citation import citation, quoted_words
from reader.present.spans import highlight_spans
from reader.present.navigation import Steps, actor_spans, first_quote_between, quote_for_span
from reader.ui.screens.help import HelpScreen
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.who_said_what import ActorOption, QuoteOption
from reader.ui.wrapped_lines import line_ranges

from snapshot_apps.analysis import fixture_analyser
from snapshot_apps.harness import FIXTURE_STORE, PANEL_STORE, build_app, palette_offers, pilot_test, record_notifications
from waiting import settle, wait_for

SIZE = (120, 34)
NARROW = (80, 24)


def view_of(app) -> ArticleView:
    return app.query_one(ArticleView)


def current_style_spans(app) -> list[tuple[int, int]]:
    """Spans of the body drawn with the 'current' mark's background."""
    background = app.reading.pane.get_component_styles("reading-pane--current").background
    content = app.reading.pane.query_one("#article-body").content
    return [(span.start, span.end) for span in content.spans if getattr(span.style, "background", None) == background]


async def open_panel_and_choose(pilot, name: str) -> None:
    app = pilot.app
    await pilot.press("w")
    panel = view_of(app).panel
    target = next(i for i, option in enumerate(panel.options) if isinstance(option, ActorOption) and option.actor.name == name)
    while panel.highlighted != target:
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()


# ---------------------------------------------------------------- the panel


@pilot_test
async def test_w_toggles_the_panel_listing_actors_by_kind_and_quotes(tmp_path):
    app = build_app(PANEL_STORE, tmp_path / "state.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = view_of(app)
        assert not view.panel.display or not view.panel_open
        await pilot.press("w")
        assert view.panel_open and view.panel.display
        assert app.focused is view.panel
        expected = fixture_analyser(app.reading.pane.article)
        actors = [o.actor for o in view.panel.options if isinstance(o, ActorOption)]
        quotes = [o.quote for o in view.panel.options if isinstance(o, QuoteOption)]
        assert sorted(a.name for a in actors) == sorted(a.name for a in expected.actors)
        kinds = [a.kind for a in actors]
        assert kinds == sorted(kinds, key=["person", "organisation", "place"].index)  # grouped, people first
        assert quotes == sorted(expected.quotes, key=lambda q: q.start)
        await pilot.press("w")
        assert not view.panel_open and not view.panel.display
        assert app.focused is app.reading.pane


@pilot_test
async def test_the_panel_says_analysing_until_the_analysis_arrives(tmp_path, monkeypatch):
    from reader.index import Index

    # The index has not analysed the article yet (on a small store it may be quicker than the pane).
    monkeypatch.setattr(Index, "analysis", lambda self, article_id: None)
    release = threading.Event()

    def slow_analyser(article: Article) -> Analysis:
        release.wait(10)
        return fixture_analyser(article)

    app = build_app(PANEL_STORE, tmp_path / "state.yaml")
    app.reading.pane._analyse_article = slow_analyser
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(50):
            await pilot.pause()
            if app.reading.pane.article is not None:
                break
        await pilot.press("w")
        panel = view_of(app).panel
        assert [str(option.prompt) for option in panel.options] == ["Analysing…"]
        release.set()
        await settle(pilot)
        assert any(isinstance(option, ActorOption) for option in panel.options)


@pilot_test
async def test_at_80x24_the_open_panel_takes_the_sidebars_room_until_the_list_is_wanted(tmp_path):
    app = build_app(PANEL_STORE, tmp_path / "state.yaml")
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        sidebar = app.query_one("#sidebar")
        assert sidebar.region.width > 0
        await pilot.press("w")
        await pilot.pause()
        assert sidebar.region.width == 0
        assert app.reading.pane.region.width >= 40 and view_of(app).panel.region.width >= 30
        app.reading.action_focus_list()
        await pilot.pause()
        await pilot.pause()
        assert not view_of(app).panel_open
        assert app.focused is app.reading.article_list and sidebar.region.width > 0


# --------------------------------------------------------- actors and steps


@pilot_test
async def test_choosing_an_actor_marks_its_mentions_and_brackets_step_and_scroll(tmp_path):
    app = build_app(PANEL_STORE, tmp_path / "state.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        body = app.reading.pane.article.body
        spans = actor_spans(app.reading.pane.analysis, "Karl Eide")
        assert len(spans) >= 3
        await open_panel_and_choose(pilot, "Karl Eide")
        view = view_of(app)
        assert view.actor == "Karl Eide"
        assert current_style_spans(app) == [spans[0]]
        status = str(view.query_one("#reading-status").content)
        assert status.startswith(f"Karl Eide 1/{len(spans)}")
        positions = [app.reading.pane.scroll_y]
        for step in range(1, len(spans)):
            await pilot.press("right_square_bracket")
            await pilot.pause()
            assert current_style_spans(app) == [spans[step]]
            assert body[slice(*spans[step])] in ("Karl Eide",)
            start, end = app.reading.pane.visible_offsets()
            assert start <= spans[step][0] < end  # the mention is on screen
            positions.append(app.reading.pane.scroll_y)
        assert len(set(positions)) > 1  # the pane scrolled to reach a mention
        await pilot.press("right_square_bracket")  # wraps to the first
        await pilot.pause()
        assert current_style_spans(app) == [spans[0]]
        assert app.reading.pane.scroll_y < positions[-1]
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert current_style_spans(app) == [spans[-1]]
        assert str(view.query_one("#reading-status").content).startswith(f"Karl Eide {len(spans)}/{len(spans)}")


@pilot_test
async def test_escape_clears_the_actor_then_goes_back_to_the_list(tmp_path):
    app = build_app(PANEL_STORE, tmp_path / "state.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # into the pane
        await open_panel_and_choose(pilot, "Petra Haugen")
        view = view_of(app)
        await pilot.press("escape")
        assert view.actor is None and view.steps is None
        assert current_style_spans(app) == []
        assert not view.query_one("#reading-status").display
        await pilot.press("escape")  # the panel had focus: back to the text
        assert app.focused is app.reading.pane
        await pilot.press("escape")  # nothing chosen: the pane's Escape, back to the list
        assert app.focused is app.reading.article_list


@pilot_test
async def test_brackets_step_through_quotes_when_no_actor_is_chosen(tmp_path):
    app = build_app(PANEL_STORE, tmp_path / "state.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        quotes = sorted(app.reading.pane.analysis.quotes, key=lambda q: q.start)
        for number, quote in enumerate(quotes[:4], 1):
            await pilot.press("right_square_bracket")
            await pilot.pause()
            assert current_style_spans(app) == [(quote.start, quote.end)]
            assert str(view_of(app).query_one("#reading-status").content).startswith(f"quote {number}/{len(quotes)}")
        scrolled = app.reading.pane.scroll_y
        await pilot.press("left_square_bracket", "left_square_bracket", "left_square_bracket")
        await pilot.pause()
        assert current_style_spans(app) == [(quotes[0].start, quotes[0].end)]
        assert app.reading.pane.scroll_y <= scrolled


@pilot_test
async def test_choosing_a_quote_in_the_panel_scrolls_to_it(tmp_path):
    app = build_app(PANEL_STORE, tmp_path / "state.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("w")
        panel = view_of(app).panel
        last = max(i for i, option in enumerate(panel.options) if isinstance(option, QuoteOption))
        quote = panel.options[last].quote
        panel.highlighted = last
        await pilot.press("enter")
        await pilot.pause()
        assert app.reading.pane.scroll_y > 0
        start, end = app.reading.pane.visible_offsets()
        assert start <= quote.start < end
        assert current_style_spans(app) == [(quote.start, quote.end)]


# ---------------------------------------------------------------- citations


@pilot_test
async def test_y_copies_the_quote_in_focus_as_a_citation(tmp_path, monkeypatch):
    app = build_app(FIXTURE_STORE, tmp_path / "state.yaml")
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    notes = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.reading.pane.article.id == "2021/2021-07-14-ferry.txt"
        await pilot.press("enter", "y")  # nothing chosen: the first quote on screen
        await pilot.pause()
        assert copied == ["“We heard the islands loud and clear” — Ingrid Solberg, Northern Wire, Halden, 14 July 2021"]
        # Shown as well, for terminals that do not pass the copy on to the clipboard.
        assert any(n.title == "Copied citation" and n.message == copied[0] for n in notes)
        await pilot.press("right_square_bracket", "right_square_bracket", "y")  # stepped to the second quote: a term
        await pilot.pause()
        assert copied[-1] == "“token gesture” — unattributed, Northern Wire, Halden, 14 July 2021"


@pilot_test
async def test_y_after_choosing_a_speaker_cites_the_quote_they_said(tmp_path, monkeypatch):
    app = build_app(PANEL_STORE, tmp_path / "state.yaml")
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_panel_and_choose(pilot, "Karl Eide")
        await pilot.press("right_square_bracket", "y")  # the second mention is the speaker of a quote
        await pilot.pause()
        analysis = app.reading.pane.analysis
        quote = quote_for_span(analysis, view_of(app).steps.current)
        assert quote is not None and quote.speaker == "Karl Eide"
        assert copied == [citation(app.reading.pane.article, quote)]
        assert copied[0].startswith(f"“{quoted_words(quote)}” — Karl Eide, ")


# ------------------------------------------------------ help and the palette


@pilot_test
async def test_help_lists_the_who_said_what_keys(tmp_path):
    app = build_app(PANEL_STORE, tmp_path / "state.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        sections = dict(app.screen._sections)
        descriptions = [d for _, rows in sections.items() for _, d, _ in rows]
        assert "The article's actors and quotes, beside the text" in descriptions
        keys = dict((d, k) for k, d, _ in sections["Who said what"])
        assert "]" in keys["Next mention of the chosen actor, else the next quote"]
        assert "y" in keys["Copy the quote in focus (or the first on screen) as a citation"]


@pilot_test
async def test_the_palette_jumps_to_an_actor_of_the_article(tmp_path):
    app = build_app(PANEL_STORE, tmp_path / "state.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"jump to actor: karl eide")
        await wait_for(pilot, lambda: palette_offers(app, "karl eide"), what="the palette offering Karl Eide")
        await pilot.press("enter")
        await settle(pilot)
        view = view_of(app)
        assert view.actor == "Karl Eide"
        assert current_style_spans(app) == [actor_spans(app.reading.pane.analysis, "Karl Eide")[0]]
        assert app.focused is app.reading.pane


# ------------------------------------------------------- Textual-free parts


def article(**fields) -> Article:
    base = dict(id="a", path="a.txt", body="", title="T", date=date(2021, 7, 12), source="AFP", dateline="SEOUL")
    return Article(**{**base, **fields})


def test_citation_joins_a_quote_reopened_over_paragraphs_and_leaves_out_missing_fields():
    text = '"We will meet again,\n\n"and we will talk,"'
    quote = Quote(0, len(text), text, "statement", "Kim Jong Un")
    assert citation(article(), quote) == "“We will meet again, and we will talk” — Kim Jong Un, AFP, Seoul, 12 July 2021"
    bare = article(source=None, dateline=None, date=None)
    assert citation(bare, Quote(0, 7, "“Yes.”", "statement")) == "“Yes.” — unattributed"


def test_citation_drops_paired_apostrophe_marks_whole():
    text = "''We will meet again,\n\n''and we will talk,''"
    quote = Quote(0, len(text), text, "statement", "Kim Jong Un")
    assert quoted_words(quote) == "We will meet again, and we will talk"


def test_steps_start_where_the_reader_is_and_wrap():
    steps = Steps(((10, 12), (50, 55), (90, 95)))
    assert steps.step(1, from_offset=40).current == (50, 55)
    assert steps.step(-1, from_offset=40).current == (10, 12)
    assert steps.step(1, from_offset=99).current == (10, 12)  # past the last: wraps
    last = steps.step(-1, from_offset=0)
    assert last.current == (90, 95) and last.position() == "3/3"
    assert last.step(1).current == (10, 12)
    assert Steps(()).step(1).current is None


def test_actor_spans_fall_back_to_speaker_spans_and_quotes_are_found_from_spans():
    analysis = Analysis(
        mentions=(Mention(0, 3, "Ann", "person", "Ann Lee"), Mention(30, 33, "Ann", "person", "Ann Lee")),
        quotes=(
            Quote(5, 20, '"Hello there,"', "statement", "Ann Lee", 0, 3),
            Quote(40, 50, '"Goodbye"', "statement", "Bo", 51, 53),
            Quote(60, 66, '"odd"', "term"),
        ),
    )
    assert actor_spans(analysis, "Ann Lee") == [(0, 3), (30, 33)]
    assert actor_spans(analysis, "Bo") == [(51, 53)]  # only ever a speaker ("he")
    assert quote_for_span(analysis, (0, 3)).speaker == "Ann Lee"
    assert quote_for_span(analysis, (30, 33)) is None
    assert first_quote_between(analysis.quotes, 35, 70).text == '"Goodbye"'
    assert first_quote_between(analysis.quotes, 55, 70).kind == "term"
    assert first_quote_between(analysis.quotes, 21, 29) is None


def test_nested_mentions_are_drawn_as_the_outer_name():
    body = "The United States Navy said so."
    outer = Mention(4, 22, "United States Navy", "organisation", "United States Navy")
    inner = Mention(4, 17, "United States", "place", "United States")
    spans = list(highlight_spans(body, Analysis(mentions=(inner, outer))))
    assert spans == [("organisation", 4, 22)]


@pytest.mark.parametrize("width", [12, 30, 61])
def test_line_starts_match_the_lines_textual_draws(width):
    body = (Path(PANEL_STORE) / "2022-03-09-quota-talks.txt").read_text(encoding="utf-8").split("• ", 1)[1]
    starts = [start for start, _ in line_ranges(body, width)]
    lines = Content(body).wrap(width)
    assert len(starts) == len(lines)
    for start, line in zip(starts, lines):
        assert body[start:].startswith(line.plain.rstrip())


def test_the_app_analyses_with_the_users_actors_yaml(tmp_path):
    from reader.archive.service import Archive

    store = tmp_path / "store"
    store.mkdir()
    (store / "actors.yaml").write_text("Vell Board:\n  kind: place\n", encoding="utf-8")
    body = 'The Vell Board said "the tide is ours, and always was".'
    analysis = Archive(store).analyse(Article(id="a", path="a", body=body, title="T"))
    assert [(m.text, m.kind) for m in analysis.mentions] == [("Vell Board", "place")]


def test_a_citation_names_a_described_speaker_by_the_words_of_the_text():
    body = '"We will not wait," a Canadian official said on Tuesday.'
    article = Article(id="a", path="a", body=body, title="T", date=date(2023, 5, 2), source="Northern Wire")
    start = body.index("a Canadian official")
    described = Quote(0, 19, body[0:19], "statement", None, start, start + len("a Canadian official"))
    assert citation(article, described) == "“We will not wait” — a Canadian official, Northern Wire, 2 May 2023"
    nobody = Quote(0, 19, body[0:19], "statement", None)
    assert citation(article, nobody) == "“We will not wait” — unattributed, Northern Wire, 2 May 2023"


def test_the_panel_lists_a_described_speaker_by_the_words_of_the_text():
    from reader.ui.widgets.who_said_what import QuoteOption

    body = '"We will not wait," a Canadian official said on Tuesday.'
    start = body.index("a Canadian official")
    described = Quote(0, 19, body[0:19], "statement", None, start, start + len("a Canadian official"))
    assert str(QuoteOption(described, body).prompt).startswith("a Canadian official")
    assert str(QuoteOption(Quote(0, 19, body[0:19], "statement"), body).prompt).startswith("unattributed")


def test_a_description_opening_its_sentence_is_shown_as_it_reads_mid_line():
    from reader.ui.widgets.who_said_what import QuoteOption

    body = 'A spokesman for the council said: "We will not wait."'
    start, end = 0, len("A spokesman for the council")
    described = Quote(35, 52, body[35:52], "statement", None, start, end, speaker_via="descriptor")
    assert str(QuoteOption(described, body).prompt).startswith("a spokesman for the council")
    article = Article(id="a", path="a", body=body, title="T")
    assert citation(article, described) == "“We will not wait.” — a spokesman for the council"


# ---------------------------------------------------------------- reported speech and sourcing in the panel


def test_reported_speech_rows_carry_no_quotation_marks_and_inference_is_marked():
    from reader.model import Analysis, Quote
    from reader.ui.widgets.who_said_what import QuoteOption, panel_options

    body = 'Ann Roe said the pier would reopen in May. "It is safe," she said. Ann Roe claimed the board had lied.'
    clause = body.index("the pier")
    direct = body.index('"It is safe,"')
    pronoun = body.index("she said")
    claimed = body.index("the board")
    quotes = (
        Quote(clause, body.index(" in May") + 7, body[clause : body.index(" in May") + 7], "reported", "Ann Roe", 0, 7, "said",
              speaker_via="name", cue_group="neutral"),
        Quote(direct, direct + 13, body[direct : direct + 13], "statement", "Ann Roe", pronoun, pronoun + 3, "said",
              speaker_via="pronoun", cue_group="neutral"),
        Quote(claimed, len(body) - 1, body[claimed:-1], "reported", "Ann Roe", claimed - 16, claimed - 9, "claimed",
              speaker_via="name", cue_group="loaded"),
    )
    rows = [o for o in panel_options(Analysis(quotes=quotes), body) if isinstance(o, QuoteOption)]
    texts = [str(row.prompt) for row in rows]
    assert "“" not in texts[0] and "the pier would reopen in May" in texts[0]
    assert texts[1].startswith("Ann Roe (she) “It is safe”")  # a pronoun: the text's word beside the name
    assert "claimed" in texts[2] and "“" not in texts[2]  # the loaded verb is shown
    summary = [str(o.prompt) for o in panel_options(Analysis(quotes=quotes), body) if o is not None and o.disabled]
    # The counts wrap between counts to the narrowest panel: read together they are one line.
    assert "1 direct · 2 reported · 1 loaded verb" in " · ".join(summary)


def test_the_sourcing_counts_add_up_to_the_quotes_heading_terms_included():
    # "Quotes (8)" over "5 direct · 2 reported" left a reader looking for the eighth: a term.
    from reader.ui.widgets.who_said_what import panel_options

    body = 'Ann Roe called it a "fair deal". "We signed," she said. Ann Roe said the port would stay open.'
    term = body.index('"fair deal"')
    direct = body.index('"We signed,"')
    clause = body.index("the port")
    quotes = (
        Quote(term, term + 11, body[term : term + 11], "term"),
        Quote(direct, direct + 12, body[direct : direct + 12], "statement", "Ann Roe", direct + 13, direct + 16, "said"),
        Quote(clause, len(body) - 1, body[clause:-1], "reported", "Ann Roe", clause - 13, clause - 6, "said"),
    )
    options = [o for o in panel_options(Analysis(quotes=quotes), body) if o is not None and o.disabled]
    lines = [str(o.prompt) for o in options]
    assert "Quotes (3)" in lines
    assert "1 direct · 1 reported · 1 term" in " · ".join(lines)


def test_a_reported_citation_is_not_put_in_quotation_marks():
    from reader.model import Article, Quote
    from reader.present.citation import citation

    body = "Ann Roe said the pier would reopen in May."
    start = body.index("the pier")
    article = Article(id="a", path="a", body=body, title="t", source="Harbour Gazette")
    quote = Quote(start, len(body) - 1, body[start:-1], "reported", "Ann Roe", 0, 7, "said")
    assert citation(article, quote) == "Ann Roe said: the pier would reopen in May (Harbour Gazette)"
