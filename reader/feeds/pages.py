"""A saved web page (`newsreader add page.html`) as a YAML article, extracted like a feed's page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reader.errors import UserError

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MAX_PAGE_BYTES = 5_000_000
MAX_TEXT_CHARS = 300_000


def page_article(path: Path) -> tuple[bytes, str]:
    """(the YAML article's bytes, a file name for it), or UserError saying why not."""
    from reader.feeds.articles import dump_article
    from reader.feeds.fulltext import extract_page
    from reader.feeds.naming import slug
    from reader.text import clean_line

    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_PAGE_BYTES + 1)
    except IsADirectoryError:
        raise UserError(f"{path}: is a folder, not a file") from None
    except OSError as error:
        raise UserError(f"{path}: cannot read: {error.strerror or error}") from None
    if len(data) > MAX_PAGE_BYTES:
        raise UserError(f"{path}: larger than {MAX_PAGE_BYTES // 1_000_000} MB; not read")
    page = extract_page(data, None, max_chars=MAX_TEXT_CHARS)
    if page is None:
        raise UserError(f"{path}: no article text found in the page")
    document = {
        "title": page.title,
        "date": page.published,
        "byline": page.author,
        "url": page.url,
        "text_from": "page",
        "note": "the page's text was cut at the size limit" if page.cut else None,
        "body": page.text,
    }
    document = {key: value for key, value in document.items() if value is not None}
    day = page.published.isoformat() if isinstance(page.published, date) else "undated"
    name = f"{day}-{slug(page.title or clean_line(path.stem), 60, fallback='page')}.yaml"
    return dump_article(document).encode("utf-8"), name
