"""Named actors scored on the GUM Wikinews set with the shared scorer (skipped without it)."""

from __future__ import annotations

import importlib.util
import json
from dataclasses import asdict
from pathlib import Path

import pytest

from reader.analysis.actors import find_mentions

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
EVALTOOL = SHARED / "eval" / "evaltool.py"
GOLD = SHARED / "eval" / "gum" / "gum_news_actors.jsonl"
CONLL = SHARED / "eval" / "conll" / "conll_dev_actors.jsonl"

pytestmark = pytest.mark.skipif(not (EVALTOOL.is_file() and GOLD.is_file()), reason="shared eval data absent")


def _score(path: Path) -> dict:
    spec = importlib.util.spec_from_file_location("evaltool", EVALTOOL)
    evaltool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(evaltool)
    gold = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    outs = [{"body": doc["text"], "mentions": [asdict(m) for m in find_mentions(doc["text"])]} for doc in gold]
    evaltool.drop_ignored(gold, outs)
    return evaltool.score_actors(gold, outs)


@pytest.fixture(scope="module")
def scores() -> dict:
    return _score(GOLD)


@pytest.fixture(scope="module")
def conll() -> dict:
    if not CONLL.is_file():
        pytest.skip("CoNLL dev data absent")
    return _score(CONLL)


def test_exact_span_f1_overall(scores: dict) -> None:
    # Measured 86.1 (P 88.0, R 84.4); 82.9 before issue 16.
    assert scores["micro"]["f"] >= 85.6, scores["micro"]


@pytest.mark.parametrize(("kind", "floor"), [("person", 90.5), ("organisation", 81.0), ("place", 84.0)])
def test_exact_span_f1_per_kind(scores: dict, kind: str, floor: float) -> None:
    # Measured person 91.2, organisation 81.7, place 84.6.
    assert scores[kind]["f"] >= floor, scores[kind]


def test_actor_grouping(scores: dict) -> None:
    # Measured 98.1 (P 99.3, R 96.9); 96.3 before issue 16.
    assert scores["actor_grouping"]["f"] >= 97.6, scores["actor_grouping"]


def test_conll_micro_f1(conll: dict) -> None:
    # Measured 80.5 (P 86.3, R 75.5); 72.9 before issue 16.
    assert conll["micro"]["f"] >= 80.0, conll["micro"]


@pytest.mark.parametrize(("kind", "floor"), [("person", 87.3), ("organisation", 69.3), ("place", 79.5)])
def test_conll_f1_per_kind(conll: dict, kind: str, floor: float) -> None:
    # Measured person 87.8, organisation 69.9 (37.4 before issue 16), place 80.0.
    assert conll[kind]["f"] >= floor, conll[kind]
