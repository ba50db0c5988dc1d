"""YAML in and out with the safe loader and dumper only (libyaml when available).

A file that asks for a Python object (`!!python/object/apply:os.system`) is refused
with `UnsafeYAMLError`, a `yaml.YAMLError`, so one `except yaml.YAMLError` covers
both bad syntax and unsafe tags. So is a document whose aliases (or merge keys)
would expand far beyond the size of its text: every document is composed and
measured before anything is built from it, whatever PyYAML version is installed
(6.0.3 and older spend minutes on a 600-byte merge-key bomb). A value that
cannot be converted (`!!int abc`, `!!float x`, a 5,000-digit number) is a
`BadValueError`, also a `yaml.YAMLError`, with its line.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator

import yaml

try:
    from yaml import CSafeDumper as _Dumper
    from yaml import CSafeLoader as _Loader
except ImportError:  # PyYAML built without libyaml
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_PYTHON_TAG = "tag:yaml.org,2002:python/"


class UnsafeYAMLError(yaml.YAMLError):
    """The document uses a `!!python/…` tag, which would run code; it is never loaded."""


class ExpansionError(yaml.YAMLError):
    """Aliases that would expand far beyond the text (an alias or merge-key bomb), or
    refer to themselves; nothing is built from the document."""

    def __init__(self, reason: str, line: int) -> None:
        super().__init__(reason)
        self.problem = reason
        self.problem_mark = yaml.Mark("", 0, line - 1, 0, None, None)
        self.context_mark = None
        self.line = line


class BadValueError(yaml.YAMLError):
    """A tagged or implicit number that cannot be converted (`!!int abc`, 5,000 digits)."""

    def __init__(self, reason: str, node: yaml.Node | None) -> None:
        super().__init__(reason)
        self.problem = reason
        self.problem_mark = node.start_mark if node is not None else None
        self.context_mark = None


def load_yaml(text: str | bytes) -> Any:
    """The single YAML document in `text`, as plain Python data."""
    loader = _Loader(text)
    try:
        with _refusing_python_tags():
            node = loader.get_single_node()
            return None if node is None else construct_checked(loader, node, len(text))
    finally:
        loader.dispose()


def load_all_yaml(text: str | bytes) -> list[Any]:
    """Every document in `text` (`---`-separated), as plain Python data."""
    loader = _Loader(text)
    documents = []
    try:
        with _refusing_python_tags():
            while loader.check_node():
                node = loader.get_node()
                if node is not None:
                    documents.append(construct_checked(loader, node, len(text)))
    finally:
        loader.dispose()
    return documents


def expansion_limit(size: int) -> int:
    """How many nodes a document of `size` characters may expand to through aliases."""
    return 2 * size + 10_000


def construct_checked(loader: Any, node: yaml.Node, size: int) -> Any:
    """The data of a composed document, after refusing alias bombs; a value that
    cannot be converted raises BadValueError."""
    check_expansion(node, expansion_limit(size))
    try:
        return loader.construct_document(node)
    except (ValueError, OverflowError) as error:
        raise bad_value(loader, node, error) from None


def bad_value(loader: Any, root: yaml.Node, error: Exception) -> BadValueError:
    """The BadValueError for a conversion that failed somewhere under `root`: the
    first number that does not convert, with its line."""
    from yaml.constructor import SafeConstructor

    converters = {
        "tag:yaml.org,2002:int": SafeConstructor.construct_yaml_int,
        "tag:yaml.org,2002:float": SafeConstructor.construct_yaml_float,
    }
    for node in walk_nodes(root):
        convert = converters.get(node.tag) if isinstance(node, yaml.ScalarNode) else None
        if convert is None:
            continue
        try:
            convert(loader, node)
        except (ValueError, OverflowError):
            value = str(node.value)
            shown = value if len(value) <= 40 else f"{value[:20]}… ({len(value):,} characters)"
            kind = "whole number" if node.tag.endswith(":int") else "number"
            return BadValueError(f"{shown!r} is not a valid {kind}", node)
    return BadValueError(f"a value cannot be converted ({str(error).splitlines()[0][:80]})", root)


def walk_nodes(root: yaml.Node) -> Iterator[yaml.Node]:
    """Every node of a composed document once (aliased nodes are shared)."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        yield node
        stack.extend(reversed(_children(node)))


def duplicate_keys(root: yaml.Node) -> list[tuple[str, int]]:
    """(key, line) of every key that repeats one earlier in the same mapping: YAML
    keeps only the last, silently."""
    found: list[tuple[str, int]] = []
    for node in walk_nodes(root):
        if not isinstance(node, yaml.MappingNode):
            continue
        seen: set[str] = set()
        for key, _value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.tag != "tag:yaml.org,2002:merge":
                if key.value in seen:
                    found.append((str(key.value), key.start_mark.line + 1))
                seen.add(key.value)
    return found


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return node.value
    if isinstance(node, yaml.MappingNode):
        return [child for pair in node.value for child in pair]
    return []


def check_expansion(root: yaml.Node, limit: int) -> None:
    """Refuse a node graph whose aliases expand past `limit` nodes, or refer to
    themselves: a billion-laughs document is tiny on disk and huge in memory."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        if finished:
            open_nodes.discard(key)
            size = 1 + sum(sizes[id(child)] for child in _children(node))
            if size > limit:
                raise ExpansionError(
                    "YAML aliases expand far beyond the file's size (alias bomb?); not loaded", node.start_mark.line + 1
                )
            sizes[key] = size
            continue
        if key in sizes:
            continue
        if key in open_nodes:
            raise ExpansionError("YAML alias refers to itself; not loaded", node.start_mark.line + 1)
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in sizes)


def load_mapping(data: bytes) -> dict:
    """The YAML mapping in a file's bytes ({} for an empty file).

    Raises ValueError with a one-line reason when the bytes are not UTF-8, not YAML,
    or not a mapping: the caller's cue that the file is corrupt.
    """
    try:
        value = load_yaml(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ValueError("not UTF-8 text") from None
    except yaml.YAMLError as error:
        raise ValueError(describe_yaml_error(error)) from None
    except (RecursionError, MemoryError):
        raise ValueError("nested too deeply") from None
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ValueError(f"expected a mapping of keys, found a {type(value).__name__}")
    return value


def dump_yaml(data: Any) -> str:
    """Block-style YAML, keys in the order given, Unicode kept readable, no line wrapping."""
    return yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=1_000_000,
    )


def describe_yaml_error(error: yaml.YAMLError) -> str:
    """One line for a user: what is wrong and where (`line 3, column 5: …`)."""
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    if mark is None:
        return problem
    return f"line {mark.line + 1}, column {mark.column + 1}: {problem}"


@contextmanager
def _refusing_python_tags() -> Iterator[None]:
    """Turns the safe loader's 'no constructor for python/…' into a clear refusal."""
    try:
        yield
    except yaml.constructor.ConstructorError as error:
        if _PYTHON_TAG not in str(error.problem):
            raise
        tag = str(error.problem).split("'")[1].replace("tag:yaml.org,2002:", "!!")
        unsafe = UnsafeYAMLError(f"refused unsafe YAML tag {tag} (Python objects are never loaded)")
        unsafe.problem = str(unsafe)  # type: ignore[attr-defined]
        unsafe.problem_mark = error.problem_mark  # type: ignore[attr-defined]
        raise unsafe from None
