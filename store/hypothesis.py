"""Reading Hypothesis (hypothes.is) exports: the JSON its client exports and its search API returns.

Each annotation is turned into the entry :func:`store.export.import_annotations` stores: quote selector,
tags, note, times, and what finds its article (its URI, then its document's title).
"""

from __future__ import annotations


class HypothesisSkip(ValueError):
    """A Hypothesis item that is not a highlight of quoted text (a reply, a page note); the message says which."""


def hypothesis_items(document) -> list | None:
    """The annotations of a Hypothesis export — the client's ``{"export_date", "annotations": [...]}``, the search
    API's ``{"total", "rows": [...]}``, or a bare list of its annotations — else None (another format)."""
    items = None
    if isinstance(document, dict):
        if isinstance(document.get("rows"), list):
            items = document["rows"]
        elif isinstance(document.get("annotations"), list) and ("export_date" in document
                                                                or "client_version" in document):
            items = document["annotations"]
    elif isinstance(document, list) and document:
        items = document
    if items is None or not all(isinstance(item, dict) for item in items):
        return None
    if items and not any("uri" in item and "target" in item for item in items):
        return None
    return items


def hypothesis_id(item) -> str:
    return f" ({item['id']})" if isinstance(item, dict) and isinstance(item.get("id"), str) else ""


def from_hypothesis(item: dict) -> dict:
    """One Hypothesis annotation: its TextQuoteSelector anchors it (the TextPositionSelector, counted in the web
    page's text, is only a hint); its Markdown text is the note; its URI and document title find the article."""
    targets = item.get("target") or []
    selectors = (targets[0].get("selector") or []) if targets else []
    quote = next((s for s in selectors if s.get("type") == "TextQuoteSelector"), None)
    if quote is None or not quote.get("exact"):
        kind = "a reply" if item.get("references") else "a page note"
        raise HypothesisSkip(f"{kind}, with no quoted text to anchor")
    position = next((s for s in selectors if s.get("type") == "TextPositionSelector"), None)
    title = (item.get("document") or {}).get("title")
    title = title[0] if isinstance(title, list) and title else title if isinstance(title, str) else None
    urls = [url for url in (item.get("uri"), targets[0].get("source")) if isinstance(url, str) and url]
    return {
        "exact": quote["exact"],
        "prefix": quote.get("prefix") or "",
        "suffix": quote.get("suffix") or "",
        "tags": [tag for tag in item.get("tags") or [] if isinstance(tag, str) and tag.strip().lstrip("#")],
        "note": item.get("text") or "",
        "created": item.get("created"),
        "updated": item.get("updated") or item.get("created"),
        "article": {"path": None, "title": title, "url": urls[0] if urls else None, "urls": urls},
        "colors": {},
        "position": position,
        "verbatim": None,
    }


def url_variants(urls: list[str]) -> list[str]:
    """The URLs an article may be stored under for a page annotated on the web: as given, then without its
    fragment, then with or without a trailing slash."""
    variants: list[str] = []
    for url in urls:
        bare = url.split("#", 1)[0]
        for candidate in (url, bare, bare.rstrip("/"), bare.rstrip("/") + "/"):
            if candidate and candidate not in variants:
                variants.append(candidate)
    return variants
