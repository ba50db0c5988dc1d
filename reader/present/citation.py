"""A quote as a citation a journalist can paste: “words” — speaker, source, dateline, date.

Textual-free. The words come from the (already sanitised) article body; the
result is plain text on one line.
"""

from __future__ import annotations

import re

from reader.model import Article, Quote
from reader.present.rows import MONTH_NAMES

OPENING_MARKS = "\"“„«‘'‚‹「『"
CLOSING_MARKS = "\"”»’'›」』"
UNATTRIBUTED = "unattributed"
_SPACE = re.compile(r"\s+")
# A quote running over paragraphs reopens each one with a mark; the citation is one run of words.
_REOPENED = re.compile(r"\s*\n\s*\n\s*(?:''|``|[" + re.escape(OPENING_MARKS) + r"])?")


def quoted_words(quote: Quote) -> str:
    """The words inside the quotation marks, on one line, without trailing commas (reported
    speech has no marks of its own: a quoted fragment inside it keeps its marks)."""
    text = quote.text.strip()
    if quote.kind == "reported":
        return _SPACE.sub(" ", text).strip().rstrip(",;:").rstrip()
    if text[:2] in ("''", "``"):
        text = text[2:]  # an archive's ''quote'' or ``quote''
    elif text[:1] and text[0] in OPENING_MARKS:
        text = text[1:]
    if text.endswith("''") and len(text) > 1:
        text = text[:-2]
    elif text[-1:] and text[-1] in CLOSING_MARKS:
        text = text[:-1]
    text = _REOPENED.sub(" ", text)
    return _SPACE.sub(" ", text).strip().rstrip(",;:").rstrip()


def long_date(article: Article) -> str | None:
    day = article.date
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}" if day else None


def speaker_words(body: str, quote: Quote) -> str | None:
    """Who said it: the speaker's name, else the words naming them when they are
    described but not named ("a Canadian official"), else None."""
    if quote.speaker:
        return quote.speaker
    start, end = quote.speaker_start, quote.speaker_end
    if start is not None and end is not None and 0 <= start < end <= len(body):
        return described(body[start:end])
    return None


def described(words: str) -> str | None:
    """A description of a speaker as it reads mid-line: `A spokeswoman for Royal Mail`
    opening its sentence is `a spokeswoman for Royal Mail`."""
    words = _SPACE.sub(" ", words).strip()
    return _OPENING_ARTICLE.sub(lambda match: match.group().lower(), words) or None


_OPENING_ARTICLE = re.compile(r"^(?:A|An|The)(?= )")


def citation(article: Article, quote: Quote) -> str:
    """`“words” — speaker, source, dateline, date`, leaving out what the article lacks.
    Reported speech is never put in quotation marks: `speaker said: words (source, …)`."""
    speaker = speaker_words(article.body, quote) or UNATTRIBUTED
    source = article.source
    dateline = article.dateline.title() if article.dateline and article.dateline.isupper() else article.dateline
    if quote.kind == "reported":
        where = [part for part in (source, dateline, long_date(article)) if part]
        said = f"{speaker} {quote.cue.lower() if quote.cue else 'said'}"
        return f"{said}: {quoted_words(quote)}" + (f" ({', '.join(where)})" if where else "")
    parts = [part for part in (speaker, source, dateline, long_date(article)) if part]
    return f"“{quoted_words(quote)}” — {', '.join(parts)}"


def excerpt(quote: Quote, limit: int = 120) -> str:
    """The quote's words, cut at a word boundary with an ellipsis past `limit` characters;
    in quotation marks unless it is reported speech (a paraphrase, not their words)."""
    words = quoted_words(quote)
    if len(words) > limit:
        words = words[:limit].rsplit(" ", 1)[0] + "…"
    return words if quote.kind == "reported" else f"“{words}”"
