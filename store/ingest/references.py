"""A references section: ``[1] Publisher - "Title"`` entries with optional ``URL:`` and ``Date:`` lines.

In-text markers such as ``[1]`` stay in the text; the reader links them to these entries by number.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from store.model import Reference

# "[1]: url" is a Markdown link definition, not an entry.
_ENTRY = re.compile(r"\[(\d{1,4})\](?!:)\s*(\S.{0,400})\Z")
_URL_LINE = re.compile(r"(?:url|link|source url|web)\s*:\s*(\S+)\Z|((?:https?://|www\.)\S+)\Z", re.IGNORECASE)
_DATE_LINE = re.compile(r"(?:date|published|accessed|retrieved)(?: on)?\s*:\s*(\S.*)\Z", re.IGNORECASE)
# After a "References"/"Sources" line (a Markdown heading too), numbered lines "1. …" are entries as well.
_NUMBERED_ENTRY = re.compile(r"(\d{1,4})[.)]\s+(\S.{0,400})\Z")
_SECTION_HEADER = re.compile(r"(?:#+\s*)?(?:references|sources|citations|notes|bibliography)\s*:?\Z", re.IGNORECASE)
_INLINE_URL = re.compile(r"\s*<?((?:https?://|www\.)[^\s>]+)>?\Z")
_PUBLISHER_TITLE = re.compile(r"(?P<publisher>.+?)\s+[-–—]\s+(?P<title>\S.*)\Z"
                              r"|(?P<pub>[^“\"]+?)[,:]?\s+(?P<quoted>[“\"].+)\Z")
_QUOTE_PAIRS = {"“": "”", '"': '"', "‘": "’", "'": "'"}

Line = tuple[int, int]


def _strip_quotes(title: str) -> str:
    """Remove one pair of quotes around the whole title (inner quotes stay)."""
    title = title.strip()
    if len(title) >= 2 and _QUOTE_PAIRS.get(title[0]) == title[-1]:
        return title[1:-1].strip()
    return title


def parse_entry_text(body: str) -> tuple[str | None, str | None]:
    """``Reuters - "Title"`` → (publisher, title); a bare ``Some Database`` → (publisher, None)."""
    match = _PUBLISHER_TITLE.match(body)
    if not match:
        return body.strip() or None, None
    publisher = match.group("publisher") or match.group("pub")
    title = match.group("title") or match.group("quoted")
    return publisher.strip(), _strip_quotes(title) or None


def find_references(text: str, lines: Sequence[Line]) -> tuple[list[Reference], set[int]]:
    """Find reference entries among an article's lines (``(start, end)`` spans, whitespace-trimmed).

    An entry is accepted only as part of a section: two or more entries, an entry with a URL or date line,
    or entries after a "References"/"Sources" line — so a paragraph that happens to open with ``[3]`` stays a
    paragraph. Returns the references and the indices of the lines that belong to them.
    """
    references: list[Reference] = []
    used: set[int] = set()
    index = 0
    after_header = False
    while index < len(lines):
        group, index = _read_section(text, lines, index, numbered=after_header)
        if group and (after_header or len(group) > 1 or any(r.url or r.date for r, _ in group)):
            for reference, members in group:
                references.append(reference)
                used.update(members)
            continue
        if not group:
            start, end = lines[index]
            after_header = bool(_SECTION_HEADER.match(text, start, end))
            index += 1
    return references, used


def _read_section(
    text: str, lines: Sequence[Line], index: int, numbered: bool
) -> tuple[list[tuple[Reference, list[int]]], int]:
    """Read consecutive entries starting at ``index``; returns them and the index after the last one."""
    group: list[tuple[Reference, list[int]]] = []
    while index < len(lines):
        start, end = lines[index]
        entry = _ENTRY.match(text, start, end) or (numbered and _NUMBERED_ENTRY.match(text, start, end))
        if not entry:
            break
        members = [index]
        url = date = None
        index += 1
        while index < len(lines):
            line_start, line_end = lines[index]
            url_match = _URL_LINE.match(text, line_start, line_end) if url is None else None
            date_match = _DATE_LINE.match(text, line_start, line_end) if date is None else None
            if url_match:
                url = url_match.group(1) or url_match.group(2)
            elif date_match:
                date = date_match.group(1).strip()
            else:
                break
            members.append(index)
            index += 1
        body = entry.group(2)
        inline_url = _INLINE_URL.search(body)
        if inline_url:
            url = url or inline_url.group(1)
            body = body[: inline_url.start()].rstrip(" .,;–—-") or body
        publisher, title = parse_entry_text(body)
        entry_end = lines[members[-1]][1]
        group.append((Reference(int(entry.group(1)), publisher, title, url, date, start, entry_end), members))
    return group, index
