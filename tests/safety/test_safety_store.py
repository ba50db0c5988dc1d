"""The safety suite, store side (issue 12): one odd file never breaks the store,
nothing that is not a regular file is read, size limits hold on every path,
symlinks stay inside the store, and YAML is measured before it is built.

Every command runs in process (`main`) except where the old behaviour was a hang:
those run as a program with a timeout, so a regression fails instead of blocking."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from reader.cli import main
from reader.config import load_config
from reader.index import Index
from reader.state import ReadingState
from reader.store import parse_text, scan_store

from hostile_fixtures import assert_terminal_safe
from snapshot_apps.harness import pilot_test
from waiting import settle

REPO = Path(__file__).resolve().parents[2]
COMMANDS = (["list"], ["check"], ["show", "good.txt"], ["search", "ordinary"], ["actors"], ["quotes", "--all"], ["reindex"])
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
needs_symlinks = pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_program(*argv: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """The installed entry point as a separate process (env: the test's isolated folders)."""
    return subprocess.run(
        [sys.executable, "-m", "reader", *argv],
        capture_output=True,
        timeout=timeout,
        cwd=REPO,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def good_store(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "good.txt").write_text(
        "date 2024-03-01 An ordinary article. \u201cAll is well,\u201d Mayor Ada Lind said.\n", encoding="utf-8"
    )
    return root


def write_config(text: str) -> Path:
    folder = Path(os.environ["NEWSREADER_CONFIG_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.yaml").write_text(text, encoding="utf-8")
    return folder / "config.yaml"


def every_command_works(capsys, store: Path) -> dict[str, str]:
    """Runs each reading command; none crashes (exit 70) or prints a traceback. Output by command."""
    outputs = {}
    for argv in COMMANDS:
        code, out, err = run(capsys, *argv, "--store", str(store))
        assert code in (0, 1) and "Traceback" not in err and "unexpected error" not in err, (argv, code, err)
        assert_terminal_safe(out + err, f"output of {argv[0]}")
        outputs[argv[0]] = out
    return outputs


# -- 2. One odd file never breaks the store ------------------------------------------


def test_a_file_name_that_is_not_utf8_is_one_problem_and_every_command_works(tmp_path, capsys):
    store = good_store(tmp_path / "store")
    try:
        with open(os.fsencode(store) + b"/bad\xff name.txt", "wb") as handle:
            handle.write(b"An article whose name is not UTF-8.\n")
        os.mkdir(os.fsencode(store) + b"/folder\xfe")
    except OSError:
        pytest.skip("the file system refuses names that are not UTF-8")
    outputs = every_command_works(capsys, store)
    assert "bad\\udcff name.txt: file name is not valid UTF-8" in outputs["check"]
    assert "folder\\udcfe: folder name is not valid UTF-8" in outputs["check"]
    assert "good.txt" in outputs["list"] and "good.txt" in outputs["search"]
    code, out, err = run(capsys, "add", "--store", str(store), str(tmp_path / "store" / "good.txt"))
    assert code == 0 and "already in the store" in out, err


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("!!int abc", "'abc' is not a valid whole number"),
        ("!!float x", "'x' is not a valid number"),
        ("9" * 5000, "(5,000 characters)' is not a valid whole number"),
    ],
    ids=["int-abc", "float-x", "5000-digits"],
)
def test_a_number_that_does_not_convert_is_a_problem_of_its_file_only(tmp_path, capsys, value, reason):
    store = good_store(tmp_path / "store")
    (store / "odd.yaml").write_text(f"body: Text.\ntitle: {value}\n", encoding="utf-8")
    (store / "odd.md").write_text(f"---\ntitle: Fine\ndate: {value}\n---\nBody.\n", encoding="utf-8")
    outputs = every_command_works(capsys, store)
    assert f"odd.yaml:2: invalid YAML value: " in outputs["check"] and reason in outputs["check"]
    assert f"odd.md:3: invalid YAML value: " in outputs["check"]
    assert "good.txt" in outputs["list"]


@pilot_test
async def test_the_app_reads_a_store_holding_a_name_that_is_not_utf8(tmp_path):
    from reader.config import Config
    from reader.ui.launch import make_app

    store = good_store(tmp_path / "store")
    try:
        with open(os.fsencode(store) + b"/bad\xff.txt", "wb") as handle:
            handle.write(b"Bad name.\n")
    except OSError:
        pytest.skip("the file system refuses names that are not UTF-8")
    app = make_app(store, state=ReadingState(tmp_path / "state.yaml"), config=Config())
    app.reading.read_after = 3600.0
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert [article.id for article in app.reading.all_articles] == ["good.txt"]
        assert [(p.path, p.fatal) for p in app.reading.problems] == [("bad\\udcff.txt", True)]


def test_a_number_that_does_not_convert_in_config_or_state_is_a_warning(tmp_path):
    config, warnings = load_config(write_config("max_file_bytes: !!int abc\ntheme: nord\n"))
    assert config.max_file_bytes == 8_000_000 and any("'abc' is not a valid whole number" in w for w in warnings)
    state_path = tmp_path / "state.yaml"
    state_path.write_text("read: [a.txt]\npositions: {a.txt: !!float x}\n", encoding="utf-8")
    state = ReadingState(state_path)
    assert any("'x' is not a valid number" in w for w in state.warnings)


def test_a_store_path_that_is_not_utf8_is_one_clear_line(tmp_path, capsys):
    folder = os.fsencode(tmp_path) + b"/store\xff"
    try:
        os.mkdir(folder)
    except OSError:
        pytest.skip("the file system refuses names that are not UTF-8")
    code, _, err = run(capsys, "list", "--store", os.fsdecode(folder))
    assert code == 2 and "not valid UTF-8" in err and "store\\udcff" in err


# -- 3. Nothing non-regular is read --------------------------------------------------


@needs_fifo
def test_a_fifo_article_is_reported_by_name_and_never_opened(tmp_path):
    store = good_store(tmp_path / "store")
    os.mkfifo(store / "x.txt")
    result = run_program("check", "--store", str(store))
    out = result.stdout.decode()
    assert result.returncode == 1 and "x.txt: not a regular file (a FIFO); not read" in out
    for argv in (["list"], ["search", "ordinary"], ["reindex"]):
        result = run_program(*argv, "--store", str(store))
        assert result.returncode == 0, (argv, result.stderr)
    assert "good.txt" in run_program("list", "--store", str(store)).stdout.decode()


@needs_fifo
def test_a_fifo_actors_yaml_is_a_warning_and_a_fifo_config_yaml_one_line_and_exit_2(tmp_path):
    """Neither hangs. A FIFO actors.yaml is skipped with a warning; a FIFO config.yaml is
    an expected condition the user must fix (issue 12, item 9): one line, exit 2."""
    store = good_store(tmp_path / "store")
    os.mkfifo(store / "actors.yaml")
    for argv in (["actors"], ["quotes", "--all"], ["analyze", str(store / "good.txt")], ["search", "ordinary"]):
        result = run_program(*argv, "--store", str(store))
        err = result.stderr.decode()
        assert result.returncode == 0, (argv, err)
        assert "actors.yaml: cannot read: not a regular file (a FIFO)" in err
    config_dir = Path(os.environ["NEWSREADER_CONFIG_DIR"])
    config_dir.mkdir(parents=True, exist_ok=True)
    os.mkfifo(config_dir / "config.yaml")
    result = run_program("list", "--store", str(store))
    err = result.stderr.decode()
    assert result.returncode == 2 and "config.yaml is a FIFO, not a file" in err
    assert err.count("\n") == 1 and "Traceback" not in err


@needs_fifo
def test_a_fifo_state_yaml_is_a_warning_not_a_hang(tmp_path):
    os.mkfifo(tmp_path / "state.yaml")
    script = f"from reader.state import ReadingState; print(ReadingState({str(tmp_path / 'state.yaml')!r}).warnings)"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120, cwd=REPO)
    assert result.returncode == 0 and "not a regular file (a FIFO)" in result.stdout.decode()


