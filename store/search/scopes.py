"""The small scopes, scanned whole: article titles, canonical entity names, annotation notes and tags.

Their reads run to completion (``budget=None``; a cancelled search still stops them): a list cut short by
the time bound would be ranked, or cached, as if it were whole."""

from __future__ import annotations

from dataclasses import dataclass, replace

from store.search.filters import article_conditions, existing_tables
from store.search.hits import Hit


@dataclass(frozen=True, slots=True)
class Item:
    """A searchable text with the place in an article it stands for. ``anchored`` when ``text`` is exactly
    ``article text[start:end]`` (so ranges in it are ranges in the article)."""

    article_id: int
    path: str
    title: str
    source: str | None
    start: int
    end: int
    text: str
    kind: str
    anchored: bool


def article_info(engine, article_ids) -> dict[int, tuple[str, str, str | None]]:
    """``{id: (path, title, source)}`` for the given articles."""
    ids = sorted(article_ids)
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    rows = engine.run(f"SELECT id, path, title, source FROM articles WHERE id IN ({marks})", ids, budget=None)
    return {row[0]: row[1:] for row in rows}


def title_items(engine, parsed, article_id) -> list[Item]:
    """Every article title, placed on the article's title block when it has one (see :func:`anchor_titles`)."""
    where, params = article_conditions(engine.conn, parsed)
    if article_id is not None:
        where, params = f"{where} AND a.id = ?", [*params, article_id]
    rows = engine.run(
        f"""SELECT a.id, a.path, a.title, a.source, b.start, b."end"
            FROM articles a LEFT JOIN blocks b ON b.id = (
                SELECT id FROM blocks WHERE article_id = a.id AND kind = 'title' ORDER BY seq LIMIT 1)
            WHERE {where}""",
        params,
        budget=None,
    )
    return [Item(art, path, title, source, start or 0, end or 0, title, "title", False)
            for art, path, title, source, start, end in rows]


def anchor_titles(engine, items: list[Item]) -> list[Item]:
    """Mark the title items whose block holds exactly the title, so their matched ranges are ranges in the
    article text. Done for the few items shown only: it reads each article's text."""
    anchored = []
    for item in items:
        if item.kind == "title" and item.end > item.start:
            row = engine.run(
                'SELECT substr(text, ? + 1, ? - ?) FROM articles WHERE id = ?',
                [item.start, item.end, item.start, item.article_id],
                budget=None,
            )
            if row and row[0][0] == item.text:
                item = replace(item, anchored=True)
        anchored.append(item)
    return anchored


def entity_items(engine, parsed, article_id) -> list[Item]:
    """One item per canonical entity, named and placed by its first mention."""
    if "mentions" not in existing_tables(engine.conn):
        return []
    where, params = article_conditions(engine.conn, parsed)
    inner = "kind = 'entity' AND entity IS NOT NULL" + (" AND article_id = ?" if article_id is not None else "")
    rows = engine.run(
        f"""SELECT a.id, a.path, a.title, a.source, m.start, m."end", m.text
            FROM mentions m JOIN articles a ON a.id = m.article_id
            WHERE m.rowid IN (SELECT min(rowid) FROM mentions WHERE {inner} GROUP BY entity) AND {where}""",
        ([article_id] if article_id is not None else []) + params,
        budget=None,
    )
    return [Item(id_, path, title, source, start, end, text, "entity", True)
            for id_, path, title, source, start, end, text in rows]


def note_items(engine, parsed, article_id) -> list[Item]:
    """One item per annotation with a note or tags: its note followed by its tags as ``#tag``."""
    if not {"annotations", "annotation_tags", "tags"} <= existing_tables(engine.conn):
        return []
    where, params = article_conditions(engine.conn, parsed)
    if article_id is not None:
        where, params = f"{where} AND a.id = ?", [*params, article_id]
    rows = engine.run(
        f"""SELECT a.id, a.path, a.title, a.source, coalesce(an.start, an.quote_start),
                   coalesce(an."end", an.quote_end),
                   an.note, (SELECT group_concat('#' || t.name, ' ') FROM annotation_tags at
                             JOIN tags t ON t.id = at.tag_id WHERE at.annotation_id = an.id)
            FROM annotations an JOIN articles a ON a.id = an.article_id WHERE {where}""",
        params,
        budget=None,
    )
    items = []
    for id_, path, title, source, start, end, note, tags in rows:
        text = " ".join(part for part in (note, tags) if part)
        if text:
            items.append(Item(id_, path, title, source, start, end, text, "note", False))
    return items


ITEMS = {"titles": title_items, "entities": entity_items, "notes": note_items}


def to_hit(item: Item, ranges: list[tuple[int, int]], score: float) -> Hit:
    """A hit for an item; an item whose text is not the article's own points at its whole span."""
    matches = [(item.start + a, item.start + b) for a, b in ranges] if item.anchored else [(item.start, item.end)]
    return Hit(item.article_id, item.path, item.title, item.source, item.start, item.end, item.text, score,
               matches, item.kind, ranges)
