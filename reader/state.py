"""Reading state: what was read and starred, where each article was left, small UI prefs.

Kept in `state.yaml` in `reader.paths.state_dir()`, plain YAML a person can read:

    version: 1
    last_article: world/2021-07-12-xi.txt
    theme: nord
    read:
    - world/2021-07-12-xi.txt
    starred: []
    positions:                      # scroll offset per article, most recent last
      world/2021-07-12-xi.txt: 120.0
    prefs:                          # small UI settings, plain scalars
      sidebar_visible: true
    entries:                        # which entry of a multi-article file a mark is on
      world/briefs.yaml#2: 5f0c2a9e71d4

Marks follow their entry. An article of a multi-article file has the id `file#N` (its
position), so an entry inserted above it would move its marks onto its neighbour. For
every marked `#N` id the state keeps the entry's fingerprint (a short hash of its title
and date); `follow_entries(listing)` moves the marks (read, starred, position, last
article) to wherever that entry now is in the same file. State written before
fingerprints existed is anchored to the entries as they are the first time it is listed;
an entry whose title and date both changed, or that appears twice, keeps positional marks.

Several newsreader instances may run at once. Each remembers its own changes since
it loaded (or last saved), and `save()` applies only those to what is on disk at that
moment, under an exclusive lock, so no instance erases another's marks.

A corrupt file is moved aside (`state.yaml.corrupt-<timestamp>`) with a warning. A file
with a few bad entries keeps its good ones; a copy of the original is kept beside it.
"""

from __future__ import annotations

import copy
import hashlib
import math
import os
import secrets
import threading
from collections.abc import Iterable, Set
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from reader import paths
from reader.atomic import copy_aside, move_aside, remove_orphaned_temps, write_atomic
from reader.file_lock import exclusive_lock
from reader.yaml_safe import dump_yaml, load_mapping

MAX_POSITIONS = 5000  # the oldest scroll positions are forgotten beyond this
LOCK_TIMEOUT = 5.0  # seconds to wait for another instance's save
_SCALARS = (str, int, float, bool, type(None))
_KNOWN_KEYS = {"version", "last_article", "theme", "read", "starred", "positions", "prefs", "entries"}
# The header names each save, so an unchanged file is recognised without parsing it.
_HEADER = "# newsreader reading state (save {}): written by newsreader, edit only while it is not running\n"


class StateSaveError(Exception):
    """The state could not be written; the message is one line for the user."""


@dataclass
class _Snapshot:
    read: set[str] = field(default_factory=set)
    starred: set[str] = field(default_factory=set)
    positions: dict[str, float] = field(default_factory=dict)
    last_article: str | None = None
    theme: str | None = None
    prefs: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)  # keys from a newer version, kept as is
    entries: dict[str, str] = field(default_factory=dict)  # marked `file#N` id -> entry fingerprint

    def copy(self) -> _Snapshot:
        return _Snapshot(
            set(self.read), set(self.starred), dict(self.positions), self.last_article,
            self.theme, dict(self.prefs), copy.deepcopy(self.extra), dict(self.entries),
        )


