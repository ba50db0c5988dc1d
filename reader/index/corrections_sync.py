"""Keeping the index's actor and quote tables in step with the reader's corrections.

The `analyses` table keeps each article's analysis as the analyser made it; the
tables searched and counted (`article_actors`, `actor_names`, `quotes`) hold it
corrected. The corrections they reflect are kept in `meta`; when the file says
otherwise, only the articles a changed fix can concern are derived again from
their stored analyses (no article is read or analysed again).
"""

from __future__ import annotations

import json
import sqlite3

from reader.corrections import CORRECTIONS_FILE, Corrections
from reader.corrections.apply import resolve
from reader.index.codec import decode_analysis
from reader.model import Problem

META_KEY = "corrections"
_DERIVED = ("article_actors", "actor_names", "quotes")


def applied_corrections(connection: sqlite3.Connection) -> Corrections:
    row = connection.execute("SELECT value FROM meta WHERE key = ?", (META_KEY,)).fetchone()
    if row is None:
        return Corrections()
    try:
        return Corrections.from_data(json.loads(row[0]))
    except (ValueError, TypeError):
        return Corrections()


def refresh_corrected(connection: sqlite3.Connection, corrections: Corrections, problems: list[Problem]) -> int:
    """Apply `corrections` where they differ from those the index reflects, and keep the
    file's `problems` with the store's; how many articles (or problem lists) changed.
    Call inside a write transaction."""
    from reader.index.sync import _Ids, _insert_analysis, _insert_problems, _jobs

    rows = [(p.path, p.line, p.reason) for p in problems]
    known = connection.execute("SELECT path, line, reason FROM problems WHERE file = ? ORDER BY rowid", (CORRECTIONS_FILE,))
    problems_changed = [tuple(row) for row in known] != rows
    if problems_changed:
        connection.execute("DELETE FROM problems WHERE file = ?", (CORRECTIONS_FILE,))
        _insert_problems(connection, CORRECTIONS_FILE, problems)
    before = applied_corrections(connection)
    if before.fingerprint() == corrections.fingerprint():
        return int(problems_changed)
    rowids = sorted(_concerned(connection, before, corrections))
    _show_corrected_names(connection, before, corrections)
    ids = _Ids(connection)
    done = 0
    for job in _jobs(connection, rowids):
        row = connection.execute("SELECT data FROM analyses WHERE article = ?", (job.rowid,)).fetchone()
        if row is None or row[0] is None:
            continue  # not analysed yet (or failed): corrected when it is
        raw = decode_analysis(row[0], job.article.body)
        if raw is None:
            continue
        for table in ("analyses", *_DERIVED):
            connection.execute(f"DELETE FROM {table} WHERE article = ?", (job.rowid,))
        _insert_analysis(connection, ids, job, raw, corrections)
        done += 1
    connection.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (META_KEY, json.dumps(corrections.as_data()))
    )
    return done + int(problems_changed)


def _show_corrected_names(connection: sqlite3.Connection, before: Corrections, after: Corrections) -> None:
    """A renamed actor is shown as the reader named it, and as before once undone, even
    where both writings are one identity ("Karl Eide" -> "Karl J. Eide"): the index
    otherwise keeps the fullest writing it has met."""
    from reader.analysis.identity import identity_key, plain_spaces

    for name in before.names.keys() | after.names.keys():
        if before.names.get(name) == after.names.get(name):
            continue
        shown, _, nobody = resolve(after, name)
        if nobody:
            continue
        for person in (True, False):
            connection.execute(
                "UPDATE actors SET name = ? WHERE identity = ?", (plain_spaces(shown), identity_key(name, person))
            )


def _concerned(connection: sqlite3.Connection, before: Corrections, after: Corrections) -> set[int]:
    """Articles a fix changed between `before` and `after` may concern (a few more is harmless)."""
    changed = {name for name in before.names.keys() | after.names.keys() if before.names.get(name) != after.names.get(name)}
    # A name renamed into a changed one is concerned too (a chain of renames).
    for corrections in (before, after):
        for name in list(corrections.names):
            if _passes(corrections, name, changed):
                changed.add(name)
    articles = {
        fix.article
        for key in before.quotes.keys() | after.quotes.keys()
        if before.quotes.get(key) != after.quotes.get(key)
        for fix in (before.quotes.get(key), after.quotes.get(key))
        if fix is not None
    }
    for corrections in (before, after):
        articles.update(
            fix.article for fix in corrections.quotes.values() if fix.speaker and _passes(corrections, fix.speaker, changed)
        )
    rowids: set[int] = set()
    for article in articles:
        rowids.update(row[0] for row in connection.execute("SELECT rowid FROM articles WHERE id = ?", (article,)))
    if changed:
        rowids.update(_naming(connection, changed))
    return rowids


def _passes(corrections: Corrections, name: str, changed: set[str]) -> bool:
    seen: set[str] = set()
    while name in corrections.names and name not in seen:
        if name in changed:
            return True
        seen.add(name)
        name = corrections.names[name].name or name
    return name in changed


def _naming(connection: sqlite3.Connection, names: set[str]) -> set[int]:
    """Articles whose actors (or their aliases) have one of these names, and, for a name
    a fix had dropped from every table, articles whose text has it."""
    from reader.index.query import name_key

    rowids: set[int] = set()
    for name in names:
        rowids.update(
            row[0]
            for row in connection.execute(
                "SELECT n.article FROM actor_names n JOIN name_keys k ON k.id = n.key WHERE k.key = ?", (name_key(name),)
            )
        )
        rowids.update(
            row[0]
            for row in connection.execute(
                "SELECT a.article FROM article_actors a JOIN actors x ON x.id = a.actor WHERE x.name = ?", (name,)
            )
        )
        phrase = '"' + name.replace('"', '""') + '"'
        try:
            rowids.update(row[0] for row in connection.execute("SELECT rowid FROM fts WHERE fts MATCH ?", (phrase,)))
        except sqlite3.OperationalError:
            # Not searchable as a phrase: every analysed article, to be sure.
            rowids.update(row[0] for row in connection.execute("SELECT article FROM analyses"))
    return rowids
