"""Direct quotes, their kind (statement or term) and their speakers.

A quote is attributed, in this order of preference, to
1. a cue earlier in its own sentence (`X said: "…"`, `X said the plan was "…"`,
   `According to X, "…"`, the second half of `"…," he said, "…"`);
2. a cue right after it (`"…," X said`, `"…," said X`, `"…," X, a professor, told`);
3. a cue ending the sentence before it in the same paragraph (`…, he added. "…"`);
4. the speaker of the previous paragraph's quote, when it opens a paragraph of
   its own (the news convention for a speaker who goes on).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.analysis.cues import CueFinder, CueMatch, is_cue
from reader.analysis.letters import UPPER
from reader.analysis.quote_kinds import named_not_said, quote_kind
from reader.analysis.quote_marks import QuoteSpan, find_quote_spans, paragraph_bounds
from reader.analysis.skipping import skip
from reader.analysis.gender import pronoun_gender
from reader.analysis.speakers import (
    CALENDAR_WORDS,
    TITLES,
    Resolved,
    Resolver,
    SpeakerSpan,
    main_subject,
    not_a_name,
    phrase_after,
    subject_before,
)
from reader.model import Mention, Quote

# How far after a quote its cue may be ("…," Jock A. Finlayson, head of policy at …, said).
AFTER_CUE_REACH = 160

# The last alternative: paragraphs a scrape joined with no space ("roaming freely.When he …").
_SENTENCE_END = re.compile(
    rf"[.!?]+[\"”’')\]]*\s+(?=(?:''|``|[\"“‘'(\[])?[{UPPER}0-9])|[.!?](?=“[{UPPER}])|(?<=[a-z]{{2}})\.(?=[{UPPER}][a-z])"
)
_ABBREVIATION = re.compile(
    rf"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Del|Gov|Gen|Lt|Col|Sgt|Capt|St|Jr|Sr|Prof|Rev|Mt|Ft|No|Inc|Corp|Co|Ltd|vs|v|Adm|Maj|Cmdr|Pres|Sec|Atty|Supt|Dept|Univ|Ave|approx|etc)|\b[{UPPER}]|\b(?:[A-Za-z]\.)+[A-Za-z])$"
)
_LEADING_JUNK = re.compile(r"[\s,.;:!?—–-]*")
_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class _Attribution:
    cue: tuple[int, int] | None
    speaker: SpeakerSpan | None
    same_sentence: bool
    inherited: Quote | None = None
    nearest: bool = False  # found by proximity, with no cue tying it to the quote


def find_quotes(body: str, mentions: Sequence[Mention]) -> list[Quote]:
    spans = find_quote_spans(body)
    if not spans:
        return []
    paragraphs = paragraph_bounds(body)
    paragraph_starts = [start for start, _ in paragraphs]
    resolver = Resolver(body, mentions, [(span.start, span.end) for span in spans])
    cues = CueFinder([(m.start, m.end) for m in mentions if m.kind == "person"])
    people = sorted((m for m in mentions if m.kind == "person"), key=lambda m: m.start)
    people_starts = [m.start for m in people]
    quotes: list[Quote] = []
    last_statement: Quote | None = None
    last_statement_paragraph = -2
    for index, span in enumerate(spans):
        p_index = max(0, bisect.bisect_right(paragraph_starts, span.start) - 1)
        p_start = paragraphs[p_index][0]
        p_last = max(0, bisect.bisect_right(paragraph_starts, span.end - 1) - 1)
        p_end = paragraphs[p_last][1]
        gaps = _gaps_before(body, spans, index, p_start)
        k = index - 1
        while k >= 0 and quotes[k].kind == "term" and spans[k].end > p_start:
            k -= 1  # `Trump told NBC's "Today" on Monday. "…"`: a title does not cut the sentence off
        previous_end = spans[k].end if k >= 0 and spans[k].end > p_start else p_start
        following = index + 1
        while following < len(spans) and _is_nickname(body, spans[following]):
            following += 1  # `…," Del. Marcia "Cia" Price said`: a nickname does not end the sentence
        next_start = spans[following].start if following < len(spans) and spans[following].start < p_end else p_end
        sentence_end = _sentence_end(body, span.end, next_start)
        if _closes_sentence(body, span):
            sentence_end = span.end  # `"… here." Perhaps, he said, …` starts another sentence

        attribution = (
            _signed_with_a_dash(body, span.end)
            or _set_off_after_a_name(body, span)
            or _named_after_over_pronoun_before(
                body,
                _cue_before(body, cues, gaps, quotes[-1] if quotes else None),
                _cue_after(body, cues, span.end, sentence_end)
                or _cue_after_later_quote(body, cues, spans, index, p_end),
                _colon_before(body, gaps),
            )
            or _attribution_sentence_after(body, cues, span, next_start)
            or _cue_in_previous_sentence(body, cues, previous_end, gaps[0][0], span.start)
            or _introduced_by_colon(body, cues, paragraphs, p_index, span.start)
        )
        if attribution is None and span.start == p_start and last_statement is not None:
            if last_statement_paragraph >= p_index - 1 and last_statement.speaker_start is not None:
                attribution = _Attribution(None, None, False, inherited=last_statement)
        if attribution is None and index and _between_halves(body, spans[index - 1], quotes[-1], span):
            attribution = _Attribution(None, None, True, inherited=quotes[-1])  # "X," he began, "Y."
        if attribution is None and index and quotes[-1] is last_statement and _runs_on(body, spans[index - 1], span):
            attribution = _Attribution(None, None, False, inherited=last_statement)
        if attribution is None and index and quotes[-1] is last_statement and _reopened(body, spans[index - 1], span):
            attribution = _Attribution(None, None, False, inherited=last_statement)
        if attribution is None and span.start == p_start and p_index:
            attribution = _reported_speech_before(body, cues, paragraphs[p_index - 1])
        kind = quote_kind(body, span, attribution.cue if attribution else None, _reports_words(body, attribution))
        if kind == "term" and attribution is not None and named_not_said(body, span):
            attribution = None  # a so-called “green corridor” is nobody's words
        opening = None
        if attribution is None and kind == "statement":
            opening = _possessor(body, main_subject(body, *gaps[-1]))
            attribution = _sentence_subject(body, opening)
        if attribution is None and kind == "statement" and not _names_no_one(body, opening):
            # (a sentence opening "What he wanted …" or "It was …" is no one's: the quote may
            # only go on with the voice quoted last in its paragraph)
            before = paragraphs[p_index - 1] if span.start == p_start and p_index else (p_start, gaps[-1][0])
            attribution = _previous_sentence_subject(body, *before)
        if (
            attribution is None
            and kind == "statement"
            and last_statement is not None
            and last_statement_paragraph == p_index
            and not _someone_else_named(people, people_starts, last_statement, span.start)
        ):
            # `"…," she said, referring to …. "You went on television …"`: a quote with no cue
            # of its own goes on with the voice quoted last in its paragraph, unless someone
            # else has been named since.
            attribution = _Attribution(None, None, False, inherited=last_statement)

        quote = _quote(body, span, kind, attribution, resolver)
        quotes.append(quote)
        if kind == "statement" and quote.speaker_start is not None:
            last_statement = quote
            last_statement_paragraph = p_last
    return quotes


_NICKNAME = re.compile(rf"[{UPPER}][\w.'’-]*(?:[^\S\n]+[{UPPER}][\w.'’-]*)?[\"”’']?$")
_CAPITALISED_BEFORE = re.compile(rf"[{UPPER}][\w.'’-]*[^\S\n]+$")
_CAPITALISED_AFTER = re.compile(rf"[^\S\n]+[{UPPER}]")


def _is_nickname(text: str, span: QuoteSpan) -> bool:
    """`Marcia "Cia" Price`, `Robert “Bobby” Scott`: one or two capitalised words quoted
    between the parts of a name."""
    return (
        span.end - span.start <= 30
        and _NICKNAME.match(text, span.start + 1, span.end) is not None
        and _CAPITALISED_BEFORE.search(text, max(0, span.start - 30), span.start) is not None
        and _CAPITALISED_AFTER.match(text, span.end) is not None
    )


_NAME_WORD = r"(?:[^\W\d_][\w.'’-]*)"
_DASH_SIGNATURE = re.compile(
    rf"[^\S\n]*[―—–][^\S\n]*({_NAME_WORD}(?:[^\S\n]+{_NAME_WORD}){{0,5}})[^\S\n]*[.,]?[^\S\n]*(?=\n|$)"
)
# The signature on a line of its own below the quote: `"…"` / `- Bernie Sanders.` /
# `-President Obama, tweeting after the speech`.
_SIGNATURE_BELOW = re.compile(
    rf"[^\S\n]*\n\s*[-―—–][^\S\n]*({_NAME_WORD}(?:[^\S\n]+{_NAME_WORD}){{0,5}})"
    rf"[^\S\n]*(?:[.,]?[^\S\n]*(?=\n|$)|,[^\S\n])"
)


def _signed_with_a_dash(text: str, quote_end: int) -> _Attribution | None:
    """`"…" ― Jane Doe` at the end of a line: a quote signed by its speaker."""
    match = _DASH_SIGNATURE.match(text, quote_end) or _SIGNATURE_BELOW.match(text, quote_end)
    if match is None or not match.group(1)[0].isupper():
        return None
    start, end = match.span(1)
    if text[end - 1] == ".":
        end -= 1
    return _Attribution(None, SpeakerSpan(start, end, "name"), True)


_NAME_THEN_DASH = re.compile(
    rf"(?<![\w'’.-])([{UPPER}][\w.'’-]*(?:[^\S\n]+[{UPPER}][\w.'’-]*){{0,3}})[^\S\n]*(?:--|[—–―])[^\S\n]*$"
)
_DASH_AFTER = re.compile(r"[,.]?[^\S\n]*(?:--|[—–―])")


def _set_off_after_a_name(text: str, span: QuoteSpan) -> _Attribution | None:
    """`including Mitt Romney -- "It is disqualifying …" -- and Fred Goldberg`: a quote set
    off between dashes right after a name is that person's."""
    if not _DASH_AFTER.match(text, span.end):
        return None
    match = _NAME_THEN_DASH.search(text, max(0, span.start - 60), span.start)
    if match is None:
        return None
    start, end = match.span(1)
    if not_a_name(text, start, end) or text[start:end].isupper():
        return None
    return _Attribution(None, SpeakerSpan(start, end, "name"), True)


