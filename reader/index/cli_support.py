"""Opening an up-to-date index for a command-line run: notices and progress on stderr."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any, TextIO

from reader.index.archive import Index, IndexBusy

# Progress appears only when indexing takes longer than this, and only on a terminal.
QUIET_SECONDS = 1.0


def open_synced_index(store_root: Path, gazetteer: Any = None, stream: TextIO | None = None) -> Index:
    stream = stream or sys.stderr
    from reader.cli.common import say, store_rules

    index = Index.open(store_root, **store_rules())
    for warning in index.warnings:
        say(warning, stream)
    progress = _TerminalProgress(stream, "indexing {done:,}/{total:,} files") if stream.isatty() else None
    analysing = _TerminalProgress(stream, "analysing {done:,}/{total:,} articles") if stream.isatty() else None
    try:
        index.sync(progress=progress, analysis_progress=analysing, gazetteer=gazetteer)
    except IndexBusy as busy:
        # Its last committed batch is readable: answer from it rather than fail or wait long.
        print(f"newsreader: {busy}; showing what it holds so far", file=stream)
    finally:
        if progress is not None:
            progress.clear()
        if analysing is not None:
            analysing.clear()
        for notice in index.take_notices():
            print(f"newsreader: {notice}", file=stream)
    return index


class _TerminalProgress:
    def __init__(self, stream: TextIO, message: str) -> None:
        self.stream = stream
        self.message = message
        self.started = time.monotonic()
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if time.monotonic() - self.started < QUIET_SECONDS or not total:
            return
        self.shown = True
        self.stream.write("\r\x1b[K" + self.message.format(done=done, total=total))
        self.stream.flush()

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


# Commands that only read the store, so running one again after a damaged index was
# moved aside repeats nothing.
RERUNNABLE = frozenset(("search", "actors", "quotes", "reindex"))


def recover_from_index_error(args: Any, error: BaseException, stream: TextIO | None = None) -> bool:
    """For an error met reading the index: True if the index was damaged and has been
    moved aside (the command may run again, rebuilding it); a `UserError` for a locked
    index or a full disk; False for anything else (a bug)."""
    import sqlite3

    from reader.errors import UserError
    from reader.index import schema

    if not isinstance(error, sqlite3.DatabaseError):
        return False
    if schema.is_busy(error):
        raise UserError("the index is locked by another program; try again when it is done") from None
    if schema.is_disk_error(error):
        raise UserError(f"the index cannot be used: {error} (is the disk holding the cache full?)") from None
    command = getattr(args, "run", None)
    if getattr(command, "__module__", "").rpartition("cmd_")[2] not in RERUNNABLE:
        return False
    from reader.paths import cache_dir
    from reader.store import resolve_store

    path = schema.database_path(resolve_store(getattr(args, "store", None)), cache_dir())
    reason = schema.damage(path, error)
    if reason is None:
        return False
    print(f"newsreader: {schema.discard(path, reason)}", file=stream or sys.stderr)
    return True
