"""`newsreader feed add|list|remove|import|export`: the feeds in the config file.

Nothing here touches the network: `fetch` does that.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.errors import UserError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("feed", help="add, list, remove, import or export the feeds to fetch")
    actions = parser.add_subparsers(title="actions", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="add a feed (RSS, Atom or JSON Feed URL) to the config")
    add.add_argument("url", metavar="URL")
    add.add_argument("--name", help="its name (default: from the URL's host); its articles go to feeds/NAME/")
    full = add.add_mutually_exclusive_group()
    full.add_argument("--full-text", dest="full_text", action="store_true", default=None,
                      help="always fetch each item's page for its full text")
    full.add_argument("--no-full-text", dest="full_text", action="store_false",
                      help="never fetch pages; keep what the feed says")
    add.add_argument("--folder", help="a folder to group it under")
    add.add_argument("--tag", dest="tags", action="append", default=[], metavar="TAG",
                     help="a tag for its articles (repeatable)")
    add.set_defaults(run=run_add)

    listing = actions.add_parser("list", help="the feeds in the config")
    listing.add_argument("--json", action="store_true", help="print them as JSON")
    listing.set_defaults(run=run_list)

    remove = actions.add_parser("remove", help="remove a feed from the config (its articles stay)")
    remove.add_argument("name", metavar="NAME")
    remove.set_defaults(run=run_remove)

    opml_in = actions.add_parser("import", help="add the feeds of an OPML file (folders and tags kept)")
    opml_in.add_argument("file", metavar="FILE.opml")
    opml_in.set_defaults(run=run_import)

    opml_out = actions.add_parser("export", help="write the feeds as OPML (to FILE, or standard output)")
    opml_out.add_argument("file", metavar="FILE", nargs="?")
    opml_out.set_defaults(run=run_export)


def _entries(*, warn: bool = True):
    from reader.feeds.settings import configured_feeds

    _, entries, warnings = configured_feeds()
    if warn:
        for warning in warnings:
            print(f"newsreader: {warning}", file=sys.stderr)
    return entries


def run_add(args: argparse.Namespace) -> int:
    from reader.feeds.settings import FeedEntry, add_feeds, check_url, name_for_url
    from reader.text import clean_line

    try:
        url = check_url(args.url)
    except ValueError as error:
        raise UserError(str(error)) from None
    name = clean_line(args.name or "") or name_for_url(url, {entry.name for entry in _entries()})
    entry = FeedEntry(
        name=name,
        url=url,
        full_text=args.full_text,
        folder=clean_line(args.folder or "") or None,
        tags=tuple(tag for tag in (clean_line(t) for t in args.tags) if tag),
    )
    added, skipped = add_feeds([entry])
    if skipped:
        hint = "; choose another --name" if "already exists" in skipped[0] else ""
        raise UserError(skipped[0] + hint)
    print(f"added feed {name!r}: {url} (articles go to feeds/{entry.slug}/; run `newsreader fetch` to fetch it)")
    return 0


def run_list(args: argparse.Namespace) -> int:
    entries = _entries()
    if args.json:
        from reader.cli.json_output import print_json

        print_json(
            [
                {"name": e.name, "url": e.url, "full_text": e.full_text, "folder": e.folder,
                 "tags": list(e.tags), "store_folder": f"feeds/{e.slug}"}
                for e in entries
            ]
        )
        return 0
    if not entries:
        print("no feeds yet; add one with `newsreader feed add URL`")
        return 0
    from rich.cells import cell_len

    from reader.text import safe_name

    names = [safe_name(entry.name) for entry in entries]
    name_cells = max(cell_len(name) for name in names)
    for name, entry in zip(names, entries):
        details = [f"folder {entry.folder}"] if entry.folder else []
        if entry.tags:
            details.append("tags " + ", ".join(entry.tags))
        if entry.full_text is not None:
            details.append("full text always" if entry.full_text else "no full text")
        suffix = f"  ({'; '.join(details)})" if details else ""
        print(name + " " * (name_cells - cell_len(name)) + "  " + safe_name(f"{entry.url}{suffix}"))
    return 0


def run_remove(args: argparse.Namespace) -> int:
    from reader.feeds.settings import remove_feed

    remove_feed(args.name)
    print(f"removed feed {args.name!r} (its articles stay in the store)")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from reader.feeds.opml import MAX_OPML_BYTES, read_opml
    from reader.feeds.settings import add_feeds

    path = Path(args.file)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_OPML_BYTES + 1)
    except OSError as error:
        raise UserError(f"cannot read {path}: {error.strerror or error}") from None
    try:
        entries, notes = read_opml(data)
    except UserError as error:
        raise UserError(f"{path}: {error}") from None
    added, skipped = add_feeds(entries) if entries else ([], [])
    for note in [*notes, *skipped]:
        print(f"newsreader: {note}", file=sys.stderr)
    print(f"{path.name}: {len(added)} feeds added, {len(skipped)} already there, {len(notes)} outlines skipped")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from reader.feeds.opml import write_opml

    document = write_opml(_entries())
    if args.file:
        from reader.atomic import write_atomic

        try:
            write_atomic(Path(args.file), document)
        except OSError as error:
            raise UserError(f"cannot write {args.file}: {error.strerror or error}") from None
    else:
        sys.stdout.write(document.decode("utf-8"))
    return 0
