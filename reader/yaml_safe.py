"""YAML in and out with the safe loader and dumper only (libyaml when available).

A file that asks for a Python object (`!!python/object/apply:os.system`) is refused
with `UnsafeYAMLError`, a `yaml.YAMLError`, so one `except yaml.YAMLError` covers
both bad syntax and unsafe tags.
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


def load_yaml(text: str | bytes) -> Any:
    """The single YAML document in `text`, as plain Python data."""
    with _refusing_python_tags():
        return yaml.load(text, Loader=_Loader)


def load_all_yaml(text: str | bytes) -> list[Any]:
    """Every document in `text` (`---`-separated), as plain Python data."""
    with _refusing_python_tags():
        return list(yaml.load_all(text, Loader=_Loader))


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
    except RecursionError:
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
