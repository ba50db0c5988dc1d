"""The binding ids a keymap in the config file can name, and warnings for the others.

Textual ignores a keymap entry for an id no binding has; a typo would then go unseen,
so the ids are gathered from every screen and widget of the app (imported only when
a keymap is set) and checked.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path
from typing import Iterator, Mapping

from textual.binding import Binding
from textual.dom import DOMNode

PREFIX = "newsreader."


def _subclasses(cls: type) -> Iterator[type]:
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
    """One warning naming the ids a keymap (ids with their prefix) has that no binding has."""
    known = known_binding_ids()
    unknown = [name for name in keymap if name not in known]
    if not unknown:
        return []
    shown = ", ".join(repr(name.removeprefix(PREFIX)) for name in unknown)
    names = ", ".join(sorted(name.removeprefix(PREFIX) for name in known))
    return [
        f"config file {config_path}: keymap {'entry' if len(unknown) == 1 else 'entries'} {shown} "
        f"{'names' if len(unknown) == 1 else 'name'} no binding; ignored (known: {names})"
    ]
