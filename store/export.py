"""Annotations out of and back into the database: Markdown, JSON Lines, CSV and W3C Web Annotation JSON-LD.

JSON Lines and W3C exports read back with :func:`import_annotations`, and so do Hypothesis exports (the JSON
its client exports and its search API returns), recognised by their shape. An annotation finds its article by
``path`` first; if no article has that path (another machine, another folder), by the article's URL, then
by its exact title — each only when it names one article. Its span is then found from the quote selector,
like a re-import: a JSON Lines record made on the same text (same hash) keeps its span and state verbatim.
Importing the same file twice adds nothing the second time (the same quote and context in the same article
with the same creation time — or, for items without one, the same quote and context — is already there).
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from store.anchoring import Selector, reanchor
from store.annotations import AnnotationError, list_annotations, now, restore_annotation
from store.db import write_transaction
from store.hypothesis import HypothesisSkip, from_hypothesis, hypothesis_id, hypothesis_items, url_variants
from store.model import Annotation

if TYPE_CHECKING:
    from sqlite_utils import Database

FORMATS = ("markdown", "jsonl", "csv", "w3c")
W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CSV_COLUMNS = ("id", "path", "title", "start", "end", "exact", "tags", "note", "anchor", "score", "created", "updated")
# What a JSON Lines record (or our W3C extension member) keeps so that a round trip reproduces the annotation.
VERBATIM = ("start", "end", "quote_start", "quote_end", "text_hash", "anchor", "score")
_MARKDOWN_SPECIALS = set("\\`*_[]<>#|~")


@dataclass
class ImportReport:
    """What an import did; ``problems`` are one-line messages naming the record (line or item number)."""

    imported: int = 0
    duplicates: int = 0
    orphaned: int = 0
    problems: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "imported": self.imported,
            "duplicates": self.duplicates,
            "orphaned": self.orphaned,
            "problems": self.problems,
        }


def export_annotations(db: Database, fmt: str, tag: str | None = None) -> str:
    """Every annotation (or those with ``tag``) in one of :data:`FORMATS`."""
    records = list_annotations(db, tag=tag)
    articles = _articles(db, {r.article_id for r in records})
    if fmt == "markdown":
        return _markdown(records, articles)
    if fmt == "jsonl":
        return "".join(
            json.dumps(_jsonl_record(r, articles[r.article_id]), ensure_ascii=False) + "\n" for r in records
        )
    if fmt == "csv":
        return _csv(records)
    if fmt == "w3c":
        return json.dumps(_w3c_collection(records, articles), ensure_ascii=False, indent=2) + "\n"
    raise ValueError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")


def _articles(db: Database, ids) -> dict[int, dict]:
    marks = ", ".join("?" for _ in ids)
    rows = db.execute(
        f"SELECT id, path, title, source, url, content_hash FROM articles WHERE id IN ({marks})", list(ids)
    ).fetchall()
    return {row[0]: dict(zip(("id", "path", "title", "source", "url", "content_hash"), row, strict=False))
            for row in rows}


def _markdown(records: list[Annotation], articles: dict[int, dict]) -> str:
    """Grouped by article (title, source, URL); each annotation a block quote, then its ``#tags`` and note."""
    out = ["# Annotations", ""]
    current = None
    for record in records:
        article = articles[record.article_id]
        if article["id"] != current:
            current = article["id"]
            out += [f"## {_escape_markdown(article['title'])}", ""]
            details = [_escape_markdown(part) for part in (article["source"],) if part]
            if article["url"]:
                details.append(f"<{article['url']}>")
            details.append(f"`{article['path']}`")
            out += [" · ".join(details), ""]
        out += ["> " + _escape_markdown(line) if line.strip() else ">" for line in record.exact.splitlines() or [""]]
        out.append("")
        meta = " ".join(f"#{tag}" for tag in record.tags)
        if record.anchor == "orphaned":
            meta = (meta + " " if meta else "") + "*(orphaned: this text is no longer in the article)*"
        elif record.anchor == "fuzzy":
            edited = "; a figure in it was edited" if record.figure_changed else ""
            meta = (meta + " " if meta else "") + f"*(re-anchored approximately, score {record.score:.2f}{edited})*"
        if meta:
            out += [meta, ""]
        if record.note.strip():
            out += [record.note.strip(), ""]
        out += ["---", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _escape_markdown(text: str) -> str:
    """Backslash-escape what would turn quoted text into markup (emphasis, links, headings, Obsidian tags,
    list markers at the start of a line)."""
    escaped = "".join("\\" + ch if ch in _MARKDOWN_SPECIALS else ch for ch in text)
    stripped = escaped.lstrip()
    indent = escaped[: len(escaped) - len(stripped)]
    if stripped[:1] in ("-", "+", "=") or (stripped.split(".", 1)[0].isdigit() and "." in stripped[:10]):
        head = stripped.split(" ", 1)[0]
        for mark in ("-", "+", "=", ".", ")"):
            if mark in head:
                position = head.index(mark)
                return indent + stripped[:position] + "\\" + stripped[position:]
    return escaped


def _jsonl_record(record: Annotation, article: dict) -> dict:
    return {
        "id": record.id,
        "article": {key: article[key] for key in ("path", "title", "source", "url", "content_hash")},
        **{
            key: getattr(record, key)
            for key in ("start", "end", "exact", "prefix", "suffix", "quote_start", "quote_end", "text_hash")
        },
        "tags": list(record.tags),
        "colors": dict(record.colors),
        **{key: getattr(record, key) for key in ("note", "anchor", "score", "created", "updated", "figure_changed")},
    }


def _csv(records: list[Annotation]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for record in records:
        writer.writerow(["; ".join(record.tags) if column == "tags" else getattr(record, column)
                         for column in CSV_COLUMNS])
    return buffer.getvalue()


def _w3c_collection(records: list[Annotation], articles: dict[int, dict]) -> dict:
    items = [_w3c_item(record, articles[record.article_id]) for record in records]
    return {
        "@context": W3C_CONTEXT,
        "id": f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'broadsheet:' + '|'.join(item['id'] for item in items))}",
        "type": "AnnotationCollection",
        "label": "Broadsheet annotations",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def _w3c_item(record: Annotation, article: dict) -> dict:
    """One W3C Web Annotation. Positions count code points; an orphan has only its quote selector. The
    ``broadsheet`` member carries what the model has no place for (article path, creation selector, anchor
    state, colours); other W3C producers' items anchor by their quote selector alone."""
    bodies = [{"type": "TextualBody", "purpose": "tagging", "value": tag} for tag in record.tags]
    if record.note:
        bodies.append(
            {"type": "TextualBody", "purpose": "commenting", "value": record.note, "format": "text/markdown"}
        )
    selectors: list[dict[str, Any]] = [
        {"type": "TextQuoteSelector", "exact": record.exact, "prefix": record.prefix, "suffix": record.suffix}
    ]
    if record.start is not None:
        selectors.append({"type": "TextPositionSelector", "start": record.start, "end": record.end})
    motivation = "commenting" if record.note else "tagging" if record.tags else "highlighting"
    identity = f"broadsheet:{article['path']}:{record.id}:{record.created}"
    return {
        "@context": W3C_CONTEXT,
        "id": f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, identity)}",
        "type": "Annotation",
        "motivation": motivation,
        "created": record.created,
        "modified": record.updated,
        "body": bodies,
        "target": {"source": article["url"] or Path(article["path"]).resolve().as_uri(), "selector": selectors},
        "broadsheet": {
            "path": article["path"],
            "title": article["title"],
            "colors": dict(record.colors),
            **{
                key: getattr(record, key)
                for key in ("start", "end", "quote_start", "quote_end", "text_hash", "anchor", "score")
            },
        },
    }


