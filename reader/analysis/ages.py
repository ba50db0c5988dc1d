"""Which people a text gives an age: `Ann Roe, 34,`, `Ann Roe, aged 34`, `34-year-old Ann Roe`.

`the 34-year-old said` stands for the latest person given that age before it. Each age's
people are found once per article from where the age is written, not by reading the text
around every person for every description.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from reader.model import Mention

# How far before a name `34-year-old` may stand (`34-year-old mother of two Ann Roe`).
AGE_BEFORE_REACH = 50
# The number after a name's comma: for `, 34` or `, aged 34` it is the age itself.
_NUMBER_AFTER = re.compile(r",\s*(?:aged\s+)?(\d+)")


class AgeSites:
    """The people (indices into `people`, sorted by start) the text gives each age."""

    def __init__(self, text: str, people: Sequence[Mention]) -> None:
        self.text = text
        self.people = people
        self._starts = [m.start for m in people]
        self._aged: dict[str, list[int]] = {}
        self._number_after: dict[str, list[int]] | None = None

    def aged(self, age: str) -> list[int]:
        """The people (ascending) given the age `age` (digits), as `Resolver` reads it."""
        found = self._aged.get(age)
        if found is None:
            found = self._aged[age] = self._find(age)
        return found

    def _find(self, age: str) -> list[int]:
        after = re.compile(rf",\s*(?:aged\s+)?{age}\b")
        before = re.compile(rf"\b{age}-year-old\s+(?:[\w'’-]+\s+){{0,3}}$")
        candidates = set(self._numbers_after().get(age, ()))
        written = f"{age}-year-old"
        at = self.text.find(written)
        while at >= 0:
            # the window [start - 50, start) holds the whole of `34-year-old`
            low = bisect.bisect_left(self._starts, at + len(written))
            high = bisect.bisect_right(self._starts, at + AGE_BEFORE_REACH)
            candidates.update(range(low, high))
            at = self.text.find(written, at + 1)
        return [
            k
            for k in sorted(candidates)
            if after.match(self.text, self.people[k].end)
            or before.search(self.text, max(0, self.people[k].start - AGE_BEFORE_REACH), self.people[k].start)
        ]

    def _numbers_after(self) -> dict[str, list[int]]:
        """The people by the number after their comma: `, 34` can only give the age 34."""
        if self._number_after is None:
            self._number_after = {}
            for k, mention in enumerate(self.people):
                match = _NUMBER_AFTER.match(self.text, mention.end)
                if match is not None:
                    self._number_after.setdefault(match.group(1), []).append(k)
        return self._number_after
