"""Found in the post-merge trial: a correction must change no more of an analysis than it names
(a renamed person keeps their quotes' speaker kind; reported speech's speakers do not become actors)."""

from __future__ import annotations

from reader.analysis import analyze
from reader.analysis.sourcing_summary import sourcing_summary
from reader.corrections.apply import apply_corrections
from reader.corrections.file import parse_corrections

RENAME_ANN = "actors:\n  Ann Roe:\n    name: Anne Roe\n"


def corrected(text: str, corrections_yaml: str):
    corrections, problems = parse_corrections(corrections_yaml, "corrections.yaml")
    assert problems == []
    return analyze(text), apply_corrections(corrections, "a.txt", analyze(text))


def test_renaming_a_person_keeps_their_quotes_speaker_kind():
    before, after = corrected('"We will stay," said Ann Roe. "We will go," said Bob Lee.', RENAME_ANN)
    assert [q.speaker_kind for q in before.quotes] == ["person", "person"]
    assert [(q.speaker, q.speaker_kind) for q in after.quotes] == [("Anne Roe", "person"), ("Bob Lee", "person")]
    assert sourcing_summary(after).people == 2


def test_a_correction_adds_no_actor_the_analysis_did_not_have():
    text = 'Ann Roe spoke on Monday. "We will stay," she said. The Post reported that the mayor had resigned.'
    before, after = corrected(text, RENAME_ANN)
    assert any(q.speaker == "The Post" and q.kind == "reported" for q in before.quotes)
    assert [a.name for a in before.actors] == ["Ann Roe"]
    assert [a.name for a in after.actors] == ["Anne Roe"]
