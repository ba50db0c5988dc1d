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


async def settle(pilot) -> None:
    """Let the archive finish indexing and the search and analysis workers finish and
    their messages land. The archive worker itself runs on (it follows the store)."""
    app = pilot.app
    for _ in range(400):
        busy = [worker for worker in app.workers if not worker.is_finished and worker.group != "archive"]
        if busy:
            await app.workers.wait_for_complete(busy)
        await pilot.pause()
        if app.reading.archive_idle and all(
            worker.is_finished for worker in app.workers if worker.group != "archive"
        ):
            await pilot.pause()
            return
        await pilot.pause(0.01)


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


async def wait_until(pilot, condition, seconds: float) -> bool:
    """Whether `condition()` holds within `seconds` (polled while the app runs)."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            return True
        await pilot.pause(0.05)
    return condition()


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
