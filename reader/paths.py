"""Every path the program owns, in one place, each overridable by environment."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "newsreader"


def _override(env: str) -> Path | None:
    value = os.environ.get(env)
    return Path(value).expanduser() if value else None


def config_dir() -> Path:
    from platformdirs import user_config_path

    return _override("NEWSREADER_CONFIG_DIR") or user_config_path(APP_NAME)


def state_dir() -> Path:
    from platformdirs import user_state_path

    return _override("NEWSREADER_STATE_DIR") or user_state_path(APP_NAME)


def cache_dir() -> Path:
    from platformdirs import user_cache_path

    return _override("NEWSREADER_CACHE_DIR") or user_cache_path(APP_NAME)


def config_file() -> Path:
    return config_dir() / "config.yaml"


def state_file() -> Path:
    return state_dir() / "state.yaml"


def bundled_store() -> Path:
    """The sample store: inside the installed package, or ./articles in a checkout."""
    package = Path(__file__).resolve().parent
    installed = package / "_articles"
    if installed.is_dir():
        return installed
    return package.parent / "articles"
