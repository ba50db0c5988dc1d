"""`newsreader import FILE.csv|FILE.jsonl`: a dataset becomes article files, one per row.

Each row is written as a YAML article named `DATE-SLUG-HASH.yaml`, where HASH
comes from the article's content: importing the same data again adds nothing.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from reader.cli import add_store_option
from reader.cli.json_output import print_json
from reader.errors import UserError
from reader.store.scan import MAX_BYTES

FIELDS = ("title", "date", "source", "byline", "dateline", "url", "tags", "body")
# Columns used when --map does not name one: the field's own name, then these.
_FALLBACK_COLUMNS = {
    "body": ("text", "content", "article", "story"),
    "title": ("headline",),
    "date": ("published", "published_at", "pubdate", "datetime", "time"),
    "source": ("publisher", "outlet", "agency"),
    "byline": ("author", "authors"),
    "url": ("link",),
}
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)
MAX_LISTED = 20


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("import", help="turn a CSV or JSONL dataset into article files, one per row")
    add_store_option(parser)
    parser.add_argument("dataset", metavar="FILE", help="a .csv, .tsv or .jsonl file with one article per row")
    parser.add_argument(
        "--map",
        metavar="FIELD=COLUMN,…",
        help=f"which column holds each field ({', '.join(FIELDS)}); e.g. body=text,date=published",
    )
    parser.add_argument("--into", metavar="SUBFOLDER", help="folder inside the store (default: one per year)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.set_defaults(run=run)


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    bad: list[tuple[int, str]] = field(default_factory=list)  # (row number, reason)


def run(args: argparse.Namespace) -> int:
    from reader.cli.cmd_add import subfolder, writable_store
    from reader.cli.common import store_rules
    from reader.store import resolve_store

    rules = store_rules()
    root = writable_store(resolve_store(getattr(args, "store", None)))
    dataset = Path(args.dataset)
    mapping = parse_mapping(args.map)
    folder = subfolder(root, args.into, outside_links=rules["outside_links"]) if args.into else None
    report = import_dataset(dataset, root, mapping, folder, **rules)
    if args.json:
        print_json(
            {
                "added": len(report.added),
                "skipped": len(report.skipped),
                "bad": [{"row": row, "reason": reason} for row, reason in report.bad],
                "files": report.added,
            }
        )
    else:
        from reader.text import safe_name

        print(
            f"{safe_name(dataset.name)}: {len(report.added)} added, {len(report.skipped)} already in the store, "
            f"{len(report.bad)} bad row{'' if len(report.bad) == 1 else 's'}"
        )
        for row, reason in report.bad[:MAX_LISTED]:
            print(f"  row {row}: {safe_name(reason)}", file=sys.stderr)
        if len(report.bad) > MAX_LISTED:
            print(f"  … and {len(report.bad) - MAX_LISTED} more bad rows", file=sys.stderr)
    return 1 if report.bad else 0


def parse_mapping(text: str | None) -> dict[str, str]:
    """`title=headline,body=text` → {"title": "headline", "body": "text"}."""
    mapping: dict[str, str] = {}
    if not text:
        return mapping
    for item in text.split(","):
        name, equals, column = item.partition("=")
        name, column = name.strip().lower(), column.strip()
        if not equals or not name or not column:
            raise UserError(f"--map wants FIELD=COLUMN pairs separated by commas, not {item.strip()!r}")
        if name not in FIELDS:
            raise UserError(f"--map: unknown field {name!r} (fields: {', '.join(FIELDS)})")
        mapping[name] = column
    return mapping


def import_dataset(
    dataset: Path,
    root: Path,
    mapping: dict[str, str],
    folder: Path | None,
    *,
    max_bytes: int = MAX_BYTES,
    outside_links: bool = False,
) -> ImportReport:
    """Write one article file per good row under `folder` (or `root/YEAR`): never a
    file the store would refuse as too large, never through a link out of the store."""
    from reader.cli.cmd_add import outside_store, write_new_file
    from reader.regular_file import size_text

    report = ImportReport()
    columns, rows = read_rows(dataset)
    resolved = resolve_columns(columns, mapping) if columns is not None else dict(mapping)
    for number, row in rows:
        if isinstance(row, str):  # a row the reader could not decode
            report.bad.append((number, row))
            continue
        if columns is None:  # JSONL: each row has its own keys
            resolved = resolve_columns(list(row), mapping, strict=False)
        try:
            document = row_document(row, resolved)
        except ValueError as error:
            report.bad.append((number, str(error)))
            continue
        text = dump_article(document)
        data = text.encode("utf-8")
        if len(data) > max_bytes:
            report.bad.append((number, f"larger than the {size_text(max_bytes)} limit (max_file_bytes); not imported"))
            continue
        target_folder = folder or root / (str(document["date"].year) if "date" in document else "undated")
        refusal = outside_store(root, target_folder, outside_links)
        if refusal:
            report.bad.append((number, refusal))
            continue
        target = target_folder / article_file_name(document, text)
        relative = target.relative_to(root).as_posix()
        if write_new_file(target, data):
            report.added.append(relative)
        else:
            report.skipped.append(relative)
    return report


def read_rows(dataset: Path) -> tuple[list[str] | None, Iterator[tuple[int, Any]]]:
    """(columns or None for JSONL, iterator of (row number, mapping or error text))."""
    suffix = dataset.suffix.lower()
    if suffix not in (".csv", ".tsv", ".jsonl", ".ndjson"):
        raise UserError(f"{dataset}: expected a .csv, .tsv or .jsonl file")
    from reader.regular_file import read_regular_file

    try:
        data = read_regular_file(dataset)  # a FIFO or device is refused, not read forever
    except OSError as error:
        raise UserError(f"cannot read {dataset}: {error.strerror or error}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UserError(f"{dataset}: not UTF-8 text (byte {error.start})") from None
    if suffix in (".jsonl", ".ndjson"):
        return None, _json_rows(text)
    csv.field_size_limit(10**8)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t" if suffix == ".tsv" else ",")
    try:
        header = next(reader)
    except StopIteration:
        raise UserError(f"{dataset}: empty file") from None
    except csv.Error as error:
        raise UserError(f"{dataset}: {error}") from None
    header = [column.strip() for column in header]
    return header, _csv_rows(reader, header)


def _csv_rows(reader, header: list[str]) -> Iterator[tuple[int, Any]]:
    number = 0
    while True:
        number += 1
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield number, f"unreadable CSV ({error})"
            return
        if not any(value.strip() for value in values):
            number -= 1  # blank lines are not rows
            continue
        if len(values) != len(header):
            yield number, f"has {len(values)} columns, the header has {len(header)}"
            continue
        yield number, dict(zip(header, values))


def _json_rows(text: str) -> Iterator[tuple[int, Any]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except ValueError as error:
            yield number, f"not JSON ({error.args[0] if error.args else error})"
            continue
        yield number, value if isinstance(value, dict) else "not a JSON object"


def resolve_columns(columns: list[str], mapping: dict[str, str], *, strict: bool = True) -> dict[str, str]:
    """Field → column: the user's --map, else a column named like the field."""
    by_lower = {column.lower(): column for column in columns}
    resolved: dict[str, str] = {}
    for name, column in mapping.items():
        actual = column if column in columns else by_lower.get(column.lower())
        if actual is None:
            if strict:
                raise UserError(f"--map {name}={column}: no such column (columns: {', '.join(columns)})")
            continue
        resolved[name] = actual
    for name in FIELDS:
        if name in resolved or name in mapping:
            continue
        for candidate in (name, *_FALLBACK_COLUMNS.get(name, ())):
            if candidate in by_lower:
                resolved[name] = by_lower[candidate]
                break
    if strict and "body" not in resolved:
        raise UserError(f"no body column; name one with --map body=COLUMN (columns: {', '.join(columns)})")
    return resolved


