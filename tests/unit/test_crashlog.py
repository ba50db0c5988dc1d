"""Unexpected errors: a full report in a file, one clear line for the user, exit status 70."""

from __future__ import annotations

import sys
import tempfile

import pytest

import reader
import reader.cli as cli
from reader.crashlog import crash_line, write_crash_report
from reader.errors import UserError


def _raise(exc: BaseException) -> BaseException:
    """`exc` with a real traceback."""
    try:
        raise exc
    except BaseException as caught:
        return caught


def _deep_failure() -> None:
    raise ValueError("bad offset 42")


def _caught_failure() -> BaseException:
    try:
        _deep_failure()
    except ValueError as error:
        return error
    raise AssertionError("unreachable")


def test_report_goes_to_the_state_dir_with_everything_needed(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSREADER_STATE_DIR", str(tmp_path / "state"))
    report = write_crash_report(_caught_failure())
    assert report.parent == tmp_path / "state" and report.name.startswith("crash-")
    text = report.read_text()
    assert "Traceback" in text and "_deep_failure" in text and "ValueError: bad offset 42" in text
    assert f"newsreader {reader.__version__}" in text
    assert f"python {sys.version.split()[0]}" in text and "platform " in text


def test_two_reports_in_the_same_second_do_not_overwrite(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSREADER_STATE_DIR", str(tmp_path))
    first = write_crash_report(_raise(ValueError("one")))
    second = write_crash_report(_raise(ValueError("two")))
    assert first != second and first.parent == second.parent == tmp_path
    assert "one" in first.read_text() and "two" in second.read_text()


def test_report_falls_back_to_the_temp_folder(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("NEWSREADER_STATE_DIR", str(blocker / "state"))
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    report = write_crash_report(_caught_failure())
    assert report.parent == tmp_path / "tmp" / "newsreader"
    assert "bad offset 42" in report.read_text()


def test_when_nothing_can_be_written_the_line_carries_the_traceback(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("NEWSREADER_STATE_DIR", str(blocker / "state"))
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(blocker / "tmp"))
    error = _caught_failure()
    report = write_crash_report(error)
    assert not report.exists()
    line = crash_line(error, report)
    assert line.startswith("newsreader: unexpected error: ValueError: bad offset 42 (no report could be written)")
    assert "_deep_failure" in line


def test_crash_line_is_one_clean_line(tmp_path):
    report = tmp_path / "crash.log"
    report.write_text("x")
    error = _raise(RuntimeError("first\nsecond \x1b]0;evil title\x07 end"))
    line = crash_line(error, report)
    assert line == f"newsreader: unexpected error: RuntimeError: first second end (full report in {report})"
    assert crash_line(_raise(KeyError()), report).startswith("newsreader: unexpected error: KeyError (")


@pytest.fixture
def app_that_raises(monkeypatch):
    """`newsreader` with no subcommands whose app start raises what the test sets."""
    monkeypatch.setattr(cli, "SUBCOMMANDS", ())
    raised: list[BaseException] = []

    def run_app(args):
        raise raised[0]

    monkeypatch.setattr(cli, "_run_app", run_app)
    return raised


def test_main_turns_a_crash_into_a_report_and_status_70(app_that_raises, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("NEWSREADER_STATE_DIR", str(tmp_path))
    app_that_raises.append(ZeroDivisionError("division by zero"))
    assert cli.main([]) == 70
    err = capsys.readouterr().err
    assert err.startswith("newsreader: unexpected error: ZeroDivisionError: division by zero (full report in ")
    assert err.count("\n") == 1 and "Traceback" not in err
    reports = list(tmp_path.glob("crash-*.log"))
    assert len(reports) == 1 and str(reports[0]) in err and "run_app" in reports[0].read_text()


def test_main_still_reports_user_errors_plainly(app_that_raises, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("NEWSREADER_STATE_DIR", str(tmp_path))
    app_that_raises.append(UserError("no such store: /nope"))
    assert cli.main([]) == 2
    assert capsys.readouterr().err == "newsreader: no such store: /nope\n"
    assert list(tmp_path.glob("crash-*.log")) == []