class ReadingState:
    """The reading state in memory; `save()` writes it (atomically, merging with other instances).

    `save()` may run in a worker thread while the UI thread keeps reading and changing it.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else paths.state_file()
        self.warnings: list[str] = []
        # This instance's changes since load or last save, in order: (field, key) -> value.
        self._changes: dict[tuple[str, str], Any] = {}
        self._lock = threading.Lock()
        self._signature: tuple | None = None  # of the file as last loaded or saved
        self._data = self._load() or _Snapshot()

    # Reading ------------------------------------------------------------------------

    def is_read(self, article_id: str) -> bool:
        return article_id in self._data.read

    def is_starred(self, article_id: str) -> bool:
        return article_id in self._data.starred

    def position(self, article_id: str) -> float:
        return self._data.positions.get(article_id, 0.0)

    @property
    def read_ids(self) -> Set[str]:
        return self._data.read

    @property
    def starred_ids(self) -> Set[str]:
        return self._data.starred

    @property
    def last_article(self) -> str | None:
        return self._data.last_article

    @last_article.setter  # beside its getter, where a type checker looks for it
    def last_article(self, article_id: str | None) -> None:
        self._change("last_article", "", article_id)

    @property
    def theme(self) -> str | None:
        return self._data.theme

    @theme.setter
    def theme(self, name: str | None) -> None:
        self._change("theme", "", name)

    def get(self, key: str, default: Any = None) -> Any:
        return self._data.prefs.get(key, default)

    @property
    def dirty(self) -> bool:
        return bool(self._changes)

    # Changing -----------------------------------------------------------------------

    def set_read(self, article_id: str, read: bool = True) -> None:
        self._change("read", article_id, bool(read))

    def set_starred(self, article_id: str, starred: bool) -> None:
        self._change("starred", article_id, bool(starred))

    def set_position(self, article_id: str, y: float) -> None:
        """Remember the scroll offset; 0 (or nonsense) forgets it."""
        y = float(y)
        self._change("positions", article_id, round(y, 1) if math.isfinite(y) and y > 0 else None)

    def set(self, key: str, value: Any) -> None:
        """Set a UI pref to a plain scalar; None removes it."""
        if not isinstance(value, _SCALARS):
            raise TypeError(f"pref {key!r} must be a plain scalar, not {type(value).__name__}")
        self._change("prefs", key, value)

    def _change(self, name: str, key: str, value: Any) -> None:
        with self._lock:
            self._changes.pop((name, key), None)  # re-inserted last: order is recency
            self._changes[(name, key)] = value
            _apply(self._data, {(name, key): value})

    # Entries of multi-article files ----------------------------------------------------

    def follow_entries(self, listing: Iterable[Any], previous: Iterable[Any] = ()) -> int:
        """Move marks whose entry moved within its file; returns how many ids moved.

        `listing` is every article now (anything with `id`, `title`, `date`); `previous`
        the listing the marks were made in, if there was one: marks not yet anchored
        are anchored to the entry they were made on."""
        with self._lock:
            data = self._data.copy()
        marked = _marked_ids(data)
        if not marked and not data.entries:
            return 0
        current = {item.id: entry_fingerprint(item) for item in listing if _in_multi_file(item.id)}
        before = {item.id: entry_fingerprint(item) for item in previous if item.id in marked}
        for article_id in set(data.entries) - marked:  # its marks were all taken off
            self._change("entries", article_id, None)
        for article_id in marked:
            if article_id not in data.entries:
                found = before.get(article_id) or current.get(article_id)
                if found:
                    self._change("entries", article_id, found)
                    data.entries[article_id] = found
        where: dict[tuple[str, str], list[str]] = {}
        for article_id, found in current.items():
            where.setdefault((article_id.rpartition("#")[0], found), []).append(article_id)
        moves: dict[str, str] = {}
        for article_id in marked:
            anchor = data.entries.get(article_id)
            if anchor is None or current.get(article_id) == anchor:
                continue
            targets = where.get((article_id.rpartition("#")[0], anchor), [])
            if len(targets) == 1:  # gone, edited or duplicated: the mark stays where it is
                moves[article_id] = targets[0]
        # Every source is cleared before any target is set: entries may swap places.
        for source in moves:
            self._change("read", source, False)
            self._change("starred", source, False)
            self._change("positions", source, None)
            self._change("entries", source, None)
        for source, target in moves.items():
            if source in data.read:
                self._change("read", target, True)
            if source in data.starred:
                self._change("starred", target, True)
            if source in data.positions:
                self._change("positions", target, data.positions[source])
            self._change("entries", target, data.entries[source])
            if data.last_article == source:
                self._change("last_article", "", target)
        return len(moves)

    # Files --------------------------------------------------------------------------

    def save(self) -> None:
        """Apply this instance's changes to the file on disk; raises StateSaveError."""
        with self._lock:
            changes, mine, signature = dict(self._changes), self._data.copy(), self._signature
        if not changes:
            return
        try:
            with exclusive_lock(self.path, LOCK_TIMEOUT, what="state lock"):
                merged = self._read_for_merge(mine, signature)
                _apply(merged, changes)
                remove_orphaned_temps(self.path)
                write_atomic(self.path, _dump(merged))
                with _open_regular(self.path) as file:
                    signature = _signature_of(file)
        except OSError as error:
            reason = error.strerror or str(error)
            raise StateSaveError(
                f"cannot save reading state to {self.path}: {reason} (the previous state is kept)"
            ) from error
        with self._lock:
            for key, value in changes.items():
                if key in self._changes and self._changes[key] == value:
                    del self._changes[key]
            _apply(merged, self._changes)  # what changed while this save ran
            self._data, self._signature = merged, signature

    def _load(self) -> _Snapshot | None:
        try:
            with _open_regular(self.path) as file:
                signature, data = _signature_of(file), file.read()
        except FileNotFoundError:
            return None
        except OSError as error:
            self.warnings.append(f"cannot read state file {self.path}: {error.strerror or error}")
            return None
        try:
            snapshot, problems = self._parse(data)
        except OSError:
            return None  # corrupt and stuck in place: warned; save() will refuse to overwrite it
        if snapshot is not None:
            self._signature = signature
        if problems:
            try:
                kept = f"the original is kept at {copy_aside(self.path)}"
            except OSError as error:
                kept = f"a copy of the original could not be kept: {error.strerror or error}"
            self.warnings.append(
                f"state file {self.path} has invalid entries ({'; '.join(problems)}); "
                f"they are ignored and {kept}"
            )
        return snapshot

    def _read_for_merge(self, mine: _Snapshot, signature: tuple | None) -> _Snapshot:
        """The state on disk now, or `mine` if the file is missing, corrupt, or just as this
        instance last saw it. An OSError other than 'missing' propagates: never overwrite
        what could not be read."""
        try:
            file = _open_regular(self.path)
        except FileNotFoundError:
            return mine
        with file:
            if signature is not None and _signature_of(file) == signature:
                return mine
            data = file.read()
        snapshot, _ = self._parse(data)
        return snapshot or mine

    def _parse(self, data: bytes) -> tuple[_Snapshot | None, list[str]]:
        """The snapshot and any bad entries; None if the file is corrupt (it is moved aside)."""
        try:
            return _from_mapping(load_mapping(data))
        except ValueError as error:
            reason = str(error)
        try:
            aside = move_aside(self.path)
        except OSError as error:
            self.warnings.append(
                f"state file {self.path} is corrupt ({reason}) and could not be moved aside: "
                f"{error.strerror or error}"
            )
            raise
        self.warnings.append(f"state file {self.path} was corrupt ({reason}); moved aside to {aside}")
        return None, []