def row_document(row: dict[str, Any], columns: dict[str, str]) -> dict[str, Any]:
    """The article as a YAML-ready mapping, or ValueError saying what is wrong with the row."""
    from reader.store.fields import parse_date

    document: dict[str, Any] = {}
    for name in FIELDS:
        column = columns.get(name)
        value = row.get(column) if column is not None else None
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if name == "date":
            parsed, problem = parse_date(value if isinstance(value, (str, date)) else str(value))
            if parsed is None:
                raise ValueError(problem or f"unrecognised date {value!r}")
            document["date"] = parsed
        elif name == "tags":
            items = value if isinstance(value, list) else re.split(r"[;,]", str(value))
            tags = [str(item).strip() for item in items if str(item).strip()]
            if tags:
                document["tags"] = tags
        elif name == "body":
            document["body"] = _TRAILING_SPACE.sub("", str(value).replace("\r\n", "\n").replace("\r", "\n")).strip()
        else:
            document[name] = " ".join(str(value).split())
    if not document.get("body"):
        raise ValueError("empty body" if "body" in columns else "no body column in this row")
    return document


class _Block(str):
    """A string written as a YAML literal block (`|`), as article bodies read best."""


def _dumper():
    import yaml

    base = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

    class ArticleDumper(base):
        pass

    ArticleDumper.add_representer(
        _Block, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style="|")
    )
    return ArticleDumper


_DUMPER = None


def dump_article(document: dict[str, Any]) -> str:
    import yaml

    global _DUMPER
    if _DUMPER is None:
        _DUMPER = _dumper()
    prepared = {key: _Block(value) if key == "body" else value for key, value in document.items()}
    return yaml.dump(prepared, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False)


def article_file_name(document: dict[str, Any], text: str) -> str:
    day = document["date"].isoformat() if "date" in document else "undated"
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    return f"{day}-{slug(document.get('title') or document['body'])}-{digest}.yaml"


def slug(text: str, limit: int = 50) -> str:
    from reader.text import slug as text_slug

    return text_slug(text, limit, fallback="article")
