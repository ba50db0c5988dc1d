"""The `Corrections:` section of the store's `actors.yaml`: the reader's fixes to actors.

    Kim Jong Un:                      # the reader's own entries, never touched by the app
      aliases: [Mr Kim]

    # Corrections made in newsreader (e on an actor). The app rewrites only this section.
    Corrections:
      Jon Smith:
        name: John Smith              # rename; or merge into the actor of that name
      Acme Bank:
        kind: organisation
      Rest:
        not_actor: true

The section is applied after analysis, like `corrections.yaml`, so the gazetteer leaves it
out (`reader.analysis.gazetteer`): changing it analyses nothing again. Writing it replaces
only its own lines; every other line of the file, comments included, stays as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from reader.analysis.gazetteer import ACTORS_FILE, MAX_BYTES
from reader.corrections.model import NameFix
from reader.model import Problem

SECTION = "Corrections"
MARKER = "# Corrections made in newsreader (e on an actor). The app rewrites only this section."


@dataclass(frozen=True)
class Section:
    """Where the section is in the file's lines (`start` to `end`, end excluded);
    None for both when the file has none."""

    names: dict[str, NameFix]
    problems: list[Problem]
    start: int | None = None
    end: int | None = None
    # Why the file cannot take a section (not YAML, a list of actors), or None.
    unwritable: Problem | None = None


def is_section_key(name: str | None) -> bool:
    return (name or "").strip().lower() == SECTION.lower()


def actors_path(store_root: Path) -> Path:
    return Path(store_root) / ACTORS_FILE


def read_section(text: str, path: str = ACTORS_FILE) -> Section:
    """The section's fixes, problems (path:line: reason) and lines in an actors.yaml text."""
    from reader.corrections.file import compose_checked, read_name_fixes

    root, broken = compose_checked(text, path)
    if broken is not None:
        return Section({}, [], unwritable=broken)
    if root is None:
        return Section({}, [])
    if not isinstance(root, yaml.MappingNode) or root.flow_style:
        reason = "corrections can be added only to an actors.yaml that maps names to entries (block style)"
        return Section({}, [], unwritable=Problem(path, reason, root.start_mark.line + 1, fatal=False))
    entries = root.value
    for position, (key, value) in enumerate(entries):
        if not (isinstance(key, yaml.ScalarNode) and is_section_key(key.value)):
            continue
        problems: list[Problem] = []
        names = read_name_fixes(value, path, problems, section=SECTION)
        start = key.start_mark.line
        end = entries[position + 1][0].start_mark.line if position + 1 < len(entries) else None
        return Section(names, problems, start, end)
    return Section({}, [])


def load_actor_fixes(store_root: Path) -> Section:
    """The section of the store's actors.yaml as it is on disk now."""
    from reader.corrections.file import CorrectionsError

    try:
        text, _bom = read_actors_text(store_root)
    except CorrectionsError as error:
        return Section({}, [], unwritable=Problem(ACTORS_FILE, str(error), fatal=False))
    return read_section(text)


def with_section(text: str, names: dict[str, NameFix], section: Section | None = None) -> str:
    """`text` with its section saying `names` (no section when there are none); every
    line outside the section is kept as it was. `section`: `read_section(text)`, when the
    caller has read it already."""
    section = section if section is not None else read_section(text)
    if section.unwritable is not None:
        raise ValueError(str(section.unwritable))
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines(keepends=True)
    rendered = _render(names, newline)
    if section.start is None:
        if not rendered:
            return text
        kept = text if not text or text.endswith(("\n", "\r")) else text + newline
        gap = newline if kept.strip() and not kept.endswith(newline * 2) else ""
        return kept + gap + rendered
    start = section.start
    if start > 0 and lines[start - 1].strip() == MARKER:
        start -= 1
    end = len(lines) if section.end is None else section.end
    # Comments and blank lines just before the next entry belong to it, not to the section.
    while end > section.start + 1 and _blank_or_comment(lines[end - 1]):
        end -= 1
    before, after = "".join(lines[:start]), "".join(lines[end:])
    if not rendered and not after.strip():
        return before.rstrip("\r\n") + newline if before.strip() else ""
    return before + rendered + after


def _blank_or_comment(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def _render(names: dict[str, NameFix], newline: str) -> str:
    from reader.yaml_safe import dump_yaml

    if not names:
        return ""
    body = dump_yaml({SECTION: {name: fix.as_data() for name, fix in names.items()}})
    return (MARKER + "\n" + body).replace("\n", newline)


def read_actors_text(store_root: Path) -> tuple[str, bool]:
    """The store's actors.yaml as text ("" when there is none) and whether it starts with
    a byte-order mark; CorrectionsError when it cannot be read."""
    from reader.corrections.file import CorrectionsError
    from reader.regular_file import read_regular_file

    try:
        data = read_regular_file(actors_path(store_root), MAX_BYTES)
    except FileNotFoundError:
        return "", False
    except OSError as error:
        raise CorrectionsError(f"cannot read {ACTORS_FILE}: {error.strerror or error}") from None
    try:
        return data.decode("utf-8-sig"), data.startswith(b"\xef\xbb\xbf")
    except UnicodeDecodeError:
        raise CorrectionsError(f"{ACTORS_FILE}: not UTF-8 text; fix it first (nothing was changed)") from None
