"""Quote fixes that apply to nothing: their article is no longer in the store (moved,
renamed, removed) or no longer has the quote (edited). They stay in the file (the
article may come back) but `newsreader check` lists them, since the reader's fix has
silently stopped being in effect."""

from __future__ import annotations

from typing import Callable

from reader.corrections.apply import find_quote
from reader.corrections.file import CORRECTIONS_FILE
from reader.corrections.model import Corrections
from reader.model import Analysis, Article, Problem
from reader.text import clean_line

EXCERPT = 60


def unmatched_quote_fixes(
    corrections: Corrections, article: Callable[[str], Article | None], analyse: Callable[[Article], Analysis]
) -> list[Problem]:
    """A warning for each quote fix that finds no article, or no such quote in it."""
    problems: list[Problem] = []
    analyses: dict[str, Analysis] = {}
    for fix in corrections.quotes.values():
        found = article(fix.article)
        where = clean_line(fix.article)
        if found is None:
            reason = f"{where}: no such article in the store (moved or removed?); this quote fix applies to nothing"
        else:
            if found.id not in analyses:
                analyses[found.id] = analyse(found)
            if find_quote(analyses[found.id].quotes, fix) is not None:
                continue
            words = fix.quote if len(fix.quote) <= EXCERPT else fix.quote[:EXCERPT].rsplit(" ", 1)[0] + "…"
            reason = f"{where}: no quote {words} in it now (was it edited?); this quote fix applies to nothing"
        problems.append(Problem(CORRECTIONS_FILE, reason, fix.line, fatal=False))
    return sorted(problems, key=lambda problem: problem.line or 0)
