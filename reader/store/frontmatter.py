"""Front matter: a YAML mapping between `---` lines, then the body (`.md`, and
`.txt` files that start with `---`). Markdown without front matter is read
too, taking its title from a leading `# heading`."""

from __future__ import annotations

import re

from reader.model import Article, Problem
from reader.store.fields import article_from_mapping, normalise_body, type_name
from reader.store.yaml_format import duplicate_key_problems, load_documents
from reader.text import clean_line

_OPENING = re.compile(r"---[ \t]*\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$\n?", re.MULTILINE)
_HEADING = re.compile(r"#[ \t]+(.+?)[ \t#]*(?:\n|$)")


def starts_with_front_matter(text: str) -> bool:
    return _OPENING.match(text) is not None


def parse_front_matter(
    text: str, *, id: str, path: str, problem_path: str, unwrap: bool
) -> tuple[list[Article], list[Problem]]:
    opening = _OPENING.match(text)
    if opening is None:
        return parse_markdown({}, text, id=id, path=path, problem_path=problem_path, unwrap=unwrap, line_of=lambda _: None)
    closing = _CLOSING.search(text, opening.end())
    if closing is None:
        return [], [Problem(problem_path, "front matter opened with --- is never closed", 1)]
    duplicates: list[tuple[str, int]] = []
    documents, failure = load_documents(text[opening.end() : closing.start()], line_offset=1, duplicates=duplicates)
    if failure is not None:
        return [], [Problem(problem_path, failure.reason, failure.line)]
    node, data = documents[0] if documents else (None, None)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        line = getattr(data, "line", None) or 2
        reason = getattr(data, "reason", None) or f"front matter should be a mapping, not {type_name(data)}"
        return [], [Problem(problem_path, reason, line)]
    keys = {}
    for key_node, _ in node.value if node is not None else ():
        if isinstance(key_node.value, str):
            keys.setdefault(key_node.value.lower(), key_node.start_mark.line + 2)

    def line_of(field: str | None) -> int | None:
        return keys.get(field, 1) if field else 1

    articles, problems = parse_markdown(
        data, text[closing.end() :], id=id, path=path, problem_path=problem_path, unwrap=unwrap, line_of=line_of
    )
    return articles, duplicate_key_problems(duplicates, problem_path) + problems


def parse_markdown(fields, text, *, id, path, problem_path, unwrap, line_of) -> tuple[list[Article], list[Problem]]:
    body_text = text.lstrip("\n")
    heading = _HEADING.match(body_text)
    if heading and fields.get("title") is None:
        fields = {**fields, "title": clean_line(heading.group(1))}
        body_text = body_text[heading.end() :]
    body = normalise_body(body_text, unwrap=unwrap)
    if not body:
        if isinstance(fields.get("body"), str):
            body = None  # the mapping carries the body itself
        else:
            return [], [Problem(problem_path, "no article text after the front matter" if fields else "no article text", None)]
    article, problems = article_from_mapping(
        fields, id=id, path=path, problem_path=problem_path, line_of=line_of, body=body, unwrap=unwrap
    )
    return ([article] if article else []), problems
