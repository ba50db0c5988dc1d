"""Opening an up-to-date index for a command-line run: notices and progress on stderr."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any, TextIO

from reader.index.archive import Index

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
    finally:
        if progress is not None:
            progress.clear()
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
