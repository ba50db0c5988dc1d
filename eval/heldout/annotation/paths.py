"""Where the annotation tools find the corpus and write the gold files."""

from pathlib import Path

HERE = Path(__file__).resolve().parent
HELDOUT = HERE.parent
CORPUS = HELDOUT.parents[1].parent / "shared" / "corpus" / "wikinews"
SPEAKERS_GOLD = HELDOUT / "wikinews_speakers.jsonl"
ACTORS_GOLD = HELDOUT / "wikinews_actors.jsonl"