@needs_fifo
def test_add_and_analyze_refuse_a_fifo_by_name(tmp_path):
    store = good_store(tmp_path / "store")
    fifo = tmp_path / "incoming.txt"
    os.mkfifo(fifo)
    result = run_program("add", "--store", str(store), str(fifo))
    assert result.returncode == 1 and "not a regular file (a FIFO)" in result.stderr.decode()
    result = run_program("analyze", str(fifo))
    assert result.returncode == 2 and "not a regular file (a FIFO)" in result.stderr.decode()


@needs_symlinks
@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_a_link_to_a_device_is_never_opened(tmp_path, capsys):
    store = good_store(tmp_path / "store")
    os.symlink("/dev/zero", store / "zero.txt")
    write_config("follow_outside_links: true\n")  # even when links out of the store are allowed
    code, out, _ = run(capsys, "check", "--store", str(store))
    assert code == 1 and "zero.txt: not a regular file (a character device); not read" in out
    run(capsys, "reindex", "--store", str(store))
    code, out, _ = run(capsys, "search", "--store", str(store), "ordinary")
    assert code == 0 and "good.txt" in out
    os.symlink("/dev/zero", tmp_path / "zero.txt")
    code, _, err = run(capsys, "add", "--store", str(store), str(tmp_path / "zero.txt"))
    assert code == 1 and "not a regular file (a character device)" in err
    code, _, err = run(capsys, "analyze", str(tmp_path / "zero.txt"))
    assert code == 2 and "not a regular file (a character device)" in err
    os.symlink("/dev/zero", store / "actors.yaml")
    code, _, err = run(capsys, "actors", "--store", str(store))
    assert code == 0 and "actors.yaml: cannot read: not a regular file (a character device)" in err


