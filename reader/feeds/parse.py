"""A downloaded feed as items: RSS 0.9x/1.0/2.0 and Atom through feedparser, JSON Feed
(which feedparser does not read) with json.

A document that declares XML entities is refused before parsing: entity bombs and
external entities have no business in a feed. (feedparser would also drop such
declarations; refusing says so.)
"""

from __future__ import annotations

import calendar
import io
import json
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone
from urllib.parse import urljoin, urlsplit

from reader.feeds.html_text import html_to_text, looks_like_html
from reader.feeds.naming import short_hash
from reader.text import clean_line, clean_text

MAX_ITEMS = 1000  # per feed and fetch; a feed with more is cut (newest first is usual)
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
_FIRST_ELEMENT = re.compile(rb"<[A-Za-z_]")


class FeedParseError(Exception):
    """Not a feed we can read; the message is one line for the user."""


@dataclass(frozen=True)
class FeedItem:
    key: str  # what makes the item the same item next time: guid, else URL, else content
    url: str | None
    title: str | None
    published: date | None
    author: str | None
    content: str  # plain text of the full content the feed carries ("" if none)
    summary: str  # plain text of the summary ("" if none)
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class ParsedFeed:
    title: str | None
    items: list[FeedItem]
    duplicates: int = 0  # items whose key an earlier item already had
    warning: str | None = None  # parsed, but the document was not well-formed


def parse_feed(data: bytes, url: str, content_type: str = "") -> ParsedFeed:
    """The feed in `data`, downloaded from `url` (relative links resolve against it)."""
    stripped = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if "json" in content_type.lower() or stripped.startswith(b"{"):
        return _parse_json_feed(data, url)
    _refuse_entities(data)
    return _parse_xml_feed(data, url, content_type)


def _refuse_entities(data: bytes) -> None:
    head = data[:65536]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", "replace").encode("utf-8")
    else:
        head = head.replace(b"\x00", b"")  # UTF-16 without a BOM
    first = _FIRST_ELEMENT.search(head)
    prolog = head[: first.start()] if first else head
    if _ENTITY_DECLARATION.search(prolog):
        raise FeedParseError("the feed declares XML entities (a possible entity bomb or external entity); refused")


def _parse_xml_feed(data: bytes, url: str, content_type: str) -> ParsedFeed:
    import feedparser

    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    try:
        parsed = feedparser.parse(io.BytesIO(data), response_headers=headers, sanitize_html=True)
    except RecursionError:
        raise FeedParseError("nested too deeply to read") from None
    version = parsed.get("version") or ""
    entries = parsed.get("entries") or []
    if not entries and not version:
        problem = parsed.get("bozo_exception")
        detail = f" ({_one_line(problem)})" if problem else ""
        raise FeedParseError(f"not an RSS, Atom or JSON feed{detail}")
    warning = f"not well-formed XML, read leniently ({_one_line(parsed.get('bozo_exception'))})" if parsed.get("bozo") else None
    feed = parsed.get("feed") or {}
    items = [_xml_item(entry, url) for entry in entries[:MAX_ITEMS]]
    return _deduplicated(_text_line(feed.get("title")), items, warning)


def _xml_item(entry, base: str) -> FeedItem:  # noqa: ANN001
    link = _absolute(entry.get("link"), base)
    content = ""
    for part in entry.get("content") or []:
        content = _as_text(part.get("value") or "", part.get("type") or "")
        if content:
            break
    summary_detail = entry.get("summary_detail") or {}
    summary = _as_text(entry.get("summary") or "", summary_detail.get("type") or "")
    if content and content == summary:
        summary = ""
    stamp = entry.get("published_parsed") or entry.get("updated_parsed") or entry.get("created_parsed")
    published = datetime.fromtimestamp(calendar.timegm(stamp), timezone.utc).date() if stamp else None
    tags = tuple(t for t in (_text_line(tag.get("term")) for tag in entry.get("tags") or []) if t)
    guid = (entry.get("id") or "").strip()
    return FeedItem(
        key=guid or link or "",
        url=link,
        title=_text_line(entry.get("title")),
        published=published,
        author=_author(entry.get("author")),
        content=content,
        summary=summary,
        tags=tags[:20],
    )