def import_annotations(db: Database, path_or_text: str | Path) -> ImportReport:
    """Read a JSON Lines, W3C or Hypothesis export (a file path, or the text itself) into the database."""
    text = Path(path_or_text).read_text(encoding="utf-8") if _is_path(path_or_text) else str(path_or_text)
    report = ImportReport()
    try:
        document = json.loads(text)
    except json.JSONDecodeError:
        document = None  # several lines: JSON Lines
    hypothesis = hypothesis_items(document)
    if hypothesis is not None:
        entries = []
        for number, item in enumerate(hypothesis, start=1):
            try:
                entries.append((f"annotation {number}{hypothesis_id(item)}", from_hypothesis(item)))
            except HypothesisSkip as exc:
                report.problems.append(f"annotation {number}{hypothesis_id(item)}: {exc}")
            except (KeyError, TypeError, IndexError, AttributeError):
                report.problems.append(f"annotation {number}{hypothesis_id(item)}: not a Hypothesis annotation")
    elif isinstance(document, dict) and document.get("type") in ("AnnotationCollection", "Annotation"):
        first = document.get("first")
        items = (
            [document]
            if document["type"] == "Annotation"
            else first.get("items", [])
            if isinstance(first, dict)
            else []
        )
        if document["type"] == "AnnotationCollection" and not isinstance(first, dict):
            report.problems.append("the collection has no embedded first page of items")
        entries = []
        for number, item in enumerate(items, start=1):
            try:
                entries.append((f"item {number}", _from_w3c(item)))
            except (KeyError, TypeError, StopIteration, AttributeError):
                report.problems.append(f"item {number}: not an annotation with a TextQuoteSelector target")
    else:
        entries = []
        # Records end at "\n" only: str.splitlines() would also cut at U+0085, U+2028... inside a JSON string.
        for number, line in enumerate(text.split("\n"), start=1):
            if line.strip():
                try:
                    entries.append((f"line {number}", _from_jsonl(json.loads(line))))
                except (json.JSONDecodeError, KeyError, TypeError) as exc:
                    report.problems.append(f"line {number}: not an annotation record ({exc})")
    seen: Counter = Counter()  # entries of this import per identity, so equal annotations are each kept
    with write_transaction(db):
        for where, entry in entries:
            _import_one(db, where, entry, report, seen)
    return report


