"""Which folder is the store: --store, $NEWSREADER_STORE, the config file, the sample."""

from __future__ import annotations

import os
from pathlib import Path

from reader.errors import UserError
from reader.paths import bundled_store, config_file
from reader.store.names import safe_name


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
    value = _config_value()
    if not isinstance(value, str) or not value.strip():
        return None
    path = Path(value.strip()).expanduser()
    return path if path.is_absolute() else config_file().parent / path


def _config_value() -> object:
    try:
        from reader.config import load_config  # written alongside; may not exist yet
    except ImportError:
        return _read_config_store_key()
    config = load_config()
    if isinstance(config, dict):
        return config.get("store")
    return getattr(config, "store", None)


def _read_config_store_key() -> object:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(config_file().read_text(encoding="utf-8"), Loader=loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None  # the config module reports a broken config file
    return data.get("store") if isinstance(data, dict) else None


def _checked(path: Path, origin: str) -> Path:
    shown = safe_name(str(path))
    if not path.exists():
        raise UserError(f"store folder not found: {shown} (from {origin})")
    if not path.is_dir():
        raise UserError(f"store is a file, not a folder: {shown} (from {origin})")
    return path
