"""Word lists as regular expressions factored by common prefixes ("sa(?:id|ys)").

`re` tries an alternation's branches one by one at every position; factored, it
tries a letter once, which makes a list of hundreds of words cheap to scan for.
"""

from __future__ import annotations

import re


def prefix_tree(words: list[str]) -> str:
    """An alternation matching exactly `words` (a space in a word matches any whitespace)."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _alternatives(tree)


def _alternatives(node: dict[str, dict]) -> str:
    branches = [(r"\s+" if char == " " else re.escape(char)) + _alternatives(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    group = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{group})?"
    return group
