"""A description or an age stands for the latest person the text gave that role or age,
however far back, and again for each later quote (the lookups are kept per article)."""

from __future__ import annotations

from reader.analysis import analyze

FILLER = "The council met on Tuesday to discuss the plan for the harbour, which would cost more than expected. " * 4


def speakers(body: str) -> list[str | None]:
    return [q.speaker for q in analyze(body).quotes if q.kind != "reported"]


def test_each_description_is_the_latest_person_named_with_that_role() -> None:
    body = (
        f"Mayor Ann Roe opened the fair on Monday. {FILLER}\n\n"
        f'"We are ready for visitors," the mayor said. {FILLER}\n\n'
        f"Mayor Tom Quist of the next town came too. {FILLER}\n\n"
        '"Our town is ready as well," the mayor said.'
    )
    assert speakers(body) == ["Ann Roe", "Tom Quist"]


def test_each_age_is_the_latest_person_given_that_age() -> None:
    body = (
        f"Ann Roe, 34, won the race on Monday. {FILLER}\n\n"
        f'"I trained for two years," the 34-year-old said. {FILLER}\n\n'
        f"Tom Quist, 34, came second. {FILLER}\n\n"
        '"Next year is mine," the 34-year-old said.'
    )
    assert speakers(body) == ["Ann Roe", "Tom Quist"]
