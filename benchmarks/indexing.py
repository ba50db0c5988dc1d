"""Cold indexing: `newsreader reindex` of a whole store into an empty cache, timed.

    python benchmarks/indexing.py [--root /tmp/newsreader-bench] [--sizes 20000] [--rounds 3]
        [--against /tmp/venv-baseline/bin/python] [--nice 10]

Each run is a whole `newsreader --store ROOT/store-N reindex --json` process
with new, empty NEWSREADER_CACHE_DIR, NEWSREADER_STATE_DIR and
NEWSREADER_CONFIG_DIR folders (deleted afterwards): every file is read, parsed
and put in the search index, then every article analysed (in worker processes,
one per core), as on a reader's first start. Measured per run: wall seconds,
CPU seconds of the process and its workers (user + system, from wait4), peak
resident memory of the largest of them, articles per wall second, and the
index's size on disk.

`--against PATH` is the python of another install (a venv with the baseline
commit installed, not editable); the two are run alternately, round by round,
the one that goes first swapping each round, so a change in the machine's load
falls on both (`--baseline-first` starts with the baseline). `--nice N` runs both
under `nice -n N`. Figures are printed, never asserted: targets are in
benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_store import DEFAULT_ROOT, corpus_missing_message, ensure_store  # noqa: E402


@dataclass(frozen=True)
class Install:
    label: str
    python: Path

    @property
    def newsreader(self) -> Path:
        return self.python.parent / "newsreader"

    def describe(self) -> str:
        code = (
            "import reader, reader.analysis as a, reader.index.schema as s; "
            "print(reader.__file__.rsplit('/', 2)[0], 'analyser', a.ANALYSER_VERSION, 'schema', s.SCHEMA_VERSION)"
        )
        # Run from / so a `reader` package in the working directory is not the one imported.
        found = subprocess.run([str(self.python), "-c", code], capture_output=True, text=True, check=False, cwd="/")
        return found.stdout.strip() or found.stderr.strip().splitlines()[-1]


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    max_rss_mb: float
    articles: int
    problems: int
    index_mb: float
    load_before: float

    @property
    def rate(self) -> float:
        return self.articles / self.wall if self.wall else 0.0


def index_once(install: Install, store: Path, scratch: Path, nice: int) -> Run:
    """One cold `reindex` of `store` by `install`, in fresh folders under `scratch`."""
    folder = Path(tempfile.mkdtemp(prefix="run-", dir=scratch))
    try:
        env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSREADER_")}
        for name in ("cache", "state", "config"):
            (folder / name).mkdir()
            env[f"NEWSREADER_{name.upper()}_DIR"] = str(folder / name)
        command = [str(install.newsreader), "--store", str(store), "reindex", "--json"]
        if nice:
            command = ["nice", "-n", str(nice), *command]
        load = os.getloadavg()[0]
        started = time.perf_counter()
        # Output goes to files and the process is reaped with wait4, for its rusage
        # (Popen.wait would reap it and lose that).
        with (folder / "out").open("w") as out, (folder / "err").open("w") as err:
            process = subprocess.Popen(command, env=env, stdout=out, stderr=err, cwd=folder)
            _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = code = os.waitstatus_to_exitcode(status)
        if code != 0:
            message = (folder / "err").read_text(errors="replace").strip()[-500:]
            raise SystemExit(f"{install.label}: reindex failed ({code}): {message}")
        report = json.loads((folder / "out").read_text().strip().splitlines()[-1])
        index_bytes = sum(path.stat().st_size for path in (folder / "cache").rglob("*") if path.is_file())
        return Run(
            wall=wall,
            cpu=usage.ru_utime + usage.ru_stime,
            max_rss_mb=usage.ru_maxrss / 1024,
            articles=int(report["articles"]),
            problems=int(report["problems"]),
            index_mb=index_bytes / 1e6,
            load_before=load,
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def summary(runs: list[Run]) -> str:
    walls = [r.wall for r in runs]
    cpus = [r.cpu for r in runs]
    return (
        f"wall median {statistics.median(walls):7.1f} s (min {min(walls):.1f}, max {max(walls):.1f})   "
        f"CPU median {statistics.median(cpus):7.1f} s   {statistics.median([r.rate for r in runs]):6.0f} articles/s"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--sizes", default="20000", help="comma-separated store sizes (ROOT/store-N, built if needed)")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each install per size")
    parser.add_argument("--against", type=Path, help="python of a baseline install, run alternately")
    parser.add_argument("--nice", type=int, default=0, help="run every reindex under nice -n N")
    parser.add_argument(
        "--baseline-first", action="store_true",
        help="the baseline goes first in the first round (to balance a long run split over sessions)",
    )
    args = parser.parse_args(argv)
    installs = [Install("this", Path(sys.executable))]
    if args.against is not None:
        if not (args.against.parent / "newsreader").exists():
            print(f"--against {args.against}: no newsreader beside it", file=sys.stderr)
            return 2
        installs.append(Install("baseline", args.against))
        if args.baseline_first:
            installs.reverse()
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    stores = {size: ensure_store(size, args.root) for size in sizes}
    if any(store is None for store in stores.values()):
        print(corpus_missing_message())
        return 0
    scratch = args.root / "indexing-runs"
    scratch.mkdir(parents=True, exist_ok=True)
    print(f"indexing: cold `newsreader reindex`, {args.rounds} round(s) per size, nice {args.nice}; "
          f"{os.cpu_count()} cores; load {os.getloadavg()[0]:.2f}")
    for install in installs:
        print(f"  {install.label:8} {install.python}: {install.describe()}")
    for size, store in stores.items():
        print(f"  store {store} ({size:,} articles)")
        runs: dict[str, list[Run]] = {install.label: [] for install in installs}
        for round_number in range(args.rounds):
            order = installs if round_number % 2 == 0 else installs[::-1]
            for install in order:
                run = index_once(install, store, scratch, args.nice)
                runs[install.label].append(run)
                print(
                    f"    round {round_number + 1} {install.label:8} wall {run.wall:7.1f} s  CPU {run.cpu:7.1f} s  "
                    f"{run.rate:5.0f} articles/s  {run.articles:,} articles  {run.problems} problems  "
                    f"peak RSS {run.max_rss_mb:.0f} MB  index {run.index_mb:.0f} MB  (load before {run.load_before:.2f})",
                    flush=True,
                )
        for install in installs:
            print(f"    {install.label:8} {summary(runs[install.label])}")
        if len(installs) == 2:
            this, base = runs["this"], runs["baseline"]
            wall = statistics.median(r.wall for r in this) / statistics.median(r.wall for r in base)
            cpu = statistics.median(r.cpu for r in this) / statistics.median(r.cpu for r in base)
            print(f"    this / baseline: wall {wall:.2f}x, CPU {cpu:.2f}x")
    print(f"  load after {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
