"""Named actors: people, organisations and places, with aliases merged.

Rules, not a model. Capitalised word runs are found with one compiled regex, cut into
candidate names (titles, leading articles and sentence-initial words dropped), classified
by the gazetteer (countries, places, organisations, the user's actors.yaml), by head
words ("University", "Ministry", "Stadium"), by acronyms, titles and given names, and
finally grouped: a surname or partial name joins the full name it belongs to, an acronym
joins its expansion, a capital standing for its state joins the country.

Mentions may nest, as in news NER corpora: "United States Navy" (organisation) contains
"United States" (place). They are returned sorted by start, outer mention first.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from dataclasses import dataclass

from reader.analysis.gazetteer import Gazetteer, builtin, read_data_lines, read_entries, read_words
from reader.analysis.letters import UPPER
from reader.analysis.sports_tables import team_spans
from reader.model import Mention

_UP = UPPER
_ABBREV = r"(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Prof|Rev|Adm|Maj|Cmdr|Supt|Mt|Ft|Inc|Corp|Ltd|Co|Bros)\."
_WORD = (
    rf"(?:[{_UP}]\.(?:[{_UP}]\.)+"  # U.S., D.C.
    rf"|{_ABBREV}"
    rf"|[{_UP}]\.(?=[ \u00a0][{_UP}])"  # a middle initial
    rf"|(?:al|el|ad|ash|as|az|bin|ibn)-[{_UP}]\w*(?:[-'’]\w+)*"  # al-Assad
    rf"|[{_UP}]\w*(?:[-'’]\w+)*(?:(?<=s)['’](?!\w))?)"  # a plural possessive: Workers'
)
_CONNECTOR = r"(?:of the|of|for the|for|and the|and|&|de|del|da|di|du|des|van|von|der|den|ter|bin|ibn|at|on)"
_RUN = re.compile(rf"(?<![\w'’-]){_WORD}(?:[ \u00a0](?:{_CONNECTOR}[ \u00a0])?{_WORD})*")
_TOKEN = re.compile(rf"{_WORD}|{_CONNECTOR}(?=[ \u00a0])")
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]*\b")
# Titles only a person bears: the word after one is a surname even if it names places too.
_HONORIFICS = frozenset(
    "Mr Mr. Mrs Mrs. Ms Ms. Miss Mx Dr Dr. Prof Prof. Professor Sir Dame Madam Madame Monsieur Herr Frau".split()
)
_CONNECTORS = frozenset(
    "of|of the|for|for the|and|and the|&|de|del|da|di|du|des|van|von|der|den|ter|bin|ibn|at|on".split("|")
)
_CONNECTOR_PREFIXES = ("of ", "for ", "and ", "& ", "at ", "on ")
_OF = frozenset(("of", "of the", "for", "for the"))
_AND = frozenset(("and", "and the", "&"))
_HYPHEN_SUFFIXES = frozenset(
    """led based backed born owned run funded style era made controlled linked affiliated bound wide
    like related friendly type class level year old sponsored brokered allied aligned registered listed
    flagged made speaking born educated trained designed built occupied administered supported
    dominated bred raised centric language only""".split()
)
_LONGEST_SEGMENT = 32  # tokens of one name candidate at most
_PARTICLES = frozenset("de del da di du des van von der den ter bin ibn".split())
_POSSESSIVE = re.compile(r"['’]s?$")
_ACRONYM = re.compile(rf"(?:[{_UP}]\.){{2,}}|[{_UP}][{_UP}0-9&]{{1,6}}s?|[{_UP}]{{2,}}[a-z]?[{_UP}]+")
_DATELINE = re.compile(
    rf"\s*(?:date \d{{4}}-\d{{2}}-\d{{2}}\s+)?([{_UP}][{_UP}.'’ -]*[{_UP}.](?:,\s*[{_UP}][\w. ]*?)?)\s*(?:\([^)\n]{{1,40}}\)\s*)?[•—–-]\s"
)
_SAID_AFTER = re.compile(r"[ \u00a0]*(?:,[ \u00a0]*)?(?:said|says|told|added|wrote|asked|argued|explained|noted|stated|tweeted|replied|has said|had said)\b")
_SPORTS = re.compile(
    r"\b(?:goals?|penalty|striker|midfielder|goalkeeper|defender|kick-off|half-time|World Cup|"
    r"scored|equali[sz]e[rd]?|match|tournament|group stage|knockout|semi-final|quarter-final|"
    r"wicket|innings|touchdown|the referee)\b"
)
_CLUB_ENDINGS = (" City", " United", " Town", " County")
# Words that stand alone for the one club of the article whose name they end ("Rovers").
_CLUB_WORDS = frozenset("Rovers Wanderers Athletic Hotspur Albion Rangers United City".split())
_INITIALS = re.compile(rf"(?:[{_UP}]\.){{1,3}}")
_PREV_WORD = re.compile(r"([^\W\d_]+)[ \u00a0]+$")
# Words before a name in lower case that mark it as a person ("leader Kim Jong Un").
_PERSON_CUES = frozenset(
    """leader president minister spokesman spokeswoman spokesperson secretary professor chairman chairwoman
    director member coach ambassador senator governor mayor judge officer chief analyst founder ceo actor
    actress singer player striker midfielder defender goalkeeper manager captain author writer lawyer
    attorney prosecutor dr mr mrs ms general commander premier chancellor king queen prince princess pope
    priest bishop researcher scientist economist candidate rep sen gov lt col sgt colleague son daughter
    wife husband father mother brother sister journalist reporter correspondent editor photographer artist
    designer student teacher doctor nurse official diplomat envoy lawmaker legislator councillor mp
    deputy vice emperor dictator activist campaigner athlete champion winner host presenter""".split()
)
_LOCATIVE = frozenset("in at to from near into outside inside across around via within throughout toward towards of visit visited visiting reached".split())
_COMMON_ACRONYMS = frozenset(
    """I A OK TV AM PM BC AD ID IT IQ CEO CFO COO CTO GDP COVID AIDS HIV DNA RNA MP MPs PhD MBA MD PR PS
    UTC GMT EST PST CET BST KM MPH USD EUR GBP VAT FAQ DIY LGBT LGBTQ PPE ICU ER CT MRI SUV IPO AI VR AR
    UFO RIP FYI ASAP NB OMG LOL IV II III IV VI VII VIII IX XI XII XX XXI CD DVD PC USB GPS SMS PDF URL
    HTML API NGO NGOs CCTV Q A Mr Ms Dr St No Jr Sr QC KC SC VIP VIPs POTUS FLOTUS""".split()
)


_COMMON_CAPITALISED = frozenset(
    "The A An In But It He She They We This That On At As For After When I I'm I've I'd I'll I’m I’ve I’d I’ll".split()
)
# Words a name never ends in: a run that reaches into the next clause ("Regina Ip In the
# island"), a truncated name ("House of") or a caption's label ("Ahmed Mohamed Image").
_NOT_LAST = frozenset(
    """of the a an and or but nor in on at to by for from with into onto as than per via
    image photo photograph picture video file caption source credit""".split()
)


@dataclass(slots=True)
class _Lexicon:
    common: frozenset[str]
    titles: frozenset[str]  # single-word titles ("President", "Mr")
    title_words: frozenset[str]  # every word of a title ("Prime", "Vice", "State")
    org_words: frozenset[str]
    place_words: frozenset[str]
    nonactor: frozenset[str]
    demonyms: frozenset[str]
    plural_demonyms: frozenset[str]
    given: frozenset[str]
    english: frozenset[str]
    holidays: frozenset[str]


@functools.cache
def _lexicon() -> _Lexicon:
    titles = read_entries("titles.txt")
    demonyms: set[str] = set(read_entries("demonyms.txt"))
    for line in read_data_lines("countries.tsv"):
        cols = line.split("\t")
        if len(cols) > 2:
            demonyms.update(d.strip() for d in cols[2].split("|") if d.strip())
    plurals = set()
    for d in demonyms:
        if " " in d:
            continue
        if d.endswith(("ese", "ish", "ch", "ss", "i", "Rohingya", "Maori", "Māori")) and not d.endswith("i"):
            continue  # "Chinese", "British": the plural is the adjective itself
        if d.endswith("man"):
            plurals.add(d[:-3] + "men")
        elif not d.endswith("s"):
            plurals.add(d + "s")
    plurals.update(("Rohingya", "Taliban"))
    return _Lexicon(
        common=read_words("common_words.txt"),
        titles=frozenset(t for t in titles if " " not in t),
        title_words=frozenset(w for t in titles for w in t.split()),
        org_words=read_entries("org_words.txt"),
        place_words=read_entries("place_words.txt"),
        nonactor=read_entries("nonactor_words.txt"),
        demonyms=frozenset(demonyms),
        plural_demonyms=frozenset(p for p in plurals if p not in ("Jewishs",)),
        given=read_entries("given_names.txt"),
        english=read_entries("english_words.txt"),
        holidays=read_entries("holidays.txt"),
    )


def actor_lexicon() -> _Lexicon:
    """The word lists names are judged by (common words, English words, demonyms, …)."""
    return _lexicon()


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    text: str
    kind: str | None  # None: a lone capitalised word still waiting for evidence
    actor: str | None
    source: str  # gazetteer | head | acronym | person | single | demonym
    evidence: bool = False  # a title, cue or given name says "person"
    headline: bool = False


class _Doc:
    """One body of text being read, and what has been learnt about it so far."""

    def __init__(self, body: str, gazetteer: Gazetteer, lexicon: _Lexicon) -> None:
        self.body = body
        self.gaz = gazetteer
        self.lex = lexicon
        self.max_words = gazetteer.max_words()
        self._lower: frozenset[str] | None = None
        self.cands: list[_Cand] = []
        self.acronym_defs: dict[str, str] = {}  # acronym -> the name it was defined for

    @property
    def lower_words(self) -> frozenset[str]:
        if self._lower is None:
            self._lower = frozenset(_LOWER_WORD.findall(self.body))
        return self._lower

    # ------------------------------------------------------------ runs and segments

    def read_run(self, start: int, end: int, headline: bool) -> None:
        body = self.body
        tokens = []
        for match in _TOKEN.finditer(body, start, end):
            word = match.group()
            possessive = len(word) > 2 and (word[-2:] in ("'s", "’s") or word[-1] in "'’")
            if possessive:
                word = word[:-2] if word[-1] == "s" else word[:-1]
            if "-" in word:
                parts = self._hyphenated(match.start(), word)
                if possessive and parts and parts[-1][1] == match.start() + len(word):
                    parts[-1] = parts[-1][:3] + (True,)
                tokens.extend(parts)
            else:
                tokens.append((match.start(), match.start() + len(word), word, possessive))
        if not tokens:
            return
        lex = self.lex
        initial = _sentence_initial(body, start)
        # Leading everyday words: "The", "But", "In", a sentence-initial "Relations".
        while tokens:
            word = tokens[0][2]
            lowered = word.lower()
            if word in _CONNECTORS or (lowered in lex.common and not (len(word) > 1 and word.isupper())) or (
                initial
                and (lowered in self.lower_words or (len(tokens) == 1 and lowered in lex.english))
                and not self._known(word)
                and not self._has_head(tokens)
                and not self._known_prefix(tokens)
            ):
                tokens.pop(0)
                initial = False
                continue
            break
        while tokens and tokens[-1][2] in _CONNECTORS:
            tokens.pop()
        if not tokens:
            return
        for segment in self._split(tokens):
            # No name is this long (news has at most 17 words): a longer segment is read in
            # pieces, which keeps the work per word bounded whatever the text.
            for piece in range(0, len(segment), _LONGEST_SEGMENT):
                self._classify(segment[piece : piece + _LONGEST_SEGMENT], headline)

    def _hyphenated(self, start: int, word: str):
        """"US-led" is "US"; "US-China" is two names; "Won-gon" and "Udvar-Hazy" stay whole."""
        parts = word.split("-")
        if parts[-1] in _HYPHEN_SUFFIXES or (parts[-1].islower() and parts[-1] in self.lex.common):
            head = "-".join(parts[:-1])
            # Marked like a possessive: "Ontario-based Magna" is two names, as "Ontario's Magna" is.
            return [(start, start + len(head), head, True)] if head else []
        if len(parts) == 2 and all(self.gaz.lookup(p) for p in parts):
            second = start + len(parts[0]) + 1
            return [(start, second - 1, parts[0], False), (second, second + len(parts[1]), parts[1], False)]
        return [(start, start + len(word), word, False)]

    def _known_prefix(self, tokens) -> bool:
        """Whether the run starts with a known name of several words ("North Korea")."""
        body = self.body
        for j in range(min(len(tokens), self.max_words), 1, -1):
            if self.gaz.lookup(_norm(body[tokens[0][0] : tokens[j - 1][1]])):
                return True
        return False

    def _known(self, word: str) -> bool:
        return self.gaz.lookup(word) is not None or word in self.lex.given

    def _is_head(self, word: str) -> bool:
        return word in self.lex.org_words or word in self.lex.place_words

    def _has_head(self, tokens) -> bool:
        lex = self.lex
        return any(t[2] in lex.org_words or t[2] in lex.place_words for t in tokens)

    def _split(self, tokens):
        """Cut a run at connectors and possessives that do not belong to one name."""
        lex = self.lex
        segments = []
        current = [tokens[0]]
        head_from = [False] * (len(tokens) + 1)  # head_from[i]: a head word in tokens[i:]
        for index in range(len(tokens) - 1, -1, -1):
            head_from[index] = head_from[index + 1] or self._is_head(tokens[index][2])
        for index in range(1, len(tokens)):
            token = tokens[index]
            previous = current[-1] if current else tokens[index - 1]
            if token[2] in _CONNECTORS:
                connector = token[2]
                if connector in _PARTICLES:
                    keep = True
                elif connector in _OF:
                    keep = previous[2] in lex.title_words or self._is_head(previous[2]) or (
                        self._has_head(current) and not any(t[2] in _CONNECTORS for t in current)
                    )
                elif connector in ("and", "&"):
                    right = []
                    for after in range(index + 1, len(tokens)):
                        if tokens[after][2] in _CONNECTORS:
                            break
                        right.append(tokens[after][2])
                    plain = all(w.lower() in lex.english for w in right)
                    two_places = previous[2] in lex.place_words and len(right) > 1 and right[-1] in lex.place_words
                    keep = bool(right) and not two_places and (  # "Main Street and Ocean Road": two
                        (self._is_head(previous[2]) and plain)  # "Museum and Art Gallery"
                        or (not self._has_head(current) and plain and self._is_head(right[-1]))  # "Air and Space Museum"
                    )
                elif connector == "at":
                    keep = (
                        self._has_head(current)
                        and index + 1 < len(tokens)
                        and bool(self.gaz.lookup(tokens[index + 1][2]))
                        and index + 2 == len(tokens)
                    )
                else:
                    keep = False
                keep = keep or self._gazetteer_spans(tokens, index)
                if keep and current and index + 1 < len(tokens):
                    current.append(token)
                    continue
                if current:
                    segments.append(current)
                current = []
                continue
            if not current:
                current = [token]
                continue
            if previous[3] and (
                not head_from[index]
                # a known name has at most max_words words (a hyphen splits a word in two)
                or (len(current) <= 2 * self.max_words and self.gaz.lookup(_norm(self.body[current[0][0] : previous[1]])))
            ) and not self._gazetteer_spans(tokens, index):
                segments.append(current)
                current = [token]
                continue
            current.append(token)
        if current:
            segments.append(current)
        return [s for s in segments if s]

    def _gazetteer_spans(self, tokens, index: int) -> bool:
        """Whether a known name runs across tokens[index] ("Bosnia and Herzegovina")."""
        body = self.body
        for i in range(max(0, index - self.max_words), index):
            for j in range(min(len(tokens), i + self.max_words), index, -1):
                if self.gaz.lookup(_norm(body[tokens[i][0] : tokens[j - 1][1]])):
                    return True
        return False

    # ------------------------------------------------------------ classification

    def _classify(self, seg, headline: bool) -> None:
        lex = self.lex
        gaz = self.gaz
        body = self.body
        while len(seg) > 1 and seg[-1][2].lower() in _NOT_LAST and not seg[-1][2].isupper():
            seg = seg[:-1]
        if all(t[2] in lex.holidays for t in seg):
            return  # "Easter Monday", "Christmas Eve": a day, not an actor
        start, end = seg[0][0], seg[-1][1]
        text = body[start:end]
        if text in gaz.ignored:
            return
        if body.startswith(("$", " $"), end):
            return  # "US$ 20,000", "NZ $ 26 million": a currency
        state = _US_STATE_AFTER.match(body, end)
        if (
            state
            and (state.group(1) or seg[0][2] not in lex.given or _previous_word(body, start) in _LOCATIVE)
            and _norm(text) not in _US_STATE_NAMES
        ):
            # "Prince William, Va.", "Lebanon, Ohio": a US place, whatever else the name names.
            self._add(start, end, text, "place", f"{_norm(text)}, {(state.group(1) or state.group(2))}", "head", headline)
            return
        hit = gaz.lookup(_norm(text))
        if hit:
            self._add_known(start, end, text, hit, headline)
            return
        words = [t[2] for t in seg]
        if words[-1] in lex.nonactor or (len(words) > 1 and " ".join(words[-2:]) in lex.nonactor):
            return  # an event, a law, a prize: not an actor
        # A title splits what comes before it (a place, an adjective) from the person after it.
        title_at = -1
        for index, word in enumerate(words[:-1]):
            rest = words[index + 1 :]
            # "Professor Park", "Mr Lane": a surname that is also a place word ("General Hospital" is not).
            surname = word in _HONORIFICS and len(rest) == 1 and rest[0] not in lex.org_words
            if word in lex.titles and (surname or _head_index(rest, lex) is None):
                title_at = index
        if title_at >= 0:
            before = seg[:title_at]
            while before and (before[-1][2] in lex.title_words or before[-1][2] in _CONNECTORS):
                before = before[:-1]
            if before:
                self._classify(before, headline)
            self._person(seg[title_at + 1 :], headline, titled=True)
            return
        head = _head_index(words, lex)
        if head is not None and len(words) > 1:
            kind = "organisation" if _is_org_word(words, head, lex) else "place"
            if kind == "place" and len(words) == 2 and words[0] in lex.given and self._speaks(start, end):
                self._person(seg, headline, titled=False)  # "Nathan Lane said", not a street
                return
            person_at = _person_after_head(words, head, lex)
            if person_at is not None:  # "Refugee Council Enver Solomon": an organisation, then its person
                self._classify(seg[:person_at], headline)
                self._person(seg[person_at:], headline, titled=True)
                return
            self._add(start, end, text, kind, text, "head", headline)
            self._nest_places(seg, headline)
            if head >= 2 and words[0] in lex.given:
                stop = 1
                while stop < head and words[stop].lower() not in lex.english and words[stop] not in _CONNECTORS:
                    stop += 1
                if stop >= 2:  # "Andy Warhol" in "Andy Warhol Photographic Legacy Program"
                    s, e = seg[0][0], seg[stop - 1][1]
                    self.cands.append(_Cand(s, e, body[s:e], "person", body[s:e], "person", True, headline))
            return
        if len(words) == 1:
            word = words[0]
            if word in lex.titles or word in lex.title_words and word not in lex.given:
                return
            if word[-1].isdigit() and word[0].isupper() and len(word) <= 6:
                return  # a model or a version ("IE6", "M3", "H1"), not an actor
            if _ACRONYM.fullmatch(word) and word not in _COMMON_ACRONYMS and not word.isdigit():
                if "." not in word and (len(word) > 5 or (len(word) > 3 and word.lower() in lex.english)):
                    return  # a shouted word ("COULD", a dateline "DALLAS"), not an acronym
                self._add(start, end, text, "organisation", word, "acronym", headline)
                return
            if word in lex.plural_demonyms:
                self._add(start, end, text, "person", word, "demonym", headline)
                return
            if word in lex.demonyms:
                return
            self._person(seg, headline, titled=False)
            return
        if text in lex.demonyms or all(w in lex.demonyms or w in lex.title_words for w in words):
            return
        if text.isupper() and len(text) > 8:
            return  # a line in capitals
        if (
            len(words) <= 3
            and words[0] in lex.given
            and (hit := gaz.lookup(words[0])) is not None
            and hit[1] == "place"
            and not any((h := gaz.lookup(w)) and (h[1] != "place" or _is_country(h[0])) for w in words[1:])
            and (self._speaks(start, end) or not any(w.lower() in lex.english for w in words[1:]))
        ):
            self._person(seg, headline, titled=False)  # "Jordan Henderson said": a first name, not a country
            return
        if len(words) == 2 and self._agency(words):
            self._add(start, end, text, "organisation", text, "head", headline)  # "Environment Canada"
            return
        # Known names inside a longer run: "United States Hamdullah Mohib".
        index = 0
        rest_start = 0
        while index < len(seg):
            matched = self._longest_known(seg, index)
            if matched:
                j, hit = matched
                if rest_start < index:
                    self._person(seg[rest_start:index], headline, titled=False)
                s, e = seg[index][0], seg[j - 1][1]
                self._add_known(s, e, body[s:e], hit, headline)
                index = rest_start = j
            else:
                index += 1
        if rest_start < len(seg):
            self._person(seg[rest_start:], headline, titled=False)

    def _agency(self, words: list[str]) -> bool:
        """"Environment Canada", "Statistics Canada", "Sport England": a field of government
        and its country name a government agency."""
        field, country = words
        hit = self.gaz.lookup(country)
        if hit is None or hit[1] != "place" or not _is_country(hit[0]) or hit[0] != country:
            return False
        lex = self.lex
        lowered = field.lower()
        return (
            lowered in lex.english
            and lowered not in lex.common
            and field not in lex.demonyms
            and field not in lex.title_words
            and field not in lex.place_words
            and field not in lex.org_words
            and field not in lex.given
            and field not in _COMPASS
            and not lowered.endswith(_ADJECTIVE_ENDINGS)  # "Rural Canada", "Modern Japan"
            and self.gaz.lookup(field) is None
        )

    def _longest_known(self, seg, index: int):
        """A multi-word known name, or a country, starting at seg[index]."""
        body = self.body
        if seg[index][2] in _CONNECTORS:
            return None
        for j in range(min(len(seg), index + self.max_words), index, -1):
            if seg[j - 1][2] in _CONNECTORS:
                continue
            name = _norm(body[seg[index][0] : seg[j - 1][1]])
            hit = self.gaz.lookup(name)
            if hit and (j - index > 1 or hit[1] == "organisation" or _country_like(name, hit, self.gaz)):
                if j - index == 1 and index > 0 and seg[index - 1][2] in self.lex.given and hit[1] == "organisation":
                    continue  # a surname that names a company too: "Michael Bloomberg", "Henry Ford"
                return j, hit
        return None

    def _person(self, seg, headline: bool, *, titled: bool) -> None:
        lex = self.lex
        while seg and (
            seg[0][2] in _CONNECTORS
            or seg[0][2] in lex.demonyms
            or seg[0][2] in lex.title_words and seg[0][2] not in lex.given
        ):
            titled = titled or seg[0][2] not in _CONNECTORS
            seg = seg[1:]
        for index in range(1, len(seg) - 1):
            if seg[index][2] in lex.given and seg[index - 1][2] not in lex.given and not _INITIALS.fullmatch(seg[index - 1][2]):
                seg = seg[index:]  # "Administrator Charles Bolden", "Scientologist Tom Cruise"
                titled = True
                break
        while seg and seg[-1][2] in _CONNECTORS:
            seg = seg[:-1]
        if not seg:
            return
        start, end = seg[0][0], seg[-1][1]
        text = self.body[start:end]
        if text in lex.demonyms:
            return
        if len(seg) == 1:
            word = seg[0][2]
            if (word.lower() in lex.common and not word.isupper()) or word.isdigit():
                return
            evidence = titled or word in lex.given or self._cue_before(start) or bool(_SAID_AFTER.match(self.body, end))
            self.cands.append(_Cand(start, end, text, None, None, "single", evidence, headline))
            return
        if text.isupper():
            return
        while len(seg) > 2 and seg[-1][2].endswith("s") and seg[-1][2][:-1].lower() in lex.english:
            seg = seg[:-1]  # "Andy Warhol Polaroids"
            end = seg[-1][1]
            text = self.body[start:end]
        first = seg[0][2]
        evidence = titled or first in lex.given or self._cue_before(start) or (_INITIALS.fullmatch(first) is not None and not self.gaz.lookup(first))
        if not evidence:
            if _ORG_APPOSITION.match(self.body, end):
                self._add(start, end, text, "organisation", text, "head", headline)  # "Islands Transport, the agency that …"
                return
            lower = self.lower_words
            words = [t[2] for t in seg]
            if (
                any(w.lower() in lower or w.lower() in lex.common or w.isupper() for w in words)
                or all(w.lower() in lex.english for w in words)
                or (words[-1].endswith("s") and words[-1][:-1].lower() in lex.english)
            ):
                return  # "Space Shuttle", "Internet Explorer": everyday words, not a name
            if _previous_word(self.body, start) == "the":
                self._add(start, end, text, "organisation", text, "head", headline)  # "the Sea Org": nobody is "the" Jane Doe
                return
        self.cands.append(_Cand(start, end, text, "person", text, "person", evidence, headline))

    def _speaks(self, start: int, end: int) -> bool:
        """A name in a speaker's position: `Jordan Henderson said`, `coach Jordan Henderson`."""
        return self._cue_before(start) or _SAID_AFTER.match(self.body, end) is not None

    def _cue_before(self, start: int) -> bool:
        return _previous_word(self.body, start) in _PERSON_CUES

    def _add_known(self, start: int, end: int, text: str, hit: tuple[str, str], headline: bool) -> None:
        actor, kind = hit
        gaz = self.gaz
        capital_of = gaz.capitals.get(actor)
        if capital_of and text not in gaz.user_names and self._stands_for_state(start, end):
            actor = capital_of
        self._add(start, end, text, kind, actor, "gazetteer", headline)
        if " " in text and kind != "person":
            words = text.split()
            if words[-1] in self.lex.place_words or words[-1] in self.lex.org_words:
                self._nest_places(_tokens_of(self.body, start, end), headline)

    def _stands_for_state(self, start: int, end: int) -> bool:
        """'Pyongyang said', 'talks with Beijing', 'Beijing's decision': the capital acts.
        'in Seoul', 'a rainy Ottawa street', 'Ottawa, the capital' are the city."""
        body = self.body
        if _previous_word(body, start) in _LOCATIVE:
            return False  # "the embassy in London asking", "from Beijing's airport"
        if body.startswith(("'s", "’s"), end):
            return True
        if _ACTS_AFTER.match(body, end):
            return True
        return _previous_word(body, start) in _DEALS_WITH

    def _nest_places(self, seg, headline: bool) -> None:
        """Known places inside a longer name: "United States" in "United States Navy"."""
        body = self.body
        index = 0
        while index < len(seg):
            for j in range(min(len(seg), index + self.max_words), index, -1):
                if j - index == len(seg) or seg[j - 1][2] in _CONNECTORS or seg[index][2] in _CONNECTORS:
                    continue
                name = _norm(body[seg[index][0] : seg[j - 1][1]])
                hit = self.gaz.lookup(name)
                if hit and hit[1] == "place":
                    s, e = seg[index][0], seg[j - 1][1]
                    self._add(s, e, body[s:e], "place", hit[0], "gazetteer", headline)
                    index = j - 1
                    break
            index += 1

    def _add(self, start, end, text, kind, actor, source, headline) -> None:
        self.cands.append(_Cand(start, end, text, kind, actor, source, False, headline))


