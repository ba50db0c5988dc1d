"""`newsreader quotes`: everything said in the store, in date order, with its speaker."""

from __future__ import annotations

import argparse
import re

from reader.cli import add_store_option
from reader.cli.json_output import print_json


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("quotes", help="every quote and reported statement in the store, oldest first, with its speaker")
    add_store_option(parser)
    parser.add_argument("--actor", metavar="NAME", help="only quotes by this actor (canonical name or alias)")
    parser.add_argument("--all", action="store_true", help="include short quoted terms and scare quotes")
    parser.add_argument("--direct", action="store_true", help="only direct quotes (leave out reported speech)")
    parser.add_argument("--json", action="store_true", help="print a JSON array of quotes")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from reader.cli.common import load_gazetteer_for_cli, warn_about_problems
    from reader.index.archive import SAID_KINDS
    from reader.index.cli_support import open_synced_index
    from reader.store import resolve_store
    from reader.text import clean_line

    root = resolve_store(getattr(args, "store", None))
    kinds: tuple[str, ...] = ("statement",) if args.direct else SAID_KINDS
    if args.all:
        kinds += ("term",)
    with open_synced_index(root, load_gazetteer_for_cli(args)) as index:
        hits = index.quotes(actor=args.actor, kinds=kinds)
        warn_about_problems(index.problems())
        meant = _actors_named(args.actor, index.actors(weeks=0)) if args.actor and not hits and not args.json else []
    if args.json:
        document = [
            {
                "speaker": hit.quote.speaker,
                "article": hit.summary.id,
                "date": hit.summary.date.isoformat() if hit.summary.date else None,
                "text": hit.quote.text,
                "kind": hit.quote.kind,
                "start": hit.quote.start,
                "end": hit.quote.end,
                "cue": hit.quote.cue,
                "cue_group": hit.quote.cue_group,
                "speaker_kind": hit.quote.speaker_kind,
                "speaker_descriptor": hit.quote.speaker_descriptor,
            }
            for hit in hits
        ]
        print_json(document)
        return 0
    if not hits:
        print(f"no quotes by {clean_line(args.actor)} found" if args.actor else "no quotes found")
        for name in meant:
            print(f"did you mean: newsreader quotes --actor {_double_quoted(clean_line(name))}")
        return 0
    for hit in hits:
        when = hit.summary.date.isoformat() if hit.summary.date else "undated"
        speaker = clean_line(hit.quote.speaker) if hit.quote.speaker else _unnamed(hit.quote)
        reported = " (reported)" if hit.quote.kind == "reported" else ""
        print(f"{when}  {speaker}{reported}: {clean_line(hit.quote.text)}  [{hit.summary.id}]")
    return 0


def _unnamed(quote) -> str:
    from reader.text import clean_line

    if quote.speaker_kind == "anonymous" and quote.speaker_descriptor:
        return f"({clean_line(quote.speaker_descriptor)}, anonymous)"
    if quote.speaker_descriptor:
        from reader.present.citation import described

        return f"({clean_line(described(quote.speaker_descriptor) or '')})"  # "(a spokesman for the council)"
    return "(unattributed)"


MAX_MEANT = 3


def _actors_named(typed: str, actors) -> list[str]:
    """The actors, most quoted first, whose name has every word of `typed` but its titles
    (a surname alone, "Mr Roe", "Roe's"): an article that never calls someone by their
    surname alone gives them no actor of that name."""
    from reader.analysis.speakers import TITLES

    def words(name: str) -> set[str]:
        return {word.removesuffix("'s").removesuffix("\u2019s") for word in re.findall(r"[\w'\u2019-]+", name.casefold())}

    wanted = words(typed) - TITLES
    if not wanted:
        return []
    named = [actor for actor in actors if wanted <= words(actor.name) and actor.name.casefold() != typed.casefold()]
    named.sort(key=lambda actor: (-actor.quotes, -actor.articles, actor.name))
    return [actor.name for actor in named[:MAX_MEANT]]


def _double_quoted(name: str) -> str:
    """`name` as a shell reads it back between double quotes."""
    return '"' + re.sub(r'([\\"$`])', r"\\\1", name) + '"'
