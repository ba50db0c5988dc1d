"""A writer killed at any moment leaves the old state file or the new one, never a torn one."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import textwrap
import time

from reader.state import ReadingState
from reader.yaml_safe import load_yaml

BATCH = 25  # read marks added per save

# Loads the state, checks it, then saves forever, each save adding the next BATCH ids.
# It says "saved" after its first save so that the parent kills it mid-loop, not mid-import.
WRITER = textwrap.dedent(
    f"""
    import sys
    from pathlib import Path
    from reader.state import ReadingState

    state = ReadingState(Path(sys.argv[1]))
    if state.warnings:
        sys.exit("warnings: " + repr(state.warnings))
    count = len(state.read_ids)
    announced = False
    while True:
        for _ in range({BATCH}):
            article = "world/" + format(count, "06d") + "-an-identifier-long-enough-to-grow-the-file.txt"
            state.set_read(article)
            state.set_position(article, count + 1)
            count += 1
        state.last_article = article
        state.save()
        if not announced:
            print("saved", flush=True)
            announced = True
    """
)


def _article(number: int) -> str:
    return f"world/{number:06d}-an-identifier-long-enough-to-grow-the-file.txt"


def _assert_whole(path) -> int:
    """The file is one complete save: parseable, warning-free, a prefix of the writer's ids."""
    assert isinstance(load_yaml(path.read_bytes()), dict)
    state = ReadingState(path)
    assert state.warnings == []
    count = len(state.read_ids)
    assert count % BATCH == 0
    assert state.read_ids == {_article(n) for n in range(count)}
    assert state.last_article == _article(count - 1)
    assert state.position(_article(count - 1)) == count
    return count


def test_sigkill_at_random_moments_never_tears_the_state_file(tmp_path):
    path = tmp_path / "state.yaml"
    rng = random.Random(20261127)
    counts = []
    for _ in range(40):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        line = writer.stdout.readline()
        assert line == "saved\n", writer.communicate()[1]
        time.sleep(rng.uniform(0, 0.02))  # a random moment into its writing: what is tested, not a wait
        writer.send_signal(signal.SIGKILL)
        assert writer.wait(timeout=30) == -signal.SIGKILL
        writer.stdout.close()
        writer.stderr.close()
        counts.append(_assert_whole(path))

    # Every writer saved at least once on top of what the previous one left.
    assert all(later > earlier for earlier, later in zip(counts, counts[1:]))
    # Temporary files of killed writers are swept up by the next save.
    state = ReadingState(path)
    state.set_read("after")
    state.save()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


# Writes big files so that most kills land while bytes are still being written.
BIG_WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from reader.atomic import write_atomic

    number = 0
    while True:
        write_atomic(Path(sys.argv[1]), (format(number, "08d") + "\\n").encode() * 400_000)
        if number == 0:
            print("saved", flush=True)
        number += 1
    """
)


def test_sigkill_during_big_writes_leaves_one_whole_file(tmp_path):
    path = tmp_path / "big.yaml"
    rng = random.Random(7)
    for _ in range(30):
        writer = subprocess.Popen([sys.executable, "-c", BIG_WRITER, str(path)], stdout=subprocess.PIPE, text=True)
        assert writer.stdout.readline() == "saved\n"
        time.sleep(rng.uniform(0, 0.03))  # a random moment into its writing: what is tested, not a wait
        writer.kill()
        writer.wait(timeout=30)
        writer.stdout.close()
        data = path.read_bytes()
        assert len(data) == 9 * 400_000
        assert data == data[:9] * 400_000
