"""Whether a quote is a `statement` (someone's words) or a `term`.

A term is a quotation that names rather than reports: a title of a film, show,
book or song, a name or nickname, a saying, a scare quote, a word quoted as a
word. What is decided here is the shape of the quote and of the words around
it; whether a speech cue attributes it is found by the caller.
"""

from __future__ import annotations

import re

from reader.analysis.actors import actor_lexicon
from reader.analysis.cues import is_cue
from reader.analysis.quote_marks import QuoteSpan

# A quote this long (in words) is a statement even without a cue, unless it is a title.
STATEMENT_WORDS = 4

_WORD = re.compile(r"\w+")
_TITLE_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
# Words a title leaves in lower case ("Hour of Power", "Adventure with God").
_MINOR_WORDS = frozenset(
    "a an the and or nor but of in on at to for from by with as into onto upon over under via vs "
    "per off out up is it its be through about after before against between without within across "
    "during amid among toward towards concerning regarding versus "
    "de del der la le les du von van y v v. vs.".split()
)
_MONTHS_AND_DAYS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
_SO_CALLED = re.compile(r"\bso[- ]called\s*$", re.IGNORECASE)
_WORD_AS_WORD = re.compile(
    r"\b(?:the|a|an|this|that)\s+(?:words?|terms?|phrases?|expressions?|labels?|slogans?|names?|nicknames?|"
    r"titles?|hashtags?|mottos?|catchphrases?|headlines?|adage|saying|maxim|mantra)\s*,?\s*$",
    re.IGNORECASE,
)
# `known as "…"`, `titled "…"`, `nicknamed "…"`: what follows is a name.
_NAMED_AS = re.compile(
    r"\b(?:(?:known|referred\s+to|described\s+in\s+the\s+media)\s+as(?:\s+(?:the|a|an))?|(?:en)?titled|nicknamed|"
    r"dubbed|named|branded\s+as)\s*$",
    re.IGNORECASE,
)
# `a condition called "…"`, `an app called "…"`: a thing introduced by its name (not `Ann
# Roe called "…"`, `what he called "…"`, `a reporter he called "…"`, `a budget its leader
# called "…"`, `a plan Roe called "…"`, where a subject of its own calls it so).
_A_THING_CALLED = re.compile(
    r"\b(?:a|an)\s+"
    r"(?:(?!(?:he|she|they|we|i|you|who|that|which|his|her|its|their|our|my|your|the|this|these|those)\b)"
    r"[a-z][a-z-]*\s+){1,3}called\s*$"
)
_TITLE_AFTER_DETERMINER = re.compile(r"(?:\b(?:the|a|an|his|her|its|their|our|my|your)|\w['’]s)\s+$", re.IGNORECASE)
_DETERMINER_BEFORE = re.compile(
    r"\b(?:a|an|the|its|his|her|their|our|my|your|this|that|these|those|in|on|for|with|of|from|by)\s+$", re.IGNORECASE
)
# A subject right before the quote makes it a verb phrase (`she "got lucky" today`).
_PERSONAL_BEFORE = re.compile(
    r"\b(?:I|he|she|it|we|they|you|who|which|that|to|will|would|can|could|should|must|may|might)\s+$", re.IGNORECASE
)
# A speech verb right before a quote introduces what was said, in whatever case it is written.
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|say|asked|asks|replied|replies|added|adds|tweeted|shouted|yelled|declared|exclaimed|"
    r"answered|responded|insisted)\s*[,:]?\s*$",
    re.IGNORECASE,
)
# Words after a quote that show it is not a modifier of the noun that follows.
_NOT_A_NOUN = frozenset(
    "a an the and or nor but of in on at to for from by with as into that which who whom whose when where while "
    "is are was were be been being has have had will would can could should may might must do does did not than "
    "then if so because though although he she it they we you i his her its their our this these those there "
    "says said say told tells added adds according about above across after against along among around before "
    "behind below beneath beside besides between beyond during except inside near since through throughout till "
    "toward towards until unlike within without despite instead amid all any each every some no more most less "
    "also even just only still yet too very again ever never now here".split()
)
_DEGREE_WORDS = frozenset("very more most less least too so quite rather really extremely fairly pretty".split())
_PRONOUNS = frozenset("i me my you your he him his she her it we us our they them their".split())
_NAMING_CUE = re.compile(r"(?:dub|label|brand|term|nickname|title)", re.IGNORECASE)
_CLOSING = "\"”’'»›`"


