"""The benchmarks find the shared corpus from a git worktree too, a folder deeper than the
main checkout: they once said the corpus was absent and built nothing."""

from __future__ import annotations

import importlib.util
from pathlib import Path

MAKE_STORE = Path(__file__).resolve().parents[2] / "benchmarks" / "make_store.py"


def load_make_store():
    spec = importlib.util.spec_from_file_location("make_store_under_test", MAKE_STORE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_corpus_is_found_beside_the_checkout_or_a_folder_above_it(tmp_path: Path):
    make_store = load_make_store()
    corpus = tmp_path / "shared" / "corpus" / "wikinews"
    corpus.mkdir(parents=True)
    main = tmp_path / "main"
    worktree = tmp_path / "wt" / "trial"
    assert make_store.find_corpus(main) == corpus
    assert make_store.find_corpus(worktree) == corpus


def test_without_a_corpus_the_path_named_is_beside_the_checkout(tmp_path: Path):
    make_store = load_make_store()
    assert make_store.find_corpus(tmp_path / "wt" / "trial") == tmp_path / "wt" / "shared" / "corpus" / "wikinews"
