"""Front matter in .md (and .txt starting with ---), and plain Markdown."""

from __future__ import annotations

from datetime import date

from reader.store import parse_text


def test_markdown_front_matter():
    text = "---\ntitle: Bees dance\ndate: 2023-10-19\nsource: The Lantern\n---\n\nFirst para\nline two.\n\nSecond.\n"
    [article], problems = parse_text(text, "bees.md")
    assert problems == []
    assert (article.title, article.date, article.source) == ("Bees dance", date(2023, 10, 19), "The Lantern")
    # Markdown keeps its line breaks; only blank lines separate paragraphs.
    assert article.body == "First para\nline two.\n\nSecond."


def test_txt_with_front_matter_is_read_as_front_matter():
    [article], problems = parse_text("---\ntitle: T\ndateline: LYON\n---\nBody text\nwrapped.\n", "x.txt")
    assert problems == []
    assert (article.title, article.dateline, article.body) == ("T", "LYON", "Body text wrapped.")


def test_markdown_heading_is_the_title_when_none_is_given():
    [article], _ = parse_text("# Harbour reopens\n\nThe harbour reopened today.\n", "h.md")
    assert article.title == "Harbour reopens"
    assert article.body == "The harbour reopened today."


def test_unclosed_front_matter_is_fatal():
    articles, problems = parse_text("---\ntitle: T\nbody text\n", "x.md")
    assert articles == []
    assert problems[0].fatal and problems[0].line == 1 and "never closed" in problems[0].reason


def test_invalid_front_matter_reports_the_file_line():
    articles, problems = parse_text("---\ntitle: ok\ndate: [unclosed\n---\nBody.\n", "x.md")
    assert articles == []
    assert problems[0].fatal and problems[0].line in (3, 4)


def test_front_matter_field_problems_point_at_their_line():
    [article], problems = parse_text("---\ntitle: ok\ntags: 5\n---\nBody.\n", "x.md")
    assert [(p.line, p.fatal) for p in problems] == [(3, False)]
    assert article.tags == ()


def test_front_matter_that_is_not_a_mapping():
    articles, problems = parse_text("---\n- a\n- b\n---\nBody.\n", "x.md")
    assert articles == [] and "mapping" in problems[0].reason


def test_front_matter_without_body_is_fatal():
    articles, problems = parse_text("---\ntitle: T\n---\n\n", "x.md")
    assert articles == [] and problems[0].fatal


def test_front_matter_python_tag_refused():
    articles, problems = parse_text("---\ntitle: !!python/object/apply:os.system [ls]\n---\nBody.\n", "x.md")
    assert articles == [] and "refused" in problems[0].reason and problems[0].line == 2
