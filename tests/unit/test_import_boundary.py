"""Only reader/ui imports Textual: the app and the command line are two front ends over
the rest. Every other module of the package, imported on its own in a fresh interpreter,
must load without it (a lazy package `__init__` would hide what its modules import, so
each module is imported by name); and nothing outside reader/ui but the app's launch
reaches into it."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "reader"
# The command line starts the app; nothing else outside reader/ui may reach into it.
MAY_IMPORT_THE_UI = {"reader/cli/__init__.py"}

# Imports each module named on the command line with `textual` refused, and prints
# the modules that reached for it. Each import runs against a clean slate of
# reader modules so one module's import cannot hide another's.
PROBE = r"""
import importlib, json, sys

class RefuseTextual:
    def find_spec(self, name, path=None, target=None):
        if name == "textual" or name.startswith("textual."):
            raise ImportError(f"refused {name}", name=name)
        return None

sys.meta_path.insert(0, RefuseTextual())
offenders = {}
for module in sys.argv[1:]:
    for loaded in [m for m in sys.modules if m == "reader" or m.startswith("reader.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(module)
    except BaseException as error:  # a lazy package may turn the ImportError into another
        cause = error
        while cause is not None and not str(cause).startswith("refused textual"):
            cause = cause.__cause__ or cause.__context__
        offenders[module] = str(cause) if cause is not None else f"{type(error).__name__}: {error}"
print(json.dumps({"offenders": offenders, "textual_loaded": "textual" in sys.modules}))
"""


def modules_outside_ui() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if "ui" in parts[1:2] or parts[-1] == "__main__":  # __main__ runs the program
            continue
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def probe(modules: list[str]) -> dict:
    result = subprocess.run([sys.executable, "-c", PROBE, *modules], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_no_module_outside_the_ui_imports_textual():
    modules = modules_outside_ui()
    assert len(modules) > 40 and "reader.index.sync" in modules and "reader.store.scan" in modules
    assert "reader.archive.service" in modules and "reader.present.rows" in modules
    report = probe(modules)
    assert report["offenders"] == {}
    assert report["textual_loaded"] is False


def test_the_check_can_fail():
    assert probe(["reader.ui.app"])["offenders"] == {"reader.ui.app": "refused textual"}


def test_only_the_app_launch_imports_the_ui():
    found = set()
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE.parent).as_posix()
        if relative.startswith("reader/ui/"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("reader.ui"):
                found.add(relative)
            elif isinstance(node, ast.Import) and any(alias.name.startswith("reader.ui") for alias in node.names):
                found.add(relative)
    assert found <= MAY_IMPORT_THE_UI, found
