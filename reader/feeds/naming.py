"""Names from feeds as file-name parts: lowercase ASCII words joined by '-', never a path."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_WORDS = re.compile(r"[a-z0-9]+")


def slug(text: str, limit: int = 50, *, fallback: str = "item") -> str:
    """`Harbour Strike: Day 3!` → `harbour-strike-day-3`; only [a-z0-9-], at most `limit` long."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    found = _WORDS.findall(ascii_text)
    words: list[str] = []
    for word in found:
        if len("-".join([*words, word])) > limit:
            break
        words.append(word)
    if not words and found:
        words = [found[0][:limit]]
    return "-".join(words) or fallback


def short_hash(text: str, length: int = 10) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:length]
