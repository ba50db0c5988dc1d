"""The user's settings: `config.yaml` in `reader.paths.config_dir()`.

Every key is optional; a missing file means all defaults:

    store: ~/news/archive      # folder of articles, used when neither --store nor
                               # $NEWSREADER_STORE is given; ~ is expanded and a relative
                               # path is taken from this file's folder
    theme: nord                # a Textual theme name
    keymap:                    # binding id -> keys, comma-separated, or a list of keys
      next_article: j,down
      quit: [q, ctrl+q]
    max_file_bytes: 8000000    # article files bigger than this are reported, not read
    follow_outside_links: false  # read symlinks that lead out of the store folder
    saved_searches:            # name -> query; the app rewrites only this key
      korea: Kim Jong Un       # in every store
      council:                 # only in the stores named (a path or a list of paths)
        query: source:council
        stores: ~/news/local
    sidebar_width: 48          # columns for the list (the app's < and > change it for you)
    feeds:                     # name -> URL or settings; checked by reader.feeds.settings
      tidewater: https://example.org/feed.xml
    fetch_every: 30m           # while the app runs, fetch the feeds this often (s, m, h, d;
                               # at least a minute); unset: only when asked (R, `fetch`)

A setting with a wrong type (or an unknown name) is ignored with a warning and the rest
still applies. A file that is not a YAML mapping at all (bad syntax, a list, binary
garbage) is moved aside to `config.yaml.corrupt-<timestamp>` with a warning.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from reader import paths
from reader.atomic import move_aside, write_atomic
from reader.errors import UserError
from reader.file_lock import exclusive_lock
from reader.regular_file import read_regular_file
from reader.text import clean_line
from reader.yaml_safe import dump_yaml, load_mapping

DEFAULT_MAX_FILE_BYTES = 8_000_000
MAX_CONFIG_BYTES = 1_000_000  # a config file is a few lines; a larger one is not read

# Several callers load the config at start-up (store resolution, the app); the one that
# finds a corrupt file moves it away, so the warning is repeated to the later ones.
_moved_aside: dict[Path, str] = {}


class ConfigSaveError(Exception):
    """The config file could not be updated; the message is one line for the user."""


@dataclass(frozen=True)
class Config:
    store: Path | None = None
    theme: str | None = None
    keymap: dict[str, str] = field(default_factory=dict)
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    saved_searches: dict[str, str] = field(default_factory=dict)
    follow_outside_links: bool = False
    feeds: dict[str, Any] = field(default_factory=dict)
    fetch_every: int | None = None  # seconds
    sidebar_width: int | None = None
    # The stores a saved search is kept to (by name); a search not named here is in every store.
    saved_search_stores: dict[str, tuple[Path, ...]] = field(default_factory=dict)

    def saved_searches_for(self, store: Path) -> dict[str, str]:
        """The saved searches the app shows for `store`."""
        return searches_in_store(self.saved_searches, self.saved_search_stores, store)


def searches_in_store(
    searches: dict[str, str], stores: dict[str, tuple[Path, ...]], store: Path
) -> dict[str, str]:
    here = _same_place(store)
    return {
        name: query
        for name, query in searches.items()
        if name not in stores or any(_same_place(path) == here for path in stores[name])
    }


def _same_place(path: Path) -> Path:
    try:
        return Path(path).expanduser().resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(Path(path).expanduser()))


def load_config(path: Path | None = None) -> tuple[Config, list[str]]:
    """The settings in `path` (default: the user's config file) and warnings about it."""
    path = Path(path) if path is not None else paths.config_file()
    warnings: list[str] = []
    _refuse_unless_regular(path)
    try:
        raw = load_mapping(read_regular_file(path, MAX_CONFIG_BYTES))
    except FileNotFoundError:
        return Config(), [_moved_aside[path]] if path in _moved_aside else []
    except OSError as error:
        warnings.append(f"cannot read config file {path}: {error.strerror or error}; using defaults")
        return Config(), warnings
    except ValueError as error:
        try:
            aside = move_aside(path)
            _moved_aside[path] = f"config file {path} was corrupt ({error}); moved aside to {aside}; using defaults"
            warnings.append(_moved_aside[path])
        except OSError as move_error:
            warnings.append(
                f"config file {path} is corrupt ({error}) and could not be moved aside "
                f"({move_error.strerror or move_error}); using defaults"
            )
        return Config(), warnings

    def warn(message: str) -> None:
        warnings.append(f"config file {path}: {message}")

    settings: dict[str, Any] = {}
    for key, value in raw.items():
        check = _CHECKS.get(key)
        if check is None:
            warn(f"unknown setting {key!r} ignored (known: {', '.join(_CHECKS)})")
            continue
        try:
            settings[key] = check(value, path.parent, warn)
        except ValueError as error:
            warn(f"{key!r} {error}; ignored")
    if "saved_searches" in settings:
        settings["saved_searches"], settings["saved_search_stores"] = settings["saved_searches"]
    return Config(**settings), warnings


def _refuse_unless_regular(path: Path) -> None:
    """A FIFO or a device called config.yaml would hang or flood the read: stop with one line."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # missing or unreadable: load_config says so
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):  # a folder cannot be read: load_config says so
        kind = "a FIFO" if stat.S_ISFIFO(mode) else "a device or socket"
        raise UserError(f"config file {path} is {kind}, not a file: remove it or put a YAML file there")


def save_saved_searches(searches: dict[str, str], path: Path | None = None) -> None:
    """Rewrite only `saved_searches` in the config file, atomically; comments elsewhere stay.

    Raises ConfigSaveError if the file cannot be read, is not a valid mapping (it is left
    alone for the user to fix), or cannot be written.
    """
    searches = {str(name): str(query) for name, query in searches.items()}
    save_setting("saved_searches", searches, path, doing="save searches")


def save_setting(key: str, value: Any, path: Path | None = None, *, doing: str = "save settings") -> None:
    """Rewrite only top-level `key` in the config file, atomically; comments elsewhere stay.
    Raises ConfigSaveError ("cannot <doing> to <path>: …") as `save_saved_searches` does."""
    path = Path(path) if path is not None else paths.config_file()
    try:
        with exclusive_lock(path):
            _write_setting(path, _read_for_rewrite(path), key, value)
    except (OSError, ValueError) as error:
        raise _save_error(path, error, doing) from error


def save_search(name: str, query: str, path: Path | None = None, *, store: Path | None = None) -> dict[str, str]:
    """Add (or replace) one saved search in the config file as it is now, so that searches
    saved by another instance or added by hand meanwhile stay; return them all (with
    `store`: those shown in that store).

    Raises ConfigSaveError as `save_saved_searches` does."""
    path = Path(path) if path is not None else paths.config_file()
    try:
        with exclusive_lock(path):
            data = _read_for_rewrite(path)
            found = load_mapping(data).get("saved_searches")
            # Entries kept to some stores (mappings) stay as they are; one replaced keeps its stores.
            entries: dict[str, Any] = {
                key: value
                for key, value in (found.items() if isinstance(found, dict) else ())
                if isinstance(key, str) and (isinstance(value, dict) or (isinstance(value, str) and value.strip()))
            }
            previous = entries.get(str(name))
            entries[str(name)] = {**previous, "query": str(query)} if isinstance(previous, dict) else str(query)
            _write_setting(path, data, "saved_searches", entries)
    except (OSError, ValueError) as error:
        raise _save_error(path, error, "save searches") from error
    searches, stores = _saved_searches(entries, path.parent, lambda message: None)
    return searches if store is None else searches_in_store(searches, stores, store)


def _read_for_rewrite(path: Path) -> bytes:
    try:
        return read_regular_file(path, MAX_CONFIG_BYTES)
    except FileNotFoundError:
        return b""


def _write_setting(path: Path, data: bytes, key: str, value: Any) -> None:
    wanted = {**load_mapping(data), key: value}
    text = data.decode("utf-8-sig")
    new_text = _replace_top_level_key(text, key, value)
    if not _means(new_text, wanted):
        new_text = dump_yaml(wanted)  # unusual layout: keep the data, lose the comments
    write_atomic(path, new_text.encode("utf-8"))


def _save_error(path: Path, error: BaseException, doing: str) -> ConfigSaveError:
    reason = getattr(error, "strerror", None) or str(error)
    return ConfigSaveError(f"cannot {doing} to {path}: {reason} (the file is unchanged)")


def _replace_top_level_key(text: str, key: str, value: Any) -> str:
    """`text` with the block of top-level `key:` swapped for `value` (or appended)."""
    block = dump_yaml({key: value})
    lines = text.splitlines(keepends=True)
    header = re.compile(rf"""["']?{re.escape(key)}["']?\s*:""")
    start = next((i for i, line in enumerate(lines) if header.match(line)), None)
    if start is None:
        return text + ("\n" if text and not text.endswith("\n") else "") + block
    end = start + 1
    while end < len(lines) and (lines[end][:1] in (" ", "\t") or not lines[end].strip()):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1  # blank lines after the block belong to what follows
    return "".join(lines[:start]) + block + "".join(lines[end:])


def _means(text: str, wanted: dict) -> bool:
    try:
        return load_mapping(text.encode("utf-8")) == wanted
    except ValueError:
        return False


# Each check turns a raw YAML value into the setting, or raises ValueError("must be …").
Warn = Callable[[str], None]


def _store(value: Any, folder: Path, warn: Warn) -> Path | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be a folder path")
    store = Path(value).expanduser()
    return store if store.is_absolute() else folder / store


def _theme(value: Any, folder: Path, warn: Warn) -> str | None:
    if value is None or (isinstance(value, str) and value.strip()):
        return value and value.strip()
    raise ValueError("must be a theme name")


def _max_file_bytes(value: Any, folder: Path, warn: Warn) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    raise ValueError("must be a whole number of bytes above 0")


def _follow_outside_links(value: Any, folder: Path, warn: Warn) -> bool:
    if isinstance(value, bool):
        return value
    raise ValueError("must be true or false")


MIN_SIDEBAR_WIDTH = 20
MAX_SIDEBAR_WIDTH = 200


def _sidebar_width(value: Any, folder: Path, warn: Warn) -> int | None:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and MIN_SIDEBAR_WIDTH <= value <= MAX_SIDEBAR_WIDTH:
        return value
    raise ValueError(f"must be a whole number of columns from {MIN_SIDEBAR_WIDTH} to {MAX_SIDEBAR_WIDTH}")


def _keymap(value: Any, folder: Path, warn: Warn) -> dict[str, str]:
    def keys(item: Any) -> str | None:
        if isinstance(item, list) and item and all(isinstance(k, str) and k.strip() for k in item):
            return ",".join(k.strip() for k in item)
        if isinstance(item, str) and item.strip():
            return ",".join(k.strip() for k in item.split(",") if k.strip())
        return None

    return _text_mapping(value, "keymap", keys, "keys (a string like 'j,down' or a list)", warn)


def _saved_searches(value: Any, folder: Path, warn: Warn) -> tuple[dict[str, str], dict[str, tuple[Path, ...]]]:
    """name -> query, and the stores of those kept to some: `name: {query: …, stores: PATH or [PATH, …]}`."""
    if value is None:
        return {}, {}
    if not isinstance(value, dict):
        raise ValueError("must be a mapping of names to queries")
    plain: dict[str, Any] = {}
    stores: dict[str, tuple[Path, ...]] = {}
    for name, item in value.items():
        if isinstance(item, dict) and isinstance(name, str):
            query, paths = item.get("query"), item.get("stores", item.get("store"))
            if not isinstance(query, str) or not query.strip():
                warn(f"saved_searches entry {name!r} must be a query string (or query: and stores:); ignored")
                continue
            unknown = sorted(str(key) for key in set(item) - {"query", "stores", "store"})
            if unknown:
                warn(f"saved_searches entry {name!r}: unknown key {unknown[0]!r} ignored (known: query, stores)")
            found = _store_paths(paths, folder)
            if found is None:
                warn(f"saved_searches entry {name!r}: stores must be a folder path or a list of them; ignored")
                continue
            if found and clean_line(name):
                stores[clean_line(name)] = found
            item = query
        plain[name] = item

    def query_text(item: Any) -> str | None:
        return item if isinstance(item, str) and item.strip() else None

    searches = _text_mapping(plain, "saved_searches", query_text, "a query string (or query: and stores:)", warn)
    return searches, {name: paths for name, paths in stores.items() if name in searches}


def _store_paths(value: Any, folder: Path) -> tuple[Path, ...] | None:
    """Folder paths as `store:` takes them (~ expanded, relative to the config's folder); None if not paths."""
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(item, str) and item.strip() for item in items):
        return None
    paths = (Path(item.strip()).expanduser() for item in items)
    return tuple(path if path.is_absolute() else folder / path for path in paths)


def _text_mapping(value: Any, key: str, convert, expected: str, warn: Warn) -> dict[str, str]:
    """A mapping name -> text; each bad entry is dropped with its own warning."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ValueError("must be a mapping of names to values")
    result = {}
    for name, item in value.items():
        converted = convert(item) if isinstance(name, str) else None
        # Names and values are shown in the sidebar, footer and help: no terminal controls.
        shown = clean_line(name) if isinstance(name, str) else ""
        if converted is not None and clean_line(converted) and shown:
            result[shown] = clean_line(converted)
        else:
            warn(f"{key} entry {name!r} must be {expected}; ignored")
    return result


def _feeds(value: Any, folder: Path, warn: Warn) -> dict[str, Any]:
    # Only the shape: the entries are checked by the feed commands, so that starting the
    # app never imports the feed modules.
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ValueError("must be a mapping of feed names to URLs or settings")
    return value


MIN_FETCH_EVERY = 60  # seconds: fetching a feed more often than this is not polite
_DURATION = re.compile(r"(\d+)\s*([smhd])")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(text: str) -> int:
    """`30m`, `2h`, `1h30m`, `90s`, `1d` -> seconds; ValueError for anything else."""
    compact = text.strip().lower()
    parts = _DURATION.findall(compact)
    if not compact or _DURATION.sub("", compact).strip():
        raise ValueError(text)
    return sum(int(number) * _UNIT_SECONDS[unit] for number, unit in parts)


def _fetch_every(value: Any, folder: Path, warn: Warn) -> int | None:
    if value is None:
        return None
    expected = "must be a duration like 30m, 2h or 1h30m (s, m, h or d; at least 1m)"
    if not isinstance(value, str):
        raise ValueError(expected + f", not {value!r}")
    try:
        seconds = parse_duration(value)
    except ValueError:
        raise ValueError(f"{expected}, not {clean_line(value)!r}") from None
    if seconds < MIN_FETCH_EVERY:
        raise ValueError(f"{expected}, not {clean_line(value)!r}")
    return seconds


_CHECKS = {
    "store": _store,
    "theme": _theme,
    "keymap": _keymap,
    "max_file_bytes": _max_file_bytes,
    "saved_searches": _saved_searches,
    "follow_outside_links": _follow_outside_links,
    "feeds": _feeds,
    "fetch_every": _fetch_every,
    "sidebar_width": _sidebar_width,
}
