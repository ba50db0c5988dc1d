"""Where quotations are in a text: pairing quotation marks into spans.

Double marks (" “ ” „ « », and '' or `` as some archives write them) and single
marks (' ‘ ’) are paired with a stack per paragraph, so a quote nested inside
another is part of the outer one. A single mark between letters, or opening a
known elision ('til, rock 'n' roll, ’90s), is an apostrophe; two apostrophes
after a digit are inches or seconds, three or more are wiki bold.

A quote that runs over several paragraphs reopens at each and closes only at
the end (the news convention): it is one span. So is a quote whose paragraph
breaks were lost (`…the end. "Next…`): a mark that reopens the same kind of
quote where a new sentence starts continues it. A mark that opens a new quote
while one is still open elsewhere (a caption spliced between passages) ends
the open one with its first sentence.

A quote that runs into its own attribution (`‘…Triassic, said Dr. Ann Roe, … ‘We…’`) lost
its closing mark there: it ends at the comma, and a mark of its kind reopening after the
attribution starts the next passage.

An unclosed double quote ends at its paragraph's end; an unclosed single quote
(or '' pair) is dropped unless it opens its paragraph, since stray apostrophes
are far more common than unclosed single quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Two apostrophes (''so'') or backticks (``so``) are one double mark; three or
# more (wiki bold) are matched as one token only to be skipped.
# (One character class first keeps the scan fast; a run of apostrophes or backticks is one token.)
_MARK = re.compile("[\"'“”„«»‘’‚‹›`](?:(?<=')'+|(?<=`)`+)?")
_NOT_A_MARK = re.compile("'{3,}|`{3,}")
_DOUBLE = frozenset(("\"", "“", "”", "„", "«", "»", "''", "``"))
_OPENERS = frozenset(("“", "„", "«", "‘", "‚", "‹", "`", "``"))
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
    bounds: list[tuple[int, int]] = []
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
            if _NOT_A_MARK.fullmatch(mark) or _is_prime_or_currency(text, pos, mark, p_start, p_end, stack):
                continue
            if first and carried is not None and pos == p_start and _can_reopen(mark, carried.double):
                carried.passage_start = pos
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
            if nxt is not None and _can_reopen(_mark_at(text, nxt), item.double):
                item.end = p_end
                item.paragraphs += 1
                carried = item
                break
            if item.double and not item.strict:
                spans.append(item.finish(p_end))
                break
            if item.start == p_start and not item.strict:
                spans.append(item.finish(p_end))  # a paragraph that opens with a quote mark quotes
                break
            if item.passage_start > item.start:
                # A quote run over passages whose last one never closes: keep the passages before it.
                spans.append(item.finish(_trim_end(text, item.start, item.passage_start)))
                break
    if carried is not None:
        spans.append(carried.finish())
    return _outermost(_split_at_attribution(text, spans))


_SAID = r"(?:said|says|added|adds|told|explained|continued|wrote|writes)"
# `…palaeontologists, said Dr. Ann Roe, Keeper …` inside a quote that never closes: its
# closing mark was lost before the attribution.
_ATTRIBUTION_INSIDE = re.compile(
    rf",[^\S\n]+(?:{_SAID}[^\S\n]+[A-Z]|(?:[A-Z][\w.'’-]*[^\S\n]+){{1,4}}{_SAID}\b|(?:he|she)[^\S\n]+{_SAID}\b)"
)
_QUOTE_OPENERS = "\"“‘'"


def _split_at_attribution(text: str, spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """An unclosed quote that runs into its own attribution ends before it; a mark that
    opens a quote again after the attribution starts the next passage."""
    out = []
    for span in spans:
        match = None if "\n" in text[span.start : span.end] else _ATTRIBUTION_INSIDE.search(text, span.start + 1, span.end)
        if match is None or len(text[span.start : match.start()].split()) < 4:
            out.append(span)
            continue
        reopen = next((m.start() for m in _MARK.finditer(text, match.end(), span.end) if _reopens(text, m, span)), None)
        if span.closed and reopen is None:
            out.append(span)  # the words of a quote that closes: "I went home, she said, and slept"
            continue
        out.append(QuoteSpan(span.start, match.start() + 1, span.double, False))
        if reopen is not None and span.end - reopen > 2:
            out.append(QuoteSpan(reopen, span.end, span.double, span.closed))
    return out


def _reopens(text: str, mark: re.Match[str], span: QuoteSpan) -> bool:
    """A mark of the span's own kind opening a word after a space: the quote going on, not a
    quote nested in it (`he said, 'Our approach …'`) nor one closing on a word (`…,"Ann`)."""
    at = mark.start()
    return (
        mark.group() in _QUOTE_OPENERS
        and (mark.group() in _DOUBLE) == span.double
        and text[at - 1].isspace()
        and at + 1 < len(text)
        and text[at + 1].isalnum()
    )


class _Open:
    __slots__ = ("start", "end", "double", "strict", "paragraphs", "passage_start")

    def __init__(self, start: int, mark: str) -> None:
        self.start = start
        self.end = start + 1
        self.double = mark in _DOUBLE
        # Paired apostrophes or backticks quote only when they close.
        self.strict = mark in ("''", "``")
        self.paragraphs = 1
        self.passage_start = start

    def finish(self, end: int | None = None, closed: bool = False) -> QuoteSpan:
        return QuoteSpan(self.start, self.end if end is None else end, self.double, closed, self.paragraphs)


def _mark_at(text: str, pos: int) -> str:
    match = _MARK.match(text, pos)
    return match.group() if match else ""


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


def _is_prime_or_currency(text: str, pos: int, mark: str, p_start: int, p_end: int, stack: list[_Open]) -> bool:
    """`6''`, `2' 6''`: inches and seconds (unless a ''quote'' is open for them to close);
    `` `30 ``: a backtick standing for the rupee sign."""
    if mark == "''":
        return pos > p_start and text[pos - 1].isdigit() and not any(item.strict for item in stack)
    if mark == "`":
        return pos + 1 < p_end and text[pos + 1].isdigit()
    return False