def _gaps_before(text: str, spans: list[QuoteSpan], index: int, p_start: int) -> list[tuple[int, int]]:
    """The stretches of the quote's sentence before it that are not inside quotes, nearest first."""
    gaps = []
    hi = spans[index].start
    k = index - 1
    while True:
        lo = spans[k].end if k >= 0 and spans[k].end > p_start else p_start
        start = _sentence_start(text, lo, hi)
        gaps.append((start, hi))
        if start > lo or lo == p_start or len(gaps) == 3:
            break
        previous = text[spans[k].start : spans[k].end].rstrip("\"”’'»")
        between = text[lo:hi].strip()
        if previous.endswith((".", "!", "?")) and (not between or between[:1].isupper()):
            break  # the previous quote ended a sentence (`…are.”\n“How …` starts another)
        hi = spans[k].start
        k -= 1
    return gaps


# No attribution reaches further than this within one sentence; it also keeps a paragraph
# with no full stop at all (a storm of quote marks) from costing its length per quote.
SENTENCE_REACH = 1000


def _sentence_start(text: str, lo: int, pos: int) -> int:
    lo = max(lo, pos - SENTENCE_REACH)
    start = lo
    # Three characters past `pos` let the look-ahead see the quote that opens a sentence.
    for match in _SENTENCE_END.finditer(text, lo, min(len(text), pos + 3)):
        if match.end() <= pos and not _ABBREVIATION.search(text, max(lo, match.start() - 12), match.start()):
            start = match.end()
    return start


