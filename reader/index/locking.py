"""One process at a time brings an index up to date.

Two newsreader processes syncing the same index at once would both take a new file
for their own to add (one then fails on the other's row) and analyse every article
twice. `SyncLock` is an advisory lock (flock) on `<index>.lock`, beside the index and
never deleted (deleting lock files races). Readers never take it: SQLite's WAL lets
them read the last committed batch while another process writes.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

POLL_SECONDS = 0.05


class SyncLock:
    def __init__(self, index_path: Path) -> None:
        self.path = index_path.with_name(index_path.name + ".lock")
        self._fd: int | None = None

    def acquire(self, wait: float | None, cancel: threading.Event | None = None) -> bool:
        """Take the lock, waiting up to `wait` seconds (None: until `cancel` is set);
        False if another process still holds it (or `cancel` was set)."""
        try:
            import fcntl
        except ImportError:  # no advisory locks here (Windows): SQLite's own locking still applies
            return True
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        deadline = None if wait is None else time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if (deadline is not None and time.monotonic() >= deadline) or (cancel is not None and cancel.is_set()):
                    os.close(fd)
                    return False
                if cancel is not None:
                    cancel.wait(POLL_SECONDS)
                else:
                    time.sleep(POLL_SECONDS)
                continue
            except OSError:  # a filesystem without flock: SQLite's own locking still applies
                os.close(fd)
                return True
            self._fd = fd
            return True

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # releases the lock
            self._fd = None
