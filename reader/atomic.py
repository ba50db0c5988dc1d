"""Whole-file writes that a crash, a kill or a full disk cannot tear, and moving bad files aside."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
import time
from contextlib import suppress
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data`: readers see the old file or the new one, never a mix.

    The bytes go to a temporary file in the same folder, are flushed and fsynced,
    then `os.replace`d over the target, and the folder is fsynced so the rename
    itself survives a power cut. On any failure the temporary file is removed, the
    old file is untouched and the OSError propagates. A symlinked target is written
    through (the link stays a link). The old file's permissions are kept.
    """
    path = Path(os.path.realpath(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with suppress(OSError, AttributeError):  # no old file, or no fchmod (Windows)
            os.fchmod(fd, stat.S_IMODE(os.stat(path).st_mode))
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
        os.close(fd)
        fd = -1
        os.replace(temp, path)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        with suppress(OSError):
            os.unlink(temp)
        raise
    _fsync_folder(path.parent)


def remove_orphaned_temps(path: Path) -> None:
    """Delete temporary files a killed writer of `path` left behind.

    Only safe while holding the lock that every writer of `path` takes.
    """
    path = Path(os.path.realpath(path))
    for orphan in path.parent.glob(f".{path.name}.*.tmp"):
        with suppress(OSError):
            orphan.unlink()


def move_aside(path: Path, reason: str = "corrupt") -> Path:
    """Rename `path` to `<name>.<reason>-<timestamp>` beside it and return the new path.

    The file is kept, never deleted; a second move in the same second gets `-2`, `-3`….
    """
    target = _aside_name(path, reason)
    os.replace(path, target)
    return target


def copy_aside(path: Path, reason: str = "corrupt") -> Path:
    """Like `move_aside`, but the original stays where it is."""
    target = _aside_name(path, reason)
    shutil.copy2(path, target)
    return target


def _aside_name(path: Path, reason: str) -> Path:
    stem = f"{path.name}.{reason}-{time.strftime('%Y%m%d-%H%M%S')}"
    target = path.with_name(stem)
    number = 2
    while target.exists():
        target = path.with_name(f"{stem}-{number}")
        number += 1
    return target


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return  # not possible on this platform (Windows); the rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
