"""Cue words that attribute speech ("said", "told", "according to"), read from data."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

CUES_FILE = Path(__file__).with_name("data") / "cues.txt"


def read_cue_forms(path: Path = CUES_FILE) -> list[str]:
    """Every form listed in a cue file, multi-word forms with single spaces."""
    forms: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            forms.extend(form.replace("_", " ").lower() for form in line.split())
    return forms


@lru_cache(maxsize=1)
def cue_pattern() -> re.Pattern[str]:
    forms = sorted(set(read_cue_forms()), key=len, reverse=True)
    alternatives = "|".join(re.escape(form).replace(r"\ ", r"\s+") for form in forms)
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)
