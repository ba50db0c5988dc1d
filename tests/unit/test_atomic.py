"""write_atomic: old or new, never torn; failures leave the old file and no debris."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from reader import atomic
from reader.atomic import copy_aside, move_aside, remove_orphaned_temps, write_atomic


def _fail_writes_to_temp_files(monkeypatch, after_bytes: int = 0):
    """Writes to `.…tmp` files get ENOSPC once `after_bytes` are written, like a full disk."""
    real_write = os.write
    written = {"n": 0}

    def write(fd, data):
        if os.readlink(f"/proc/self/fd/{fd}").endswith(".tmp"):
            if written["n"] >= after_bytes:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            data = bytes(data[: after_bytes - written["n"]])
            written["n"] += len(data)
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", write)


def _debris(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_new_file_creating_folders(tmp_path):
    target = tmp_path / "a" / "b" / "state.yaml"
    write_atomic(target, b"read: [x]\n")
    assert target.read_bytes() == b"read: [x]\n"
    assert _debris(target.parent) == []


def test_replaces_existing_file_keeping_its_permissions(tmp_path):
    target = tmp_path / "config.yaml"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomic(target, b"new" * 10_000)
    assert target.read_bytes() == b"new" * 10_000
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_writes_through_a_symlink(tmp_path):
    real = tmp_path / "dotfiles" / "config.yaml"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "config.yaml"
    link.symlink_to(real)
    write_atomic(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to spot temp files")
@pytest.mark.parametrize("after_bytes", [0, 5])
def test_full_disk_keeps_old_file_and_removes_temp(tmp_path, monkeypatch, after_bytes):
    target = tmp_path / "state.yaml"
    target.write_bytes(b"old content\n")
    _fail_writes_to_temp_files(monkeypatch, after_bytes)
    with pytest.raises(OSError) as caught:
        write_atomic(target, b"new content that does not fit\n")
    assert caught.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"old content\n"
    assert _debris(tmp_path) == []


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_failure_before_rename_keeps_old_file(tmp_path, monkeypatch, failing):
    target = tmp_path / "state.yaml"
    target.write_bytes(b"old")

    def fail(*args, **kwargs):
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(atomic.os, failing, fail)
    with pytest.raises(OSError):
        write_atomic(target, b"new")
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    assert _debris(tmp_path) == []


def test_move_aside_keeps_the_bytes_under_a_dated_name(tmp_path):
    target = tmp_path / "state.yaml"
    target.write_bytes(b"\x00\xffgarbage")
    first = move_aside(target)
    target.write_bytes(b"second")
    second = move_aside(target)
    assert not target.exists()
    assert first.read_bytes() == b"\x00\xffgarbage"
    assert second.read_bytes() == b"second"
    assert first != second
    assert first.name.startswith("state.yaml.corrupt-") and second.name.startswith(first.name)


def test_copy_aside_leaves_the_original(tmp_path):
    target = tmp_path / "state.yaml"
    target.write_bytes(b"read: 5\n")
    copy = copy_aside(target)
    assert target.read_bytes() == copy.read_bytes() == b"read: 5\n"


def test_remove_orphaned_temps_touches_only_temps_of_that_file(tmp_path):
    target = tmp_path / "state.yaml"
    keep = [target, tmp_path / ".config.yaml.abc.tmp", tmp_path / "state.yaml.corrupt-1"]
    orphans = [tmp_path / ".state.yaml.x1y2.tmp", tmp_path / ".state.yaml.zz.tmp"]
    for path in keep + orphans:
        path.write_bytes(b"x")
    remove_orphaned_temps(target)
    assert all(path.exists() for path in keep)
    assert not any(path.exists() for path in orphans)
