"""The Wikinews corpus rows, read as the corpus README says (csv.DictReader, large fields)."""

import csv

from paths import CORPUS

csv.field_size_limit(10**8)


def rows(year: str) -> list[dict]:
    with open(CORPUS / f"wikinews_{year}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))
