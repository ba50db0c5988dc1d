"""Building the app for tests and snapshots: a copy of the fixture store, a state
file of its own, default config and a fixed analyser."""

from __future__ import annotations

import asyncio
import functools
import shutil
from pathlib import Path

from textual.notifications import Notification

from reader.config import Config
from reader.state import ReadingState
from reader.ui.app import NewsreaderApp
from reader.ui.launch import make_app

from waiting import settle  # noqa: F401  (tests import it from here too)

from .analysis import fixture_analyser

FIXTURE_STORE = Path(__file__).parent / "store"


def copy_store(tmp_path: Path) -> Path:
    store = tmp_path / "store"
    if not store.exists():
        shutil.copytree(FIXTURE_STORE, store)
    return store


def build_app(
    store: Path,
    state_file: Path,
    *,
    theme: str | None = None,
    config: Config | None = None,
    read_after: float = 3600.0,
) -> NewsreaderApp:
    """`read_after` is long by default so that no test depends on a timer."""
    app = make_app(
        store, theme=theme, state=ReadingState(state_file), config=config or Config(), analyser=fixture_analyser
    )
    app.reading.read_after = read_after
    return app


def pilot_test(scenario):
    """Run an async Pilot scenario as a plain test (no async pytest plugin needed)."""

    @functools.wraps(scenario)
    def test(*args, **kwargs):
        asyncio.run(scenario(*args, **kwargs))

    return test


PANEL_STORE = Path(__file__).parent / "panel_store"
REPORTED_STORE = Path(__file__).parent / "reported_store"


def ids(app) -> list[str]:
    """The ids of the articles the sidebar lists, in order."""
    return [article.id for article in app.reading.article_list.articles]


def record_notifications(app: NewsreaderApp) -> list[Notification]:
    """Every notification `app` is asked to show from now on (widgets' `notify`
    goes through the app's), kept after the toast has gone."""
    shown: list[Notification] = []
    notify = app.notify

    def recording(message: str, **options) -> None:  # noqa: ANN003
        shown.append(Notification(message, options.get("title", ""), options.get("severity", "information")))
        notify(message, **options)

    app.notify = recording  # type: ignore[method-assign]
    return shown


def palette_offers(app, text: str) -> bool:
    """The command palette is up, done searching, and the option Enter would pick holds `text`."""
    from textual.command import CommandList, CommandPalette

    palette = app.screen
    if not isinstance(palette, CommandPalette) or any(
        not worker.is_finished for worker in app.workers if worker.node is palette
    ):
        return False
    options = palette.query_one(CommandList)
    if options.highlighted is None:
        return False
    return text.lower() in str(options.get_option_at_index(options.highlighted).prompt).lower()
