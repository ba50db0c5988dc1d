"""Following the store (reader.archive.follow.follow_store), Textual-free: live updates
never stop silently. A change met while the index is busy or locked is said once, kept,
and tried again on the next tick until it lands; notices about the index itself are
passed on. The watch is replaced by a script of events, so nothing waits on a clock."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

import reader.archive.follow as follow
from reader.archive.follow import Back, Changed, Notice, Relisted, follow_store
from reader.index.archive import IndexBusy
from reader.index.sync import SyncResult

QUIET = Changed(frozenset())  # a tick with no change


class Flaky:
    """An archive whose syncs fail with `errors`, one per call, before they work."""

    def __init__(self, *errors: BaseException) -> None:
        self.errors = list(errors)
        self.calls: list[object] = []
        self.notices: list[str] = []

    def _attempt(self, what: object) -> SyncResult:
        self.calls.append(what)
        if self.errors:
            raise self.errors.pop(0)
        return SyncResult(added=1)

    def sync(self, progress=None, cancel=None) -> SyncResult:
        return self._attempt("whole store")

    def sync_paths(self, paths) -> SyncResult:
        return self._attempt(sorted(paths))

    def problems(self) -> list:
        return []

    def take_notices(self) -> list[str]:
        notices, self.notices = self.notices, []
        return notices


def run(monkeypatch, store: Path, archive: Flaky, events: list) -> list[Notice | Relisted]:
    monkeypatch.setattr(follow, "store_events", lambda root, stop: iter(events))
    return list(follow_store(store, archive, threading.Event()))


def texts(seen: list) -> list[str]:
    return [event.text if isinstance(event, Notice) else "relisted" for event in seen]


@pytest.fixture
def store(tmp_path: Path) -> Path:
    (tmp_path / "store").mkdir()
    return tmp_path / "store"


def test_a_change_met_while_the_index_is_busy_waits_and_lands(monkeypatch, store: Path) -> None:
    busy = IndexBusy("another newsreader is updating the index")
    archive = Flaky(busy, busy)
    new = Changed(frozenset({str(store / "a.txt")}))
    seen = run(monkeypatch, store, archive, [new, QUIET, QUIET])
    assert texts(seen) == [
        "Another newsreader is updating the index: new files appear once it is free",  # said once
        "The index is up to date again",
        "relisted",
    ]
    assert archive.calls == [["a.txt"], ["a.txt"], ["a.txt"]]  # kept and tried on each tick


def test_changes_met_while_locked_are_gathered_and_tried_together(monkeypatch, store: Path) -> None:
    archive = Flaky(sqlite3.OperationalError("database is locked"))
    first = Changed(frozenset({str(store / "a.txt")}))
    second = Changed(frozenset({str(store / "b.txt")}))
    seen = run(monkeypatch, store, archive, [first, second])
    assert texts(seen) == ["Database is locked: trying again", "The index is up to date again", "relisted"]
    assert archive.calls == [["a.txt"], ["a.txt", "b.txt"]]


def test_the_store_coming_back_while_the_index_is_busy_is_read_whole_later(monkeypatch, store: Path) -> None:
    archive = Flaky(IndexBusy("another newsreader is updating the index"))
    seen = run(monkeypatch, store, archive, [Back(), QUIET])
    assert texts(seen)[0] == f"The store {store} is back"
    assert texts(seen)[-1] == "relisted"
    assert archive.calls == ["whole store", "whole store"]


def test_notices_about_the_index_itself_are_passed_on(monkeypatch, store: Path) -> None:
    archive = Flaky()
    archive.notices = ["index x.sqlite3 was deleted; rebuilding it"]
    seen = run(monkeypatch, store, archive, [Changed(frozenset({str(store / "a.txt")}))])
    assert texts(seen) == ["Index x.sqlite3 was deleted; rebuilding it", "relisted"]
