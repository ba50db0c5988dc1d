"""The reader's corrections: fixes to actors in the store's `actors.yaml` (its `Corrections:`
section), fixes to quotes in `corrections.yaml` beside it.

    corrections, problems = load_corrections(store_root)    # both files (problems with path:line)
    analysis = apply_corrections(corrections, article_id, analysis)
    save_corrections(store_root, edit)                       # read, change, write atomically, under locks

Corrections are applied to each article's analysis after it is made, so a change
takes effect at once, everywhere, with nothing analysed again, and undoing one
is only removing it. The formats are described in `reader.corrections.actors_section`
and `reader.corrections.file`. Textual-free.
"""

from reader.corrections.apply import apply_corrections
from reader.corrections.file import CORRECTIONS_FILE, CorrectionsError, parse_corrections, render_corrections
from reader.corrections.model import Corrections, NameFix, QuoteFix
from reader.corrections.storage import load_corrections, save_corrections

__all__ = [
    "CORRECTIONS_FILE",
    "Corrections",
    "CorrectionsError",
    "NameFix",
    "QuoteFix",
    "apply_corrections",
    "load_corrections",
    "parse_corrections",
    "render_corrections",
    "save_corrections",
]
