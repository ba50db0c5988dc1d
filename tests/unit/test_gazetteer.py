"""The user's actors.yaml: where it is found, what wins, and how a broken one is reported."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from reader.analysis.actors import find_mentions
from reader.analysis.gazetteer import builtin, load_gazetteer, parse_user_gazetteer
from reader.cli.common import load_gazetteer_for_cli


def test_builtin_knows_countries_aliases_and_capitals() -> None:
    gazetteer = builtin()
    assert gazetteer.lookup("DPRK") == ("North Korea", "place")
    assert gazetteer.lookup("U.S.") == ("United States", "place")
    assert gazetteer.lookup("KCNA") == ("Korean Central News Agency", "organisation")
    assert gazetteer.capitals["Pyongyang"] == "North Korea"
    assert gazetteer.lookup("Atlantis Widget") is None


def test_mapping_and_list_forms_parse() -> None:
    mapping, problems = parse_user_gazetteer(
        "Kim Jong Un:\n  kind: person\n  aliases: [Supreme Leader, Kim]\nAcme: org\n", "a.yaml"
    )
    assert problems == []
    assert mapping.kinds == {"Kim Jong Un": "person", "Acme": "organisation"}
    assert mapping.aliases == {"Supreme Leader": "Kim Jong Un", "Kim": "Kim Jong Un"}
    listed, problems = parse_user_gazetteer("- name: Acme\n  kind: organization\n  aliases: Acme Corp\n", "b.yaml")
    assert problems == []
    assert listed.lookup("Acme Corp") == ("Acme", "organisation")


def test_bad_entries_are_reported_with_line_and_skipped() -> None:
    user, problems = parse_user_gazetteer("Good Org: organisation\nBad One:\n  kind: planet\n", "actors.yaml")
    assert user.lookup("Good Org") == ("Good Org", "organisation")
    assert user.lookup("Bad One") is None
    assert len(problems) == 1
    assert problems[0].line == 3 and "planet" in problems[0].reason
    assert str(problems[0]).startswith("actors.yaml:3: ")


def test_invalid_yaml_is_a_problem_not_an_exception() -> None:
    user, problems = parse_user_gazetteer("Acme: [unclosed\n  kind: org\n", "actors.yaml")
    assert user.kinds == {}
    assert len(problems) == 1 and problems[0].line is not None
    assert "YAML" in problems[0].reason


def test_yaml_tags_are_not_executed() -> None:
    user, problems = parse_user_gazetteer("!!python/object/apply:os.system ['true']\n", "actors.yaml")
    assert user.kinds == {}
    assert problems


def write(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "actors.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_store_root_wins_over_config_folder(tmp_path: Path) -> None:
    config = tmp_path / "config"
    store = tmp_path / "store"
    write(config, "Zorblax:\n  kind: place\nQuuxcorp: organisation\n")
    write(store, "Zorblax:\n  kind: person\n")
    gazetteer, problems = load_gazetteer(store, config)
    assert problems == []
    assert gazetteer.lookup("Zorblax") == ("Zorblax", "person")
    assert gazetteer.lookup("Quuxcorp") == ("Quuxcorp", "organisation")
    assert gazetteer.lookup("China") == ("China", "place")  # built-in data still there


@pytest.mark.parametrize("where", ["config", "store"])
def test_each_location_overrides_builtin_rules(tmp_path: Path, where: str) -> None:
    write(tmp_path / where, "Seoul:\n  kind: organisation\n  aliases: [Blue House]\n")
    gazetteer, _ = load_gazetteer(tmp_path / "store", tmp_path / "config")
    found = {(m.text, m.kind, m.actor) for m in find_mentions("Seoul and the Blue House agreed.", gazetteer=gazetteer)}
    assert ("Seoul", "organisation", "Seoul") in found
    assert ("Blue House", "organisation", "Seoul") in found


def test_cli_loader_reads_config_and_store_and_warns_about_broken_files(tmp_path, monkeypatch, capsys) -> None:
    config = tmp_path / "config"
    store = tmp_path / "store"
    store.mkdir()
    (store / "a.txt").write_text("Body text.\n", encoding="utf-8")
    monkeypatch.setenv("NEWSREADER_CONFIG_DIR", str(config))
    write(config, "Frobnitz Council:\n  kind: place\n")
    broken = write(store, "Gizmo Org: organisation\n  - not: [valid\n")
    gazetteer = load_gazetteer_for_cli(argparse.Namespace(store=str(store)))
    assert gazetteer.lookup("Frobnitz Council") == ("Frobnitz Council", "place")
    err = capsys.readouterr().err
    assert f"{broken}:" in err
    line = err.split(f"{broken}:", 1)[1].split(":", 1)[0]
    assert line.isdigit()


def test_cli_loader_without_user_files_gives_builtin(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("NEWSREADER_CONFIG_DIR", str(tmp_path / "none"))
    store = tmp_path / "store"
    store.mkdir()
    gazetteer = load_gazetteer_for_cli(argparse.Namespace(store=str(store)))
    assert gazetteer.lookup("North Korea") == ("North Korea", "place")
    assert capsys.readouterr().err == ""


def test_a_person_named_in_actors_yaml_still_takes_their_surname_mentions():
    from reader.analysis import analyze
    from reader.analysis.gazetteer import builtin, parse_user_gazetteer

    user, problems = parse_user_gazetteer(
        "Kim Jong Un:\n  kind: person\n  aliases: [the North Korean leader]\n", "actors.yaml"
    )
    assert problems == []
    body = 'Kim Jong Un met envoys. "We are ready," Mr Kim said. Kim later left.'
    analysis = analyze(body, gazetteer=builtin().overlaid(user))
    kim = [m for m in analysis.mentions if "Kim" in m.text]
    assert [m.actor for m in kim] == ["Kim Jong Un"] * 3
    assert analysis.quotes[0].speaker == "Kim Jong Un"
