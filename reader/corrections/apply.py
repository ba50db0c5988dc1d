"""Corrections applied to one article's analysis: names renamed, merged, re-kinded or
dropped; quotes given another speaker or taken out of who said what."""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Sequence

from reader.corrections.model import Corrections, QuoteFix
from reader.model import Actor, Analysis, Mention, Quote

SPEAKER_KINDS = {"person": "person", "organisation": "organisation"}
VIA = "correction"  # a quote's speaker_via when the reader gave its speaker

Resolver = Callable[[str], tuple[str, str | None, bool]]  # see `resolve`
KindOf = Callable[[str, str], str]


def resolve(corrections: Corrections, name: str) -> tuple[str, str | None, bool]:
    """(the right name, its kind if corrected, whether it names nobody), following
    renames and merges (a chain, never a loop)."""
    kind = None
    seen: set[str] = set()
    current = name
    while current in corrections.names and current not in seen:
        seen.add(current)
        fix = corrections.names[current]
        if fix.not_actor:
            return current, None, True
        kind = fix.kind or kind
        if fix.name is None:
            break
        current = fix.name
    if current in corrections.names and current not in seen and corrections.names[current].kind:
        kind = corrections.names[current].kind
    return current, kind, False


def apply_corrections(corrections: Corrections, article_id: str, analysis: Analysis) -> Analysis:
    """`analysis` with `corrections` applied; the same object when none concern it."""
    if not corrections:
        return analysis
    quote_fixes = corrections.for_article(article_id) if corrections.quotes else []
    names = corrections.names
    if not quote_fixes and not (
        names and any(a.name in names for a in analysis.actors) or any(q.speaker in names for q in analysis.quotes if q.speaker)
    ):
        return analysis
    kinds = {actor.name: actor.kind for actor in analysis.actors}
    renamed: dict[str, tuple[str, str | None, bool]] = {}

    def right(name: str) -> tuple[str, str | None, bool]:
        if name not in renamed:
            renamed[name] = resolve(corrections, name)
        return renamed[name]

    def kind_of(name: str, fallback: str) -> str:
        """The corrected kind, else that of the actor it was merged into, else its own
        (a rename to a name no actor has keeps the kind)."""
        final, kind, _ = right(name)
        return kind or kinds.get(final) or kinds.get(name) or fallback

    mentions: list[Mention] = []
    for mention in analysis.mentions:
        final, _kind, dropped = right(mention.actor)
        if dropped:
            continue
        mentions.append(replace(mention, actor=final, kind=kind_of(mention.actor, mention.kind)))
    quotes: list[Quote | None] = [_renamed_quote(quote, right, kind_of) for quote in analysis.quotes]
    for fix in quote_fixes:
        index = find_quote(quotes, fix)
        if index is None:
            continue
        quote = quotes[index]
        assert quote is not None  # find_quote finds only quotes still there
        if fix.not_statement:
            quotes[index] = None if quote.kind == "reported" else _not_statement(quote)
        elif fix.speaker:
            final, _kind, dropped = right(fix.speaker)
            quotes[index] = _spoken_by(quote, None if dropped else final, kind_of(fix.speaker, "person"))
    kept = [quote for quote in quotes if quote is not None]
    return Analysis(mentions=tuple(mentions), quotes=tuple(kept), actors=_actors(analysis.actors, kept, right, kind_of))


def _renamed_quote(quote: Quote, right: Resolver, kind_of: KindOf) -> Quote:
    if not quote.speaker:
        return quote
    final, kind, dropped = right(quote.speaker)
    if dropped:
        return replace(quote, speaker=None, speaker_start=None, speaker_end=None, speaker_via=None, speaker_kind=None)
    if final == quote.speaker and kind is None:
        return quote
    if quote.speaker_kind in ("anonymous", "document"):
        return replace(quote, speaker=final)
    return replace(quote, speaker=final, speaker_kind=SPEAKER_KINDS.get(kind_of(quote.speaker, quote.speaker_kind or "")))


def find_quote(quotes: Sequence[Quote | None], fix: QuoteFix) -> int | None:
    """The quote a fix means: its text, nearest where it was (the article may have been edited)."""
    same = [
        (abs(quote.start - fix.at), index)
        for index, quote in enumerate(quotes)
        if quote is not None and (quote.text == fix.quote or " ".join(quote.text.split()) == fix.quote)
    ]
    return min(same)[1] if same else None


def _not_statement(quote: Quote) -> Quote:
    return replace(
        quote, kind="term", speaker=None, speaker_start=None, speaker_end=None, speaker_via=None,
        speaker_kind=None, speaker_descriptor=None, anonymity_reason=None,
    )


def _spoken_by(quote: Quote, speaker: str | None, kind: str) -> Quote:
    return replace(
        quote,
        kind="statement" if quote.kind == "term" else quote.kind,
        speaker=speaker,
        speaker_start=None,
        speaker_end=None,
        speaker_via=VIA if speaker else None,
        speaker_kind=SPEAKER_KINDS.get(kind) if speaker else None,
        speaker_descriptor=None,
        anonymity_reason=None,
    )


def _actors(actors: tuple[Actor, ...], quotes: list[Quote], right: Resolver, kind_of: KindOf) -> tuple[Actor, ...]:
    """The article's actors again, counted from the corrected mentions and quotes."""
    order: dict[str, str] = {}  # final name -> kind, in the order first met
    aliases: dict[str, dict[str, None]] = {}
    counts: dict[str, int] = {}
    for actor in actors:
        final, _kind, dropped = right(actor.name)
        if dropped:
            continue
        order.setdefault(final, kind_of(actor.name, actor.kind))
        names = aliases.setdefault(final, {})
        for alias in (actor.name, *actor.aliases):
            if alias != final:
                names[alias] = None
        counts[final] = counts.get(final, 0) + actor.mentions
    quoted: dict[str, int] = {}
    for quote in quotes:
        if quote.speaker and quote.kind == "statement":
            quoted[quote.speaker] = quoted.get(quote.speaker, 0) + 1
        # Only a speaker the reader gave is new here: the analysis keeps reported speech's
        # speakers ("The Post reported") out of the actors, and so do corrections.
        if quote.speaker and quote.speaker not in order and quote.speaker_via == VIA:
            order[quote.speaker] = kind_of(quote.speaker, "person")
    return tuple(
        Actor(name, kind, tuple(aliases.get(name, ())), counts.get(name, 0), quoted.get(name, 0))
        for name, kind in order.items()
    )
