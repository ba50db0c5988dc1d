"""Shared test setup: no test ever reads or writes a developer's own files."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Config, state and cache folders in a fresh temp folder; no store from the environment."""
    base = tmp_path_factory.mktemp("user-dirs")
    for kind in ("config", "state", "cache"):
        monkeypatch.setenv(f"NEWSREADER_{kind.upper()}_DIR", str(base / kind))
    monkeypatch.delenv("NEWSREADER_STORE", raising=False)
    return base


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """A copy of the UI tests' fixture store (modules with a store of their own override this)."""
    from snapshot_apps.harness import copy_store  # imports the app: only for the tests that ask

    return copy_store(tmp_path)


@pytest.fixture
def state_file(tmp_path: Path) -> Path:
    return tmp_path / "state" / "state.yaml"


class StoreWatch:
    """The batches of changes the app's store watch has delivered, a quiet tick (every
    half second with no change) included: a test waits on them instead of guessing how
    long the watch takes to start or to notice a file."""

    def __init__(self) -> None:
        self.batches: list[frozenset[str]] = []

    @property
    def started(self) -> bool:
        """The watch is live: it has delivered a batch, so a change from now on is seen."""
        return bool(self.batches)

    def count(self) -> int:
        return len(self.batches)


@pytest.fixture
def store_watch(monkeypatch: pytest.MonkeyPatch) -> StoreWatch:
    """Records what `reader.archive.follow.store_events` yields to the app's archive.

    A batch is yielded only when the one before it has been handled (synced, the
    list posted), so `watch.count() > n` means batch n has been followed through."""
    from reader.archive import follow

    watch = StoreWatch()
    real_store_events = follow.store_events

    def recorded(root, stop):
        for event in real_store_events(root, stop):
            watch.batches.append(getattr(event, "paths", frozenset()))
            yield event

    monkeypatch.setattr(follow, "store_events", recorded)
    return watch


@pytest.fixture(scope="session")
def analyse_once():
    """`reader.analysis.analyze`, each text analysed once a session: the eval tests score the
    same shared documents (PolNeAR dev three times, the out-of-domain set twice). Analyses
    are frozen dataclasses, so sharing them is safe."""
    from functools import lru_cache

    from reader.analysis import analyze

    return lru_cache(maxsize=None)(analyze)


@pytest.fixture(autouse=True)
def frozen_heap():
    """After each test its garbage is collected and what outlives it is frozen (`gc.freeze`).

    A full collection walks every object not frozen: in a test process, everything imported
    and everything earlier tests left alive (caches, modules, analyses), and full collections
    during UI tests took a third of their CPU time (0.23 s each, 1-4 a test). Frozen, that is
    walked no more, only what the running test made: test_ui_app.py and test_ui_corrections.py
    33 -> 22 s CPU, the suite 263 -> 175 s. The app under test is the same; only what the
    collector walks differs. (tests/app/test_ui_launch.py, which looks at the collector's own
    state, starts its tests with nothing frozen.)"""
    yield
    gc.collect()
    gc.freeze()
