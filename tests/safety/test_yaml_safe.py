"""The one safe way to read YAML: plain data only, Python tags refused with a clear error."""

from __future__ import annotations

import pytest
import yaml

from reader.yaml_safe import UnsafeYAMLError, describe_yaml_error, dump_yaml, load_all_yaml, load_mapping, load_yaml


def test_plain_data_loads():
    assert load_yaml("a: [1, two]\nb: {c: true}\n") == {"a": [1, "two"], "b": {"c": True}}
    assert load_all_yaml("a: 1\n---\n- x\n") == [{"a": 1}, ["x"]]


@pytest.mark.parametrize(
    "text",
    [
        "x: !!python/object/apply:os.system ['true']\n",
        "x: !!python/name:os.system\n",
        "ok: 1\n---\n!!python/object/new:builtins.dict {}\n",
    ],
)
def test_python_tags_are_refused(text, tmp_path):
    with pytest.raises(UnsafeYAMLError, match=r"refused unsafe YAML tag !!python/"):
        load_all_yaml(text)
    with pytest.raises(yaml.YAMLError):  # one except clause covers syntax and safety
        load_all_yaml(text)


def test_errors_are_described_on_one_line_with_a_position():
    with pytest.raises(yaml.YAMLError) as caught:
        load_yaml("a: 1\nb: c: d\n")
    # libyaml and pure-Python PyYAML word the problem slightly differently.
    assert describe_yaml_error(caught.value).startswith("line 2, column 5: mapping values are not allowed")


def test_unsafe_tag_description_has_its_position():
    with pytest.raises(UnsafeYAMLError) as caught:
        load_yaml("a: 1\nb: !!python/name:os.system\n")
    assert describe_yaml_error(caught.value).startswith("line 2, column 4: refused unsafe YAML tag")


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"\xff\xfe\x00x", "not UTF-8"), (b"- a\n", "found a list"), (b"a: [\n", "line 2")],
)
def test_load_mapping_explains_why_a_file_is_not_a_mapping(data, reason):
    with pytest.raises(ValueError, match=reason):
        load_mapping(data)


def test_load_mapping_accepts_empty_files_and_a_bom():
    assert load_mapping(b"") == {}
    assert load_mapping("\ufefftheme: nord\n".encode()) == {"theme": "nord"}


def test_dump_round_trips_and_stays_readable():
    data = {"zeta": ["Seúl/한국.txt", "a" * 200], "alpha": {"x": 1.5}}
    text = dump_yaml(data)
    assert load_yaml(text) == data
    assert text.startswith("zeta:") and "Seúl/한국.txt" in text and "a" * 200 in text
