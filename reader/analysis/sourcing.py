"""What kind of source each quote has, and how it is attributed.

Fills the Quote fields the speaker search leaves open:

- `cue_group`: the attribution verb's group (neutral, loaded), from data/cue_groups.yaml;
- `speaker_kind`: person, organisation, document, or anonymous: a source the article
  deliberately leaves unnamed ("a senior official, speaking on condition of anonymity",
  "people familiar with the matter", "a spokesman who declined to be named", "sources
  said"). A named person is never anonymous, nor is a pronoun (it stands for someone
  named or described before);
- `speaker_descriptor`: the text's own words for an unnamed source;
- `anonymity_reason`: why the source is unnamed, when the article says.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TypedDict

from reader.analysis.cue_groups import cue_groups
from reader.analysis.described_speakers import described_not_named
from reader.model import Mention, Quote


class _Changes(TypedDict, total=False):
    """The fields of a Quote that sourcing fills in."""

    speaker: str | None
    speaker_start: int
    speaker_end: int
    speaker_kind: str
    speaker_descriptor: str
    anonymity_reason: str
    cue: str | None
    cue_start: int
    cue_end: int
    cue_group: str | None

# How far past a speaker or cue the reason for anonymity may be given (characters).
REASON_REACH = 220

# Said of the source itself: it is unnamed on purpose.
_ANONYMITY = re.compile(
    r"\b(?:(?:speaking|spoke|talking|talked|commenting|requested|insisted\s+on|granted|on)\s+(?:on\s+)?(?:the\s+)?"
    r"(?:condition\s+of\s+)?anonymity"
    r"|(?:on|under)\s+(?:the\s+)?condition\s+(?:that\s+)?(?:he|she|they|it|his|her|their)?\s*(?:name\s+)?(?:not\s+be|be\s+not)\s+"
    r"(?:named|identified|used|published)"
    r"|(?:declined|asked|requested|refused|wished|preferred)\s+(?:not\s+)?to\s+be\s+(?:named|identified|quoted\s+by\s+name)"
    r"|(?:asked|requested)\s+that\s+(?:his|her|their)\s+names?\s+not\s+be\s+(?:used|published|given)"
    r"|(?:was|were|is|are|wasn[’']t|weren[’']t)\s+(?:not\s+)?(?:authori[sz]ed|permitted|allowed|cleared)\s+to\s+"
    r"(?:speak|talk|comment|discuss|be\s+named)"
    r"|anonymously|on\s+background)",
    re.IGNORECASE,
)
_REASON = re.compile(
    r"\b(?:because\s+(?:of\s+)?|as\s+(?=(?:he|she|they)\s+(?:was|were|is|are)\s+not\b)|since\s+(?=(?:he|she|they)\s+))"
    r"(?P<because>[^.;:!?,—()]{4,160})"
    r"|\b(?:was|were|is|are)\s+(?P<not>not\s+(?:authori[sz]ed|permitted|allowed|cleared)\s+to\s+[^.;:!?,—()]{3,120})"
    r"|\banonymity\s+(?P<purpose>(?:to|in\s+order\s+to)\s+(?:discuss|describe|speak|talk|share|detail|reveal|relay|comment)"
    r"[^.;:!?,—()]{3,140})",
    re.IGNORECASE,
)
_LEADING_SUBJECT = re.compile(r"(?:(?:he|she|they|the\s+\w+)\s+(?:was|were|is|are|had|has|have|did)\s+)", re.IGNORECASE)

# Unnamed sources by their usual descriptions.
_SOURCE_HEAD = re.compile(r"\bsources?\b", re.IGNORECASE)
_PERSON_WORD = (
    r"(?:person|people|persons|someone|individuals?|officials?|aides?|advis[eo]rs?|diplomats?|insiders?|staffers?|"
    r"strategists?|operatives?|executives?|employees?|members?|lawmakers?|officers?|agents?|analysts?|investigators?|"
    r"negotiators?|allies|ally|confidants?|associates?|friends?|veterans?|Republicans?|Democrats?)"
)
_IN_THE_KNOW = re.compile(
    rf"\b{_PERSON_WORD}\s+(?:(?:directly\s+)?familiar\s+with|close\s+to|briefed\s+on|with\s+(?:direct\s+|first-?hand\s+)?"
    rf"knowledge\s+of|knowledgeable\s+(?:about|of)|in\s+the\s+room|privy\s+to|involved\s+in\s+the\s+(?:talks|discussions|"
    rf"negotiations|deliberations|matter|case|investigation))",
    re.IGNORECASE,
)
_INDEFINITE_INSIDER = re.compile(
    r"^(?:a|an|one|another|two|three|four|five|several|some|multiple|many|other|numerous|a\s+number\s+of|a\s+few)\s+"
    r"(?:[\w’'.-]+\s+){0,5}?(?:officials?|aides?|advis[eo]rs?|diplomats?|insiders?|staffers?|strategists?|operatives?|"
    r"people|persons?|individuals?|confidants?)\b",
    re.IGNORECASE,
)
_BARE_INSIDERS = re.compile(
    r"^(?:(?:senior|top|current|former|administration|government|campaign|party|intelligence|military|defense|"
    r"security|law\s+enforcement|congressional|state|federal|U\.S\.|American|European|western|Western|Chinese|Russian|"
    r"[A-Z][a-z]+an)\s+){0,4}(?:officials|aides|advis[eo]rs|diplomats|insiders|staffers|strategists|operatives)$",
    re.IGNORECASE,
)
_NOT_PEOPLE_DETERMINERS = frozenset(("the", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these", "those"))
_DOCUMENT_HEADS = frozenset(
    """report reports statement statements study studies poll polls survey surveys letter letters filing filings document
    documents memo memos complaint complaints lawsuit indictment affidavit data statistics figures records record
    analysis website release release, transcript transcripts email emails tweet tweets post posts ruling order
    estimate estimates forecast projections numbers census""".split()
)
_SHARE = re.compile(r"\d\s*(?:%|percent|per\s+cent)|\b(?:majority|minority|half|third|quarter)\s+of\b", re.IGNORECASE)
_DETERMINERS = frozenset("a an one another two three four five several some multiple many other the".split())
_PERSON_PRONOUNS = frozenset(("he", "she", "i", "we", "you"))
_WORDS = re.compile(r"[\w’'.-]+")
_SENTENCE_STOP = re.compile(r"[.!?][\"”’')\]]*\s|\n")
_BEFORE_CUE = re.compile(r"(?:^|[,;:—(]|\b(?:and|but)\b)\s*([^,;:—()]{2,120}?)\s*$")


def with_sourcing(body: str, mentions: Sequence[Mention], quotes: Sequence[Quote]) -> list[Quote]:
    """`quotes` with cue_group, speaker_kind, speaker_descriptor and anonymity_reason filled in."""
    groups = cue_groups()
    ordered = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    kinds = {m.actor: m.kind for m in mentions}
    filled = []
    for quote in quotes:
        changes: _Changes = {}
        if quote.cue_group is None and quote.cue:
            group = groups.group(quote.cue)
            if group is not None:
                changes["cue_group"] = group
        if quote.kind != "term" and quote.speaker_kind is None:
            changes.update(_source(body, quote, ordered, starts, kinds))
        filled.append(replace(quote, **changes) if changes else quote)
    return filled


def _source(body: str, quote: Quote, mentions: list[Mention], starts: list[int], kinds: dict[str, str]) -> _Changes:
    start, end = quote.speaker_start, quote.speaker_end
    if quote.cue is None and start is None and quote.kind == "statement":
        return _unnamed_after(body, quote)
    if start is None or end is None:
        found = _unnamed_near_cue(body, quote)
        if found is None:
            return {}
        start, end = found
        described = _anonymous(body, start, end, quote)
        if described is None:
            return {}
        return {"speaker_start": start, "speaker_end": end, **described}
    words = _WORDS.findall(body, start, end)
    if not words:
        return {}
    if len(words) == 1 and words[0].lower() in _PERSON_PRONOUNS:
        return {"speaker_kind": "person"}
    if _names_a_person(mentions, starts, start, end):
        if quote.speaker is None and quote.speaker_via == "descriptor" and described_not_named(body, start, end):
            # "one MP", "an Iowa Democrat": a person described, not named
            return _anonymous(body, start, end, quote) or {"speaker_kind": "person", "speaker_descriptor": body[start:end]}
        return {"speaker_kind": "person"}
    described = _anonymous(body, start, end, quote)
    if described is not None:
        return described
    if quote.speaker is not None and quote.speaker in kinds:
        kind = kinds[quote.speaker]
        return {"speaker_kind": "organisation" if kind == "place" else kind}
    first, head = words[0].lower(), _head(words).lower()
    if head in _DOCUMENT_HEADS:
        return {"speaker_kind": "document", "speaker_descriptor": body[start:end]}
    if first in ("it", "they"):
        return {}
    if quote.speaker is None and quote.speaker_via == "descriptor":
        return {"speaker_descriptor": body[start:end]}  # "Scientists say": described, never named
    if quote.speaker is None and (first in _NOT_PEOPLE_DETERMINERS or first in ("a", "an") or not words[0][0].isupper()):
        return {"speaker_descriptor": body[start:end]}
    if quote.speaker is not None and words[0][0].isupper() and quote.speaker_via in ("name", None):
        return {"speaker_kind": "person"}
    return {}


def _head(words: list[str]) -> str:
    for index, word in enumerate(words):
        if word.lower() in ("of", "for", "from", "at", "with", "in", "on", "who", "which", "that") and index:
            return words[index - 1]
    return words[-1]


def _names_a_person(mentions: list[Mention], starts: list[int], start: int, end: int) -> bool:
    index = bisect.bisect_left(starts, end)
    for mention in reversed(mentions[max(0, index - 6) : index]):
        if mention.end > start and mention.kind == "person":
            return True
    return False


def _anonymous(body: str, start: int, end: int, quote: Quote) -> _Changes | None:
    """speaker_kind anonymous, its descriptor and reason, when the speaker at body[start:end] is unnamed on purpose."""
    descriptor = body[start:end]
    words = _WORDS.findall(descriptor)
    if not words or words[0].lower() in ("he", "she", "it", "they", "i", "we", "you", "who", "which"):
        return None
    if quote.speaker is not None and quote.speaker != descriptor:
        return None  # resolved to someone named
    if words[0][0].isupper() and words[0].lower() not in _DETERMINERS and not (
        _SOURCE_HEAD.search(descriptor) or _BARE_INSIDERS.match(descriptor) or _IN_THE_KNOW.search(body, start, end + 60)
    ):
        return None  # a name ("New York said"), never an anonymous source
    window_end = _window_end(body, max(end, quote.cue_end or end))
    window_start = min(start, quote.cue_start if quote.cue_start is not None else start)
    window = body[window_start:window_end].lower()
    marker = _ANONYMITY.search(body, window_start, window_end) if _may_be_anonymous(window) else None
    near = body[start : min(len(body), end + 60)].lower()
    in_the_know = _IN_THE_KNOW.search(body, start, min(len(body), end + 60)) if _may_be_in_the_know(near) else None
    if in_the_know is not None and in_the_know.start() <= end:
        descriptor = _extend_object(body, start, in_the_know.end(), window_end)
    elif not (
        _SOURCE_HEAD.search(descriptor)
        or _INDEFINITE_INSIDER.match(descriptor)
        or _BARE_INSIDERS.match(descriptor)
        or marker is not None
    ):
        return None
    if _SHARE.search(descriptor):
        return None  # "20 percent of people said": a poll's respondents, not a source
    result: _Changes = {"speaker_kind": "anonymous", "speaker_descriptor": descriptor.strip()}
    if quote.speaker is not None:
        result["speaker"] = None  # "Officials", "People …" read as a name: an unnamed source has none
    reason = None
    if marker is not None:
        reason = _REASON.search(body, marker.start(), min(len(body), marker.end() + REASON_REACH // 2))
        if reason is not None and body.find(".", marker.end(), reason.start()) >= 0:
            reason = None  # given in another sentence
    if reason is not None:
        text = reason.group("because") or reason.group("not") or reason.group("purpose")
        lead = _LEADING_SUBJECT.match(text)
        if lead is not None and reason.group("because") is not None:
            text = text[lead.end() :]
        result["anonymity_reason"] = " ".join(text.split()).rstrip(" \"”’'")
    return result


_ANONYMITY_WORDS = ("anonym", "name", "identified", "authori", "permitted", "allowed", "cleared", "background")
_IN_THE_KNOW_WORDS = ("familiar", "close to", "briefed", "knowledge", "in the room", "privy", "involved in")


def _may_be_anonymous(lowered: str) -> bool:
    """A cheap test before the regular expression: most windows hold none of its words."""
    return any(word in lowered for word in _ANONYMITY_WORDS)


def _may_be_in_the_know(lowered: str) -> bool:
    return any(word in lowered for word in _IN_THE_KNOW_WORDS)


def _extend_object(body: str, start: int, end: int, limit: int) -> str:
    """`people familiar with` + `the matter`: the description runs to its object's end."""
    stop = end
    for match in _WORDS.finditer(body, end, min(limit, end + 60)):
        if body[stop:match.start()].strip(" "):
            break
        stop = match.end()
        if len(_WORDS.findall(body, end, stop)) >= 4:
            break
    text = body[start:stop]
    cut = re.search(r"\s+(?:said|says|say|told|added|according)\b", text)
    return text[: cut.start()] if cut else text.rstrip(".")


