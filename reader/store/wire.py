"""Wire-style plain text, the seed article's format.

    date 2021-07-12 SEOUL • Chinese President Xi Jinping and …

    …paragraphs separated by blank lines…

    AGENCE FRANCE-PRESSE

An optional `date YYYY-MM-DD` header at the very start, an optional dateline
(`SEOUL •`, `SEOUL —`, `LONDON, July 12 (Reuters) -`), and an optional last
line in capitals naming the agency, which becomes the source.

Paragraphs are separated by blank lines, and the lines of a hard-wrapped
paragraph are joined. A text with no blank line whose lines are whole
paragraphs (a line longer than any hard wrap, or every line ending a sentence)
has one paragraph per line. A headline repeated as the next paragraph is kept once.
"""

from __future__ import annotations

import re

from reader.model import Article, Problem
from reader.store.fields import date_from_name, normalise_body, parse_date, source_name, title_from_body
from reader.text import clean_line

_HEADER = re.compile(r"\s*date:?[ \t]+(\d{4}-\d{1,2}-\d{1,2})(?![\d-])[ \t]*\n?", re.IGNORECASE)
_PLACE_WORD = r"[^\W\da-z_]+"  # letters other than ASCII lower case; case checked after
_DATELINE = re.compile(
    rf"""
    (?P<place>{_PLACE_WORD}(?:(?:[ .'’&/-]|,[ ]){_PLACE_WORD}){{0,5}}\.?)
    (?:,[ \t]*[A-Z][a-z]{{2,8}}\.?[ \t]+\d{{1,2}})?          # , July 12
    (?:[ \t]*\((?P<agency>[^()\n]{{1,40}})\))?              # (Reuters)
    [ \t]*(?:[•·—–]|--?)[ \t]+
    """,
    re.VERBOSE,
)
_AGENCY_CHARS = frozenset(" -.&'’/")
_AGENCY_FRAME = "()—–- \t"
_NOT_AGENCIES = frozenset({"END", "ENDS", "MORE", "NNNN", "UPDATE", "CORRECTION"})


def parse_wire(text: str, *, id: str, path: str, problem_path: str) -> tuple[list[Article], list[Problem]]:
    problems: list[Problem] = []
    article_date = None
    header = _HEADER.match(text)
    if header:
        article_date, reason = parse_date(header.group(1))
        if reason:
            problems.append(Problem(problem_path, f"date header: {reason}", 1, fatal=False))
        text = text[header.end() :]

    if _lines_are_paragraphs(text):
        text = "\n\n".join(line.strip() for line in text.splitlines() if line.strip())
    body = _without_repeated_headline(normalise_body(text, unwrap=True))
    dateline = source = None
    match = _DATELINE.match(body)
    if match and _is_capitals(match.group("place")) and match.end() < len(body.split("\n", 1)[0]):
        place = match.group("place")
        dateline = place[:-1] if place.endswith(".") and place.count(".") == 1 else place
        if match.group("agency"):
            source = clean_line(match.group("agency")) or None
        body = body[match.end() :]

    paragraphs = body.split("\n\n")
    agency = _agency_line(paragraphs[-1]) if len(paragraphs) > 1 else None
    if agency:
        source = source_name(agency)
        paragraphs.pop()
        body = "\n\n".join(paragraphs)

    if not body.strip():
        return [], problems + [Problem(problem_path, "no article text")]
    article = Article(
        id=id,
        path=path,
        body=body,
        title=title_from_body(body),
        date=article_date or date_from_name(path),
        source=source,
        dateline=dateline,
    )
    return [article], problems


_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
# No hard wrap is this wide: a line this long is a paragraph of its own.
_WRAP_WIDTH = 100
_ENDS_SENTENCE = re.compile(r"[.!?…:][\"'”’)\]]*\s*$")


def _lines_are_paragraphs(text: str) -> bool:
    """No blank line anywhere, and the lines are paragraphs rather than a hard wrap."""
    if _BLANK_LINE.search(text):
        return False
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if len(lines) < 2:
        return False
    if max(len(line) for line in lines) > _WRAP_WIDTH:
        return True
    # Every line that breaks ends a sentence (a headline first may not); a wrap breaks mid-sentence.
    breaks = lines[:-1]
    if not _ENDS_SENTENCE.search(breaks[0]) and not lines[1][:1].islower():
        breaks = breaks[1:]  # a headline
    return bool(breaks) and all(_ENDS_SENTENCE.search(line) for line in breaks)


def _without_repeated_headline(body: str) -> str:
    first, _, rest = body.partition("\n\n")
    second, _, after = rest.partition("\n\n")
    if second and _same_words(first, second):
        return first + ("\n\n" + after if after else "")
    return body


def _same_words(a: str, b: str) -> bool:
    return " ".join(a.split()).rstrip(".").casefold() == " ".join(b.split()).rstrip(".").casefold()


def _is_capitals(text: str) -> bool:
    letters = sum(1 for c in text if c.isalpha())
    return letters >= 2 and text.upper() == text


def _agency_line(paragraph: str) -> str | None:
    """The agency named by a short line in capitals, if that is what this is."""
    line = paragraph.strip(_AGENCY_FRAME)
    if not line or len(line) > 50 or "\n" in line or len(line.split()) > 6:
        return None
    if not _is_capitals(line) or not all(c.isalpha() or c in _AGENCY_CHARS for c in line):
        return None
    if line.rstrip(".") in _NOT_AGENCIES:
        return None
    return line
