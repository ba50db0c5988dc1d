"""An article's word count: runs of characters between whitespace of any script."""

from __future__ import annotations

import re

from reader.model import Article


def _article(body: str) -> Article:
    return Article(id="a.txt", path="a.txt", body=body, title="")


def test_words_are_runs_between_any_whitespace() -> None:
    body = "Ann\u00a0Roe said\u2003yes,\tthen\u3000left.\n\n“Fine” \x1c — done "
    assert _article(body).words == len(re.findall(r"\S+", body)) == 9


def test_an_empty_or_blank_body_has_no_words() -> None:
    assert _article("").words == 0
    assert _article(" \n\u2028 ").words == 0
