"""The key the index keeps its analyses under is the same in every process for the same
actors.yaml: a key that changed from run to run had every article analysed again at every
start and every `reindex` (seen with an actors.yaml of three entries and an Ignore list)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from reader.analysis import ANALYSER_VERSION
from reader.analysis.gazetteer import load_gazetteer
from reader.index.sync import analyser_key

ACTORS = """\
Ann Roe:
  kind: person
  aliases: [Mrs Roe, the harbour master]
Keldby Council: organisation
Skerray Works: organisation
Ignore: [Cold War, Green Deal, Big Bang]
"""

KEY_OF_STORE = "import sys; from reader.analysis.gazetteer import load_gazetteer; " \
    "from reader.index.sync import analyser_key; print(analyser_key(load_gazetteer(sys.argv[1])[0]))"


def key_in_a_process(store: Path, hash_seed: str) -> str:
    environment = {**os.environ, "PYTHONHASHSEED": hash_seed}
    done = subprocess.run(
        [sys.executable, "-c", KEY_OF_STORE, str(store)], capture_output=True, text=True, env=environment, check=True
    )
    return done.stdout.strip()


def test_the_key_is_the_same_in_every_process(tmp_path: Path) -> None:
    (tmp_path / "actors.yaml").write_text(ACTORS, encoding="utf-8")
    keys = {key_in_a_process(tmp_path, seed) for seed in ("1", "2", "3", "4")}
    assert len(keys) == 1, keys
    assert keys == {analyser_key(load_gazetteer(tmp_path)[0])}


def test_without_an_actors_file_the_key_is_the_one_earlier_versions_kept(tmp_path: Path) -> None:
    # Indexes made before keep their analyses: only a key that was unstable changes.
    gazetteer = load_gazetteer(tmp_path)[0]
    earlier = ANALYSER_VERSION + "/" + hashlib.sha256(repr(gazetteer).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    assert analyser_key(gazetteer) == earlier
