"""The command line: `newsreader` starts the app; subcommands serve pipes and scripts."""

from __future__ import annotations

import argparse
import importlib
import sys

from reader import __version__
from reader.errors import UserError

# Each subcommand lives in reader/cli/cmd_<name>.py and exposes
# `register(subparsers)`, which adds its parser and sets `run(args) -> int`.
SUBCOMMANDS = (
    "list", "show", "check", "analyze", "search", "actors", "quotes", "sources", "add", "import", "reindex", "feed", "fetch",
)


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The whole parser, or with `argv` given, one whose subcommands are only those
    `argv` can need: starting the app then imports none of them."""
    parser = argparse.ArgumentParser(
        prog="newsreader",
        description="A terminal reader for local news archives: who said what, highlighted.",
    )
    parser.add_argument("--version", action="version", version=f"newsreader {__version__}")
    add_store_option(parser)
    parser.add_argument("--theme", metavar="NAME", help="start with this Textual theme")
    parser.set_defaults(run=_run_app)
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name in _needed_subcommands(argv):
        importlib.import_module(f"reader.cli.cmd_{name}").register(subparsers)
    return parser


def _needed_subcommands(argv: list[str] | None) -> tuple[str, ...]:
    if argv is None or any(arg in ("-h", "--help") for arg in argv):
        return SUBCOMMANDS
    arguments = iter(argv)
    for arg in arguments:
        if arg in ("--store", "--theme"):
            next(arguments, None)  # its value
        elif not arg.startswith("-"):
            # A subcommand, or something unknown: argparse names the choices for that.
            return (arg,) if arg in SUBCOMMANDS else SUBCOMMANDS
    return ()


def add_store_option(parser: argparse.ArgumentParser) -> None:
    """`--store` is accepted before or after the subcommand name."""
    parser.add_argument(
        "--store",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="folder of articles (default: $NEWSREADER_STORE, the config file, or the bundled sample)",
    )


def _run_app(args: argparse.Namespace) -> int:
    from reader.ui.launch import run_app

    return run_app(store=getattr(args, "store", None), theme=args.theme)


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser(sys.argv[1:] if argv is None else argv).parse_args(argv)
        try:
            return args.run(args) or 0
        except Exception as error:
            from reader.index.cli_support import recover_from_index_error

            if not recover_from_index_error(args, error):  # a damaged index, moved aside: once more
                raise
            return args.run(args) or 0
    except UserError as error:
        from reader.text import safe_name

        # Messages may quote what the user typed or a file held.
        print(f"newsreader: {safe_name(str(error))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`newsreader list | head`).
        sys.stderr.close()
        return 0
    except Exception as exc:
        # A traceback is a bug: keep it in a report file, show the user one line.
        from reader.crashlog import crash_line, write_crash_report

        print(crash_line(exc, write_crash_report(exc)), file=sys.stderr)
        return 70
