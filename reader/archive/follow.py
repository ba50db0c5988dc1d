"""Following the store on disk: batches of changed paths, the store vanishing and coming back.

`follow_store` turns them into what the reader sees: the list to show again, or
a notice. `store_events` uses watchfiles (inotify and friends, debounced in
Rust) and falls back to polling the tree's stats when it cannot watch. A file
that fails to parse right after it changed may still be being written:
`Settling` holds it back until its size and mtime stop changing.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Literal, Protocol, Sequence

from reader.model import Problem

if TYPE_CHECKING:
    from reader.index import SyncResult

DEBOUNCE_MS = 300
TICK_MS = 500  # how often the generator wakes with no change (to check the store is still there)
POLL_SECONDS = 1.0
SETTLE_SECONDS = 1.0


@dataclass(frozen=True, slots=True)
class Changed:
    paths: frozenset[str]  # absolute; empty on a quiet tick


@dataclass(frozen=True, slots=True)
class Gone:
    reason: str


@dataclass(frozen=True, slots=True)
class Back:
    pass


StoreEvent = Changed | Gone | Back


def unavailable(root: Path) -> str | None:
    """Why the store cannot be read now, or None."""
    if not os.path.isdir(root):
        return "is gone"
    if not os.access(root, os.R_OK | os.X_OK):
        return "cannot be read"
    return None


def store_events(root: Path, stop: threading.Event) -> Iterator[StoreEvent]:
    """Changes under `root` until `stop` is set; Gone/Back when the folder goes and returns."""
    root = Path(root)
    available = True
    while not stop.is_set():
        reason = unavailable(root)
        if reason is not None:
            if available:
                available = False
                yield Gone(reason)
            stop.wait(POLL_SECONDS)
            continue
        if not available:
            available = True
            yield Back()
        yield from _watch_while_available(root, stop)


def _watch_while_available(root: Path, stop: threading.Event) -> Iterator[Changed]:
    try:
        import watchfiles
    except ImportError:
        yield from _poll(root, stop)
        return
    try:
        for changes in watchfiles.watch(
            root,
            debounce=DEBOUNCE_MS,
            step=50,
            stop_event=stop,
            rust_timeout=TICK_MS,
            yield_on_timeout=True,
            raise_interrupt=False,
        ):
            if unavailable(root) is not None:
                return
            yield Changed(frozenset(path for _, path in changes))
    except (OSError, RuntimeError):  # no watch possible here (limits, odd filesystems)
        if unavailable(root) is None:
            yield from _poll(root, stop)


def _poll(root: Path, stop: threading.Event) -> Iterator[Changed]:
    before = _snapshot(root)
    while not stop.wait(POLL_SECONDS):
        if unavailable(root) is not None:
            return
        now = _snapshot(root)
        changed = {path for path in before.keys() | now.keys() if before.get(path) != now.get(path)}
        before = now
        yield Changed(frozenset(changed))


def _snapshot(root: Path) -> dict[str, tuple[int, int]]:
    found: dict[str, tuple[int, int]] = {}
    for folder, _dirs, files in os.walk(root):
        for name in files:
            path = os.path.join(folder, name)
            try:
                stat = os.stat(path)
            except OSError:
                continue
            found[path] = (stat.st_size, stat.st_mtime_ns)
    return found


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


class Settling:
    """Changed files that did not parse, held back until they stop changing.

    `hold` them after a sync; `due()` then says which have moved on (read them
    again) and which kept still for `delay` seconds (their problem stands)."""

    def __init__(
        self, root: Path, delay: float = SETTLE_SECONDS, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.root = Path(root)
        self.delay = delay
        self.clock = clock
        self._held: dict[str, tuple[tuple[int, int] | None, float]] = {}  # path -> (stat, since)

    def hold(self, problems: Iterable[Problem], changed: Iterable[str]) -> None:
        changed = set(changed)
        for problem in problems:
            if problem.fatal and problem.path in changed:
                self._held[problem.path] = (_stat(self.root / problem.path), self.clock())

    def release(self, paths: Iterable[str]) -> None:
        for path in paths:
            self._held.pop(path, None)

    def hides(self, problem: Problem) -> bool:
        return problem.path in self._held

    def __bool__(self) -> bool:
        return bool(self._held)

    def due(self) -> tuple[list[str], list[str]]:
        """(moving, settled): files that changed since held, and files that kept still."""
        now = self.clock()
        moving: list[str] = []
        settled: list[str] = []
        for path, (stat, since) in list(self._held.items()):
            if now - since < self.delay:
                continue
            if _stat(self.root / path) != stat:
                moving.append(path)
            else:
                settled.append(path)
            del self._held[path]
        return moving, settled


@dataclass(frozen=True, slots=True)
class Relisted:
    """The store changed: list it again; these problems stand (files still settling left out)."""

    problems: tuple[Problem, ...]


@dataclass(frozen=True, slots=True)
class Notice:
    text: str
    severity: Literal["information", "warning", "error"] = "information"  # as a UI notification's


class Synced(Protocol):
    def sync(self, progress: None = None, cancel: threading.Event | None = None) -> SyncResult: ...
    def sync_paths(self, paths: Sequence[str]) -> SyncResult: ...
    def problems(self) -> list[Problem]: ...
    def take_notices(self) -> list[str]: ...


def follow_store(root: Path, archive: Synced, stop: threading.Event) -> Iterator[Relisted | Notice]:
    """Keep `archive` in step with the files under `root` until `stop` is set.

    Live updates never stop silently: changes met while the index is busy (another
    process, another program's lock) or unwritable wait here, with one notice, and are
    tried again on the next event or quiet tick."""
    from reader.errors import UserError
    from reader.index.archive import IndexBusy

    real_root = os.path.realpath(root)
    settling = Settling(root)
    waiting: set[str] = set()
    whole_store = False
    trouble: str | None = None  # the notice given for the current spell of trouble
    notices: list[Notice] = []

    def relisted() -> Relisted:
        return Relisted(tuple(problem for problem in archive.problems() if not settling.hides(problem)))

    def attempt(sync: Callable[[], SyncResult]) -> SyncResult | None:
        nonlocal trouble
        try:
            result = sync()
        except (UserError, sqlite3.Error, OSError) as error:
            text = sentence(str(error))
            if trouble != text:
                trouble = text
                ending = "new files appear once it is free" if isinstance(error, IndexBusy) else "trying again"
                notices.append(Notice(f"{text}: {ending}", "warning"))
            return None
        if trouble is not None:
            trouble = None
            notices.append(Notice("The index is up to date again"))
        notices.extend(Notice(sentence(text), "warning") for text in archive.take_notices())
        return result

    for event in store_events(root, stop):
        if stop.is_set():
            return
        if isinstance(event, Gone):
            yield Notice(f"The store {root} {event.reason}; what was read stays readable", "warning")
            continue
        if isinstance(event, Back):
            yield Notice(f"The store {root} is back")
            whole_store = True
        changed = False
        paths = event.paths if isinstance(event, Changed) else frozenset()
        if paths or waiting or whole_store:
            relative = {_relative(path, real_root, str(root)) for path in paths} | waiting
            new_folder = any(os.path.isdir(path) for path in paths)
            if whole_store or new_folder:
                # the store came back, or a new folder: its files may predate the watch
                result = attempt(lambda: archive.sync(None, stop))
            else:
                result = attempt(lambda: archive.sync_paths(sorted(relative)))
            yield from _drain(notices)
            if result is None:
                waiting = relative
                whole_store = whole_store or new_folder
                continue
            waiting, whole_store = set(), False
            settling.release(relative)
            settling.hold(result.problems, relative)
            changed = result.changed or isinstance(event, Back)
        moving, settled = settling.due()
        if moving:
            result = attempt(lambda: archive.sync_paths(moving))
            yield from _drain(notices)
            if result is None:
                waiting.update(moving)
                continue
            settling.hold(result.problems, moving)
            changed = changed or result.changed
        if changed or moving or settled:
            yield relisted()


def _drain(notices: list[Notice]) -> Iterator[Notice]:
    while notices:
        yield notices.pop(0)


def sentence(text: str) -> str:
    """A message from below (the index, the store) as the start of a sentence."""
    return text[:1].upper() + text[1:]


def _relative(path: str, real_root: str, root: str) -> str:
    for top in (root, real_root):
        relative = os.path.relpath(path, top)
        if not relative.startswith(".."):
            return relative.replace(os.sep, "/")
    relative = os.path.relpath(os.path.realpath(path), real_root)
    return relative.replace(os.sep, "/")
