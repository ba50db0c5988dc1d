"""Named actors: people, organisations and places, with aliases merged."""

from __future__ import annotations

from reader.analysis.gazetteer import Gazetteer
from reader.model import Mention


def find_mentions(body: str, *, dateline: str | None = None, gazetteer: Gazetteer | None = None) -> list[Mention]:
    return []
