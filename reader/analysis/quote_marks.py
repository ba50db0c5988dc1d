"""Where quotations are in a text: pairing quotation marks into spans.

Double marks (" “ ” „ « ») and single marks (' ‘ ’) are paired with a stack per
paragraph, so a quote nested inside another is part of the outer one. A single
mark between letters, or opening a known elision ('til, rock 'n' roll, ’90s),
is an apostrophe. Two apostrophes (''so'') or backticks (``so``) are no
quotation mark at all: they stand for inches, primes and wiki italics as often
as for quotes, and are skipped whole rather than read as two single marks.
An unclosed double quote ends at its paragraph's end unless
the next paragraph reopens it (the news convention for a quote that runs over
several paragraphs); an unclosed single quote is dropped, since stray
apostrophes are far more common than unclosed single quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Doubled apostrophes and backticks are matched as one token only to be skipped.
_MARK = re.compile("''+|``+|[\"'“”„«»‘’‚‹›`]")
_NOT_A_MARK = re.compile("''+|``+")
_DOUBLE = frozenset(("\"", "“", "”", "„", "«", "»"))
_OPENERS = frozenset(("“", "„", "«", "‘", "‚", "‹", "`"))
_CLOSERS = frozenset("”»’›")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE = re.compile(r"\n\s*")
# A single mark that begins a word-internal elision rather than a quotation.
_ELISION = re.compile(
    r"(?:n['’‘]|tis|twas|til|em|cause|cos|bout|round|nuff|ol|s\b|\d\d(?:s|\b))",
    re.IGNORECASE,
)
_OPENING_CONTEXT = frozenset(" \t\n([{—–-/")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    start: int  # at the opening mark
    end: int  # just past the closing mark (or the paragraph's last character)
    double: bool
    closed: bool
    paragraphs: int = 1


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, without the surrounding whitespace.

    Paragraphs are separated by blank lines; a text without any blank line is
    taken to have one paragraph per line.
    """
    separator = _BLANK_LINE if _BLANK_LINE.search(text) else _LINE
    bounds = []
    start = 0
    for match in separator.finditer(text):
        _append_trimmed(text, start, match.start(), bounds)
        start = match.end()
    _append_trimmed(text, start, len(text), bounds)
    return bounds


def _append_trimmed(text: str, start: int, end: int, bounds: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        bounds.append((start, end))


def find_quote_spans(text: str) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    carried: _Open | None = None  # a quote left open by the previous paragraph
    paragraphs = paragraph_bounds(text)
    for index, (p_start, p_end) in enumerate(paragraphs):
        stack: list[_Open] = []
        closed: list[QuoteSpan] = []
        first = True
        for match in _MARK.finditer(text, p_start, p_end):
            pos = match.start()
            mark = match.group()
            if _NOT_A_MARK.fullmatch(mark):
                continue
            if first and carried is not None and pos == p_start and _can_reopen(mark, carried.double):
                stack.append(carried)
                carried = None
                first = False
                continue
            first = False
            _push_or_pop(text, pos, mark, p_start, p_end, stack, closed)
        if carried is not None:
            # The previous paragraph's quote was not reopened here: it ended there.
            spans.append(carried.finish())
            carried = None
        spans.extend(closed)
        nxt = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else None
        for item in stack:
            if nxt is not None and _can_reopen(text[nxt], item.double):
                item.end = p_end
                item.paragraphs += 1
                carried = item
                break
            if item.double:
                spans.append(item.finish(p_end))
                break
    if carried is not None:
        spans.append(carried.finish())
    return _outermost(spans)


class _Open:
    __slots__ = ("start", "end", "double", "paragraphs")

    def __init__(self, start: int, double: bool) -> None:
        self.start = start
        self.end = start + 1
        self.double = double
        self.paragraphs = 1

    def finish(self, end: int | None = None, closed: bool = False) -> QuoteSpan:
        return QuoteSpan(self.start, self.end if end is None else end, self.double, closed, self.paragraphs)


def _can_reopen(mark: str, double: bool) -> bool:
    if double:
        return mark in ("\"", "“", "„", "«")
    return mark in ("'", "‘", "‚", "‹", "`")


def _push_or_pop(
    text: str, pos: int, mark: str, p_start: int, p_end: int, stack: list[_Open], closed: list[QuoteSpan]
) -> None:
    double = mark in _DOUBLE
    before = text[pos - 1] if pos > p_start else " "
    after = text[pos + len(mark)] if pos + len(mark) < p_end else " "
    space_before = before.isspace() or before in _OPENING_CONTEXT
    space_after = after.isspace() or (not after.isalnum() and after not in "\"'“‘„«$£€#@(")
    if not double and _is_apostrophe(text, pos, before, after, space_before, p_end, stack):
        return
    depth = _depth_of(stack, double)
    opens = mark in _OPENERS
    closes = mark in _CLOSERS
    if opens and not space_before and space_after and depth is not None:
        opens, closes = False, True  # a mis-set opening mark at the end of a word
    elif closes and space_before and not space_after and (depth is None or stack[-1].double != double):
        opens, closes = True, False  # a mis-set closing mark at the start of a word
    elif not opens and not closes:  # a straight mark: decide by what is around it
        if depth is not None and not (space_before and not space_after and stack[-1].double != double):
            closes = True
        elif space_after and not space_before:
            return  # a stray closing mark
        else:
            opens = True
    if closes:
        if depth is None:
            return
        item = stack[depth]
        del stack[depth:]
        if not stack:
            closed.append(item.finish(pos + len(mark), closed=True))
        return
    stack.append(_Open(pos, double))


def _depth_of(stack: list[_Open], double: bool) -> int | None:
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth].double == double:
            return depth
    return None


def _is_apostrophe(
    text: str, pos: int, before: str, after: str, space_before: bool, p_end: int, stack: list[_Open]
) -> bool:
    if before.isalnum() and after.isalnum():
        return True  # it's, don't, rock'n'roll
    if space_before and _ELISION.match(text, pos + 1, min(p_end, pos + 8)):
        rest = text[pos + 1 : pos + 8]
        # 'til, 'n', ’90s — but a quotation may open with a word like "round"
        if not rest[:1].isalpha() or rest[:1].islower():
            return True
    if before.isalpha() and not after.isalnum():
        # Ministers' or goin' — unless a single quote is open and this closes it.
        return _depth_of(stack, False) is None
    return False


def _outermost(spans: list[QuoteSpan]) -> list[QuoteSpan]:
    spans.sort(key=lambda s: (s.start, -s.end))
    result: list[QuoteSpan] = []
    reach = -1
    for span in spans:
        if span.end <= reach:
            continue
        if span.start < reach:
            continue  # overlapping pieces of broken markup: keep the first
        result.append(span)
        reach = span.end
    return result
