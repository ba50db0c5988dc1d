"""The corrections a reader makes in the app, each with its undo.

An edit is applied to the corrections as the file holds them when it is saved
(`save_corrections(root, edit)`), and remembers what it replaced there, so
`edit.undo` (also applied to the file as it is then) puts back exactly that.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable

from reader.corrections.model import Corrections, NameFix, QuoteFix
from reader.model import Quote


@dataclass
class NameEdit:
    name: str
    change: Callable[[NameFix | None], NameFix | None]
    label: str
    before: NameFix | None = field(default=None, init=False)

    def __call__(self, current: Corrections) -> Corrections:
        self.before = current.names.get(self.name)
        return current.with_name(self.name, self.change(self.before))

    def undo(self, current: Corrections) -> Corrections:
        return current.with_name(self.name, self.before)


@dataclass
class QuoteEdit:
    fix: QuoteFix
    label: str
    before: QuoteFix | None = field(default=None, init=False)

    def __call__(self, current: Corrections) -> Corrections:
        self.before = current.quotes.get(self.fix.key)
        return current.with_quote(self.fix.key, self.fix)

    def undo(self, current: Corrections) -> Corrections:
        return current.with_quote(self.fix.key, self.before)


Edit = NameEdit | QuoteEdit


def rename(name: str, new_name: str, *, merge: bool = False) -> NameEdit:
    """`name` is called `new_name` (a merge when an actor has that name already)."""

    def change(old: NameFix | None) -> NameFix:
        return NameFix(name=new_name, kind=old.kind if old else None)

    label = f"Merged {name} into {new_name}" if merge else f"Renamed {name} to {new_name}"
    return NameEdit(name, change, label)


def set_kind(name: str, kind: str) -> NameEdit:
    def change(old: NameFix | None) -> NameFix:
        return replace(old or NameFix(), kind=kind, not_actor=False)

    return NameEdit(name, change, f"{name} is now a {kind}")


def not_an_actor(name: str) -> NameEdit:
    return NameEdit(name, lambda _old: NameFix(not_actor=True), f"{name} is not an actor")


def give_speaker(article_id: str, quote: Quote, speaker: str) -> QuoteEdit:
    return QuoteEdit(QuoteFix(article_id, quote.text, quote.start, speaker=speaker), f"Quote given to {speaker}")


def not_a_statement(article_id: str, quote: Quote) -> QuoteEdit:
    return QuoteEdit(QuoteFix(article_id, quote.text, quote.start, not_statement=True), "Quote marked as not a statement")
