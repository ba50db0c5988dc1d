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

    from reader.regular_file import FileTooLarge, read_regular_file

    try:
        data = read_regular_file(path, MAX_PAGE_BYTES)
    except IsADirectoryError:
        raise UserError(f"{path}: is a folder, not a file") from None
    except FileTooLarge:
        raise UserError(f"{path}: larger than {MAX_PAGE_BYTES // 1_000_000} MB; not read") from None
    except OSError as error:  # a FIFO or device is refused before it is opened
        raise UserError(f"{path}: cannot read: {error.strerror or error}") from None
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
