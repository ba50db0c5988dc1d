"""Correcting who said what in the app: from the panel (`c` goes there, `e` corrects
the row) and from the actors view (`a`, then `e`); each correction shows at once in
the article and in the archive's lists, is written to the store's actors.yaml (fixes to
actors, keeping the rest of the file as it was) or corrections.yaml (fixes to quotes),
and `z` undoes it. A corrupt corrections file is reported, never overwritten."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from reader.corrections import CORRECTIONS_FILE, load_corrections
from reader.ui.screens.actor_picker import ActorPicker
from reader.ui.screens.actors import ActorsScreen
from reader.ui.screens.choice_menu import ChoiceMenu
from reader.ui.screens.name_prompt import NamePrompt
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.who_said_what import ActorOption, QuoteOption, WhoSaidWhat

from snapshot_apps.harness import PANEL_STORE, build_app, pilot_test, settle
from waiting import wait_for

SIZE = (120, 34)


@pytest.fixture
def store(tmp_path: Path) -> Path:
    root = tmp_path / "store"
    shutil.copytree(PANEL_STORE, root)
    return root


def panel(app) -> WhoSaidWhat:
    return app.reading.query_one(ArticleView).panel


def panel_actors(app) -> dict[str, str]:
    return {actor.name: actor.kind for actor in panel(app).actors}


def index_actors(app) -> dict[str, tuple[str, int]]:
    return {a.name: (a.kind, a.quotes) for a in app.reading.archive.actors()}


async def open_panel(pilot) -> WhoSaidWhat:
    await settle(pilot)
    await pilot.press("c")  # the documented key: open the panel and go into it
    await pilot.pause()
    found = panel(pilot.app)
    assert pilot.app.focused is found
    return found


async def highlight(pilot, found: WhoSaidWhat, test) -> None:
    for _ in range(len(found.options)):
        if test(found.highlighted_option):
            return
        await pilot.press("j")
    raise AssertionError("no such row in the panel")


def is_actor(name: str):
    return lambda option: isinstance(option, ActorOption) and option.actor.name == name


async def open_actors_view(pilot) -> ActorsScreen:
    """`a` from the reading screen, once the store is read; the view once it lists actors."""
    await settle(pilot)
    await pilot.press("a")
    screen = pilot.app.screen
    assert isinstance(screen, ActorsScreen)
    await wait_for(pilot, lambda: bool(screen._actors), what="the actors listed")
    return screen


async def corrected(pilot, condition, what: str) -> None:
    await wait_for(pilot, condition, what=what)
    await settle(pilot)


@pilot_test
async def test_rename_from_the_panel_shows_at_once_everywhere_and_undoes(store, tmp_path):
    app = build_app(store, tmp_path / "state.yaml")
    async with app.run_test(size=SIZE) as pilot:
        found = await open_panel(pilot)
        await highlight(pilot, found, is_actor("Karl Eide"))
        await pilot.press("e")
        assert isinstance(app.screen, ChoiceMenu)
        await pilot.press("r")
        assert isinstance(app.screen, NamePrompt)
        field = app.screen.query_one(Input)
        assert field.value == "Karl Eide"
        field.value = ""
        await pilot.press(*"Karl J. Eide", "enter")
        await corrected(pilot, lambda: "Karl J. Eide" in panel_actors(app), "the panel showing the new name")
        assert "Karl Eide" not in panel_actors(app)
        assert isinstance(panel(app).highlighted_option, ActorOption)  # the cursor stayed among the actors
        assert load_corrections(store)[0].names["Karl Eide"].name == "Karl J. Eide"
        await corrected(pilot, lambda: "Karl J. Eide" in index_actors(app), "the index holding the new name")
        assert "Karl Eide" not in index_actors(app)

        await pilot.press("z")
        await corrected(pilot, lambda: "Karl Eide" in panel_actors(app), "the panel showing the old name again")
        await corrected(pilot, lambda: "Karl Eide" in index_actors(app), "the index holding the old name again")
        assert "Karl J. Eide" not in index_actors(app)
        assert not load_corrections(store)[0]


@pilot_test
async def test_z_undoes_the_newest_of_a_correction_and_mark_all_read(store, tmp_path):
    original = next(store.glob("*.txt"))
    shutil.copy(original, store / "2022-03-08-second-article.txt")  # an article mark all read marks
    app = build_app(store, tmp_path / "state.yaml")
    async with app.run_test(size=SIZE) as pilot:
        found = await open_panel(pilot)
        await highlight(pilot, found, is_actor("Karl Eide"))
        await pilot.press("e", "r")
        field = app.screen.query_one(Input)
        field.value = ""
        await pilot.press(*"Karl J. Eide", "enter")
        await corrected(pilot, lambda: "Karl J. Eide" in panel_actors(app), "the panel showing the new name")
        keeper = app.reading.keeper
        reading = app.reading.pane.article.id  # counts as read after 3 s on screen: left out
        listed = [article.id for article in app.reading.article_list.articles if article.id != reading]
        assert listed and not any(keeper.is_read(article_id) for article_id in listed)
        await pilot.press("escape", "A")  # back to the list, then mark all read: newer than the rename
        await wait_for(
            pilot,
            lambda: all(keeper.is_read(article_id) for article_id in listed),
            what="every listed article marked read",
        )

        await pilot.press("z")  # the marks come back first; the rename stays
        await wait_for(
            pilot,
            lambda: not any(keeper.is_read(article_id) for article_id in listed),
            what="the marks undone",
        )
        assert "Karl J. Eide" in panel_actors(app)
        await pilot.press("z")  # then the rename
        await corrected(pilot, lambda: "Karl Eide" in panel_actors(app), "the panel showing the old name again")
        assert not load_corrections(store)[0]


@pilot_test
async def test_merge_change_kind_and_not_an_actor_from_the_panel(store, tmp_path):
    app = build_app(store, tmp_path / "state.yaml")
    async with app.run_test(size=SIZE) as pilot:
        found = await open_panel(pilot)
        await highlight(pilot, found, is_actor("Skarsund Marine Station"))
        await pilot.press("e", "k")
        assert isinstance(app.screen, ChoiceMenu)
        await pilot.press("l")  # place
        await corrected(
            pilot,
            lambda: panel_actors(app).get("Skarsund Marine Station") == "place",
            "the station a place in the panel",
        )

        await highlight(pilot, panel(app), is_actor("Skarsund"))
        await pilot.press("e", "x")
        await corrected(pilot, lambda: "Skarsund" not in panel_actors(app), "Skarsund gone from the panel")

        await highlight(pilot, panel(app), is_actor("Skarsund Marine Station"))
        await pilot.press("e", "m")
        picker = app.screen
        assert isinstance(picker, ActorPicker)
        await pilot.press(*"nordvik")
        await pilot.pause()
        assert picker._shown == ["Nordvik Fisheries Union"]
        await pilot.press("enter")
        await corrected(pilot, lambda: "Skarsund Marine Station" not in panel_actors(app), "the station merged away")
        assert panel_actors(app)["Nordvik Fisheries Union"] == "organisation"
        names = load_corrections(store)[0].names
        assert names["Skarsund Marine Station"].name == "Nordvik Fisheries Union"
        assert names["Skarsund"].not_actor

        await pilot.press("z")  # the merge
        await corrected(
            pilot,
            lambda: panel_actors(app).get("Skarsund Marine Station") == "place",
            "the station a place in the panel",
        )
        await pilot.press("z")  # not an actor
        await corrected(pilot, lambda: "Skarsund" in panel_actors(app), "Skarsund back in the panel")
        await pilot.press("z")  # the kind
        await corrected(
            pilot,
            lambda: panel_actors(app).get("Skarsund Marine Station") == "organisation",
            "the station an organisation again",
        )
        await pilot.press("z")
        assert not load_corrections(store)[0]


@pilot_test
async def test_a_quote_given_another_speaker_and_a_quote_that_is_not_a_statement(store, tmp_path):
    app = build_app(store, tmp_path / "state.yaml")
    async with app.run_test(size=SIZE) as pilot:
        found = await open_panel(pilot)
        first = lambda option: isinstance(option, QuoteOption) and option.quote.text.startswith('"We came here')  # noqa: E731
        await highlight(pilot, found, first)
        assert found.highlighted_option.quote.speaker == "Petra Haugen"
        await pilot.press("e", "s")
        picker = app.screen
        assert isinstance(picker, ActorPicker)
        await pilot.press(*"Lars Berg")  # a name the archive does not have yet
        await pilot.pause()
        assert picker._shown[0] == "Lars Berg"
        await pilot.press("enter")
        quote = lambda: next(q for q in app.reading.query_one(ArticleView).analysis.quotes if q.text.startswith('"We came'))  # noqa: E731
        await corrected(pilot, lambda: quote().speaker == "Lars Berg", "the quote given to Lars Berg")
        assert "Lars Berg" in panel_actors(app)
        await corrected(pilot, lambda: index_actors(app).get("Lars Berg") == ("person", 1), "Lars Berg in the index")
        hits = app.reading.archive.quotes("Lars Berg")
        assert [hit.quote.text[:12] for hit in hits] == ['"We came her']

        await highlight(pilot, panel(app), first)
        await pilot.press("e", "x")
        await corrected(pilot, lambda: quote().kind == "term", "the quote a term")
        await corrected(pilot, lambda: "Lars Berg" not in index_actors(app), "Lars Berg gone from the index")
        await pilot.press("z", "z")
        await corrected(
            pilot,
            lambda: quote().speaker == "Petra Haugen" and quote().kind == "statement",
            "the quote Petra Haugen's statement again",
        )


@pilot_test
async def test_correct_and_undo_from_the_actors_view(store, tmp_path):
    app = build_app(store, tmp_path / "state.yaml")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_actors_view(pilot)
        await pilot.press("slash", *"karl", "escape")
        assert [a.name for a in screen._shown] == ["Karl Eide"]
        await pilot.press("e", "k", "o")  # organisation
        await corrected(
            pilot,
            lambda: [(a.name, a.kind) for a in screen._shown] == [("Karl Eide", "organisation")],
            "Karl Eide an organisation in the list",
        )
        assert app.screen is screen
        await pilot.press("z")
        await corrected(
            pilot,
            lambda: [(a.name, a.kind) for a in screen._shown] == [("Karl Eide", "person")],
            "Karl Eide a person again in the list",
        )
        await pilot.press("e", "r")
        prompt = app.screen
        assert isinstance(prompt, NamePrompt)
        prompt.query_one(Input).value = "Karl Eidé"
        await pilot.press("enter")
        await corrected(
            pilot,
            lambda: [a.name for a in screen._shown] == ["Karl Eidé"],
            "the list showing the new name",
        )
        assert "Karl Eide" not in [a.name for a in screen._actors]



@pilot_test
async def test_a_quote_corrected_from_the_actors_timeline_leaves_it_and_comes_back_on_undo(store, tmp_path):
    # The timeline (a, then t) is where a run of wrong speakers shows; it had no e.
    from reader.ui.screens.quote_timeline import QuoteTimelineScreen

    app = build_app(store, tmp_path / "state.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await open_actors_view(pilot)
        await pilot.press("slash", *"petra", "escape", "t")
        timeline = app.screen
        assert isinstance(timeline, QuoteTimelineScreen)
        said = lambda: [hit.quote.text[:12] for hit in timeline._hits]  # noqa: E731
        await wait_for(pilot, lambda: '"We came her' in said(), what="Petra Haugen's quotes listed")
        before = len(timeline._hits)
        timeline.query_one(OptionList).highlighted = said().index('"We came her')
        await pilot.press("e", "s")
        assert isinstance(app.screen, ActorPicker)
        await pilot.press(*"Lars Berg", "enter")
        await corrected(pilot, lambda: app.screen is timeline and '"We came her' not in said(), "the quote gone from her timeline")
        assert len(timeline._hits) == before - 1
        assert [fix.speaker for fix in load_corrections(store)[0].quotes.values()] == ["Lars Berg"]
        await pilot.press("z")
        await corrected(pilot, lambda: '"We came her' in said(), "the quote back in her timeline")
        assert not load_corrections(store)[0]


@pilot_test
async def test_the_quote_menu_says_who_the_panel_says_said_it(store, tmp_path):
    # A source the article describes without naming shows in the panel as the text's
    # words ("a harbour official"); the correction menu showed the quote alone.
    article = next(store.glob("*.txt"))
    article.write_text(article.read_text(encoding="utf-8") + "\nA harbour official said that the fleet would wait.\n", encoding="utf-8")
    app = build_app(store, tmp_path / "state.yaml")
    async with app.run_test(size=SIZE) as pilot:
        found = await open_panel(pilot)
        await highlight(pilot, found, lambda option: isinstance(option, QuoteOption) and option.quote.text.startswith("the fleet"))
        await pilot.press("e")
        assert isinstance(app.screen, ChoiceMenu)
        question = str(app.screen.query_one("#choice-menu Static").render())
        assert question.startswith("a harbour official: the fleet would wait"), question

HAND_WRITTEN = """\
# My own names for this archive.
Petra Haugen:
  kind: person   # the minister
  aliases: [Minister Haugen]

