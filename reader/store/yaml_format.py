"""YAML articles: a mapping, a list of mappings, or several documents per file.

Only plain data is ever built: the safe loader, dates kept as text (so an
impossible date is a field problem, not a broken file), and documents whose
aliases would expand far beyond the size of the file refused before they are
built.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from reader.model import Article, Problem
from reader.store.fields import article_from_mapping, type_name
from reader.yaml_safe import ExpansionError, bad_value, check_expansion, duplicate_keys, expansion_limit

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    pass


_Loader.add_constructor("tag:yaml.org,2002:timestamp", SafeConstructor.construct_yaml_str)


def load_documents(
    text: str, *, line_offset: int = 0, duplicates: list[tuple[str, int]] | None = None
) -> tuple[list[tuple[yaml.Node, Any]], Problem | None]:
    """Every document of `text` as (node, data). Stops at the first broken one and
    returns what was read before it, plus a Problem (with an empty path). Keys
    given twice in one mapping are added to `duplicates` as (key, line)."""
    documents: list[tuple[yaml.Node, Any]] = []
    loader = _Loader(text)
    # Expansion only happens through aliases, and aliases need anchors.
    limit = expansion_limit(len(text)) if "&" in text else None
    try:
        while loader.check_node():
            node = loader.get_node()
            if node is None:
                continue
            if limit is not None:
                check_expansion(node, limit)
            if duplicates is not None:  # before building: merge keys (<<) are folded in then
                duplicates.extend((key, line + line_offset) for key, line in duplicate_keys(node))
            try:
                data = loader.construct_document(node)
            except yaml.constructor.ConstructorError as error:
                _reset(loader)
                line = _line(error)
                documents.append((node, _Broken(_constructor_reason(error), line)))
                continue
            except (ValueError, OverflowError) as error:
                _reset(loader)
                bad = bad_value(loader, node, error)
                documents.append((node, _Broken(f"invalid YAML value: {bad.problem}", _line(bad))))
                continue
            documents.append((node, data))
    except ExpansionError as refused:
        return documents, Problem("", refused.problem, _offset(refused.line, line_offset))
    except yaml.MarkedYAMLError as error:
        reason = f"invalid YAML: {error.problem or error.context or 'cannot parse'}"
        # An error found at the end of the input is reported on the last line.
        last_line = text.count("\n", 0, len(text.rstrip("\n"))) + 1
        line = _line(error)
        return documents, Problem("", reason, _offset(min(line, last_line) if line else None, line_offset))
    except yaml.YAMLError as error:
        return documents, Problem("", f"invalid YAML: {error}", None)
    except (RecursionError, MemoryError):
        return documents, Problem("", "YAML nested too deeply or too large to load", None)
    finally:
        loader.dispose()
    return [(node, data if not isinstance(data, _Broken) else data.shift(line_offset)) for node, data in documents], None


class _Broken:
    """A document that parsed but could not be built (an unsafe tag, a bad key)."""

    def __init__(self, reason: str, line: int | None) -> None:
        self.reason = reason
        self.line = line

    def shift(self, offset: int) -> "_Broken":
        return _Broken(self.reason, _offset(self.line, offset))


def _reset(loader: Any) -> None:
    loader.state_generators = []
    loader.constructed_objects = {}
    loader.recursive_objects = {}
    loader.deep_construct = False


def _line(error: yaml.MarkedYAMLError) -> int | None:
    mark = error.problem_mark or error.context_mark
    return mark.line + 1 if mark is not None else None


def _offset(line: int | None, offset: int) -> int | None:
    return line + offset if line is not None else None


def _constructor_reason(error: yaml.constructor.ConstructorError) -> str:
    problem = error.problem or ""
    if "tag:yaml.org,2002:python/" in problem:
        tag = problem.split("tag:yaml.org,2002:", 1)[1].rstrip("'")
        return f"refused YAML tag !!{tag}: articles are plain data, Python objects are never loaded"
    if "constructor for the tag" in problem:
        tag = problem.rsplit(" ", 1)[-1].strip("'")
        return f"unsupported YAML tag {tag}"
    return f"invalid YAML: {problem or error.context or 'cannot build'}"


def parse_yaml(text: str, *, id: str, path: str, problem_path: str) -> tuple[list[Article], list[Problem]]:
    duplicates: list[tuple[str, int]] = []
    documents, failure = load_documents(text, duplicates=duplicates)
    problems: list[Problem] = []
    entries: list[tuple[yaml.Node, Any]] = []
    for node, data in documents:
        if isinstance(data, _Broken):
            problems.append(Problem(problem_path, data.reason, data.line))
            entries.append((node, data))
        elif isinstance(data, list) and isinstance(node, yaml.SequenceNode):
            entries.extend(zip(node.value, data))
        elif data is not None:
            entries.append((node, data))
    if failure is not None:
        problems.append(Problem(problem_path, failure.reason, failure.line))
    problems.extend(duplicate_key_problems(duplicates, problem_path))

    articles: list[Article] = []
    several = len(entries) > 1
    for number, (node, data) in enumerate(entries, start=1):
        if isinstance(data, _Broken):
            continue  # already reported
        if data is None:
            problems.append(Problem(problem_path, "empty entry, expected a mapping with a 'body'", node.start_mark.line + 1))
            continue
        if not isinstance(data, dict):
            reason = f"expected a mapping with a 'body', not {type_name(data)}"
            problems.append(Problem(problem_path, reason, node.start_mark.line + 1))
            continue
        article, field_problems = article_from_mapping(
            data,
            id=f"{id}#{number}" if several else id,
            path=path,
            problem_path=problem_path,
            line_of=_line_finder(node),
        )
        problems.extend(field_problems)
        if article is not None:
            articles.append(article)
    if not articles and not problems:
        problems.append(Problem(problem_path, "no article in this YAML file", None))
    return articles, problems


def duplicate_key_problems(duplicates: list[tuple[str, int]], problem_path: str) -> list[Problem]:
    """A warning for each key given twice in one mapping (YAML keeps the last, silently)."""
    return [
        Problem(problem_path, f"duplicate key {key!r}; only the last one is used", line, fatal=False)
        for key, line in duplicates
    ]


def _line_finder(node: yaml.Node):
    start = node.start_mark.line + 1
    keys: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode) and isinstance(key_node.value, str):
                keys.setdefault(key_node.value.lower(), key_node.start_mark.line + 1)

    def line_of(field: str | None) -> int | None:
        return keys.get(field, start) if field else start

    return line_of
