"""Which people a role word stands near, found once per article.

A description (`the mayor`) is matched to the person named next to its role word
(`Mayor Bill Garner`, `Bill Garner, the mayor,`). Reading the text around every person
for every description made a long article cost the square of its length; here each role
word's occurrences are found once, and only the people near one are ever checked.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from reader.model import Mention

# How far before a person's name its role word may stand, and how far after the name
# an apposition ending in it (`, the city's mayor`) may reach: the speaker rules' limits.
BEFORE_REACH = 60
AFTER_REACH = 80


class RoleSites:
    """The occurrences of role words in one text, and the people each may name."""

    def __init__(self, text: str, people: Sequence[Mention]) -> None:
        self.text = text
        self.people = people
        self._by_end = sorted(range(len(people)), key=lambda k: people[k].end)
        self._ends = [people[k].end for k in self._by_end]
        lowered = text.lower()
        # Lowering a window of the text is the same as taking that window of the lowered
        # text unless a letter lowers to two (`İ`) or by context (a final `Σ`).
        self._lowered = lowered if len(lowered) == len(text) and "Σ" not in text else None
        self._near: dict[str, list[int]] = {}

    def near(self, head: str) -> list[int]:
        """The indices (ascending) of the people the role word `head` (lower case) stands
        within reach of: before the name as the lowered text spells it, or after it as a
        case-blind pattern finds it. Every person the rules can tie to `head` is among them."""
        found = self._near.get(head)
        if found is None:
            found = self._near[head] = self._find_near(head)
        return found

    def _find_near(self, head: str) -> list[int]:
        size = len(head)
        starts = [m.start for m in self.people]
        chosen: set[int] = set()
        if self._lowered is None:
            chosen.update(range(len(self.people)))  # no safe index: every person is a candidate
        else:
            for at in _occurrences(self._lowered, head):
                # the window [start - 60, start) holds [at, at + size)
                chosen.update(range(bisect.bisect_left(starts, at + size), bisect.bisect_right(starts, at + BEFORE_REACH)))
        written = re.compile(re.escape(head), re.IGNORECASE)
        match = written.search(self.text)
        while match is not None:
            at = match.start()
            # the window [end, end + 80) holds [at, at + size)
            lo = bisect.bisect_left(self._ends, at + size - AFTER_REACH)
            hi = bisect.bisect_right(self._ends, at)
            chosen.update(self._by_end[lo:hi])
            match = written.search(self.text, at + 1)  # overlapping ones too
        return sorted(chosen)


def _occurrences(text: str, word: str) -> list[int]:
    """Every position `word` starts at in `text`, overlapping ones too."""
    found = []
    at = text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found
