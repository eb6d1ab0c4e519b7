"""Files → :class:`~store.model.ParsedArticle`: decoding, blocks, sentences, references. No database here.

``parse_file`` dispatches on the file's extension; ``iter_input_files`` expands the paths a user gave.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from store.ingest.decode import IngestError, clean_text, read_text
from store.ingest.jsonl import parse_json, parse_jsonl
from store.ingest.markdown import parse_markdown
from store.ingest.text import parse_text
from store.model import Block, ParsedArticle, Problem

HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".jsonl", ".json", *HTML_SUFFIXES)
_WORD = re.compile(r"\w+")
_UNCOUNTED_KINDS = frozenset({"boilerplate", "reference"})


def count_words(text: str, blocks: Sequence[Block]) -> int:
    """Words a reader reads: those of every block except boilerplate and references."""
    return sum(len(_WORD.findall(text, b.start, b.end)) for b in blocks if b.kind not in _UNCOUNTED_KINDS)


def file_kind(path: Path) -> str:
    """The suffix that decides how a file is read: ``.html.gz`` counts as one, else the last suffix."""
    name = path.name.lower()
    return next((suffix for suffix in HTML_SUFFIXES if name.endswith(suffix)), path.suffix.lower())


def parse_file(path: Path) -> tuple[list[ParsedArticle], list[Problem]]:
    """Read one file into articles; what cannot be imported comes back as problems (never raised)."""
    path = Path(path)
    suffix = file_kind(path)
    if suffix not in SUPPORTED_SUFFIXES:
        return [], [Problem(str(path), _unsupported(suffix))]
    if suffix in HTML_SUFFIXES:
        return _parse_page(path)
    if suffix == ".jsonl":
        return parse_jsonl(path)
    try:
        raw, warnings = read_text(path)
    except IngestError as error:
        return [], [Problem(str(path), str(error))]
    text = clean_text(raw)
    if not text.strip():
        return [], [Problem(str(path), "empty file")]
    if suffix != ".json" and _looks_like_html(text):
        return _parse_page(path, f"the content is HTML, not {suffix} text: read as a web page")
    if suffix == ".json":
        articles, problems = parse_json(path, text)
    elif suffix in (".md", ".markdown"):
        articles, problems = [parse_markdown(text, str(path))], []
    else:
        articles, problems = [parse_text(text, str(path))], []
    for article in articles:
        article.warnings.extend(warnings)
    return articles, problems


def _looks_like_html(text: str) -> bool:
    from store.ingest.html import looks_like_html  # here: importing it digests the readers' code (its version)

    return looks_like_html(text)


def _parse_page(path: Path, warning: str | None = None) -> tuple[list[ParsedArticle], list[Problem]]:
    """A saved web page (or a text file holding one) → its article, with the raw page kept."""
    from store.ingest.html import parse_html, read_page_file

    try:
        article = parse_html(read_page_file(path), str(path))
    except IngestError as error:
        return [], [Problem(str(path), str(error))]
    if warning:
        article.warnings.insert(0, warning)
    return [article], []


def _unsupported(suffix: str) -> str:
    return f"unsupported file type '{suffix or '(none)'}' (supported: {', '.join(SUPPORTED_SUFFIXES)})"


def iter_input_files(paths: Iterable[Path]) -> Iterator[Path | Problem]:
    """Expand files and directories (recursively, sorted, hidden entries skipped) into importable files.

    A missing path, dangling symlink, unreadable file or unsupported file named explicitly yields a
    :class:`Problem`; unsupported files met while walking a directory are ignored, but a directory without
    any supported file is a problem.
    """
    seen: set[Path] = set()
    for path in paths:
        path = Path(path)
        if path.is_dir():
            yield from _walk_directory(path, seen)
            continue
        problem = _file_problem(path, explicit=True)
        if problem:
            yield problem
        elif _first_visit(path, seen):
            yield path


def _first_visit(path: Path, seen: set[Path]) -> bool:
    resolved = path.resolve()
    if resolved in seen:
        return False
    seen.add(resolved)
    return True


def _file_problem(path: Path, explicit: bool) -> Problem | None:
    if not path.exists():
        reason = "dangling symlink" if path.is_symlink() else "no such file or directory"
        return Problem(str(path), reason)
    if explicit and file_kind(path) not in SUPPORTED_SUFFIXES:
        return Problem(str(path), _unsupported(file_kind(path)))
    if not path.is_file():
        return Problem(str(path), "not a regular file")
    if not os.access(path, os.R_OK):
        return Problem(str(path), "cannot read: permission denied")
    return None


def _walk_directory(root: Path, seen: set[Path]) -> Iterator[Path | Problem]:
    found = False
    errors: list[OSError] = []
    for folder, dirnames, filenames in os.walk(root, onerror=errors.append):
        yield from (Problem(e.filename or str(root), f"cannot read directory: {e.strerror}") for e in errors)
        errors.clear()
        dirnames[:] = sorted(name for name in dirnames if not name.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or file_kind(Path(name)) not in SUPPORTED_SUFFIXES:
                continue
            found = True
            path = Path(folder, name)
            problem = _file_problem(path, explicit=False)
            if problem:
                yield problem
            elif _first_visit(path, seen):
                yield path
    yield from (Problem(e.filename or str(root), f"cannot read directory: {e.strerror}") for e in errors)
    if not found:
        yield Problem(str(root), f"no supported files ({', '.join(SUPPORTED_SUFFIXES)}) in this directory")
