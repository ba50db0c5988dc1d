"""The type checker passes on the packages configured in pyproject.toml [tool.mypy]."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_mypy_reports_no_errors():
    # No arguments: mypy takes files, exclusions and per-module settings from
    # pyproject.toml, so this test and a plain `mypy` in the repo agree.
    result = subprocess.run(
        [sys.executable, "-m", "mypy"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, "mypy found errors:\n" + result.stdout + result.stderr
