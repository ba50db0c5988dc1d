"""`newsreader fetch [NAME…]`: download the configured feeds into the store, now.

One line per feed (on a terminal, a progress line above them too); `--json` prints a
summary instead. The exit status is 1 only when every feed failed.
"""

from __future__ import annotations

import argparse
import sys
import threading

from reader.cli import add_store_option
from reader.errors import UserError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("fetch", help="download the feeds in the config into the store")
    add_store_option(parser)
    parser.add_argument("names", nargs="*", metavar="NAME", help="only these feeds (default: all)")
    parser.add_argument("--json", action="store_true", help="print a JSON summary")
    parser.add_argument("--timeout", type=float, metavar="SECONDS",
                        help="give up on a server that is silent this long (default: 15)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from reader.cli.cmd_add import writable_store
    from reader.feeds.download import Limits
    from reader.feeds.run import fetch_feeds
    from reader.feeds.settings import configured_feeds
    from reader.store import resolve_store

    root = writable_store(resolve_store(getattr(args, "store", None)))
    _, entries, warnings = configured_feeds()
    for warning in warnings:
        print(f"newsreader: {warning}", file=sys.stderr)
    entries = _chosen(entries, args.names)
    limits = Limits()
    if args.timeout is not None:
        if not args.timeout > 0:
            raise UserError("--timeout must be a number of seconds above 0")
        limits = replace(limits, timeout=args.timeout, deadline=max(limits.deadline, args.timeout))

    show = _Progress(quiet=args.json, live=sys.stderr.isatty() and not args.json)
    cancel = threading.Event()
    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            outcome["results"] = fetch_feeds(entries, root, limits=limits, progress=show, cancel=cancel)
        except BaseException as error:  # handed to the main thread
            outcome["error"] = error

    worker = threading.Thread(target=work, name="fetch")
    worker.start()
    try:
        while worker.is_alive():
            worker.join(0.2)
    except KeyboardInterrupt:
        cancel.set()
        show.clear()
        print("newsreader: stopping: finishing the requests under way…", file=sys.stderr)
        worker.join()
        raise
    show.clear()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    results = outcome["results"]
    if args.json:
        from reader.cli.json_output import print_json

        print_json(
            {
                "feeds": [result.as_json() for result in results],
                "added": sum(len(r.added) for r in results),
                "updated": sum(len(r.updated) for r in results),
                "failed": sum(r.failed for r in results),
            }
        )
    else:
        added = sum(len(r.added) for r in results)
        failed = sum(r.failed for r in results)
        line = f"{_count(len(results), 'feed')}: {_count(added, 'new article')}"
        print(line + (f", {_count(failed, 'feed')} failed" if failed else ""))
    return 1 if results and all(r.failed for r in results) else 0


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _chosen(entries, names: list[str]):
    if not entries:
        raise UserError("no feeds in the config; add one with `newsreader feed add URL`")
    if not names:
        return entries
    by_name = {entry.name: entry for entry in entries}
    unknown = [name for name in names if name not in by_name]
    if unknown:
        raise UserError(f"no feed named {unknown[0]!r} (feeds: {', '.join(by_name)})")
    return [by_name[name] for name in dict.fromkeys(names)]


class _Progress:
    """Prints each feed's line when it is done; on a terminal, also a live line below them."""

    def __init__(self, *, quiet: bool, live: bool) -> None:
        self.quiet = quiet
        self.live = live
        self.shown = False

    def __call__(self, event) -> None:  # noqa: ANN001 - a FeedProgress
        if self.quiet:
            return
        if event.stage == "done":
            self.clear()
            print(describe(event.result), flush=True)
        if self.live:
            from reader.text import clean_line

            width = 20
            filled = width * event.feeds_done // max(1, event.feeds_total)
            detail = f"{clean_line(event.name)[:30]}: {event.stage}"
            if event.items_total:
                detail += f" {event.items_done}/{event.items_total}"
            line = f"[{'#' * filled}{'-' * (width - filled)}] {event.feeds_done}/{event.feeds_total} feeds  {detail}"
            sys.stderr.write("\r\x1b[K" + line[:120])
            sys.stderr.flush()
            self.shown = True

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
            self.shown = False


def describe(result) -> str:  # noqa: ANN001 - a FeedResult
    """One line for a feed's outcome, safe to print."""
    from reader.text import clean_line

    name = clean_line(result.name)
    if result.status == "failed":
        return f"{name}: failed: {clean_line(result.error or 'unknown error')}"
    if result.status in ("not modified", "cancelled"):
        return f"{name}: {result.status}"
    parts = [f"{len(result.added)} new", f"{len(result.updated)} updated", f"{result.unchanged} unchanged"]
    extra = []
    if result.full_text:
        extra.append(f"{result.full_text} full text")
    if result.summary_only:
        extra.append(f"{result.summary_only} summary only")
    if result.duplicates:
        extra.append(f"{result.duplicates} duplicate items")
    line = f"{name}: {', '.join(parts)}" + (f" ({', '.join(extra)})" if extra else "")
    for warning in result.warnings[:1]:
        line += f"; {clean_line(warning)}"
    return line