# ---------------------------------------------------------------- helpers


def _norm(text: str) -> str:
    return text.replace("\u00a0", " ") if "\u00a0" in text else text


def _previous_word(body: str, start: int) -> str:
    """The lower-case word right before `start`, with only spaces between ("" if none)."""
    match = _PREV_WORD.search(body, max(0, start - 24), start)
    return match.group(1).lower() if match else ""


def _tokens_of(body: str, start: int, end: int):
    return [(m.start(), m.end(), m.group(), False) for m in _TOKEN.finditer(body, start, end)]


def _head_index(words: list[str], lex: _Lexicon) -> int | None:
    """The first word that makes the name an organisation or a place.

    Place words also start or end personal names ("Park Won-gon", "Bill Hill"), so they
    count only last, before "of", or before another head word ("Memorial Hall Station")."""
    last = len(words) - 1
    for index, word in enumerate(words):
        if word in lex.org_words:
            return index
        if index < last and f"{word} {words[index + 1]}" in lex.org_words:
            return index
        if word in lex.place_words:
            if index == last or words[index + 1] in _CONNECTORS:
                return index
            following = words[index + 1]
            if following in lex.place_words or following in lex.org_words:
                continue  # "District Court", "Memorial Hall Station": the later word decides
    return None


def _person_after_head(words: list[str], head: int, lex: _Lexicon) -> int | None:
    """Where a person's name begins after the head word of an organisation or place:
    a given name and a surname, with no head word after them ("Council Enver Solomon")."""
    for index in range(head + 1, len(words) - 1):
        if words[index] in lex.given and (words[index - 1] in lex.org_words or words[index - 1] in lex.place_words):
            rest = words[index:]
            if len(rest) <= 3 and _head_index(rest, lex) is None and all(w[0].isupper() for w in rest):
                return index
    return None


