"""Analysis speed on worst-case texts, beside typical news, in words per second.

    python benchmarks/worst_case_analysis.py [--words 20000] [--reps 3]

Each worst case (tests/worst_case_texts.py: long runs of capitalised words, names
sharing their words, connectors and possessives in one run, quote-mark storms, …)
is analysed at --words words, and at a quarter of that: words/s should not fall
as the text grows, and should stay within a small constant of typical news. The
baseline, measured in the same run, is the Wikinews corpus beside the repo
(../shared/corpus/wikinews), analysed article by article; without it, the bundled
sample store is used instead and the script says so. Best of --reps runs (CPU
time of this process). Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_store import CORPUS, load_corpus  # noqa: E402
from worst_case_texts import WORST_CASES  # noqa: E402

from reader.analysis import analyze  # noqa: E402


def best_seconds(texts: list[str], reps: int) -> float:
    best = float("inf")
    for _ in range(reps):
        started = time.process_time()
        for text in texts:
            analyze(text)
        best = min(best, time.process_time() - started)
    return max(best, 1e-9)


def typical_texts() -> tuple[str, list[str]]:
    if CORPUS.is_dir() and any(CORPUS.glob("*.csv")):
        return f"typical news ({CORPUS.name}, per article)", [row["text"] for row in load_corpus()]
    from reader.store import scan_store

    print(f"corpus not found at {CORPUS}: typical news is the sample store instead")
    return "typical news (sample store)", [article.body for article in scan_store(REPO / "articles").articles]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=20_000, help="size of each worst-case text (default 20000)")
    parser.add_argument("--reps", type=int, default=3, help="runs per measurement; the best counts (default 3)")
    args = parser.parse_args(argv)
    analyze("Warm-up. Kim Jong Un said.")  # the gazetteer loads once, outside every figure
    label, texts = typical_texts()
    words = sum(len(text.split()) for text in texts)
    typical = words / best_seconds(texts, args.reps)
    print(f"{label:38} {words:>9,} words  {typical:>9,.0f} words/s")
    small_size = max(1, args.words // 4)
    print(f"{'worst case':38} {'words/s at ' + format(small_size, ','):>16} {'at ' + format(args.words, ','):>12}  vs typical")
    for name, make in WORST_CASES.items():
        rates = []
        for size in (small_size, args.words):
            text = make(size)
            rates.append(len(text.split()) / best_seconds([text], args.reps))
        print(f"{name:38} {rates[0]:>16,.0f} {rates[1]:>12,.0f}  {rates[1] / typical:8.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
