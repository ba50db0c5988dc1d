"""Compact storage forms: bodies and analyses as zlib-compressed bytes.

An analysis is JSON lists (not objects), and a mention's or quote's text is left
out (null) when it is exactly the body's text at its offsets, as it almost always
is; decoding takes the body to put it back.
"""

from __future__ import annotations

import json
import zlib
from datetime import date

from reader.model import Actor, Analysis, Article, Mention, Quote

_VERSION = 3
# Level 6 is zlib's default: within a few per cent of 9's size, at twice the speed.
_LEVEL = 6


def pack_text(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8", "surrogatepass"), _LEVEL)


def unpack_text(data: bytes) -> str:
    return zlib.decompress(data).decode("utf-8", "surrogatepass")


def unpack_prefix(data: bytes, characters: int) -> str:
    """The first `characters` characters of a packed text (all of it if shorter), decompressing little more."""
    decompressor = zlib.decompressobj()
    raw = decompressor.decompress(data, characters + 16)
    while decompressor.unconsumed_tail:
        text = raw.decode("utf-8", "ignore")  # drops at most a character cut in two at the end
        if len(text) > characters:
            return text[:characters]
        raw += decompressor.decompress(decompressor.unconsumed_tail, characters)
    raw += decompressor.flush()
    return raw.decode("utf-8", "surrogatepass")[:characters]


def encode_analysis(analysis: Analysis, body: str) -> bytes:
    def own(start: int, end: int, text: str) -> str | None:
        return None if body[start:end] == text else text

    data = [
        _VERSION,
        [[m.start, m.end, own(m.start, m.end, m.text), m.kind, m.actor] for m in analysis.mentions],
        [
            [q.start, q.end, own(q.start, q.end, q.text), q.kind, q.speaker, q.speaker_start, q.speaker_end, q.cue,
             q.cue_start, q.cue_end, q.speaker_via, q.speaker_kind, q.speaker_descriptor, q.anonymity_reason,
             q.cue_group]
            for q in analysis.quotes
        ],
        [[a.name, a.kind, list(a.aliases), a.mentions, a.quotes] for a in analysis.actors],
    ]
    return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass"), _LEVEL)


def decode_analysis(data: bytes, body: str) -> Analysis | None:
    """The analysis, or None if `data` was written by another version of this codec."""
    try:
        version, mentions, quotes, actors = json.loads(zlib.decompress(data).decode("utf-8", "surrogatepass"))
    except (ValueError, TypeError, zlib.error):
        return None
    if version != _VERSION:
        return None
    return Analysis(
        mentions=tuple(
            Mention(start, end, body[start:end] if text is None else text, kind, actor)
            for start, end, text, kind, actor in mentions
        ),
        quotes=tuple(
            Quote(q[0], q[1], body[q[0]:q[1]] if q[2] is None else q[2], *q[3:]) for q in quotes
        ),
        actors=tuple(
            Actor(name, kind, tuple(aliases), n_mentions, n_quotes) for name, kind, aliases, n_mentions, n_quotes in actors
        ),
    )


# The columns `article_from_row` takes, from `articles a JOIN bodies b`.
ARTICLE_COLUMNS = "a.id, a.path, b.body, a.title, a.sort_key, a.source, a.byline, a.dateline, a.url, a.tags"


def article_from_row(row: tuple) -> Article:
    id_, path, body, title, sort_key, source, byline, dateline, url, tags = row[:10]
    return Article(
        id=id_,
        path=path,
        body=unpack_text(body),
        title=title,
        date=date.fromordinal(sort_key) if sort_key else None,
        source=source,
        byline=byline,
        dateline=dateline,
        url=url,
        tags=tuple(json.loads(tags)),
    )