Ignore: [Storting Hall]
"""


@pilot_test
async def test_an_actor_correction_goes_into_actors_yaml_keeping_the_readers_lines(store, tmp_path):
    (store / "actors.yaml").write_text(HAND_WRITTEN, encoding="utf-8")
    app = build_app(store, tmp_path / "state.yaml")
    async with app.run_test(size=SIZE) as pilot:
        found = await open_panel(pilot)
        await highlight(pilot, found, is_actor("Karl Eide"))
        await pilot.press("e", "k", "o")
        await corrected(pilot, lambda: panel_actors(app).get("Karl Eide") == "organisation", "the new kind shown")
        text = (store / "actors.yaml").read_text(encoding="utf-8")
        assert text.startswith(HAND_WRITTEN)  # every line of the reader's, comments included
        assert "Corrections:\n  Karl Eide:\n    kind: organisation\n" in text
        assert not (store / CORRECTIONS_FILE).exists()
        await pilot.press("z")
        await corrected(pilot, lambda: panel_actors(app).get("Karl Eide") == "person", "the kind undone")
        assert (store / "actors.yaml").read_text(encoding="utf-8") == HAND_WRITTEN


@pilot_test
async def test_a_corrupt_corrections_section_is_reported_and_never_overwritten(store, tmp_path):
    bad = HAND_WRITTEN + "Corrections:\n  Karl Eide: {kind: planet}\n"
    (store / "actors.yaml").write_text(bad, encoding="utf-8")
    app = build_app(store, tmp_path / "state.yaml")
    async with app.run_test(size=SIZE) as pilot:
        found = await open_panel(pilot)
        assert any(p.path == "actors.yaml" and p.line == 8 and "planet" in p.reason for p in app.reading.problems)
        await highlight(pilot, found, is_actor("Karl Eide"))
        await pilot.press("e", "x")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("actors.yaml:8" in m and "fix it first" in m for m in messages)
        assert (store / "actors.yaml").read_text(encoding="utf-8") == bad
        assert "Karl Eide" in panel_actors(app)
        await pilot.press("z")
        await pilot.pause()
        assert any("Nothing to undo" in n.message for n in app._notifications)
        await pilot.press("escape", "exclamation_mark")
        await pilot.pause()
        from reader.ui.screens.problems import ProblemsScreen

        assert isinstance(app.screen, ProblemsScreen)


@pilot_test
async def test_a_corrupt_corrections_file_refuses_quote_fixes_and_is_never_overwritten(store, tmp_path):
    bad = "quotes:\n- {article: a.txt, quote: Hi, at: here, speaker: Ann}\n"
    (store / CORRECTIONS_FILE).write_text(bad, encoding="utf-8")
    app = build_app(store, tmp_path / "state.yaml")
    async with app.run_test(size=SIZE) as pilot:
        found = await open_panel(pilot)
        assert any(p.path == CORRECTIONS_FILE and p.line == 2 for p in app.reading.problems)
        await highlight(pilot, found, lambda option: isinstance(option, QuoteOption))
        await pilot.press("e", "x")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("corrections.yaml:2" in m and "fix it first" in m for m in messages)
        assert (store / CORRECTIONS_FILE).read_text(encoding="utf-8") == bad


@pilot_test
async def test_the_palette_jumps_to_any_actor_of_the_archive(tmp_path):
    from snapshot_apps.harness import copy_store

    store = copy_store(tmp_path)
    app = build_app(store, tmp_path / "state.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        here = {actor.name for actor in app.reading.archive.analysis(app.reading.pane.article.id).actors}
        elsewhere = sorted(set(index_actors(app)) - here)
        assert elsewhere
        target = elsewhere[0]
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*("jump " + target))
        from textual.command import CommandList

        listing = app.screen.query_one(CommandList)
        await wait_for(
            pilot,
            lambda: any(target in str(o.prompt) for o in listing.options),
            what="the palette offering the actor",
        )
        await pilot.press("enter")
        await settle(pilot)
        assert app.reading.search is not None and target in app.reading.search.text


HAND_EDITS = {
    "actors.yaml": HAND_WRITTEN + "Corrections:\n  Karl Eide: {name: Karl Eidsvik}\n",
    CORRECTIONS_FILE: "actors:\n  Karl Eide: {name: Karl Eidsvik}\n",  # as the app wrote them before
}


@pytest.mark.parametrize("edited", list(HAND_EDITS))
@pilot_test
async def test_a_hand_edit_of_the_corrections_shows_while_the_app_runs(store, tmp_path, edited):
    app = build_app(store, tmp_path / "state.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await open_panel(pilot)
        assert "Karl Eide" in panel_actors(app)
        (store / edited).write_text(HAND_EDITS[edited], encoding="utf-8")
        await corrected(pilot, lambda: "Karl Eidsvik" in panel_actors(app), "the panel showing the new name")
        await corrected(pilot, lambda: "Karl Eidsvik" in index_actors(app), "the index holding the new name")


@pilot_test
async def test_a_hand_edit_of_the_corrections_file_shows_in_the_open_actors_view(store, tmp_path):
    from waiting import wait_for

    app = build_app(store, tmp_path / "state.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        screen = app.screen
        assert isinstance(screen, ActorsScreen)
        await wait_for(pilot, lambda: "Karl Eide" in {a.name for a in screen._actors}, what="the actors listed")
        (store / "actors.yaml").write_text(HAND_EDITS["actors.yaml"], encoding="utf-8")
        await wait_for(pilot, lambda: "Karl Eidsvik" in index_actors(app), what="the index has the hand edit")
        await wait_for(
            pilot, lambda: "Karl Eidsvik" in {a.name for a in screen._shown}, what="the open actors view shows it"
        )
        assert app.screen is screen


@pilot_test
async def test_the_speaker_picker_prefers_a_known_name_and_offers_the_typed_one(store, tmp_path):
    app = build_app(store, tmp_path / "state.yaml")
    async with app.run_test(size=SIZE) as pilot:
        found = await open_panel(pilot)
        await highlight(pilot, found, lambda option: isinstance(option, QuoteOption) and option.quote.speaker == "Petra Haugen")
        await pilot.press("e", "s", *"kar")
        await pilot.pause()
        picker = app.screen
        assert picker._shown[:2] == ["kar", "Karl Eide"]
        assert picker.query_one("#picker-list", OptionList).highlighted == 1
        await pilot.press("up", "escape")
        assert app.screen is app.reading
        assert not (store / CORRECTIONS_FILE).exists() and not (store / "actors.yaml").exists()


@pilot_test
async def test_a_name_that_looks_like_markup_is_shown_and_written_as_it_is(store, tmp_path):
    odd = "[b]Karl[/b] $name [link=x]E[/link]"
    article = next(store.glob("*.txt"))
    article.write_text(article.read_text(encoding="utf-8").replace("Karl Eide", odd), encoding="utf-8")
    from snapshot_apps import analysis

    analysis.ACTORS[odd] = "person"
    try:
        app = build_app(store, tmp_path / "state.yaml")
        async with app.run_test(size=SIZE) as pilot:
            found = await open_panel(pilot)
            await highlight(pilot, found, is_actor(odd))
            await pilot.press("e")
            question = str(app.screen.query_one("#choice-menu Static").render())
            assert odd in question
            await pilot.press("r")
            prompt = app.screen
            assert isinstance(prompt, NamePrompt)
            assert odd in str(prompt.query_one("#name-prompt Static").render())
            prompt.query_one(Input).value = odd + " Jr"
            await pilot.press("enter")
            await corrected(pilot, lambda: odd + " Jr" in panel_actors(app), "the panel showing the new name")
            assert load_corrections(store)[0].names[odd].name == odd + " Jr"
    finally:
        del analysis.ACTORS[odd]


@pilot_test
async def test_the_correction_menu_takes_arrows_and_enter_and_esc_cancels(store, tmp_path):
    app = build_app(store, tmp_path / "state.yaml")
    async with app.run_test(size=SIZE) as pilot:
        found = await open_panel(pilot)
        await highlight(pilot, found, is_actor("Karl Eide"))
        await pilot.press("e", "down", "down", "enter")  # the third choice: kind
        menu = app.screen
        assert isinstance(menu, ChoiceMenu) and menu._title == "Change kind"
        await pilot.press("escape")
        assert app.screen is app.reading and app.focused is found
        assert not (store / CORRECTIONS_FILE).exists() and not (store / "actors.yaml").exists()


@pilot_test
async def test_the_picker_lists_names_with_a_word_starting_as_typed_first(store, tmp_path):
    # "ford" is inside "Bradford Council", the most quoted, which Enter took: merging Ford
    # into Ford Motor Company by typing its name merged it into Bradford Council.
    app = build_app(store, tmp_path / "state.yaml")
    picked: list[str | None] = []
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        names = ["Bradford Council", "Oxford", "Ford Motor Company", "Harrison Ford"]
        app.push_screen(ActorPicker("Merge actor", "Merge Ford into", names), picked.append)
        await wait_for(pilot, lambda: isinstance(app.screen, ActorPicker), what="the picker open")
        await pilot.press(*"ford")
        await wait_for(pilot, lambda: app.screen._shown and len(app.screen._shown) == 4, what="the names narrowed")
        assert app.screen._shown == ["Ford Motor Company", "Harrison Ford", "Bradford Council", "Oxford"]
        await pilot.press("enter")
        await wait_for(pilot, lambda: picked, what="a name picked")
    assert picked == ["Ford Motor Company"]