def _is_org_word(words: list[str], index: int, lex: _Lexicon) -> bool:
    word = words[index]
    if word in lex.org_words:
        return True
    return index + 1 < len(words) and f"{word} {words[index + 1]}" in lex.org_words


def _country_like(name: str, hit: tuple[str, str], gazetteer: Gazetteer) -> bool:
    actor, kind = hit
    return kind == "place" and (name != actor or actor in gazetteer.capitals.values()) or name.isupper()


def _sentence_initial(body: str, start: int) -> bool:
    index = start - 1
    while index >= 0 and body[index] in " \u00a0\t\"'“‘([«—–-":
        index -= 1
    return index < 0 or body[index] in ".!?:;\n\r•"


def _headline_ranges(body: str, given: frozenset[str]) -> list[tuple[int, int]]:
    """Lines written in Title Case, with no sentence punctuation at the end."""
    ranges = []
    position = 0
    for line in body.split("\n"):
        stripped = line.strip()
        if stripped and stripped[-1] not in ".!?\"”:;,)" and " " in stripped:
            words = stripped.split()
            capitalised = sum(1 for w in words if w[:1].isupper())
            # Two words both capitalised ("Biden Praised") are a heading too, unless a byline
            # ("Larry Fine"); a longer line may keep a few small words in lower case.
            if capitalised * 10 >= len(words) * 7 and (len(words) > 2 or (capitalised == 2 and words[0] not in given)):
                ranges.append((position, position + len(line)))
        position += len(line) + 1
    return ranges