def _sentence_end(text: str, pos: int, hi: int) -> int:
    hi = min(hi, pos + SENTENCE_REACH)
    for match in _SENTENCE_END.finditer(text, pos, hi):
        if match.start() > pos and not _ABBREVIATION.search(text, max(pos, match.start() - 12), match.start()):
            return match.start() + 1
    return hi


_CLOSING_PERIOD = re.compile(rf"[.…][\"”’'»]+\s*(?:''|``|[\"“‘'(\[])?[{UPPER}]")


def _closes_sentence(text: str, span: QuoteSpan) -> bool:
    """A quote ending in a full stop, followed by a capital, ends its sentence."""
    return _CLOSING_PERIOD.match(text, span.end - 2) is not None or _CLOSING_PERIOD.match(text, span.end - 3) is not None


def _usable_cue(text: str, match: CueMatch) -> bool:
    # "so-called" is not a cue; neither is a capitalised cue inside a name run.
    return not (match.start() and text[match.start() - 1] in "-‐")


def _passive(text: str, match: CueMatch) -> bool:
    """`the amount he was charged`, `she was told`: the subject of a passive cue is the one
    spoken to or about, not the speaker (`he was quoted as saying` still quotes him)."""
    word = match.group().lower()
    if not (word.endswith("ed") or word in _IRREGULAR_PARTICIPLES) or word in _PASSIVE_SPEAKS:
        return False
    return _PASSIVE_BEFORE.search(text, max(0, match.start() - 24), match.start()) is not None


_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being|get|gets|got)(?:[^\S\n]+\w+ly)?[^\S\n]+$", re.IGNORECASE)
_PASSIVE_SPEAKS = frozenset(("quoted", "heard"))
_IRREGULAR_PARTICIPLES = frozenset(("told", "said", "written", "spoken", "shown"))


