"""Who a cue's speaker is: the noun phrase next to the cue, and what it refers to.

Works on raw text alone (a capitalised name run, a pronoun, or a phrase such
as "a source" or "the campaign"); when named-actor mentions are given, a
speaker span is mapped to the canonical actor of the mention it overlaps, and a
pronoun to the most recent person before it.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from reader.analysis.actors import actor_lexicon
from reader.analysis.ages import AgeSites
from reader.analysis.cues import is_cue
from reader.analysis.gender import given_name_gender, pronoun_gender, title_gender
from reader.analysis.gazetteer import read_entries
from reader.analysis.described_speakers import described_not_named
from reader.analysis.letters import UPPER
from reader.analysis.role_sites import AFTER_REACH, BEFORE_REACH, RoleSites
from reader.model import Mention

_TOKEN = re.compile(r"[^\W_](?:[\w'’.&-]*[^\W_])?\.?|[,;:()\[\]—–―]| -+ ")

PRONOUNS = frozenset("he she they it we i you".split())
PERSON_PRONOUNS = frozenset(("he", "she"))
DETERMINERS = frozenset(
    "the a an his her their its our my your one another some many several two three four five "
    "other this that these those both most all each any no".split()
)
# Words that may stand between a subject and its cue, or open a clause before it.
SKIPPABLE = frozenset(
    """also has had have was is were would will later then previously recently once further again
    repeatedly reportedly earlier just never often publicly famously simply quickly flatly bluntly
    still only first last even not did does do may might could should can already since
    and but so yet that because while when as though although if after before however meanwhile
    instead now then thus too himself herself themselves itself""".split()
)
PREPOSITIONS = frozenset(
    "in on at during after before with from by to into about over under through for of who which "
    "whose where when than via".split()
)
TITLES = frozenset(
    """mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor sen sen. senator rep rep. representative
    gov gov. governor president vice secretary minister premier chancellor gen gen. general adm adm.
    col col. lt lt. capt capt. sgt sgt. judge justice speaker mayor rev rev. sir dame lord lady king
    queen prince princess pope ambassador commissioner chairman chairwoman chair director chief
    attorney sheriff detective officer inspector former candidate nominee leader state ceo cfo coo cto""".split()
)
_WORD_ONLY = re.compile(r"[^\W\d_][\w'’-]*")
_DEFINITE = frozenset(("the", "its", "his", "her", "their", "our"))
# Head words of descriptions that name no one in particular.
_NOT_ROLES = frozenset("one man woman person people group campaign team statement report".split())
_NAME_PARTICLES = frozenset("de da del della di van von der den la le bin al el ibn y".split())


@dataclass(frozen=True, slots=True)
class SpeakerSpan:
    start: int
    end: int
    kind: str  # name | pronoun | phrase | relative ("who", pointing at `antecedent`)
    antecedent: SpeakerSpan | None = None


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def _is_word(token: str) -> bool:
    return token[0].isalnum()


def _bare(token: str) -> str:
    return token.lower().rstrip(".")


def subject_before(text: str, lo: int, cue_start: int) -> SpeakerSpan | None:
    """The subject of a cue that follows it: `X said`, `X, a professor at Y, said`."""
    party = _PARTY_AFTER_NAME.search(text, lo, cue_start)
    if party is not None:
        cue_start = party.start()  # "Sen. Ann Roe (D-Mass.) said": the name, not the party
    segments: list[list[tuple[int, int, str]]] = [[]]
    for token in _tokens(text, lo, cue_start):
        if _is_word(token[2]):
            segments[-1].append(token)
        else:
            segments.append([])
    segments = [_strip_skippable(segment) for segment in segments]
    if segments[-1]:
        words = segments[-1]
        if _bare(words[0][2]) in _RELATIVES and len(words) <= 8:
            # "a path, which he declared …": the relative is the object.
            inner = _subject(text, words[1:]) if len(words) > 1 else None
            if inner is not None and inner.kind in ("name", "pronoun"):
                return inner
            # "Mike Lee, who declared …": the source is "who", meaning Mike Lee.
            before = [segment for segment in segments[:-1] if segment]
            antecedent = _subject(text, before[-1]) if before else None
            if antecedent is not None and antecedent.kind != "relative":
                return SpeakerSpan(words[0][0], words[0][1], "relative", antecedent)
            return None
        if len(words) > 1 and _bare(words[-1][2]) == "who":
            antecedent = _who_antecedent(text, words[:-1])
            if antecedent is not None:
                return antecedent
        return _subject(text, words)
    # The cue follows a comma: "X, a professor at Y, said" — X is the subject,
    # or the part between the commas when nothing comes before it.
    segments.pop()
    while segments and not segments[-1]:
        segments.pop()
    if not segments:
        return None
    named = _named_in_chain(text, segments)
    if named is not None:
        return named
    appositive = segments.pop()
    while segments and not segments[-1]:
        segments.pop()
    if segments:
        found = _subject(text, segments[-1])
        if found is not None:
            return found
    return _subject(text, appositive)


def _who_antecedent(text: str, words: list[tuple[int, int, str]]) -> SpeakerSpan | None:
    """`Ann Roe is being sued by a singer who claims …`: the one the relative clause is about,
    not the sentence's subject; only a person (a name, a role word), and not the object of a
    cue (`told a woman who suggested …`, whose words are the teller's) nor a body a
    preposition ties to someone before it (`a staffer at the State Department who told`)."""
    phrase = _phrase_before(words)
    if not phrase:
        return None
    if len(phrase) < len(words):
        before = words[len(words) - len(phrase) - 1][2]
        if (_bare(before) in PREPOSITIONS and _bare(before) != "by") or _is_cue(before):
            return None
    found = _noun_phrase(text, phrase)
    if found is None or found.end != phrase[-1][1]:
        return None
    head = _bare(phrase[-1][2])
    if found.kind == "phrase" and not _person_role(head):
        return None
    if found.kind == "name" and _bare(phrase[0][2]) in DETERMINERS:
        return None  # "an influential Hispanic Republican who said": a description, no name
    return SpeakerSpan(found.start, found.end, found.kind)


def _phrase_before(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The noun phrase that ends a run of words: back to its determiner, or to the word after
    a preposition or a verb (`sued by a former neighbour` → `a former neighbour`)."""
    i = len(words)
    while i > 0:
        low = _bare(words[i - 1][2])
        if low in PREPOSITIONS or low in SKIPPABLE or (words[i - 1][2].islower() and _verb_like(low)):
            break
        i -= 1
        if low in DETERMINERS:
            break
    return words[i:]


_DATELINE_DASH = re.compile(r"[^\S\n]*(?:\([^()\n]{1,20}\)[^\S\n]*)?(?:--|[—–―])")
_PARTY_AFTER_NAME = re.compile(r"[^\S\n]*\((?:[DRI]|[DRI][-–][\w. ]{1,16})\),?[^\S\n]*$")


def _named_after_office(
    text: str, segment: list[tuple[int, int, str]], following: list[tuple[int, int, str]]
) -> SpeakerSpan | None:
    """`A Republican Assemblywoman, Ann Roe, also commented`: an office with the name of
    its holder in apposition; the name is the subject."""
    if len(segment) < 2 or segment[-1][2] not in actor_lexicon().titles:
        return None
    if not following or len(following) > 4 or not all(w[2][0].isupper() for w in following):
        return None
    found = _noun_phrase(text, following)
    return found if found is not None and found.kind == "name" else None


def _named_in_chain(text: str, segments: list[list[tuple[int, int, str]]]) -> SpeakerSpan | None:
    """The earliest bare name in a comma chain before a cue.

    `Cory James, 22, of Flint, Mich., said` and `Its representative, Karim
    Belhadj, said` both name their speaker in one segment of the chain.
    """
    chain = segments[-4:]
    for segment in chain:
        if not segment or len(segment) > 6:
            continue
        first = _bare(segment[0][2])
        if first in PREPOSITIONS or first in SKIPPABLE or first in _CALENDAR:
            continue
        if len(segment) == 1 and first in actor_lexicon().common:
            continue  # "Or, as Ann Roe put it": a connective opening the sentence
        if all(w[2].isupper() for w in segment) and _DATELINE_DASH.match(text, segment[-1][1]):
            continue  # "WASHINGTON -- President Obama, …, said": where the story was filed
        words = segment[1:] if first in ("the",) else segment
        if not words or not all(w[2][0].isupper() or _bare(w[2]) in _NAME_PARTICLES for w in words):
            continue
        if len(words) == 1 and (len(words[0][2]) <= 5 and words[0][2].endswith(".")):
            continue  # a state abbreviation ("Mich.")
        if any(_is_cue(w[2]) or _bare(w[2]) in PRONOUNS for w in words):
            continue
        if len(words) > 1 and words[-1][2] in actor_lexicon().titles:
            continue  # "The Senate Minority Leader, Ann Roe, said": an office, the next segment names her
        found = _noun_phrase(text, words)
        if found is not None and found.kind == "name":
            return found
    return None


def phrase_after(text: str, cue_end: int, hi: int) -> SpeakerSpan | None:
    """The phrase following a cue: `said Smith`, `according to the report`,
    `said its chief executive, Tim Cook` (the name in the apposition)."""
    segment = []
    tokens = _tokens(text, cue_end, hi)
    stop = len(tokens)
    for index, token in enumerate(tokens):
        if not _is_word(token[2]):
            stop = index
            break
        segment.append(token)
    segment = _strip_skippable(segment)
    if not segment:
        return None
    if _bare(segment[0][2]) in PRONOUNS:
        return SpeakerSpan(segment[0][0], segment[0][1], "pronoun")
    found = _noun_phrase(text, segment)
    if found is None or found.kind == "phrase":
        named = _name_closing_role(text, segment)
        if named is not None:
            return named  # "said former secretary of state Hillary Clinton"
    if (
        found is not None
        and found.kind == "phrase"
        and found.end == segment[-1][1]
        and stop + 1 < len(tokens)
        and tokens[stop][2] == ","
        and not text[tokens[stop][1] : tokens[stop + 1][0]].strip()
    ):
        named = _apposed_name(text, tokens[stop + 1 :])
        if named is not None:
            return named
    return found


def _name_closing_role(text: str, words: list[tuple[int, int, str]]) -> SpeakerSpan | None:
    """A full name ending a run of lowercase role words: `former secretary of state Ann Roe`."""
    j = len(words)
    while j > 0 and (words[j - 1][2][0].isupper() or _bare(words[j - 1][2]) in _NAME_PARTICLES):
        j -= 1
    if len(words) - j < 2 or j == 0 or len(words) > 10 or not words[j - 1][2][0].islower():
        return None
    if _bare(words[j - 1][2]) in PREPOSITIONS or _bare(words[j - 1][2]) in DETERMINERS:
        return None  # "a spokesman for Harbour Bank": the bank is not the speaker's name
    if any(_is_cue(w[2]) or _bare(w[2]) in PRONOUNS or _bare(w[2]) in _CALENDAR for w in words):
        return None
    named = _noun_phrase(text, words[j:])
    return named if named is not None and named.kind == "name" else None


def _apposed_name(text: str, tokens: list[tuple[int, int, str]]) -> SpeakerSpan | None:
    """`Mr Ian Falconer` after `said its operations director,`: a name that is the
    whole of the apposition, up to the end of the clause."""
    words = []
    for token in tokens[:8]:
        if not _is_word(token[2]):
            break
        words.append(token)
    else:
        if len(tokens) > len(words):
            return None  # runs on past eight words: a clause, not a name
    if not words or len(words) > 7:
        return None
    if not all(w[2][0].isupper() or _bare(w[2]) in _NAME_PARTICLES for w in words):
        return None
    if any(_bare(w[2]) in _CALENDAR or _is_cue(w[2]) for w in words):
        return None
    named = _noun_phrase(text, words)
    return named if named is not None and named.kind == "name" else None


_CAPITALS_BEFORE_DASH = re.compile(r"\s*(?:[A-Z][A-Z'’.&-]*[^\S\n]+){0,8}[A-Z][A-Z'’.&-]+[^\S\n]*(?:--|[—–―])[^\S\n]*")
_INTRO_ENDS = frozenset("later ago earlier afterwards meanwhile however".split())


def main_subject(text: str, lo: int, hi: int) -> SpeakerSpan | None:
    """The subject a sentence opens with, past an introductory phrase.

    `Hours later, Trump returned the compliment, telling …` → Trump.
    """
    heading = _CAPITALS_BEFORE_DASH.match(text, lo, hi)
    if heading is not None:
        lo = heading.end()  # "CONGRESS HAS INVESTIGATED HIM — Oz's advice …", "WASHINGTON — …"
    segments: list[list[tuple[int, int, str]]] = [[]]
    for token in _tokens(text, lo, hi):
        if token[2] == ",":
            segments.append([])
        elif _is_word(token[2]):
            segments[-1].append(token)
    clause_open = False
    for index, segment in enumerate(segments[:-1]):
        if not segment:
            continue
        first = segment[0][2]
        low = _bare(first)
        if clause_open:
            # "When Ann Roe, the mayor, tried to …, Bo Li stood up": the opening clause runs
            # through its subject's appositions up to its verb; the main subject comes after.
            clause_open = not any(word[2].islower() and _verb_like(word[2]) for word in segment)
            continue
        if low in _SUBORDINATORS and len(segment) > 1 and all(word[2][0].isupper() for word in segment[1:]):
            clause_open = True
            continue
        if (
            low in PREPOSITIONS
            or low in SKIPPABLE
            or (first[0].isupper() and low.endswith(("ing", "ed")) and low not in _NOT_PARTICIPLES)
            or (low.endswith("ly") and len(low) > 4)
            or (len(segment) == 1 and low in actor_lexicon().common)  # "Moreover,"
            or (_bare(segment[-1][2]) in _INTRO_ENDS and len(segment) <= 4)  # "Hours later,"
            or (_bare(segment[-1][2]) in _CALENDAR and len(segment) <= 4)  # "Late on Monday,"
            or all(_bare(word[2]) in _CALENDAR or _bare(word[2]) in _DAY_PARTS or word[2].isdigit() for word in segment)
        ):
            continue
        named = _named_after_office(text, segment, segments[index + 1])
        if named is not None:
            return named
        return _reported_subject(text, _leading_name(text, _opening_phrase(text, segment[0][0], hi)), hi)
    if not segments[-1]:
        return None
    return _reported_subject(text, _leading_name(text, _opening_phrase(text, segments[-1][0][0], hi)), hi)


def _opening_phrase(text: str, start: int, hi: int) -> SpeakerSpan | None:
    """The phrase a clause opens with; a name further on (`Gingrich dismissed NATO member
    Estonia`) is read from the clause's start, so its first name is found."""
    found = phrase_after(text, start, hi)
    if found is None and text[start : start + 1].isupper():
        words = []
        for token in _tokens(text, start, hi)[:8]:
            if not _is_word(token[2]):
                break
            words.append(token)
        if len(words) >= 2:
            found = SpeakerSpan(start, words[-1][1], "phrase")  # a long clause: its first name is read below
    if (
        found is not None
        and found.kind == "name"
        and text[start].isupper()
        and any(word[0].islower() for word in _WORD_ONLY.findall(text, start, found.start))
    ):
        return SpeakerSpan(start, found.end, "phrase")
    return found


_DAY_PARTS = frozenset("morning afternoon evening night week weekend month year".split())
_SUBORDINATORS = frozenset("when while after before as since although though because if once until".split())
_THAT = re.compile(r"\s+[\w’']+\s+that\s+")


def _reported_subject(text: str, found: SpeakerSpan | None, hi: int) -> SpeakerSpan | None:
    """`The court heard that Whitlock made …, describing`: the one describing is
    the subject of the reported clause, not the court."""
    if found is None or found.kind != "phrase":
        return found
    words = _tokens(text, found.start, found.end)
    if len(words) < 2 or not _bare(words[-1][2]).endswith(("ed", "rd", "ld", "nt", "ew", "aw")):
        return found
    match = _THAT.match(text, words[-2][1])
    if match is None or match.start() != words[-2][1]:
        return found
    inner = phrase_after(text, match.end(), hi)
    return _leading_name(text, inner) if inner is not None and inner.kind in ("name", "pronoun", "phrase") else found


def _leading_name(text: str, found: SpeakerSpan | None) -> SpeakerSpan | None:
    """`Ann Ray returned the compliment` opens with its subject, Ann Ray; so do `Judge Ann
    Ray issued an order` and `Democratic nominee Ann Ray chimed in`."""
    if found is None or found.kind != "phrase":
        return found
    words = _tokens(text, found.start, found.end)
    if _bare(words[0][2]) == "the" and len(words) > 2 and words[1][2][0].isupper():
        # "The DNC issued a statement": an organisation's name after its article, then a verb
        k = 1
        while k < len(words) and _is_word(words[k][2]) and words[k][2][0].isupper():
            k += 1
        if k < len(words) and _verb_like(words[k][2]):
            return SpeakerSpan(words[1][0], words[k - 1][1], "name")
        return found
    if _bare(words[0][2]) in DETERMINERS:
        return found
    i = 0
    while i < len(words) - 1 and words[i][2][0].isupper() and _bare(words[i][2]) in TITLES:
        i += 1
    k = i
    while k < len(words) and _is_word(words[k][2]) and (words[k][2][0].isupper() or _bare(words[k][2]) in _NAME_PARTICLES):
        k += 1
    if k == i or k == len(words):
        return found
    if words[k - 1][2].endswith(("'s", "’s")) and any(
        _bare(word[2]) in _SOMEONE_ELSES or _bare(word[2]).removesuffix("s") in _SOMEONE_ELSES
        for word in words[k : k + 3]
        if word[2].islower()
    ):
        return found  # "Scott's relatives … said": the relatives, not Scott ("Oz's advice" is Oz's)
    if _bare(words[k][2]) == "and":
        j = k + 1
        while j < len(words) and words[j][2][0].isupper():
            j += 1
        if j < len(words) and words[j][2].islower() and _bare(words[j][2]).endswith("s"):
            return found  # "Arsenal and Liverpool fans unite": the fans, named by their clubs
    if k - i == 1 and words[i][2].lower() in actor_lexicon().common:
        return found  # "After saying …", "Only 52 percent …"
    if k - i == 1 and (_descriptive(words[i][2]) or _role_words_then_name(words, k)):
        later = _name_after_role(words, k)
        if later is not None:
            return later  # "Democratic nominee Ann Roe", "Clinton campaign manager Robby Mook"
        if words[i][2].lower().endswith(("ic", "an", "al", "ive", "ese", "ish")):
            return found  # "Democratic leaders": an adjective, no one's name
    if k - i == 1 and i == 0 and not_a_name(text, words[0][0], words[0][1]):
        return found  # "Small groups of protesters": a capital only because the sentence opens
    return SpeakerSpan(words[i][0], words[k - 1][1], "name")


def _subject_of_clause(text: str, span: SpeakerSpan) -> SpeakerSpan | None:
    """The name a phrase opens with when a verb follows it: `Trump took`, `Protesters
    marching`; the phrase was a clause, and the name is its subject."""
    words = _tokens(text, span.start, span.end)
    if len(words) < 2 or not words[0][2][0].isupper() or _bare(words[0][2]) in DETERMINERS:
        return None
    lead = _leading_name(text, span)
    if lead is None or lead.kind != "name":
        return None
    if any(not (w[2][0].isupper() and _bare(w[2]) in TITLES) for w in words if w[0] < lead.start):
        return None
    after = [w for w in words if w[0] >= lead.end]
    if not after or not _verb_like(after[0][2]):
        return None
    return lead


_PAST_VERBS = frozenset(
    """took made gave sent went came put ran held left got kept found brought thought spent won
    lost led fought struck hit set took drew wrote spoke told said began became rose fell""".split()
)


def _verb_like(word: str) -> bool:
    low = word.lower()
    return low in _PAST_VERBS or (len(low) >= 4 and low.endswith(("ed", "ing")))


def _descriptive(word: str) -> bool:
    """`Democratic`, `Libertarian`, `French`: a capitalised adjective, not a name."""
    lexicon = actor_lexicon()
    return word in lexicon.demonyms or (word.lower() in lexicon.english and given_name_gender(word) is None)


def _role_words_then_name(words: list[tuple[int, int, str]], j: int) -> bool:
    """After `Clinton` in `Clinton campaign manager Robby Mook told`: nouns of a role (no
    verb: not `Trump praised Ted Cruz`), then a full name."""
    k = j
    while k < len(words) and words[k][2].islower():
        low = _bare(words[k][2])
        if _verb_like(low) or low.endswith("s") or _is_cue(low):
            return False
        k += 1
    return j < k <= j + 3 and k + 1 < len(words) and words[k][2][0].isupper() and words[k + 1][2][0].isupper()


def _name_after_role(words: list[tuple[int, int, str]], j: int) -> SpeakerSpan | None:
    """The full name after a few role words: `presidential nominee Hillary Clinton`."""
    role = 0
    while j < len(words) and words[j][2][0].islower():
        low = _bare(words[j][2])
        if low in PREPOSITIONS or low in SKIPPABLE or low in DETERMINERS or low in PRONOUNS or _is_cue(low):
            return None
        role += 1
        j += 1
    k = j
    while k < len(words) and _is_word(words[k][2]) and (words[k][2][0].isupper() or _bare(words[k][2]) in _NAME_PARTICLES):
        k += 1
    if not 1 <= role <= 3 or k - j < 2:
        return None
    return SpeakerSpan(words[j][0], words[k - 1][1], "name")


def _group_named_by(words: list[tuple[int, int, str]], j: int) -> int | None:
    """After "Arsenal and": more names, then a plural noun they qualify (`Liverpool fans`);
    where that noun ends, or None."""
    k = j
    while k < len(words) and words[k][2][0].isupper():
        k += 1
    if k == j or k >= len(words) or not words[k][2].islower():
        return None
    low = _bare(words[k][2])
    if not low.endswith("s") or low.endswith("ss") or _is_cue(low) or low in SKIPPABLE or low in PREPOSITIONS:
        return None
    return words[k][1]


def _name_follows(words: list[tuple[int, int, str]], j: int) -> bool:
    """After "and" in `documentary director and producer Lena Hart`: more role words, then a
    capitalised name that ends the phrase."""
    rest = words[j : j + 8]
    if not rest or len(rest) < len(words) - j or not rest[-1][2][0].isupper():
        return False
    for token in rest:
        low = _bare(token[2])
        if low in PREPOSITIONS or low in SKIPPABLE or low in PRONOUNS or low in _CALENDAR or _is_cue(token[2]):
            return False
    return True


_NOT_PARTICIPLES = frozenset("ted red ned fred sterling king ming bing ling".split())


def _strip_skippable(segment: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    i, j = 0, len(segment)
    while i < j and _bare(segment[i][2]) in SKIPPABLE:
        i += 1
    while j > i and (_bare(segment[j - 1][2]) in SKIPPABLE or _is_adverb(segment, j - 1, i)) and not _name_part(segment, j - 1, i):
        j -= 1
    return segment[i:j]


def _name_part(segment: list[tuple[int, int, str]], k: int, first: int) -> bool:
    """`Theresa May said`: a capitalised "May" after a capitalised word ends a name."""
    return k > first and segment[k][2][0].isupper() and segment[k - 1][2][0].isupper()


def _is_adverb(segment: list[tuple[int, int, str]], k: int, first: int) -> bool:
    """`forcefully told`: a manner adverb, not "the family said"."""
    word = segment[k][2]
    if not (word.endswith("ly") and word.islower() and len(word) > 5):
        return False
    return k == first or _bare(segment[k - 1][2]) not in DETERMINERS


_RELATIVES = frozenset(("who", "which"))
_TIME_PREPOSITIONS = frozenset(("on", "in", "at", "during", "last", "this", "late", "early", "earlier", "via"))


_RELATIVE_OBJECTS = frozenset(("that", "which", "whom"))
_CLAUSE_JOINS = frozenset(("and", "but"))


def _subject(text: str, words: list[tuple[int, int, str]]) -> SpeakerSpan | None:
    """The subject at the end of a clause that runs up to a cue."""
    if len(words) > 2 and words[0][2][0].isupper() and words[0][2].endswith("ing"):
        words = words[1:]  # "Speaking at the launch Ann Roe said"
    for k in range(len(words) - 2, -1, -1):
        if _bare(words[k][2]) in _RELATIVE_OBJECTS:
            # "an explosion that Mayor Ann Ray described as …": the name in the relative clause
            tail = words[k + 1 :]
            if all(w[2][0].isupper() or _bare(w[2]) in _NAME_PARTICLES for w in tail):
                return _noun_phrase(text, tail)
            break
    j = len(words)
    while j > 0 and (words[j - 1][2][0].isupper() or _bare(words[j - 1][2]) in _NAME_PARTICLES):
        j -= 1
    if len(words) - j >= 2 and j > 0 and words[j - 1][2][0].islower():
        before = _bare(words[j - 1][2])
        if before not in PREPOSITIONS and before not in DETERMINERS and before not in ("last", "next"):
            # "… after he returned 56 minutes late Richard Lloyd, …, said": a full name ends the clause
            named = _noun_phrase(text, words[j:])
            if named is not None and named.kind == "name":
                return named
    if 1 <= len(words) - j <= 4 and j >= 3 and _bare(words[j - 1][2]) in _CLAUSE_JOINS:
        # "a woman asked for a photo and Clinton said": the subject of the last clause (but
        # "Trump and Lewandowski said" is one subject, "Cooperation and Development" one name)
        if words[j - 2][2][0].islower() and _bare(words[j - 2][2]) not in DETERMINERS | PREPOSITIONS:
            named = _noun_phrase(text, words[j:])
            if named is not None and named.kind == "name":
                return named
    # A trailing time or place phrase: "Trump on Monday said", "he in a statement said".
    for k in range(len(words) - 1, 0, -1):
        if _bare(words[k][2]) in _TIME_PREPOSITIONS and not words[k][2][0].isupper():
            words = _strip_skippable(words[:k])
            break
    if not words:
        return None
    last = _bare(words[-1][2])
    if last in PRONOUNS:
        return SpeakerSpan(words[-1][0], words[-1][1], "pronoun")
    if _bare(words[0][2]) in PREPOSITIONS:
        # "In an interview Monday Trump said": the subject is the last phrase.
        i = len(words) - 1
        while i > 1 and (words[i - 1][2][0].isupper() or _bare(words[i - 1][2]) in DETERMINERS):
            i -= 1
        words = words[i:]
    return _noun_phrase(text, words)


def _given_name_later(words: list[tuple[int, int, str]], start: int) -> bool:
    given = actor_lexicon().given
    return any(words[k][2] in given and words[k + 1][2][0].isupper() for k in range(start, min(len(words), 10) - 1))


def _is_title(word: str) -> bool:
    return word[0].isupper() and (_bare(word) in TITLES or word in actor_lexicon().titles)


def _noun_phrase(text: str, words: list[tuple[int, int, str]]) -> SpeakerSpan | None:
    """A name (the last capitalised run of the head) or a common noun phrase."""
    head: list[tuple[int, int, str]] = []
    rest_end = None
    for index, token in enumerate(words[:10]):
        low = _bare(token[2])
        if head and (low in SKIPPABLE or _is_cue(token[2])):
            if low == "and" and _name_follows(words, index + 1):
                head.append(token)  # "director and producer Lena Hart"
                continue
            if low == "and" and head[-1][2][0].isupper():
                group = _group_named_by(words, index + 1)
                if group is not None:
                    return SpeakerSpan(head[0][0], group, "phrase")  # "Arsenal and Liverpool fans"
            break  # "The witness said …": the phrase ends at its verb
        if _verb_after_noun(words, index, head):
            break  # "Three judges unanimously dismissed …", "a report released by …"
        if low in PREPOSITIONS:
            if low in ("of", "for") and head and _is_title(head[-1][2]):
                head.append(token)  # "Secretary of State Hillary Clinton"
                continue
            if low == "to" and head and _is_title(head[-1][2]) and _given_name_later(words, index + 1):
                head.append(token)  # "Ambassador to the UN Ann Roe", not "Ambassador to France"
                continue
            if low in ("of", "for", "with", "at", "from") and index + 1 < len(words):
                rest_end = _phrase_end(words, index + 1)
            break
        if low in PRONOUNS and head:
            break
        head.append(token)
    if not head:
        return None
    if all(_bare(t[2]) in _CALENDAR for t in head):
        return None
    while len(head) > 1 and _bare(head[-1][2]) in _CALENDAR:
        head.pop()  # "Judge Ann Roe issued an order Thursday": the day is no one's name
    if _bare(head[0][2]) in PRONOUNS:
        return SpeakerSpan(head[0][0], head[0][1], "pronoun")  # "He said he would …"
    last = head[-1][2]
    if last[0].isupper() and not last.endswith(("'s", "’s")) and _bare(last) not in _BARE_NOUN_SPEAKERS:
        run_end = head[-1][1]
        i = len(head) - 1
        while i > 0 and (head[i - 1][2][0].isupper() or _bare(head[i - 1][2]) in _NAME_PARTICLES):
            previous = _bare(head[i - 1][2])
            if previous in TITLES or previous in _CALENDAR or head[i - 1][2].endswith(("'s", "’s")):
                break
            i -= 1
        while i < len(head) - 1 and _bare(head[i][2]) in TITLES:
            i += 1
        start = head[i][0]
        if text[run_end - 1] == "." and not _is_abbreviation(text[start:run_end]):
            run_end -= 1
        return SpeakerSpan(start, run_end, "name")
    if all(_bare(t[2]) in DETERMINERS for t in head) or len(head) > 6:
        return None
    first = _bare(head[0][2])
    if first not in DETERMINERS and not head[0][2].endswith(("'s", "’s")) and first not in _BARE_NOUN_SPEAKERS:
        if not (head[0][2][0].isupper() and len(head) > 1):
            return None  # "legal history and articles" is no speaker
    end = rest_end if rest_end is not None else head[-1][1]
    if text[end - 1] == "." and not _is_abbreviation(text[head[0][0] : end]):
        end -= 1  # "said its maker." ends the sentence, not the phrase
    return SpeakerSpan(head[0][0], end, "phrase")


_CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    january february march april may june july august september october november december""".split()
)
CALENDAR_WORDS = _CALENDAR  # days and months: never part of a speaker's name
# Plural or mass nouns that speak without a determiner ("officials said").
_BARE_NOUN_SPEAKERS = frozenset(
    """officials sources analysts experts critics aides advisers advisors supporters opponents
    residents witnesses police prosecutors investigators researchers economists lawmakers democrats
    republicans voters observers diplomats authorities organizers organisers protesters protestors
    spokesman spokeswoman spokesperson""".split()
)


def _is_cue(token: str) -> bool:
    return is_cue(token)


def _phrase_end(words: list[tuple[int, int, str]], index: int) -> int:
    end = words[index][1]
    for k, token in enumerate(words[index : index + 5], index):
        if _bare(token[2]) in PREPOSITIONS or _bare(token[2]) in PRONOUNS or (k > index and _past_verb(token[2])):
            break  # "groups of protesters continued …": the phrase ends before the verb
        end = token[1]
    return end


def _past_verb(word: str) -> bool:
    low = word.lower()
    return word.islower() and low not in _NAMING_VERBS and (low in _PAST_VERBS or (len(low) >= 5 and low.endswith("ed")))


_NAMING_VERBS = frozenset(("named", "called", "dubbed", "titled", "entitled", "nicknamed"))


def _verb_after_noun(words: list[tuple[int, int, str]], index: int, head: list[tuple[int, int, str]]) -> bool:
    """A past verb (or a manner adverb before one) after a noun the phrase already holds:
    the phrase ends there. Not after a determiner or a possessive (`the elected mayor`,
    `the newly appointed chief`, `the city's …`)."""
    if len(head) < 2 or _bare(head[-1][2]) in DETERMINERS or head[-1][2].endswith(("'s", "’s", "ly")):
        return False
    if not any(word[2].islower() for word in head):
        return False  # a run of names reads on as before ("Ukrainian President Ann Roe declined …")
    word = words[index][2]
    if _past_verb(word):
        return True
    return word.islower() and word.endswith("ly") and index + 1 < len(words) and _past_verb(words[index + 1][2])


def _is_abbreviation(token: str) -> bool:
    last = token.split()[-1]
    return len(last) <= 3 or last.count(".") > 1


# ---------------------------------------------------------------- resolution


def _outside(mentions: list[Mention], quoted: list[tuple[int, int]]) -> list[Mention]:
    if not quoted:
        return mentions
    starts = [start for start, _ in quoted]
    kept = []
    for mention in mentions:
        index = bisect.bisect_right(starts, mention.start) - 1
        if index < 0 or quoted[index][1] <= mention.start:
            kept.append(mention)
    return kept


# How far after a description (in characters) the person it stands for may be named.
FORWARD_REACH = 400


# A sentence ends at . ! or ? (and any closing quote or bracket) before a capital, or at a blank line.
# The last alternative ends a photo caption spliced into the text: "… (stock image) Karo, whose …".
_SENTENCE_END = re.compile(
    r"[.!?][\"'”’)]*\s+(?=(?:''|``|[\"'“‘(])?[A-Z0-9])|\n\s*\n"
    r"|(?<=\()(?:stock\s+|file\s+)?(?:image|photo|picture|pictured|above|below)\)[^\S\n]+(?=[A-Z])"
)
SENTENCE_REACH = 600  # characters looked back for the start of a sentence


_ABBREVIATION = re.compile(r"(?:\b[A-Z]|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Prof|Rev|Jr|Sr|No|vs)\.$")


def _sentence_end(text: str, position: int) -> int:
    for match in _SENTENCE_END.finditer(text, position, min(len(text), position + SENTENCE_REACH)):
        if not _ABBREVIATION.search(text, max(0, match.start() - 5), match.start() + 1):
            return match.start() + 1
    return min(len(text), position + SENTENCE_REACH)


def _sentence_start(text: str, position: int) -> int:
    """Where the sentence holding `position` starts (a rough cut, enough to tell sentences
    apart; "Mr. Smith" and "J. Smith" do not end one)."""
    start = max(0, position - SENTENCE_REACH)
    # Up to the capital at `position` itself: the lookahead needs it to see a sentence begin there.
    for match in _SENTENCE_END.finditer(text, start, position + 2):
        if match.end() <= position and not _ABBREVIATION.search(text, max(0, match.start() - 5), match.start() + 1):
            start = match.end()
    return start


@functools.cache
def _organisation_words() -> frozenset[str]:
    return frozenset(w for w in read_entries("org_words.txt") if " " not in w)


@dataclass(frozen=True, slots=True)
class Resolved:
    """A speaker span mapped to who it names: the actor, how it was found, what it is."""

    speaker: str | None
    start: int | None
    end: int | None
    via: str | None = None  # name | pronoun | descriptor
    kind: str | None = None  # person | organisation


# How far from a person's name the qualifier of their role ("Republican nominee") may stand.
QUALIFIER_REACH = 80
# How far back (in characters) a pronoun looks for the person it stands for.
PRONOUN_REACH = 2500
_GENDERED_PRONOUNS = re.compile(r"\b(?:[Hh]e|[Hh]im|[Hh]is|[Ss]he|[Hh]er)\b")
_AGE = re.compile(r"(\d{1,3})-year-old")


class _NamesakeCounts:
    """A running count of the people a surname may stand for, over mentions in text order:
    `positions` are the indices of the person mentions whose name ends in the surname."""

    def __init__(self, positions: list[int] | None = None) -> None:
        self.positions = positions if positions is not None else []
        self.limit = 0  # mentions before this index are counted
        self.counts: dict[str, int] = {}
        self._read = 0  # how many of `positions` are counted
        self._introduced: set[str] = set()

    def count_up_to(self, mentions: Sequence[Mention], surname: str, limit: int) -> None:
        """Count on up to `mentions[:limit]`, by the rules of `Resolver._salient_namesake`."""
        self.limit = limit
        while self._read < len(self.positions) and self.positions[self._read] < limit:
            other = mentions[self.positions[self._read]]
            self._read += 1
            if " " in other.text:
                self._introduced.add(other.actor)  # a full name; a given name alone ("Hunter") does not
            elif other.text == surname and len(self._introduced) > 1:
                continue
            self.counts[other.actor] = self.counts.get(other.actor, 0) + 1


class _RunningCount:
    """How often each person is named, counted in text order up to `limit`; `best` is the
    one named most and `at_most` how many share that count."""

    def __init__(self) -> None:
        self.limit = -1
        self.read = 0  # people counted
        self.counts: dict[str, int] = {}
        self.best: str | None = None
        self.at_most = 0

    def add(self, actor: str) -> None:
        top = self.counts[self.best] if self.best is not None else 0
        count = self.counts[actor] = self.counts.get(actor, 0) + 1
        if count > top:
            self.best, self.at_most = actor, 1
        elif count == top:
            self.at_most += 1


class Resolver:
    """Maps speaker spans to canonical actors, using mentions when there are any."""

    def __init__(self, text: str, mentions: Sequence[Mention], quoted: Sequence[tuple[int, int]] = ()) -> None:
        self.text = text
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        # A pronoun outside a quote does not point at a name said inside one.
        outside = _outside(self.mentions, sorted(quoted))
        self.people = [m for m in outside if m.kind == "person" and not _is_group(m.actor) and not _in_credit(text, m)]
        self.people_starts = [m.start for m in self.people]
        self._quoted = sorted(quoted)
        self._surnames_added = False
        self.last_named: list[tuple[int, str, bool]] = []  # (position, name, is a person)
        self.genders: dict[str, str | None] = {}
        self.kinds = {m.actor: m.kind for m in self.mentions}
        self.fuller: dict[str, str] = {}  # actor -> the fuller name a cue gave them ("Umesh Chandra Pandey")
        self._forget_people_indexes()
        self._introduced_ends: dict[str, int | None] = {}
        self._namesakes: dict[str, _NamesakeCounts] | None = None
        self._mentions_by_actor: dict[str, list[int]] | None = None

    def _forget_people_indexes(self) -> None:
        """Drop what was worked out from `self.people`, when that list changes."""
        self._sites: RoleSites | None = None
        # (role word, qualifiers) -> how many people near it are judged, those named with it
        self._role_named: dict[tuple[str, tuple[str, ...]], tuple[int, list[int]]] = {}
        self._longest: int | None = None
        self._ages: AgeSites | None = None
        self._named_count: _RunningCount | None = None  # people named so far, for interviews
        self._people_by_actor: dict[str, list[int]] | None = None

    def _role_sites(self) -> RoleSites:
        if self._sites is None:
            self._sites = RoleSites(self.text, self.people)
        return self._sites

    def _longest_person(self) -> int:
        if self._longest is None:
            self._longest = max((m.end - m.start for m in self.people), default=0)
        return self._longest

    def resolve(self, span: SpeakerSpan) -> Resolved:
        """The actor a speaker span names, after mapping to mentions."""
        if span.kind == "pronoun":
            speaker = self._pronoun(span)
            return Resolved(speaker, span.start, span.end, "pronoun" if speaker else None, self._kind(speaker))
        if span.antecedent is not None:
            # "who" meaning Mike Lee; "its chief executive, Tim Cook" meaning Tim Cook
            inner = self.resolve(span.antecedent)
            return Resolved(inner.speaker, span.start, span.end, inner.via, inner.kind)
        described = described_not_named(self.text, span.start, span.end)
        if described is not None:
            found = self._described_speaker(*described)
            if found is not None:
                return found
        if span.kind == "name" and self.text.endswith(("'s", "’s"), span.start, span.end) and span.end - span.start > 3:
            span = SpeakerSpan(span.start, span.end - 2, "name")  # "Oz's advice … for saying": Oz
        if span.kind == "name" and _QUOTED_NICKNAME.search(self.text, span.start, span.end):
            return self._nicknamed(span)
        mention = self._overlapping(span)
        if mention is not None and span.kind == "name" and _common_plural(self.text, mention):
            # "Scientists say …": a group named by a capitalised common noun, no one's name
            return Resolved(None, span.start, span.end, "descriptor")
        if mention is not None and span.kind == "phrase" and mention.kind == "organisation" and self._speaks_for(span, mention):
            # "A spokeswoman for Harbour Bank said": an unnamed person, not the bank itself
            return Resolved(None, span.start, span.end, "descriptor")
        if mention is not None:
            longer = self._given_name_before(span, mention)
            if longer is not None:
                return longer
            actor = self._salient_namesake(mention)
            actor = self.fuller.get(actor, actor)
            self.last_named.append((mention.start, actor, mention.kind == "person"))
            via = "descriptor" if span.kind == "phrase" else "name"
            return Resolved(actor, mention.start, mention.end, via, _speaker_kind(mention.kind))
        name = self.text[span.start : span.end]
        if span.kind == "phrase":
            lead = _subject_of_clause(self.text, span)
            if lead is not None:
                return self.resolve(lead)  # "Trump took to Twitter to accuse …"
            return self._description(span)
        if span.kind == "name":
            if not_a_name(self.text, span.start, span.end):
                # "Scientists say": a group described, not named; "Thursday": nobody at all
                return Resolved(None, span.start, span.end, "descriptor" if _is_group(name) else None)
            self.last_named.append((span.start, name, True))
        return Resolved(name, span.start, span.end, "name", None)

    def _description(self, span: SpeakerSpan) -> Resolved:
        """A description is no actor: it is the person or organisation it stands for, or
        nobody (the span still shows where the speaker is named)."""
        author = self._author(span) or self._made_by(span)
        if author is not None:
            return Resolved(author.actor, span.start, span.end, "descriptor", _speaker_kind(author.kind))
        person = self._described(span) or self._topic_person(span)
        if person is not None:
            return Resolved(person, span.start, span.end, "descriptor", "person")
        body = self._organisation(span)
        # unresolved, the description still says who spoke ("the passenger", "a spokesman")
        return Resolved(body, span.start, span.end, "descriptor", "organisation" if body else None)

    def _speaks_for(self, span: SpeakerSpan, mention: Mention) -> bool:
        """`a spokesman for the council`: the description's head is someone who speaks for
        the body named after it, not the body (`the council said`) nor a person it names."""
        words = [word.lower() for word in _WORD_ONLY.findall(self.text, span.start, mention.start)]
        for index, word in enumerate(words):
            if word in PREPOSITIONS:
                return index > 0 and words[index - 1] in _SPEAKS_FOR and words[0] in DETERMINERS
        return False

    def _nicknamed(self, span: SpeakerSpan) -> Resolved:
        """`Del. Marcia "Cia" Price`: the name without its quoted nickname (and without a
        title the name finder took for a name), the person the text names so if it does."""
        name = " ".join(_QUOTED_NICKNAME.sub(" ", self.text[span.start : span.end]).split())
        words = name.split()
        while len(words) > 2 and (_bare(words[0]) in TITLES or words[0] in _TITLE_ABBREVIATIONS):
            words = words[1:]
        name = " ".join(words)
        for mention in self.people:
            if mention.actor == name or (mention.actor.split()[-1:] == words[-1:] and mention.actor.split()[:1] == words[:1]):
                name = mention.actor
                break
        self.last_named.append((span.start, name, True))
        return Resolved(name, span.start, span.end, "name", "person")

    def _given_name_before(self, span: SpeakerSpan, mention: Mention) -> Resolved | None:
        """`said Umesh Chandra Pandey` where the name finder kept only `Chandra Pandey`: the
        speaker is the whole name the cue gives, when the words before the mention are
        capitalised words that are no title, ordinary word, demonym or month."""
        if (
            span.kind != "name"
            or mention.kind != "person"
            or mention.actor != mention.text
            or not span.start < mention.start < span.end
            or mention.end != span.end
        ):
            return None
        extra = self.text[span.start : mention.start].split()
        lexicon = actor_lexicon()
        if _JOINER_BEFORE.search(self.text, max(0, span.start - 6), span.start):
            return None  # "Mayor of London Sadiq Khan": the place belongs to the title
        index = bisect.bisect_right(self.starts, span.start) - 1
        if any(m.end > span.start and m.start < mention.start for m in self.mentions[max(0, index - 2) : index + 3] if m is not mention):
            return None  # "Scotland Nicola Sturgeon": a place or body the name finder knows
        if not 1 <= len(extra) <= 2 or any(
            not word[:1].isupper()
            or word.isupper()
            or not word.isalpha()
            or word.lower() in TITLES
            or word.lower() in lexicon.english
            or word.lower() in lexicon.common
            or word in lexicon.demonyms
            or word.lower() in _CALENDAR
            for word in extra
        ):
            return None
        name = self.text[span.start : mention.end]
        self.fuller[mention.actor] = name  # the person's later quotes show the same name
        self.last_named.append((span.start, name, True))
        return Resolved(name, span.start, mention.end, "name", "person")

    def _author(self, span: SpeakerSpan) -> Mention | None:
        """Whose words a document carries: `Ann Roe's brief said` and `the IMF report
        stated` are Ann Roe's and the IMF's."""
        words = list(_WORD_ONLY.finditer(self.text, span.start, span.end))
        if len(words) < 2 or words[-1].group().lower() not in _DOCUMENTS:
            return None
        index = bisect.bisect_left(self.starts, span.start)
        for mention in self.mentions[index : index + 4]:
            if mention.end > words[-1].start():
                break
            between = self.text[mention.end : words[-1].start()]
            between = between.removeprefix("'s").removeprefix("’s")
            if self.text[span.start : mention.start].strip().lower() not in ("", "the", "a", "an"):
                continue
            if all(word[0].islower() for word in _WORD_ONLY.findall(between)) and len(between.split()) <= 3:
                return mention
        return None

    def _made_by(self, span: SpeakerSpan) -> Mention | None:
        """`a civil complaint filed by the Securities and Exchange Commission`, `a report
        released by Ann Roe`: a document's words are the words of whoever it is made by."""
        for word in _WORD_ONLY.finditer(self.text, span.start, span.end):
            if word.group().lower() not in _DOCUMENTS:
                continue
            made = _MADE_BY.match(self.text, word.end())
            after = made.end() if made is not None else _past_blanks(self.text, word.end())
            index = bisect.bisect_left(self.starts, after)
            if index >= len(self.mentions) or self.mentions[index].start - after > 8:
                return None
            if self.text[after : self.mentions[index].start].strip().lower() not in TITLES | {""}:
                return None  # only a title ("Mrs.") between them
            mention = self.mentions[index]
            if mention.kind not in ("person", "organisation"):
                return None
            if made is None and not _MAKES.match(self.text, mention.end):
                return None  # "a report Ann Roe delivered", not "a report Ann Roe disputes"
            return mention
        return None

    def _salient_namesake(self, mention: Mention) -> str:
        """`Quist said` where the article is about Mara Quist and names her father Tom Quist
        once: a bare surname is the person of that surname the article is about, the one
        named far more often so far (in quotes too), not merely the latest. A bare surname
        written once two people of that name have been introduced counts for neither: the
        name finder gave it to the latest, which is the very guess being checked."""
        if mention.kind != "person" or " " in mention.text or mention.actor == mention.text:
            return mention.actor
        if _GENERATION_BEFORE.search(self.text, max(0, mention.start - 12), mention.start):
            return mention.actor  # "the younger Schuller": the text itself tells them apart
        # names inside quotes too: the article is about them as well
        tally = self._namesake_tally(mention.text, bisect.bisect_left(self.starts, mention.start))
        counts = tally.counts
        if len(counts) < 2:
            return mention.actor
        best = max(counts, key=lambda actor: counts[actor])
        return best if counts[best] >= 2 * counts.get(mention.actor, 0) else mention.actor

    def _namesake_tally(self, surname: str, limit: int) -> _NamesakeCounts:
        """How often each person of that surname is named in `self.mentions[:limit]`, carried
        on from the last count for the surname (quotes come in order), not counted afresh."""
        if self._namesakes is None:
            self._namesakes = {}
            for index, other in enumerate(self.mentions):
                words = other.actor.split()
                if other.kind == "person" and words:
                    self._namesakes.setdefault(words[-1], _NamesakeCounts()).positions.append(index)
        tally = self._namesakes.get(surname)
        if tally is None:
            return _NamesakeCounts()
        if tally.limit > limit:
            tally = self._namesakes[surname] = _NamesakeCounts(tally.positions)
        tally.count_up_to(self.mentions, surname, limit)
        return tally

    def _kind(self, actor: str | None) -> str | None:
        return _speaker_kind(self.kinds.get(actor)) if actor else None

    def _organisation(self, span: SpeakerSpan) -> str | None:
        """The organisation `the bank` (or `her association`) stands for: the latest one
        named before it whose name has that head word (`Harbour Savings Bank`)."""
        words = _WORD_ONLY.findall(self.text, span.start, span.end)
        if not 2 <= len(words) <= 3 or words[0].lower() not in _DEFINITE:
            return None
        head = words[-1].lower()
        if head in _NOT_ROLES or not head.isalpha():
            return None
        index = bisect.bisect_left(self.starts, span.start)
        if " ".join(words[1:]).lower() in _OUTLET_WORDS:
            # "the wire service reported": the news outlet the text has just named
            for mention in reversed(self.mentions[max(0, index - 30) : index]):
                if mention.start < span.start - ORGANISATION_REACH:
                    break
                if mention.kind == "organisation" and _OUTLET_NAME.search(mention.actor):
                    return mention.actor
            return None
        for mention in reversed(self.mentions[max(0, index - 60) : index]):
            if mention.kind == "organisation" and head in mention.actor.lower().split():
                return mention.actor
        if head in _GENERIC_BODIES:
            # "the company said": the organisation the text has just been about
            for mention in reversed(self.mentions[max(0, index - 30) : index]):
                if mention.start < span.start - ORGANISATION_REACH:
                    break
                if mention.kind == "organisation":
                    return mention.actor
        return None

    def _described(self, span: SpeakerSpan) -> str | None:
        """The person a description stands for: `the mayor` after `Mayor Bill Garner`,
        `Norway's chief negotiator` after `Norway's chief negotiator, Anne Berg,`.

        The description must be singular and definite (`the`, `its`, `Norway's`), and
        the person named next to the same role word earlier in the text."""
        age = _AGE.search(self.text, span.start, span.end)
        if age is not None and self.text[span.start : age.start()].strip().lower() in ("the", ""):
            return self._of_age(age.group(1), span.start)
        words = _WORD_ONLY.findall(self.text, span.start, span.end)
        if len(words) < 2 or len(words) > 7:
            return None
        first = words[0].lower()
        if first not in _DEFINITE and not words[0].endswith(("'s", "’s")):
            return None
        head = words[-1]
        head_index = len(words) - 1
        for index, word in enumerate(words[1:], 1):
            if word.lower() in PREPOSITIONS:
                head, head_index = words[index - 1], index - 1
                break
        # "the Republican nominee": a capitalised qualifier the person's own role must share
        qualifiers = [w for w in words[1:head_index] if w[0].isupper() and not w.endswith(("'s", "’s"))]
        if head.capitalize() in _organisation_words():
            return None  # "her association" is an organisation, not the woman it belongs to
        head = head.lower()
        if head in _DOCUMENTS:
            return None  # "the plea agreement said" is no one's title
        if not head.isalpha() or head in PRONOUNS or head in _NOT_ROLES or (head.endswith("s") and not head.endswith("ss")):
            return None
        before = _role_before(head)
        # "Ann Roe, the city's mayor,": an apposition that opens like a description, not a
        # clause ("Trump, Cruz wage delegate fights", "Ann Roe, who met the mayor")
        after = re.compile(
            rf",\s+(?:(?:{_APPOSITION_OPENERS}|[\w.-]+['’]s)\s+(?:(?!{_CLAUSE_WORDS})[\w'’.-]+\s+){{0,5}}?)?{head}\b",
            re.IGNORECASE,
        )
        found = self._named_before(head, tuple(qualifiers), span, before, after)
        if found is not None:
            return found
        for mention in self.people[bisect.bisect_left(self.people_starts, span.start) :]:
            if mention.start - span.end > FORWARD_REACH:
                break
            if qualifiers and not self._qualified(mention, qualifiers, span):
                continue
            if before.search(self.text, max(0, mention.start - BEFORE_REACH), mention.start):
                # "a budget its leader called …" then "Council leader Janet Osei": a
                # description may come first when the text names the person just after.
                return mention.actor
        return None

    def _named_before(
        self, head: str, qualifiers: tuple[str, ...], span: SpeakerSpan, before: _RoleBefore, after: re.Pattern[str]
    ) -> str | None:
        """The latest person before the description named next to its role word. The role
        word must stand before the description itself: in "Turning to Snow, the president
        said" the president is not Snow.

        Only people near the role word are read (`RoleSites`). Those ending well before the
        description are judged the same for every description with that role word and those
        qualifiers, so that judgement is made once; only the few people just before it are
        read against the description's own position."""
        near = self._role_sites().near(head)
        index = bisect.bisect_left(self.people_starts, span.start)
        top = bisect.bisect_left(near, index)
        # Whoever starts this far back ends before either reach gets to the description.
        far = span.start - max(QUALIFIER_REACH, AFTER_REACH) - self._longest_person()
        k = top - 1
        while k >= 0 and self.people[near[k]].start >= far:
            mention = self.people[near[k]]
            if self._names_role(mention, qualifiers, span, before, after):
                return mention.actor
            k -= 1
        if k < 0:
            return None
        latest = self._latest_named_far_back(head, qualifiers, k + 1, before, after)
        return self.people[latest].actor if latest is not None else None

    def _names_role(
        self, mention: Mention, qualifiers: Sequence[str], span: SpeakerSpan, before: _RoleBefore, after: re.Pattern[str]
    ) -> bool:
        if qualifiers and not self._qualified(mention, qualifiers, span):
            return False
        return bool(
            before.search(self.text, max(0, mention.start - BEFORE_REACH), mention.start)
            or after.match(self.text, mention.end, min(span.start, mention.end + AFTER_REACH))
        )

    def _latest_named_far_back(
        self, head: str, qualifiers: tuple[str, ...], count: int, before: _RoleBefore, after: re.Pattern[str]
    ) -> int | None:
        """Of the first `count` people near the role word `head`, the latest named next to
        it with those qualifiers, judged as for a description far after them. Each is judged
        once per role word and qualifiers, and only when first needed."""
        near = self._role_sites().near(head)
        judged, named = self._role_named.setdefault((head, qualifiers), (0, []))
        if judged < count:
            past = len(self.text) + QUALIFIER_REACH + AFTER_REACH
            beyond = SpeakerSpan(past, past, "phrase")
            named.extend(k for k in near[judged:count] if self._names_role(self.people[k], qualifiers, beyond, before, after))
            self._role_named[(head, qualifiers)] = (count, named)
        at = bisect.bisect_left(named, near[count - 1] + 1) - 1 if judged > count else len(named) - 1
        return named[at] if at >= 0 else None

    def _topic_person(self, span: SpeakerSpan, people_word: bool = False) -> str | None:
        """`Trump charges that … . The New York businessman says …`: a definite description
        whose role word the text never ties to a name stands for the person the text has just
        been about: the one person named before it in its own sentence, else the subject of
        the sentence before (or the one before that, when that sentence opens with a
        description too). Roles that are usually someone else in a story (`the judge`, `the
        spokesman`) are left alone. `people_word`: the head is known to be a word for a
        person (`the Texan`, `the Ohio Republican`)."""
        words = _WORD_ONLY.findall(self.text, span.start, span.end)
        if not 2 <= len(words) <= 10 or not (words[0].lower() == "the" or words[0].endswith(("'s", "’s"))):
            return None  # "the New York businessman", "Obama's former campaign strategist"
        head = words[-1]
        for index, word in enumerate(words[1:], 1):
            if word.lower() in PREPOSITIONS:
                head = words[index - 1]
                break
        low = head.lower()
        qualifiers = [w for w in words[1:-1] if w[0].isupper() and not w.endswith(("'s", "’s"))]
        if (
            not low.isalpha()
            or not (people_word or _person_role(low))
            or low in _OTHER_PARTIES
            or low in _DOCUMENTS
            or low in _GENERIC_BODIES
            or low in _NOT_ROLES
            or low in _OUTLET_WORDS
            or head.capitalize() in _organisation_words()
            or (low.endswith("s") and not low.endswith("ss"))
        ):
            return None
        if self._introduced_before(low, span.start):
            return None  # "greeted by an organizer … the organizer said": that unnamed one
        self._add_bare_surnames()
        own = _sentence_start(self.text, span.start)
        earlier = self.people[bisect.bisect_left(self.people_starts, own) : bisect.bisect_left(self.people_starts, span.start)]
        actors = {mention.actor for mention in earlier}
        if actors:
            actor = actors.pop() if len(actors) == 1 else None
            return actor if actor is not None and not self._other_role(actor, low, qualifiers, span) else None
        end = own
        for _ in range(2):
            if end <= 0:
                return None
            start = _sentence_start(self.text, end - 1)
            subject = self._subject_person(start, end)
            if subject is not None:
                return None if self._other_role(subject, low, qualifiers, span) else subject
            if not _DESCRIPTION_OPENS.match(self.text, start):
                return None
            end = start
        return None

    def _introduced_before(self, low: str, position: int) -> bool:
        """Whether the text introduces someone by that role word before `position`: `an
        organizer`, `a local party organizer`.

        Searching the text before every description cost the square of its length. One
        search per role word finds where the earliest such phrase ends, which answers every
        position at or after it: the pattern reads word by word from `a`, so the leftmost
        match, taking as few words as it may, ends first. Only a position inside a word,
        where cutting the text there may end a phrase, is searched up to itself."""
        if low not in self._introduced_ends:
            first = _introduced(low, lazy=True).search(self.text)
            self._introduced_ends[low] = first.end() if first is not None else None
        end = self._introduced_ends[low]
        if end is not None and end <= position:
            return True
        if position > 0 and _WORD_PAIR.match(self.text, position - 1) is not None:
            return _introduced(low, lazy=False).search(self.text, 0, position) is not None
        return False

    def _other_role(self, actor: str, head: str, qualifiers: list[str], span: SpeakerSpan) -> bool:
        """The text gives the person that role with other qualifiers (`Vice-presidential
        nominee Tom Kerrigan`, then `the Republican nominee`): someone else is meant."""
        if not qualifiers:
            return False
        before = _role_before(head)
        return any(
            mention.actor == actor
            and before.search(self.text, max(0, mention.start - BEFORE_REACH), mention.start)
            and not self._qualified(mention, qualifiers, span)
            for mention in (self.people[k] for k in self._role_sites().near(head))
        )

    def _subject_person(self, start: int, end: int) -> str | None:
        """The person a sentence opens with as its active subject (`Ann Roe charged …`,
        `Republican nominee Ann Roe, speaking in …, said`), not `Ann Roe was arrested`."""
        index = bisect.bisect_left(self.people_starts, start)
        if index >= len(self.people) or self.people[index].start >= end:
            return None
        mention = self.people[index]
        lead = _WORD_ONLY.findall(self.text, start, mention.start)
        if len(lead) > 4 or any(word.lower() in PREPOSITIONS or word.lower() in DETERMINERS for word in lead):
            return None
        if _PASSIVE_AFTER.match(self.text, mention.end):
            return None
        return mention.actor

    def _qualified(self, mention: Mention, qualifiers: Sequence[str], span: SpeakerSpan) -> bool:
        """Each qualifier stands next to the mention (`Republican nominee Ann Roe`,
        `Ann Roe, the Vermont senator,`), outside the description itself: not
        `vice-presidential nominee Tim Kaine`."""
        lo, hi = max(0, mention.start - QUALIFIER_REACH), mention.end + QUALIFIER_REACH
        if mention.start < span.start:
            hi = min(hi, span.start)
        else:
            lo = max(lo, span.end)
        near = self.text[lo:hi]
        return all(re.search(rf"\b{re.escape(word)}\b", near) is not None for word in qualifiers)

    def _of_age(self, age: str, position: int) -> str | None:
        """`the 34-year-old`: the person the text gave that age (`Ann Roe, 34,`, `34-year-old Ann Roe`)."""
        if self._ages is None:
            self._ages = AgeSites(self.text, self.people)
        aged = self._ages.aged(age)
        at = bisect.bisect_left(aged, bisect.bisect_left(self.people_starts, position)) - 1
        return self.people[aged[at]].actor if at >= 0 else None

    def _described_speaker(self, determiner: str, start: int, end: int) -> Resolved | None:
        """`one MP`, `said a Texas Democrat`: no one named; `the Texan said`: the person
        named before with that word or the one the text is about, else no one (but `The
        Atlantic` opening a sentence may be a title: None leaves it a name). A person
        named beside the description in commas is the speaker."""
        named = self._apposed_person(start, end)
        if named is not None:
            return self.resolve(SpeakerSpan(named.start, named.end, "name"))  # "a Republican, Ann Roe, said"
        if determiner == "indefinite":
            return Resolved(None, start, end, "descriptor")
        description = SpeakerSpan(start, end, "phrase")
        person = self._described(description) or self._topic_person(description, people_word=True)
        if person is not None:
            return Resolved(person, start, end, "descriptor", "person")
        return Resolved(None, start, end, "descriptor") if self.text[start].islower() else None

    def _apposed_person(self, start: int, end: int) -> Mention | None:
        """The person a description stands beside, set off by commas: `Ann Roe, a
        Republican` or `a Republican, Ann Roe,`."""
        index = bisect.bisect_left(self.starts, end)
        if index < len(self.mentions):
            after = self.mentions[index]
            if after.kind == "person" and _APPOSED_AFTER.fullmatch(self.text, end, after.start) and self.text.startswith(",", after.end):
                return after
        index = bisect.bisect_left(self.starts, start) - 1
        if index >= 0:
            before = self.mentions[index]
            if before.kind == "person" and _APPOSED_AFTER.fullmatch(self.text, before.end, start):
                return before
        return None

    def _overlapping(self, span: SpeakerSpan) -> Mention | None:
        index = bisect.bisect_left(self.starts, span.end)
        best = None
        for mention in reversed(self.mentions[max(0, index - 8) : index]):
            if mention.end <= span.start:
                continue
            if span.kind == "phrase" and mention.end < span.end - 1:
                continue  # "the Clinton campaign" is not Clinton
            if span.kind == "phrase" and self._inside_indefinite(span, mention):
                continue  # "a professor at Yale", "a chorus of Republicans": neither is Yale or the party
            if best is None or self._fits_better(mention, best, span):
                best = mention
        return best

    @staticmethod
    def _fits_better(mention: Mention, best: Mention, span: SpeakerSpan) -> bool:
        """A person before anything else; then the mention that covers more of the span
        (`The New York Times reports`: the paper, not the city nested in its name)."""
        if (mention.kind == "person") != (best.kind == "person"):
            return mention.kind == "person"
        def covered(m: Mention) -> int:
            return min(m.end, span.end) - max(m.start, span.start)
        return covered(mention) > covered(best)

    def _inside_indefinite(self, span: SpeakerSpan, mention: Mention) -> bool:
        """A name after `at` or `in` inside an indefinite description (`a professor at
        Yale`), or after `of` a quantity (`a chorus of Republicans`, `one of the Democrats`);
        `a co-chairman of the Caucus` still speaks for the caucus."""
        words = [w.lower() for w in _WORD_ONLY.findall(self.text, span.start, max(span.start, mention.start))]
        if not words or words[0] not in _INDEFINITE:
            return False
        return any(
            word in ("at", "in") or (word == "of" and (words[k - 1] in _QUANTITIES or k == 1))
            for k, word in enumerate(words[1:], 1)
        )

    def _pronoun(self, span: SpeakerSpan) -> str | None:
        word = _bare(self.text[span.start : span.end])
        if word == "you" and self._in_question(span.start):
            return self._interviewee(span.start)  # "Q: You describe the island as …"
        if word not in PERSON_PRONOUNS and pronoun_gender(word) is None:
            # "they" goes to no organisation: far more often than not the text means a group
            # it never names ("Other Republican leaders … They suggested", "the researchers …").
            if word == "it" and self.mentions:
                index = bisect.bisect_left(self.starts, span.start)
                for mention in reversed(self.mentions[max(0, index - 30) : index]):
                    if mention.kind == "organisation":
                        return mention.actor
            return None
        gender = pronoun_gender(word)
        self._add_bare_surnames()
        if self.people:
            person = self._antecedent(span.start, gender)
            if person is not None:
                # a bare surname is the namesake the article is about, as for a name
                actor = self._salient_namesake(person)
                self.genders.setdefault(actor, gender)
                return self.fuller.get(actor, actor)
            if any(m.start < span.start for m in self.people):
                return None  # every person named before is of the other gender
        for position, name, is_person in reversed(self.last_named):
            if position < span.start and is_person and self._gender(name) in (None, gender):
                return name
        return None

    def _in_question(self, position: int) -> bool:
        """The line holding `position` is an interview's question: it opens with "Q:"."""
        return self.text.startswith(_QUESTION_OPENERS, self.text.rfind("\n", 0, position) + 1)

    def _interviewee(self, position: int) -> str | None:
        """Who an interview's questions are put to: the person named most often before them."""
        if self._named_count is None or self._named_count.limit > position:
            self._named_count = _RunningCount()
        tally = self._named_count
        while tally.read < len(self.people) and self.people[tally.read].start < position:
            tally.add(self.people[tally.read].actor)
            tally.read += 1
        tally.limit = position
        return tally.best if tally.at_most == 1 else None

    def _add_bare_surnames(self) -> None:
        if not self._surnames_added:
            self._surnames_added = True
            extra = _bare_surnames(self.text, self.people, self.mentions, self._quoted)
            if extra:
                self.people = sorted(self.people + extra, key=lambda m: m.start)
                self.people_starts = [m.start for m in self.people]
                self._forget_people_indexes()

    def _antecedent(self, pronoun: int, gender: str | None) -> Mention | None:
        """The person a pronoun stands for: the nearest person before it who may bear it
        (given name, title, earlier pronouns), and of the people named in that person's
        sentence the first (the subject: "Bloomberg endorsed his rival, Joe Biden. 'I
        entered the race,' he said" is Bloomberg) when that sentence ended before the
        pronoun's own; in the pronoun's own sentence, the nearest."""
        index = bisect.bisect_left(self.people_starts, pronoun)
        own_start = _sentence_start(self.text, pronoun)
        k = index - 1
        while k >= 0 and self.people[k].start >= pronoun - PRONOUN_REACH:
            person = self.people[k]
            if not self._agrees(person, gender):
                k -= 1
                continue
            if own_start <= person.start:
                if self._chain_before(own_start, person.start, gender):
                    k -= 1  # "Asked what he would tell Mayor Tory …, he said": he is not Tory
                    continue
                return person
            start = _sentence_start(self.text, person.start)
            first = k
            speaking = k if self._speaks(person) else None
            j = k - 1
            while j >= 0 and self.people[j].start >= start:
                if self._agrees(self.people[j], gender) and not self._chain_before(start, self.people[j].start, gender):
                    first = j
                    if self._speaks(self.people[j]):
                        speaking = j
                j -= 1
            # "Trump, Sexton said, has created …. 'So …,' he said": the one that sentence
            # quotes is who goes on speaking, before the one it is about.
            return self.people[speaking if speaking is not None else first]
        return None

    def _speaks(self, person: Mention) -> bool:
        """The person is the subject of a speech cue right after the name (`Sexton said`)."""
        match = _NEXT_WORD.match(self.text, person.end)
        return match is not None and _is_cue(match.group(1))

    def _chain_before(self, lo: int, hi: int, gender: str | None) -> bool:
        """A pronoun of that gender earlier in the sentence than a name: the sentence is
        about someone named before it."""
        return any(pronoun_gender(m.group()) == gender for m in _GENDERED_PRONOUNS.finditer(self.text, lo, hi))

    def _agrees(self, person: Mention, gender: str | None) -> bool:
        if gender is None:
            return True
        known = self._gender(person.actor)
        if known is None and _common_words(person.actor):
            return False  # "Grand Slam hopes. He told …": a capitalised phrase never shown to be anyone
        return known is None or known == gender

    def _gender(self, actor: str) -> str | None:
        if actor in self.genders:
            return self.genders[actor]
        gender = None
        words = actor.split()
        if words:
            gender = given_name_gender(words[0]) or (title_gender(words[0]) if len(words) > 1 else None)
        if gender is None:
            if self._mentions_by_actor is None:
                self._mentions_by_actor = _by_actor(self.mentions)
            for k in self._mentions_by_actor.get(actor, ()):
                mention = self.mentions[k]
                title = _PREVIOUS_WORD.search(self.text, max(0, mention.start - 12), mention.start)
                if title is not None and title_gender(title.group(1)):
                    gender = title_gender(title.group(1))
                    break
                given = given_name_gender(mention.text.split()[0])
                if given is not None and len(mention.text.split()) > 1:
                    gender = given
                    break
        if gender is None:
            gender = self._gender_in_text(actor)
        self.genders[actor] = gender
        return gender

    def _gender_in_text(self, actor: str) -> str | None:
        """The pronouns the text uses for someone: `Kody Cook … before his death`, the first
        after each mention up to the end of its sentence, where no one else is named."""
        votes = {"m": 0, "f": 0}
        if self._people_by_actor is None:
            self._people_by_actor = _by_actor(self.people)
        for index in self._people_by_actor.get(actor, ()):
            mention = self.people[index]
            end = _sentence_end(self.text, mention.end)
            if index + 1 < len(self.people):
                end = min(end, self.people[index + 1].start)
            match = _GENDERED_PRONOUNS.search(self.text, mention.end, end)
            if match is not None and (gender := pronoun_gender(match.group())) is not None:
                votes[gender] += 1
        margin = 1 if not votes["m"] or not votes["f"] else 2
        if votes["m"] - votes["f"] >= margin:
            return "m"
        if votes["f"] - votes["m"] >= margin:
            return "f"
        return None

    def note_name(self, start: int, end: int) -> None:
        """A person-like name seen in running text, for pronouns when there are no mentions."""
        self.last_named.append((start, self.text[start:end], True))


# Roles that, in a story about someone, usually stand for someone else: never the
# person the text has just been about.
_OTHER_PARTIES = frozenset(
    """spokesman spokeswoman spokesperson official officer policeman policewoman source judge
    magistrate prosecutor lawyer attorney counsel barrister solicitor witness victim neighbour
    neighbor friend doctor surgeon aide adviser advisor expert analyst researcher scientist
    reporter journalist interviewer narrator host presenter moderator mother father wife husband
    son daughter brother sister relative defendant plaintiff claimant suspect accused jury court
    agent representative insider observer critic fan resident teacher student partner boyfriend
    girlfriend coroner inspector detective sergeant constable paramedic nurse employee worker
    colleague rival opponent challenger interpreter translator""".split()
)
# Who speaks for a body without being it: "a spokeswoman for Harbour Bank" names no one.
_SPEAKS_FOR = frozenset(
    "spokesman spokeswoman spokesperson spokesmen spokeswomen spokespeople representative representatives".split()
)
# What may stand between a role word and the name it gives: capitalised words and the small
# words of a title (`President of Argentina`), or after a comma up to three lowercase words
# (`lead author, doctoral candidate`).
_ROLE_TO_NAME = re.compile(
    rf"(?:,(?:\s+[a-z][\w'’-]*){{0,3}}|(?:\s+(?:[{UPPER}][\w.'’-]*|of|for|the|and|de))*)\s+"
)


class _RoleBefore:
    """A role word just before a name: `Mayor Bill Garner`, `President of Argentina Ann Roe`,
    `lead author, doctoral candidate Ann Roe`; only the role word ignores case, so a clause
    between them (`Comedian Ann Roe took a swipe at Bo Li`) names no one with that role.
    (One pattern for every role word: compiling one per word cost a fifth of quote finding.)"""

    def __init__(self, head: str) -> None:
        self.head = head.lower()

    def search(self, text: str, lo: int, hi: int) -> bool:
        window = text[lo:hi].lower()
        at = window.find(self.head)
        while at >= 0:
            end = at + len(self.head)
            if (at == 0 or not window[at - 1].isalnum()) and (end == len(window) or not window[end].isalnum()):
                if _ROLE_TO_NAME.fullmatch(text, lo + end, hi):
                    return True
            at = window.find(self.head, at + 1)
        return False


_role_before = _RoleBefore


_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person", "ee", "ess", "ive")
_PERSON_HEADS = frozenset(
    """coach chief head boss star captain champion veteran nominee candidate leader legend icon
    mogul tycoon magnate heir monarch diplomat envoy""".split()
)
_NOT_PERSON_HEADS = frozenset(
    """paper order letter number border matter water power center centre cover chapter quarter
    report statement event agent agreement document government department parliament
    movement amendment announcement element""".split()
)


def _person_role(head: str) -> bool:
    """`comedian`, `businessman`, `governor`, `nominee`: a word for a person's role, not for
    a thing (`decision`, `caption`, `project`) or a time (`day`)."""
    if head in _PERSON_HEADS or head in TITLES:
        return True
    return head.endswith(_AGENT_ENDINGS) and head not in _NOT_PERSON_HEADS and head not in _DAY_PARTS


# Who a possessive names besides its owner: "Scott's relatives", "Trump's lawyer".
_SOMEONE_ELSES = _OTHER_PARTIES | frozenset(
    """relative family friend supporter rival opponent colleague fan child children parent niece
    nephew cousin grandson granddaughter widow widower fiance fiancee""".split()
)
_DESCRIPTION_OPENS = re.compile(r"[\s\"“‘']*[Tt]he\s")
_PASSIVE_AFTER = re.compile(r"[^\S\n]+(?:was|were|is|are|has\s+been|had\s+been|have\s+been|will\s+be|had|has)\s+\w+ed\b")
_APPOSITION_OPENERS = "(?:the|a|an|his|her|its|their|our|former|then|now|also)"
_CLAUSE_WORDS = r"(?:who|which|that|and|but|said|says)\b"
_INDEFINITE = frozenset("a an one some several many two three four".split())
_QUANTITIES = frozenset("chorus group number handful couple lot few dozen dozens host series crowd".split())
# Head words that stand for whatever company or club the text is about ("the company said").
_GENERIC_BODIES = frozenset(
    """company firm business retailer airline carrier bank lender insurer carmaker automaker
    manufacturer developer operator publisher studio label club charity startup""".split()
)
# What a news outlet is called when the text does not repeat its name, and what outlets are named.
# ("the network", "the website", "the agency" are as often a broadcaster, a site or a
# government body the text is about, none named like an outlet.)
_OUTLET_WORDS = frozenset(("newspaper", "paper", "tabloid", "magazine", "wire service", "news service", "news agency"))
_OUTLET_NAME = re.compile(
    r"\b(?:Times|Post|News|Press|Journal|Herald|Tribune|Guardian|Telegraph|Independent|Reuters|AP|AFP|"
    r"CNN|BBC|NBC|ABC|CBS|Fox|MSNBC|NPR|Gazette|Mail|Daily|Magazine|Radio|TV|Television|Politico|Axios|"
    r"Bloomberg|Observer|Chronicle|Courier|Standard|Star|Sun|Mirror|Express|Economist|Agence|Wire)\b"
)
# How far back (in characters) "the company" looks for the organisation it stands for.
ORGANISATION_REACH = 1500
# What a person or a body writes in, whose words are its author's.
_DOCUMENTS = frozenset(
    """report statement brief letter memo memoir bio biography book lawsuit suit complaint filing
    website tweet post release study survey poll analysis editorial column article paper document
    order ruling judgment judgement message manifesto platform agreement deal summary indictment
    verdict petition motion affidavit transcript speech""".split()
)
_MADE_BY = re.compile(
    r"[^\S\n]+(?:(?:filed|issued|released|published|written|prepared|signed|brought|commissioned|compiled|produced)"
    r"[^\S\n]+)?by[^\S\n]+(?:the[^\S\n]+)?(?:federal[^\S\n]+|state[^\S\n]+)?"
)
_MAKES = re.compile(
    r"[^\S\n]+(?:had[^\S\n]+)?(?:delivered|gave|wrote|sent|made|issued|signed|released|filed|published|posted|tweeted)\b"
)


def _past_blanks(text: str, position: int) -> int:
    """Past the spaces (and a relative `that`) after a document word."""
    match = _BLANKS_THAT.match(text, position)
    return match.end() if match is not None else position


_BLANKS_THAT = re.compile(r"[^\S\n]+(?:(?:that|which)[^\S\n]+)?")
_NEXT_WORD = re.compile(r"[^\S\n]+(?:also[^\S\n]+)?([a-z]+)\b")
_PREVIOUS_WORD = re.compile(r"([A-Za-z]+\.?)\s+$")


def _speaker_kind(mention_kind: str | None) -> str | None:
    if mention_kind == "person":
        return "person"
    if mention_kind == "organisation":
        return "organisation"
    return None


def _bare_surnames(
    text: str, people: list[Mention], mentions: list[Mention], quoted: Sequence[tuple[int, int]]
) -> list[Mention]:
    """`Lee, who translated the text, believes …`: a full name's surname standing alone where
    the name finder let it pass, as a person a later "she" may stand for."""
    owners: dict[str, set[str]] = {}
    for person in people:
        words = person.actor.split()
        if len(words) >= 2 and words[-1][:1].isupper():
            owners.setdefault(words[-1], set()).add(person.actor)
    owners = {
        surname: actors
        for surname, actors in owners.items()
        if len(actors) == 1 and _CAPITALISED_WORD.fullmatch(surname)
    }
    if not owners:
        return []
    taken = sorted((m.start, m.end) for m in mentions)
    spans = sorted(quoted)
    found = []
    # Only the surnames, each as a whole capitalised word (what _CAPITALISED_WORD would
    # match there): finding them beats reading every capitalised word of the text.
    for start, surname in _surname_sites(text, owners):
        if _inside(taken, start) or _inside(spans, start):
            continue
        found.append(Mention(start, start + len(surname), surname, "person", next(iter(owners[surname]))))
    return found


# Past this many surnames one pattern of them all costs more than reading every word.
_FEW_SURNAMES = 64
_WORD_RUN = re.compile(r"[\w'’-]+")


def _surname_sites(text: str, surnames: dict[str, set[str]]) -> Iterator[tuple[int, str]]:
    """Where each surname stands as a whole word, apostrophes or hyphens after it aside
    (`Lee's` is not `Lee`, `Lee'` is)."""
    if len(surnames) > _FEW_SURNAMES:
        for match in _WORD_RUN.finditer(text):
            word = match.group().rstrip("'’-")
            if word in surnames:
                yield match.start(), word
        return
    alternatives = "|".join(re.escape(surname) for surname in sorted(surnames, key=len, reverse=True))
    for match in re.finditer(rf"(?<![\w'’-])(?:{alternatives})(?=['’-]*(?![\w'’-]))", text):
        yield match.start(), match.group()


def _by_actor(mentions: Sequence[Mention]) -> dict[str, list[int]]:
    """Each actor's mentions (indices, in order): one actor's are read without the rest."""
    found: dict[str, list[int]] = {}
    for index, mention in enumerate(mentions):
        found.setdefault(mention.actor, []).append(index)
    return found


def _introduced(low: str, lazy: bool) -> re.Pattern[str]:
    """`a|an|one|another`, up to two words, then the role word `low` (letters only)."""
    return re.compile(rf"(?i:\b(?:a|an|one|another)\s+(?:[\w'’-]+\s+){{0,2}}{'?' if lazy else ''}{low}\b)")


_WORD_PAIR = re.compile(r"\w\w")
_QUESTION_OPENERS = ("Q:", "Q.", "Question:")
_GENERATION_BEFORE = re.compile(r"\b(?:younger|elder|older|junior|senior)\s+$", re.IGNORECASE)
_JOINER_BEFORE = re.compile(r"\b(?:of|for|from|in|at)\s+$", re.IGNORECASE)
_APPOSED_AFTER = re.compile(r",[^\S\n]*")
_QUOTED_NICKNAME = re.compile(r"[^\S\n]+[\"“'‘][^\"“”'‘’\n]{1,20}[\"”'’](?=[^\S\n])")
_TITLE_ABBREVIATIONS = frozenset(("Del.", "Assemblyman", "Assemblywoman", "Councilman", "Councilwoman"))
_CAPITALISED_WORD = re.compile(rf"(?<![\w'’-])[{UPPER}][\w'’-]*(?<!['’-])")


def _inside(ranges: list[tuple[int, int]], position: int) -> bool:
    """Whether a position falls in one of some sorted (start, end) ranges (they may nest)."""
    index = bisect.bisect_right(ranges, (position, len(ranges) + position + 1 << 40)) - 1
    return any(ranges[k][0] <= position < ranges[k][1] for k in range(index, max(-1, index - 4), -1))


_CREDIT = re.compile(r"\((?:[^()\n]{0,40}/|\s*(?:Submitted by|Photo|Credit|Image|Pictured)\b)", re.IGNORECASE)


def _in_credit(text: str, mention: Mention) -> bool:
    """`(Lauren Pelley / CBC News)`, `(Submitted by Wendy Golden)`: a photo credit names no
    one the story's pronouns stand for."""
    open_ = text.rfind("(", max(0, mention.start - 40), mention.start)
    if open_ < 0 or ")" in text[open_ : mention.start]:
        return False
    close = text.find(")", mention.end, mention.end + 60)
    return close >= 0 and _CREDIT.match(text[open_ : close + 1]) is not None


def _is_group(actor: str) -> bool:
    """`Americans`, `Democrats`: a group named like a person, never a "he" or a "she"."""
    if " " in actor or not actor.endswith("s"):
        return False
    lexicon = actor_lexicon()
    return actor in lexicon.plural_demonyms or actor.lower() in lexicon.english


def _common_words(actor: str) -> bool:
    """Every word of a name is an ordinary English word and none a given name (`Slam`)."""
    lexicon = actor_lexicon()
    words = actor.split()
    return bool(words) and all(
        word.isalpha() and word.lower() in lexicon.english and given_name_gender(word) is None for word in words
    )


def _common_plural(text: str, mention: Mention) -> bool:
    """`Scientists` opening a sentence: a plural common noun the text never capitalises
    inside a sentence, standing for a group."""
    word = mention.text
    if " " in word or not word.endswith("s") or word.isupper() or mention.actor != word:
        return False
    return _is_group(word) and not_a_name(text, mention.start, mention.end)


def not_a_name(text: str, start: int, end: int) -> bool:
    """`Speaking`, `Scientists`, `Thursday` opening a sentence: capitalised, still no name,
    unless the text writes the word capitalised inside a sentence too (`Trump`, `Ditto`)."""
    name = text[start:end]
    words = name.split()
    if len(words) >= 3 and all(_plain_word(word) for word in words):
        return True  # a title-case headline: "Veto Power Impedes Peace Efforts"
    if name.isupper() and any(c.isalpha() for c in name):
        if len(words) >= 2 and all(len(word) > 3 for word in words):
            return True  # a headline in capitals: "IOWA POLLS"
        if _opens_sentence(text, start) and _DATELINE_AFTER.match(text, end):
            return True  # "WASHINGTON — …": where the story was filed
        if _CAPITALS_RUN.match(text, end):
            return True  # "CONGRESS HAS INVESTIGATED …": a heading in capitals
    if " " in name or name.isupper() or not _opens_sentence(text, start):
        return False
    low = name.lower().rstrip(".")
    lexicon = actor_lexicon()
    if low in lexicon.common:
        return True
    if low not in lexicon.english or given_name_gender(name) is not None:
        return False
    return not _written_after_a_word(text, name)


@functools.lru_cache(maxsize=64)  # asked again for each "Scientists say" of one text
def _written_after_a_word(text: str, name: str) -> bool:
    """Whether `name` stands somewhere after a word, comma or semicolon and blanks on its
    line, as the pattern `[\\w,;][^\\S\\n]+name\\b` finds: read back from each place the name is
    written, for that pattern, with no fixed start, tries every position of a long text."""
    whole = re.compile(rf"{re.escape(name)}\b")
    at = text.find(name)
    while at >= 0:
        blank = at
        while blank > 0 and text[blank - 1] != "\n" and text[blank - 1].isspace():
            blank -= 1
        if 0 < blank < at and _WORD_OR_STOP.match(text, blank - 1) and whole.match(text, at):
            return True
        at = text.find(name, at + 1)
    return False


_WORD_OR_STOP = re.compile(r"[\w,;]")


_AFTER_CAPITALS_DASH = re.compile(r"[A-Z]{2,}[^\S\n]*(?:--|[—–―])[^\S\n]*$")
_CAPITALS_RUN = re.compile(r"(?:[^\S\n]+[A-Z]{2,}){2}\b")
_DATELINE_AFTER = re.compile(r"[^\S\n]*(?:,[^\S\n]*[\w.]+[^\S\n]*)?(?:\([^()\n]{1,20}\)[^\S\n]*)?[-—–―]")


def _plain_word(word: str) -> bool:
    lexicon = actor_lexicon()
    low = word.lower()
    return (low in lexicon.english or low in lexicon.common) and given_name_gender(word) is None and word not in lexicon.demonyms


def _opens_sentence(text: str, position: int) -> bool:
    before = text[max(0, position - 8) : position].rstrip(" \t\"'“‘")
    if not before:
        return True
    if _AFTER_CAPITALS_DASH.search(text, max(0, position - 16), position):
        return True  # "WASHINGTON — Turnout was low": the story's first word
    return before[-1] in "!?\n:" or (before[-1] == "." and _ABBREVIATION.search(before) is None)