def _dateline_end(body: str, dateline: str | None) -> int:
    """Where the dateline at the very start of a raw text ends (0 when there is none)."""
    match = _DATELINE.match(body)
    if match and match.end(1) - match.start(1) <= 40:
        return match.end()
    if dateline:
        stripped = body.lstrip()
        seen = stripped[: len(dateline)]
        after = stripped[len(dateline) :].lstrip(" \u00a0")
        # "Elmsworth City Council voted" opens with a name, not with the dateline ELMSWORTH.
        if seen.casefold() == dateline.casefold() and (seen.isupper() or not after[:1].isupper()):
            return len(body) - len(stripped) + len(dateline)
    return 0


# ---------------------------------------------------------------- the entry point


def find_mentions(body: str, *, dateline: str | None = None, gazetteer: Gazetteer | None = None) -> list[Mention]:
    gaz = gazetteer if gazetteer is not None else builtin()
    doc = _Doc(body, gaz, _lexicon())
    headlines = _headline_ranges(body, doc.lex.given) if "\n" in body or len(body) < 300 else []
    skip_until = _dateline_end(body, dateline)
    h_index = 0
    common = doc.lex.common
    for match in _RUN.finditer(body, skip_until):
        word = match.group()
        if word in _COMMON_CAPITALISED or (" " not in word and word.lower() in common and not word.isupper()):
            continue  # "The", "But", "In": most runs, dropped without further work
        start = match.start()
        while h_index < len(headlines) and headlines[h_index][1] < start:
            h_index += 1
        in_headline = h_index < len(headlines) and headlines[h_index][0] <= start
        doc.read_run(start, match.end(), in_headline)
    return _resolve(doc)