def _can_reopen(mark: str, double: bool) -> bool:
    if double:
        return mark in ("\"", "“", "„", "«", "''", "``")
    return mark in ("'", "‘", "‚", "‹", "`")


_SENTENCE_CLOSE = frozenset(".!?…")
_FULL_STOP = re.compile(r"[.!?…]+(?=\s+[\"“‘'(]?[A-Z0-9])")


def _can_open(mark: str, after: str) -> bool:
    return mark not in _CLOSERS and after.isalnum()


def _preceding(text: str, pos: int, p_start: int) -> str:
    before = pos
    while before > p_start and text[before - 1] in " \t\u00a0":
        before -= 1
    return text[before - 1] if before > p_start else ""


def _after_full_stop(text: str, pos: int, p_start: int, after: str) -> bool:
    """`…the end. "Next…` inside a quote still open: a paragraph whose break was lost."""
    return (after.isupper() or after.isdigit()) and _preceding(text, pos, p_start) in _SENTENCE_CLOSE


def _after_clause_mark(text: str, pos: int, p_start: int) -> bool:
    return _preceding(text, pos, p_start) in (":", ",", ";", "—", "–", "-", "(")


def _first_sentence_end(text: str, start: int, hi: int) -> int:
    match = _FULL_STOP.search(text, start, hi)
    return match.end() if match else _trim_end(text, start, hi)


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
    if depth is not None and stack[-1].double == double and space_before and _can_open(mark, after):
        if _after_full_stop(text, pos, p_start, after):
            stack[-1].paragraphs += 1
            stack[-1].passage_start = pos
            return
        if not _after_clause_mark(text, pos, p_start) and not (mark in _OPENERS and after.islower()):
            # `…the end. Caption text 'Next…`: the open quote was never closed; it
            # ended with its passage's first sentence, and this mark opens another.
            item = stack[depth]
            del stack[depth:]
            if not stack:
                closed.append(item.finish(_first_sentence_end(text, item.passage_start, pos)))
            stack.append(_Open(pos, mark))
            return
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
    stack.append(_Open(pos, mark))


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
