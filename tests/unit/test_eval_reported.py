"""Reported speech scored on PolNeAR dev v2, in-process, with the evaltool's metric."""

from __future__ import annotations

import importlib.util
from dataclasses import asdict
from pathlib import Path

import pytest


SHARED = Path(__file__).resolve().parents[2].parent / "shared"
EVALTOOL = SHARED / "eval" / "evaltool.py"
DEV = SHARED / "eval" / "polnear" / "polnear_dev.v2.jsonl"


def _evaltool():
    spec = importlib.util.spec_from_file_location("evaltool", EVALTOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scored(analyse_once) -> tuple[dict, list[dict], list[dict]]:
    if not (EVALTOOL.exists() and DEV.exists()):
        pytest.skip("shared eval data absent")
    tool = _evaltool()
    if not hasattr(tool, "score_reported"):
        pytest.skip("this evaltool has no reported-speech scorer")
    gold = tool.load_jsonl(DEV)
    outs = []
    for doc in gold:
        analysis = analyse_once(doc["text"])
        outs.append({"quotes": [asdict(q) for q in analysis.quotes], "mentions": [asdict(m) for m in analysis.mentions]})
    return tool.score_reported(gold, outs), gold, outs


def test_reported_speech_on_polnear_dev(scored) -> None:
    result, _, _ = scored
    # Measured: P 90.1, R 69.9, F1 78.7, speaker 93.3 (a spaCy dependency-parse anchor: P 93.5, R 58.2,
    # F1 71.8, speaker 88.8).
    assert result["reported_precision"] >= 89.0
    assert result["reported_recall"] >= 68.5
    assert result["reported_f1"] >= 77.5
    assert result["speaker_accuracy"] >= 92.3


def test_no_named_source_is_anonymous_on_polnear_dev(scored) -> None:
    _, gold, outs = scored
    anonymous = 0
    for out in outs:
        people = [(m["start"], m["end"]) for m in out["mentions"] if m["kind"] == "person"]
        for quote in out["quotes"]:
            if quote["speaker_kind"] != "anonymous":
                continue
            anonymous += 1
            assert quote["speaker"] is None, quote
            start, end = quote["speaker_start"], quote["speaker_end"]
            assert not any(s < end and start < e for s, e in people), quote
    assert anonymous >= 10  # "sources said", "a campaign aide", "Administration officials", …