def _window_end(body: str, position: int) -> int:
    stop = _SENTENCE_STOP.search(body, position, min(len(body), position + REASON_REACH))
    return stop.start() if stop is not None else min(len(body), position + REASON_REACH)


def _unnamed_near_cue(body: str, quote: Quote) -> tuple[int, int] | None:
    """Where an unnamed source stands next to a quote's cue the speaker search left unnamed:
    `people familiar with the matter said`, `said a person close to the talks`."""
    if quote.cue_start is None or quote.cue_end is None:
        return None
    if quote.cue_start >= quote.end and not body[quote.end : quote.cue_start].strip(" ,"):
        before = None  # `"…," said a person close to the talks`: the speaker follows the cue
    else:
        before = _BEFORE_CUE.search(body, max(0, quote.cue_start - 120), quote.cue_start)
    if before is not None:
        start, end = before.span(1)
        if _IN_THE_KNOW.search(body, start, end) or _SOURCE_HEAD.search(body, start, end):
            return start, end
    after = re.compile(r"\s+((?:a|an|one|another|two|three|several|some)?\s*[^,.;:!?—()]{2,80})").match(body, quote.cue_end)
    if after is not None:
        start, end = after.span(1)
        if _IN_THE_KNOW.search(body, start, end) or _SOURCE_HEAD.match(body, start, end):
            return start, end
    return None


_AFTER_QUOTE = re.compile(r"[\s,]*([^,.;:!?—()\"“”]{4,90}?)\s+(said|says|say|told|added)\b")


def _unnamed_after(body: str, quote: Quote) -> _Changes:
    """`"…," people close to the talks said.` (a cue the direct quote search could not
    attribute): the unnamed source and its cue."""
    match = _AFTER_QUOTE.match(body, quote.end)
    if match is None:
        return {}
    start, end = match.span(1)
    if not (_IN_THE_KNOW.search(body, start, end) or _SOURCE_HEAD.search(body, start, end)):
        return {}
    cue_start, cue_end = match.span(2)
    with_cue = replace(quote, cue=body[cue_start:cue_end], cue_start=cue_start, cue_end=cue_end)
    described = _anonymous(body, start, end, with_cue)
    if described is None:
        return {}
    return {
        "speaker_start": start,
        "speaker_end": end,
        "cue": with_cue.cue,
        "cue_start": cue_start,
        "cue_end": cue_end,
        "cue_group": cue_groups().group(with_cue.cue),
        **described,
    }
