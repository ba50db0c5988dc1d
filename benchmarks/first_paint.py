"""Time to first paint of `newsreader --store S` in a real terminal, beside a bare Textual app.

    python benchmarks/first_paint.py [--root /tmp/newsreader-bench] [--sizes 1000,10000,20000] [--reps 5] [--warm 100000]

Both programs run in the same tmux pane (120×34), started the same way
(`respawn-pane`, `exec`), alternating run by run so machine load hits both alike.
A tmux control-mode client watches the pane: the screen is captured after each
burst of output, and a condition that holds is dated by the output that made
it hold (see tmux_control.py). Two moments are measured:

- frame: the app's frame is on screen — for newsreader the sidebar border
  ("Articles") and the footer ("Quit"); for the bare app its one list row and
  its footer ("Quit");
- listed: article titles are in the sidebar — the count in the sidebar's border
  ("Articles 20000 …") and an unread mark on a row. The store is scanned (or
  the index read) in a worker after the frame is painted, so this comes later.
  For the bare app, listed = frame (its one row is there from the start).

Also reported: resident memory of the newsreader process (VmHWM, the peak, and
VmRSS) when the list is shown and, in the first run of each set, again once the
process has gone idle (CPU time stops moving: background indexing and analysis
are finished), and how long that took.
Every run gets fresh NEWSREADER_STATE_DIR/CONFIG_DIR/CACHE_DIR, except in the
warm-index runs, whose cache dir (ROOT/cache-N, shared with search.py) was
brought up to date by one earlier run of the app, which is not counted.
Figures are printed, never asserted: targets are in benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_store import DEFAULT_ROOT, corpus_missing_message, ensure_store  # noqa: E402
from tmux_control import TmuxControl, memory_kb  # noqa: E402

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
NEWSREADER = str(Path(sys.executable).parent / "newsreader")
BARE = [PYTHON, str(HERE / "bare_app.py")]
TIMEOUT = 180.0

_COUNT = re.compile(r"Articles [\d,]+")


def app_frame(screen: str) -> bool:
    return "Articles" in screen and "Quit" in screen


def app_listed(screen: str) -> bool:
    return bool(_COUNT.search(screen)) and "●" in screen


def bare_frame(screen: str) -> bool:
    return "bare article" in screen and "Quit" in screen


def cpu_ticks(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime + stime
    except (OSError, IndexError, ValueError):
        return None


def wait_idle(pid: int, quiet: float = 0.6, timeout: float = TIMEOUT) -> float | None:
    """Seconds until the process used no CPU for `quiet` seconds."""
    started = time.perf_counter()
    last = cpu_ticks(pid)
    still_since = time.perf_counter()
    while time.perf_counter() - started < timeout:
        time.sleep(0.1)
        now = cpu_ticks(pid)
        if now is None:
            return None
        if now != last:
            last, still_since = now, time.perf_counter()
        elif time.perf_counter() - still_since >= quiet:
            return still_since - started
    return None


def fresh_env(base: Path, cache: Path | None = None) -> dict[str, str]:
    run = Path(tempfile.mkdtemp(prefix="run-", dir=base))
    env = {
        "NEWSREADER_STATE_DIR": str(run / "state"),
        "NEWSREADER_CONFIG_DIR": str(run / "config"),
        "NEWSREADER_CACHE_DIR": str(cache or run / "cache"),
        "NEWSREADER_STORE": "",
    }
    for key in ("NEWSREADER_STATE_DIR", "NEWSREADER_CONFIG_DIR"):
        Path(env[key]).mkdir(parents=True)
    return env


def run_once(
    tmux: TmuxControl,
    command: list[str],
    env: dict[str, str],
    tests: dict,
    *,
    measure: bool,
    idle: bool = True,
    idle_timeout: float = TIMEOUT,
) -> dict:
    started = tmux.start(command, env)
    found = tmux.watch(tests, since=started, timeout=TIMEOUT)
    result: dict = dict(found)
    pid = tmux.pid()
    if measure and pid and not tmux.dead():
        result["mem_listed"] = memory_kb(pid)
        if idle:
            result["idle_after"] = wait_idle(pid, timeout=idle_timeout)
            result["mem_idle"] = memory_kb(pid)
    if tmux.dead():
        result["died"] = tmux.screen()
    else:
        tmux.send_keys("q")
        result["quit"] = tmux.wait_dead(30)
        if result["quit"] is None:
            os.kill(pid, 9)
            tmux.wait_dead(10)
    return result


def stats(values: list[float | None]) -> str:
    got = [value for value in values if value is not None]
    if not got:
        return "n/a"
    missing = f" ({len(values) - len(got)} timed out)" if len(got) < len(values) else ""
    return f"median {statistics.median(got) * 1000:7.0f} ms  min {min(got) * 1000:6.0f}  max {max(got) * 1000:6.0f}{missing}"


def median(values: list[float | None]) -> float | None:
    got = [value for value in values if value is not None]
    return statistics.median(got) if got else None


def mb(kb: int | None) -> str:
    return f"{kb / 1024:.0f} MB" if kb else "n/a"


def report(label: str, app_runs: list[dict], bare_runs: list[dict]) -> None:
    print(f"\n== {label}: {len(app_runs)} runs each")
    bare = [run["frame"] for run in bare_runs]
    frame = [run["frame"] for run in app_runs]
    listed = [run["listed"] for run in app_runs]
    print(f"  bare app  frame/listed   {stats(bare)}")
    print(f"  newsreader frame         {stats(frame)}")
    print(f"  newsreader listed        {stats(listed)}")
    base = median(bare)
    if base:
        for name, values in (("frame", frame), ("listed", listed)):
            if (value := median(values)) is not None:
                print(f"  ratio {name:<6} (median / bare median) {value / base:5.2f}×")
    hwm_listed = [run.get("mem_listed", {}).get("VmHWM") for run in app_runs]
    hwm_idle = [run.get("mem_idle", {}).get("VmHWM") for run in app_runs]
    rss_idle = [run.get("mem_idle", {}).get("VmRSS") for run in app_runs]
    idle = [run["idle_after"] for run in app_runs if "idle_after" in run]
    print(
        f"  memory: VmHWM at listed {mb(max(filter(None, hwm_listed), default=None))}, "
        f"VmHWM once idle {mb(max(filter(None, hwm_idle), default=None))}, "
        f"VmRSS once idle {mb(max(filter(None, rss_idle), default=None))} (max over runs)"
    )
    print(f"  idle (CPU quiet 0.6 s: background indexing done) after listed, first run: {stats(idle)}")
    bare_mem = [run.get("mem_listed", {}).get("VmHWM") for run in bare_runs]
    print(f"  bare app VmHWM {mb(max(filter(None, bare_mem), default=None))}")
    for run in app_runs:
        if "died" in run:
            print("  a newsreader run ended by itself; its last screen:\n" + run["died"])
            break


def bench(
    tmux: TmuxControl, store: Path, reps: int, work: Path, *, warm_cache: Path | None
) -> tuple[list[dict], list[dict]]:
    app_tests = {"frame": app_frame, "listed": app_listed}
    command = [NEWSREADER, "--store", str(store)]
    cache = warm_cache
    if cache is not None:
        # One run of the app fills (or brings up to date) the cache; it may index for a long time.
        cache.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        prep = run_once(tmux, command, fresh_env(work, cache), app_tests, measure=True, idle_timeout=3600)
        print(
            f"  (warm-up run to fill the cache: listed after {prep['listed'] or float('nan'):.2f} s, "
            f"idle {time.perf_counter() - started:.1f} s after start)",
            flush=True,
        )
    app_runs, bare_runs = [], []
    for rep in range(reps):
        bare_runs.append(run_once(tmux, BARE, fresh_env(work), {"frame": bare_frame}, measure=True, idle=False))
        # Only the first run waits for background indexing to finish (memory once idle).
        app_runs.append(run_once(tmux, command, fresh_env(work, cache), app_tests, measure=True, idle=rep == 0))
        print(".", end="", flush=True)
    return app_runs, bare_runs


def compile_bytecode() -> None:
    """Byte-compile the installed package, as `pip install .` does, so start-up is timed
    as users get it. An editable install has no bytecode until a run writes it, and
    none is written where PYTHONDONTWRITEBYTECODE is set (as on some CI machines):
    every start would then compile newsreader's modules from source (~20 ms here)."""
    import importlib.util

    spec = importlib.util.find_spec("reader")
    if spec is None or not spec.submodule_search_locations:
        return
    for folder in spec.submodule_search_locations:
        subprocess.run([PYTHON, "-m", "compileall", "-q", folder], check=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="where the stores are (built if missing)")
    parser.add_argument("--sizes", default="1000,10000,20000", help="cold runs: store sizes")
    parser.add_argument("--warm", default="", help="warm-index runs: store sizes (e.g. 20000,100000)")
    parser.add_argument("--reps", type=int, default=5)
    args = parser.parse_args(argv)
    if not shutil.which("tmux"):
        print("tmux is not installed: skipping")
        return 0
    if not Path(NEWSREADER).exists():
        print(f"{NEWSREADER} not found (install the project into this interpreter's environment)")
        return 1
    compile_bytecode()
    plans = [(int(size), False) for size in args.sizes.split(",") if size]
    plans += [(int(size), True) for size in args.warm.split(",") if size]
    work = Path(tempfile.mkdtemp(prefix="newsreader-first-paint-"))
    print(f"first paint in tmux 120×34; python {sys.version.split()[0]}; {os.cpu_count()} CPUs; "
          f"load {os.getloadavg()[0]:.2f}")
    try:
        with TmuxControl(120, 34) as tmux:
            for size, warm in plans:
                store = ensure_store(size, args.root)
                if store is None:
                    print(corpus_missing_message())
                    return 0
                label = f"{size:,} articles, {'warm index' if warm else 'fresh state and cache'}"
                print(f"\n{label} …", end="", flush=True)
                # Warm: the cache dir search.py uses for the same store, so one build serves both.
                warm_cache = args.root / f"cache-{size}" if warm else None
                app_runs, bare_runs = bench(tmux, store, args.reps, work, warm_cache=warm_cache)
                report(label, app_runs, bare_runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
