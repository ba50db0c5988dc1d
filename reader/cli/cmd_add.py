"""`newsreader add FILE…`: copy article files into the store, never twice, never over another."""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
from pathlib import Path

from reader.cli import add_store_option
from reader.errors import UserError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("add", help="copy article files (.txt, .md, .yaml; .html: its article text) into the store")
    add_store_option(parser)
    parser.add_argument("files", nargs="+", metavar="FILE", help="article files to add")
    parser.add_argument("--into", metavar="SUBFOLDER", help="a folder inside the store to put them in")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from reader.cli.common import load_gazetteer_for_cli
    from reader.index.cli_support import open_synced_index
    from reader.store import resolve_store

    root = writable_store(resolve_store(getattr(args, "store", None)))
    folder = subfolder(root, args.into)
    refused = 0
    with open_synced_index(root, load_gazetteer_for_cli(args)) as index:
        seen: dict[str, str] = {}
        added: list[Path] = []
        for name in args.files:
            try:
                data, file_name = _page_or_article(Path(name))
            except UserError as error:
                print(f"newsreader: not added: {error}", file=sys.stderr)
                refused += 1
                continue
            digest = hashlib.sha256(data).hexdigest()
            existing = seen.get(digest) or index.file_with_hash(digest)
            if existing:
                print(f"already in the store: {name} (as {existing})")
                continue
            target = write_unique(folder, file_name, data)
            relative = target.relative_to(root).as_posix()
            seen[digest] = relative
            added.append(target)
            print(f"added {name} as {relative}")
        if added:
            index.sync_paths(added, gazetteer=load_gazetteer_for_cli(args))
    return 1 if refused else 0


def writable_store(root: Path) -> Path:
    """The store, unless it is the bundled sample, which is part of the program."""
    from reader.paths import bundled_store

    if root.resolve() == bundled_store().resolve():
        raise UserError("the bundled sample store is read-only; choose a store with --store PATH or NEWSREADER_STORE")
    return root


def subfolder(root: Path, into: str | None) -> Path:
    """`root/into`, refusing paths that leave the store or that a scan would skip."""
    if not into:
        return root
    relative = Path(into)
    if relative.is_absolute() or any(part in ("..", "") or part.startswith(".") for part in relative.parts):
        raise UserError(f"--into must be a folder inside the store, not {into!r}")
    folder = root / relative
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UserError(f"cannot create {folder}: {error.strerror or error}") from None
    return folder


def _page_or_article(path: Path) -> tuple[bytes, str]:
    """A saved web page becomes a YAML article of its text (reader.feeds.pages)."""
    if path.suffix.lower() in (".html", ".htm", ".xhtml"):
        from reader.feeds.pages import page_article

        return page_article(path)
    return _checked_article(path), path.name


def _checked_article(path: Path) -> bytes:
    """The file's bytes if it is an article file the store can read, else UserError."""
    from reader.store import ARTICLE_SUFFIXES, parse_file
    from reader.store.formats import suffix_of
    from reader.store.scan import GAZETTEER_NAMES

    if suffix_of(path.name) not in ARTICLE_SUFFIXES:
        raise UserError(f"{path}: not an article file (expected {', '.join(sorted(ARTICLE_SUFFIXES))})")
    if path.name in GAZETTEER_NAMES:
        raise UserError(f"{path}: {path.name} is a gazetteer (actors file), not an article")
    if path.name.startswith("."):
        raise UserError(f"{path}: hidden files are not read by the store; rename it first")
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise UserError(f"{path}: is a folder, not a file") from None
    except OSError as error:
        raise UserError(f"{path}: cannot read: {error.strerror or error}") from None
    articles, problems = parse_file(path, path.parent)
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
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as handle:
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
