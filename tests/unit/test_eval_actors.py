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

pytestmark = pytest.mark.skipif(not (EVALTOOL.is_file() and GOLD.is_file()), reason="shared eval data absent")


@pytest.fixture(scope="module")
def scores() -> dict:
    spec = importlib.util.spec_from_file_location("evaltool", EVALTOOL)
    evaltool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(evaltool)
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    outs = [{"body": doc["text"], "mentions": [asdict(m) for m in find_mentions(doc["text"])]} for doc in gold]
    evaltool.drop_ignored(gold, outs)
    return evaltool.score_actors(gold, outs)


def test_exact_span_f1_overall(scores: dict) -> None:
    # Measured 82.7 (P 83.6, R 81.9).
    assert scores["micro"]["f"] >= 82.0, scores["micro"]


@pytest.mark.parametrize(("kind", "floor"), [("person", 86.3), ("organisation", 77.4), ("place", 81.3)])
def test_exact_span_f1_per_kind(scores: dict, kind: str, floor: float) -> None:
    # Measured person 87.1, organisation 78.1, place 82.0.
    assert scores[kind]["f"] >= floor, scores[kind]


def test_actor_grouping(scores: dict) -> None:
    # Measured 96.3 (P 98.4, R 94.4).
    assert scores["actor_grouping"]["f"] >= 95.5, scores["actor_grouping"]
