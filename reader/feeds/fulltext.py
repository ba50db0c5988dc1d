"""An article's text and metadata from its web page, with trafilatura.

trafilatura finds the main text (leaving navigation, comments and boilerplate out)
and the page's title, author and date. Its text has one paragraph per line; here
paragraphs are separated by a blank line, as the store writes them, and a heading
that repeats the title is left off.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reader.text import clean_line, clean_text

MAX_HTML_CHARS = 5_000_000


@dataclass(frozen=True)
class PageText:
    text: str
    title: str | None = None
    author: str | None = None
    published: date | None = None
    url: str | None = None  # the page's canonical URL, if it names one
    cut: bool = False  # the text was longer than the limit and was cut


def extract_page(html: bytes | str, url: str | None, *, max_chars: int, charset: str | None = None) -> PageText | None:
    """The page's article text, or None when no article text is found."""
    import trafilatura

    if isinstance(html, bytes):
        html = decode_html(html, charset)
    html = html[:MAX_HTML_CHARS]
    try:
        document = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except (ValueError, RecursionError, MemoryError):
        return None
    if document is None or not (document.text or "").strip():
        return None
    title = clean_line(document.title or "") or None
    lines = [clean_line(line) for line in clean_text(document.text).split("\n")]
    paragraphs = [line for line in lines if line]
    if paragraphs and title and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    text, cut = _limited("\n\n".join(paragraphs), max_chars)
    if not text:
        return None
    return PageText(
        text=text,
        title=title,
        author=clean_line(document.author or "") or None,
        published=_date(document.date),
        url=clean_line(document.url or "") or None,
        cut=cut,
    )


def _limited(text: str, max_chars: int) -> tuple[str, bool]:
    if len(text) <= max_chars:
        return text, False
    cut = text[:max_chars]
    end = cut.rfind("\n\n")
    return (cut[:end] if end > max_chars // 2 else cut).rstrip(), True


def decode_html(data: bytes, charset: str | None = None) -> str:
    """A page's bytes as text: the charset the HTTP answer or the page declares, else
    UTF-8, else charset_normalizer's guess."""
    import re

    names = [charset] if charset else []
    declared = re.search(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", data[:4096], re.IGNORECASE)
    if declared:
        names.append(declared.group(1).decode("ascii"))
    for name in names:
        try:
            return data.decode(name.strip())
        except (LookupError, UnicodeDecodeError):
            continue
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
        return data.decode(best.encoding if best is not None else "utf-8", "replace")


def _date(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