def _resolve(doc: _Doc) -> list[Mention]:
    _expand_bracketed_acronyms(doc)
    cands = doc.cands
    lex = doc.lex
    body = doc.body
    counted = _count_nouns(cands, lex, doc.gaz)
    if counted:
        # "100 Polaroids", "their own Polaroid": a brand the article counts is a thing, not an actor.
        cands[:] = [c for c in cands if c.text.rsplit(" ", 1)[-1] not in counted or c.kind in ("place", "organisation")]
    # Acronyms defined in brackets after their expansion: "Korean Central News Agency (KCNA)".
    by_start = {c.start: c for c in cands}
    for cand in cands:
        if cand.kind in ("organisation", "place") and body.startswith(" (", cand.end):
            inner = by_start.get(cand.end + 2)
            if inner and inner.source == "acronym" and body.startswith(")", inner.end):
                inner.actor = cand.actor
                inner.kind = cand.kind
    orgs_by_initials: dict[str, str | None] = {}
    for cand in cands:
        if cand.kind == "organisation" and cand.source != "acronym" and " " in cand.text:
            initials = "".join(w[0] for w in cand.text.split() if w[0].isupper())
            orgs_by_initials.setdefault(initials, cand.actor)
    for cand in cands:
        if cand.source == "acronym" and cand.actor == cand.text:
            key = cand.text.replace(".", "")
            if key in orgs_by_initials:
                cand.actor = orgs_by_initials[key]
    # People: a lone word or partial name joins the fullest name that contains it.
    persons = [c for c in cands if c.kind == "person" and c.source == "person"]
    # Writings of one name ("John Q. Smith", "John Smith", with a no-break space) are one
    # actor, under the fullest of them.
    fullest: dict[str, str] = {}
    keys = [_writing_key(cand.text) for cand in persons]
    for cand, key in zip(persons, keys):
        known = fullest.get(key)
        if known is None or cand.text.count(" ") > known.count(" "):
            fullest[key] = " ".join(cand.text.split())
    for cand, key in zip(persons, keys):
        cand.actor = fullest[key]
    surname = _NameWords()
    # A gazetteer person lends the words of its canonical name, not of the alias
    # seen ("Mr Kim" joins "Kim Jong Un" named in actors.yaml as "the leader").
    known_persons = [c for c in cands if c.kind == "person" and c.source == "gazetteer"]
    for cand, name in [(c, c.text) for c in persons] + [(c, c.actor) for c in known_persons]:
        assert name is not None and cand.actor is not None  # a person candidate always has its actor
        for word in name.split():
            if len(word) > 1 and word not in _PARTICLES and not word.endswith("."):
                surname.add(word, cand.start, cand.actor)
    for cand in persons:
        words = cand.text.split()
        owners = _owners(surname, words, cand.start)
        if owners and owners != cand.actor and len(owners.split()) > len(words):
            cand.actor = owners
    for cand in cands:
        if cand.source == "gazetteer" and " " not in cand.text and cand.text in surname:
            owner = _owners(surname, [cand.text], cand.start)
            if owner and owner != cand.text and (owner.endswith(" " + cand.text) or cand.kind != "place"):
                cand.kind, cand.actor = "person", owner  # "Paris" after "Valeska Paris"
    korea_like = {c.actor for c in cands if c.kind == "place" and c.actor is not None}
    org_parts = _distinctive_words(cands, lex)
    places: set[str] = set()
    # "Lumisol, the French start-up that …": an apposition that calls the name a company.
    described = {c.text for c in cands if c.kind is None and _ORG_APPOSITION.match(body, c.end)}
    for cand in cands:
        if cand.kind is not None:
            continue
        word = cand.text
        owner = _owners(surname, [word], cand.start)
        if word in described and not owner and word not in lex.given:
            cand.kind, cand.actor = "organisation", word
            org_parts[word] = word
        elif owner:
            cand.kind, cand.actor = "person", owner
        elif word in ("North", "South") and body[max(0, cand.start - 4) : cand.start].lower() == "the ":
            country = next((a for a in korea_like if a.startswith(word + " ")), None)
            if country:
                cand.kind, cand.actor = "place", country
        elif _STATEMENT_AFTER.match(body, cand.end) and word not in lex.given:
            cand.kind, cand.actor = "organisation", word  # "Lumicorp said in a statement"
            org_parts[word] = word
        elif cand.evidence and word not in lex.demonyms:
            cand.kind, cand.actor = "person", word
            surname.add(word, cand.start, word)
        elif word in org_parts:
            cand.kind, cand.actor = "organisation", org_parts[word]  # "Scientology" after "Church of Scientology"
        elif _org_context(body, cand.start, cand.end, lex):
            cand.kind, cand.actor = "organisation", word
            org_parts[word] = word
        elif _place_context(body, cand, lex, places):
            cand.kind, cand.actor = "place", word
            places.add(word)
    for cand in cands:
        if cand.kind is None and cand.text in places:
            cand.kind, cand.actor = "place", cand.text  # one sense per article
        if cand.kind is None and cand.text in org_parts:
            cand.kind, cand.actor = "organisation", org_parts[cand.text]  # one sense per article
    # "the Authority" after "the Port Alder Harbour Authority": a bare head word
    # refers back to the one organisation of the article that it heads.
    heads: dict[str, set[str | None]] = {}
    for cand in cands:
        if cand.kind == "organisation" and " " in cand.text:
            heads.setdefault(cand.text.rsplit(" ", 1)[1], set()).add(cand.actor)
    for cand in cands:
        if cand.kind is None and cand.text in _CLUB_WORDS and len(heads.get(cand.text, ())) == 1:
            cand.kind, cand.actor = "organisation", next(iter(heads[cand.text]))  # "Rovers" for "Marrowfield Rovers"
            continue
        headed = heads.get(cand.text) if cand.kind == "organisation" and cand.actor == cand.text else None
        if headed and len(headed) == 1 and body[max(0, cand.start - 4) : cand.start].lower() == "the ":
            cand.actor = next(iter(headed))
    # "Harbour", "Northern Cooperative" after "Harbour Savings Bank", "Northern Cooperative
    # Bank": a short form that begins the one longer organisation name it is a prefix of.
    full_names = {c.actor for c in cands if c.kind == "organisation" and c.actor and " " in c.actor}
    for cand in cands:
        if cand.kind == "organisation" and cand.actor == cand.text and cand.source != "acronym":
            longer = [name for name in full_names if name.startswith(cand.text + " ")]
            if len(longer) == 1 and not longer[0][len(cand.text) + 1 :].startswith(_CONNECTOR_PREFIXES):
                cand.actor = longer[0]
    # A club named after its town ("Dunmore City", "Leeds United") in a sports report.
    clubs = [c for c in cands if c.kind == "place" and c.source == "head" and c.text.endswith(_CLUB_ENDINGS)]
    # In a match report a country that plays is its national team, an organisation.
    teams = [
        c for c in cands
        if c.kind == "place" and c.source == "gazetteer" and c.actor in doc.gaz.kinds and _fields_a_team(c.actor)
    ]
    sports = _sports_words(body, up_to=4) if clubs or teams else 0
    if sports >= 2:
        for cand in clubs:
            cand.kind = "organisation"
    if sports >= 4:
        for cand in teams:
            if _previous_word(body, cand.start) not in _LOCATIVE and not body.startswith((",", " ("), cand.end):
                cand.kind, cand.actor = "organisation", f"{cand.actor} (team)"
    _teams_of_tables(doc)
    # A headline's title case makes "Biden Praised" look like a name: only known names and
    # acronyms, and names the body uses too, count there.
    confirmed = {c.text.casefold() for c in cands if c.kind and not c.headline}
    confirmed.update(c.actor.casefold() for c in cands if c.kind and c.actor and not c.headline)
    mentions = []
    seen: set[tuple[int, int, str]] = set()
    for cand in cands:
        if cand.kind is None:
            continue
        if (
            cand.headline
            and cand.source not in ("gazetteer", "acronym")
            and cand.text.casefold() not in confirmed
            and (cand.actor or "").casefold() not in confirmed
        ):
            continue
        span = (cand.start, cand.end, cand.kind)
        if span in seen or cand.start >= cand.end:
            continue
        seen.add(span)
        mentions.append(Mention(cand.start, cand.end, cand.text, cand.kind, cand.actor or cand.text))
    mentions.sort(key=lambda m: (m.start, -m.end))
    return mentions


