"""YAML articles: mappings, lists, several documents, and everything that can go wrong."""

from __future__ import annotations

import sys
from datetime import date

import pytest

from reader.store import parse_text


def parse(text: str, name: str = "news.yaml"):
    return parse_text(text, name)


def test_single_mapping_with_every_field():
    articles, problems = parse(
        "title: Ferry cut\n"
        "date: 2025-02-11\n"
        "source: Northern Wire\n"
        "byline: A. Writer\n"
        "dateline: STRANDVIK\n"
        "url: https://example.org/ferry\n"
        "tags: [transport, islands]\n"
        "body: |\n"
        "  First paragraph\n"
        "  wrapped.\n"
        "\n"
        "  Second paragraph.\n"
    )
    assert problems == []
    [article] = articles
    assert article.id == "news.yaml"
    assert (article.title, article.date, article.source, article.byline) == (
        "Ferry cut",
        date(2025, 2, 11),
        "Northern Wire",
        "A. Writer",
    )
    assert (article.dateline, article.url, article.tags) == ("STRANDVIK", "https://example.org/ferry", ("transport", "islands"))
    assert article.body == "First paragraph wrapped.\n\nSecond paragraph."


def test_yml_suffix_and_missing_title_from_lede():
    [article], _ = parse("body: The council met. It voted.\n", "a.yml")
    assert article.title == "The council met"


def test_list_gets_numbered_ids_and_a_bad_item_keeps_the_good_ones():
    text = "- body: One.\n- title: no body here\n- body: Three.\n  date: 2021-01-03\n"
    articles, problems = parse(text)
    assert [a.id for a in articles] == ["news.yaml#1", "news.yaml#3"]
    assert [(p.line, p.fatal) for p in problems] == [(2, True)]
    assert "body" in problems[0].reason


def test_several_documents_one_article_each():
    text = "body: One.\n---\nbody: Two.\n---\nbody: Three.\n"
    articles, problems = parse(text)
    assert problems == []
    assert [a.id for a in articles] == ["news.yaml#1", "news.yaml#2", "news.yaml#3"]
    assert [a.body for a in articles] == ["One.", "Two.", "Three."]


def test_single_item_list_has_a_plain_id():
    [article], _ = parse("- body: Only one.\n")
    assert article.id == "news.yaml"


def test_invalid_yaml_reports_the_line():
    articles, problems = parse("title: fine\nbody: ok\n  bad: indentation: here\n")
    assert articles == []
    [problem] = problems
    assert problem.fatal and problem.line == 3
    assert problem.reason.startswith("invalid YAML")


def test_documents_before_a_broken_one_still_load():
    articles, problems = parse("body: One.\n---\nbody: [unclosed\n")
    assert [a.body for a in articles] == ["One."]
    assert problems and problems[0].fatal and problems[0].line == 3


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("title: x\n", "missing 'body'"),
        ("body:\n", "'body' is empty"),
        ("body: [1, 2]\n", "'body' should be text, not a list"),
        ("body: {a: 1}\n", "'body' should be text, not a mapping"),
        ("body: '   '\n", "'body' is empty"),
        ("just a string\n", "expected a mapping"),
        ("- 5\n- body: ok\n", "expected a mapping"),
    ],
)
def test_broken_bodies_are_fatal(text, reason):
    _, problems = parse(text)
    assert any(p.fatal and reason in p.reason for p in problems), problems


@pytest.mark.parametrize(
    ("field_line", "field"),
    [("title: [1, 2]", "title"), ("tags: 5", "tags"), ("source: {a: 1}", "source"), ("byline: true", "byline")],
)
def test_wrong_field_types_are_warnings_with_lines(field_line, field):
    articles, problems = parse(f"body: Text here.\n{field_line}\n")
    [article] = articles
    [problem] = problems
    assert not problem.fatal and problem.line == 2
    assert f"'{field}'" in problem.reason
    expected = {"title": "Text here", "tags": ()}.get(field)  # a title falls back to the lede
    assert getattr(article, field) == expected


def test_numbers_are_accepted_as_text_fields_and_tags():
    [article], problems = parse("title: 1984\ntags: [2021, news]\nbody: Text.\n")
    assert problems == []
    assert article.title == "1984" and article.tags == ("2021", "news")


@pytest.mark.parametrize("value", ["2021-02-30", "'2021-02-30'", "'next tuesday'", "[2021]"])
def test_bad_dates_are_warnings_and_the_article_loads_undated(value):
    articles, problems = parse(f"body: Text.\ndate: {value}\n")
    [article] = articles
    assert article.date is None
    [problem] = problems
    assert problem.line == 2 and not problem.fatal


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2021-07-12", date(2021, 7, 12)), ("2021-07-12T09:30:00Z", date(2021, 7, 12)), ("'12 July 2021'", date(2021, 7, 12))],
)
def test_date_forms(value, expected):
    [article], problems = parse(f"body: Text.\ndate: {value}\n")
    assert problems == [] and article.date == expected


def test_python_tags_are_refused_not_run(tmp_path):
    marker = tmp_path / "pwned"
    text = f"body: !!python/object/apply:os.system ['touch {marker}']\n"
    articles, problems = parse(text)
    assert articles == [] and not marker.exists()
    [problem] = problems
    assert problem.fatal and "python/object/apply:os.system" in problem.reason and "refused" in problem.reason


def test_python_tag_in_one_document_keeps_the_others():
    articles, problems = parse("body: One.\n---\n!!python/name:os.system\n---\nbody: Three.\n")
    assert [a.id for a in articles] == ["news.yaml#1", "news.yaml#3"]
    assert len(problems) == 1 and problems[0].line == 3


def test_billion_laughs_is_refused():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 10):
        previous, name = chr(96 + level), chr(97 + level)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    lines.append("body: *j")
    articles, problems = parse("\n".join(lines) + "\n")
    assert articles == []
    [problem] = problems
    assert problem.fatal and "alias" in problem.reason


def test_merge_key_bomb_is_refused():
    lines = ["a: &a {x: 1, y: 2}"]
    previous = "a"
    for level in range(30):
        lines.append(f"m{level}: &m{level} {{<<: [*{previous}, *{previous}]}}")
        previous = f"m{level}"
    lines.append("body: text")
    articles, problems = parse("\n".join(lines) + "\n")
    assert articles == [] and problems and "alias" in problems[0].reason


def test_self_referencing_alias_is_refused():
    _, problems = parse("body: text\ntags: &t [*t]\n")
    assert problems and "refers to itself" in problems[0].reason


def test_ordinary_aliases_still_work():
    articles, problems = parse("- &common {source: Wire, body: One.}\n- {<<: *common, body: Two.}\n")
    assert problems == []
    assert [(a.source, a.body) for a in articles] == [("Wire", "One."), ("Wire", "Two.")]


def test_deep_nesting_is_a_problem_not_a_crash():
    depth = max(sys.getrecursionlimit(), 1000) * 2
    articles, problems = parse("body: " + "[" * depth + "]" * depth + "\n")
    assert articles == [] and problems and problems[0].fatal


def test_control_characters_in_fields_are_cleaned():
    [article], _ = parse('title: "Bad\\x1b[2Jtitle\\u202e"\nbody: "Text\\x1b]0;x\\x07 here."\ntags: ["a\\x1b[1mb"]\n')
    assert article.title == "Badtitle"
    assert article.body == "Text here."
    assert article.tags == ("ab",)
