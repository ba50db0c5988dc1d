"""Scanning a store folder: ids, order, skipped names and every bad file."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from reader.store import find_article_files, parse_file, safe_name, scan_store
from reader.text import clean_line


def write(root: Path, rel: str, content: str | bytes) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_recursive_scan_ids_and_order(tmp_path):
    write(tmp_path, "b/old.txt", "date 2019-01-01 Old news.\n")
    write(tmp_path, "new.md", "---\ndate: 2024-05-05\n---\nNew news.\n")
    write(tmp_path, "z-undated.txt", "No date here.\n")
    write(tmp_path, "a-undated.txt", "No date either.\n")
    write(tmp_path, "same/2.yaml", "date: 2021-07-12\nbody: Same day two.\n")
    write(tmp_path, "same/1.yml", "- {date: 2021-07-12, body: Same day one.}\n- {date: 2020-01-01, body: Older.}\n")
    scan = scan_store(tmp_path)
    assert scan.problems == []
    assert [a.id for a in scan.articles] == [
        "new.md",
        "same/1.yml#1",
        "same/2.yaml",
        "same/1.yml#2",
        "b/old.txt",
        "a-undated.txt",
        "z-undated.txt",
    ]
    assert scan.get("same/2.yaml").date == date(2021, 7, 12)
    assert scan.get("missing") is None


def test_ids_do_not_depend_on_how_root_is_written(tmp_path, monkeypatch):
    write(tmp_path, "x/y.txt", "Text.\n")
    monkeypatch.chdir(tmp_path)
    assert [a.id for a in scan_store(Path(".")).articles] == ["x/y.txt"]
    assert [a.id for a in scan_store(tmp_path / "x" / "..").articles] == ["x/y.txt"]
    assert scan_store(Path(".")).articles[0].path == str(tmp_path / "x" / "y.txt")


def test_hidden_names_gazetteer_and_other_suffixes_are_skipped_silently(tmp_path):
    write(tmp_path, ".hidden.txt", "Hidden.\n")
    write(tmp_path, ".git/objects/x.txt", "Hidden folder.\n")
    write(tmp_path, "actors.yaml", "people:\n  - name: Kim Jong Un\n")
    write(tmp_path, "notes.pdf", b"%PDF\x00\x01")
    write(tmp_path, "README", "no suffix\n")
    write(tmp_path, "UPPER.TXT", "Upper-case suffix counts.\n")
    scan = scan_store(tmp_path)
    assert scan.problems == []
    assert [a.id for a in scan.articles] == ["UPPER.TXT"]


def test_bad_files_are_reported_and_the_rest_loads(tmp_path):
    write(tmp_path, "good.txt", "Good article.\n")
    write(tmp_path, "empty.txt", "")
    write(tmp_path, "blank.md", "\n  \n")
    write(tmp_path, "binary.txt", b"GIF89a\x00\x00\x01")
    write(tmp_path, "broken.yaml", "body: [\n")
    scan = scan_store(tmp_path)
    assert [a.id for a in scan.articles] == ["good.txt"]
    reasons = {p.path: p for p in scan.problems}
    assert set(reasons) == {"empty.txt", "blank.md", "binary.txt", "broken.yaml"}
    assert all(p.fatal for p in scan.problems)
    assert "empty" in reasons["empty.txt"].reason
    assert "binary" in reasons["binary.txt"].reason
    assert reasons["broken.yaml"].line == 1


def test_non_utf8_text_loads_with_a_warning(tmp_path):
    write(tmp_path, "latin.txt", "Caf\u00e9 line one.\n\nSecond \u201cquoted\u201d line.\n".encode("cp1252"))
    scan = scan_store(tmp_path)
    [article] = scan.articles
    assert article.body == "Caf\u00e9 line one.\n\nSecond \u201cquoted\u201d line."
    [problem] = scan.problems
    assert not problem.fatal and problem.line == 1 and "UTF-8" in problem.reason and "1252" in problem.reason


def test_bytes_outside_cp1252_fall_back_to_latin1(tmp_path):
    write(tmp_path, "odd.txt", b"Line one.\n\nByte \x81 here.\n")
    scan = scan_store(tmp_path)
    assert len(scan.articles) == 1
    assert scan.problems[0].line == 3 and "Latin-1" in scan.problems[0].reason


def test_utf16_with_bom_is_text(tmp_path):
    write(tmp_path, "wide.txt", "\ufeffWide text.\n".encode("utf-16"))
    scan = scan_store(tmp_path)
    assert scan.problems == [] and scan.articles[0].body == "Wide text."


def test_size_limit(tmp_path):
    write(tmp_path, "big.txt", "word " * 300)
    write(tmp_path, "small.txt", "Small.\n")
    scan = scan_store(tmp_path, max_bytes=1000)
    assert [a.id for a in scan.articles] == ["small.txt"]
    [problem] = scan.problems
    assert problem.path == "big.txt" and problem.fatal and "limit" in problem.reason
    assert len(scan_store(tmp_path).articles) == 2


def test_unreadable_file_is_reported(tmp_path, monkeypatch):
    write(tmp_path, "ok.txt", "Fine.\n")
    locked = write(tmp_path, "locked.txt", "Secret.\n")
    real_open = os.open

    def guarded_open(file, *args, **kwargs):  # files are opened with os.open (non-blocking)
        if os.fspath(file) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded_open)
    scan = scan_store(tmp_path)
    assert [a.id for a in scan.articles] == ["ok.txt"]
    assert [(p.path, p.reason, p.fatal) for p in scan.problems] == [("locked.txt", "cannot read: permission denied", True)]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_and_folder_by_permissions(tmp_path):
    locked = write(tmp_path, "locked.txt", "Secret.\n")
    folder = tmp_path / "closed"
    write(tmp_path, "closed/inner.txt", "Inner.\n")
    locked.chmod(0)
    folder.chmod(0)
    try:
        scan = scan_store(tmp_path)
    finally:
        locked.chmod(0o644)
        folder.chmod(0o755)
    assert {p.path for p in scan.problems} == {"locked.txt", "closed"}


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_symlink_loops_and_folder_links_terminate(tmp_path):
    write(tmp_path, "sub/a.txt", "Article A.\n")
    os.symlink(tmp_path, tmp_path / "sub" / "back-to-root")  # a folder loop
    os.symlink(tmp_path / "sub", tmp_path / "alias")  # second way to the same folder
    os.symlink("self.txt", tmp_path / "self.txt")  # a file link to itself
    os.symlink("missing.txt", tmp_path / "dangling.txt")
    scan = scan_store(tmp_path)
    assert [a.id for a in scan.articles] == ["sub/a.txt"]  # the real path wins
    by_path = {p.path: p for p in scan.problems}
    assert "loop" in by_path["self.txt"].reason and by_path["self.txt"].fatal
    assert "broken symlink" in by_path["dangling.txt"].reason
    assert not by_path["sub/back-to-root"].fatal and "already scanned" in by_path["sub/back-to-root"].reason
    assert not by_path["alias"].fatal


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_symlinked_file_is_read_inside_the_store_and_outside_only_when_allowed(tmp_path):
    target = write(tmp_path, "outside/real.txt", "Real.\n")
    store = tmp_path / "store"
    write(store, "inner/real.txt", "Inner.\n")
    os.symlink(target, store / "link.txt")
    os.symlink(store / "inner" / "real.txt", store / "inner-link.txt")
    scan = scan_store(store)
    assert [a.id for a in scan.articles] == ["inner-link.txt", "inner/real.txt"]
    [problem] = scan.problems
    assert problem.path == "link.txt" and "outside the store" in problem.reason and not problem.fatal
    assert [a.id for a in scan_store(store, outside_links=True).articles] == ["inner-link.txt", "inner/real.txt", "link.txt"]


def test_file_names_with_control_characters_get_safe_ids(tmp_path):
    name = "evil\x1b]0;title\x07\u202e.txt"
    try:
        write(tmp_path, name, "Body.\n")
    except OSError:
        pytest.skip("file system refuses the name")
    scan = scan_store(tmp_path)
    [article] = scan.articles
    assert article.id == "evil\\x1b]0;title\\x07\\u202e.txt"
    assert clean_line(article.id) == article.id
    assert Path(article.path).read_text() == "Body.\n"  # the real path still opens


def test_non_utf8_file_name_is_a_problem_named_printably(tmp_path):
    """SQLite (the index) cannot hold such a name, so neither way of reading the store reads it."""
    raw = os.fsencode(str(tmp_path)) + b"/caf\xe9.txt"
    try:
        with open(raw, "wb") as handle:
            handle.write(b"Body.\n")
    except OSError:
        pytest.skip("file system refuses the name")
    scan = scan_store(tmp_path)
    assert scan.articles == []
    [problem] = scan.problems
    problem.path.encode("utf-8")  # no lone surrogates
    assert problem.path == "caf\\udce9.txt" and "not valid UTF-8" in problem.reason


def test_safe_name_is_identity_for_ordinary_names():
    assert safe_name("2021/Noël – résumé.txt") == "2021/Noël – résumé.txt"


def test_parse_file_ids_relative_to_root(tmp_path):
    path = write(tmp_path, "deep/er/x.yaml", "- body: One.\n- body: Two.\n")
    articles, problems = parse_file(path, tmp_path)
    assert problems == []
    assert [a.id for a in articles] == ["deep/er/x.yaml#1", "deep/er/x.yaml#2"]
    assert {a.path for a in articles} == {str(path)}


def test_missing_root_is_a_problem_not_a_crash(tmp_path):
    scan = scan_store(tmp_path / "nope")
    assert scan.articles == [] and scan.problems and scan.problems[0].fatal


def test_find_article_files_walks_like_the_scan(tmp_path):
    write(tmp_path, "a/one.txt", "One.\n")
    write(tmp_path, "a/.hidden.txt", "Hidden.\n")
    write(tmp_path, "actors.yaml", "people: []\n")
    write(tmp_path, "b/two.yaml", "body: Two.\n")
    write(tmp_path, "b/skip.json", "{}")
    files, problems = find_article_files(tmp_path)
    assert problems == []
    assert sorted(rel for _, rel in files) == ["a/one.txt", "b/two.yaml"]
    assert all(Path(path).is_file() for path, _ in files)
