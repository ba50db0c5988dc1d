"""Search latency on a big store's index, in-process and as a whole `newsreader search` process.

    python benchmarks/search.py [--root /tmp/newsreader-bench] [--size 100000] [--reps 5]

The index lives in ROOT/cache-N (NEWSREADER_CACHE_DIR) and is reused between
runs; the first run builds it (reading every file, then analysing every
article, as `newsreader search` would) and reports how long that took. Then:

- in-process: `Index.search(q)` for a set of queries (words, phrases,
  prefixes, filters, actors), each `--reps` times: p50/p95 over all calls, and
  the slowest query; `Index.summaries()` (the whole list, newest first, as the
  app's sidebar would read it) and `Index.sync()` with nothing changed;
- the whole process: `newsreader --store S search QUERY` against
  `python -c pass` run the same way (same interpreter, same environment).
Figures are printed, never asserted: targets are in benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_store import DEFAULT_ROOT, corpus_missing_message, ensure_store  # noqa: E402

NEWSREADER = str(Path(sys.executable).parent / "newsreader")
QUERIES = [
    "election",
    "police",
    "government minister",
    "said",
    "the",
    "football OR cricket",
    '"prime minister"',
    '"climate change"',
    "vacc*",
    "court ruling appeal",
    "earthquake tsunami",
    "source:wikinews election",
    "from:2019-06 to:2019-12 protest",
    'actor:"Donald Trump"',
    'said:"Boris Johnson"',
    "actor:China trade",
    "zzzzunmatched",
    "coronavirus from:2020",
]
CLI_QUERIES = ["election", '"prime minister"', 'actor:"Donald Trump" court']


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def timed(call, *args, **kwargs):
    started = time.perf_counter()
    result = call(*args, **kwargs)
    return time.perf_counter() - started, result


def process_times(command: list[str], reps: int, env: dict[str, str]) -> list[float]:
    times = []
    for _ in range(reps):
        started = time.perf_counter()
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - started)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--reps", type=int, default=5)
    args = parser.parse_args(argv)
    store = ensure_store(args.size, args.root)
    if store is None:
        print(corpus_missing_message())
        return 0
    cache = args.root / f"cache-{args.size}"
    os.environ["NEWSREADER_CACHE_DIR"] = str(cache)
    os.environ["NEWSREADER_STATE_DIR"] = str(args.root / "state")
    os.environ["NEWSREADER_CONFIG_DIR"] = str(args.root / "config")
    os.environ.pop("NEWSREADER_STORE", None)

    from reader.analysis.gazetteer import load_gazetteer
    from reader.index import Index, QueryError
    from reader.paths import config_dir

    # The gazetteer the CLI uses: analyses made with another one would be redone by `newsreader search`.
    gazetteer, _ = load_gazetteer(store, config_dir())

    print(f"search: {args.size:,}-article store {store}; index in {cache}; load {os.getloadavg()[0]:.2f}")
    seconds, index = timed(Index.open, store)
    print(f"  Index.open                      {ms(seconds)}")
    phases: dict[str, float] = {}
    started = time.perf_counter()
    result = index.sync(gazetteer=gazetteer, listed=lambda: phases.setdefault("listed", time.perf_counter() - started))
    seconds = time.perf_counter() - started
    if result.changed:
        listed = phases.get("listed")
        print(
            f"  index built: {seconds:.1f} s (files read and searchable after {listed or float('nan'):.1f} s; "
            f"{result.added:,} added, {result.analysed:,} analysed)"
        )
        seconds, result = timed(index.sync, gazetteer=gazetteer)
    print(f"  sync with nothing changed       {ms(seconds)}")
    seconds, summaries = timed(index.summaries)
    print(f"  summaries() (whole list)        {ms(seconds)} for {len(summaries):,} articles")

    from reader.archive.service import Archive

    archive = Archive(store)
    archive.open()

    def measure(label: str, search) -> None:  # noqa: ANN001
        calls: list[float] = []
        per_query: dict[str, float] = {}
        hits: dict[str, int] = {}
        for query in QUERIES:
            times = []
            for _ in range(args.reps):
                try:
                    seconds, found = timed(search, query)
                except QueryError as error:
                    print(f"  query {query!r} refused: {error}")
                    break
                times.append(seconds)
                hits[query] = len(getattr(found, "hits", found))
            if times:
                calls += times
                per_query[query] = statistics.median(times)
        print(f"  {label}: {len(calls)} calls over {len(per_query)} queries")
        print(f"    p50 {ms(pct(calls, 0.5))}   p95 {ms(pct(calls, 0.95))}   max {ms(max(calls))}")
        for query, seconds in sorted(per_query.items(), key=lambda item: -item[1])[:5]:
            print(f"    slow: {query!r:40} median {ms(seconds)} ({hits[query]} hits)")

    measure("in the app (Archive.search: up to 1,000 hits, titles, the true count)", archive.search)
    measure("Index.search (as `newsreader search`: 200 hits with snippets)", index.search)
    index.close()
    archive.close()

    env = dict(os.environ)
    base = process_times([sys.executable, "-c", "pass"], args.reps, env)
    print(f"  process: python -c pass          median {ms(statistics.median(base))}  min {ms(min(base))}")
    for query in CLI_QUERIES:
        times = process_times([NEWSREADER, "--store", str(store), "search", query], args.reps, env)
        print(
            f"  process: newsreader search {query!r:28} median {ms(statistics.median(times))}  "
            f"min {ms(min(times))}  max {ms(max(times))}  ({statistics.median(times) / statistics.median(base):.1f}× python -c pass)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
