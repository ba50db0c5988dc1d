"""Shared test setup: no test ever reads or writes a developer's own files."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Config, state and cache folders in a fresh temp folder; no store from the environment."""
    base = tmp_path_factory.mktemp("user-dirs")
    for kind in ("config", "state", "cache"):
        monkeypatch.setenv(f"NEWSREADER_{kind.upper()}_DIR", str(base / kind))
    monkeypatch.delenv("NEWSREADER_STORE", raising=False)
    return base
