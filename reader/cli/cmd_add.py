"""`newsreader add FILE…`: copy article files into the store, never twice, never over another."""

from __future__ import annotations

import argparse
import hashlib
import os
import secrets
from pathlib import Path

from reader.cli import add_store_option
from reader.errors import UserError
from reader.text import safe_name


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("add", help="copy article files (.txt, .md, .yaml; .html: its article text) into the store")
    add_store_option(parser)
    parser.add_argument("files", nargs="+", metavar="FILE", help="article files to add")
    parser.add_argument("--into", metavar="SUBFOLDER", help="a folder inside the store to put them in")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from reader.cli.common import load_gazetteer_for_cli, say, store_rules
    from reader.index.cli_support import open_synced_index
    from reader.store import resolve_store
    from reader.text import safe_name

    rules = store_rules()
    root = writable_store(resolve_store(getattr(args, "store", None)))
    folder = subfolder(root, args.into, outside_links=rules["outside_links"])
    refused = 0
    with open_synced_index(root, load_gazetteer_for_cli(args)) as index:
        seen: dict[str, str] = {}
        added: list[Path] = []
        for name in args.files:
            try:
                data, file_name = _page_or_article(Path(name), rules["max_bytes"])
            except UserError as error:
                say(f"not added: {error}")
                refused += 1
                continue
            digest = hashlib.sha256(data).hexdigest()
            existing = seen.get(digest) or index.file_with_hash(digest)
            if existing:
                print(f"already in the store: {safe_name(name)} (as {safe_name(existing)})")
                continue
            target = write_unique(folder, file_name, data)
            relative = target.relative_to(root).as_posix()
            seen[digest] = relative
            added.append(target)
            print(f"added {safe_name(name)} as {safe_name(relative)}")
        if added:
            index.sync_paths(added, gazetteer=load_gazetteer_for_cli(args))
    return 1 if refused else 0


def writable_store(root: Path) -> Path:
    """The store, unless it is the bundled sample, which is part of the program."""
    from reader.paths import bundled_store

    if root.resolve() == bundled_store().resolve():
        raise UserError("the bundled sample store is read-only; choose a store with --store PATH or NEWSREADER_STORE")
    return root


def subfolder(root: Path, into: str | None, *, outside_links: bool = False) -> Path:
    """`root/into`, refusing paths that leave the store (by name, or through a
    symlinked folder unless `outside_links`) or that a scan would skip."""
    if not into:
        return root
    relative = Path(into)
    if relative.is_absolute() or any(part in ("..", "") or part.startswith(".") for part in relative.parts):
        raise UserError(f"--into must be a folder inside the store, not {into!r}")
    folder = root / relative
    refusal = outside_store(root, folder, outside_links)
    if refusal:
        raise UserError(refusal)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UserError(f"cannot create {folder}: {error.strerror or error}") from None
    return folder


def outside_store(root: Path, folder: Path, outside_links: bool) -> str | None:
    """Why nothing may be written into `folder`: it leads out of the store through a
    symlinked folder (None if it does not, or the config allows it)."""
    from reader.store.scan import is_inside

    if outside_links or is_inside(os.fspath(folder), os.path.realpath(root)):
        return None
    shown = safe_name(os.path.relpath(folder, root))
    return (
        f"{shown} leads outside the store through a symlinked folder; nothing written "
        "(set follow_outside_links: true in the config to allow it)"
    )


def _page_or_article(path: Path, max_bytes: int) -> tuple[bytes, str]:
    """A saved web page becomes a YAML article of its text (reader.feeds.pages)."""
    if path.suffix.lower() in (".html", ".htm", ".xhtml"):
        from reader.feeds.pages import page_article

        return page_article(path)
    return _checked_article(path, max_bytes), path.name


def _checked_article(path: Path, max_bytes: int) -> bytes:
    """The file's bytes if it is an article file the store can read, else UserError."""
    from reader.regular_file import read_regular_file
    from reader.store import ARTICLE_SUFFIXES
    from reader.store.formats import suffix_of
    from reader.store.scan import GAZETTEER_NAMES, parse_bytes

    if suffix_of(path.name) not in ARTICLE_SUFFIXES:
        raise UserError(f"{path}: not an article file (expected {', '.join(sorted(ARTICLE_SUFFIXES))})")
    if path.name in GAZETTEER_NAMES:
        raise UserError(f"{path}: {path.name} is a gazetteer (actors file), not an article")
    if path.name.startswith("."):
        raise UserError(f"{path}: hidden files are not read by the store; rename it first")
    try:
        data = read_regular_file(path, max_bytes)
    except OSError as error:
        raise UserError(f"{path}: cannot read: {error.strerror or error}") from None
    articles, problems = parse_bytes(data, os.path.abspath(path), path.name)
    if not articles:
        reason = problems[0].reason if problems else "no article found"
        raise UserError(f"{path}: {reason}")
    return data


def write_unique(folder: Path, name: str, data: bytes) -> Path:
    """Write `data` as `folder/name`, or `stem-2.ext`, `stem-3.ext`… if taken; never overwrites."""
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    for number in range(1, 10_000):
        candidate = folder / (name if number == 1 else f"{stem}-{number}{dot}{suffix}")
        if write_new_file(candidate, data):
            return candidate
    raise UserError(f"too many files named like {name} in {folder}")


def write_new_file(path: Path, data: bytes) -> bool:
    """Write `data` to `path` if nothing is there (False otherwise). Complete or absent:
    the data goes to a hidden temporary file first, then is linked into place."""
    if os.path.lexists(path):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        # "x": a file (or symlink) already there is never written through.
        with open(temporary, "xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(temporary, path)
        except FileExistsError:
            return False
        except OSError:  # a file system without hard links
            if os.path.lexists(path):
                return False
            os.replace(temporary, path)
        return True
    except OSError as error:
        raise UserError(f"cannot write {path}: {error.strerror or error}") from None
    finally:
        try:
            os.unlink(temporary)
        except OSError:
            pass
