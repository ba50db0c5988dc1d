"""The `feeds:` entries of the config file, checked, and the edits `feed add/remove` make.

    feeds:
      tidewater: https://example.org/feed.xml     # name -> URL
      council:                                     # name -> settings
        url: https://example.org/council.atom
        full_text: true                            # always fetch the linked page (false: never;
                                                   # unset: only for items that carry a summary)
        folder: Local                              # a label for grouping (kept by OPML)
        tags: [council, politics]                  # added to every article of the feed

Each feed's articles go to `<store>/feeds/<slug of the name>/`; two names with the same
slug would share a folder, so the second is refused with a warning.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from reader.errors import UserError
from reader.feeds.naming import slug

FEEDS_FOLDER = "feeds"
_SETTINGS = ("url", "full_text", "folder", "tags")


@dataclass(frozen=True)
class FeedEntry:
    name: str
    url: str
    full_text: bool | None = None  # None: only when an item has a summary and no content
    folder: str | None = None
    tags: tuple[str, ...] = ()

    @property
    def slug(self) -> str:
        return slug(self.name, fallback="feed")

    def store_folder(self, root: Path) -> Path:
        return root / FEEDS_FOLDER / self.slug


def check_url(url: str) -> str:
    """`url` stripped if it is an http(s) URL with a host, else ValueError saying why."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an http(s) URL: {url!r}")
    if any(ch.isspace() or ord(ch) < 0x20 or ord(ch) == 0x7F for ch in url):
        raise ValueError(f"URL has spaces or control characters: {url!r}")
    return url


def feed_entries(raw: dict[str, Any]) -> tuple[list[FeedEntry], list[str]]:
    """The usable feeds of a `feeds:` mapping, and a warning for each entry left out."""
    entries: list[FeedEntry] = []
    warnings: list[str] = []
    slugs: dict[str, str] = {}
    for name, value in (raw or {}).items():
        try:
            entry = _entry(name, value)
        except ValueError as error:
            warnings.append(f"feed {name!r}: {error}; ignored")
            continue
        other = slugs.get(entry.slug)
        if other is not None:
            warnings.append(f"feed {name!r} would share the folder feeds/{entry.slug} with {other!r}; ignored")
            continue
        slugs[entry.slug] = name
        entries.append(entry)
    return entries, warnings


def _entry(name: Any, value: Any) -> FeedEntry:
    if not isinstance(name, str) or not name.strip():
        raise ValueError("a feed name must be text")
    if isinstance(value, str):
        return FeedEntry(name=name, url=check_url(value))
    if not isinstance(value, dict):
        raise ValueError("must be a URL or a mapping with 'url'")
    unknown = [key for key in value if key not in _SETTINGS]
    if unknown:
        raise ValueError(f"unknown setting {unknown[0]!r} (known: {', '.join(_SETTINGS)})")
    if not isinstance(value.get("url"), str):
        raise ValueError("'url' is missing")
    full_text = value.get("full_text")
    if full_text is not None and not isinstance(full_text, bool):
        raise ValueError("'full_text' must be true or false")
    folder = value.get("folder")
    if folder is not None and not (isinstance(folder, str) and folder.strip()):
        raise ValueError("'folder' must be a name")
    tags = value.get("tags") or []
    if isinstance(tags, str):
        tags = tags.split(",")
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise ValueError("'tags' must be a list of words")
    return FeedEntry(
        name=name,
        url=check_url(value["url"]),
        full_text=full_text,
        folder=folder.strip() if folder else None,
        tags=tuple(tag.strip() for tag in tags if tag.strip()),
    )


def entry_value(entry: FeedEntry) -> str | dict[str, Any]:
    """How `entry` is written in the config: the bare URL when it has no settings."""
    if entry.full_text is None and entry.folder is None and not entry.tags:
        return entry.url
    value: dict[str, Any] = {"url": entry.url}
    if entry.full_text is not None:
        value["full_text"] = entry.full_text
    if entry.folder:
        value["folder"] = entry.folder
    if entry.tags:
        value["tags"] = list(entry.tags)
    return value


def name_for_url(url: str, taken: set[str]) -> str:
    """A feed name from a URL's host (`www.` left off), made unique against `taken`."""
    host = (urlsplit(url).hostname or "feed").removeprefix("www.")
    base = slug(host.replace(".", " "), 40, fallback="feed")
    name, number = base, 2
    taken_slugs = {slug(other, fallback="feed") for other in taken}
    while name in taken or name in taken_slugs:
        name, number = f"{base}-{number}", number + 1
    return name


# The config file -----------------------------------------------------------------------


def configured_feeds(config_path: Path | None = None) -> tuple[dict[str, Any], list[FeedEntry], list[str]]:
    """(the raw `feeds:` mapping, the usable entries, warnings) from the config file."""
    from reader.config import load_config

    config, warnings = load_config(config_path)
    entries, entry_warnings = feed_entries(config.feeds)
    return dict(config.feeds), entries, warnings + entry_warnings


def add_feeds(new: list[FeedEntry], config_path: Path | None = None) -> tuple[list[FeedEntry], list[str]]:
    """Append `new` to `feeds:` (atomically; the rest of the file, comments included, stays).
    Returns (added, reasons for the ones skipped: same name or same URL already there)."""
    raw, entries, _ = configured_feeds(config_path)
    urls = {entry.url: entry.name for entry in entries}
    slugs = {entry.slug: entry.name for entry in entries} | {slug(str(name), fallback="feed"): name for name in raw}
    added: list[FeedEntry] = []
    skipped: list[str] = []
    for entry in new:
        if entry.url in urls:
            skipped.append(f"{entry.url} is already the feed {urls[entry.url]!r}")
        elif entry.name in raw or entry.slug in slugs:
            skipped.append(f"a feed named {slugs.get(entry.slug, entry.name)!r} already exists")
        else:
            raw[entry.name] = entry_value(entry)
            urls[entry.url] = entry.name
            slugs[entry.slug] = entry.name
            added.append(entry)
    if added:
        _save(raw, config_path)
    return added, skipped


def remove_feed(name: str, config_path: Path | None = None) -> None:
    raw, _, _ = configured_feeds(config_path)
    if name not in raw:
        known = ", ".join(map(str, raw)) or "none"
        raise UserError(f"no feed named {name!r} (feeds: {known})")
    del raw[name]
    _save(raw, config_path)


def _save(raw: dict[str, Any], config_path: Path | None) -> None:
    from reader.config import ConfigSaveError, save_setting

    try:
        save_setting("feeds", raw, config_path, doing="save feeds")
    except ConfigSaveError as error:
        raise UserError(str(error)) from None
