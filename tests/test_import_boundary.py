"""The data layer never imports Textual: the UI and the CLI are two front ends over it."""

import subprocess
import sys

import pytest

DATA_LAYER = (
    "reader.model",
    "reader.text",
    "reader.store",
    "reader.analysis",
    "reader.index",
    "reader.state",
    "reader.config",
    "reader.cli",
)


@pytest.mark.parametrize("module", DATA_LAYER)
def test_data_layer_does_not_import_textual(module):
    code = f"import sys, {module}; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_the_check_can_fail():
    code = "import sys, reader.ui.app; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "True"