def _cue_before(
    text: str, cues: CueFinder, gaps: list[tuple[int, int]], previous: Quote | None
) -> _Attribution | None:
    tried = 0
    for lo, hi in gaps:
        found = [m for m in cues.finditer(text, lo, hi) if _usable_cue(text, m)]
        for match in reversed(found):
            tried += 1
            if tried > 3:
                return None
            if _passive(text, match):
                continue
            if match.group().lower().startswith("according"):
                speaker = phrase_after(text, match.end(), hi)
            elif _subject_elided(text, lo, match):
                # "X did Y, saying …", "X … and added", "“…,” X said, adding “…”"
                if previous is not None and len(gaps) > 1 and previous.speaker_start is not None:
                    return _Attribution((match.start(), match.end()), None, True, inherited=previous)
                speaker = (
                    _subject_of_joined_clause(text, gaps[-1][0], match)
                    or main_subject(text, gaps[-1][0], match.start())
                    or _subject_after_opening_participle(text, gaps[-1][0], match)
                )
            else:
                speaker = subject_before(text, lo, match.start())
                if match.group().lower().endswith("ing") and (speaker is None or speaker.kind == "phrase"):
                    speaker = _name_before_participle(text, lo, match.start()) or speaker
                if speaker is None and _only_connectives(text, lo, match.start()):
                    speaker = phrase_after(text, match.end(), hi)  # "Said Trump: …", "But, said X, …"
                if speaker is None and match.group().lower().endswith("ing"):
                    # "Judge Ann Roe issued an order Thursday telling …": the sentence's subject
                    subject = main_subject(text, gaps[-1][0], match.start())
                    speaker = subject if subject is not None and subject.kind in ("name", "pronoun") else None
            if speaker is not None:
                first = _first_cue(text, cues, gaps[-1])
                if speaker.kind == "pronoun" and first is not None and speaker.start > first.end():
                    outer = _outer_speaker(text, gaps[-1][0], first, speaker)
                    if outer is not None:
                        return outer
                return _Attribution((match.start(), match.end()), speaker, True)
    lo, hi = gaps[0]
    if lo == gaps[-1][0] and text[lo:hi].rstrip().endswith(":"):
        colon = text.rindex(":", lo, hi)
        dash = _DASH_BEFORE_NAME.search(text, lo, colon)
        if dash is not None and len(_WORD.findall(text, dash.end(), colon)) <= 8:
            lo = dash.end()  # "POLLS NOT WRONG - Ann Roe and Bo Li: “…”", a roundup's heading
        if len(_WORD.findall(text, lo, colon)) <= 6:
            # A headline's "Name: 'quote'"
            speaker = subject_before(text, lo, colon)
            if speaker is not None and speaker.kind == "name":
                return _Attribution(None, speaker, True)
    return None


_DASH_BEFORE_NAME = re.compile(r"\s[-—–]+\s*(?:More\s+from\s+)?(?=[A-Z])(?!.*\s[-—–]+\s)")


def _first_cue(text: str, cues: CueFinder, gap: tuple[int, int]) -> CueMatch | None:
    for match in cues.finditer(text, *gap):
        if _usable_cue(text, match):
            return match
    return None


def _outer_speaker(text: str, lo: int, first: CueMatch, inner: SpeakerSpan) -> _Attribution | None:
    """`Graham assures his audience he will tell the "bigots" …`: the reported clause's
    pronoun is the speaker of the sentence's first cue."""
    if first.group().lower().startswith("according"):
        return None
    speaker = subject_before(text, lo, first.start())
    if speaker is None or speaker.kind != "name":
        return None
    return _Attribution((first.start(), first.end()), speaker, True)


_CONNECTIVES = frozenset("but and so yet still then also as now".split())


def _only_connectives(text: str, lo: int, hi: int) -> bool:
    return all(word.lower() in _CONNECTIVES for word in _WORD.findall(text, lo, hi))


_OPENING_PARTICIPLE = re.compile(r"[\s\"“‘']*(?:After|Before|While|Whilst|When|Since|Upon|On|By|Without)\s+$")
_MAIN_SUBJECT_AFTER = re.compile(
    rf",[\"”’']?[^\S\n]+(?:(he|she|they)|([{UPPER}][\w'’-]+(?:[^\S\n]+[{UPPER}][\w'’-]+){{0,2}}))[^\S\n]+[a-z]"
)


def _subject_after_opening_participle(text: str, sentence_start: int, cue: CueMatch) -> SpeakerSpan | None:
    """`After saying her foot was "so swollen …," she was "whisked off"`: a sentence that
    opens with a participle cue has the main clause's subject, after the first comma."""
    if not cue.group().lower().endswith("ing") or not _OPENING_PARTICIPLE.fullmatch(text, sentence_start, cue.start()):
        return None
    match = _MAIN_SUBJECT_AFTER.search(text, cue.end(), min(len(text), cue.end() + 300))
    if match is None or "\n" in text[cue.end() : match.start()]:
        return None
    if match.group(1):
        return SpeakerSpan(match.start(1), match.end(1), "pronoun")
    start, end = match.span(2)
    return None if not_a_name(text, start, end) else SpeakerSpan(start, end, "name")


_NAME_BEFORE_PARTICIPLE = re.compile(
    rf"(?<![\w'’.-])([{UPPER}][\w'’.-]*(?:[^\S\n]+[{UPPER}][\w'’.-]*){{0,3}})[^\S\n]+$"
)
# What a participle's name follows when the name is the one speaking: `footage of Trump
# saying`, `heard Ann Roe telling`, `with Ann Roe insisting`; not `played for the Iranian Chess
# Federation, saying` (the sentence's subject speaks).
_SPEAKING_NAME_AFTER = re.compile(
    r"\b(?:of|with|shows?|showed|showing|heard|hears?|saw|sees?|watched|watch|caught|filmed|recorded|quoted)[^\S\n]+$"
)


