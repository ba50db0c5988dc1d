"""ReadingState: round trips, corrupt files moved aside, full disks, instances that share a file."""

from __future__ import annotations

import errno
import fcntl
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
import yaml

from reader import state as state_module
from reader.state import ReadingState, StateSaveError


@pytest.fixture
def path(tmp_path) -> Path:
    return tmp_path / "state.yaml"


def _asides(path: Path) -> list[Path]:
    return sorted(path.parent.glob(path.name + ".corrupt-*"))


def test_default_path_is_in_the_state_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSREADER_STATE_DIR", str(tmp_path / "st"))
    state = ReadingState()
    state.set_read("a.txt")
    state.save()
    assert (tmp_path / "st" / "state.yaml").is_file()


def test_missing_file_is_an_empty_state_without_warnings(path):
    state = ReadingState(path)
    assert state.warnings == [] and not state.dirty
    assert not state.is_read("a") and not state.is_starred("a")
    assert state.position("a") == 0.0 and state.last_article is None and state.theme is None
    assert state.get("sidebar_visible", True) is True
    state.save()  # nothing changed: nothing written
    assert not path.exists()


def test_everything_survives_a_round_trip(path):
    state = ReadingState(path)
    state.set_read("world/a.txt")
    state.set_read("world/b.yaml#2")
    state.set_starred("world/a.txt", True)
    state.set_position("world/a.txt", 120.25)
    state.last_article = "world/b.yaml#2"
    state.theme = "nord"
    state.set("sidebar_visible", False)
    state.set("unread_only", True)
    assert state.dirty
    state.save()
    assert not state.dirty

    again = ReadingState(path)
    assert again.warnings == []
    assert again.read_ids == {"world/a.txt", "world/b.yaml#2"}
    assert again.starred_ids == {"world/a.txt"}
    assert again.position("world/a.txt") == pytest.approx(120.2, abs=0.06)
    assert again.last_article == "world/b.yaml#2" and again.theme == "nord"
    assert again.get("sidebar_visible") is False and again.get("unread_only") is True


def test_file_is_readable_yaml(path):
    state = ReadingState(path)
    state.set_read("b.txt")
    state.set_read("a.txt")
    state.save()
    text = path.read_text()
    assert text.startswith("#")
    data = yaml.safe_load(text)
    assert data["read"] == ["a.txt", "b.txt"]
    assert "read:\n- a.txt\n- b.txt\n" in text


def test_unmarking_and_forgetting(path):
    state = ReadingState(path)
    state.set_read("a")
    state.set_starred("a", True)
    state.set_position("a", 50)
    state.set("p", 1)
    state.save()
    state.set_read("a", False)
    state.set_starred("a", False)
    state.set_position("a", 0)
    state.set("p", None)
    state.last_article = None
    state.save()
    again = ReadingState(path)
    assert not again.is_read("a") and not again.is_starred("a")
    assert again.position("a") == 0.0 and again.get("p", "gone") == "gone"


@pytest.mark.parametrize("y", [-5.0, float("nan"), float("inf")])
def test_nonsense_positions_are_not_stored(path, y):
    state = ReadingState(path)
    state.set_position("a", y)
    assert state.position("a") == 0.0


def test_prefs_must_be_plain_scalars(path):
    state = ReadingState(path)
    with pytest.raises(TypeError):
        state.set("columns", ["a", "b"])


def test_positions_keep_only_the_most_recent(path, monkeypatch):
    monkeypatch.setattr(state_module, "MAX_POSITIONS", 3)
    state = ReadingState(path)
    for number in range(5):
        state.set_position(f"a{number}", 10 + number)
    state.set_position("a2", 99)  # touched again: now the newest
    state.save()
    again = ReadingState(path)
    assert [again.position(f"a{n}") for n in range(5)] == [0.0, 0.0, 99.0, 13.0, 14.0]