def _teams_of_tables(doc: _Doc) -> None:
    """Names in a sports report's results, standings and fixtures are teams, there and
    wherever else the report uses them ("Leicestershire beat Somerset")."""
    spans = team_spans(doc.body)
    if not spans:
        return
    body = doc.body
    by_span = {(c.start, c.end): c for c in doc.cands}
    teams: set[str] = set()
    for start, end in spans:
        text = body[start:end]
        cand = by_span.get((start, end))
        if cand is not None and cand.kind == "place" and _is_country(cand.actor or ""):
            continue  # countries play as countries in many tables (Davis Cup ties)
        teams.add(text)
        if cand is None:
            doc.cands[:] = [c for c in doc.cands if not (start <= c.start < end or start < c.end <= end)]
            doc.cands.append(_Cand(start, end, text, "organisation", text, "team"))
            by_span[(start, end)] = doc.cands[-1]
    for cand in doc.cands:
        if cand.kind in (None, "place") and _plays(body, cand):
            teams.add(cand.text)
    for cand in doc.cands:
        if cand.text in teams and (cand.kind != "place" or not _is_country(cand.actor or "")):
            cand.kind, cand.actor = "organisation", cand.text


_PLAYS_AFTER = re.compile(r"[ \u00a0]+(?:beat|drew|lost|won|reached|defeated|thrashed|edged|trailed|led)\b")
_PLAYS_BEFORE = re.compile(r"\b(?:beat|against|v|vs|defeated|thrashed|edged|over)[ \u00a0]+$")