def _parse_json_feed(data: bytes, url: str) -> ParsedFeed:
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise FeedParseError("JSON feed is not UTF-8") from None
    except (ValueError, RecursionError) as error:
        raise FeedParseError(f"not valid JSON ({_one_line(error)})") from None
    if not isinstance(document, dict) or not str(document.get("version", "")).startswith("https://jsonfeed.org/version/"):
        raise FeedParseError("not an RSS, Atom or JSON feed (JSON without a jsonfeed.org version)")
    raw_items = document.get("items")
    if not isinstance(raw_items, list):
        raise FeedParseError("JSON feed has no 'items' list")
    base = _string(document.get("home_page_url")) or url
    items = [_json_item(item, url, base) for item in raw_items[:MAX_ITEMS] if isinstance(item, dict)]
    return _deduplicated(_text_line(document.get("title")), items, None)


def _json_item(item: dict, feed_url: str, base: str) -> FeedItem:
    link = _absolute(_string(item.get("url")) or _string(item.get("external_url")), feed_url)
    content = _as_text(_string(item.get("content_html")), "text/html") or _as_text(_string(item.get("content_text")), "text/plain")
    summary = _as_text(_string(item.get("summary")), "text/plain")
    authors = item.get("authors") if isinstance(item.get("authors"), list) else [item.get("author")]
    names = [_string(a.get("name")) for a in authors if isinstance(a, dict)]
    raw_tags = item.get("tags") if isinstance(item.get("tags"), list) else []
    guid = _string(item.get("id")) or (str(item["id"]) if isinstance(item.get("id"), int) else "")
    return FeedItem(
        key=guid.strip() or link or "",
        url=link,
        title=_text_line(_string(item.get("title"))),
        published=_iso_date(_string(item.get("date_published")) or _string(item.get("date_modified"))),
        author=_text_line(", ".join(n for n in names if n)),
        content=content,
        summary=summary if summary != content else "",
        tags=tuple(t for t in (_text_line(_string(tag)) for tag in raw_tags) if t)[:20],
    )


def _deduplicated(title: str | None, items: list[FeedItem], warning: str | None) -> ParsedFeed:
    seen: set[str] = set()
    kept: list[FeedItem] = []
    for item in items:
        if not item.key:  # no guid, no link: the content is what it is
            item = replace(item, key="content:" + short_hash(f"{item.title}\n{item.content}\n{item.summary}", 20))
        if item.key in seen:
            continue
        seen.add(item.key)
        kept.append(item)
    return ParsedFeed(title, kept, len(items) - len(kept), warning)


def _as_text(value: str, kind: str) -> str:
    if not value:
        return ""
    if "html" in kind.lower() or looks_like_html(value):
        value = html_to_text(value)
    return clean_text(value).strip()


def _absolute(link: object, base: str) -> str | None:
    if not isinstance(link, str) or not link.strip():
        return None
    absolute = urljoin(base, link.strip())
    return absolute if urlsplit(absolute).scheme in ("http", "https") else None


def _iso_date(value: str) -> date | None:
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).astimezone(timezone.utc).date()
    except (ValueError, AttributeError):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None


_EMAIL_AND_NAME = re.compile(r"^\s*\S+@\S+\s*\((.+)\)\s*$")


def _author(value: object) -> str | None:
    """RSS writes `email (Name)`: the name is what a reader wants."""
    if isinstance(value, str) and (match := _EMAIL_AND_NAME.match(value)):
        value = match.group(1)
    return _text_line(value)


def _string(value: object) -> str:
    return value if isinstance(value, str) else ""


def _text_line(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    if looks_like_html(value):
        value = html_to_text(value)
    return clean_line(value) or None


def _one_line(error: object) -> str:
    return clean_line(str(error))[:160] if error is not None else ""
