"""HTML (a feed item's content or summary) as plain paragraphs: text only, never markup.

Block elements end paragraphs, `<br>` ends a line, scripts, styles and other
non-text elements are dropped, character references are decoded.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = frozenset(
    "address article aside blockquote dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table tbody td th thead tfoot tr ul".split()
)
_SKIPPED = frozenset("script style noscript template svg math iframe object head title select button".split())
_SPACES = re.compile(r"[ \t\r\f\v]+")
_MARKUP = re.compile(r"<[a-zA-Z!/?]|&[#a-zA-Z0-9]+;")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:  # noqa: ANN001
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs) -> None:  # noqa: ANN001
        if tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Paragraphs separated by a blank line; runs of spaces collapsed."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    text = _SPACES.sub(" ", "".join(parser.parts))
    paragraphs = (" ".join(line.strip() for line in block.split("\n") if line.strip()) for block in text.split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def looks_like_html(text: str) -> bool:
    return _MARKUP.search(text) is not None
