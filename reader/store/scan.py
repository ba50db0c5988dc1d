"""Walking a store folder: every article file, every problem, nothing lost."""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass, field
from pathlib import Path

from reader.model import Article, Problem
from reader.store.decode import BinaryFile, decode_bytes
from reader.store.formats import ARTICLE_SUFFIXES, parse_document, suffix_of
from reader.regular_file import FileTooLarge, NotRegularFile, check_regular, read_regular_file
from reader.text import safe_name

MAX_BYTES = 8_000_000
# The store root's own files (reader.analysis.gazetteer, reader.corrections): never articles.
GAZETTEER_NAMES = frozenset({"actors.yaml", "actors.yml", "corrections.yaml"})


@dataclass(slots=True)
class StoreScan:
    """Everything a scan found: articles newest first (undated last, then by id)."""

    root: Path
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    _by_id: dict[str, Article] | None = field(default=None, repr=False)

    def get(self, article_id: str) -> Article | None:
        if self._by_id is None:
            self._by_id = {article.id: article for article in self.articles}
        return self._by_id.get(article_id)

    @property
    def fatal(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.fatal]


def sort_articles(articles: list[Article]) -> list[Article]:
    by_id = sorted(articles, key=lambda article: article.id)
    # Stable sorts: by id first, then newest date first with undated at the end.
    by_id.sort(key=lambda article: -article.date.toordinal() if article.date else 1)
    return by_id


def read_article_file(path: str, rel: str, *, max_bytes: int = MAX_BYTES) -> tuple[list[Article], list[Problem]]:
    """Articles of the file at `path`, whose id is `rel` (made display-safe)."""
    try:
        data = read_regular_file(path, max_bytes)
    except OSError as error:
        return [], [Problem(safe_name(rel), _os_reason(error, path))]
    return parse_bytes(data, path, rel)


def parse_bytes(data: bytes, path: str, rel: str) -> tuple[list[Article], list[Problem]]:
    """Articles of a file's bytes, already read (within the size limit)."""
    shown = safe_name(rel)
    if not data.strip():
        return [], [Problem(shown, "empty file")]
    try:
        text, warning, line = decode_bytes(data)
    except BinaryFile as error:
        return [], [Problem(shown, str(error))]
    articles, problems = parse_document(text, name=rel, id=shown, path=path, problem_path=shown)
    if warning:
        problems.insert(0, Problem(shown, warning, line, fatal=False))
    return articles, problems


def parse_file(path: Path, root: Path, *, max_bytes: int = MAX_BYTES) -> tuple[list[Article], list[Problem]]:
    """Articles of one file, with ids relative to `root`."""
    absolute = os.path.abspath(os.fspath(path))
    rel = os.path.relpath(absolute, os.path.abspath(os.fspath(root)))
    if rel.startswith(".."):
        rel = absolute
    return read_article_file(absolute, rel.replace(os.sep, "/"), max_bytes=max_bytes)


def scan_store(root: Path, *, max_bytes: int = MAX_BYTES, outside_links: bool = False) -> StoreScan:
    """Every article under `root`, recursively; hidden names, `actors.yaml` and
    other suffixes are skipped. Unreadable files become Problems."""
    top = os.path.abspath(os.fspath(root))
    scan = StoreScan(root=Path(top))
    files, problems = find_article_files(top, outside_links=outside_links)
    articles: list[Article] = []
    for path, rel in files:
        found, trouble = read_article_file(path, rel, max_bytes=max_bytes)
        articles.extend(found)
        problems.extend(trouble)
    from reader.corrections import load_corrections

    problems.extend(load_corrections(Path(top))[1])
    scan.articles = sort_articles(articles)
    problems.sort(key=lambda problem: (problem.path, problem.line or 0))
    scan.problems = problems
    return scan


