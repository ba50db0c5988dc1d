"""Names from feeds as file-name parts: lowercase ASCII words joined by '-', never a path."""

from __future__ import annotations

import hashlib

from reader.text import slug  # noqa: F401 (the feeds' names use the store's one slug)


def short_hash(text: str, length: int = 10) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:length]