def _is_path(value) -> bool:
    return isinstance(value, Path) or ("\n" not in value and len(value) < 4096 and Path(value).is_file())


def _from_jsonl(data: dict) -> dict:
    return {
        **{key: data[key] for key in ("exact", "prefix", "suffix", "tags", "note", "created", "updated")},
        "article": data["article"],
        "colors": data.get("colors") or {},
        "verbatim": {key: data[key] for key in VERBATIM},
        "figure_changed": data.get("figure_changed", False),
    }


def _from_w3c(item: dict) -> dict:
    bodies = item.get("body") or []
    bodies = bodies if isinstance(bodies, list) else [bodies]
    selectors = item["target"].get("selector") or []
    selectors = selectors if isinstance(selectors, list) else [selectors]
    quote = next(s for s in selectors if s.get("type") == "TextQuoteSelector")
    position = next((s for s in selectors if s.get("type") == "TextPositionSelector"), None)
    extra = item.get("broadsheet") or {}
    return {
        "exact": quote["exact"],
        "prefix": quote.get("prefix", ""),
        "suffix": quote.get("suffix", ""),
        "tags": [b["value"] for b in bodies if b.get("purpose") == "tagging"],
        "note": "\n\n".join(b["value"] for b in bodies if b.get("purpose") == "commenting"),
        "created": item.get("created"),
        "updated": item.get("modified") or item.get("created"),
        "article": {"path": extra.get("path"), "title": extra.get("title"), "url": item["target"].get("source")},
        "colors": extra.get("colors") or {},
        "position": position,
        "verbatim": {key: extra[key] for key in VERBATIM} if all(key in extra for key in VERBATIM) else None,
    }