def _plays(body: str, cand: _Cand) -> bool:
    """`Leicestershire beat Somerset`, `a match against Yorkshire`: a name that plays."""
    if cand.evidence or " " in cand.text:
        return False
    return bool(_PLAYS_AFTER.match(body, cand.end) or _PLAYS_BEFORE.search(body, max(0, cand.start - 12), cand.start))


def _expand_bracketed_acronyms(doc: _Doc) -> None:
    """`Institut National des Matériaux (INM)`: the name whose capitals spell the acronym
    in brackets after it is an organisation, even when no head word says so."""
    body = doc.body
    for cand in list(doc.cands):
        if cand.source != "acronym" or cand.start < 3 or not body.startswith(" (", cand.start - 2):
            continue
        if not body.startswith(")", cand.end):
            continue
        span = _spelled_by(body, cand.start - 2, cand.text.replace(".", "").rstrip("s"))
        if span is None:
            continue
        start, end = span
        if any(
            c.start == start and c.end == end and (c.kind in ("organisation", "place") or c.evidence)
            for c in doc.cands
        ):
            continue  # already known, or a person's initials ("John Smith (JS)")
        doc.cands = [c for c in doc.cands if not (start <= c.start and c.end <= end and c.kind != "place")]
        doc.cands.append(_Cand(start, end, body[start:end], "organisation", body[start:end], "head"))


def _spelled_by(body: str, end: int, acronym: str) -> tuple[int, int] | None:
    """The tail of the capitalised run ending at `end` whose initials are `acronym`."""
    if len(acronym) < 2:
        return None
    run = None
    for match in _RUN.finditer(body, max(0, end - 160), end):
        if match.end() == end:
            run = match
    if run is None:
        return None
    tokens = [m for m in _TOKEN.finditer(body, run.start(), run.end())]
    for index, token in enumerate(tokens):
        if not token.group()[0].isupper():
            continue
        tail = tokens[index:]
        capitals = "".join(t.group()[0] for t in tail if t.group()[0].isupper())
        every = "".join(t.group()[0] for t in tail).upper()
        if len(tail) > 1 and acronym in (capitals, every):
            return token.start(), end
    return None


# A capital that acts for its state: the verb after it, or a dealing before it.
_ACTS_AFTER = re.compile(
    rf"(?:[ \u00a0]+and[ \u00a0]+[{UPPER}][\w.]*(?:[ \u00a0]+[{UPPER}][\w.]*)?)?"  # "Beijing and Washington said"
    r"(?:,[^,.;:\n\"“”]{1,60},)?"  # "Ottawa, an observer at the meeting, said"
    r"[ \u00a0]+(?:(?:has|had|have|will|would|could|may|might|must|is|was|are|were|has also|also)[ \u00a0]+)?"
    r"(?:[a-z]+ing\b|said|says|say|told|tells|warned|warns|accused|accuses|announced|announces|denied|denies|rejected|rejects|"
    r"responded|claimed|claims|insisted|insists|demanded|demands|urged|urges|called|wants|agreed|agrees|refused|"
    r"refuses|threatened|threatens|condemned|condemns|criticised|criticized|protested|retaliated|hopes|believes|"
    r"confirmed|blamed|blames|vowed|vows|imposed|imposes|ordered|recalled|expelled|sanctioned|launched|fired|"
    r"responds|sees|views|considers|regards|welcomed|welcomes|praised|backed|supports|opposes|opposed)\b"
)
_DEALS_WITH = frozenset("with between against by pressure toward towards".split())
_US_STATES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|"
    "Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|"
    "Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|"
    "North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|"
    "Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming"
)
_ADJECTIVE_ENDINGS = ("al", "ern", "ic", "ive", "ous", "ful", "ary", "ish", "less", "ed", "ing", "ar", "ian", "ese")
_COMPASS = frozenset("North South East West Northern Southern Eastern Western Central Upper Lower Greater New Old".split())
_US_STATE_NAMES = frozenset(_US_STATES.split("|"))  # "Florida, Illinois and Ohio" is a list
_STATE_ABBREVIATIONS = (
    r"Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Kans|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|"
    r"N\.H|N\.J|N\.M|N\.Y|N\.C|N\.D|Okla|Ore|Pa|R\.I|S\.C|S\.D|Tenn|Tex|Vt|Va|Wash|W\.Va|Wis|Wyo"
)
# "Town, Va.", "Town, Ohio," : the state names the town as a place. A full state name counts
# only where the sentence goes on after it, so "Smith, Texas governor" is not a town.
_US_STATE_AFTER = re.compile(
    rf",[ \u00a0]+(?:((?:{_STATE_ABBREVIATIONS})\.)|({_US_STATES})(?=[,.;:)]|[ \u00a0]+(?:on|in|at|and|is|was|has|had)\b|$))",
    re.M,
)
_CALENDAR_WORD = re.compile(
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?|January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Ramadan|Easter|Christmas|Advent|Lent|Passover|Diwali|Hanukkah"
)
_PLACE_PREPOSITIONS = frozenset("in at near on from".split())
# "the town of Yeoncheon", "next to Genova": what comes after names a place.
_SETTLEMENT_OF = re.compile(
    r"\b(?:(?:town|city|village|port|province|district|county|region|island|municipality|suburb|capital)[ \u00a0]+of|next[ \u00a0]+to)[ \u00a0]+$"
)
_AND_BEFORE = re.compile(r"([^\W\d_]+)[ \u00a0]+(?:and|or)[ \u00a0]+$")


def _place_context(body: str, cand: _Cand, lex: _Lexicon, places: set[str]) -> bool:
    """`on Hella`, `in Keldby`: an unknown name after a preposition of place, inside a
    sentence, or coordinated with such a place (`on Hella and Norrøy`)."""
    if cand.evidence or cand.text in lex.given or cand.text.isupper() or cand.text.lower() in lex.english:
        return False
    if _CALENDAR_WORD.fullmatch(cand.text):
        return False  # "on Wednesdays", "in Ramadan"
    if _sentence_initial(body, cand.start) or body.startswith(("'s", "’s", ":"), cand.end):
        return False  # "at Islam's holiest site", "in Counter-Strike: Global Offensive"
    if _previous_word(body, cand.start) in _PLACE_PREPOSITIONS or _SETTLEMENT_OF.search(body, max(0, cand.start - 24), cand.start):
        return True
    match = _AND_BEFORE.search(body, max(0, cand.start - 40), cand.start)
    return match is not None and match.group(1) in places


