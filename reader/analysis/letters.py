"""Unicode-aware character classes for regular expressions.

`re` has no `\\p{Lu}`: a name beginning with "Ł", "Ø" or "Ś" must not lose its
first word to an ASCII-only `[A-Z]`.
"""

from __future__ import annotations


def _ranges(predicate, stop: int = 0x2000) -> str:
    chars = [code for code in range(0x41, stop) if predicate(chr(code))]
    parts = []
    start = previous = chars[0]
    for code in chars[1:] + [-1]:
        if code == previous + 1:
            previous = code
            continue
        parts.append(chr(start) if start == previous else f"{chr(start)}-{chr(previous)}")
        start = previous = code
    return "".join(parts)


# Capital letters (and title-case digraphs such as "ǅ") of the Latin, Greek and Cyrillic scripts.
UPPER = _ranges(lambda c: c.isupper() or c.istitle())