# -- 4. Size limits on every path ---------------------------------------------------


def test_the_index_never_reads_a_file_over_max_file_bytes(tmp_path, monkeypatch):
    store = good_store(tmp_path / "store")
    (store / "big.txt").write_text("Oversized words. " * 300, encoding="utf-8")
    with Index.open(store, tmp_path / "cache", max_bytes=2000) as index:
        read_sizes = []
        real_read = os.read
        monkeypatch.setattr(os, "read", lambda fd, n: read_sizes.append(n) or real_read(fd, n))
        result = index.sync()
        monkeypatch.undo()
        assert [s.id for s in index.summaries()] == ["good.txt"]
        assert any(p.path == "big.txt" and "larger than the 2,000 bytes limit" in p.reason for p in result.problems)
    assert read_sizes and max(read_sizes) <= 2001  # the good file, read up to the limit; never the big one


def test_the_index_rereads_a_file_when_the_limit_changes(tmp_path):
    store = good_store(tmp_path / "store")
    (store / "big.txt").write_text("Oversized words. " * 300, encoding="utf-8")
    cache = tmp_path / "cache"
    with Index.open(store, cache) as index:
        index.sync()
        assert {s.id for s in index.summaries()} == {"good.txt", "big.txt"}
    with Index.open(store, cache, max_bytes=2000) as index:
        index.sync()
        assert {s.id for s in index.summaries()} == {"good.txt"}
    with Index.open(store, cache) as index:
        index.sync()
        assert {s.id for s in index.summaries()} == {"good.txt", "big.txt"}


def test_search_honours_the_configured_limit(tmp_path, capsys):
    store = good_store(tmp_path / "store")
    (store / "big.txt").write_text("Oversized ordinary words. " * 300, encoding="utf-8")
    write_config("max_file_bytes: 2000\n")
    code, out, _ = run(capsys, "search", "--store", str(store), "ordinary", "--json")
    assert code == 0 and [hit["id"] for hit in json.loads(out)] == ["good.txt"]


def test_add_and_analyze_refuse_a_file_over_the_configured_limit_without_reading_it(tmp_path, capsys):
    store = good_store(tmp_path / "store")
    write_config("max_file_bytes: 2000\n")
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:  # sparse: large on paper, nothing to read
        handle.truncate(10**9)
    code, _, err = run(capsys, "add", "--store", str(store), str(big))
    assert code == 1 and "larger than the 2,000 bytes limit; not loaded" in err
    code, _, err = run(capsys, "analyze", str(big))
    assert code == 2 and "larger than the 2,000 bytes limit" in err
    assert sorted(p.name for p in store.iterdir()) == ["good.txt"]


def test_import_never_reports_added_for_a_row_the_store_would_refuse(tmp_path, capsys):
    store = good_store(tmp_path / "store")
    write_config("max_file_bytes: 2000\n")
    dataset = tmp_path / "rows.jsonl"
    rows = [{"title": "Small", "date": "2024-01-01", "body": "A small row."},
            {"title": "Huge", "date": "2024-01-02", "body": "word " * 1000}]
    dataset.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    code, out, err = run(capsys, "import", "--store", str(store), str(dataset))
    assert code == 1
    assert "1 added" in out and out.rstrip().endswith("1 bad row")  # one row: singular
    assert "row 2: larger than the 2,000 bytes limit (max_file_bytes); not imported" in err
    code, out, _ = run(capsys, "check", "--store", str(store))
    assert code == 0, out  # everything imported is readable


