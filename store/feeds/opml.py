"""OPML, the outline format feed readers (newsboat, Thunderbird, every web reader) exchange subscriptions in."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path


class OpmlError(ValueError):
    """A file that is not readable OPML; the message names the file and the reason."""


@dataclass(frozen=True, slots=True)
class Outline:
    """One subscription read from an OPML file: the feed's URL and the name the other reader gave it."""

    url: str
    name: str | None


def read_opml(path: Path | str) -> list[Outline]:
    """Every outline with an ``xmlUrl``, at any depth (folders are flattened), in document order.

    Entity declarations are refused before parsing (a "billion laughs" file cannot expand)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise OpmlError(f"{path}: {exc.strerror or exc}") from exc
    if b"<!ENTITY" in data or b"<!DOCTYPE" in data:
        raise OpmlError(f"{path}: DTDs and entity declarations are not accepted in OPML")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise OpmlError(f"{path}: not well-formed XML ({exc})") from exc
    if root.tag != "opml":
        raise OpmlError(f"{path}: not an OPML file (its root element is <{root.tag}>)")
    outlines = []
    for element in root.iter("outline"):
        url = (element.get("xmlUrl") or element.get("xmlurl") or "").strip()
        if url:
            name = (element.get("title") or element.get("text") or "").strip() or None
            outlines.append(Outline(url, name))
    return outlines


def write_opml(feeds: list[dict], title: str = "Broadsheet subscriptions") -> str:
    """An OPML 2.0 document with one ``rss`` outline per feed (``name``, ``url``, ``title`` keys)."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = format_datetime(datetime.now(UTC))
    body = ET.SubElement(root, "body")
    for feed in feeds:
        attributes = {"type": "rss", "text": feed["name"], "title": feed["title"] or feed["name"],
                      "xmlUrl": feed["url"]}
        ET.SubElement(body, "outline", attributes)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