def _name_before_participle(text: str, lo: int, cue_start: int) -> SpeakerSpan | None:
    """`footage of Trump saying "…"`, `heard Ann Roe telling`: a participle cue right after
    a name in the middle of a clause says whose words they are."""
    match = _NAME_BEFORE_PARTICIPLE.search(text, max(lo, cue_start - 60), cue_start)
    if match is None or not _SPEAKING_NAME_AFTER.search(text, max(lo, match.start() - 20), match.start()):
        return None
    start, end = match.span(1)
    if any(word.lower() in CALENDAR_WORDS for word in text[start:end].split()) or not_a_name(text, start, end):
        return None
    return SpeakerSpan(start, end, "name")


# A participle cue opening an adverbial clause (`…, while chanting "…"`) has the sentence's
# subject for its own.
_ADVERBIAL_OPENER = re.compile(r"\b(?:while|before|after|when|whilst|without|by)\s+$", re.IGNORECASE)
_COORDINATION = re.compile(r"(?:,[\"”’']?|\b(?:and|but|or|then))(?:\s+(?:also|later|then|again|even|further|repeatedly))?\s*$")


def _subject_of_joined_clause(text: str, lo: int, cue: CueMatch) -> SpeakerSpan | None:
    """`She alleges that when it vanished, Ann Roe confessed and told her …`: a cue joined by
    "and" shares the subject of the clause it ends, when that clause (after the sentence's
    last comma) opens with a name and its verb, not the subject of the whole sentence."""
    if _JOINED_BY_AND.search(text, max(lo, cue.start() - 12), cue.start()) is None:
        return None
    comma = text.rfind(",", lo, cue.start())
    if comma < 0:
        return None
    subject = main_subject(text, comma + 1, cue.start())
    if subject is None or subject.kind != "name":
        return None
    if any(word.lower().rstrip(".") not in TITLES for word in _WORD.findall(text, comma + 1, subject.start)):
        return None  # ", said Trump is to blame and accused him": Trump is no subject there
    verb = _LOWER_WORD_AFTER.match(text, subject.end)
    if verb is None or verb.group(1) in _NOT_VERBS:
        return None
    return subject


_JOINED_BY_AND = re.compile(r"\band\s+$")
_LOWER_WORD_AFTER = re.compile(r"[^\S\n]+([a-z]+)\b")
_NOT_VERBS = frozenset("and or of for in on at to from with by who which whose the a an".split())


def _subject_elided(text: str, lo: int, cue: CueMatch) -> bool:
    before = text[max(lo, cue.start() - 24) : cue.start()]
    if cue.group().lower().endswith("ing") and _ADVERBIAL_OPENER.search(before):
        return True
    match = _COORDINATION.search(before)
    if match is None:
        return False
    return match.group().startswith(",") is False or cue.group().lower().endswith("ing")


def _introduced_by_colon(
    text: str, cues: CueFinder, paragraphs: list[tuple[int, int]], p_index: int, quote_start: int
) -> _Attribution | None:
    """`Breitbart News responded:` closing the paragraph before a quote paragraph."""
    if p_index == 0 or quote_start != paragraphs[p_index][0]:
        return None
    lo, hi = paragraphs[p_index - 1]
    if text[hi - 1] != ":":
        return None
    start = _sentence_start(text, lo, hi)
    found = [m for m in cues.finditer(text, start, hi) if _usable_cue(text, m)]
    if found:
        match = found[-1]
        speaker = subject_before(text, start, match.start())
        if speaker is None:
            speaker = phrase_after(text, match.end(), hi)
        if speaker is not None:
            return _Attribution((match.start(), match.end()), speaker, False)
    return _sentence_subject(text, _possessor(text, main_subject(text, start, hi)))


def _sentence_subject(text: str, speaker: SpeakerSpan | None) -> _Attribution | None:
    """Last resort for a statement without a cue: the subject its sentence opens with."""
    if speaker is None or speaker.kind == "phrase" or _names_no_one(text, speaker):
        return None
    return _Attribution(None, speaker, False, nearest=True)


def _names_no_one(text: str, speaker: SpeakerSpan | None) -> bool:
    """`What he wanted …`, `It was …`: a capitalised word that is no name, a pronoun for no person."""
    if speaker is None:
        return False
    if speaker.kind == "pronoun":
        return pronoun_gender(text[speaker.start : speaker.end]) is None
    return speaker.kind == "name" and not_a_name(text, speaker.start, speaker.end)


