"""Reported speech: what someone is said to have said, without quote marks.

Quotes of kind "reported", found sentence by sentence around a speech verb:

    X said (that) …            X told reporters on Monday (that) …
    …, X said.                 …, said X, a spokesman for Y.
    According to X, …          …, according to X.
    X argued/warned/claimed/denied that …     X did Y, saying (that) …
    X urged/warned/told Y to …                X accused Y of …
    X called Y a Z / described Y as Z         Title Case Headline, Senator Says

The content is the clause the verb reports (without "that" and the final stop); a
clause that is mostly a direct quote is left to the direct quotes, while a reported
clause with a quoted fragment inside ("X said the plan was “dead”") is kept as well as
its fragment. The speaker is found and resolved as for direct quotes (speakers.py).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from functools import lru_cache

from reader.analysis.cue_groups import cue_groups
from reader.analysis.letters import UPPER
from reader.analysis.prefix_tree import prefix_tree
from reader.analysis.skipping import skip
from reader.analysis.speakers import Resolver, SpeakerSpan, main_subject, phrase_after, subject_before
from reader.model import Mention, Quote

# A reported clause shorter than this (in words) is an object, not something said ("said nothing").
MIN_CONTENT_WORDS = 4
# A clause before ", X said" must be at least this long.
MIN_FRONT_WORDS = 4
# Words between a direct quote and a cue that attributes it (`"…," the former governor of Texas said`).
ATTRIBUTION_WORDS = 8
# A cue after a comma followed by no more than this many words is followed by its speaker ("…, said Jane Doe, 42.").
SPEAKER_WORDS = 8
# "The latest test, North Korea said, was its biggest yet": the clause before such a cue is short.
PARENTHETICAL_FRONT_WORDS = 6
_NOT_CONTINUED = re.compile(r"\s*(?:\w+ing\b|who\b|which\b|according\b|in\b|on\b|at\b|after\b|before\b|during\b|because\b|as\b)")
# How far before a cue its subject is looked for, from a clause boundary (characters).
SUBJECT_REACH = 150
# How far after a cue its speaker's phrase is looked for (characters).
PHRASE_REACH = 160
# Words after a closing cue that may still be its speaker and adjuncts (", said X, a professor at Y.").
TAIL_WORDS = 14

_SENTENCE_END = re.compile(rf"[.!?]+[\"”’')\]]*[^\S\n]+(?=[\"“‘'(\[]{{0,2}}[{UPPER}0-9])")
_ABBREVIATION = re.compile(
    rf"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|St|Jr|Sr|Prof|Rev|Mt|Ft|No|Inc|Corp|Co|Ltd|vs|v|Adm|Maj|Cmdr"
    rf"|Pres|Sec|Atty|Supt|Dept|Univ|Ave|approx|etc|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec)|\b[{UPPER}]|\b(?:[A-Za-z]\.)+[A-Za-z])$"
)
_WORD = re.compile(r"[\w’'-]+")
_LEADING = re.compile(r"[\s,:;—–-]*")
_LEADING_SPACE = re.compile(r"\s*")
_QUOTE_MARKS = "\"“”‘’'«»"

# What may stand between a cue and its clause: time, place, manner, medium.
_ADJUNCT = re.compile(
    r"(?:\s*,)?\s+(?:"
    r"(?:on|last|this|early|late|earlier|later)\s+(?:[\w.]+\s+){0,2}?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"week|month|year|morning|afternoon|evening|night|weekend|day|January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.)(?:\s+\d{1,2}(?:st|nd|rd|th)?)?"
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday)(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?:today|tonight|recently|previously|repeatedly|"
    r"publicly|privately|again|also|later|earlier|then|once|frequently|often|flatly|bluntly|separately|last\s+year)"
    r"|(?:in|during|at|on|via|through|over)\s+(?:a|an|the|his|her|their|its|this|that|one|Monday's|Tuesday's|Wednesday's|"
    r"Thursday's|Friday's|Saturday's|Sunday's)\s+(?:[\w’'.-]+\s+){0,3}?(?:statement|interview|speech|press\s+conference|"
    r"news\s+conference|briefing|call|conference\s+call|letter|email|e-mail|post|tweet|filing|report|hearing|debate|"
    r"rally|appearance|session|meeting|address|memo|op-ed|column|video|podcast|town\s+hall|remarks|event)"
    r"(?:\s+(?:with|to|on|at|for)\s+(?:[\w’'.-]+\s+){0,3}?[\w’'.-]+?(?=\s+that\b|\s*,|\s+[a-z]))?"
    r")",
)
# Whom a telling verb tells: "told reporters", "told The Washington Post", "told her", "assured voters".
_TOLD_OBJECT = re.compile(
    rf"\s+(?:(?:reporters|journalists|supporters|voters|viewers|listeners|lawmakers|me|him|her|them|us|you|"
    rf"(?:the|a|an|his|her|their|its)\s+(?:[\w’'.-]+\s+){{0,3}}?(?:crowd|audience|reporters?|committee|paper|newspaper|"
    rf"magazine|network|station|agency|court|jury|panel|congregation|students|group|gathering|Post|Times|Journal))"
    rf"|(?:[{UPPER}][\w’'.&-]*)(?:\s+(?:of\s+)?[{UPPER}][\w’'.&-]*){{0,4}})"
)
# Verbs whose report may be an infinitive ("pledged to push for an amendment").
# "agree" is not here: "agreed to merge" reports a deal, not words (PolNeAR counts some).
_TO_VERBS = frozenset(("ask", "urge", "pledge", "promise", "vow", "call for"))
# Verbs that report a clause without "that" ("said the plan was dead"); the others need
# "that", or a clause that opens with a pronoun ("argued it was too late").
_BARE_CLAUSE_VERBS = frozenset(("say", "tell", "add", "write", "note", "report", "announce", "explain", "state", "warn",
                                "ask", "confirm", "predict", "acknowledge", "insist", "argue", "suggest", "agree", "deny"))
_PRONOUN_SUBJECT = re.compile(r"\s*(?:he|she|they|it|we|I|you|there|this)\b[’']?", re.IGNORECASE)
_TELLING = frozenset(("tell", "inform", "assure", "warn", "remind"))
# Verbs that report what someone called something, only in that form.
_NAMING_OBJECT = r"[^\S\n]+((?!(?:for|on|in|to|off|up|back|out|into|at|upon|a|an|as|by|from|with)\b)[\w’'.-]+(?:[^\S\n]+[\w’'.-]+){0,11}?)"
_NAMING_VERBS = {
    "call": re.compile(
        _NAMING_OBJECT + r"[^\S\n]+[‘“\"']?an?[^\S\n]+(?!(?:few|couple|day|week|month|year|hour|minute|second|number|"
        r"lot|bit|meeting|halt|vote|press|news|conference|recess)\b)[\w’'-]+"
    ),
    "describe": re.compile(_NAMING_OBJECT + r"[^\S\n]+as[^\S\n]+[\w’'-]+"),
}
_SUBORDINATE = re.compile(r"[,;]|\s(?=(?:when|after|before|because|while|since|until)\s)")
# Verbs whose report is an object and what it should do or did ("urged Congress to act", "accused X of lying").
_OBJECT_VERBS = frozenset(("tell", "warn", "urge", "ask", "remind", "accuse"))
_OBJECT_THEN = re.compile(
    r"[^\S\n]+((?!(?:that|to|of|for|about|if|whether|how|why|what)\b)[\w’'.-]+(?:[^\S\n]+(?!(?:that|to|of)\b)[\w’'.-]+){0,5}?)"
    r"[^\S\n]+(to|of)[^\S\n]+(?=[a-z])"
)
_THAT = re.compile(r"\s*,?\s*that\b(?!\s+(?:is|was|would|will|has|had)\b)")
# An apposition closing a clause after a name: ", the presumed Putin favorite" (up to the clause's end).
_CLOSING_GLOSS = re.compile(rf"(?<![\w’'.-])[{UPPER}][\w’'.-]*(,)[^\S\n]+(?:the|a|an)[^\S\n]+[^,;:!?\"“”]{{1,110}}$")
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being|is\s+widely|was\s+widely)\s+$", re.IGNORECASE)
_NOT_A_CLAUSE = frozenset("so nothing goodbye hello thanks something anything".split())
# Where a reported clause stops: another clause of the narrator's ("…, and Democrats accused …").
_CLAUSE_BREAK = re.compile(
    # Led by one character class so that `re` skips ahead to the candidates.
    r"[;,.!?\s](?:(?<=;)|(?<=,)\s+(?:and|but|while|although|though|whereas|even\s+as|as|citing|adding|saying|noting|"
    r"arguing|calling|pointing|according|which)\b"
    r"|(?<=,)\s+(?:[A-Z][\w.’'-]*\s+){1,3}(?:also\s+|then\s+|later\s+)?(?:said|says|warned|added|argued|noted|told|claimed|"
    r"insisted|suggested|accused|denied)\s+[a-z]"  # "…, Ham also noted several …": a new speaker's clause
    r"|(?<=[,.!?])['’]{2}|(?<=\s)\s*(?:but\b|[—―]\s+|--\s+"
    r"|and\s+(?:[A-Z][\w.’'-]*\s+){0,3}(?:also\s+|then\s+|later\s+)?(?:said|says|warned|added|argued|noted|told|claimed|"
    r"insisted|suggested|called|accused|denied)\b))"
)
# A name opening a sentence, then a comma and an apposition or a relative clause.
_OPENING_NAME = re.compile(
    rf"(?:(?:But|And|Yet|Still|Meanwhile|However|Now),?[^\S\n]+)?"
    rf"((?:(?:Dr|Mr|Mrs|Ms|Sen|Rep|Gov|Gen|Prof|Rev)\.[^\S\n]+)?(?:[{UPPER}][\w’'.-]*[^\S\n]+){{0,3}}[{UPPER}][\w’'-]*),[^\S\n]+"
)
# Words that open a speaker's phrase after a cue ("said the mayor", "said one aide").
_SPEAKER_OPENERS = frozenset("a an the his her its their one two three some several many he she they it we i you".split())
# A short place or setting closing a speaker's phrase, up to the end of the sentence.
_TRAILING_PLACE = re.compile(r"(?:in|at|on|from|inside|outside)\s+(?:the|a|an|his|her|their|its)\s+(?:[\w’'-]+\s+){0,2}[\w’'-]+[.!?]?\s*$")
_PHRASE_WORDS = re.compile(r"[\w’'.&-]+")
_CONNECTIVES = frozenset("but and so yet still then also as now and, however".split())


@lru_cache(maxsize=1)
def reported_cue_pattern() -> re.Pattern[str]:
    """The reported-speech verbs, lower case or capitalised, as one regular expression.

    Written as a trie without a leading `\\b`, so that `re` can skip ahead to the letters
    a verb can start with: scanning every article in full is most of this pass's cost.
    The start of a word is checked by the caller (`_usable`)."""
    forms = set(cue_groups().reported_forms())
    forms |= {form[0].upper() + form[1:] for form in forms}
    return re.compile(prefix_tree(sorted(forms)) + r"\b")


@lru_cache(maxsize=1)
def _cue_scan() -> re.Pattern[str]:
    """The verbs after a space, quote mark, bracket or dash: `re` then tries the verb
    trie only where a word begins (the verb is group 1)."""
    return re.compile(r"[\s\"“‘'(\[—–](" + reported_cue_pattern().pattern + ")")


class _Cue:
    """A cue's span and text, as from a match of the verb alone."""

    __slots__ = ("_start", "_end", "_text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self._start, self._end, self._text = start, end, text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self) -> str:
        return self._text


def _cues(text: str):
    first = reported_cue_pattern().match(text)
    if first is not None:
        yield _Cue(first.start(), first.end(), first.group())
    for match in _cue_scan().finditer(text):
        yield _Cue(match.start(1), match.end(1), match.group(1))


def find_reported(body: str, mentions: Sequence[Mention], quotes: Sequence[Quote]) -> list[Quote]:
    """The reported speech of `body`, given its mentions and direct quotes."""
    quoted = sorted((q.start, q.end) for q in quotes)
    finder = _Finder(body, quoted, mentions, sorted((q.start, q.end) for q in quotes if q.kind == "statement"))
    found: list[Quote] = []
    for match in _cues(body):
        if finder.in_quote(match.start()) or not _usable(body, match):
            continue
        if found and match.start() < found[-1].end:
            continue
        quote = finder.reported(match)
        if quote is None:
            continue
        if found and quote.start < found[-1].end:
            continue  # a verb inside what was reported ("asked why the wall promised … was not built")
        found.append(quote)
    return found


def _usable(text: str, match: _Cue) -> bool:
    start = match.start()
    if start and (text[start - 1].isalnum() or text[start - 1] in "-‐_"):
        return False  # inside a word ("unsaid"), or "so-called"
    chunk = text[max(0, start - 24) : start]
    words = chunk.split()
    if words and chunk[-1] in " \t\xa0" and words[-1][-1:].isalpha():
        word = words[-1].lower()
        in_a_name = words[-1][0].isupper() and len(words) > 1 and words[-2][0].isupper()  # "Theresa May said"
        if (word in _NOT_BEFORE_A_VERB and not in_a_name) or word.endswith(("n't", "n’t")):
            return False  # "to tell", "could deny", "his claim", "the alleged", "wouldn't tell"
        if word in _PREPOSITIONS_BEFORE_GERUND and match.group().endswith("ing"):
            return False  # "by asking", "in a statement announcing"
    if match.group()[0].isupper() and start and not _sentence_opening(text, start) and not _in_headline(text, start):
        return False  # a capitalised cue inside a name ("Says Law")
    return True


# A headline is a short line in title case ("Clean Energy Could Wait, Senator Says").
HEADLINE_WORDS = 25


_NON_BLANK = re.compile(r"\S+")  # a word as str.split() cuts it


def _in_headline(text: str, position: int) -> bool:
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    # one word past the limit is enough to know: a long one-line text is not split whole per cue
    found = _NON_BLANK.finditer(text, line_start, len(text) if line_end < 0 else line_end)
    words = [match.group() for match in itertools.islice(found, HEADLINE_WORDS + 1)]
    if len(words) > HEADLINE_WORDS:
        return False
    long_words = [word.lstrip("\"“‘'(") for word in words if len(word) > 3]
    return len(long_words) >= 3 and all(word[:1].isupper() or not word[:1].isalpha() for word in long_words)


_NOT_SPEECH = re.compile(r"\s+(?:bankruptcy|war|victory|independence|an?\s+(?:state\s+of\s+)?emergency)\b", re.IGNORECASE)
_WHAT_BEFORE = re.compile(r"\b(?:what|whatever|how)\s+$", re.IGNORECASE)
_AFTER_DOUBLED_MARKS = re.compile(r"[,—-]['’]{2}(?:\s+[\w.’'-]+){0,6}\s+$")
_NOT_BEFORE_A_VERB = frozenset(
    """to could would should might may must can will shall cannot the a an his her their its our my your this that
    these those whose worth""".split()
)
_PREPOSITIONS_BEFORE_GERUND = frozenset("by in of for about after before without with from on upon statement".split())


def _sentence_opening(text: str, position: int) -> bool:
    before = text[max(0, position - 3) : position].rstrip(" \"“‘'(")
    return not before or before[-1] in ".!?\n"


class _Finder:
    def __init__(
        self, text: str, quoted: list[tuple[int, int]], mentions: Sequence[Mention], statements: list[tuple[int, int]] | None = None
    ) -> None:
        self.text = text
        self.quoted = quoted
        self.quote_starts = [start for start, _ in quoted]
        # A cue after a statement may be its own; after a term ("‘The Dealmaker’ Could …, Graham Says") it is not.
        self.statements = quoted if statements is None else statements
        self.statement_starts = [start for start, _ in self.statements]
        self.mentions = mentions
        self._resolver: Resolver | None = None
        self._people: list[tuple[int, int]] | None = None  # person mentions' spans, for the first sentence that needs them
        # Sentences never run over a line break: they are cut line by line, for the lines that have a cue.
        self.lines: dict[int, tuple[list[tuple[int, int]], list[int]]] = {}
        self._newlines: list[int] | None = None

    @property
    def resolver(self) -> Resolver:
        if self._resolver is None:  # made for the first reported clause found, not for every article
            self._resolver = Resolver(self.text, self.mentions, self.quoted)
        return self._resolver

    def in_quote(self, position: int) -> bool:
        index = bisect.bisect_right(self.quote_starts, position) - 1
        return index >= 0 and self.quoted[index][1] > position

    def quoted_chars(self, start: int, end: int) -> int:
        index = max(0, bisect.bisect_right(self.quote_starts, start) - 1)
        total = 0
        for q_start, q_end in self.quoted[index:]:
            if q_start >= end:
                break
            total += max(0, min(end, q_end) - max(start, q_start))
        return total

    def attributes_a_quote(self, s: int, cue_start: int) -> bool:
        """A direct quote ends a few words before the cue, in its sentence."""
        index = bisect.bisect_right(self.statement_starts, cue_start) - 1
        if index < 0:
            return False
        q_end = self.statements[index][1]
        if q_end <= s - 1 or q_end > cue_start:
            return False
        return len(_WORD.findall(self.text, q_end, cue_start)) <= ATTRIBUTION_WORDS

    def sentence(self, position: int) -> tuple[int, int]:
        text = self.text
        if self._newlines is None:
            self._newlines = [match.start() for match in re.finditer("\n", text)]
        # the line's start without reading back to it: a one-line text is a long way back
        index = bisect.bisect_left(self._newlines, position)
        line_start = self._newlines[index - 1] + 1 if index else 0
        cut = self.lines.get(line_start)
        if cut is None:
            line_end = text.find("\n", position)
            bounds = _sentence_bounds(text, line_start, len(text) if line_end < 0 else line_end)
            cut = self.lines[line_start] = (bounds, [start for start, _ in bounds])
        bounds, starts = cut
        return bounds[max(0, bisect.bisect_right(starts, position) - 1)]

    def follows_a_quote(self, cue_start: int) -> bool:
        """`"…," he said` / `"…," said the mayor's spokesman`: a cue right after a direct
        quote that ended with a comma or dash is that quote's cue (a cheap test, before any sentence is cut)."""
        index = bisect.bisect_right(self.quote_starts, cue_start) - 1
        if index < 0:
            return False
        q_end = self.quoted[index][1]
        if q_end > cue_start or q_end < 2 or self.text[q_end - 2] not in ",—–-":
            return False
        between = self.text[q_end:cue_start]
        return len(between) < 80 and not any(mark in between for mark in ".!?\n")

    def reported(self, cue: _Cue) -> Quote | None:
        text = self.text
        if self.follows_a_quote(cue.start()) or _AFTER_DOUBLED_MARKS.search(text, max(0, cue.start() - 60), cue.start()):
            return None  # `"…," he said`; `''…,'' said X` (marks the direct quote search leaves alone)
        if _NOT_SPEECH.match(text, cue.end()):
            return None  # "declared bankruptcy"
        s, e = self.sentence(cue.start())
        verb = cue_groups().verb(cue.group())
        if verb == "according to":
            return self._according_to(cue, s, e)
        if not cue.group().lower().endswith("ing") and _PASSIVE.search(text, max(s, cue.start() - 16), cue.start()):
            return None  # "is said to be", "was told that"
        if self.attributes_a_quote(s, cue.start()):
            return None  # `"…," said X` / `"…," X said after …`: the direct quote's cue
        after = self._clause_start(cue.end(), e, verb)
        if after is None and verb in _NAMING_VERBS:
            return None  # "…, the group called …" names, it does not report
        opening = self._opening_person(s, cue) if after is not None else None
        if (
            after is None
            or text.startswith(",", skip(_LEADING_SPACE, text, self._past_adjuncts(cue.end(), e)))
            or (
                opening is None
                and verb not in _NAMING_VERBS
                and text[s : cue.start()].rstrip().endswith(",")
                and self._speaker_follows(cue.end(), e)
            )
        ):
            return self._closing(cue, s, e)  # "…, X said." / "…, said X."
        speaker = opening or self._subject(cue, s)
        if speaker is None:
            return None
        if verb in _NAMING_VERBS:
            # "described X as a disgrace after she …": what X was called ends before a subordinate clause.
            stop = _SUBORDINATE.search(text, after, e)
            if stop is not None:
                e = stop.start()
        return self._quote(after, e, speaker, cue)

    # -- the clause after a cue ----------------------------------------------

    def _past_adjuncts(self, position: int, end: int) -> int:
        """Past "on Friday", "in a statement" and the like after a cue."""
        for _ in range(3):
            adjunct = _ADJUNCT.match(self.text, position, end)
            if adjunct is None:
                break
            position = adjunct.end()
        return position

    def _clause_start(self, position: int, end: int, verb: str | None) -> int | None:
        """Where the reported clause after a cue begins, or None when none follows."""
        text = self.text
        if verb in _NAMING_VERBS:
            # "called the plan a hoax", "described the talks as tense": the object and what it was called.
            named = _NAMING_VERBS[verb].match(text, position, end)
            return named.start(1) if named is not None else None
        if verb in _OBJECT_VERBS:
            # "urged the city to act", "accused the GOP of stoking it": what was said is about the object.
            wanted = _OBJECT_THEN.match(text, position, end)
            if wanted is not None and (wanted.group(2) == "to") == (verb != "accuse"):
                return wanted.start(1)
        if verb in _TELLING:
            told = _TOLD_OBJECT.match(text, position, end)
            if told is not None:
                position = told.end()
        position = self._past_adjuncts(position, end)
        that = _THAT.match(text, position, end)
        if that is not None:
            position = that.end()
        elif verb not in _BARE_CLAUSE_VERBS and verb not in _TO_VERBS and _PRONOUN_SUBJECT.match(text, position, end) is None:
            return None  # "stressed her support for …": without "that", most verbs take an object, not a clause
        elif text.startswith((",", ":", ";"), position) or position >= end:
            return None
        start = skip(_LEADING, text, position, end)
        if start >= end:
            return None
        if text[start] in _QUOTE_MARKS:
            # `said "…"` : a direct quote unless the clause goes on past it.
            return start
        first = _WORD.match(text, start, end)
        if first is None or first.group().lower() in _NOT_A_CLAUSE and that is None:
            return None
        if first.group().lower() in ("to", "by", "of", "for") and (first.group().lower() != "to" or verb not in _TO_VERBS):
            return None  # "said to be", "told of", "spoke about": no clause
        return start

    def _subject(self, cue: _Cue, s: int) -> SpeakerSpan | None:
        text = self.text
        lo = s
        if self.in_quote(max(s, cue.start() - 1)):
            return None
        if cue.group().endswith("ing") or text.endswith(("and ", "And "), max(s, cue.start() - 4), cue.start()):
            # "X did Y, saying …", "X … and added"
            found = main_subject(text, lo, cue.start())
            if found is not None:
                return found
        if cue.start() - lo > SUBJECT_REACH:
            # A long sentence: its subject is in the last few clauses before the verb.
            comma = text.find(",", cue.start() - SUBJECT_REACH, cue.start())
            if comma >= 0:
                lo = comma + 1
        return subject_before(text, lo, cue.start()) or _name_before(text, lo, cue.start()) or _group_before(text, lo, cue.start())

    def _opening_person(self, s: int, cue: _Cue) -> SpeakerSpan | None:
        """`Jane Roe, a senior associate at the institute, said parents …`: a sentence that opens
        with a person's name and an apposition or relative clause ending at the cue has that
        person for its subject, however long the apposition (a clause, not a name, follows the cue)."""
        text = self.text
        if not text[s : cue.start()].rstrip().endswith(","):
            return None
        opening = _OPENING_NAME.match(text, s, cue.start())
        if opening is None:
            return None
        follows = _WORD.match(text, skip(_LEADING_SPACE, text, cue.end()))
        if follows is None or not follows.group()[0].islower() or follows.group().lower() in _SPEAKER_OPENERS:
            return None  # "…, said the mayor" / "…, said Jane Roe": the speaker follows
        name_start, name_end = opening.span(1)
        if self._people is None:
            self._people = sorted((m.start, m.end) for m in self.mentions if m.kind == "person")
        index = bisect.bisect_right(self._people, (name_start, len(self.text))) - 1
        if index >= 0 and self._people[index][1] > name_start:
            return SpeakerSpan(name_start, name_end, "name")
        return None

    def _only_a_name_and_apposition(self, s: int, cue_start: int) -> bool:
        """The sentence up to the cue is a name and one apposition: `Ann Roe, the mayor's aide,`."""
        opening = _OPENING_NAME.match(self.text, s, cue_start)
        return opening is not None and self.text.count(",", opening.end(), cue_start) == 1

    def _speaker_follows(self, position: int, end: int) -> bool:
        """`…, said Jane Doe, a spokesman.`: what follows the cue is its speaker, not a clause."""
        text = self.text
        long_tail = len(_WORD.findall(text, position, end)) > TAIL_WORDS
        end = min(end, position + PHRASE_REACH)
        speaker = phrase_after(text, position, end) or _bare_phrase(text, position, end)
        if speaker is None:
            return False
        rest = skip(_LEADING_SPACE, text, speaker.end, end)
        if long_tail:
            # "…, said Jane Roe, a senior official with the board that oversees them."
            return speaker.kind == "name" and text.startswith(",", rest)
        return (
            rest >= end
            or text[rest] in ",.;:!?)"
            or _ADJUNCT.match(text, speaker.end, end) is not None
            or _TRAILING_PLACE.match(text, rest, end) is not None  # "…, said one source in the room."
        )

    # -- "…, X said." ----------------------------------------------------------

    def _closing(self, cue: _Cue, s: int, e: int) -> Quote | None:
        """`…, X said.` / `…, said X, a spokesman.`: the clause before the attribution."""
        text = self.text
        tail = text[cue.end() : e]
        after = skip(_LEADING_SPACE, text, self._past_adjuncts(cue.end(), e))
        parenthetical = text.startswith(",", after)
        before = text[s : cue.start()]
        speaker_after = before.rstrip().endswith(",") and self._speaker_follows(cue.end(), e)
        if not parenthetical and not speaker_after and (len(_WORD.findall(tail)) > TAIL_WORDS or " that " in tail):
            return None
        if before.rstrip().endswith(","):
            if not speaker_after or self._only_a_name_and_apposition(s, cue.start()):
                return None  # "Ann Roe, the nominee's daughter, noted the rule …": a subject, not what was said
            comma = s + before.rstrip().rindex(",")
            reach = min(e, cue.end() + PHRASE_REACH)
            speaker = phrase_after(text, cue.end(), reach) or _bare_phrase(text, cue.end(), reach)
        else:
            comma = text.rfind(",", s, cue.start())
            if comma < 0:
                return None
            speaker = subject_before(text, s, cue.start())
            if speaker is None or speaker.start < comma:
                speaker = speaker or _bare_phrase(text, comma + 1, cue.start())
            if speaker is None:
                return None
            comma = text.rfind(",", s, speaker.start)
            if comma < 0 or len(_WORD.findall(text, comma, speaker.start)) > 6 or len(_WORD.findall(text, speaker.end, cue.start())) > 2:
                return None  # the speaker must stand between the comma and its cue
        if speaker is None:
            return None
        if parenthetical:
            if len(_WORD.findall(text, s, comma)) > PARENTHETICAL_FRONT_WORDS or _NOT_CONTINUED.match(text, after + 1):
                pass  # "…, Graham said, since …": what was said is the clause before
            else:
                # "The test, North Korea said, was its biggest yet": the clause runs on past the cue.
                stop = _CLAUSE_BREAK.search(text, cue.end() + 1, e)
                return self._quote(s, stop.start() if stop else e, speaker, cue, cut=False)
        end = _trim_end(text, s, comma)
        if len(_WORD.findall(text, s, end)) < MIN_FRONT_WORDS:
            return None
        return self._quote(s, end, speaker, cue, cut=False)

    # -- "According to X, …" -----------------------------------------------------

    def _according_to(self, cue: _Cue, s: int, e: int) -> Quote | None:
        text = self.text
        reach = min(e, cue.end() + PHRASE_REACH)
        comma = text.find(",", cue.end(), reach)
        speaker = (
            phrase_after(text, cue.end(), reach)
            or _bare_phrase(text, cue.end(), comma if comma > 0 else reach)
            or _source_phrase(text, cue.end(), comma if comma > 0 else reach)
        )
        if speaker is None:
            return None
        before = text[s : cue.start()]
        words = [w.lower() for w in _WORD.findall(before)]
        if all(w in _CONNECTIVES for w in words):
            comma = text.find(",", speaker.end, e)
            if comma < 0:
                return None
            start = skip(_LEADING, text, comma, e)
            start = _past_apposition(text, start, e)
            return self._quote(start, e, speaker, cue)
        front = before.rstrip()
        if front.endswith((",", "—", "–", "--")):
            # "…, according to X." / "… — or flat out wrong — according to X."
            end = _trim_end(text, s, s + len(front.rstrip(",—–-")))
            if len(_WORD.findall(text, s, end)) < MIN_FRONT_WORDS:
                return None
            return self._quote(s, end, speaker, cue, cut=False)
        return None

    # -- the quote ------------------------------------------------------------------

    def _quote(self, start: int, end: int, speaker: SpeakerSpan, cue: _Cue, cut: bool = True) -> Quote | None:
        text = self.text
        if cut:
            stop = _CLAUSE_BREAK.search(text, start, end)
            while stop is not None and self.in_quote(stop.start()):
                stop = _CLAUSE_BREAK.search(text, stop.end(), end)
            if stop is not None:
                end = stop.start()
        end = _trim_end(text, start, end)
        if cut:
            gloss = _CLOSING_GLOSS.search(text, start, end)
            if gloss is not None:
                end = gloss.start(1)  # "… Mr. Trump, the presumed favorite": the narrator's gloss on a name
        if end <= start or text.count(" ", start, end) + 1 < MIN_CONTENT_WORDS or len(_WORD.findall(text, start, end)) < MIN_CONTENT_WORDS:
            return None
        if self.quoted_chars(start, end) * 2 > end - start:
            return None  # mostly a direct quote: the direct quote stands for it
        if _WHAT_BEFORE.search(text, max(0, speaker.start - 8), speaker.start):
            return None  # "what Trump says his plan would do": the clause is the object of another
        found = self.resolver.resolve(speaker)
        kind = speaker.antecedent.kind if speaker.antecedent is not None else speaker.kind
        return Quote(
            start,
            end,
            text[start:end],
            "reported",
            speaker=found.speaker,
            speaker_start=found.start,
            speaker_end=found.end,
            cue=cue.group(),
            cue_start=cue.start(),
            cue_end=cue.end(),
            speaker_via=found.via or {"phrase": "descriptor"}.get(kind, kind),
            speaker_kind=found.kind,
            cue_group=cue_groups().group(cue.group()),
        )


_NAME_BEFORE = re.compile(
    rf"(?<![\w’'.-])((?:[{UPPER}][\w’'.-]*[^\S\n]+){{0,3}}[{UPPER}][\w’'-]*)[^\S\n]+(?:(?:also|has|had|have|later|then|again|once)[^\S\n]+)?$"
)


def _name_before(text: str, lo: int, cue_start: int) -> SpeakerSpan | None:
    """`shortly after Trump said …`: a capitalised name right before the verb, inside a clause
    whose subject speakers.py does not take for the verb's."""
    match = _NAME_BEFORE.search(text, max(lo, cue_start - 80), cue_start)
    if match is None or match.start(1) == lo:
        return None
    return SpeakerSpan(match.start(1), match.end(1), "name")


# Plural heads of groups that speak without a determiner ("human rights groups warned",
# "elected officials from both parties say").
_GROUP_HEADS = frozenset(
    """officials groups lawmakers legislators critics experts analysts advocates activists leaders members
    executives economists scientists researchers doctors lawyers attorneys residents parents teachers students
    workers employees voters supporters opponents investigators prosecutors authorities agencies companies
    officers diplomats aides advisers advisors sources observers organizers protesters families victims
    senators representatives democrats republicans conservatives liberals historians scholars""".split()
)
_GROUP_BEFORE = re.compile(
    r"(?:^|(?<=[,;:])|(?<=\band)|(?<=\bbut))[^\S\n]+((?:[a-z][\w’'-]*[^\S\n]+){0,2}([a-z][\w’'-]*)"
    r"(?:[^\S\n]+(?:from|of|in|at|for|on)[^\S\n]+(?:[\w’'.-]+[^\S\n]+){0,3}?[\w’'.-]+)?)[^\S\n]+$"
)


def _group_before(text: str, lo: int, cue_start: int) -> SpeakerSpan | None:
    """A bare plural group right before its cue, after a clause boundary: `…, and human rights groups warned`."""
    match = _GROUP_BEFORE.search(text, max(lo, cue_start - 80), cue_start)
    if match is None or match.group(2).lower() not in _GROUP_HEADS:
        return None
    return SpeakerSpan(match.start(1), match.end(1), "phrase")


def _bare_phrase(text: str, start: int, end: int) -> SpeakerSpan | None:
    """A short phrase standing alone between commas and a cue ("attorneys for the family")."""
    words = list(_PHRASE_WORDS.finditer(text, start, end))
    if not words or len(words) > 6 or text.find(",", start, _trim_end(text, start, end)) >= 0:
        return None
    if words[0].group().lower() in ("he", "she", "they", "it", "i", "we", "you", "that", "this", "which", "who"):
        return None
    return SpeakerSpan(words[0].start(), words[-1].end(), "phrase")


_SOURCE_PHRASE_WORDS = re.compile(r"[\w’'.&/-]+")
_SOURCE_PHRASE_STOP = frozenset("in of for from on at by with that which who whose to as than".split())
# Words a source named after "according to" may run to ("a New York Times/CBS News poll released last week").
SOURCE_PHRASE_WORDS = 8


def _source_phrase(text: str, start: int, end: int) -> SpeakerSpan | None:
    """The head of a source too long for `phrase_after`: up to its first preposition or participle."""
    words: list[re.Match[str]] = []
    for word in _SOURCE_PHRASE_WORDS.finditer(text, start, end):
        if text[words[-1].end() if words else start : word.start()].strip():
            break  # punctuation: the phrase is over
        low = word.group().lower()
        if words and word.group()[0].islower() and (low in _SOURCE_PHRASE_STOP or low.endswith(("ed", "ing"))):
            break
        words.append(word)
        if len(words) > SOURCE_PHRASE_WORDS:
            return None
    if len(words) < 2 or words[0].group().lower() not in ("a", "an", "the", "one", "two", "three", "several", "many"):
        return None
    return SpeakerSpan(words[0].start(), words[-1].end(), "phrase")


def _sentence_bounds(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """The sentences of text[start:stop], a line."""
    bounds = []
    line_start = start
    abbreviation = _ABBREVIATION.search
    for match in _SENTENCE_END.finditer(text, start, stop):
        at = match.start()
        # Only a short last word can be an abbreviation ("Mr.", "U.S.", "Sept."): test those alone.
        if text.rfind(" ", at - 7, at) >= 0 and abbreviation(text, max(start, at - 12), at):
            continue
        end = at + 1
        if end > start:
            bounds.append((start, end))
        start = match.end()
    if start < stop:
        bounds.append((start, stop))
    return bounds or [(line_start, stop)]


_TRAILING_CHARS = frozenset(" \t\n\r\xa0.!?:;,\"”’')]—–-")


def _trim_end(text: str, start: int, end: int) -> int:
    """`end` moved back past closing punctuation and spaces (an unbalanced closing quote stays out)."""
    while end > start and text[end - 1] in _TRAILING_CHARS:
        end -= 1
    return end


_APPOSITION = re.compile(r"(?:an?|the)\s+[^,.;:!?]{1,80}?,\s*", re.IGNORECASE)
_APPOSITION_HEADS = frozenset(
    "group body agency organisation organization company firm institute watchdog charity union association "
    "newspaper broadcaster network think-tank tank spokesman spokeswoman spokesperson official analyst "
    "researcher expert economist professor monitor regulator".split()
)


def _past_apposition(text: str, start: int, end: int) -> int:
    """Past "a Geneva-based industry group," when it describes the source just named
    ("According to the Forum, a Geneva-based industry group, shipping …")."""
    match = _APPOSITION.match(text, start, end)
    if match is None:
        return start
    head = text[match.start() : match.end()].rstrip(", ").rsplit(None, 1)[-1].lower()
    if head not in _APPOSITION_HEADS and head not in _organisation_heads():
        return start
    return match.end()


@lru_cache(maxsize=1)
def _organisation_heads() -> frozenset[str]:
    from reader.analysis.gazetteer import read_entries

    return frozenset(word.lower() for word in read_entries("org_words.txt") if " " not in word)
