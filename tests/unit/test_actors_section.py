"""The reader's fixes to actors in actors.yaml's `Corrections:` section: written without
touching any other line, read back with their lines, left out of the gazetteer (so no
cached analysis goes stale), refused when the file cannot take them."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis.gazetteer import load_gazetteer, parse_user_gazetteer
from reader.corrections import CorrectionsError, NameFix, load_corrections, save_corrections
from reader.corrections.actors_section import MARKER, read_section, with_section
from reader.index.sync import analyser_key

OWN = """\
# Names for the Korea desk.
Kim Jong Un:
  kind: person
  aliases: [Mr Kim]   # as the wire writes him

Ignore: [Korean War]
"""

RENAMED = {"Jon Smith": NameFix(name="John Smith")}


def test_a_section_is_added_after_the_readers_lines_and_removed_to_the_same_bytes() -> None:
    written = with_section(OWN, RENAMED)
    assert written.startswith(OWN + "\n" + MARKER + "\nCorrections:\n")
    assert read_section(written).names == RENAMED
    assert with_section(written, {}) == OWN


def test_a_section_between_entries_is_replaced_in_place() -> None:
    text = OWN + "Corrections:\n  Old: {not_actor: true}\n\n# The agencies.\nKCNA: organisation\n"
    written = with_section(text, RENAMED)
    assert written == OWN + MARKER + "\nCorrections:\n  Jon Smith:\n    name: John Smith\n\n# The agencies.\nKCNA: organisation\n"
    assert with_section(written, {}) == OWN + "\n# The agencies.\nKCNA: organisation\n"


def test_windows_line_ends_are_kept() -> None:
    text = OWN.replace("\n", "\r\n")
    written = with_section(text, RENAMED)
    assert written.startswith(text) and "\n" not in written.replace("\r\n", "")
    assert read_section(written).names == RENAMED


def test_an_empty_file_gets_only_the_section() -> None:
    assert with_section("", RENAMED) == MARKER + "\nCorrections:\n  Jon Smith:\n    name: John Smith\n"
    assert with_section("# nothing yet\n", {}) == "# nothing yet\n"


def test_the_section_is_not_part_of_the_gazetteer_so_no_analysis_goes_stale(tmp_path: Path) -> None:
    (tmp_path / "actors.yaml").write_text(OWN, encoding="utf-8")
    before = analyser_key(load_gazetteer(tmp_path)[0])
    save_corrections(tmp_path, lambda current: current.with_name("Kim Jong Un", NameFix(kind="organisation")))
    gazetteer, problems = load_gazetteer(tmp_path)
    assert problems == [] and analyser_key(gazetteer) == before
    assert gazetteer.lookup("Corrections") is None and gazetteer.lookup("Mr Kim") == ("Kim Jong Un", "person")
    assert load_corrections(tmp_path)[0].names == {"Kim Jong Un": NameFix(kind="organisation")}


def test_a_bad_fix_in_the_section_is_a_problem_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "actors.yaml").write_text(OWN + "Corrections:\n  Jon: {kind: planet}\n  Rest: {not_actor: true}\n", encoding="utf-8")
    corrections, problems = load_corrections(tmp_path)
    assert [(p.path, p.line) for p in problems] == [("actors.yaml", 8)] and "planet" in problems[0].reason
    assert corrections.names == {"Rest": NameFix(not_actor=True)}
    assert parse_user_gazetteer((tmp_path / "actors.yaml").read_text(encoding="utf-8"), "actors.yaml")[1] == []


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (OWN + "Corrections:\n  Jon: {kind: planet}\n", "actors.yaml:8: unknown kind"),
        ("Kim: {kind: person\n", "actors.yaml:2: not valid YAML"),
        ("- name: Kim Jong Un\n  kind: person\n", "actors.yaml:1: corrections can be added only"),
        ("{Kim Jong Un: person}\n", "actors.yaml:1: corrections can be added only"),
    ],
)
def test_a_file_that_cannot_take_a_fix_is_left_as_it_is(tmp_path: Path, text: str, reason: str) -> None:
    path = tmp_path / "actors.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CorrectionsError, match=reason):
        save_corrections(tmp_path, lambda current: current.with_name("Rest", NameFix(not_actor=True)))
    assert path.read_text(encoding="utf-8") == text


def test_a_byte_order_mark_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "actors.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + OWN.encode("utf-8"))
    save_corrections(tmp_path, lambda current: current.with_name("Rest", NameFix(not_actor=True)))
    assert path.read_bytes().startswith(b"\xef\xbb\xbf" + OWN.encode("utf-8"))
    assert load_corrections(tmp_path)[0].names == {"Rest": NameFix(not_actor=True)}


def test_a_quote_fix_leaves_actors_yaml_alone(tmp_path: Path) -> None:
    from reader.corrections import QuoteFix

    path = tmp_path / "actors.yaml"
    path.write_text("Kim: {kind: planet}\n", encoding="utf-8")  # a problem of the gazetteer's, not of the fixes
    save_corrections(tmp_path, lambda current: current.with_quote(("a.txt", 3), QuoteFix("a.txt", "Hi", 3, "Ann")))
    assert path.read_text(encoding="utf-8") == "Kim: {kind: planet}\n"
    assert len(load_corrections(tmp_path)[0].quotes) == 1


def test_a_corrections_section_in_the_config_folders_file_is_named_as_ignored(tmp_path: Path) -> None:
    store, config = tmp_path / "store", tmp_path / "config"
    store.mkdir()
    config.mkdir()
    (config / "actors.yaml").write_text("Kim Jong Un: person\nCorrections:\n  Kim: {not_actor: true}\n", encoding="utf-8")
    gazetteer, problems = load_gazetteer(store, config)
    assert [(p.line, "read only from the store's" in p.reason) for p in problems] == [(2, True)]
    assert gazetteer.lookup("Kim Jong Un") == ("Kim Jong Un", "person")
    assert load_gazetteer(config, config)[1] == []  # the store's own file: no problem