def test_keys_from_a_newer_version_are_kept(path):
    path.write_text("version: 2\nread: [a]\nfolders: {news: [a]}\n")
    state = ReadingState(path)
    state.set_read("b")
    state.save()
    data = yaml.safe_load(path.read_text())
    assert data["folders"] == {"news": ["a"]} and data["read"] == ["a", "b"]


# Corrupt files ------------------------------------------------------------------------

CORRUPT = {
    "invalid yaml": b"read: [a, b\nstarred: {",
    "a list": b"- a\n- b\n",
    "a scalar": b"just some words\n",
    "binary garbage": bytes(range(256)) * 4,
    "utf-8 garbage": "read: [\x00\x07]\n".encode(),
}


@pytest.mark.parametrize("content", CORRUPT.values(), ids=CORRUPT.keys())
def test_corrupt_file_is_moved_aside_with_a_warning(path, content):
    path.write_bytes(content)
    state = ReadingState(path)
    asides = _asides(path)
    assert len(asides) == 1 and asides[0].read_bytes() == content
    assert not path.exists()
    assert len(state.warnings) == 1 and "corrupt" in state.warnings[0] and str(asides[0]) in state.warnings[0]
    assert state.read_ids == set()
    state.set_read("fresh")
    state.save()
    assert ReadingState(path).read_ids == {"fresh"}
    assert asides[0].read_bytes() == content


def test_python_tags_are_refused_not_run(path, tmp_path):
    marker = tmp_path / "ran"
    path.write_text(f"read: !!python/object/apply:os.system ['touch {marker}']\n")
    state = ReadingState(path)
    assert not marker.exists()
    assert "unsafe YAML tag" in state.warnings[0] and len(_asides(path)) == 1


def test_bad_entries_are_dropped_and_the_rest_kept(path):
    original = b"read: 5\nstarred: [a, 7, b]\npositions: {a: 10.5, b: lots}\ntheme: [x]\nprefs: {ok: 1, no: [1]}\n"
    path.write_bytes(original)
    state = ReadingState(path)
    assert state.starred_ids == {"a", "b"}
    assert state.position("a") == 10.5 and state.position("b") == 0.0
    assert state.get("ok") == 1 and state.get("no") is None
    assert state.read_ids == set() and state.theme is None
    assert len(state.warnings) == 1
    warning = state.warnings[0]
    assert "'read' is not a list" in warning and "'theme' is not text" in warning
    # The file stays in place; a copy of the original is kept beside it.
    assert path.read_bytes() == original
    asides = _asides(path)
    assert len(asides) == 1 and asides[0].read_bytes() == original and str(asides[0]) in warning


def test_empty_file_is_an_empty_state(path):
    path.write_bytes(b"")
    state = ReadingState(path)
    assert state.warnings == [] and _asides(path) == []


def test_unreadable_file_is_never_overwritten(path):
    path.mkdir()  # reading a folder fails even for root
    state = ReadingState(path)
    assert state.warnings and "cannot read" in state.warnings[0]
    state.set_read("a")
    with pytest.raises(StateSaveError):
        state.save()
    assert path.is_dir()


# Failing saves ------------------------------------------------------------------------


