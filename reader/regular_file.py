"""Reading a file only when it is a regular file of a sane size.

A FIFO named `x.txt` would block a plain `open()` forever, and a link to
`/dev/zero` would be read until memory runs out. So the type and size are
checked with `os.stat` before the file is opened (a device is never opened),
the file is opened non-blocking, checked again on the open handle (it may
have been swapped in between), and read up to the limit, never beyond.
"""

from __future__ import annotations

import errno
import os
import stat as stat_module

_KINDS = (
    (stat_module.S_ISDIR, "a folder"),
    (stat_module.S_ISFIFO, "a FIFO"),
    (stat_module.S_ISCHR, "a character device"),
    (stat_module.S_ISBLK, "a block device"),
    (stat_module.S_ISSOCK, "a socket"),
)
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


class NotRegularFile(OSError):
    """The path is a FIFO, device, socket or folder; `strerror` says which."""

    def __init__(self, mode: int) -> None:
        super().__init__(errno.EINVAL, f"not a regular file ({kind_of(mode)}); not read")


class FileTooLarge(OSError):
    """The file is larger than the limit it was read with; it was not read."""

    def __init__(self, limit: int) -> None:
        super().__init__(errno.EFBIG, f"larger than the {size_text(limit)} limit; not loaded")
        self.limit = limit


def kind_of(mode: int) -> str:
    for test, name in _KINDS:
        if test(mode):
            return name
    return "not a file"


def size_text(size: int) -> str:
    return f"{size / 1_000_000:g} MB" if size >= 1_000_000 else f"{size:,} bytes"


def check_regular(path: str | os.PathLike, max_bytes: int | None = None) -> os.stat_result:
    """The file's stat (symlinks followed), or NotRegularFile / FileTooLarge / OSError."""
    info = os.stat(path)
    if not stat_module.S_ISREG(info.st_mode):
        raise NotRegularFile(info.st_mode)
    if max_bytes is not None and info.st_size > max_bytes:
        raise FileTooLarge(max_bytes)
    return info


def read_regular_file(path: str | os.PathLike, max_bytes: int | None = None) -> bytes:
    """The bytes of the regular file at `path`, at most `max_bytes` of them.

    Raises NotRegularFile, FileTooLarge (both OSError, with a one-line `strerror`)
    or the OSError of opening or reading it."""
    check_regular(path, max_bytes)
    fd = os.open(path, _OPEN_FLAGS)
    try:
        info = os.fstat(fd)
        if not stat_module.S_ISREG(info.st_mode):
            raise NotRegularFile(info.st_mode)
        if max_bytes is not None and info.st_size > max_bytes:
            raise FileTooLarge(max_bytes)
        # A file growing while it is read stops at the limit plus one byte.
        wanted = (max_bytes + 1) if max_bytes is not None else None
        chunks: list[bytes] = []
        total = 0
        while wanted is None or total < wanted:
            chunk = os.read(fd, 1 << 20 if wanted is None else min(1 << 20, wanted - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if max_bytes is not None and total > max_bytes:
            raise FileTooLarge(max_bytes)
        return b"".join(chunks)
    finally:
        os.close(fd)
