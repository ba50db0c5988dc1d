"""Reported speech is drawn faint, apart from direct quotes by more than colour, and a
direct quote inside it is not faint."""

from __future__ import annotations

import pytest
from textual.color import Color
from textual.constants import DIM_FACTOR

from reader.ui.widgets.reading_pane import ReadingPane
from snapshot_apps.harness import FIXTURE_STORE, build_app, pilot_test


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
