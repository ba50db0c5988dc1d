"""The terminal app on a hostile store: what the widgets render holds no control,
bidi or invisible character, and markup-looking text is shown as written."""

from __future__ import annotations

from pathlib import Path

from textual.content import Content
from textual.widgets import Static

from reader.config import Config
from reader.state import ReadingState
from reader.store import safe_name
from reader.ui.launch import make_app
from reader.ui.widgets.article_body import ArticleBody

from hostile_fixtures import (
    BROKEN_FILE_NAME,
    BYLINE,
    DATELINE,
    MARKUP,
    MARKUP_FILE_NAME,
    MARKUP_TEXT,
    SOURCE,
    TITLE,
    forbidden_in,
    write_hostile_store,
    yaml_quoted,
)
from snapshot_apps.analysis import fixture_analyser
from snapshot_apps.harness import palette_offers, pilot_test
from waiting import settle, wait_for

SIZE = (160, 45)


def build(tmp_path: Path, store: Path | None = None, state_text: str | None = None, analyser=None):
    """The real app (real analyser unless given one) on the hostile store."""
    state_file = tmp_path / "state" / "state.yaml"
    if state_text is not None:
        state_file.parent.mkdir(parents=True, exist_ok=True)
        state_file.write_text(state_text, encoding="utf-8")
    store = store or write_hostile_store(tmp_path / "store")
    app = make_app(store, state=ReadingState(state_file), config=Config(), analyser=analyser)
    app.reading.read_after = 3600.0
    return app


def screen_text(app) -> str:
    """The screen as the terminal would get it, one line per row."""
    lines = []
    for strip in app.screen._compositor.render_strips():
        for segment in strip:
            assert segment.control is None, segment
        lines.append("".join(segment.text for segment in strip))
    return "\n".join(lines)


def assert_safe(text: str, where: str) -> None:
    found = forbidden_in(text)
    assert not found, f"{where} holds {found}"


def pane_text(app) -> dict[str, str]:
    pane = app.reading.pane
    return {
        "title": pane.query_one("#article-title", Static).render().plain,
        "facts": pane.query_one("#article-facts", Static).render().plain,
        "body": pane.query_one(ArticleBody).content.plain,
    }


