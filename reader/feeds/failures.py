"""Which feeds failed at their last fetch, and why, kept in the cache folder
(`feeds/failures.json`) so that the app lists a feed that failed — in the app or in
`newsreader fetch` — until a fetch of it succeeds again, across runs.

Keyed by store and feed URL, as the validators are: a feed given a new URL starts clean.
Losing the file loses only the list; a failure to write it is ignored.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from reader.atomic import write_atomic
from reader.file_lock import exclusive_lock

if TYPE_CHECKING:
    from reader.feeds.run import FeedResult

MAX_BYTES = 1_000_000
MAX_REASON = 300


def default_path() -> Path:
    from reader.paths import cache_dir

    return cache_dir() / "feeds" / "failures.json"


def _key(store: Path, url: str) -> str:
    return f"{Path(store).resolve()}\n{url}"


def _read(path: Path) -> dict[str, str]:
    try:
        with open(path, "rb") as file:
            data = json.loads(file.read(MAX_BYTES + 1)[:MAX_BYTES])
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {key: value[:MAX_REASON] for key, value in data.items() if isinstance(key, str) and isinstance(value, str)}


def last_failures(store: Path, urls: Iterable[str], path: Path | None = None) -> dict[str, str]:
    """url -> why its last fetch into `store` failed, for the `urls` that did."""
    data = _read(path or default_path())
    found = {url: data.get(_key(store, url)) for url in urls}
    return {url: reason for url, reason in found.items() if reason}


def record_failures(store: Path, results: Iterable[FeedResult], path: Path | None = None) -> None:
    """Remember the feeds that failed in this run and forget the ones that succeeded
    (a cancelled feed leaves its entry as it was)."""
    path = path or default_path()
    results = list(results)
    try:
        with exclusive_lock(path, what="feed failures"):
            data = _read(path)
            for result in results:
                key = _key(store, result.url)
                if result.failed:
                    data[key] = (result.error or "failed")[:MAX_REASON]
                elif result.status in ("ok", "not modified"):
                    data.pop(key, None)
            write_atomic(path, json.dumps(data, indent=1, sort_keys=True).encode("utf-8"))
    except OSError:
        pass  # only costs the list of failures
