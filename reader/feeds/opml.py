"""OPML in and out: feeds with their folders (nested outlines) and tags (`category`).

Reading goes through defusedxml: entity declarations that expand (billion laughs) and
external entities or DTDs are refused, never fetched or expanded.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element, SubElement, indent, tostring

from reader.errors import UserError
from reader.feeds.settings import FeedEntry, check_url, name_for_url
from reader.text import clean_line

MAX_OPML_BYTES = 10_000_000


def read_opml(data: bytes) -> tuple[list[FeedEntry], list[str]]:
    """The feeds of an OPML document, and a note for each outline left out.
    Raises UserError when the document is not OPML or is refused."""
    import defusedxml
    from defusedxml.ElementTree import ParseError, fromstring

    if len(data) > MAX_OPML_BYTES:
        raise UserError(f"OPML file larger than {MAX_OPML_BYTES // 1_000_000} MB; not read")
    try:
        root = fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except defusedxml.DefusedXmlException:
        raise UserError("OPML declares XML entities or external references; refused") from None
    except ParseError as error:
        raise UserError(f"not valid XML: {error}") from None
    if root.tag != "opml" or root.find("body") is None:
        raise UserError("not an OPML document (no <opml><body>)")
    entries: list[FeedEntry] = []
    notes: list[str] = []
    taken: set[str] = set()

    def walk(outline: Element, folders: list[str]) -> None:
        for child in outline.findall("outline"):
            label = clean_line(child.get("title") or child.get("text") or "")
            url = child.get("xmlUrl")
            if url is None:
                walk(child, [*folders, label] if label else folders)
                continue
            try:
                url = check_url(url)
            except ValueError as error:
                notes.append(f"outline {label or '(untitled)'!r}: {error}; skipped")
                continue
            name = label if label and label not in taken else name_for_url(url, taken)
            taken.add(name)
            entries.append(
                FeedEntry(
                    name=name,
                    url=url,
                    full_text=_flag(child.get("fullText")),
                    folder="/".join(folders) or None,
                    tags=tuple(_categories(child.get("category") or "")),
                )
            )

    walk(root.find("body"), [])
    return entries, notes


def write_opml(entries: list[FeedEntry], title: str = "newsreader feeds") -> bytes:
    """An OPML 2.0 document: one outline per folder (nested by `/`), feeds inside."""
    opml = Element("opml", version="2.0")
    SubElement(SubElement(opml, "head"), "title").text = title
    body = SubElement(opml, "body")
    folders: dict[str, Element] = {}

    def folder_element(path: str | None) -> Element:
        if not path:
            return body
        if path not in folders:
            parent, _, label = path.rpartition("/")
            folders[path] = SubElement(folder_element(parent), "outline", text=label, title=label)
        return folders[path]

    for entry in entries:
        attributes = {"type": "rss", "text": entry.name, "title": entry.name, "xmlUrl": entry.url}
        if entry.tags:
            attributes["category"] = ",".join(entry.tags)
        if entry.full_text is not None:
            attributes["fullText"] = "true" if entry.full_text else "false"
        SubElement(folder_element(entry.folder), "outline", attributes)
    indent(opml)
    return tostring(opml, encoding="utf-8", xml_declaration=True) + b"\n"


def _flag(value: str | None) -> bool | None:
    if value is None:
        return None
    return value.strip().lower() in ("true", "1", "yes")


def _categories(value: str) -> list[str]:
    """OPML categories are comma-separated, each maybe a `/`-path: the last part is the tag."""
    tags = []
    for item in value.split(","):
        tag = clean_line(item.strip().strip("/").rpartition("/")[2])
        if tag and tag not in tags:
            tags.append(tag)
    return tags