def _full_disk(monkeypatch):
    real_write = os.write

    def write(fd, data):
        if os.readlink(f"/proc/self/fd/{fd}").endswith(".tmp"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", write)


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to spot temp files")
def test_full_disk_keeps_the_old_state_and_says_so(path, monkeypatch):
    state = ReadingState(path)
    state.set_read("old")
    state.save()
    before = path.read_bytes()

    state.set_read("new")
    _full_disk(monkeypatch)
    with pytest.raises(StateSaveError) as caught:
        state.save()
    monkeypatch.undo()
    message = str(caught.value)
    assert "No space left on device" in message and str(path) in message and "previous state is kept" in message
    assert "\n" not in message
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []
    # Nothing is lost: the change is still pending and saves once there is room.
    assert state.dirty
    state.save()
    assert ReadingState(path).read_ids == {"old", "new"}


def test_save_waits_for_the_lock_then_gives_up_clearly(path, monkeypatch):
    monkeypatch.setattr(state_module, "LOCK_TIMEOUT", 0.05)
    fd = os.open(f"{path}.lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        state = ReadingState(path)
        state.set_read("a")
        with pytest.raises(StateSaveError, match="lock"):
            state.save()
    finally:
        os.close(fd)
    state.save()
    assert ReadingState(path).is_read("a")


def test_save_removes_temps_left_by_a_killed_writer(path):
    path.parent.mkdir(exist_ok=True)
    orphan = path.parent / ".state.yaml.abc123.tmp"
    orphan.write_bytes(b"read: [half")
    state = ReadingState(path)
    state.set_read("a")
    state.save()
    assert not orphan.exists()


# Two instances ------------------------------------------------------------------------


def test_two_instances_keep_each_others_marks(path):
    seed = ReadingState(path)
    for article in ("shared", "unread-by-b", "starred-by-a"):
        seed.set_read(article)
    seed.save()

    a, b = ReadingState(path), ReadingState(path)
    a.set_read("a1")
    b.set_read("b1")
    b.set_read("unread-by-b", False)
    a.set_starred("starred-by-a", True)
    a.set_position("a1", 10)
    b.set_position("b1", 20)
    b.set("sidebar_visible", False)
    a.save()
    b.set_read("b2")
    b.save()
    a.set_read("a2")
    a.save()

    final = ReadingState(path)
    assert final.read_ids == {"shared", "starred-by-a", "a1", "a2", "b1", "b2"}
    assert final.starred_ids == {"starred-by-a"}
    assert final.position("a1") == 10 and final.position("b1") == 20
    assert final.get("sidebar_visible") is False
    # After saving, an instance also sees what the other one saved.
    assert a.is_read("b2") and not a.is_read("unread-by-b")


def test_a_later_action_wins_over_an_earlier_one(path):
    a, b = ReadingState(path), ReadingState(path)
    a.set_read("x")
    a.save()
    b.set_read("x", False)  # b's user marks it unread after a's save
    b.save()
    assert not ReadingState(path).is_read("x")


def test_two_processes_lose_no_marks(path):
    snippet = textwrap.dedent(
        """
        import sys
        from pathlib import Path
        from reader.state import ReadingState
        path, prefix = Path(sys.argv[1]), sys.argv[2]
        state = ReadingState(path)
        for number in range(40):
            state.set_read(f"{prefix}-{number}")
            state.set_position(f"{prefix}-{number}", number + 1)
            state.save()
        """
    )
    children = [
        subprocess.Popen([sys.executable, "-c", snippet, str(path), prefix]) for prefix in ("left", "right")
    ]
    assert [child.wait(timeout=60) for child in children] == [0, 0]
    final = ReadingState(path)
    expected = {f"{prefix}-{n}" for prefix in ("left", "right") for n in range(40)}
    assert final.warnings == [] and final.read_ids == expected
    assert final.position("left-39") == 40 and final.position("right-0") == 1


def test_a_file_changed_behind_its_back_is_merged_not_overwritten(path):
    state = ReadingState(path)
    state.set_read("mine")
    state.save()
    # Another tool rewrites the file in place (same inode) with one more mark.
    path.write_text(path.read_text().replace("- mine\n", "- mine\n- theirs\n"))
    state.set_read("later")
    state.save()
    assert ReadingState(path).read_ids == {"mine", "theirs", "later"}


def test_saving_in_a_thread_while_marking_loses_nothing(path):
    state = ReadingState(path)
    done = threading.Event()

    def keep_saving():
        while not done.is_set():
            state.save()

    saver = threading.Thread(target=keep_saving)
    saver.start()
    try:
        for number in range(2000):
            state.set_read(f"a{number}")
            state.set_position(f"a{number}", number + 1)
    finally:
        done.set()
        saver.join()
    state.save()
    again = ReadingState(path)
    assert again.read_ids == {f"a{n}" for n in range(2000)}
    assert again.position("a1999") == 2000 and not state.dirty