def _possessor(text: str, speaker: SpeakerSpan | None) -> SpeakerSpan | None:
    """`Her message now is …`, `His family took out a loan when he started, "and …"`: a
    subject owned by "his" or "her" stands for its owner, the one the sentence is about."""
    if speaker is not None and speaker.kind == "phrase" and _TOLD_AFTER.match(text, speaker.end) is None:
        first = _WORD.match(text, speaker.start)
        if first is not None and first.group().lower() in ("his", "her"):
            return SpeakerSpan(first.start(), first.end(), "pronoun")
    return speaker


# "His staff were told, '…'": the words are said to the subject, not by its owner.
_TOLD_AFTER = re.compile(r"[^\S\n]+(?:was|were|had\s+been|have\s+been|has\s+been)\s+(?:told|asked|instructed|ordered|advised)\b")


_SENTENCE_CLOSE = re.compile(r"[.!?…][\"”’'»]*\s*$")


_AS_PUT_IT = re.compile(r"(?:^|[,\s])as\s+$")


def _named_after_over_pronoun_before(
    text: str, before: _Attribution | None, after: _Attribution | None, colon: bool = False
) -> _Attribution | None:
    """`The loopholes he cited are "…," The Hill reported.`: a name attributing the quote
    right after it outranks a pronoun whose cue governs only a clause before it, but not
    one that introduces the quote with a colon (`He added: "…"`): that cue governs it."""
    if before is None:
        return after
    if (
        after is not None
        and after.speaker is not None
        and after.cue is not None
        and _AS_PUT_IT.search(text, max(0, after.speaker.start - 8), after.speaker.start) is not None
    ):
        return after  # `… is a "lawful source of income," as a Homeland Security memo put it`
    if (
        not colon
        and after is not None
        and before.speaker is not None
        and before.speaker.kind == "pronoun"
        and before.inherited is None
        and after.speaker is not None
        and after.speaker.kind == "name"
        and after.cue is not None
        and not text[after.cue[0] : after.cue[1]].lower().startswith("according")
    ):
        return after
    return before


def _someone_else_named(people: list[Mention], starts: list[int], previous: Quote, position: int) -> bool:
    """A person other than the previous quote's speaker is named between it and `position`."""
    index = bisect.bisect_left(starts, previous.end)
    for mention in people[index : index + 8]:
        if mention.start >= position:
            return False
        if mention.actor != previous.speaker:
            return True
    return index + 8 < len(people) and people[index + 8].start < position


def _colon_before(text: str, gaps: list[tuple[int, int]]) -> bool:
    """The quote opens right after a colon: `He added: "…"`."""
    lo, hi = gaps[0]
    return text[lo:hi].rstrip().endswith(":")


def _runs_on(text: str, previous: QuoteSpan, span: QuoteSpan) -> bool:
    """`…end. 'Next…`: a quote opened right after one that closed a sentence goes on with
    the same voice (a paragraph break lost in the copy)."""
    if previous.end > span.start or text[previous.end : span.start].strip():
        return False
    return _SENTENCE_CLOSE.search(text, previous.start, previous.end) is not None


def _reopened(text: str, previous: QuoteSpan, span: QuoteSpan) -> bool:
    """`'… minority. [a photo caption spliced in] 'I made my money …'`: a quote left open,
    then a few words holding no quote mark, then a quote with no cue of its own: the next
    paragraph of the same quote, its paragraph break lost in the copy."""
    if previous.closed or previous.end > span.start or span.start - previous.end > CAPTION_REACH:
        return False
    return not any(mark in text[previous.end : span.start] for mark in "\"“”‘’'")


# How many characters a caption spliced between two paragraphs of one quote may run to.
CAPTION_REACH = 400


def _between_halves(text: str, previous: QuoteSpan, quote: Quote, span: QuoteSpan) -> bool:
    """The cue of the quote before stands between it and this one, with nothing else: the
    two halves of one interrupted quote."""
    if quote.cue_start is None or quote.speaker is None or not previous.end <= quote.cue_start < span.start:
        return False
    gap = text[previous.end : span.start]
    return len(gap) <= 60 and not any(mark in gap for mark in ".!?\n")


def _previous_sentence_subject(text: str, lo: int, hi: int) -> _Attribution | None:
    """`Still, Balmer gives Schuller some credit. "It may be bad theology."`: a quote with
    no cue of its own is the words of the person the sentence before it is about."""
    if hi <= lo:
        return None
    start = _sentence_start(text, lo, hi - 1)
    if not _quotes_in_passing(text, start, hi):
        return None  # the sentence before is someone's quote, or part of one
    speaker = _possessor(text, main_subject(text, start, hi))
    if speaker is None or speaker.kind not in ("name", "pronoun"):
        return None
    if speaker.kind == "pronoun" and pronoun_gender(text[speaker.start : speaker.end]) is None:
        return None  # "I", "we", "they": words inside someone's speech, not the narrator's subject
    if speaker.kind == "name" and (not_a_name(text, speaker.start, speaker.end) or _FIRST_PERSON.match(text, speaker.start)):
        return None
    return _Attribution(None, speaker, False, nearest=True)


