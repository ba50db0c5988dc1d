"""What each feed's server said last time (ETag, Last-Modified), for conditional GETs.

Kept in the cache folder (`feeds/validators.json`): losing it costs one full download
per feed, nothing else. Keyed by store and feed URL, so two stores never share it.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

from reader.atomic import write_atomic


class Validators:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            data = {}
        self._data: dict[str, dict[str, str]] = data if isinstance(data, dict) else {}

    @staticmethod
    def key(store: Path, url: str) -> str:
        return f"{store.resolve()}\n{url}"

    def get(self, key: str) -> tuple[str | None, str | None]:
        with self._lock:
            value = self._data.get(key)
        if not isinstance(value, dict):
            return None, None
        etag, modified = value.get("etag"), value.get("last_modified")
        return (etag if isinstance(etag, str) else None), (modified if isinstance(modified, str) else None)

    def remember(self, key: str, etag: str | None, last_modified: str | None) -> None:
        with self._lock:
            if etag or last_modified:
                self._data[key] = {k: v for k, v in (("etag", etag), ("last_modified", last_modified)) if v}
            else:
                self._data.pop(key, None)

    def save(self) -> None:
        with self._lock:
            text = json.dumps(self._data, indent=1, sort_keys=True)
        write_atomic(self.path, text.encode("utf-8"))


def default_path() -> Path:
    from reader.paths import cache_dir

    return cache_dir() / "feeds" / "validators.json"