# -- 10. Symlinks stay inside the store -----------------------------------------------


@needs_symlinks
def test_a_link_to_a_file_outside_the_store_is_not_read(tmp_path, capsys):
    secret = tmp_path / "secret.txt"
    secret.write_text("The content of a private file.\n", encoding="utf-8")
    store = good_store(tmp_path / "store")
    os.symlink(secret, store / "passwd.txt")
    code, out, _ = run(capsys, "list", "--store", str(store), "--json")
    assert [row["id"] for row in json.loads(out)] == ["good.txt"]
    code, out, _ = run(capsys, "search", "--store", str(store), "private")
    assert "passwd.txt" not in out
    code, out, _ = run(capsys, "check", "--store", str(store))
    assert code == 0 and "passwd.txt: warning: symlink to outside the store; not read" in out
    write_config("follow_outside_links: true\n")  # the user opts in
    code, out, _ = run(capsys, "search", "--store", str(store), "private")
    assert "passwd.txt" in out


@needs_symlinks
def test_a_link_to_a_folder_outside_the_store_is_not_walked(tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "private.txt").write_text("Private.\n", encoding="utf-8")
    store = good_store(tmp_path / "store")
    os.symlink(outside, store / "linked")
    (store / "inner").mkdir()
    (store / "inner" / "inside.txt").write_text("Inside.\n", encoding="utf-8")
    os.symlink(store / "inner", store / "inner-link")
    scan = scan_store(store)
    assert [a.id for a in scan.articles if a.id != "good.txt"] == ["inner/inside.txt"]
    assert [(p.path, p.fatal) for p in scan.problems if "outside" in p.reason] == [("linked", False)]
    with Index.open(store, tmp_path / "cache") as index:
        index.sync()
        assert "linked/private.txt" not in {s.id for s in index.summaries()}


@needs_symlinks
def test_add_and_import_never_write_through_a_linked_folder_to_outside(tmp_path, capsys):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    store = good_store(tmp_path / "store")
    os.symlink(outside, store / "linked")
    os.symlink(outside, store / "2024")
    article = tmp_path / "new.txt"
    article.write_text("A new article.\n", encoding="utf-8")
    code, _, err = run(capsys, "add", "--store", str(store), "--into", "linked", str(article))
    assert code == 2 and "linked leads outside the store" in err
    code, _, err = run(capsys, "add", "--store", str(store), "--into", "linked/deeper", str(article))
    assert code == 2 and "outside the store" in err
    dataset = tmp_path / "rows.csv"
    dataset.write_text("title,date,body\nOne,2024-05-01,First body.\nTwo,2023-05-01,Second body.\n", encoding="utf-8")
    code, out, err = run(capsys, "import", "--store", str(store), str(dataset))
    assert "1 added" in out and "row 1: 2024 leads outside the store" in err
    assert list(outside.iterdir()) == []
    assert (store / "2023").is_dir()


# -- 13. YAML: bombs measured first, Python tags and duplicate keys reported -----------


def merge_bomb(levels: int = 22) -> str:
    lines = ["a: &a {x: 1, y: 2}"]
    previous = "a"
    for level in range(levels):
        lines.append(f"m{level}: &m{level} {{<<: [*{previous}, *{previous}]}}")
        previous = f"m{level}"
    return "\n".join(lines) + "\n"


def test_a_merge_key_bomb_is_refused_before_pyyaml_builds_anything(tmp_path, monkeypatch):
    """613 bytes that PyYAML 6.0.3 spends ~a minute building: refused before construction,
    so the installed PyYAML version does not matter."""
    import reader.yaml_safe

    def never(*args, **kwargs):
        raise AssertionError("a document was built before it was measured")

    monkeypatch.setattr(reader.yaml_safe._Loader, "construct_document", never)
    assert len(merge_bomb().encode()) < 700
    config, warnings = load_config(write_config(merge_bomb() + "theme: nord\n"))
    assert config.theme is None and any("alias bomb" in w for w in warnings)
    state_path = tmp_path / "state.yaml"
    state_path.write_text(merge_bomb(), encoding="utf-8")
    assert any("alias bomb" in w for w in ReadingState(state_path).warnings)
    articles, problems = parse_text(merge_bomb() + "body: text\n", "bomb.yaml")
    assert articles == [] and "alias bomb" in problems[0].reason


