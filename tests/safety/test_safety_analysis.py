"""The analyser is linear: whatever the text, its work grows with its length, and
stays within a small constant of a news article's work per word. Work is counted,
not timed: every Python and built-in call the analysis makes (deterministic)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.analysis import analyze
from reader.store import scan_store

from worst_case_texts import WORST_CASES

SAMPLE_STORE = Path(__file__).resolve().parents[2] / "articles"


def calls_made(text: str) -> int:
    """Calls made analysing `text` once every cache it fills is warm (the `re` module's
    pattern cache and the analyser's own), so the count does not depend on test order."""
    analyze(text)
    count = 0

    def profiler(frame, event, arg) -> None:
        nonlocal count
        if event == "call" or event == "c_call":
            count += 1

    sys.setprofile(profiler)
    try:
        analyze(text)
    finally:
        sys.setprofile(None)
    return count


def words(text: str) -> int:
    return len(text.split())


@pytest.fixture(scope="module")
def typical_calls_per_word() -> float:
    analyze("Warm-up. Kim Jong Un said.")  # loads the gazetteer, which is not the text's work
    articles = scan_store(SAMPLE_STORE).articles
    assert articles
    return sum(calls_made(a.body) for a in articles) / sum(a.words for a in articles)


@pytest.mark.parametrize("case", list(WORST_CASES))
def test_worst_case_work_grows_linearly_with_the_text(case: str, typical_calls_per_word: float) -> None:
    small, large = WORST_CASES[case](300), WORST_CASES[case](1200)
    small_calls, large_calls = calls_made(small), calls_made(large)
    growth = (large_calls / small_calls) / (words(large) / words(small))
    assert growth < 1.15, f"{case}: 4x the words cost {large_calls / small_calls:.1f}x the work"
    per_word = large_calls / words(large)
    assert per_word < 8 * typical_calls_per_word, f"{case}: {per_word:.0f} calls a word, news {typical_calls_per_word:.0f}"


def test_a_run_of_titled_names_is_analysed_not_failed() -> None:
    """Thousands of titles in one run once recursed past Python's limit."""
    analysis = analyze(WORST_CASES["titles in one run"](6000))
    assert any(m.kind == "person" for m in analysis.mentions)


QUIT_WHILE_ANALYSING = r"""
import asyncio, sys, threading
from pathlib import Path
from reader.config import Config
from reader.state import ReadingState
from reader.ui.launch import make_app
from waiting import wait_for

started = threading.Event()

def analyser(article):
    started.set()
    threading.Event().wait()  # an analysis that never ends

async def main():
    app = make_app(Path(sys.argv[1]), state=ReadingState(Path(sys.argv[2])), config=Config(), analyser=analyser)
    async with app.run_test() as pilot:
        await wait_for(pilot, started.is_set, what="the analysis under way")
        await pilot.press("q")
    print("app closed", flush=True)

asyncio.run(main())
print("loop closed", flush=True)
"""


def test_quitting_never_waits_for_an_analysis(tmp_path: Path) -> None:
    """`q` while an article is being analysed (in the index worker and the reading pane):
    the process ends at once, the reading state saved. The timeout only guards a hang."""
    store = tmp_path / "store"
    store.mkdir()
    (store / "a.txt").write_text("A long article\n\nKim Jong Un said it would end.\n", encoding="utf-8")
    state = tmp_path / "state.yaml"
    result = subprocess.run(
        [sys.executable, "-c", QUIT_WHILE_ANALYSING, str(store), str(state)],
        capture_output=True, text=True, timeout=120, cwd=Path(__file__).parents[1],  # tests/: `waiting`
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == ["app closed", "loop closed"]
    assert state.is_file()
