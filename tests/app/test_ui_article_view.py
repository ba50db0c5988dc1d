"""The who-said-what panel is filled when it opens, for the article on screen then."""

from __future__ import annotations

from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.who_said_what import ActorOption

from snapshot_apps.analysis import fixture_analyser
from snapshot_apps.harness import build_app, copy_store, pilot_test
from waiting import settle


def panel_actor_names(app) -> list[str]:
    panel = app.query_one(ArticleView).panel
    return [option.actor.name for option in panel.options if isinstance(option, ActorOption)]


def expected_actor_names(app) -> list[str]:
    article = app.reading.pane.article
    assert article is not None
    return sorted(actor.name for actor in fixture_analyser(article).actors)


@pilot_test
async def test_articles_switched_while_the_panel_is_closed_show_in_it_when_it_opens(tmp_path):
    app = build_app(copy_store(tmp_path), tmp_path / "state.yaml")
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        first_names = expected_actor_names(app)
        assert sorted(panel_actor_names(app)) == first_names
        await pilot.press("w", "escape")  # closed; back to the list
        app.reading.article_list.focus()
        for _ in range(5):  # to an article with other actors
            await pilot.press("j")
            await settle(pilot)
            if expected_actor_names(app) != first_names:
                break
        assert expected_actor_names(app) != first_names
        await pilot.press("w")
        await settle(pilot)
        assert sorted(panel_actor_names(app)) == expected_actor_names(app)


@pilot_test
async def test_the_palette_lists_the_actors_of_the_article_on_screen_with_the_panel_closed(tmp_path):
    from reader.ui.who_said_what_commands import JUMP, WhoSaidWhatCommands

    app = build_app(copy_store(tmp_path), tmp_path / "state.yaml")
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        provider = WhoSaidWhatCommands(app.screen)
        names = sorted(name[len(JUMP):] for name, _, _ in provider._commands() if name.startswith(JUMP))
        assert names == expected_actor_names(app)


@pilot_test
async def test_y_with_an_actor_chosen_cites_that_actors_words(tmp_path, monkeypatch):
    from snapshot_apps.harness import PANEL_STORE
    from test_ui_who_said_what import open_panel_and_choose

    app = build_app(PANEL_STORE, tmp_path / "state.yaml")
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(pilot)
        await open_panel_and_choose(pilot, "Karl Eide")
        view = app.query_one(ArticleView)
        for _ in range(len(view.steps.spans)):
            await pilot.press("right_square_bracket", "y")
            await pilot.pause()
        assert len(copied) == len(view.steps.spans) >= 3
        assert all(" — Karl Eide," in text for text in copied), copied


@pilot_test
async def test_the_panel_is_open_again_after_a_restart_if_it_was_left_open(tmp_path):
    store = copy_store(tmp_path)
    state_file = tmp_path / "state.yaml"
    app = build_app(store, state_file)
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await pilot.pause()
        assert app.query_one(ArticleView).panel_open
    app = build_app(store, state_file)
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        assert view.panel_open and sorted(panel_actor_names(app)) == expected_actor_names(app)
        assert app.focused is app.reading.article_list  # the reader's place is the list, as before
        await pilot.press("w")  # closed, and remembered so
        await pilot.pause()
    app = build_app(store, state_file)
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(pilot)
        assert not app.query_one(ArticleView).panel_open
