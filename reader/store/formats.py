"""Which parser reads a file: chosen by suffix, and by a leading `---`."""

from __future__ import annotations

from reader.model import Article, Problem
from reader.store.frontmatter import parse_front_matter, starts_with_front_matter
from reader.store.wire import parse_wire
from reader.store.yaml_format import parse_yaml
from reader.store.fields import clean

YAML_SUFFIXES = frozenset({".yaml", ".yml"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
TEXT_SUFFIXES = frozenset({".txt"})
ARTICLE_SUFFIXES = YAML_SUFFIXES | MARKDOWN_SUFFIXES | TEXT_SUFFIXES


def suffix_of(name: str) -> str:
    base = name.rpartition("/")[2]
    dot = base.rfind(".")
    return base[dot:].lower() if dot > 0 else ""


def parse_document(text: str, *, name: str, id: str, path: str, problem_path: str) -> tuple[list[Article], list[Problem]]:
    """Articles from decoded text. `name` picks the format; `id` is the article id
    (`#N` is added for files with several); `problem_path` labels problems."""
    if not text.strip():
        return [], [Problem(problem_path, "empty file")]
    suffix = suffix_of(name)
    if suffix in YAML_SUFFIXES:
        return parse_yaml(clean(text), id=id, path=path, problem_path=problem_path)
    text = clean(text)
    if suffix in MARKDOWN_SUFFIXES:
        return parse_front_matter(text, id=id, path=path, problem_path=problem_path, unwrap=False)
    if starts_with_front_matter(text):
        return parse_front_matter(text, id=id, path=path, problem_path=problem_path, unwrap=True)
    return parse_wire(text, id=id, path=path, problem_path=problem_path)
