"""Starting the app imports only what its first frame needs: the store's parsers, the
index's search and sync, and the command line's subcommands wait until they are used."""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import json, sys
import reader.store, reader.index
from reader.cli import build_parser
build_parser([])
before = {name for name in sys.modules if name.startswith("reader.")}
reader.store.scan_store, reader.index.Index
after = {name for name in sys.modules if name.startswith("reader.")}
print(json.dumps([sorted(before), sorted(after - before)]))
"""


def test_parsers_index_and_subcommands_are_imported_on_first_use():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout
    before, added = json.loads(out)
    assert not any(name.startswith(("reader.store.scan", "reader.index.archive", "reader.cli.cmd_")) for name in before)
    assert "reader.store.scan" in added and "reader.index.archive" in added


def test_an_unknown_attribute_is_an_attribute_error():
    import pytest

    import reader.store

    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        reader.store.nope  # noqa: B018
