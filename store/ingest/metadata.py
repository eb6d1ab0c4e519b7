"""A page's metadata as trafilatura finds it, limited to the fields an article keeps.

trafilatura's ``extract_metadata`` also searches the page for categories, tags and a licence, which Broadsheet
never stores (~8% of a page's import), and names the page's domain through the public-suffix list, which it
loads on first use (~0.2 s in every worker process) although the domain only matters for a page that names no
site. :func:`page_metadata` takes trafilatura's own steps, in its order, for title, author, URL, date and site
name, and looks the domain up only when it is needed. ``tests/web/test_metadata.py`` holds it to
``extract_metadata`` on pages that exercise each step.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from html import unescape

from courlan import extract_domain
from htmldate import find_date
from trafilatura.metadata import (
    META_URL,
    examine_meta,
    extract_author,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.utils import line_processing

_MAX_LENGTH = 10000  # trafilatura's Document.clean_and_trim cuts longer values to this many characters


@dataclass(frozen=True)
class PageMetadata:
    title: str | None
    author: str | None
    url: str | None
    date: str | None
    sitename: str | None
    found_url: str | None  # the URL as found, before trimming: the domain is read from it, as trafilatura does

    def source(self) -> str | None:
        """The site's name, else the domain of the page's URL (trafilatura's ``sitename or hostname``)."""
        if self.sitename:
            return self.sitename
        return _trimmed(extract_domain(self.found_url, fast=True)) if self.found_url else None


def page_metadata(tree, default_url: str | None = None) -> PageMetadata:
    """trafilatura's ``extract_metadata(tree, default_url, {"extensive_search": False})`` for the kept fields:
    dates from the page's metadata, not its text. The tree is read, never changed."""
    metadata = examine_meta(tree)
    if metadata.author and " " not in metadata.author:
        metadata.author = None
    with contextlib.suppress(Exception):  # as in trafilatura: a bug in its JSON-LD reader costs those fields only
        metadata = extract_meta_json(tree, metadata)
    title = metadata.title or extract_title(tree)
    author = metadata.author or extract_author(tree)
    url = metadata.url or extract_url(tree, default_url)
    date = find_date(tree, extensive_search=False, url=url)
    sitename = metadata.sitename or extract_sitename(tree)
    if sitename:
        sitename = sitename.lstrip("@")  # a Twitter handle
        if sitename and "." not in sitename and not sitename[0].isupper():
            sitename = sitename.title()
    elif url and (match := META_URL.match(url)):
        sitename = match[1]
    return PageMetadata(_trimmed(title), _trimmed(author), _trimmed(url), _trimmed(date), _trimmed(sitename), url)


def _trimmed(value: str | None) -> str | None:
    """What ``Document.clean_and_trim`` makes of a string: cut at 10,000 characters, entities decoded, spaces
    and control characters normalised (None when nothing is left)."""
    if not isinstance(value, str):
        return value
    if len(value) > _MAX_LENGTH:
        value = value[:_MAX_LENGTH - 1] + "…"
    return line_processing(unescape(value))
