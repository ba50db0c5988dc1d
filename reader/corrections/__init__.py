"""The reader's corrections: `corrections.yaml` in the store root, beside `actors.yaml`.

    corrections = load_corrections(store_root)      # Corrections (problems with path:line)
    analysis = apply_corrections(corrections, article_id, analysis)
    save_corrections(store_root, edit)               # read, change, write atomically, under a lock

Corrections are applied to each article's analysis after it is made, so a change
takes effect at once, everywhere, with nothing analysed again, and undoing one
is only removing it. The file format is described in `reader.corrections.file`.
Textual-free.
"""

from reader.corrections.apply import apply_corrections
from reader.corrections.file import CORRECTIONS_FILE, load_corrections, parse_corrections, render_corrections, save_corrections
from reader.corrections.model import Corrections, NameFix, QuoteFix

__all__ = [
    "CORRECTIONS_FILE",
    "Corrections",
    "NameFix",
    "QuoteFix",
    "apply_corrections",
    "load_corrections",
    "parse_corrections",
    "render_corrections",
    "save_corrections",
]
