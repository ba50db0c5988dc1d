"""Only reader/ui imports Textual: the app and the command line are two front ends over the rest.

Every module outside reader/ui is imported on its own terms (package `__init__`s
load lazily, so importing only those would prove nothing)."""

import ast
import subprocess
import sys
from pathlib import Path

READER = Path(__file__).resolve().parent.parent / "reader"
# The command line starts the app; nothing else outside reader/ui may reach into it.
MAY_IMPORT_THE_UI = {"reader/cli/__init__.py"}


def module_names() -> list[str]:
    names = []
    for path in sorted(READER.rglob("*.py")):
        relative = path.relative_to(READER.parent).with_suffix("")
        if relative.parts[1] in ("ui", "__main__"):  # __main__ runs the program
            continue
        parts = relative.parts[:-1] if relative.name == "__init__" else relative.parts
        names.append(".".join(parts))
    return names


def textual_importers(names: list[str]) -> str:
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "    if 'textual' in sys.modules:\n"
        "        print(name); break\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return result.stdout.strip()


def test_no_module_outside_the_ui_imports_textual():
    names = module_names()
    assert "reader.archive.service" in names and "reader.index.sync" in names and "reader.present.rows" in names
    assert textual_importers(names) == ""


def test_the_check_can_fail():
    assert textual_importers(["reader.model", "reader.ui.app"]) == "reader.ui.app"


def test_only_the_app_launch_imports_the_ui():
    found = set()
    for path in READER.rglob("*.py"):
        relative = path.relative_to(READER.parent).as_posix()
        if relative.startswith("reader/ui/"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("reader.ui"):
                found.add(relative)
            elif isinstance(node, ast.Import) and any(alias.name.startswith("reader.ui") for alias in node.names):
                found.add(relative)
    assert found <= MAY_IMPORT_THE_UI