def test_pyproject_requires_a_pyyaml_without_the_merge_key_slowdown():
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert '"pyyaml>=6.0.4"' in text


def test_a_python_tag_in_actors_yaml_is_reported_and_its_entry_skipped(tmp_path):
    from reader.analysis.gazetteer import parse_user_gazetteer

    text = (
        "Ada Lind: person\n"
        "Mallory: !!python/object/apply:os.system ['touch pwned']\n"
        "Eve Corp:\n  kind: organisation\n  aliases:\n  - !!python/name:os.system ''\n"
    )
    gazetteer, problems = parse_user_gazetteer(text, "actors.yaml")
    assert set(gazetteer.kinds) == {"Ada Lind"}
    refused = [(p.line, p.reason) for p in problems if "refused YAML tag" in p.reason]
    assert [line for line, _ in refused] == [2, 6]
    assert "!!python/object/apply:os.system" in refused[0][1]


def test_duplicate_keys_are_reported(tmp_path):
    from reader.analysis.gazetteer import parse_user_gazetteer

    _, problems = parse_user_gazetteer("Ada Lind: person\nBo Berg: place\nAda Lind: place\n", "actors.yaml")
    assert [(p.line, p.reason) for p in problems] == [(3, "duplicate key 'Ada Lind'; only the last entry is used")]
    articles, problems = parse_text("title: One\nbody: First.\ntitle: Two\n", "story.yaml")
    assert articles[0].title == "Two"
    assert [(p.line, p.reason, p.fatal) for p in problems] == [(3, "duplicate key 'title'; only the last one is used", False)]
    _, problems = parse_text("---\ndate: 2024-01-01\ndate: 2024-01-02\n---\nBody.\n", "story.md")
    assert [(p.line, p.reason) for p in problems] == [(3, "duplicate key 'date'; only the last one is used")]
    articles, problems = parse_text("- &base {source: Wire, body: One.}\n- {<<: *base, body: Two.}\n", "merged.yaml")
    assert problems == [] and [a.body for a in articles] == ["One.", "Two."]  # a merge key is not a duplicate


def test_every_yaml_reader_survives_a_hostile_value(tmp_path):
    """The same odd values through the shared loader: a YAMLError, never a ValueError."""
    from reader.yaml_safe import load_all_yaml, load_yaml

    for text in ("a: !!int abc\n", "a: !!float x\n", f"a: {'9' * 5000}\n"):
        with pytest.raises(yaml.YAMLError):
            load_yaml(text)
        with pytest.raises(yaml.YAMLError):
            load_all_yaml(text)


@needs_fifo
@needs_symlinks
def test_live_updates_apply_the_same_rules_as_the_walk(tmp_path):
    """Files named by the watcher (`sync_paths`) pass the same checks: a FIFO is reported,
    a link out of the store is not read, a name that is not UTF-8 never breaks the index."""
    outside = tmp_path / "secret.txt"
    outside.write_text("Private words.\n", encoding="utf-8")
    store = good_store(tmp_path / "store")
    with Index.open(store, tmp_path / "cache") as index:
        index.sync()
        os.mkfifo(store / "fifo.txt")
        os.symlink(outside, store / "out.txt")
        changed = [str(store / "fifo.txt"), str(store / "out.txt")]
        try:
            with open(os.fsencode(store) + b"/bad\xff.txt", "wb") as handle:
                handle.write(b"Bad name.\n")
            changed.append(os.fsdecode(os.fsencode(store) + b"/bad\xff.txt"))
        except OSError:
            pass  # the file system refuses such names: nothing to check there
        result = index.sync_paths(changed)
        assert [s.id for s in index.summaries()] == ["good.txt"]
        reasons = {p.path: p.reason for p in result.problems}
        assert reasons["fifo.txt"].startswith("not a regular file (a FIFO)")
        assert reasons["out.txt"].startswith("symlink to outside the store")
