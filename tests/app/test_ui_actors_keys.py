"""The actor view works as the help screen says (the list has the keys, `/` filters)
and a quote chosen in the timeline is where the article opens, marked."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from reader.ui.screens.actors import ActorsScreen
from reader.ui.screens.quote_timeline import QuoteTimelineScreen
from reader.ui.widgets.article_view import ArticleView

from snapshot_apps.harness import PANEL_STORE, build_app, pilot_test
from waiting import settle, wait_for
from test_ui_key_bursts import burst

SIZE = (100, 30)


async def open_actors(pilot) -> ActorsScreen:
    await pilot.press("a")
    screen = pilot.app.screen
    assert isinstance(screen, ActorsScreen)
    await wait_for(pilot, lambda: bool(screen._actors), what="the actors listed")
    return screen


@pilot_test
async def test_the_actor_list_has_the_keys_and_slash_goes_to_the_filter(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_actors(pilot)
        listing = screen.query_one("#actor-list", OptionList)
        field = screen.query_one("#actor-filter", Input)
        assert screen.focused is listing
        await pilot.press("j")
        assert listing.highlighted == 1
        await pilot.press("k", "slash", *"strand")
        await pilot.pause()
        assert screen.focused is field and field.value == "strand"
        assert [actor.name for actor in screen._shown] == ["Ola Strand"]
        await pilot.press("escape")  # leaves the filter, keeps it
        assert screen.focused is listing and field.value == "strand"
        await pilot.press("t")  # the help's key for the quote timeline
        assert isinstance(app.screen, QuoteTimelineScreen)


@pilot_test
async def test_keys_typed_in_one_burst_after_slash_land_in_the_actor_filter(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_actors(pilot)
        burst(app, "/strand/")
        await settle(pilot)
        assert screen.query_one("#actor-filter", Input).value == "strand/"
        assert app.screen is screen


@pilot_test
async def test_escape_in_the_list_clears_the_filter_then_closes(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_actors(pilot)
        await pilot.press("slash", *"marta", "escape")
        assert screen.focused is screen.query_one("#actor-list")
        assert len(screen._shown) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert screen.query_one("#actor-filter", Input).value == ""
        assert len(screen._shown) == len(screen._actors)
        await pilot.press("escape")
        assert not isinstance(app.screen, ActorsScreen)


@pilot_test
async def test_a_filter_matching_no_actor_says_so(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_actors(pilot)
        await pilot.press("slash", *"zzqx")
        await pilot.pause()
        listing = screen.query_one("#actor-list", OptionList)
        assert screen._shown == []
        assert listing.option_count == 1
        assert "No actor matches “zzqx”" in listing.get_option_at_index(0).prompt.plain
        await pilot.press("enter", "enter")  # nothing to choose: the screen stays
        assert app.screen is screen


@pilot_test
async def test_a_quote_chosen_in_the_timeline_is_on_screen_and_marked(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=(60, 16)) as pilot:  # small: the quote is below the fold
        await settle(pilot)
        await open_actors(pilot)
        await pilot.press("slash", *"strand", "escape", "t")
        timeline = app.screen
        assert isinstance(timeline, QuoteTimelineScreen)
        await wait_for(pilot, lambda: bool(timeline._hits), what="the actor's quotes on the timeline")
        hit = timeline._hits[-1]
        await pilot.press("end", "enter")
        await settle(pilot)
        view = app.query_one(ArticleView)
        await wait_for(pilot, lambda: view.steps is not None, what="the quote steps in the article view")
        assert app.reading.pane.article.id == hit.summary.id
        assert view.steps.current == (hit.quote.start, hit.quote.end)
        start, end = app.reading.pane.visible_offsets()
        assert start <= hit.quote.start <= end
        assert app.reading.pane.scroll_y > 0  # the quote is not in the article's first lines


@pilot_test
async def test_escape_in_the_timeline_goes_back_to_the_actors_view_as_it_was(store, state_file):
    app = build_app(store, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_actors(pilot)
        await pilot.press("slash", *"strand", "escape", "t")
        assert isinstance(app.screen, QuoteTimelineScreen)
        assert app.screen.query_one("#quotes").border_subtitle.endswith("Esc: back to actors")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen  # one level back, not to the reading screen
        assert screen.query_one("#actor-filter", Input).value == "strand"
        assert screen.focused is screen.query_one("#actor-list")
        await pilot.press("escape", "escape")  # the filter cleared, then the view closed
        assert not isinstance(app.screen, (ActorsScreen, QuoteTimelineScreen))


@pilot_test
async def test_j_and_k_move_through_the_quote_timeline(tmp_path):
    app = build_app(PANEL_STORE, tmp_path / "state.yaml")
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(pilot)
        await open_actors(pilot)
        await pilot.press("slash", *"haugen", "escape", "t")
        timeline = app.screen
        assert isinstance(timeline, QuoteTimelineScreen)
        await wait_for(pilot, lambda: len(timeline._hits) >= 2, what="two quotes on the timeline")
        quotes = timeline.query_one("#quote-list")
        first = quotes.highlighted
        await pilot.press("j")
        assert quotes.highlighted == first + 1
        await pilot.press("k")
        assert quotes.highlighted == first


def test_a_timeline_entry_shows_the_words_without_the_comma_before_the_cue():
    from datetime import date

    from reader.index import QuoteHit
    from reader.model import ArticleSummary, Quote
    from reader.ui.screens.quote_timeline import quote_entry

    hit = QuoteHit(
        ArticleSummary("a", "a", "Budget passed", date(2021, 5, 7)),
        Quote(0, 30, '"I think tonight, if only just,"', "statement", "Sunita Kaur"),
    )
    plain = quote_entry(hit).plain
    assert "2021-05-07" in plain and "“I think tonight, if only just”" in plain


def test_a_timeline_entry_of_reported_speech_has_its_verb_and_no_quotation_marks():
    from datetime import date

    from reader.index import QuoteHit
    from reader.model import ArticleSummary, Quote
    from reader.ui.screens.quote_timeline import quote_entry

    hit = QuoteHit(
        ArticleSummary("a", "a", "Budget passed", date(2021, 5, 7)),
        Quote(20, 48, "the budget would pass by May", "reported", "Sunita Kaur", 0, 11, "claimed"),
    )
    plain = quote_entry(hit).plain
    assert "claimed: the budget would pass by May" in plain and "“" not in plain


def test_the_archive_timeline_asks_the_index_for_reported_speech_too(tmp_path):
    from reader.archive.service import Archive

    asked: list[tuple] = []

    class Index:
        def quotes(self, actor, kinds=("statement",)):
            asked.append((actor, kinds))
            return []

    archive = Archive.__new__(Archive)
    archive._index = Index()
    assert archive.quotes("Sunita Kaur") == []
    assert asked == [("Sunita Kaur", ("statement", "reported"))]


@pilot_test
async def test_the_actor_filter_also_finds_actors_by_the_names_articles_use(tmp_path, monkeypatch):
    from reader.index import Index

    # What the index answers for an alias the actor's own name does not contain.
    monkeypatch.setattr(Index, "actors_called", lambda self, text: {"Petra Haugen"} if text == "the skipper" else set())
    app = build_app(PANEL_STORE, tmp_path / "state.yaml")
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(pilot)
        screen = await open_actors(pilot)
        await pilot.press("slash", *"the skipper")
        await wait_for(pilot, lambda: [a.name for a in screen._shown] == ["Petra Haugen"], what="only Petra Haugen shown")
        await pilot.press("backspace")
        await wait_for(pilot, lambda: screen._shown == [], what="no actor shown")


@pilot_test
async def test_the_actor_views_keys_fit_its_border_at_80_columns(tmp_path):
    from textual.geometry import Region

    app = build_app(PANEL_STORE, tmp_path / "state.yaml")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await open_actors(pilot)
        box = screen.query_one("#actors")
        width, height = box.outer_size
        (bottom,) = box.render_lines(Region(0, height - 1, width, 1))
        assert box.border_subtitle.strip() in bottom.text and "…" not in bottom.text


def test_the_timeline_title_counts_quotes_as_the_actors_view_does_and_reported_speech_apart():
    # The actors view said "171 quotes" (direct ones) and the timeline "401 quotes" (reported speech too).
    from datetime import date

    from reader.index import QuoteHit
    from reader.model import ArticleSummary, Quote
    from reader.ui.screens.quote_timeline import timeline_title

    summary = ArticleSummary("a", "a", "Budget passed", date(2021, 5, 7))
    direct = QuoteHit(summary, Quote(0, 12, '"We passed,"', "statement", "Sunita Kaur"))
    reported = QuoteHit(summary, Quote(20, 48, "the budget would pass by May", "reported", "Sunita Kaur", 0, 11, "said"))
    assert timeline_title("Sunita Kaur", [direct, reported, reported]) == "What Sunita Kaur said · 1 quote · 2 reported"
    assert timeline_title("Sunita Kaur", [direct, direct]) == "What Sunita Kaur said · 2 quotes"
    assert timeline_title("Sunita Kaur", [reported]) == "What Sunita Kaur said · 1 reported"


@pilot_test
async def test_t_pressed_while_the_actors_load_opens_no_timeline(tmp_path):
    import threading

    from textual import events

    app = build_app(PANEL_STORE, tmp_path / "state.yaml")
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(pilot)
        gate = threading.Event()
        listing = app.reading.archive.actors

        def slow_listing(*args, **kwargs):
            gate.wait(60)
            return listing(*args, **kwargs)

        app.reading.archive.actors = slow_listing
        notes: list[str] = []
        tell = app.notify
        app.notify = lambda message, **options: (notes.append(message), tell(message, **options))
        await pilot.press("a")
        screen = app.screen
        assert isinstance(screen, ActorsScreen) and not screen._actors
        await pilot.press("t")  # "Loading actors…": nothing to choose yet
        assert app.screen is screen
        # A key pressed while loading but handled after the list came (a busy loop): still not
        # the first actor's timeline, which the reader never saw.
        pressed_while_loading = events.Key("t", "t")
        gate.set()
        await wait_for(pilot, lambda: bool(screen._shown), what="the actors listed")
        app.post_message(pressed_while_loading)
        await settle(pilot)
        assert app.screen is screen
        assert notes == ["Still listing the actors: choose one once they are shown"] * 2
        await pilot.press("t")  # pressed with the list on screen: the highlighted actor's timeline
        assert isinstance(app.screen, QuoteTimelineScreen)
