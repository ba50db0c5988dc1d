"""Where the reader's corrections are kept: fixes to actors in the `Corrections:` section of
the store's actors.yaml, fixes to quotes in corrections.yaml beside it.

    corrections, problems = load_corrections(store_root)   # both files, as one Corrections
    save_corrections(store_root, change)                    # change(Corrections) -> Corrections

Saving re-reads both files under their locks, applies `change`, and writes only the
file whose part changed, atomically; a file with problems is never written (its bad
entries would be lost): CorrectionsError names the first and its line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from reader.corrections.actors_section import (
    Section,
    actors_path,
    load_actor_fixes,
    read_actors_text,
    read_section,
    with_section,
)
from reader.corrections.file import CorrectionsError, corrections_path, read_corrections_file, render_corrections
from reader.corrections.model import Corrections
from reader.model import Problem


def load_corrections(store_root: Path) -> tuple[Corrections, list[Problem]]:
    """Every correction of the store and the problems of the files they are kept in.
    A fix to an actor in actors.yaml wins over one to the same name in corrections.yaml."""
    in_file, problems = read_corrections_file(store_root)
    section = load_actor_fixes(store_root)
    if section.unwritable is None:
        problems = [*problems, *section.problems]
    return _together(in_file, section), problems


def save_corrections(store_root: Path, change: Callable[[Corrections], Corrections]) -> Corrections:
    """Apply `change` to the corrections as the files hold them now and write what changed;
    the new corrections. Fixes to actors still in corrections.yaml move to actors.yaml
    the first time an actor is corrected."""
    from reader.atomic import write_atomic
    from reader.file_lock import exclusive_lock
    from reader.text import safe_name

    actors_file, quotes_file = actors_path(store_root), corrections_path(store_root)
    try:
        with exclusive_lock(actors_file, what="actors file"), exclusive_lock(quotes_file, what="corrections file"):
            text, bom = read_actors_text(store_root)
            section = read_section(text)
            in_file, file_problems = read_corrections_file(store_root)
            current = _together(in_file, section)
            changed = change(current)
            names_changed = dict(changed.names) != dict(current.names)
            quotes_changed = dict(changed.quotes) != dict(current.quotes)
            rewrite_file = quotes_changed or (names_changed and bool(in_file.names))
            if names_changed:
                _refuse_if_broken(section.unwritable, section.problems)
            if rewrite_file:
                _refuse_if_broken(None, file_problems)
            if names_changed:
                written = with_section(text, dict(changed.names), section).encode("utf-8")
                write_atomic(actors_file, (b"\xef\xbb\xbf" if bom else b"") + written)
            if rewrite_file:
                names_left = {} if names_changed else in_file.names
                write_atomic(quotes_file, render_corrections(Corrections(names_left, changed.quotes)).encode("utf-8"))
    except OSError as error:
        where = safe_name(str(getattr(error, "filename", None) or quotes_file))
        raise CorrectionsError(f"cannot write {where}: {error.strerror or error}") from None
    return changed


def _together(in_file: Corrections, section: Section) -> Corrections:
    """corrections.yaml's fixes with actors.yaml's; an actor's fix there wins."""
    if not section.names:
        return in_file
    return Corrections({**in_file.names, **section.names}, in_file.quotes)


def _refuse_if_broken(unwritable: Problem | None, problems: list[Problem]) -> None:
    trouble = unwritable or (problems[0] if problems else None)
    if trouble is not None:
        raise CorrectionsError(f"{trouble}; fix it first (nothing was changed)")
