"""Shared test setup: no test ever reads or writes a developer's own files."""

from __future__ import annotations

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