def _import_one(db: Database, where: str, entry: dict, report: ImportReport, seen: Counter) -> None:
    found = _find_article(db, entry["article"])
    if isinstance(found, str):
        report.problems.append(f"{where}: {found}")
        return
    article_id, article_text, article_hash = found
    same = "SELECT count(*) FROM annotations WHERE article_id = ? AND exact = ? AND prefix = ? AND suffix = ?"
    params = [article_id, entry["exact"], entry["prefix"], entry["suffix"]]
    if entry["created"]:
        same, params = same + " AND created = ?", params + [entry["created"]]
    # A duplicate when the database already holds more such annotations than this import has met so far: two
    # annotations of one quote made in the same second both come back, and re-importing adds neither again.
    identity = tuple(params)
    stored = db.execute(same, params).fetchone()[0]
    seen[identity] += 1
    if stored >= seen[identity]:
        report.duplicates += 1
        return
    record = _place(entry, article_id, article_text, article_hash)
    record["id"] = db.execute("SELECT coalesce(max(id), 0) + 1 FROM annotations").fetchone()[0]
    try:
        restore_annotation(db, Annotation(**{**record, "tags": tuple(record["tags"])}))
    except (AnnotationError, ValueError, sqlite3.IntegrityError) as exc:
        report.problems.append(f"{where}: {exc}")
        return
    report.imported += 1
    report.orphaned += record["anchor"] == "orphaned"


def _place(entry: dict, article_id: int, text: str, digest: str) -> dict:
    """The record to store: the exported span as it was if made on this very text, else re-anchored."""
    verbatim, stamp = entry["verbatim"], entry["created"] or now()
    base = {key: entry[key] for key in ("exact", "prefix", "suffix", "tags", "colors", "note")}
    base.update(article_id=article_id, created=stamp, updated=entry["updated"] or stamp)
    if verbatim and verbatim["text_hash"] == digest:
        return {**base, **verbatim, "figure_changed": bool(entry.get("figure_changed"))}
    position = entry.get("position") or {}
    if verbatim:
        start, end, old_hash = verbatim["quote_start"], verbatim["quote_end"], verbatim["text_hash"]
    else:
        start, end, old_hash = position.get("start", 0), position.get("end", 0), None
    selector = Selector(entry["exact"], entry["prefix"], entry["suffix"], start, end)
    anchor = reanchor(selector, old_hash, text, digest)
    if not verbatim:
        # A W3C item has no text hash: the quote becomes this text's selector where it is found verbatim;
        # otherwise the hash stays unknown so a later re-import never takes the position as certain.
        old_hash = digest if anchor.state in ("exact", "moved") else ""
        start, end = (anchor.start, anchor.end) if old_hash else (start, end)
    return {
        **base,
        "start": anchor.start,
        "end": anchor.end,
        "quote_start": start,
        "quote_end": end,
        "text_hash": old_hash,
        "anchor": anchor.state,
        "score": anchor.score,
        "figure_changed": anchor.figure_changed,
    }


def _find_article(db: Database, article: dict) -> tuple[int, str, str] | str:
    """The article an exported annotation belongs to, by path, else URL, else title; or why none."""
    for column in ("path", "url", "title"):
        values = url_variants(article["urls"]) if column == "url" and article.get("urls") else [article.get(column)]
        for value in filter(None, values):
            rows = db.execute(f"SELECT id, text, content_hash FROM articles WHERE {column} = ?", [value]).fetchall()
            if len(rows) == 1:
                return rows[0]
    named = [f"{key} {article[key]!r}" for key in ("path", "url", "title") if article.get(key)]
    if not named:
        return "names no article (no path, url or title)"
    return "no article matches " + (", ".join(named[:-1]) + " or " + named[-1] if len(named) > 1 else named[0])