def _quotes_in_passing(text: str, lo: int, hi: int) -> bool:
    """The sentence holds no quote marks, or only whole quotes inside it (`On "Face the
    Nation," Sanders identified …`), not opening with one nor leaving one open."""
    marks = [m for m in re.finditer("[\"“”]", text[lo:hi])]
    if not marks:
        return True
    if text[lo:hi].lstrip()[:1] in "\"“" or len(marks) % 2:
        return False
    return all(m.group() != "”" for m in marks[0::2]) and all(m.group() != "“" for m in marks[1::2])


_FIRST_PERSON = re.compile(r"(?:I|We|You)(?:['’]\w+)?\b")


# Verbs that attribute only right after a quote: `"After seven years," he began, "…"`.
_AFTER_ONLY_CUE = re.compile(r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[{UPPER}][\w'’.-]*(?:\s+[{UPPER}][\w'’.-]*){{0,2}})\s+(began|begins)\b".format(UPPER=UPPER))


def _cue_after(text: str, cues: CueFinder, quote_end: int, hi: int) -> _Attribution | None:
    if hi < quote_end:
        return None  # the sentence ended before the quote did (marks run together: '"""\'\n"')
    lo = skip(_LEADING_JUNK, text, quote_end, hi)
    began = _AFTER_ONLY_CUE.match(text, lo, hi)
    if began is not None and text[quote_end:lo].strip() in (",", ""):
        speaker = subject_before(text, lo, began.start(1))
        if speaker is not None:
            return _Attribution(began.span(1), speaker, True)
    for match in cues.finditer(text, lo, min(hi, lo + AFTER_CUE_REACH)):
        if not _usable_cue(text, match):
            continue
        if _passive(text, match):
            continue  # `"…," she was told`
        if not text[lo : match.start()].strip():
            speaker = phrase_after(text, match.end(), hi)  # "…," said X
        elif match.group().lower().startswith("according"):
            speaker = phrase_after(text, match.end(), hi)  # "…" for a single adult, according to X
        else:
            speaker = subject_before(text, lo, match.start())
            if (speaker is None or speaker.kind == "phrase") and text[lo : match.start()].rstrip().endswith(","):
                # "…" and investors get nervous, said X: the name after the cue, not the clause before
                named = phrase_after(text, match.end(), hi)
                if speaker is None or (named is not None and named.kind == "name"):
                    speaker = named
        if speaker is not None:
            return _Attribution((match.start(), match.end()), speaker, True)
        return None
    return None


def _cue_after_later_quote(
    text: str, cues: CueFinder, spans: list[QuoteSpan], index: int, p_end: int
) -> _Attribution | None:
    """`Guns are "a crisis" and "stunt growth," Ann Roe said`: quotes that share a sentence
    share the cue after the last of them."""
    j = index
    while j + 1 < len(spans) and spans[j + 1].start < p_end and j - index < 3:
        lo, hi = spans[j].end, spans[j + 1].start
        if hi < lo or _closes_sentence(text, spans[j]) or not _JOINED_QUOTES.fullmatch(text, lo, hi):
            break
        if any(_usable_cue(text, m) for m in cues.finditer(text, lo, hi)):
            return None  # the later quote has a cue of its own before it
        j += 1
    if j == index or _closes_sentence(text, spans[j]):
        return None
    next_start = spans[j + 1].start if j + 1 < len(spans) and spans[j + 1].start < p_end else p_end
    return _cue_after(text, cues, spans[j].end, _sentence_end(text, spans[j].end, next_start))


_JOINED_QUOTES = re.compile(r"[^\S\n]*,?[^\S\n]*(?:and|or|as well as)?[^\S\n]*")


_SHORT_ATTRIBUTION = re.compile(
    rf"[^\S\n]+((?:[{UPPER}][\w.'’-]*)(?:[^\S\n]+[{UPPER}][\w.'’-]*){{0,3}}|[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e)"
    r"[^\S\n]+(\w+)(?:[^\S\n]+[\w.-]+){0,3}?[.!](?=\s|$)"
)


def _attribution_sentence_after(text: str, cues: CueFinder, span: QuoteSpan, hi: int) -> _Attribution | None:
    """`"… missing." Trump said.`: a sentence of its own after the quote that only
    attributes it (the subject, a cue and at most a few words of time or place)."""
    if not _closes_sentence(text, span):
        return None
    match = _SHORT_ATTRIBUTION.match(text, span.end, hi)
    if match is None or not is_cue(match.group(2)):
        return None
    start, end = match.span(1)
    kind = "pronoun" if match.group(1).lower() in ("he", "she", "they", "i", "we") else "name"
    return _Attribution(match.span(2), SpeakerSpan(start, end, kind), True)


