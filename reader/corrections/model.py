"""What a corrections file says: fixes to names (all articles) and to quotes (one article each)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Mapping

KINDS = ("person", "organisation", "place")


@dataclass(frozen=True, slots=True)
class NameFix:
    """A fix to an actor name, in every article. `name`: the actor's right name (a rename,
    or a merge into the actor of that name); `kind`: its right kind; `not_actor`: the
    name names nobody (it is dropped, and its quotes lose their speaker)."""

    name: str | None = None
    kind: str | None = None
    not_actor: bool = False

    @property
    def empty(self) -> bool:
        return self.name is None and self.kind is None and not self.not_actor

    def as_data(self) -> dict[str, object]:
        data: dict[str, object] = {}
        if self.name is not None:
            data["name"] = self.name
        if self.kind is not None:
            data["kind"] = self.kind
        if self.not_actor:
            data["not_actor"] = True
        return data


@dataclass(frozen=True, slots=True)
class QuoteFix:
    """A fix to one quote of one article, found by its text and where it starts.
    `speaker`: who said it; `not_statement`: nobody did (a quoted term, or not speech)."""

    article: str
    quote: str
    at: int
    speaker: str | None = None
    not_statement: bool = False
    line: int | None = field(default=None, compare=False)  # where it is in corrections.yaml, when read from it

    @property
    def key(self) -> tuple[str, int]:
        return self.article, self.at

    def as_data(self) -> dict[str, object]:
        data: dict[str, object] = {"article": self.article, "quote": self.quote, "at": self.at}
        if self.not_statement:
            data["not_statement"] = True
        elif self.speaker is not None:
            data["speaker"] = self.speaker
        return data


@dataclass(frozen=True)
class Corrections:
    names: Mapping[str, NameFix] = field(default_factory=dict)
    quotes: Mapping[tuple[str, int], QuoteFix] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.names or self.quotes)

    def as_data(self) -> dict[str, object]:
        data: dict[str, object] = {}
        if self.names:
            data["actors"] = {name: fix.as_data() for name, fix in self.names.items()}
        if self.quotes:
            data["quotes"] = [fix.as_data() for fix in self.quotes.values()]
        return data

    def fingerprint(self) -> str:
        """The same for the same corrections, whatever the order they were written in."""
        names = sorted((name, fix.as_data()) for name, fix in self.names.items())
        quotes = sorted(json.dumps(fix.as_data(), sort_keys=True) for fix in self.quotes.values())
        return json.dumps([names, quotes], sort_keys=True, ensure_ascii=False)

    def with_name(self, name: str, fix: NameFix | None) -> Corrections:
        """These corrections with `name`'s fix replaced (None or an empty fix: removed)."""
        names = dict(self.names)
        if fix is None or fix.empty:
            names.pop(name, None)
        else:
            names[name] = fix
        return replace(self, names=names)

    def with_quote(self, key: tuple[str, int], fix: QuoteFix | None) -> Corrections:
        quotes = dict(self.quotes)
        if fix is None:
            quotes.pop(key, None)
        else:
            quotes[key] = fix
        return replace(self, quotes=quotes)

    @classmethod
    def from_data(cls, data: object) -> Corrections:
        """Back from `as_data` (the index keeps what it applied that way)."""
        if not isinstance(data, dict):
            return cls()
        names = {
            str(name): NameFix(fix.get("name"), fix.get("kind"), bool(fix.get("not_actor")))
            for name, fix in (data.get("actors") or {}).items()
            if isinstance(fix, dict)
        }
        quotes = {}
        for fix in data.get("quotes") or []:
            if isinstance(fix, dict) and {"article", "quote", "at"} <= fix.keys():
                quote = QuoteFix(str(fix["article"]), str(fix["quote"]), int(fix["at"]), fix.get("speaker"), bool(fix.get("not_statement")))
                quotes[quote.key] = quote
        return cls(names, quotes)

    def for_article(self, article_id: str) -> list[QuoteFix]:
        return [fix for (article, _at), fix in self.quotes.items() if article == article_id]
