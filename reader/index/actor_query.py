"""Which actors a name typed in a search stands for (`actor:`, `said:`, `quotes --actor`).

A name stands for the actor whose archive-wide identity it is (analysis.identity: "Donald
J. Trump", "Mr. Trump's" and "Donald Trump" are one) and for every actor some article
calls by it ("Trump" where the article names Donald Trump); a variant is looked up as
its identity too, so "Trump's" finds what "Trump" finds. A name the reader corrected
means what the correction says in every article, whichever form each article used:
merged into "Donald Trump", "Trump" is exactly Donald Trump (not also an Ivanka Trump an
article calls Trump); marked as no actor, it is nobody. The corrections followed are the
ones the index's tables reflect (kept in `meta` by corrections_sync), so a search and the
counts beside it always agree.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import lru_cache

from reader.corrections import Corrections
from reader.corrections.apply import resolve
from reader.index.corrections_sync import META_KEY
from reader.index.query import name_keys

# SQL for no actor at all: a name the reader said names nobody.
_NOBODY = "(SELECT NULL WHERE 0)"


@dataclass(frozen=True)
class _Applied:
    corrections: Corrections
    by_identity: dict[str, str]  # identity key of a corrected name -> the name as corrected


def actor_ids(connection: sqlite3.Connection, name: str) -> tuple[str, tuple[str, ...]]:
    """SQL for the ids of the actors `name` stands for, and its parameters."""
    from reader.analysis.identity import identity_key  # the analysis package is heavy to import

    meant = corrected_name(_applied(connection), name)
    if meant is None:
        return _NOBODY, ()
    keys = name_keys(meant)
    identities = tuple(dict.fromkeys([identity_key(meant), *(identity_key(key) for key in keys)]))
    looked_up = tuple(dict.fromkeys([*keys, *identities]))
    sql = (
        f"(SELECT id FROM actors WHERE identity IN ({','.join('?' * len(identities))}) UNION"
        f" SELECT actor FROM actor_names WHERE key IN (SELECT id FROM name_keys WHERE key IN ({','.join('?' * len(looked_up))})))"
    )
    return sql, identities + looked_up


def corrected_name(applied: _Applied, name: str) -> str | None:
    """The name `name` means once the reader's corrections are followed (a corrected name
    written another way counts: "Trump's" as "Trump"); None when it names nobody."""
    names = applied.corrections.names
    if not names:
        return name
    fixed = name if name in names else applied.by_identity.get(_identity(name))
    if fixed is None:
        return name
    final, _kind, nobody = resolve(applied.corrections, fixed)
    if nobody:
        return None
    return name if final == fixed else final


def _applied(connection: sqlite3.Connection) -> _Applied:
    row = connection.execute("SELECT value FROM meta WHERE key = ?", (META_KEY,)).fetchone()
    return _parsed(row[0] if row is not None else "")


@lru_cache(maxsize=8)
def _parsed(text: str) -> _Applied:
    import json

    try:
        corrections = Corrections.from_data(json.loads(text)) if text else Corrections()
    except (ValueError, TypeError):
        corrections = Corrections()
    by_identity: dict[str, str] = {}
    for name in corrections.names:
        by_identity.setdefault(_identity(name), name)
    return _Applied(corrections, by_identity)


def _identity(name: str) -> str:
    from reader.analysis.identity import identity_key

    return identity_key(name)
