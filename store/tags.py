"""Tags: names (case-insensitive, no spaces), colours, and corpus-wide rename, merge and delete."""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from store.color_names import CSS_COLORS
from store.db import write_transaction

if TYPE_CHECKING:
    from sqlite_utils import Database

# Mid-tone colours that stay readable as underlines and text on dark and on light backgrounds.
PALETTE = (
    "#e05d5d",
    "#e08a3c",
    "#c9a227",
    "#5aa55a",
    "#2fa595",
    "#3d8fd6",
    "#7f6be0",
    "#b45fc9",
    "#d9589a",
    "#a07355",
    "#6f8a9a",
    "#8a9a3a",
)
_COLOR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


class TagError(ValueError):
    """A tag operation that cannot be done as asked; the message is one line."""


def normalize_tag(name: str) -> str:
    """A tag as stored: without a leading ``#`` and with runs of spaces turned into ``-`` (so ``#tag`` works in
    Markdown and Obsidian). Raises :class:`TagError` for an empty name."""
    cleaned = "-".join(str(name).strip().lstrip("#").split())
    if not cleaned:
        raise TagError(f"{name!r} is not a tag name")
    return cleaned


def default_color(name: str) -> str:
    """The palette colour of a tag: the same name gets the same colour in every database."""
    return PALETTE[zlib.crc32(name.casefold().encode("utf-8")) % len(PALETTE)]


def normalize_color(color: str) -> str:
    """``#rgb``, ``#rrggbb`` or a CSS colour name (``red``, ``dark orange``, ``DarkSlateGray``; case, spaces,
    hyphens and underscores ignored) → lowercase ``#rrggbb``; anything else is a :class:`TagError`."""
    color = color.strip()
    named = CSS_COLORS.get(re.sub(r"[\s_-]+", "", color).casefold())
    if named is not None:
        return named
    if not _COLOR.fullmatch(color):
        raise TagError(f"{color!r} is not a colour; give a name (red, dark orange) or #rrggbb")
    digits = color[1:].lower()
    return "#" + ("".join(ch * 2 for ch in digits) if len(digits) == 3 else digits)


def ensure_tags(db: Database, names: Iterable[str], colors: Mapping[str, str | None] | None = None) -> list[int]:
    """The ids of these tags (deduplicated case-insensitively, in order), creating missing ones with their
    colour from ``colors`` or the palette. Call inside a write transaction."""
    ids: list[int] = []
    for raw in names:
        name = normalize_tag(raw)
        row = db.execute("SELECT id FROM tags WHERE name = ?", [name]).fetchone()
        if row is None:
            given = colors.get(raw) if colors else None
            color = normalize_color(given) if given else default_color(name)
            row = (db.execute("INSERT INTO tags (name, color) VALUES (?, ?)", [name, color]).lastrowid,)
        if row[0] not in ids:
            ids.append(row[0])
    return ids


def list_tags(db: Database) -> list[dict]:
    """Every tag with its number of annotations and its colour, most used first."""
    rows = db.execute(
        """SELECT name, count(annotation_id), color FROM tags LEFT JOIN annotation_tags ON tag_id = tags.id
           GROUP BY tags.id ORDER BY count(annotation_id) DESC, name COLLATE NOCASE"""
    ).fetchall()
    return [{"name": name, "count": count, "color": color} for name, count, color in rows]


def rename_tag(db: Database, old: str, new: str) -> int:
    """Rename a tag everywhere; returns how many annotations carry it. Renaming onto another existing tag
    is refused (that is a merge); changing only the case is allowed."""
    new_name = normalize_tag(new)
    with write_transaction(db):
        tag_id = _tag_id(db, old)
        clash = db.execute("SELECT id FROM tags WHERE name = ?", [new_name]).fetchone()
        if clash and clash[0] != tag_id:
            raise TagError(f"tag {new_name!r} already exists; merge the two instead")
        db.execute("UPDATE tags SET name = ? WHERE id = ?", [new_name, tag_id])
        return _uses(db, tag_id)


def merge_tags(db: Database, source: str, target: str) -> int:
    """Give every annotation tagged ``source`` the tag ``target`` instead, then delete ``source``.
    Returns how many annotations now carry ``target``."""
    with write_transaction(db):
        source_id, target_id = _tag_id(db, source), _tag_id(db, target)
        if source_id == target_id:
            raise TagError(f"{source!r} and {target!r} are the same tag")
        db.execute(
            """UPDATE OR IGNORE annotation_tags SET tag_id = ? WHERE tag_id = ?""",
            [target_id, source_id],
        )
        db.execute("DELETE FROM tags WHERE id = ?", [source_id])
        return _uses(db, target_id)


def delete_tag(db: Database, name: str) -> int:
    """Remove a tag from every annotation and delete it (the annotations stay); returns how many had it."""
    with write_transaction(db):
        tag_id = _tag_id(db, name)
        uses = _uses(db, tag_id)
        db.execute("DELETE FROM tags WHERE id = ?", [tag_id])
        return uses


def set_tag_color(db: Database, name: str, color: str) -> str:
    """Set a tag's colour (``#rrggbb`` or a colour name); returns the colour stored, as ``#rrggbb``."""
    color = normalize_color(color)
    with write_transaction(db):
        db.execute("UPDATE tags SET color = ? WHERE id = ?", [color, _tag_id(db, name)])
    return color


def _tag_id(db: Database, name: str) -> int:
    row = db.execute("SELECT id FROM tags WHERE name = ?", [normalize_tag(name)]).fetchone()
    if row is None:
        raise TagError(f"no tag named {name!r} (see `broadsheet tags`)")
    return row[0]


def _uses(db: Database, tag_id: int) -> int:
    return db.execute("SELECT count(*) FROM annotation_tags WHERE tag_id = ?", [tag_id]).fetchone()[0]
