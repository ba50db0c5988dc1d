"""Feed items as YAML articles in the store, one file each, written once and updated in place.

A feed's articles live in `<store>/feeds/<feed slug>/`, each named

    <YYYY-MM-DD>-<title slug>-<key hash>.yaml

where the key hash is the first 10 hex digits of the SHA-256 of the item's guid (else its
link, else its text). The hash finds the file again on the next fetch, so an item is never
added twice; the file keeps its first name even if the item's title or date change later.
Each file carries `feed_digest`, a hash of what the feed said about the item: only when that
changes is the file (and its full text) made again. Files are written atomically.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from reader.article_notes import PAGE_CUT, note_paragraph, summary_only
from reader.atomic import write_atomic
from reader.feeds.fulltext import PageText
from reader.feeds.naming import short_hash, slug
from reader.feeds.parse import FeedItem
from reader.feeds.settings import FeedEntry
from reader.text import clean_line, clean_text

_HASH_NAME = re.compile(r"-([0-9a-f]{10})\.yaml$")
_DIGEST_LINE = re.compile(r"^feed_digest: ['\"]?([0-9a-f]+)", re.MULTILINE)
_DATE_LINE = re.compile(r"^date: ['\"]?(\d{4}-\d{2}-\d{2})", re.MULTILINE)


@dataclass(frozen=True)
class Stored:
    path: Path
    digest: str | None
    day: date | None


class FeedFolder:
    """The articles of one feed already in the store, found by key hash."""

    def __init__(self, root: Path, entry: FeedEntry) -> None:
        self.root = root
        self.folder = entry.store_folder(root)
        self._by_hash: dict[str, Path] = {}
        if self.folder.is_dir():
            for path in self.folder.iterdir():
                match = _HASH_NAME.search(path.name)
                if match and not path.name.startswith("."):
                    self._by_hash.setdefault(match.group(1), path)

    def stored(self, item: FeedItem) -> Stored | None:
        path = self._by_hash.get(key_hash(item.key))
        if path is None:
            return None
        try:
            head = path.read_bytes()[:1_000_000].decode("utf-8", "replace")
        except OSError:
            return Stored(path, None, None)
        digest = _DIGEST_LINE.search(head)
        day = _DATE_LINE.search(head)
        return Stored(path, digest.group(1) if digest else None, _day(day.group(1)) if day else None)

    def write(self, item: FeedItem, document: dict[str, Any], stored: Stored | None) -> tuple[str, Path]:
        """Write the article: ("added" | "updated" | "unchanged", its path). OSError if it cannot,
        or if the folder or the file is a link (which could lead outside the store)."""
        self._check_inside()
        if stored is not None and stored.path.is_symlink():
            raise OSError(f"{stored.path.relative_to(self.root).as_posix()} is a link; not written through")
        text = dump_article(document).encode("utf-8")
        if stored is not None:
            try:
                if stored.path.read_bytes() == text:
                    return "unchanged", stored.path
            except OSError:
                pass
            write_atomic(stored.path, text)
            return "updated", stored.path
        path = self.folder / file_name(document, item)
        write_atomic(path, text)
        self._by_hash[key_hash(item.key)] = path
        return "added", path


    def _check_inside(self) -> None:
        root = self.root.resolve()
        for folder in (self.folder.parent, self.folder):
            if folder.is_symlink() or (folder.exists() and not folder.resolve().is_relative_to(root)):
                raise OSError(f"{folder.relative_to(self.root).as_posix()} is a link; nothing is written through it")


def key_hash(key: str) -> str:
    return short_hash(key, 10)


def item_digest(entry: FeedEntry, item: FeedItem) -> str:
    """A hash of everything that goes into the item's file except a fetched page."""
    parts = (item.key, item.url, item.title, item.published, item.author, item.content, item.summary, item.tags,
             entry.full_text, entry.tags)
    return short_hash(repr(parts), 16)


def file_name(document: dict[str, Any], item: FeedItem) -> str:
    day = document["date"].isoformat() if isinstance(document.get("date"), date) else "undated"
    return f"{day}-{slug(document.get('title') or '', 60, fallback='item')}-{key_hash(item.key)}.yaml"


def wants_page(entry: FeedEntry, item: FeedItem) -> bool:
    """Full text from the page: when the feed is set so, or (unset) when it has no content."""
    if not item.url or entry.full_text is False:
        return False
    return entry.full_text is True or not item.content


def article_document(
    entry: FeedEntry,
    feed_title: str | None,
    item: FeedItem,
    *,
    page: PageText | None,
    page_problem: str | None,
    stored: Stored | None,
    today: date,
) -> dict[str, Any] | None:
    """The article's YAML mapping (None when the item has no text at all)."""
    note = None
    if page is not None:
        body, text_from = page.text, "page"
        if page.cut:
            note = PAGE_CUT
    elif item.content:
        body, text_from = item.content, "feed"
    else:
        body, text_from = item.summary, "summary"
        if page_problem:
            note = summary_only(page_problem)
    title = item.title or (page.title if page else None)
    if not body:
        if not title:
            return None
        body = title
    published = item.published or (page.published if page else None) or (stored.day if stored else None) or today
    document: dict[str, Any] = {
        "title": title,
        "date": published,
        "source": feed_title or entry.name,
        "byline": item.author or (page.author if page else None),
        "url": item.url,
        "tags": list(dict.fromkeys([*entry.tags, *item.tags])) or None,
        "feed": entry.name,
        "guid": item.key,
        "text_from": text_from,
        "note": note,
        "feed_digest": item_digest(entry, item),
    }
    document = {key: _clean(value) for key, value in document.items() if value is not None}
    paragraphs = clean_text(body).strip()
    if note:  # the analysis leaves it out (reader.article_notes)
        paragraphs += "\n\n" + note_paragraph(clean_line(note))
    document["body"] = paragraphs
    return document


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return clean_line(value)
    if isinstance(value, list):
        return [clean_line(str(v)) for v in value if clean_line(str(v))]
    return value


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


class _Block(str):
    """Written as a YAML literal block (`|`), as bodies read best."""


_DUMPER: Any = None


def dump_article(document: dict[str, Any]) -> str:
    import yaml

    global _DUMPER
    if _DUMPER is None:
        base = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        _DUMPER = type("ArticleDumper", (base,), {})
        _DUMPER.add_representer(
            _Block, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style="|")
        )
    prepared = {key: _Block(value) if key == "body" else value for key, value in document.items()}
    return yaml.dump(prepared, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False)
