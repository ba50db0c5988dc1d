"""Reported speech is drawn faint, apart from direct quotes by more than colour, and a
direct quote inside it is not faint."""

from __future__ import annotations

import pytest
from textual.color import Color
from textual.constants import DIM_FACTOR

from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.reading_pane import ReadingPane
from reader.present.citation import excerpt
from reader.ui.widgets.who_said_what import EXCERPT_CHARACTERS, QuoteOption
from snapshot_apps.harness import FIXTURE_STORE, REPORTED_STORE, build_app, pilot_test
from waiting import settle


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pilot_test
async def test_reported_speech_is_dim_and_a_statement_is_not(tmp_path, theme):
    app = build_app(FIXTURE_STORE, tmp_path / "state.yaml", theme=theme)
    async with app.run_test(size=(100, 30)):
        pane = app.query_one(ReadingPane)
        reported = pane._span_style("reading-pane--reported")
        statement = pane._span_style("reading-pane--statement")
        assert reported.italic is True
        assert statement.dim is False  # so a quoted fragment drawn over reported speech is not faint
        background = pane.background_colors[1]
        # Faint: further from the text's colour than the body, and not the statement's colour.
        assert shown_color(reported, background) != shown_color(statement, background)
        text = Color.parse(app.get_css_variables()["foreground"])
        assert contrast(shown_color(reported, background), background) < contrast(text, background)
        # Yet readable: on a light theme the dim green once fell to a contrast of about 2.
        assert contrast(shown_color(reported, background), background) >= 4.5


def shown_color(style, background: Color) -> Color:
    """The colour the terminal shows for a span style: its alpha and `dim` (Textual blends a
    dim colour towards the background, keeping DIM_FACTOR of it) applied."""
    color = background.blend(style.foreground.with_alpha(1.0), style.foreground.a)
    return background.blend(color, DIM_FACTOR) if style.dim else color


def contrast(one: Color, other: Color) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""

    def luminance(color: Color) -> float:
        def channel(value: int) -> float:
            value_01 = value / 255
            return value_01 / 12.92 if value_01 <= 0.03928 else ((value_01 + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)

    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("theme", ["textual-light", "atom-one-light"])
@pilot_test
async def test_reported_speech_in_the_panel_is_faint_yet_readable_on_a_light_theme(tmp_path, theme):
    app = build_app(REPORTED_STORE, tmp_path / "state.yaml", theme=theme)
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        panel = app.query_one(ArticleView).panel
        shown = "\n".join(panel.render_line(y).text for y in range(panel.size.height))
        reported = [
            option for option in panel.options
            if isinstance(option, QuoteOption) and option.quote.kind == "reported" and reported_words(option) in shown
        ]
        panel.highlighted = panel.options.index(reported[0])
        await pilot.pause()
        under_cursor, plain = (panel_contrasts(panel, reported_words(option)) for option in reported[:2])
        # Dim lost contrast on a light background (textual-light 4.4, atom-one-light 3.5 and
        # 2.3 under the cursor): the row's own text at 80% is fainter than the name, not that faint.
        minimum = 6.0 if theme == "textual-light" else 3.0
        for words, name in (plain, under_cursor):
            assert minimum <= words < name


def reported_words(option: QuoteOption) -> str:
    return excerpt(option.quote, EXCERPT_CHARACTERS)[:12]


def panel_contrasts(panel, words: str) -> tuple[float, float]:
    """(the reported words', the speaker's) contrast with their background, in the panel's row
    showing `words`, as the terminal shows them."""
    for y in range(panel.size.height):
        segments = [segment for segment in panel.render_line(y) if segment.style is not None]
        if any(words in segment.text for segment in segments):
            found = {}
            for segment in segments:
                style = segment.style
                shown = Color.from_rich_color(style.color)
                background = Color.from_rich_color(style.bgcolor)
                if style.dim:
                    shown = background.blend(shown, DIM_FACTOR)
                key = "words" if words in segment.text else "name" if style.bold else None
                if key and key not in found:
                    found[key] = contrast(shown, background)
            return found["words"], found["name"]
    raise AssertionError(f"no row shows {words!r}")
