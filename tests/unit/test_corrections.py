"""The corrections file (reader.corrections): read, written, refused when bad, applied."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis import analyze
from reader.corrections import (
    CORRECTIONS_FILE,
    Corrections,
    NameFix,
    QuoteFix,
    apply_corrections,
    load_corrections,
    parse_corrections,
    render_corrections,
    save_corrections,
)
from reader.corrections.file import CorrectionsError
from reader.model import Actor, Analysis, Mention, Quote

GOOD = """\
actors:
  Jon Smith:
    name: John Smith
  Acme Bank:
    kind: organization
  Rest:
    not_actor: true
quotes:
- article: a.txt
  quote: We will win.
  at: 12
  speaker: Ann Roe
- article: a.txt
  quote: axis of evil
  at: 80
  not_statement: true
"""


def test_a_good_file_reads_every_fix() -> None:
    corrections, problems = parse_corrections(GOOD, CORRECTIONS_FILE)
    assert problems == []
    assert corrections.names == {
        "Jon Smith": NameFix(name="John Smith"),
        "Acme Bank": NameFix(kind="organisation"),
        "Rest": NameFix(not_actor=True),
    }
    assert corrections.quotes[("a.txt", 12)] == QuoteFix("a.txt", "We will win.", 12, speaker="Ann Roe")
    assert corrections.quotes[("a.txt", 80)].not_statement


def test_written_corrections_read_back_the_same(tmp_path: Path) -> None:
    corrections, _ = parse_corrections(GOOD, CORRECTIONS_FILE)
    saved = save_corrections(tmp_path, lambda _current: corrections)
    again, problems = load_corrections(tmp_path)
    assert problems == []
    assert again == saved == corrections
    quotes_file = (tmp_path / CORRECTIONS_FILE).read_text(encoding="utf-8")
    assert quotes_file.startswith("# newsreader corrections") and "actors:" not in quotes_file
    assert "Corrections:\n  Jon Smith:\n    name: John Smith\n" in (tmp_path / "actors.yaml").read_text(encoding="utf-8")
    assert not list(tmp_path.glob(".*.tmp"))


def test_saving_edits_the_files_as_they_are_now(tmp_path: Path) -> None:
    (tmp_path / CORRECTIONS_FILE).write_text("quotes:\n- {article: a.txt, quote: Hi, at: 3, speaker: Ann}\n", encoding="utf-8")
    (tmp_path / "actors.yaml").write_text("Corrections:\n  Kim: {name: Kim Jong Un}\n", encoding="utf-8")
    save_corrections(tmp_path, lambda current: current.with_name("Rest", NameFix(not_actor=True)))
    corrections, _ = load_corrections(tmp_path)
    assert set(corrections.names) == {"Kim", "Rest"} and set(corrections.quotes) == {("a.txt", 3)}


def test_fixes_to_actors_in_corrections_yaml_move_to_actors_yaml_when_an_actor_is_corrected(tmp_path: Path) -> None:
    (tmp_path / CORRECTIONS_FILE).write_text(
        "actors:\n  Kim: {name: Kim Jong Un}\nquotes:\n- {article: a.txt, quote: Hi, at: 3, speaker: Ann}\n", encoding="utf-8"
    )
    save_corrections(tmp_path, lambda current: current.with_quote(("a.txt", 9), QuoteFix("a.txt", "Yo", 9, "Bo")))
    assert "Kim" in (tmp_path / CORRECTIONS_FILE).read_text(encoding="utf-8")  # a quote fix moves nothing
    save_corrections(tmp_path, lambda current: current.with_name("Rest", NameFix(not_actor=True)))
    corrections, problems = load_corrections(tmp_path)
    assert problems == [] and set(corrections.names) == {"Kim", "Rest"} and len(corrections.quotes) == 2
    assert parse_corrections((tmp_path / CORRECTIONS_FILE).read_text(encoding="utf-8"), "c")[0].names == {}


def test_no_file_is_no_corrections(tmp_path: Path) -> None:
    assert load_corrections(tmp_path) == (Corrections(), [])


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("actors:\n  Kim: {name: [x\n", 3, "not valid YAML"),
        ("actors:\n  Kim:\n    kind: planet\n", 3, "unknown kind 'planet'"),
        ("actors:\n  Kim: person\n", 2, "expected name, kind or not_actor"),
        ("quotes:\n- article: a.txt\n  quote: Hi\n  at: here\n  speaker: Ann\n", 4, "at must be a whole number"),
        ("quotes:\n- article: a.txt\n  quote: Hi\n  at: 3\n", 2, "needs a speaker or not_statement"),
        ("quotes:\n- article: a.txt\n  at: 3\n  speaker: Ann\n", 2, "needs quote"),
        ("speakers: {}\n", 1, "unknown section 'speakers'"),
        ("- just a list\n", 1, "expected a mapping"),
        ("actors:\n  Kim: !!python/object/apply:os.system [echo hi]\n", 2, "refused a Python object tag"),
        ("actors:\n  Kim: {kind: place}\n  Kim: {kind: person}\n", 3, "duplicate key 'Kim'"),
    ],
)
def test_a_bad_entry_is_a_problem_with_its_line(text: str, line: int, reason: str) -> None:
    corrections, problems = parse_corrections(text, CORRECTIONS_FILE)
    assert len(problems) == 1
    assert problems[0].line == line and reason in problems[0].reason
    assert problems[0].path == CORRECTIONS_FILE and not problems[0].fatal


def test_a_bad_entry_is_skipped_and_the_rest_kept() -> None:
    corrections, problems = parse_corrections("actors:\n  Kim: {kind: planet}\n  Rest: {not_actor: true}\n", "c")
    assert [p.line for p in problems] == [2]
    assert corrections.names == {"Rest": NameFix(not_actor=True)}


def test_an_alias_bomb_is_refused_quickly() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}]\n"
        for n in range(9)
    )
    corrections, problems = parse_corrections(bomb, "c")
    assert not corrections and problems and "alias" in problems[0].reason


def test_a_file_with_problems_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / CORRECTIONS_FILE
    bad = "quotes:\n- {article: a.txt, quote: Hi, at: here, speaker: Ann}\n"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(CorrectionsError, match="corrections.yaml:2"):
        save_corrections(tmp_path, lambda current: current.with_quote(("a.txt", 9), QuoteFix("a.txt", "Yo", 9, "Bo")))
    assert path.read_text(encoding="utf-8") == bad


def test_moving_fixes_out_of_a_corrections_file_with_problems_is_refused(tmp_path: Path) -> None:
    path = tmp_path / CORRECTIONS_FILE
    bad = "actors:\n  Kim: {name: Kim Jong Un}\n  Bo: {kind: planet}\n"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(CorrectionsError, match="corrections.yaml:3"):
        save_corrections(tmp_path, lambda current: current.with_name("Rest", NameFix(not_actor=True)))
    assert path.read_text(encoding="utf-8") == bad and not (tmp_path / "actors.yaml").exists()


def test_a_file_that_is_not_utf8_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / CORRECTIONS_FILE).write_bytes(b"actors:\n  K\xffm: {not_actor: true}\n")
    corrections, problems = load_corrections(tmp_path)
    assert not corrections and problems[0].reason == "not UTF-8 text"


def test_the_fingerprint_ignores_order() -> None:
    one = Corrections({"a": NameFix(kind="place"), "b": NameFix(not_actor=True)})
    two = Corrections({"b": NameFix(not_actor=True), "a": NameFix(kind="place")})
    assert one.fingerprint() == two.fingerprint()
    assert one.fingerprint() != Corrections().fingerprint()
    assert Corrections.from_data(one.as_data()) == one


# ---------------------------------------------------------------- applying

BODY = '"We will win," Jon Smith said. Acme Bank agreed. "Rest assured," said Ann Roe. Rest of the day.'


def analysed() -> Analysis:
    return analyze(BODY)


def test_the_analysis_as_made_names_what_the_corrections_fix() -> None:
    analysis = analysed()
    names = {actor.name for actor in analysis.actors}
    assert {"Jon Smith", "Ann Roe"} <= names
    assert any(q.speaker == "Jon Smith" for q in analysis.quotes)


def test_a_rename_renames_mentions_quotes_and_the_actor() -> None:
    corrections = Corrections({"Jon Smith": NameFix(name="John Smith")})
    fixed = apply_corrections(corrections, "a.txt", analysed())
    names = {actor.name for actor in fixed.actors}
    assert "John Smith" in names and "Jon Smith" not in names
    actor = next(a for a in fixed.actors if a.name == "John Smith")
    assert "Jon Smith" in actor.aliases and actor.quotes == 1
    assert all(m.actor != "Jon Smith" for m in fixed.mentions)
    assert any(q.speaker == "John Smith" for q in fixed.quotes)


def test_a_merge_adds_up_the_counts_and_takes_the_kind_of_the_actor_merged_into() -> None:
    analysis = Analysis(
        mentions=(Mention(0, 3, "Kim", "place", "Kim"), Mention(10, 21, "Kim Jong Un", "person", "Kim Jong Un")),
        quotes=(Quote(30, 40, "hello", "statement", speaker="Kim", speaker_kind=None),),
        actors=(Actor("Kim", "place", (), 1, 1), Actor("Kim Jong Un", "person", (), 1, 0)),
    )
    fixed = apply_corrections(Corrections({"Kim": NameFix(name="Kim Jong Un")}), "x", analysis)
    assert fixed.actors == (Actor("Kim Jong Un", "person", ("Kim",), 2, 1),)
    assert {m.kind for m in fixed.mentions} == {"person"}
    assert fixed.quotes[0].speaker == "Kim Jong Un" and fixed.quotes[0].speaker_kind == "person"


def test_a_chain_of_renames_ends_at_the_last_name_and_a_loop_ends() -> None:
    chain = Corrections({"Jon Smith": NameFix(name="J. Smith"), "J. Smith": NameFix(name="John Smith")})
    assert "John Smith" in {a.name for a in apply_corrections(chain, "a", analysed()).actors}
    loop = Corrections({"Jon Smith": NameFix(name="Ann Roe"), "Ann Roe": NameFix(name="Jon Smith")})
    apply_corrections(loop, "a", analysed())  # returns


def test_a_kind_change_changes_the_actor_and_its_mentions() -> None:
    fixed = apply_corrections(Corrections({"Ann Roe": NameFix(kind="organisation")}), "a", analysed())
    assert next(a for a in fixed.actors if a.name == "Ann Roe").kind == "organisation"
    assert {m.kind for m in fixed.mentions if m.actor == "Ann Roe"} == {"organisation"}
    assert next(q for q in fixed.quotes if q.speaker == "Ann Roe").speaker_kind == "organisation"


def test_a_name_that_is_not_an_actor_is_dropped_and_its_quotes_lose_their_speaker() -> None:
    fixed = apply_corrections(Corrections({"Jon Smith": NameFix(not_actor=True)}), "a", analysed())
    assert "Jon Smith" not in {a.name for a in fixed.actors}
    assert all(m.actor != "Jon Smith" for m in fixed.mentions)
    quote = next(q for q in fixed.quotes if q.text.startswith('"We will win'))
    assert quote.speaker is None and quote.speaker_via is None


def test_a_quote_given_another_speaker_counts_for_them() -> None:
    analysis = analysed()
    quote = next(q for q in analysis.quotes if q.text.startswith('"We will win'))
    fix = QuoteFix("a.txt", quote.text, quote.start, speaker="Ann Roe")
    fixed = apply_corrections(Corrections(quotes={fix.key: fix}), "a.txt", analysis)
    moved = next(q for q in fixed.quotes if q.start == quote.start)
    assert moved.speaker == "Ann Roe" and moved.speaker_via == "correction"
    counts = {a.name: a.quotes for a in fixed.actors}
    assert counts["Ann Roe"] == 2 and counts.get("Jon Smith", 0) == 0
    # Other articles are untouched.
    assert apply_corrections(Corrections(quotes={fix.key: fix}), "b.txt", analysis) is analysis


def test_a_quote_given_someone_the_article_does_not_name_adds_them() -> None:
    analysis = analysed()
    quote = next(q for q in analysis.quotes if q.text.startswith('"We will win'))
    fix = QuoteFix("a.txt", quote.text, quote.start, speaker="Mary Major")
    fixed = apply_corrections(Corrections(quotes={fix.key: fix}), "a.txt", analysis)
    assert Actor("Mary Major", "person", (), 0, 1) in fixed.actors


def test_a_quote_that_is_not_a_statement_becomes_a_term() -> None:
    analysis = analysed()
    quote = next(q for q in analysis.quotes if q.text.startswith('"We will win'))
    fix = QuoteFix("a.txt", quote.text, quote.start, not_statement=True)
    fixed = apply_corrections(Corrections(quotes={fix.key: fix}), "a.txt", analysis)
    term = next(q for q in fixed.quotes if q.start == quote.start)
    assert term.kind == "term" and term.speaker is None
    assert {a.name: a.quotes for a in fixed.actors}.get("Jon Smith", 0) == 0


def test_reported_speech_that_is_not_a_statement_is_dropped() -> None:
    analysis = analyze("Jon Smith said that the plant would close next year.")
    reported = next(q for q in analysis.quotes if q.kind == "reported")
    fix = QuoteFix("a", reported.text, reported.start, not_statement=True)
    fixed = apply_corrections(Corrections(quotes={fix.key: fix}), "a", analysis)
    assert all(q.kind != "reported" for q in fixed.quotes)


def test_a_quote_fix_finds_its_quote_after_the_text_moved() -> None:
    analysis = analysed()
    quote = next(q for q in analysis.quotes if q.text.startswith('"We will win'))
    fix = QuoteFix("a", quote.text, quote.start + 40, speaker="Ann Roe")
    fixed = apply_corrections(Corrections(quotes={fix.key: fix}), "a", analysis)
    assert next(q for q in fixed.quotes if q.start == quote.start).speaker == "Ann Roe"


def test_no_corrections_concerning_an_article_leave_its_analysis_as_it_is() -> None:
    analysis = analysed()
    assert apply_corrections(Corrections({"Nobody Here": NameFix(not_actor=True)}), "a", analysis) is analysis


def test_rendering_is_plain_yaml_the_safe_loader_reads() -> None:
    corrections, _ = parse_corrections(GOOD, "c")
    text = render_corrections(corrections)
    assert "!!" not in text
    assert parse_corrections(text, "c")[0] == corrections


# ---------------------------------------------------------------- edits and their undo


def test_each_edit_is_undone_to_what_the_file_held(tmp_path: Path) -> None:
    from reader.corrections import edits

    (tmp_path / CORRECTIONS_FILE).write_text("actors:\n  Kim: {kind: place}\n", encoding="utf-8")
    quote = analysed().quotes[0]
    for edit in (
        edits.rename("Kim", "Kim Jong Un"),
        edits.set_kind("Kim", "person"),
        edits.not_an_actor("Ann Roe"),
        edits.give_speaker("a.txt", quote, "Ann Roe"),
        edits.not_a_statement("a.txt", quote),
    ):
        before = load_corrections(tmp_path)[0]
        after = save_corrections(tmp_path, edit)
        assert after != before
        save_corrections(tmp_path, edit.undo)
        assert load_corrections(tmp_path)[0] == before, edit.label


def test_a_rename_keeps_a_corrected_kind_and_renaming_back_restores_the_name() -> None:
    from reader.corrections import edits

    start = Corrections({"Jon Smith": NameFix(kind="organisation")})
    renamed = edits.rename("Jon Smith", "John Smith")(start)
    assert renamed.names["Jon Smith"] == NameFix(name="John Smith", kind="organisation")
    back = edits.rename("John Smith", "Jon Smith")(renamed)
    names = {a.name for a in apply_corrections(back, "a", analysed()).actors}
    assert "Jon Smith" in names and "John Smith" not in names
