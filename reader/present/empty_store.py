"""What an empty store says: where it looked, and how to fill it."""

from __future__ import annotations

from reader.text import safe_name

# Each command on a line of its own, what it does under it: the pane may be narrow.
COMMANDS = (
    ("newsreader add FILE…", "copy article files in"),
    ("newsreader import FILE.csv", "one article per row"),
)
FIRST_FEED = ("newsreader feed add URL", "then newsreader fetch")


def empty_store_title(store: str) -> str:
    return f"No articles in {safe_name(store)}"


def empty_store_hint(store: str, feeds: int = 0) -> str:
    """`feeds`: how many the config has; R fetches them into this store (with none, how
    to add the first is one of the ways to fill it)."""
    lines = []
    if feeds:
        counted, them = (f"{feeds} feeds", "them") if feeds != 1 else ("1 feed", "it")
        lines += [f"Your config has {counted}: press R to fetch {them} into this store.", ""]
    lines += ["To add articles:" if feeds else "To add some:", ""]
    for command, what in COMMANDS if feeds else (*COMMANDS, FIRST_FEED):
        lines += [f"  {command}", f"    {what}"]
    lines += [
        "",
        f"These add to your default store; for this one, add --store {safe_name(store)}",
        "Files put in the folder show up here as they arrive.",
    ]
    return "\n".join(lines)
