"""An article's sourcing at a glance: who is quoted, how, and how much (Textual-free).

    summary = sourcing_summary(analysis)
    summary.people, summary.organisations, summary.anonymous, summary.documents
    summary.speakers[0]   # SpeakerShare(name="Ilse Varga", kind="person", quotes=3, words=61, share=0.42)
    summary.loaded        # quotes attributed with a loaded verb ("claimed", "insisted")
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from reader.model import Analysis, Quote

_WORD = re.compile(r"\w+")
ANONYMOUS = "anonymous"


@dataclass(frozen=True, slots=True)
class SpeakerShare:
    name: str  # the speaker, or an anonymous source's descriptor ("a senior official")
    kind: str | None  # person | organisation | document | anonymous | None (not known)
    quotes: int  # direct quotes and reported speech
    words: int  # words quoted or reported
    share: float  # of all the words the article quotes or reports with a speaker


@dataclass(frozen=True, slots=True)
class SourcingSummary:
    direct: int  # direct quotes (statements)
    reported: int  # reported speech
    people: int  # named people quoted
    organisations: int  # organisations quoted
    anonymous: int  # quotes from anonymous sources
    documents: int  # quotes from documents (a report, a statement, a poll)
    unattributed: int  # quotes whose speaker was not found
    speakers: tuple[SpeakerShare, ...]  # most words first
    loaded: tuple[Quote, ...]  # quotes attributed with a loaded verb, in text order

    @property
    def quotes(self) -> int:
        return self.direct + self.reported


def said(quotes: Iterable[Quote]) -> list[Quote]:
    """What someone said: direct quotes and reported speech, not quoted terms."""
    return [q for q in quotes if q.kind in ("statement", "reported")]


def sourcing_summary(analysis: Analysis) -> SourcingSummary:
    quotes = said(analysis.quotes)
    words: dict[str, int] = {}
    counts: dict[str, int] = {}
    kinds: dict[str, str | None] = {}
    unattributed = 0
    for quote in quotes:
        name = _who(quote)
        if name is None:
            unattributed += 1
            continue
        counts[name] = counts.get(name, 0) + 1
        words[name] = words.get(name, 0) + len(_WORD.findall(quote.text))
        if kinds.get(name) is None:
            kinds[name] = quote.speaker_kind
    total = sum(words.values())
    speakers = tuple(
        sorted(
            (SpeakerShare(name, kinds[name], counts[name], words[name], words[name] / total if total else 0.0) for name in counts),
            key=lambda s: (-s.words, -s.quotes, s.name.casefold()),
        )
    )
    named = {s.name: s.kind for s in speakers}
    return SourcingSummary(
        direct=sum(q.kind == "statement" for q in quotes),
        reported=sum(q.kind == "reported" for q in quotes),
        people=sum(kind == "person" for kind in named.values()),
        organisations=sum(kind == "organisation" for kind in named.values()),
        anonymous=sum(q.speaker_kind == ANONYMOUS for q in quotes),
        documents=sum(q.speaker_kind == "document" for q in quotes),
        unattributed=unattributed,
        speakers=speakers,
        loaded=tuple(q for q in quotes if q.cue_group == "loaded"),
    )


def _who(quote: Quote) -> str | None:
    if quote.speaker_kind == ANONYMOUS or (quote.speaker is None and quote.speaker_descriptor):
        return quote.speaker_descriptor
    return quote.speaker