def find_article_files(root: Path | str, *, outside_links: bool = False) -> tuple[list[tuple[str, str]], list[Problem]]:
    """(path, relative posix path) of every article file under `root`, and the
    problems met on the way (unreadable folders, symlink loops, broken links,
    FIFOs and devices, names that are not UTF-8, links out of the store).

    Real folders are walked first and folders reached through symlinks last, so
    a file reachable both ways always gets its real path as id, whatever order
    the file system lists entries in; a folder is never walked twice. A symlink
    whose target lies outside the store is skipped with a warning unless
    `outside_links` (the config's `follow_outside_links`) allows it."""
    top = os.path.abspath(os.fspath(root))
    real_top = os.path.realpath(top)
    files: list[tuple[str, str]] = []
    problems: list[Problem] = []
    seen_dirs: set[tuple[int, int]] = set()
    try:
        stat = os.stat(top)
        seen_dirs.add((stat.st_dev, stat.st_ino))
    except OSError as error:
        return files, [Problem(".", _os_reason(error))]
    stack: list[tuple[str, str]] = [(top, "")]
    linked: list[tuple[str, str]] = []
    while stack or linked:
        if stack:
            folder, prefix = stack.pop()
        else:
            folder, prefix = linked.pop()
            try:
                stat = os.stat(folder)
            except OSError as error:
                problems.append(Problem(safe_name(prefix.rstrip("/")), _os_reason(error)))
                continue
            key = (stat.st_dev, stat.st_ino)
            if key in seen_dirs:
                problems.append(
                    Problem(safe_name(prefix.rstrip("/")), "symlink to a folder already scanned (or a loop); skipped", fatal=False)
                )
                continue
            seen_dirs.add(key)
        try:
            with os.scandir(folder) as iterator:
                entries = sorted(iterator, key=lambda entry: entry.name, reverse=True)
        except OSError as error:
            problems.append(Problem(safe_name(prefix.rstrip("/") or "."), f"cannot read folder: {_os_reason(error)}"))
            continue
        for entry in entries:
            name = entry.name
            if name[0] == ".":
                continue
            rel = prefix + name
            wanted = suffix_of(name) in ARTICLE_SUFFIXES and name not in GAZETTEER_NAMES
            try:
                is_dir = entry.is_dir()
                is_file = not is_dir and entry.is_file()
            except OSError as error:
                if wanted or entry.is_symlink():
                    problems.append(Problem(safe_name(rel), _os_reason(error)))
                continue
            if not (is_dir or wanted):
                continue
            if not is_utf8(name):
                what = "folder" if is_dir else "file"
                problems.append(Problem(safe_name(rel), f"{what} name is not valid UTF-8; not read (rename it)"))
                continue
            if entry.is_symlink() and not outside_links and not is_inside(entry.path, real_top):
                problems.append(Problem(safe_name(rel), OUTSIDE_LINK, fatal=False))
                continue
            if is_dir:
                if entry.is_symlink():
                    linked.insert(0, (entry.path, rel + "/"))
                    continue
                try:
                    stat = entry.stat()
                except OSError as error:
                    problems.append(Problem(safe_name(rel), _os_reason(error)))
                    continue
                key = (stat.st_dev, stat.st_ino)
                if key not in seen_dirs:
                    seen_dirs.add(key)
                    stack.append((entry.path, rel + "/"))
                continue
            if not is_file:
                # A FIFO, device or socket (perhaps behind a link), or a broken link.
                try:
                    check_regular(entry.path)
                except FileNotFoundError:
                    if entry.is_symlink():
                        problems.append(Problem(safe_name(rel), "broken symlink"))
                    continue
                except OSError as error:
                    problems.append(Problem(safe_name(rel), _os_reason(error)))
                    continue
            files.append((entry.path, rel))
    return files, problems


OUTSIDE_LINK = "symlink to outside the store; not read (set follow_outside_links: true in the config to read it)"


def is_utf8(name: str) -> bool:
    """False for a name the file system gave as bytes that are not UTF-8 (lone surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def is_inside(path: str, real_top: str) -> bool:
    """Whether `path`, every link resolved, lies in the folder `real_top` (already resolved)."""
    real = os.path.realpath(path)
    try:
        return os.path.commonpath([real, real_top]) == real_top
    except ValueError:  # different drives
        return False


def _os_reason(error: OSError, path: str | None = None) -> str:
    if isinstance(error, (NotRegularFile, FileTooLarge)):
        return str(error.strerror)
    if isinstance(error, FileNotFoundError) and path is not None and os.path.islink(path):
        return "broken symlink"
    if error.errno == errno.ELOOP:
        return "symlink loop; cannot be read"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "cannot read: permission denied"
    return f"cannot read: {(error.strerror or str(error)).lower()}"


