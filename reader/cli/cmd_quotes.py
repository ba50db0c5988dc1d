"""`newsreader quotes`: everything said in the store, in date order, with its speaker."""

from __future__ import annotations

import argparse

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
