"""Newsreader uses Textual's public API only: no module of Textual's with a private
name (`textual.widgets._footer`) is imported, here or in the tests, and no private
attribute of the Textual classes it builds on (`app._exception`, `App._display`,
`_start_widget`, …) is read, written, patched or overridden, in the app or the
benchmarks."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest
from textual.app import App
from textual.driver import Driver
from textual.screen import Screen
from textual.widget import Widget

import reader.ui

ROOT = Path(__file__).resolve().parents[2]
CHECKED = [*sorted((ROOT / "reader").rglob("*.py")), *sorted((ROOT / "benchmarks").glob("*.py"))]
TESTS = sorted((ROOT / "tests").rglob("*.py"))


def private_name(dotted: str) -> bool:
    """`textual.widgets._footer`, `textual.widgets._footer.FooterKey`, `textual.app._x`."""
    parts = dotted.split(".")
    return parts[0] == "textual" and any(part.startswith("_") for part in parts[1:])


def textual_imports(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, what) of every import of textual or from it."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names if alias.name.split(".")[0] == "textual")
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "textual":
            found.extend((node.lineno, f"{node.module}.{alias.name}") for alias in node.names)
    return found


def textual_private_names() -> set[str]:
    """Single-underscore names on the Textual classes newsreader's UI builds on (those
    its own classes derive from): their methods and class attributes, and what App,
    Screen and Widget set on an instance."""
    bases: set[type] = {App, Screen, Widget, Driver}
    for info in pkgutil.walk_packages(reader.ui.__path__, "reader.ui."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__:
                bases.update(base for base in cls.__mro__ if base.__module__.split(".")[0] == "textual")
    names = {name for cls in bases for name in vars(cls)}
    for instance in (App(), Screen(), Widget()):
        names.update(vars(instance))
    return {name for name in names if name.startswith("_") and not name.startswith("__")}


def test_the_scan_sees_what_it_must_refuse():
    # The names this project once used must be in the set, or the test below proves nothing.
    names = textual_private_names()
    assert {"_exception", "_display", "_start_widget", "_vertical_scrollbar", "_bindings_ready", "_driver", "_on_click"} <= names
    tree = ast.parse("from textual.widgets._footer import FooterKey\nimport textual._compositor\n")
    assert [private_name(what) for _, what in textual_imports(tree)] == [True, True]
    tree = ast.parse("from textual.widgets import Footer\nimport textual.app\n")
    assert [private_name(what) for _, what in textual_imports(tree)] == [False, False]


@pytest.mark.parametrize("path", CHECKED, ids=lambda path: str(path.relative_to(ROOT)))
def test_no_private_textual_modules_or_attributes(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imports = textual_imports(tree)
    problems = [f"line {line}: imports {what}" for line, what in imports if private_name(what)]
    ui = path.is_relative_to(ROOT / "reader" / "ui") or path.is_relative_to(ROOT / "benchmarks")
    if imports or ui:  # our own `_name`s are checked only where Textual objects are about
        private = textual_private_names()
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in private:
                problems.append(f"line {node.lineno}: .{node.attr} is Textual's")
            elif isinstance(node, ast.Constant) and node.value in private:  # getattr(app, "_exception")
                problems.append(f"line {node.lineno}: {node.value!r} is Textual's")
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name in private:
                problems.append(f"line {node.lineno}: def {node.name} overrides Textual's")
    assert not problems, f"{path.relative_to(ROOT)}:\n" + "\n".join(problems)


@pytest.mark.parametrize("path", TESTS, ids=lambda path: str(path.relative_to(ROOT)))
def test_no_private_textual_modules_in_the_tests(path: Path):
    imports = textual_imports(ast.parse(path.read_text(encoding="utf-8")))
    problems = [f"line {line}: imports {what}" for line, what in imports if private_name(what)]
    assert not problems, f"{path.relative_to(ROOT)}:\n" + "\n".join(problems)
