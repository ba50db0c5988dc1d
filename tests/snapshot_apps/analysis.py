"""A fixed, deterministic stand-in for the analysis, so UI tests and snapshots do not
change when the real analyser improves."""

from __future__ import annotations

import re

from reader.model import Actor, Analysis, Article, Mention, Quote

ACTORS = {
    "Ingrid Solberg": "person",
    "Marta Lindqvist": "person",
    "Ola Strand": "person",
    "Halden Ferry Company": "organisation",
    "Brannvik Harbour Board": "organisation",
    "Vesterøy": "place",
    "Halden": "place",
    # the reported-speech store (tests/snapshot_apps/reported_store)
    "Ilse Varga": "person",
    "Tomas Reiner": "person",
    "Lena Holt": "person",
    "Brannvik Rail Users": "organisation",
    # the panel store (tests/snapshot_apps/panel_store)
    "Petra Haugen": "person",
    "Karl Eide": "person",
    "Haugen": "person",
    "Nordvik Fisheries Union": "organisation",
    "Skarsund Marine Station": "organisation",
    "Skarsund": "place",
}
ALIASES = {"Haugen": "Petra Haugen"}
_QUOTE = re.compile(r'"[^"\n]+"')
# Reported speech in the one form the stand-in knows: "<Name or an official> said|claimed|insisted that <clause>."
# (no other fixture store has a "that" after these verbs, so their pictures do not change).
_REPORTED = re.compile(
    r"(?P<who>[A-Z][a-z]+ [A-Z][a-z]+|An? [a-z ]+?official),? (?P<cue>said|claimed|insisted) that (?P<what>[^.\"\n]+)\."
)
LOADED = frozenset(("claimed", "insisted"))


def fixture_analyser(article: Article) -> Analysis:
    body = article.body
    mentions: list[Mention] = []
    taken: set[int] = set()
    for name, kind in sorted(ACTORS.items(), key=lambda item: -len(item[0])):
        for match in re.finditer(re.escape(name), body):
            if match.start() in taken:
                continue
            taken.update(range(match.start(), match.end()))
            mentions.append(Mention(match.start(), match.end(), name, kind, ALIASES.get(name, name)))
    quotes = []
    for match in _QUOTE.finditer(body):
        kind = "term" if len(match.group().split()) <= 3 else "statement"
        speaker = next((m for m in mentions if m.kind == "person" and 0 <= m.start - match.end() < 40), None)
        quotes.append(
            Quote(
                match.start(),
                match.end(),
                match.group(),
                kind,
                speaker.actor if speaker and kind == "statement" else None,
                speaker.start if speaker and kind == "statement" else None,
                speaker.end if speaker and kind == "statement" else None,
            )
        )
    quotes += reported_quotes(body)
    quotes.sort(key=lambda q: q.start)
    mentions.sort(key=lambda m: m.start)
    return Analysis(mentions=tuple(mentions), quotes=tuple(quotes), actors=actors_of(mentions, quotes))


def reported_quotes(body: str) -> list[Quote]:
    quotes = []
    for match in _REPORTED.finditer(body):
        who = match.group("who")
        anonymous = who not in ACTORS
        quotes.append(
            Quote(
                match.start("what"),
                match.end("what"),
                match.group("what"),
                "reported",
                None if anonymous else who,
                match.start("who"),
                match.end("who"),
                match.group("cue"),
                match.start("cue"),
                match.end("cue"),
                speaker_via="descriptor" if anonymous else "name",
                speaker_kind="anonymous" if anonymous else ACTORS[who],
                speaker_descriptor=who.lower() if anonymous else None,
                cue_group="loaded" if match.group("cue") in LOADED else "neutral",
            )
        )
    return quotes


def actors_of(mentions: list[Mention], quotes: list[Quote]) -> tuple[Actor, ...]:
    """One actor per canonical name, in order of first mention, with its counts."""
    actors: dict[str, Actor] = {}
    for mention in mentions:
        known = actors.get(mention.actor)
        aliases = known.aliases if known else ()
        if mention.text != mention.actor and mention.text not in aliases:
            aliases = (*aliases, mention.text)
        actors[mention.actor] = Actor(mention.actor, mention.kind, aliases, (known.mentions if known else 0) + 1)
    for quote in quotes:
        if quote.speaker in actors:
            actor = actors[quote.speaker]
            actors[quote.speaker] = Actor(actor.name, actor.kind, actor.aliases, actor.mentions, actor.quotes + 1)
    return tuple(actors.values())
