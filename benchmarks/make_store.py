"""Build benchmark stores of N articles from the shared Wikinews corpus.

    python benchmarks/make_store.py [--root /tmp/newsreader-bench] [--sizes 1000,10000,20000,100000]

Each store is `ROOT/store-N`: the corpus cycled with dates shifted back a week
per cycle, spread over year/month subfolders (at most a few hundred files per
folder), mostly wire-style `.txt` and one article in eight as `.yaml`. A store
that is already complete (its `.complete` marker says N) is reused, so later
benchmarks can call `ensure_store()` cheaply. Nothing is written into the repo.

When /work/shared (the corpus) is absent this says so and exits 0.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import re
import shutil
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
CORPUS_PATH = Path("shared") / "corpus" / "wikinews"


def find_corpus(repo: Path) -> Path:
    """`shared/corpus/wikinews` beside the repo, or beside a folder above it: a git
    worktree (/work/wt/NAME) sits a level deeper than the main checkout (/work/main)."""
    for folder in repo.parents:
        if (folder / CORPUS_PATH).is_dir():
            return folder / CORPUS_PATH
    return repo.parent / CORPUS_PATH


CORPUS = find_corpus(REPO)
DEFAULT_ROOT = Path(os.environ.get("NEWSREADER_BENCH_ROOT", "/tmp/newsreader-bench"))
SIZES = (1_000, 10_000, 20_000, 100_000)
MIN_WORDS = 40  # the corpus has a stub or two; they make poor articles
# Wikinews texts open with the day they were published ("Monday, March 15, 2021").
_DAY_LINE = re.compile(r"\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \w+ \d{1,2}, \d{4}\s*")
YAML_EVERY = 8  # one article in eight is written as YAML
MARKER = ".complete"


def load_corpus(corpus: Path = CORPUS) -> list[dict[str, str]]:
    csv.field_size_limit(10**8)
    rows: list[dict[str, str]] = []
    for path in sorted(corpus.glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                text = _DAY_LINE.sub("", row.get("text") or "", count=1).strip()
                if len(text.split()) >= MIN_WORDS:
                    rows.append({**row, "text": text})
    return rows


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return dt.date(2020, 1, 1)


def _wire(day: dt.date, text: str, *, header: bool) -> str:
    # Wire files have no title field: the app derives it from the lede. Some
    # files leave the date header out and rely on the date in the file name.
    body = text.strip().replace("\r\n", "\n")
    head = f"date {day.isoformat()} " if header else ""
    return f"{head}{body}\n\nWIKINEWS\n"


def _yaml(title: str, day: dt.date, url: str, text: str) -> str:
    document = {
        "title": title.strip(),
        "date": day.isoformat(),
        "source": "Wikinews",
        "url": url,
        "body": text.strip().replace("\r\n", "\n") + "\n",
    }
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=1_000_000)


def store_path(root: Path, size: int) -> Path:
    return root / f"store-{size}"


def is_complete(store: Path, size: int) -> bool:
    try:
        return (store / MARKER).read_text().strip() == str(size)
    except OSError:
        return False


def build_store(store: Path, size: int, rows: list[dict[str, str]]) -> None:
    if store.exists():
        shutil.rmtree(store)
    tmp = store.with_name(store.name + ".partial")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    made_dirs: set[Path] = set()
    for n in range(size):
        row = rows[n % len(rows)]
        cycle = n // len(rows)
        day = _date(row["date"]) - dt.timedelta(days=7 * cycle)
        # Folder per year/month, split into buckets of 250 so no folder is huge.
        folder = tmp / f"{day.year}" / f"{day.month:02d}" / f"b{(n // 250) % 8}"
        if folder not in made_dirs:
            folder.mkdir(parents=True, exist_ok=True)
            made_dirs.add(folder)
        stem = f"{day.isoformat()}-{n:06d}"
        if n % YAML_EVERY == YAML_EVERY - 1:
            content = _yaml(row["title"], day, row.get("url", ""), row["text"])
            name = f"{stem}.yaml"
        else:
            content = _wire(day, row["text"], header=n % 5 != 0)
            name = f"{stem}.txt"
        (folder / name).write_text(content, encoding="utf-8")
    (tmp / MARKER).write_text(f"{size}\n")
    tmp.rename(store)


def ensure_store(size: int, root: Path = DEFAULT_ROOT, *, quiet: bool = False) -> Path | None:
    """The path of a complete store of `size` articles, built if needed; None without the corpus."""
    store = store_path(root, size)
    if is_complete(store, size):
        return store
    if not CORPUS.is_dir():
        return None
    rows = load_corpus()
    if not rows:
        return None
    if not quiet:
        print(f"building {store} ({size:,} articles)…", file=sys.stderr, flush=True)
    build_store(store, size, rows)
    return store


def corpus_missing_message() -> str:
    return f"corpus not found at {CORPUS} (nor as {CORPUS_PATH} beside any folder above it): nothing to build, skipping"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help=f"where stores go (default {DEFAULT_ROOT})")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="comma-separated article counts")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(corpus_missing_message())
        return 0
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    rows = load_corpus()
    print(f"corpus: {len(rows)} articles from {CORPUS}")
    for size in sizes:
        store = store_path(args.root, size)
        if is_complete(store, size):
            print(f"{store}: {size:,} articles (already built)")
            continue
        import time

        started = time.perf_counter()
        build_store(store, size, rows)
        print(f"{store}: {size:,} articles built in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
