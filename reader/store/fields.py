"""What every format shares: dates, titles, agency names, bodies, field checks."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any, Callable

from reader.model import Article, Problem
from reader.text import NEEDS_CLEANING, clean_line, clean_text

TITLE_MAX = 90

_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.+\-Z ]*)?")
_NAME_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?!\d)")
_OTHER_DATE_FORMATS = ("%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%Y/%m/%d")

# A text with none of the characters `clean_text` removes or rewrites is
# already clean, and finding that out is far cheaper than cleaning it.
_MAY_NEED_CLEANING = NEEDS_CLEANING
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")

# A sentence ends at . ! or ? (plus closing quotes or brackets) before a space
# and something that can start a sentence.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_LAST_WORD = re.compile(r"(\S+)$")
# The full stop a title drops, also inside closing quotes ("We will win." -> "We will win"),
# never the last of an ellipsis.
_FINAL_STOP = re.compile(r"(?<!\.)\.(?=[\"'”’)\]]*$)")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st gen sen rep gov lt col capt sgt cpl adm maj jr sr rev hon "
    "inc corp co ltd bros no vs etc fig jan feb mar apr jun jul aug sep sept oct nov dec "
    "u.s u.k u.n e.u a.m p.m".split()
)

_ACRONYMS = frozenset(
    "AP AFP BBC CNN UPI EFE DPA ANSA KCNA NPR PBS ABC CBS NBC PA UN US UK EU NHK KBS TASS RIA "
    "RTE ITV SBS CBC AAP PTI IANS ANI DW RFI RFA VOA WSJ NYT CNBC MSNBC ZDF ARD ORF SRF RAI "
    "TV IPS CCTV APA APF".split()
)
_MINOR_WORDS = frozenset("a an and at de del for in of on the to".split())


def parse_date(value: object) -> tuple[date | None, str | None]:
    """(date, None) for a usable date, (None, reason) for one that is not."""
    if isinstance(value, datetime):
        return value.date(), None
    if isinstance(value, date):
        return value, None
    if not isinstance(value, str):
        return None, f"'date' should be a date like 2021-07-12, not {type_name(value)}"
    text = value.strip()
    match = _ISO_DATE.fullmatch(text)
    if match:
        year, month, day = (int(part) for part in match.groups())
        try:
            return date(year, month, day), None
        except ValueError:
            return None, f"impossible date {clean_line(text)!r}"
    for layout in _OTHER_DATE_FORMATS:
        try:
            return datetime.strptime(text, layout).date(), None
        except ValueError:
            continue
    return None, f"unrecognised date {clean_line(text)[:40]!r} (use YYYY-MM-DD)"


def date_from_name(name: str) -> date | None:
    """The `2021-07-12` a file name starts with, if it names a real day."""
    base = name.rpartition("/")[2]
    match = _NAME_DATE.match(base)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def clean(text: str) -> str:
    """`clean_text`, skipped when there is nothing to clean."""
    return text if _MAY_NEED_CLEANING.search(text) is None else clean_text(text)


def normalise_body(text: str, *, unwrap: bool) -> str:
    """Clean text as paragraphs separated by one blank line. With `unwrap`, the
    hard-wrapped lines of a paragraph are joined into one."""
    text = clean(text).strip()
    if unwrap:
        paragraphs = [_LINE_BREAK.sub(" ", p) if "\n" in p else p for p in _PARAGRAPH_BREAK.split(text)]
    else:
        paragraphs = [_TRAILING_SPACE.sub("\n", p).rstrip() for p in _PARAGRAPH_BREAK.split(text)]
    return "\n\n".join(p for p in paragraphs if p)


def first_sentence(paragraph: str) -> str:
    """Up to the first sentence end, with the quote marks or brackets that close it.
    An end inside a double quote that is still open ("Closed. We will rebuild," she
    said.) is passed over, unless the quote never closes."""
    inside_quote: str | None = None
    for match in _SENTENCE_END.finditer(paragraph):
        before = _LAST_WORD.search(paragraph, 0, match.start())
        word = before.group(1).lower().strip("\"'“‘(") if before else ""
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue
        sentence = paragraph[: match.start() + len(match.group().rstrip())]
        if not _quote_open(sentence):
            return sentence
        inside_quote = inside_quote or sentence
    return inside_quote or paragraph


def _quote_open(text: str) -> bool:
    return text.count('"') % 2 == 1 or text.count("“") > text.count("”")


def title_from_body(body: str, limit: int = TITLE_MAX) -> str:
    """A title from the lede's first sentence, cut at a word boundary."""
    lede = body.split("\n\n", 1)[0]
    sentence = clean_line(first_sentence(lede))
    if len(sentence) <= limit:
        return _FINAL_STOP.sub("", sentence)
    cut = sentence.rfind(" ", 0, limit)
    head = sentence[: cut if cut > limit // 2 else limit - 1]
    return head.rstrip(" ,;:-—–") + "…"


def source_name(agency: str) -> str:
    """`AGENCE FRANCE-PRESSE` → `Agence France-Presse`; acronyms stay capitals."""
    words = clean_line(agency).split(" ")
    return " ".join(_title_word(word, first=index == 0) for index, word in enumerate(words))


def _title_word(word: str, *, first: bool) -> str:
    if "-" in word:
        return "-".join(_title_word(part, first=True) for part in word.split("-"))
    bare = word.strip(".,'’()")
    if bare.upper() in _ACRONYMS or "." in bare or (bare and not any(c in "AEIOUYaeiouy" for c in bare)):
        return word.upper()
    if not first and word.lower() in _MINOR_WORDS:
        return word.lower()
    return word[:1].upper() + word[1:].lower()


def type_name(value: object) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "a true/false value"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


TEXT_FIELDS = ("title", "source", "byline", "dateline", "url")


def article_from_mapping(
    mapping: dict[Any, Any],
    *,
    id: str,
    path: str,
    problem_path: str,
    line_of: Callable[[str | None], int | None],
    body: str | None = None,
    unwrap: bool = True,
) -> tuple[Article | None, list[Problem]]:
    """An Article from the fields of a YAML mapping. A missing or broken body
    loses the article (fatal); a broken optional field is dropped with a warning."""
    problems: list[Problem] = []

    def warn(field: str, reason: str) -> None:
        problems.append(Problem(problem_path, reason, line_of(field), fatal=False))

    fields = {key.lower() if isinstance(key, str) else key: value for key, value in mapping.items()}
    if body is None:
        raw_body = fields.get("body")
        if raw_body is None:
            reason = "missing 'body'" if "body" not in fields else "'body' is empty"
            return None, [Problem(problem_path, reason, line_of("body" if "body" in fields else None))]
        if not isinstance(raw_body, str):
            reason = f"'body' should be text, not {type_name(raw_body)}"
            return None, [Problem(problem_path, reason, line_of("body"))]
        body = normalise_body(raw_body, unwrap=unwrap)
    if not body:
        return None, [Problem(problem_path, "'body' is empty", line_of("body"))]

    values: dict[str, str | None] = {}
    for field in TEXT_FIELDS:
        value = fields.get(field)
        if value is None:
            values[field] = None
        elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
            values[field] = clean_line(str(value)) or None
        else:
            warn(field, f"'{field}' should be text, not {type_name(value)}; ignored")
            values[field] = None

    article_date = None
    if fields.get("date") is not None:
        article_date, date_problem = parse_date(fields["date"])
        if date_problem:
            warn("date", date_problem)
    if article_date is None:
        article_date = date_from_name(path)

    tags: list[str] = []
    raw_tags = fields.get("tags")
    if isinstance(raw_tags, str):
        raw_tags = raw_tags.split(",")
    if isinstance(raw_tags, list):
        for tag in raw_tags:
            if isinstance(tag, (str, int, float)) and not isinstance(tag, bool):
                if cleaned := clean_line(str(tag)):
                    tags.append(cleaned)
            else:
                warn("tags", f"each tag should be text, not {type_name(tag)}; ignored")
    elif raw_tags is not None:
        warn("tags", f"'tags' should be a list of text, not {type_name(raw_tags)}; ignored")

    title = values["title"] or title_from_body(body)
    article = Article(
        id=id,
        path=path,
        body=body,
        title=title,
        date=article_date,
        source=values["source"],
        byline=values["byline"],
        dateline=values["dateline"],
        url=values["url"],
        tags=tuple(tags),
    )
    return article, problems
