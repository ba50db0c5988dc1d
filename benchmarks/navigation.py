"""Time per keypress: moving through the sidebar, switching 1,500-word articles, scrolling.

    python benchmarks/navigation.py [--presses 30]

In-process (`App.run_test`, 120×34), for newsreader and, with the same keys, the
bare Textual app (benchmarks/bare_app.py: a list whose highlighted row shows a
1,500-word body). The headless driver normally skips turning frames into
terminal output; here every frame is also rendered to its escape sequences, so
that cost is counted as it would be in a terminal. Keys are sent straight to
the driver as a terminal would send them (no Pilot idle-waits in the timing).

Per key, three figures:
- frame: wall time from the key to the first frame that shows its effect
  (Textual paints at most 60 times a second, so this can include up to ~17 ms
  of waiting for the next paint, and more when the change takes a message hop);
- cpu: CPU time of the UI thread from the key to that frame — the work the
  key cost, without the wait (worker threads, e.g. analysis, not included);
- settled: wall time until no frame followed for 0.25 s (the analysis arriving
  and its highlights being drawn is part of this for newsreader).
"Held key" sends keys at 30 per second, as key repeat does, without waiting:
frame then is key → first frame showing that key's position.
Figures are printed, never asserted; the target is under 16 ms of work per key.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

from textual import events  # noqa: E402
from textual.app import App  # noqa: E402
from textual.driver import Driver  # noqa: E402
from textual.drivers.headless_driver import HeadlessDriver  # noqa: E402

from make_store import CORPUS, corpus_missing_message, load_corpus  # noqa: E402

SIZE = (120, 34)
WORDS = 1_500
SETTLE = 0.25
REPEAT_INTERVAL = 1 / 30


def long_texts(count: int) -> list[tuple[str, str]]:
    """(date, text) pairs of about 1,500 words, stitched from corpus articles."""
    rows = load_corpus()
    texts = []
    n = 0
    for index in range(count):
        paragraphs: list[str] = []
        words = 0
        while words < WORDS:
            text = rows[n % len(rows)]["text"]
            for paragraph in text.split("\n\n"):
                if words >= WORDS:
                    break
                paragraphs.append(paragraph.strip())
                words += len(paragraph.split())
            n += 1
        texts.append((f"2024-{1 + index // 28:02d}-{1 + index % 28:02d}", "\n\n".join(p for p in paragraphs if p)))
    return texts


def write_store(root: Path, texts: list[tuple[str, str]]) -> None:
    for index, (day, text) in enumerate(texts):
        (root / f"{day}-{index:03d}.txt").write_text(f"date {day} {text}\n\nWIKINEWS\n", encoding="utf-8")


class FrameClock:
    """Timestamps every frame the app paints. The app runs on `TimedTerminal`, so it
    renders each frame to terminal output as it would for a real terminal."""

    def __init__(self, probe: Callable[[], object]) -> None:
        self.probe = probe
        self.frames: list[tuple[float, float, object]] = []  # (wall, UI-thread cpu, probe)
        self.event = asyncio.Event()
        self.driver: Driver | None = None

    def frame(self) -> None:
        self.frames.append((time.perf_counter(), time.thread_time(), self.probe()))
        self.event.set()

    def drive(self, app: App) -> None:
        """Run `app` (with `run_test(headless=False)`) on a terminal that times its frames."""
        clock = self

        class TimedTerminal(HeadlessDriver):
            """A headless driver the app takes for a terminal: it renders every frame to
            escape sequences, written here and dropped; each frame ends with a flush."""

            def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
                super().__init__(*args, **kwargs)
                clock.driver = self

            @property
            def is_headless(self) -> bool:
                return False

            def write(self, data: str) -> None:
                pass

            def flush(self) -> None:
                clock.frame()

        app.driver_class = TimedTerminal

    def send(self, app: App, key: str) -> None:
        """A key as the terminal would deliver it, straight to the app's driver."""
        assert self.driver is not None, "the app is not running on the clock's driver"
        event = events.Key(key, key if len(key) == 1 else None)
        event.set_sender(app)
        self.driver.send_message(event)


async def cpu_idle(limit: float = 120.0) -> None:
    """Wait until this process (all its threads) has been nearly idle for half a second:
    the app's start-up indexing and analysis are over before keys are timed."""
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        cpu = time.process_time()
        await asyncio.sleep(0.5)
        if time.process_time() - cpu < 0.05:
            return


async def quiet(clock: FrameClock, seconds: float = SETTLE, limit: float = 10.0) -> float:
    """Wait until no frame came for `seconds`; returns the time of the last frame."""
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        clock.event.clear()
        try:
            await asyncio.wait_for(clock.event.wait(), seconds)
        except asyncio.TimeoutError:
            break
    return clock.frames[-1][0] if clock.frames else started


async def one_at_a_time(app, clock: FrameClock, key: str, presses: int, moved: Callable[[object, object], bool]):  # noqa: ANN001
    frames, cpus, settles = [], [], []
    for _ in range(presses):
        await quiet(clock)
        before = clock.probe()
        clock.frames.clear()
        clock.event.clear()
        cpu0, t0 = time.thread_time(), time.perf_counter()
        clock.send(app, key)
        while not any(moved(before, probe) for _, _, probe in clock.frames):
            clock.event.clear()
            await asyncio.wait_for(clock.event.wait(), 10)
        wall, cpu, _ = next(frame for frame in clock.frames if moved(before, frame[2]))
        frames.append(wall - t0)
        cpus.append(cpu - cpu0)
        settles.append(await quiet(clock) - t0)
    return frames, cpus, settles