def _cue_in_previous_sentence(
    text: str, cues: CueFinder, lo: int, sentence_start: int, quote_start: int
) -> _Attribution | None:
    """`…, he added. "…"`: a sentence that ends with its attribution."""
    if sentence_start <= lo:
        return None
    previous_start = _sentence_start(text, lo, sentence_start - 1)
    found = [m for m in cues.finditer(text, previous_start, sentence_start) if _usable_cue(text, m)]
    if not found:
        return None
    if previous_start == lo and lo > 0 and text[lo - 1] in "\"”’'»,":
        # The sentence before is the attribution of the quote before it:
        # `"…," Clinton said on Thursday during a speech in New York. "…"`
        match = found[0]
    else:
        match = found[-1]
        if len(_WORD.findall(text, match.end(), sentence_start)) > 4:
            # `Sami recalled how … trees. "And I was like …"`: a quote that is a
            # sentence of its own goes on from a reported speech sentence.
            if text[sentence_start:quote_start].strip():
                return None
            speaker = subject_before(text, previous_start, match.start())
            if speaker is None or speaker.kind not in ("name", "pronoun"):
                return None
            return _Attribution((match.start(), match.end()), speaker, False)
    if match.group().lower().startswith("according"):
        speaker = phrase_after(text, match.end(), sentence_start)
    else:
        speaker = subject_before(text, previous_start, match.start())
        if speaker is None:
            speaker = phrase_after(text, match.end(), sentence_start)
    if speaker is None:
        return None
    return _Attribution((match.start(), match.end()), speaker, False)


def _reported_speech_before(text: str, cues: CueFinder, paragraph: tuple[int, int]) -> _Attribution | None:
    """`Carter said that … .` then a paragraph that is one quote: Carter goes on."""
    lo, hi = paragraph
    if any(mark in text[lo:hi] for mark in "\"“”"):
        return None
    start = _sentence_start(text, lo, hi)
    found = [m for m in cues.finditer(text, start, hi) if _usable_cue(text, m)]
    if not found:
        return None
    match = found[0]
    speaker = subject_before(text, start, match.start())
    if speaker is None or speaker.kind not in ("name", "pronoun"):
        return None
    return _Attribution((match.start(), match.end()), speaker, False)


_GENERIC_SUBJECTS = frozenset(("we", "you", "one"))


def _reports_words(text: str, attribution: _Attribution | None) -> bool:
    """A cue in the quote's own sentence whose subject is someone: `we say that, with a
    little "give and take"` is the writer's saying, not a report of anyone's words."""
    if attribution is None or not attribution.same_sentence:
        return False
    cue = attribution.cue
    if cue is not None and _IMPERSONAL_PASSIVE.search(text, max(0, cue[0] - 24), cue[0]):
        return False  # `It is argued that …` attributes the words to nobody
    speaker = attribution.speaker
    return speaker is None or text[speaker.start : speaker.end].lower() not in _GENERIC_SUBJECTS


_IMPERSONAL_PASSIVE = re.compile(r"\b[Ii]t\s+(?:is|was|has\s+been|had\s+been|is\s+often|is\s+widely)\s+$")


def _quote(text: str, span: QuoteSpan, kind: str, attribution: _Attribution | None, resolver: Resolver) -> Quote:
    quote_text = text[span.start : span.end]
    if attribution is None:
        return Quote(span.start, span.end, quote_text, kind)
    if attribution.inherited is not None:
        previous = attribution.inherited
        cue_start, cue_end = attribution.cue if attribution.cue is not None else (None, None)
        return Quote(
            span.start,
            span.end,
            quote_text,
            kind,
            speaker=previous.speaker,
            speaker_start=previous.speaker_start,
            speaker_end=previous.speaker_end,
            cue=text[cue_start:cue_end] if cue_start is not None else None,
            cue_start=cue_start,
            cue_end=cue_end,
            speaker_via="continuation" if previous.speaker is not None else None,
            speaker_kind=previous.speaker_kind,
        )
    found = resolver.resolve(attribution.speaker) if attribution.speaker is not None else Resolved(None, None, None)
    if attribution.nearest and found.speaker is None:
        # No cue ties the quote to a sentence subject that names no one ("Scroll down for
        # video", "Infants can be seen"): showing those words as its speaker would mislead.
        return Quote(span.start, span.end, quote_text, kind)
    via = found.via
    if via is not None and attribution.nearest:
        via = "nearest"  # no cue ties the quote to this speaker: the sentence's subject
    cue_start, cue_end = attribution.cue if attribution.cue is not None else (None, None)
    return Quote(
        span.start,
        span.end,
        quote_text,
        kind,
        speaker=found.speaker,
        speaker_start=found.start,
        speaker_end=found.end,
        cue=text[cue_start:cue_end] if cue_start is not None else None,
        cue_start=cue_start,
        cue_end=cue_end,
        speaker_via=via,
        speaker_kind=found.kind,
    )