def quote_kind(text: str, span: QuoteSpan, cue: tuple[int, int] | None, same_sentence: bool) -> str:
    """`statement` or `term`; `cue` and `same_sentence` describe the attribution found, if any."""
    if span.paragraphs > 1:
        return "statement"
    inner = _inner(text, span)
    if named_not_said(text, span):
        return "term"
    words = len(_WORD.findall(inner))
    if words <= STATEMENT_WORDS + 1 and _modifies_a_noun(text, span, inner):
        return "term"
    if words >= STATEMENT_WORDS:
        return "statement"
    if cue is not None and same_sentence and not (words == 1 and _NAMING_CUE.match(text, cue[0])):
        return "statement"
    return "term"


def named_not_said(text: str, span: QuoteSpan) -> bool:
    """A so-called “green corridor”, the word “dialect”, a show called “Evening Hour”, the
    nickname ‘Rocket’ Ray Dunn: words that name something, said by nobody."""
    before = text[max(0, span.start - 40) : span.start]
    if _SO_CALLED.search(before[-12:]) or _WORD_AS_WORD.search(before[-30:]) or _NAMED_AS.search(before) or _a_thing_called(before):
        return True
    inner = _inner(text, span)
    if not _title_case(inner):
        return False
    if _TITLE_AFTER_DETERMINER.search(before[-12:]):
        return True
    if _SAID_BEFORE.search(before):
        # `He said "Absolutely Not"`, but `he said "Grey Fever" was spreading`: the subject
        # of the clause reported
        return _AUXILIARY_AFTER.match(text, span.end) is not None
    return (
        _inside_a_sentence(text, span.start)
        or _in_apposition(text, span.start, inner)
        or _a_line_of_its_own(text, span, inner)
        or _in_parentheses(text, span)
        or _subject_of_its_sentence(text, span, inner)
    )


def _a_thing_called(before: str) -> bool:
    return before.rstrip().endswith("called") and _A_THING_CALLED.search(before) is not None


def _inner(text: str, span: QuoteSpan) -> str:
    return text[span.start : span.end].strip("\"“”„«»‘’‚‹›'` \n")


def _title_case(inner: str) -> bool:
    """`Hour of Power`, `The Evening Show`, `Rocket`: every word that is not a minor one capitalised."""
    words = _TITLE_WORD.findall(inner)
    if not words or not _capitalised(words[0]):
        return False
    major = [word for word in words if word.lower() not in _MINOR_WORDS]
    if not major or not all(_capitalised(word) for word in major):
        return False
    if all(word.isupper() for word in major if len(word) > 1) and any(len(word) > 1 for word in major):
        # SHOUTED words are speech, not a title; an acronym or a code (`NATO`, `H5N1`) names
        return "!" not in inner and all(_acronym_or_code(word) for word in major if word.isupper())
    if len(words) == 1 and (words[0] in ("I", "I'm", "I’m", "OK", "Okay", "Yes", "No") or inner.endswith("!")):
        return False  # an exclamation
    return True


def _capitalised(word: str) -> bool:
    """`Hour`, `NATO`, and names written in camel case (`iPad`, `eBook`)."""
    return word[0].isupper() or (word[0].islower() and any(letter.isupper() for letter in word[1:3]))


def _acronym_or_code(word: str) -> bool:
    """`COVID-19`, `H5N1`, `NATO`: letters and digits, or a short run of capitals that is no
    English word (`STOP`, `NO` are shouted)."""
    if any(char.isdigit() for char in word):
        return True
    letters = word.strip(".-'’")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.lower() not in actor_lexicon().english


def _inside_a_sentence(text: str, start: int) -> bool:
    """The opening mark stands after a word of the same sentence, not at its start nor
    after a colon or comma that would introduce speech."""
    pos = start
    while pos > 0 and text[pos - 1] in " \t\u00a0":
        pos -= 1
    if pos == 0 or pos == start:
        return False
    before = text[pos - 1]
    return before.isalnum() or before in "’'"


