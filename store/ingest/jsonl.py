"""Article records: ``.jsonl`` (one JSON object per line, streamed) and ``.json`` (a list of them, or one).

Fields: ``title``, ``text`` or ``body`` (required), ``url``, ``source``, ``published`` or ``date``,
``byline`` or ``author``, ``id``. A record's text is read like a ``.txt`` file, one paragraph per line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from store.ingest.decode import MAX_FILE_BYTES, SNIFF_BYTES, IngestError, clean_text, decode_bytes, read_text
from store.ingest.text import parse_text
from store.model import ParsedArticle, Problem

_CHUNK = 1 << 20


def _field(record: dict, *names: str) -> str | None:
    """The first present field among ``names`` as one clean line of text; lists (several authors) joined."""
    for name in names:
        value = record.get(name)
        if isinstance(value, list):
            value = ", ".join(str(item) for item in value if item not in (None, ""))
        if value not in (None, ""):
            text = " ".join(clean_text(str(value)).split())
            if text:
                return text
    return None


def record_to_article(record: object, path: Path, fallback_id: int) -> ParsedArticle | str:
    """Build the article of one record, or return why it cannot be imported."""
    if not isinstance(record, dict):
        return f"record is a JSON {type(record).__name__}, not an object"
    body = record.get("text", record.get("body"))
    if body is None:
        return "record has no text (expected a 'text' or 'body' field)"
    if not isinstance(body, str):
        return f"record text is a JSON {type(body).__name__}, not a string"
    text = clean_text(body)
    if not text.strip():
        return "record text is empty"
    url = _field(record, "url")
    key = f"{path}#{_field(record, 'id') or url or fallback_id}"
    return parse_text(
        text,
        key,
        _field(record, "title"),
        source=_field(record, "source"),
        url=url,
        published=_field(record, "published", "date"),
        byline=_field(record, "byline", "author", "authors"),
    )


def _add(article: ParsedArticle | str, where: int, path: Path, keys: dict[str, int],
         articles: list[ParsedArticle], problems: list[Problem], line: int | None) -> None:
    """Collect one record's outcome; a key seen before is a problem, the first record wins."""
    label = None if line is not None else f"record {where}: "
    if isinstance(article, str):
        problems.append(Problem(str(path), f"{label or ''}{article}", line=line))
    elif article.key in keys:
        reason = f"duplicate record id (first seen at {'line' if line else 'record'} {keys[article.key]})"
        problems.append(Problem(str(path), f"{label or ''}{reason}", line=line))
    else:
        keys[article.key] = where
        articles.append(article)


def parse_json(path: Path, text: str) -> tuple[list[ParsedArticle], list[Problem]]:
    """A ``.json`` file: one record or a list of records (problems name the record's position)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return [], [Problem(str(path), f"invalid JSON: {error.msg} (column {error.colno})", line=error.lineno)]
    records = data if isinstance(data, list) else [data]
    articles: list[ParsedArticle] = []
    problems: list[Problem] = []
    keys: dict[str, int] = {}
    for number, record in enumerate(records, start=1):
        _add(record_to_article(record, path, number), number, path, keys, articles, problems, None)
    if not records:
        problems.append(Problem(str(path), "no records (an empty JSON list)"))
    return articles, problems


def _read_lines(handle):
    """Yield ``(line number, bytes or None)``; None for a line over the size limit (skipped unread)."""
    number = 0
    while True:
        raw = handle.readline(MAX_FILE_BYTES + 1)
        if not raw:
            return
        number += 1
        if len(raw) > MAX_FILE_BYTES and not raw.endswith(b"\n"):
            while (chunk := handle.readline(_CHUNK)) and not chunk.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, raw


def _streamed_lines(handle) -> Iterator[tuple[int, str | None, list[str] | str]]:
    """Decode line by line: ``(number, text, warnings)``, or ``(number, None, reason)`` for a bad line."""
    for number, raw in _read_lines(handle):
        if raw is None:
            yield number, None, f"line longer than {MAX_FILE_BYTES:,} bytes"
            continue
        try:
            line, warnings = decode_bytes(raw)
        except IngestError as error:
            yield number, None, str(error)
            continue
        yield number, line, warnings


def _whole_file_lines(path: Path) -> Iterator[tuple[int, str | None, list[str] | str]]:
    """UTF-16 (or binary) files cannot be split on newline bytes: decode them whole (raises IngestError)."""
    text, warnings = read_text(path)
    for number, line in enumerate(text.split("\n"), start=1):
        yield number, line, warnings


def parse_jsonl(path: Path) -> tuple[list[ParsedArticle], list[Problem]]:
    """A JSON Lines file, streamed line by line: a bad line is a problem, the other lines still import."""
    articles: list[ParsedArticle] = []
    problems: list[Problem] = []
    keys: dict[str, int] = {}
    saw_content = False
    try:
        with path.open("rb") as handle:
            if b"\x00" in handle.read(SNIFF_BYTES):
                lines = _whole_file_lines(path)
            else:
                handle.seek(0)
                lines = _streamed_lines(handle)
            for number, line, detail in lines:
                if line is None:
                    problems.append(Problem(str(path), str(detail), line=number))  # a reason, for a bad line
                    continue
                if not line.strip():
                    continue
                saw_content = True
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    problems.append(Problem(str(path), f"invalid JSON: {error.msg} (column {error.colno})",
                                            line=number))
                    continue
                article = record_to_article(record, path, number)
                if not isinstance(article, str):
                    article.warnings.extend(f"line {number}: {warning}" for warning in detail)
                _add(article, number, path, keys, articles, problems, number)
    except IngestError as error:
        problems.append(Problem(str(path), str(error)))
    except OSError as error:
        problems.append(Problem(str(path), f"cannot read: {error.strerror or error}"))
    if not saw_content and not problems:
        problems.append(Problem(str(path), "empty file"))
    return articles, problems