def entry_fingerprint(article: Any) -> str:
    """What identifies an entry of a multi-article file apart from its position."""
    day = article.date.isoformat() if getattr(article, "date", None) else ""
    text = f"{day}\n{article.title}".encode("utf-8", "surrogatepass")
    return hashlib.blake2b(text, digest_size=6).hexdigest()


def _in_multi_file(article_id: str) -> bool:
    head, hash_mark, number = article_id.rpartition("#")
    return bool(hash_mark and head and number.isdigit())


def _marked_ids(data: _Snapshot) -> set[str]:
    ids = data.read | data.starred | set(data.positions)
    if data.last_article:
        ids.add(data.last_article)
    return {article_id for article_id in ids if _in_multi_file(article_id)}


def _apply(data: _Snapshot, changes: dict[tuple[str, str], Any]) -> None:
    for (name, key), value in changes.items():
        if name in ("read", "starred"):
            ids = getattr(data, name)
            ids.add(key) if value else ids.discard(key)
        elif name in ("positions", "prefs", "entries"):
            mapping = getattr(data, name)
            mapping.pop(key, None)
            if value is not None:
                mapping[key] = value
        else:
            setattr(data, name, value)
    while len(data.positions) > MAX_POSITIONS:
        del data.positions[next(iter(data.positions))]


def _from_mapping(raw: dict) -> tuple[_Snapshot, list[str]]:
    """Every valid entry of the file's mapping, and a description of each invalid one."""
    problems: list[str] = []
    snapshot = _Snapshot(extra={k: v for k, v in raw.items() if k not in _KNOWN_KEYS})

    def ids(key: str) -> set[str]:
        value = [] if raw.get(key) is None else raw[key]
        if not isinstance(value, list):
            problems.append(f"'{key}' is not a list")
            return set()
        bad = sum(not isinstance(item, str) for item in value)
        if bad:
            problems.append(f"{bad} entries of '{key}' are not article ids")
        return {item for item in value if isinstance(item, str)}

    def mapping(key: str, valid) -> dict[str, Any]:
        value = {} if raw.get(key) is None else raw[key]
        if not isinstance(value, dict):
            problems.append(f"'{key}' is not a mapping")
            return {}
        good = {k: v for k, v in value.items() if isinstance(k, str) and valid(v)}
        if len(good) != len(value):
            problems.append(f"{len(value) - len(good)} entries of '{key}' are invalid")
        return good

    def text(key: str) -> str | None:
        value = raw.get(key)
        if value is None or isinstance(value, str):
            return value
        problems.append(f"'{key}' is not text")
        return None

    snapshot.read = ids("read")
    snapshot.starred = ids("starred")
    snapshot.positions = mapping("positions", _is_position)
    snapshot.prefs = mapping("prefs", lambda v: isinstance(v, _SCALARS))
    snapshot.entries = mapping("entries", lambda v: isinstance(v, str))
    snapshot.last_article = text("last_article")
    snapshot.theme = text("theme")
    return snapshot, problems


def _is_position(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and value > 0


def _dump(snapshot: _Snapshot) -> bytes:
    data = {
        "version": 1,
        "last_article": snapshot.last_article,
        "theme": snapshot.theme,
        "read": sorted(snapshot.read),
        "starred": sorted(snapshot.starred),
        "positions": {k: float(v) for k, v in snapshot.positions.items()},
        "prefs": snapshot.prefs,
        **({"entries": dict(sorted(snapshot.entries.items()))} if snapshot.entries else {}),
        **snapshot.extra,
    }
    return (_HEADER.format(secrets.token_hex(8)) + dump_yaml(data)).encode("utf-8")


def _signature_of(file: IO[bytes]) -> tuple:
    """Changes whenever the file does: identity, size, time and the header naming the save."""
    info = os.fstat(file.fileno())
    header = file.readline()
    file.seek(0)
    return info.st_ino, info.st_size, info.st_mtime_ns, header


def _open_regular(path: Path) -> IO[bytes]:
    """The file for reading, unless it is a FIFO or device (which would block or never end)."""
    from reader.regular_file import check_regular

    check_regular(path)
    return open(path, "rb")
