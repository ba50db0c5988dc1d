"""What happens to an unexpected exception: a full report in a file, one line for the user."""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import time
import traceback
from importlib import metadata
from pathlib import Path

from reader import __version__
from reader.text import clean_line


def write_crash_report(exc: BaseException) -> Path:
    """Write the traceback and versions to `<state dir>/crash-<timestamp>.log`; return its path.

    Never raises. If the state folder cannot be written, the system temp folder is
    used; if nothing can be written, the returned path does not exist and
    `crash_line` carries the traceback instead.
    """
    name = f"crash-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.log"
    fallback = Path(tempfile.gettempdir()) / "newsreader" / name
    try:
        report = _report_text(exc)
        from reader.paths import state_dir

        folders = [state_dir(), fallback.parent]
    except Exception:
        report, folders = "".join(traceback.format_exception(exc)), [fallback.parent]
    for folder in folders:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / name
            with open(path, "x", encoding="utf-8", errors="backslashreplace") as file:
                file.write(report)
            return path
        except Exception:
            continue
    return fallback


def crash_line(exc: BaseException, report: Path) -> str:
    """`newsreader: unexpected error: ValueError: … (full report in …)`."""
    try:
        message = clean_line(str(exc))  # the message may quote article text
    except Exception:
        message = "(unprintable message)"
    summary = f"{type(exc).__name__}: {message}" if message else type(exc).__name__
    line = f"newsreader: unexpected error: {summary}"
    if report.is_file():
        return f"{line} (full report in {report})"
    return f"{line} (no report could be written)\n{''.join(traceback.format_exception(exc))}"


def _report_text(exc: BaseException) -> str:
    return "".join(
        [
            f"newsreader {__version__} crashed at {time.strftime('%Y-%m-%d %H:%M:%S %z')}\n",
            f"python {sys.version.split()[0]} ({sys.executable})\n",
            f"platform {platform.platform()}\n",
            f"textual {_version_of('textual')}, rich {_version_of('rich')}, pyyaml {_version_of('pyyaml')}\n",
            f"command {' '.join(sys.argv)}\n\n",
            *traceback.format_exception(exc),
        ]
    )


def _version_of(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"