def _in_apposition(text: str, start: int, inner: str) -> bool:
    """`In his memoir, "Rivers and Roads," he wrote`: a title of several words after a comma
    that no speech cue comes before."""
    major = [word for word in _TITLE_WORD.findall(inner) if word.lower() not in _MINOR_WORDS]
    if len(major) < 2:
        return False
    before = text[max(0, start - 40) : start].rstrip()
    if not before.endswith(","):
        return False
    words = _TITLE_WORD.findall(before)
    return bool(words) and not is_cue(words[-1])


def _in_parentheses(text: str, span: QuoteSpan) -> bool:
    """`the disease ("Grey Fever")`: a name alone in brackets, glossing the words before."""
    before = text[max(0, span.start - 3) : span.start].rstrip()
    after = text[span.end : span.end + 3].lstrip()
    return before.endswith(("(", "[")) and after.startswith((")", "]"))


_AUXILIARY_AFTER = re.compile(
    r"[^\S\n]+(?:is|was|were|are|has|had|have|will|would|could|can|should|may|might|must|does|did)\b"
)
# A word after a quote that makes the quote a clause's subject: a verb, not a speaker.
_VERB_AFTER = re.compile(r"[^\S\n]+([a-z][a-z'’-]*)\b")


def _subject_of_its_sentence(text: str, span: QuoteSpan, inner: str) -> bool:
    """`"Grey Fever" spread fast`: a title-case quote opening its sentence, with no
    punctuation of its own, and a verb after it, is what the sentence is about."""
    if inner.rstrip(_CLOSING)[-1:] in ".,;:!?" or not _opens_a_sentence(text, span.start):
        return False
    match = _VERB_AFTER.match(text, span.end)
    if match is None:
        return False
    word = match.group(1)
    return word not in _PRONOUNS and word not in ("who", "which", "that") and not is_cue(word)


def _opens_a_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \t\u00a0")
    return not before or before[-1] in ".!?\n"


def _a_line_of_its_own(text: str, span: QuoteSpan, inner: str) -> bool:
    """`'Legend of the Coal Fields.'` alone on its line: a subheading in title case."""
    major = [word for word in _TITLE_WORD.findall(inner) if word.lower() not in _MINOR_WORDS]
    if len(major) < 2:
        return False
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    return not text[line_start : span.start].strip() and not text[span.end : len(text) if line_end < 0 else line_end].strip()


def _modifies_a_noun(text: str, span: QuoteSpan, inner: str) -> bool:
    """`an “open door” policy`, ‘thief’ Mila Kunis: a quoted compound standing before the
    noun or name it describes is a label, not a report of someone's words."""
    if inner.rstrip(_CLOSING)[-1:] in ".,;:!?" or not _inside_a_sentence(text, span.start):
        return False
    match = re.match(r"[ \t\u00a0]+([^\W\d_][\w'’-]*)", text[span.end : span.end + 40])
    if match is None:
        return False
    following = match.group(1)
    tokens = inner.split()
    if following[0].isupper():
        # An epithet before a name: 'thief' Mila Kunis (not `"unacceptable" Tuesday`, `"to mock" Ann`).
        return (
            len(tokens) == 1
            and following.lower() not in _MONTHS_AND_DAYS
            and following != "I"
        )
    if following.lower() in _NOT_A_NOUN or following.lower().endswith(("ly", "ed")):
        return False  # not a noun that the quote could modify
    words = [token.lower() for token in tokens]
    # A quoted compound before a noun labels it (`"ex vivo" tissue`, `"cloud-first" plan`).
    # Someone's words instead: one word, a phrase that is a noun phrase or clause of its
    # own (`"the real deal" talk`), a degree word or adverb and its adjective (`an "utterly
    # absurd" plan`), adjectives joined (`the "rude and reckless" bosses`) or a verb and what
    # follows (`he "stumbled into" law`).
    after_determiner = _DETERMINER_BEFORE.search(text, max(0, span.start - 8), span.start) is not None
    return not (
        len(words) < 2
        or len(words) > (5 if after_determiner else 3)
        or (words[0] in _NOT_A_NOUN and not after_determiner)
        or words[0] in _DEGREE_WORDS
        or words[0].endswith(("ly", "ed", "ing"))
        or any(word in _PRONOUNS for word in words)
        or {"and", "or"} & set(words)
        or "," in inner
        or _PERSONAL_BEFORE.search(text, max(0, span.start - 12), span.start)
    )
