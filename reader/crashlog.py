"""What happens to an unexpected exception: a full report in a file, one line for the user."""

from __future__ import annotations

import platform
import sys
import tempfile
import time
import traceback
from importlib import metadata
from pathlib import Path

from reader import __version__
from reader.text import clean_line


Crash = BaseException | str  # the exception, or its traceback as already printed (the app's, by Textual)


def write_crash_report(exc: Crash) -> Path:
    """Write the traceback and versions to `<state dir>/crash-<timestamp>.log`; return its path.

    Never raises. If the state folder cannot be written, the system temp folder is
    used; if nothing can be written, the returned path does not exist and
    `crash_line` carries the traceback instead.
    """
    stem = f"crash-{time.strftime('%Y%m%d-%H%M%S')}"
    report, folders = _traceback_text(exc), []
    try:
        fallback = Path(tempfile.gettempdir()) / "newsreader"
        folders.append(fallback)
        report = _report_text(exc)
        from reader.paths import state_dir

        folders.insert(0, state_dir())
    except Exception:
        pass  # report what we can where we can
    for folder in folders:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            return _write_new(folder, stem, report)
        except Exception:
            continue
    return (folders[-1] if folders else Path(".")) / f"{stem}.log"


def _write_new(folder: Path, stem: str, report: str) -> Path:
    """Write `report` to `<stem>.log` in `folder`, or `<stem>-2.log`… if that exists."""
    for number in range(1, 100):
        path = folder / (f"{stem}.log" if number == 1 else f"{stem}-{number}.log")
        try:
            with open(path, "x", encoding="utf-8", errors="backslashreplace") as file:
                file.write(report)
            return path
        except FileExistsError:
            continue
    raise FileExistsError(folder / f"{stem}.log")


def crash_line(exc: Crash, report: Path) -> str:
    """`newsreader: unexpected error: ValueError: … (full report in …)`."""
    line = f"newsreader: unexpected error: {_summary(exc)}"
    if report.is_file():
        return f"{line} (full report in {report})"
    return f"{line} (no report could be written)\n{_traceback_text(exc)}"


def _summary(exc: Crash) -> str:
    """`Type: message` in one clean line (the message may quote article text)."""
    if isinstance(exc, str):
        # A printed traceback ends with the exception's type and message, after the
        # last frame (Rich's box closes with "╰", Python's frames are indented).
        lines = exc.rstrip().splitlines()
        last_frame = max((n for n, line in enumerate(lines) if line.startswith(("╰", " "))), default=-1)
        return clean_line(" ".join(lines[last_frame + 1 :])) or "(no message)"
    try:
        message = clean_line(str(exc))
    except Exception:
        message = "(unprintable message)"
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def _traceback_text(exc: Crash) -> str:
    return exc if isinstance(exc, str) else "".join(traceback.format_exception(exc))


def _report_text(exc: Crash) -> str:
    return "".join(
        [
            f"newsreader {__version__} crashed at {time.strftime('%Y-%m-%d %H:%M:%S %z')}\n",
            f"python {sys.version.split()[0]} ({sys.executable})\n",
            f"platform {platform.platform()}\n",
            f"textual {_version_of('textual')}, rich {_version_of('rich')}, pyyaml {_version_of('pyyaml')}\n",
            f"command {' '.join(sys.argv)}\n\n",
            _traceback_text(exc),
        ]
    )


def _version_of(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"
