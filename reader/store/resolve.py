"""Which folder is the store: --store, $NEWSREADER_STORE, the config file, the sample."""

from __future__ import annotations

import os
from pathlib import Path

from reader.errors import UserError
from reader.paths import bundled_store, config_file
from reader.text import safe_name


def resolve_store(cli_value: str | None) -> Path:
    """The store folder, or a UserError naming where the bad path came from."""
    if cli_value:
        return _checked(Path(cli_value).expanduser(), "--store")
    env = os.environ.get("NEWSREADER_STORE")
    if env:
        return _checked(Path(env).expanduser(), "NEWSREADER_STORE")
    configured = _configured_store()
    if configured is not None:
        return _checked(configured, f"the config file {config_file()}")
    return _checked(bundled_store(), "the bundled sample store")


def _configured_store() -> Path | None:
    from reader.config import load_config

    config, _warnings = load_config()  # the app and `check` report the warnings
    return config.store


def _checked(path: Path, origin: str) -> Path:
    shown = safe_name(str(path))
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        raise UserError(f"the store folder's path is not valid UTF-8: {shown} (from {origin}); rename it") from None
    if not path.exists():
        raise UserError(f"store folder not found: {shown} (from {origin})")
    if not path.is_dir():
        raise UserError(f"store is a file, not a folder: {shown} (from {origin})")
    return path
