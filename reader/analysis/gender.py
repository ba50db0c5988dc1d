"""What a name or a title says about its bearer's gender, for resolving "he" and "she".

Only what the text and common usage make plain: the usual gender of a common given name
(data/name_genders.tsv) and gendered titles ("Mrs", "Sir"). Anything else is unknown, and
an unknown gender agrees with either pronoun.
"""

from __future__ import annotations

import functools

from reader.analysis.gazetteer import read_data_lines

_TITLES = {
    "m": "mr mr. sir lord king prince duke earl baron father brother monsieur herr señor signor".split(),
    "f": "mrs mrs. ms ms. miss lady dame queen princess duchess countess baroness madam madame mother "
    "sister frau señora signora".split(),
}
TITLE_GENDERS = {title: gender for gender, titles in _TITLES.items() for title in titles}


@functools.cache
def _given_names() -> dict[str, str]:
    table = {}
    for line in read_data_lines("name_genders.tsv"):
        name, _, gender = line.partition("\t")
        if gender.strip() in ("m", "f"):
            table[name.strip()] = gender.strip()
    return table


def given_name_gender(word: str) -> str | None:
    """'m', 'f' or None for a given name ("Wendy" -> 'f')."""
    return _given_names().get(word)


def title_gender(word: str) -> str | None:
    return TITLE_GENDERS.get(word.lower())


def pronoun_gender(word: str) -> str | None:
    low = word.lower()
    if low in ("he", "him", "his", "himself"):
        return "m"
    if low in ("she", "her", "hers", "herself"):
        return "f"
    return None
