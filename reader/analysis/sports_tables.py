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
_RESULT = re.compile(rf"^[ \t]*({_NAME})[ \t]+\d{{1,3}}[ \t]*,?[ \t]+({_NAME})[ \t]+\d{{1,3}}[ \t]*$", re.M)
_STANDING = re.compile(rf"^[ \t]*({_NAME})[ \t]+\d{{1,3}}[ \t]+\d{{1,3}}(?:[ \t]+[-\d./]+)+[ \t]*$", re.M)
_POINTS = re.compile(rf"^[ \t]*({_NAME})[ \t]+\d{{1,3}}[ \t]+points?,[ \t]+({_NAME})[ \t]+\d{{1,3}}\.?[ \t]*$", re.M)
_FIXTURE = re.compile(rf"^[ \t]*(?:Postponed:[ \t]*)?({_NAME})[ \t]+(?:v|vs\.?|AT)[ \t]+({_NAME})[ \t]*$", re.M)


# A sports report says so somewhere, often only in its capitalised slug ("SOCCER - ...").
_SPORT = re.compile(
    r"\b(?:soccer|football|cricket|baseball|rugby|hockey|basketball|league|division|cup|championship|"
    r"standings|fixtures|results)\b",
    re.I,
)


def team_spans(body: str) -> list[tuple[int, int]]:
    """Where the team names of the body's results, standings and fixture lines are."""
    if "\n" not in body or not _SPORT.search(body):
        return []
    spans = []
    for pattern in (_RESULT, _STANDING, _POINTS, _FIXTURE):
        for match in pattern.finditer(body):
            for group in range(1, (pattern.groups or 0) + 1):
                start, end = match.span(group)
                if start >= 0:
                    spans.append((start, end))
    spans.sort()
    return spans
