"""SQL conditions for the filters of a query, over a sentence row ``s`` (article_id, start, "end", text).

Tables other work fills (mentions, annotations and tags, quotes) are looked up when the query runs; a filter
whose table does not exist yet matches nothing rather than failing.
"""

from __future__ import annotations

from store.search.query import ParsedQuery

QUOTE_CHARS = ('"', "\u201c", "\u201d", "\u2018", "\u00ab", "\u00bb", "\u201e")


def existing_tables(conn) -> set[str]:
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}


def like_pattern(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def overlaps(table_alias: str) -> str:
    return (f'{table_alias}.article_id = s.article_id AND {table_alias}.start < s."end" AND {table_alias}."end" > '
            f's.start')


def sentence_conditions(conn, parsed: ParsedQuery, *, quotes_only: bool, article_id: int | None):
    """``(sql, params)``: conditions a sentence must meet, joined with AND (``"1"`` when there are none)."""
    tables = existing_tables(conn)
    clauses: list[str] = []
    params: list = []
    if article_id is not None:
        clauses.append("s.article_id = ?")
        params.append(article_id)
    for value in parsed.filters.get("source", ()):
        clauses.append(
            "s.article_id IN (SELECT id FROM articles WHERE lower(coalesce(source, '')) LIKE ? ESCAPE '\\')"
        )
        params.append(like_pattern(value))
    for value in parsed.filters.get("entity", ()):
        if "mentions" not in tables:
            return "0", []
        clauses.append(
            f"EXISTS (SELECT 1 FROM mentions m WHERE {overlaps('m')} AND m.kind = 'entity' "
            "AND (lower(coalesce(m.entity, '')) LIKE ? ESCAPE '\\' OR lower(m.text) LIKE ? ESCAPE '\\'))"
        )
        params += [like_pattern(value)] * 2
    for value in parsed.filters.get("label", ()):
        if "mentions" not in tables:
            return "0", []
        clauses.append(f"EXISTS (SELECT 1 FROM mentions m WHERE {overlaps('m')} AND upper(m.label) = upper(?))")
        params.append(value)
    for value in parsed.filters.get("tag", ()):
        if not {"annotations", "annotation_tags", "tags"} <= tables:
            return "0", []
        clauses.append(
            "EXISTS (SELECT 1 FROM annotations an JOIN annotation_tags at ON at.annotation_id = an.id "
            f"JOIN tags t ON t.id = at.tag_id WHERE {overlaps('an')} AND lower(t.name) = lower(?))"
        )
        params.append(value)
    if quotes_only:
        marks = " OR ".join("instr(s.text, ?) > 0" for _ in QUOTE_CHARS)
        params += list(QUOTE_CHARS)
        if "quotes" in tables:
            marks += f" OR EXISTS (SELECT 1 FROM quotes q WHERE {overlaps('q')})"
        clauses.append(f"({marks})")
    return " AND ".join(clauses) or "1", params


def article_conditions(conn, parsed: ParsedQuery):
    """``(sql, params)`` for an article row ``a``: its source, and the tags of its annotations."""
    tables = existing_tables(conn)
    clauses: list[str] = []
    params: list = []
    for value in parsed.filters.get("source", ()):
        clauses.append("lower(coalesce(a.source, '')) LIKE ? ESCAPE '\\'")
        params.append(like_pattern(value))
    for value in parsed.filters.get("tag", ()):
        if not {"annotations", "annotation_tags", "tags"} <= tables:
            return "0", []
        clauses.append(
            "EXISTS (SELECT 1 FROM annotations an JOIN annotation_tags at ON at.annotation_id = an.id "
            "JOIN tags t ON t.id = at.tag_id WHERE an.article_id = a.id AND lower(t.name) = lower(?))"
        )
        params.append(value)
    for key, test in (
        ("entity", "m.kind = 'entity' AND (lower(coalesce(m.entity, '')) || ' ' || lower(m.text)) LIKE ? ESCAPE '\\'"),
        ("label", "upper(m.label) = upper(?)"),
    ):
        for value in parsed.filters.get(key, ()):
            if "mentions" not in tables:
                return "0", []
            clauses.append(f"EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id AND {test})")
            params.append(like_pattern(value) if key == "entity" else value)
    return " AND ".join(clauses) or "1", params
