"""Assemble the held-out gold files with their article texts, for the scorers.

The committed gold files carry everything but the texts: the shared corpus README asks that
the Wikinews texts be read from ../shared, not copied into the project. Each record names its
article (corpus file and 0-based data row) and keeps the sha256 of its text; this reads the
texts from ../shared/corpus/wikinews, checks every hash, and writes complete gold files (the
formats of ood_dev.jsonl and gum_news_actors.jsonl) that speakers.py and evaltool.py read.

    python eval/heldout/assemble.py [OUT_DIR] [--corpus DIR]

OUT_DIR defaults to a new temporary folder. Standard library only.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SHARED = REPO.parent / "shared"
DEFAULT_CORPUS = SHARED / "corpus" / "wikinews"
SPEAKERS = "wikinews_speakers.jsonl"
ACTORS = "wikinews_actors.jsonl"
ANALYSER = "newsreader analyze --raw --jsonl"


class AssembleError(Exception):
    """The texts cannot be assembled: corpus missing, row missing, or a hash that differs."""


class Corpus:
    """The `text` column of the Wikinews CSV files, read as the corpus README says."""

    def __init__(self, folder: Path) -> None:
        if not folder.is_dir():
            raise AssembleError(
                f"{folder}: the Wikinews corpus is not there; the held-out texts are read from "
                "../shared/corpus/wikinews (run from a worktree beside ../shared, or pass --corpus DIR)"
            )
        self.folder = folder
        self._texts: dict[str, list[str]] = {}

    def text(self, path: str, row: int, sha256: str, where: str) -> str:
        """The text of data row `row` (0-based, header excluded) of the CSV named by `path`."""
        name = Path(path).name
        if name not in self._texts:
            self._texts[name] = self._read(name)
        texts = self._texts[name]
        if not 0 <= row < len(texts):
            raise AssembleError(f"{where}: {self.folder / name} has no data row {row} ({len(texts)} rows)")
        text = texts[row]
        found = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if found != sha256:
            raise AssembleError(
                f"{where}: {self.folder / name} row {row} has sha256 {found}, the gold file expects "
                f"{sha256}: the corpus differs from the copy that was annotated"
            )
        return text

    def _read(self, name: str) -> list[str]:
        csv.field_size_limit(10**8)
        try:
            with open(self.folder / name, encoding="utf-8", newline="") as f:
                return [row["text"] for row in csv.DictReader(f)]
        except (OSError, UnicodeDecodeError, KeyError, csv.Error) as error:
            raise AssembleError(f"{self.folder / name}: cannot read the texts: {error}") from error


def _with_key_after(record: dict, after: str, key: str, value: object) -> dict:
    """`record` with `key` placed after `after`, so the assembled files keep the key order the
    annotation tools wrote."""
    out: dict = {}
    for name, item in record.items():
        out[name] = item
        if name == after:
            out[key] = value
    return out


def speakers_with_texts(records: list[dict], corpus: Corpus) -> list[dict]:
    out = []
    for record in records:
        source = record["source"]
        text = corpus.text(source["path"], source["row"], record["sha256"], record["file"])
        out.append(_with_key_after(record, "sha256", "text", text))
    return out


def actors_with_texts(records: list[dict], corpus: Corpus) -> list[dict]:
    out = []
    for record in records:
        source = record["provenance"]
        text = corpus.text(source["path"], source["row"], record["sha256"], record["id"])
        quotes = [dict(quote, text=text[quote["start"] : quote["end"]]) for quote in record["quotes"]]
        out.append(_with_key_after(dict(record, quotes=quotes), "url", "text", text))
    return out


def speakers_without_texts(records: list[dict]) -> list[dict]:
    """What the committed speakers file keeps (the annotation tools write it)."""
    return [{key: value for key, value in record.items() if key != "text"} for record in records]


def actors_without_texts(records: list[dict]) -> list[dict]:
    """What the committed actors file keeps: quotes by offsets only, no text."""
    out = []
    for record in records:
        quotes = [{"start": quote["start"], "end": quote["end"]} for quote in record["quotes"]]
        out.append({key: value for key, value in dict(record, quotes=quotes).items() if key != "text"})
    return out


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def write_jsonl(path: Path, records: list[dict]) -> None:
    """Written to a temporary file and moved into place, so a reader never sees half a file."""
    partial = path.with_name(path.name + ".partial")
    with open(partial, "w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    os.replace(partial, path)


def assemble(out_dir: Path, corpus_dir: Path = DEFAULT_CORPUS, gold_dir: Path = HERE) -> tuple[Path, Path]:
    """Write both complete gold files to `out_dir`; return their paths."""
    corpus = Corpus(corpus_dir)
    speakers = speakers_with_texts(read_jsonl(gold_dir / SPEAKERS), corpus)
    actors = actors_with_texts(read_jsonl(gold_dir / ACTORS), corpus)
    out_dir.mkdir(parents=True, exist_ok=True)
    write_jsonl(out_dir / SPEAKERS, speakers)
    write_jsonl(out_dir / ACTORS, actors)
    return out_dir / SPEAKERS, out_dir / ACTORS


def scoring_commands(speakers: Path, actors: Path, shared: Path = SHARED) -> list[str]:
    """The two scoring commands, to run from the repository root (where `newsreader` is the
    analyser under test)."""
    scorers = os.path.relpath(os.path.abspath(shared / "eval"), REPO)
    return [
        f'python {scorers}/speakers.py {speakers.resolve()} --cmd "{ANALYSER}"',
        f'python {scorers}/evaltool.py actors --gold {actors.resolve()} --cmd "{ANALYSER}"',
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "out_dir", nargs="?", type=Path, help="where to write the gold files (default: a new temporary folder)"
    )
    parser.add_argument(
        "--corpus", type=Path, default=DEFAULT_CORPUS, help="the Wikinews CSV folder (default: ../shared/corpus/wikinews)"
    )
    args = parser.parse_args(argv)
    out_dir = args.out_dir or Path(tempfile.mkdtemp(prefix="newsreader-heldout-"))
    try:
        speakers, actors = assemble(out_dir, args.corpus)
    except AssembleError as error:
        print(f"assemble.py: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"assemble.py: cannot write to {out_dir}: {error}", file=sys.stderr)
        return 1
    print(f"Wrote {speakers} and {actors}. Score them from the repository root with:")
    for command in scoring_commands(speakers, actors, args.corpus.absolute().parents[1]):
        print(f"  {command}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
