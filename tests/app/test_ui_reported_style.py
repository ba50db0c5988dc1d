"""Reported speech is drawn faint, apart from direct quotes by more than colour, and a
direct quote inside it is not faint."""

from __future__ import annotations

import pytest

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
        assert reported.dim is True and reported.italic is True
        assert statement.dim is False  # so a quoted fragment drawn over reported speech is not faint
