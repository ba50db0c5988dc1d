"""The store's corrections as they are on disk now: read again only when one of their files changed."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Callable

from reader.corrections.actors_section import actors_path
from reader.corrections.file import corrections_path
from reader.corrections.model import Corrections
from reader.corrections.storage import load_corrections, save_corrections
from reader.model import Problem


class CurrentCorrections:
    def __init__(self, store_root: Path) -> None:
        self.store_root = Path(store_root)
        # Stat'ed on every read: built once.
        self._paths = (str(actors_path(self.store_root)), str(corrections_path(self.store_root)))
        self._lock = threading.Lock()
        self._stamp: tuple[tuple[int, int, int] | None, ...] | None = None
        self._corrections = Corrections()
        self._problems: list[Problem] = []

    def get(self) -> Corrections:
        """The corrections (two stats per call: cheap beside reading an analysis)."""
        stamp = tuple(_stamp(path) for path in self._paths)
        with self._lock:
            if stamp != self._stamp:
                self._corrections, self._problems = load_corrections(self.store_root) if any(stamp) else (Corrections(), [])
                self._stamp = stamp
            return self._corrections

    def problems(self) -> list[Problem]:
        self.get()
        return list(self._problems)

    def save(self, edit: Callable[[Corrections], Corrections]) -> Corrections:
        """Change the files (see `save_corrections`); CorrectionsError when they cannot be."""
        saved = save_corrections(self.store_root, edit)
        with self._lock:
            self._stamp = None  # read again: another process may write in the same tick
        return saved


def _stamp(path: str) -> tuple[int, int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size, stat.st_ino