async def held(app, clock: FrameClock, key: str, presses: int, position: Callable[[object], int]):  # noqa: ANN001
    await quiet(clock)
    start = position(clock.probe())
    clock.frames.clear()
    sent = []
    for _ in range(presses):
        sent.append(time.perf_counter())
        clock.send(app, key)
        await asyncio.sleep(REPEAT_INTERVAL)
    await quiet(clock)
    latencies = []
    for n, t0 in enumerate(sent, start=1):
        shown = next((wall for wall, _, probe in clock.frames if position(probe) - start >= n and wall >= t0), None)
        latencies.append(None if shown is None else shown - t0)
    return latencies


def summary(values: list[float | None]) -> str:
    got = sorted(value for value in values if value is not None)
    if not got:
        return "n/a"
    p95 = got[min(len(got) - 1, int(round(0.95 * (len(got) - 1))))]
    missing = f", {len(values) - len(got)} never shown" if len(got) < len(values) else ""
    return f"median {statistics.median(got) * 1000:6.1f} ms  p95 {p95 * 1000:6.1f}  max {got[-1] * 1000:6.1f}{missing}"


async def bench_newsreader(store: Path, presses: int) -> dict[str, list]:
    from reader.state import ReadingState
    from reader.ui import collector
    from reader.ui.launch import make_app

    collector.pause()  # as `newsreader` starts (run_app): the app manages the collector from here
    app = make_app(store, state=ReadingState())
    # Installs from before the reading screen (e.g. a baseline under comparison) keep its
    # parts on the app itself.
    reading = getattr(app, "reading", app)

    def probe():
        article = reading.pane.article
        return (reading.article_list.cursor, article.id if article else None, round(reading.pane.scroll_y))

    clock = FrameClock(probe)
    clock.drive(app)
    results: dict[str, list] = {}
    async with app.run_test(size=SIZE, headless=False) as pilot:
        deadline = time.perf_counter() + 60
        while not (reading._loaded and reading.pane.analysis is not None) and time.perf_counter() < deadline:
            await pilot.pause(0.05)
        await cpu_idle()
        # The key's effect is on screen when the reading pane shows the next article.
        switched = lambda before, now: now[1] != before[1]  # noqa: E731
        results["sidebar j, one at a time"] = await one_at_a_time(app, clock, "j", presses, switched)
        order = {article.id: n for n, article in enumerate(reading.article_list.articles)}
        results["sidebar j, held (30/s)"] = [
            await held(app, clock, "j", presses, lambda probe: order.get(probe[1], -1))
        ]
        await pilot.press("enter")
        await quiet(clock)
        scrolled = lambda before, now: now[2] != before[2]  # noqa: E731
        results["reading pane j (scroll), one at a time"] = await one_at_a_time(app, clock, "j", presses, scrolled)
        await pilot.press("q")
    return results


async def bench_bare(texts: list[str], presses: int) -> dict[str, list]:
    from bare_app import BareApp

    app = BareApp(rows=len(texts), bodies=texts)
    results: dict[str, list] = {}

    def probe():
        from textual.widgets import ListView

        lists = app.query(ListView)
        return (lists.first().index if lists else None, app.shown, 0)

    clock = FrameClock(probe)
    clock.drive(app)
    async with app.run_test(size=SIZE, headless=False) as pilot:
        await pilot.pause(0.2)
        moved = lambda before, now: now[1] != before[1]  # noqa: E731
        results["bare list j + 1,500-word body, one at a time"] = await one_at_a_time(app, clock, "j", presses, moved)
        results["bare list j + 1,500-word body, held (30/s)"] = [
            await held(app, clock, "j", presses, lambda probe: probe[1] if probe[1] is not None else -1)
        ]
        await pilot.press("q")
    return results


def print_results(results: dict[str, list]) -> None:
    for name, figures in results.items():
        print(f"\n  {name}")
        if len(figures) == 1:
            print(f"    key → frame showing it   {summary(figures[0])}")
            continue
        frames, cpus, settles = figures
        print(f"    key → frame      {summary(frames)}")
        print(f"    UI-thread cpu    {summary(cpus)}")
        print(f"    key → settled    {summary(settles)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--presses", type=int, default=30)
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(corpus_missing_message())
        return 0
    work = Path(tempfile.mkdtemp(prefix="newsreader-navigation-"))
    for name in ("STATE", "CONFIG", "CACHE"):
        os.environ[f"NEWSREADER_{name}_DIR"] = str(work / name.lower())
    store = work / "store"
    store.mkdir()
    texts = long_texts(args.presses * 2 + 5)
    write_store(store, texts)
    words = statistics.mean(len(text.split()) for _, text in texts)
    print(f"navigation: {len(texts)} articles of ~{words:.0f} words, {SIZE[0]}×{SIZE[1]}, {args.presses} presses each")
    print("\nbare Textual app")
    print_results(asyncio.run(bench_bare([text for _, text in texts], args.presses)))
    print("\nnewsreader")
    print_results(asyncio.run(bench_newsreader(store, args.presses)))
    import shutil

    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
