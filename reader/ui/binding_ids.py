"""The binding ids a keymap in the config file can name, and warnings for the others.

Textual ignores a keymap entry for an id no binding has; a typo would then go unseen,
so the ids are gathered from every screen and widget of the app (imported only when
a keymap is set) and checked.
"""

from __future__ import annotations

import difflib
import importlib
import pkgutil
from pathlib import Path
from typing import Iterator, Mapping

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode

PREFIX = "newsreader."


def _subclasses(cls: type) -> Iterator[type]:
    sub: type
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def known_binding_ids() -> set[str]:
    """Every `newsreader.` binding id of the app's screens and widgets."""
    import reader.ui.app  # noqa: F401  (the app and its default screen)

    for package in ("reader.ui.screens", "reader.ui.widgets"):
        module = importlib.import_module(package)
        for info in pkgutil.iter_modules(module.__path__):
            importlib.import_module(f"{package}.{info.name}")
    ids: set[str] = set()
    for cls in _subclasses(DOMNode):
        if not cls.__module__.startswith("reader.ui"):
            continue
        for binding in Binding.make_bindings(cls.__dict__.get("BINDINGS", ())):
            if binding.id is not None and binding.id.startswith(PREFIX):
                ids.add(binding.id)
    return ids


def unknown_keymap_warnings(keymap: Mapping[str, str], config_path: Path) -> list[str]:
    """A warning for each id of a keymap (ids with their prefix) that no binding has, naming
    the known ids nearest to it (a typo), else all of them."""
    known = sorted(name.removeprefix(PREFIX) for name in known_binding_ids())
    warnings = []
    for name in keymap:
        short = name.removeprefix(PREFIX)
        if short in known and name.startswith(PREFIX):
            continue
        near = difflib.get_close_matches(short, known, n=3, cutoff=0.6)
        if near:
            hint = f"did you mean {' or '.join(map(repr, near))}? every id is on the help screen, ?"
        else:
            hint = f"known: {', '.join(known)}"
        warnings.append(f"config file {config_path}: keymap entry {short!r} names no binding; ignored ({hint})")
    return warnings


def shown_key(app: App[object], binding_id: str, default: str) -> str:
    """The key a binding has now (a keymap may have moved it), as the footer shows keys:
    for hints such as "z to undo"."""
    keys = getattr(app, "keymap", {}).get(binding_id, default)
    return app.get_key_display(Binding(keys.split(",")[0].strip() or default, ""))
