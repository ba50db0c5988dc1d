"""An exclusive advisory lock on `<path>.lock`, for read-merge-write cycles on a small
file that several newsreader instances may rewrite (the state, the config's saved searches)."""

from __future__ import annotations

import errno
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

TIMEOUT = 5.0


@contextmanager
def exclusive_lock(path: Path, timeout: float = TIMEOUT, *, what: str = "lock") -> Iterator[None]:
    """Hold the lock (the lock file is never deleted: deleting lock files races).
    Raises OSError(EAGAIN) if another instance holds it past `timeout` seconds
    ("… has held the <what> too long")."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; writes are still atomic
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path.with_name(path.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise OSError(errno.EAGAIN, f"another newsreader has held the {what} too long") from None
                time.sleep(0.01)
        yield
    finally:
        os.close(fd)  # releases the lock