@pilot_test
async def test_every_article_renders_clean_in_sidebar_and_pane(tmp_path):
    app = build(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        articles = list(app.reading.article_list.articles)
        assert len(articles) == 6
        for ordinal, article in enumerate(articles):
            app.reading.article_list.move_cursor(ordinal)
            await settle(pilot)
            assert app.reading.pane.article.id == article.id
            for name, text in pane_text(app).items():
                assert_safe(text, f"pane {name} of {article.id}")
            assert_safe(screen_text(app), f"screen showing {article.id}")
        app.reading.article_list.move_cursor(app.reading.article_list.ordinal_of("escaped.yaml"))
        await settle(pilot)
        shown = pane_text(app)
        assert shown["title"] == f"{TITLE} {TITLE}"
        assert f"{DATELINE} {DATELINE}" in shown["facts"] and f"{SOURCE} {SOURCE}" in shown["facts"]
        assert f"{BYLINE} {BYLINE}" in shown["facts"]
        assert "Kim Jong Un said" in shown["body"] and "never give up" in shown["body"]
        assert f"{TITLE} {TITLE}" in screen_text(app)  # the sidebar row


@pilot_test
async def test_the_who_said_what_panel_and_help_render_clean(tmp_path):
    app = build(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.reading.article_list.move_cursor(app.reading.article_list.ordinal_of("escaped.yaml"))
        await settle(pilot)
        await pilot.press("w")  # the who-said-what panel, where the app has one
        await settle(pilot)
        text = screen_text(app)
        assert_safe(text, "screen with the who-said-what panel")
        assert "Kim Jong Un" in text


@pilot_test
async def test_markup_in_fields_and_file_names_shows_literally(tmp_path):
    app = build(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.reading.article_list.move_cursor(app.reading.article_list.ordinal_of("markup.yaml"))
        await settle(pilot)
        shown = pane_text(app)
        assert shown["title"] == MARKUP_TEXT
        assert "[b]Wire[/b]" in shown["facts"]
        assert shown["body"] == f"Markup {MARKUP_TEXT} stays literal."
        text = screen_text(app)
        assert "[bold red]x[/] [link=https://evil.example]click" in text  # sidebar row
        assert "[b]Wire[/b]" in text
        # A title with markup is never a link or an action.
        title = app.reading.pane.query_one("#article-title", Static).render()
        assert isinstance(title, Content) and not any(span.style for span in title.spans if "link" in str(span.style) or "@click" in str(span.style))
        markup_file = safe_name(MARKUP_FILE_NAME)
        app.reading.article_list.move_cursor(app.reading.article_list.ordinal_of(markup_file))
        await settle(pilot)
        assert pane_text(app)["body"].startswith(MARKUP[0])
        assert app.is_running  # no [@click=app.quit] was acted on


@pilot_test
async def test_problems_screen_names_hostile_files_visibly(tmp_path):
    app = build(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "1 file could not be read" in text
        await pilot.press("exclamation_mark")
        await settle(pilot)
        text = screen_text(app)
        assert_safe(text, "problems screen")
        assert safe_name(BROKEN_FILE_NAME)[:40] in text.replace("\n", "")
        assert "refused YAML tag" in text


@pilot_test
async def test_filtering_for_markup_and_controls_is_literal(tmp_path):
    app = build(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"[bold")
        await settle(pilot)
        assert {article.id for article in app.reading.article_list.articles} == {
            "markup.yaml",
            safe_name(MARKUP_FILE_NAME),
        }
        assert_safe(screen_text(app), "screen while filtering")


@pilot_test
async def test_command_palette_shows_titles_literally(tmp_path):
    app = build(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await wait_for(
            pilot,
            lambda: "[bold red]x[/] [link=https://evil.example]click" in screen_text(app),
            what="the palette listing the markup title",
        )
        await pilot.press(*"bold red")
        await wait_for(pilot, lambda: palette_offers(app, "[bold red]x[/]"), what="the palette offering the markup title")
        text = screen_text(app)
        assert_safe(text, "command palette")
        assert "[bold red]x[/]" in text
        await pilot.press("enter")
        await settle(pilot)
        assert pane_text(app)["title"].startswith("[bold red]x[/]")


@pilot_test
async def test_command_palette_hits_for_hostile_titles_are_clean(tmp_path):
    store = write_hostile_store(tmp_path / "store")
    app = build(tmp_path, store=store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"hostile headline")
        await wait_for(pilot, lambda: palette_offers(app, "hostile headline"), what="the palette offering the hostile title")
        text = screen_text(app)
        assert_safe(text, "command palette")
        assert f"{TITLE} {TITLE}" in text


def _toasts(app) -> list[str]:
    # By type name: Textual's Toast class lives in a private module.
    return [toast.render().plain for toast in app.screen.query("Toast")]


@pilot_test
async def test_notifications_show_text_from_files_literally(tmp_path):
    theme = MARKUP_TEXT
    app = build(tmp_path, state_text=f"theme: {yaml_quoted(theme)}\n")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await wait_for(pilot, lambda: MARKUP_TEXT in " ".join(_toasts(app)), what="the theme named in a notification")
        toasts = " ".join(_toasts(app))
        assert MARKUP_TEXT in toasts
        assert app.is_running


@pilot_test
async def test_notifications_never_carry_controls(tmp_path):
    """A theme name full of controls (from the state file) is named in a warning; repr escapes them."""
    app = build(tmp_path, state_text=f"theme: {yaml_quoted('evil' + chr(0x1b) + ']2;pwn' + chr(7) + chr(0x202e))}\n")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await wait_for(pilot, lambda: any("Unknown theme" in toast for toast in _toasts(app)), what="the unknown theme notification")
        toasts = _toasts(app)
        assert any("Unknown theme" in toast for toast in toasts)
        for toast in toasts:
            assert_safe(toast, "notification")


@pilot_test
async def test_a_one_megabyte_line_and_a_long_article_render_and_scroll(tmp_path):
    store = tmp_path / "store"
    store.mkdir()
    sentence = 'The minister said "we will act" in Seoul today. '
    (store / "2024-02-01-one-line.txt").write_text(sentence * 21000 + "\n", encoding="utf-8")  # ~1 MB, one line
    (store / "2024-02-02-long.txt").write_text("\n\n".join([sentence * 20] * 300) + "\n", encoding="utf-8")
    # The fixture analyser still marks 21,000 quotes on the one line; the real one took
    # 90 s here on a loaded 2-core machine (its speed on worst cases: test_safety_analysis).
    app = build(tmp_path, store=store, analyser=fixture_analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for ordinal in range(2):
            app.reading.article_list.move_cursor(ordinal)
            await settle(pilot)
            assert app.reading.pane.analysis.quotes  # drawn with its marks
            await pilot.press("enter", "space", "space", "space")
            await settle(pilot)
            assert app.reading.pane.scroll_y > 0
            assert len(pane_text(app)["body"]) == len(app.reading.pane.article.body)
            await pilot.press("escape")


@pilot_test
async def test_a_hostile_store_folder_name_is_shown_escaped(tmp_path):
    store = tmp_path / "evil\x1b]2;pwn\x07\u202e"
    store.mkdir()
    app = build(tmp_path, store=store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "No articles in" in text
        assert_safe(text, "screen for an empty store")
