"""Teams in the tables of a sports report: results, standings and fixtures.

A line such as "Lotte 6 Hyundai 2" (a result), "Crewe 4 1 1 2 4 6 4" or "NEW YORK 75 59
.560 -" (a standings row), "Surrey 24 points, Warwickshire 2." (a cricket result) or "Walsall v Wrexham", "MINNESOTA AT MILWAUKEE" (fixtures)
names teams, whatever else the words name (a town, a county, a company). Only whole
lines of these shapes count, so prose and financial tables (decimals first) do not.
"""

from __future__ import annotations

import re

from reader.analysis.letters import UPPER

# A team's name: capitalised words, perhaps with a bracketed letter ("Radnicki (N)").
_NAME = rf"[{UPPER}][\w.'’&-]*(?:[ \u00a0]+(?:[{UPPER}][\w.'’&-]*|of|de|del|da))*(?:[ \u00a0]+\([{UPPER}]\))?"
_RESULT = re.compile(rf"[ \t]*({_NAME})[ \t]+\d{{1,3}}[ \t]*,?[ \t]+({_NAME})[ \t]+\d{{1,3}}[ \t]*$")
_STANDING = re.compile(rf"[ \t]*({_NAME})[ \t]+\d{{1,3}}[ \t]+\d{{1,3}}(?:[ \t]+[-\d./]+)+[ \t]*$")
_POINTS = re.compile(rf"[ \t]*({_NAME})[ \t]+\d{{1,3}}[ \t]+points?,[ \t]+({_NAME})[ \t]+\d{{1,3}}\.?[ \t]*$")
_FIXTURE = re.compile(rf"[ \t]*(?:Postponed:[ \t]*)?({_NAME})[ \t]+(?:v|vs\.?|AT)[ \t]+({_NAME})[ \t]*$")


_ROWS = (_RESULT, _STANDING, _POINTS, _FIXTURE)
_LONGEST_ROW = 100
_SIDES = re.compile(r" (?:v|vs\.?|AT) ")
# A sports report says so somewhere, often only in its capitalised slug ("SOCCER - ...").
_SPORT = re.compile(
    r"\b(?:soccer|football|cricket|baseball|rugby|hockey|basketball|league|division|cup|championship|"
    r"standings|fixtures|results)\b",
    re.I,
)


def team_spans(body: str) -> list[tuple[int, int]]:
    """Where the team names of the body's results, standings and fixture lines are."""
    if "\n" not in body:
        return []
    spans: list[tuple[int, int]] = []
    position = 0
    for line in body.split("\n"):
        end = line.rstrip()
        # Table rows are short and end in a score or a standing, or name two sides.
        if 0 < len(end) <= _LONGEST_ROW and (end[-1].isdigit() or end[-1] in ".-" or _SIDES.search(end)):
            for pattern in _ROWS:
                match = pattern.match(line)
                if match:
                    spans.extend((position + match.start(g), position + match.end(g)) for g in range(1, pattern.groups + 1))
                    break
        position += len(line) + 1
    if spans and not _SPORT.search(body):
        return []
    return spans
