"""Named actors scored on the GUM Wikinews set with the shared scorer (skipped without it)."""

from __future__ import annotations

import importlib.util
import json
from dataclasses import asdict
from pathlib import Path

import pytest

from reader.analysis.actors import find_mentions

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
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
    # Measured 80.7 (P 83.1, R 78.4) when this was written.
    assert scores["micro"]["f"] >= 79.0, scores["micro"]


@pytest.mark.parametrize(("kind", "floor"), [("person", 84.0), ("organisation", 69.0), ("place", 79.0)])
def test_exact_span_f1_per_kind(scores: dict, kind: str, floor: float) -> None:
    # Measured person 86.3, organisation 72.0, place 82.1.
    assert scores[kind]["f"] >= floor, scores[kind]


def test_actor_grouping(scores: dict) -> None:
    # Measured 94.7 (P 98.2, R 91.5).
    assert scores["actor_grouping"]["f"] >= 92.0, scores["actor_grouping"]