_STATEMENT_AFTER = re.compile(
    r"[ \u00a0]*(?:,[ \u00a0]*)?(?:said|says|announced|confirmed)[ \u00a0]+in[ \u00a0]+an?[ \u00a0]+"
    r"(?:(?:\w+[ \u00a0]+)?statement|press release|news release|filing|regulatory filing)\b"
)
_ORG_APPOSITION = re.compile(
    r",[ \u00a0]+(?:a|an|the)[ \u00a0]+(?:(?!(?:of|at|for|in|on|with|and|by|to)\b)[\w-]+[ \u00a0]+){0,3}?"
    r"(?:start-?up|company|firm|group|agency|operator|business|manufacturer|maker|retailer|charity|"
    r"organi[sz]ation|broadcaster|publisher|airline|carrier|insurer|lender|bank|regulator|conglomerate|"
    r"supermarket|chain|brand|developer|producer|consultancy|utility)(?![\w'’-])"
)
_ORG_NOUNS_AFTER = re.compile(
    r"(?:['’]s)?[ \u00a0]+(?:organi[sz]ation|group|party|company|firm|church|movement|officials|"
    r"spokes(?:man|woman|person)|website|homepage|headquarters|members|leadership|executives?|"
    r"board|campaign|founder|chief executive|CEO|"
    r"(?:regional|city|county|district|town|municipal|provincial|parish) (?:council|government|authority))\b"
)
_ORG_NOUNS_BEFORE = frozenset(
    """group party company firm organisation organization outlet brand band label agency network club
    team publisher developer maker retailer startup newspaper magazine broadcaster charity""".split()
)
_OF_BEFORE = re.compile(r"\b(?:members?|spokes(?:man|woman|person)|founder|head|leader|chairman|president) (?:of|for|at) (?:the )?$")
_NAME_AFTER_POSSESSIVE = re.compile(rf"['’]s[ \u00a0]+([{UPPER}][^\W\d_]+)[ \u00a0]+[{UPPER}]")


def _org_context(body: str, start: int, end: int, lex: _Lexicon) -> bool:
    """An unknown capitalised word that its context makes an organisation:
    `the Scientology organization`, `localist group Youngspiration`, `members of X`,
    `Demosisto's Nathan Law`."""
    if _ORG_NOUNS_AFTER.match(body, end):
        return True
    if _previous_word(body, start) in _ORG_NOUNS_BEFORE:
        return True
    if _OF_BEFORE.search(body, max(0, start - 40), start):
        return True
    match = _NAME_AFTER_POSSESSIVE.match(body, end)
    return match is not None and match.group(1) in lex.given


def _writing_key(name: str) -> str:
    """What two writings of a person's name in one article share: the words without
    middle initials or accents, whatever the spaces ("John Q. Smith", "John\u00a0Smith",
    "Lukasz" for "Łukasz")."""
    words = name.split()
    if len(words) > 2:
        words = [words[0], *(w for w in words[1:-1] if not (len(w) <= 2 and w.endswith("."))), words[-1]]
    return " ".join(_folded(word) for word in words)


def _sports_words(body: str, up_to: int) -> int:
    """How many words of sport the text has, counting no further than `up_to`."""
    found = 0
    for _ in _SPORTS.finditer(body):
        found += 1
        if found == up_to:
            break
    return found


def _count_nouns(cands: list[_Cand], lex: _Lexicon, gaz: Gazetteer) -> frozenset[str]:
    """Capitalised words the article uses both in the plural and in the singular
    ("Polaroids", "a Polaroid"), where neither is a known name: things, not actors."""
    found: set[str] = set()
    named = {w for c in cands if c.evidence or (c.kind == "person" and c.source == "gazetteer") for w in c.text.split()}
    seen = {w for c in cands for w in c.text.split()}  # one pass: a search of the body per word could be quadratic
    for cand in cands:
        if cand.source not in ("single", "person", "head") or cand.evidence:
            continue
        word = cand.text.rsplit(" ", 1)[-1]
        if word in named or word[:-1] in named:
            continue  # "Kathryn Waters" said so: "Waters" is her
        if len(word) < 5 or not word.endswith("s") or word.endswith("ss") or word in found:
            continue
        singular = word[:-1]
        if singular in lex.given or word in lex.demonyms or singular in lex.demonyms or singular in lex.org_words:
            continue
        if gaz.lookup(word) or gaz.lookup(singular):
            continue
        if singular in seen:
            found.update((word, singular))
    return frozenset(found)


def _distinctive_words(cands: list[_Cand], lex: _Lexicon) -> dict[str, str | None]:
    """Words of organisation names that name the organisation alone: `Scientology`."""
    parts: dict[str, str | None] = {}
    for cand in cands:
        if cand.kind != "organisation" or " " not in cand.text:
            continue
        for word in cand.text.split():
            if (
                word[0].isupper()
                and word not in lex.org_words
                and word not in lex.place_words
                and word not in _CONNECTORS
                and word.lower() not in lex.english
                and word.lower() not in lex.common
            ):
                parts.setdefault(word, cand.actor)
    return parts


@functools.cache
def _countries() -> frozenset[str]:
    return frozenset(line.split("\t", 1)[0].strip() for line in read_data_lines("countries.tsv"))


def _is_country(name: str) -> bool:
    return name in _countries()


# Nations that play as themselves without being countries of the gazetteer's list.
_HOME_NATIONS = frozenset(("England", "Scotland", "Wales", "Northern Ireland"))


def _fields_a_team(name: str) -> bool:
    return name in _HOME_NATIONS or _is_country(name)


class _NameWords:
    """The words of the person names seen so far, each with the names (actors) it is part
    of and where they were met, kept in text order, so that finding the owner of a partial
    name costs a bisection and a few steps rather than a pass over every earlier name."""

    __slots__ = ("by_word", "words_of")

    def __init__(self) -> None:
        self.by_word: dict[str, list[tuple[int, int, str]]] = {}  # word -> sorted (start, n, actor)
        self.words_of: dict[str, frozenset[str]] = {}

    def __contains__(self, word: str) -> bool:
        return _folded(word) in self.by_word

    def add(self, word: str, start: int, actor: str) -> None:
        entries = self.by_word.setdefault(_folded(word), [])
        entry = (start, len(entries), actor)
        if entries and entries[-1][0] > start:
            bisect.insort(entries, entry)
        elif not entries or entries[-1][0] != start or entries[-1][2] != actor:
            entries.append(entry)
        if actor not in self.words_of:
            self.words_of[actor] = frozenset(_folded(word) for word in actor.split())


_UNDECOMPOSED = str.maketrans("łŁøØđĐıßæÆœŒ", "lLoOdDisaAoO")


@functools.lru_cache(maxsize=65536)
def _folded(word: str) -> str:
    """A name word as copy written without its accents gives it: "Erdogan" for "Erdoğan"."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word.translate(_UNDECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Names sharing a word tried before giving up on a partial name: real articles need a handful.
_OWNER_STEPS = 64


def _owners(surname: _NameWords, words: list[str], start: int) -> str | None:
    """The person name containing all of `words` met last before `start`, else the
    longest met after it (the first of those, on a tie)."""
    lists = []
    needed = {_folded(word) for word in words}
    for word in needed:
        entries = surname.by_word.get(word)
        if not entries:
            return None
        lists.append(entries)
    entries = min(lists, key=len)  # every owner is in each list; the shortest is quickest
    words_of = surname.words_of

    def owns(actor: str) -> bool:
        return needed <= words_of[actor]

    split = bisect.bisect_left(entries, (start,))
    for index in range(split - 1, max(-1, split - 1 - _OWNER_STEPS), -1):
        actor = entries[index][2]
        if owns(actor):
            return actor
    best = None
    for index in range(split, min(len(entries), split + _OWNER_STEPS)):
        actor = entries[index][2]
        if owns(actor) and (best is None or len(actor) > len(best)):
            best = actor
    return best
