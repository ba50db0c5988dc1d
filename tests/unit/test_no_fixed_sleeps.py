"""No test sleeps for a fixed time: tests wait on a condition or a message (tests/waiting.py).

A fixed sleep is too short on a loaded machine (a flaky test) and too long on an idle one
(a slow suite). A sleep that is what a test is about, not a wait (a writer killed at a
random moment), says so on its line with "not a wait".
"""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
THE_WAIT_HELPER = TESTS / "waiting.py"
SLEEPS = {("time", "sleep"), ("asyncio", "sleep")}


def fixed_sleeps(source: str) -> list[int]:
    """Lines that call time.sleep, asyncio.sleep, or pilot.pause with a length."""
    lines = source.splitlines()
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        owner = node.func.value.id if isinstance(node.func.value, ast.Name) else None
        is_sleep = (owner, node.func.attr) in SLEEPS
        is_timed_pause = node.func.attr == "pause" and bool(node.args or node.keywords)
        if (is_sleep or is_timed_pause) and "not a wait" not in lines[node.lineno - 1]:
            found.append(node.lineno)
    return found


def test_the_check_finds_each_kind_of_fixed_sleep():
    source = "time.sleep(1)\nawait asyncio.sleep(0.1)\nawait pilot.pause(0.3)\nawait pilot.pause()\n"
    assert fixed_sleeps(source) == [1, 2, 3]
    assert fixed_sleeps("time.sleep(rng.uniform(0, 1))  # a random moment: not a wait\n") == []
    assert fixed_sleeps("script = 'import time; time.sleep(30)'\n") == []  # another process's


def test_no_test_sleeps_for_a_fixed_time():
    offenders = {
        str(path.relative_to(TESTS)): lines
        for path in sorted(TESTS.rglob("*.py"))
        if path != THE_WAIT_HELPER and (lines := fixed_sleeps(path.read_text(encoding="utf-8")))
    }
    assert not offenders, f"wait on a condition instead (tests/waiting.py): {offenders}"
