"""An `Analysis` as compact JSON for the index (lists, not objects: smaller, faster)."""

from __future__ import annotations

import json

from reader.model import Actor, Analysis, Mention, Quote

_VERSION = 1


def encode_analysis(analysis: Analysis) -> str:
    return json.dumps(
        [
            _VERSION,
            [[m.start, m.end, m.text, m.kind, m.actor] for m in analysis.mentions],
            [
                [q.start, q.end, q.text, q.kind, q.speaker, q.speaker_start, q.speaker_end, q.cue, q.cue_start, q.cue_end]
                for q in analysis.quotes
            ],
            [[a.name, a.kind, list(a.aliases), a.mentions, a.quotes] for a in analysis.actors],
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )


def decode_analysis(data: str) -> Analysis | None:
    """The analysis, or None if `data` was written by another version of this codec."""
    try:
        version, mentions, quotes, actors = json.loads(data)
    except (ValueError, TypeError):
        return None
    if version != _VERSION:
        return None
    return Analysis(
        mentions=tuple(Mention(*m) for m in mentions),
        quotes=tuple(Quote(*q) for q in quotes),
        actors=tuple(Actor(name, kind, tuple(aliases), n_mentions, n_quotes) for name, kind, aliases, n_mentions, n_quotes in actors),
    )
