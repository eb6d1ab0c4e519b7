"""Files → articles in the database: one transaction per article, idempotent by content hash."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import importlib.resources
import multiprocessing
import os
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from store.db import write_transaction
from store.extract.teachings import Teachings
from store.ingest import count_words, iter_input_files, parse_file
from store.layers import DerivedLayers, derive_layers, reanchor_changed, write_layers
from store.model import ParsedArticle, Problem
from store.revisions import keep_first_revision, record_revision
from store.teachings import load_teachings
from store.web.pages import write_page

if TYPE_CHECKING:
    from sqlite_utils import Database

Progress = Callable[[int, int, str], None]
StoredVersions = dict[str, tuple[int, str]]  # article key → (id, content hash) as stored

IN_PROCESS_MAX_FILES = 8  # up to this many files (the app's seeds, a few files) no worker process is started
WORKERS = min(2, os.cpu_count() or 1)
WORKER_NICENESS = 5  # below the writer, so the write lock is not held while the writer waits for a core
AHEAD_PER_WORKER = 2  # files parsed and derived ahead of the writer, per worker: bounds the memory in flight


@dataclass
class ImportReport:
    """What an import did; ``skipped`` holds one :class:`Problem` per file or record not imported."""

    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    reanchored: Counter = field(default_factory=Counter)  # annotations of changed articles, by anchor state

    def as_dict(self) -> dict:
        return {
            "imported": self.imported,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": [{"path": p.path, "line": p.line, "reason": p.reason} for p in self.skipped],
            "warnings": self.warnings,
            "annotations": {state: n for state, n in self.reanchored.items() if n},
        }


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class PreparedArticle:
    """A parsed article with its content hash, word count and derived layers; ``derived`` is None when the
    stored version had the same hash (nothing to derive for an unchanged article)."""

    article: ParsedArticle
    digest: str
    words: int
    derived: DerivedLayers | None


@dataclass
class PreparedFile:
    """One file, parsed and derived, ready to be written."""

    path: Path
    articles: list[PreparedArticle]
    problems: list[Problem]


def prepare_article(article: ParsedArticle, teachings: Teachings, stored: StoredVersions) -> PreparedArticle:
    """Hash the article and, unless that version is stored already, derive its layers (no database here)."""
    digest = content_hash(article.text)
    article_id, stored_digest = stored.get(article.key, (None, None))
    words = count_words(article.text, article.blocks)
    if stored_digest == digest:
        return PreparedArticle(article, digest, words, None)
    derived = derive_layers(article.text, article.blocks, article.sentences, teachings, article_id)
    return PreparedArticle(article, digest, words, derived)


def prepare_file(path: Path, teachings: Teachings, stored: StoredVersions) -> PreparedFile:
    """Parse one file and derive the layers of each of its new or changed articles (pure CPU work)."""
    articles, problems = parse_file(path)
    return PreparedFile(path, [prepare_article(article, teachings, stored) for article in articles], problems)


@contextlib.contextmanager
def prepared_files(
    requests: Iterable[tuple[Path, StoredVersions]], teachings: Teachings, parallel: bool
) -> Iterator[Iterator[PreparedFile]]:
    """Prepared files in the order requested: in this process, or ``parallel`` in worker processes that keep
    at most a few files ahead of the consumer. Leaving the block stops the workers."""
    if not parallel or WORKERS < 2:
        yield (prepare_file(path, teachings, stored) for path, stored in requests)
        return
    context = multiprocessing.get_context(_start_method())
    if context.get_start_method() == "forkserver":
        # the server imports the extractor and trafilatura (web pages) once per process
        context.set_forkserver_preload(["store.importer", "trafilatura"])
    else:
        _preload()
        gc.freeze()  # what the workers inherit is never walked by their collections (nor copied by them)
    executor = ProcessPoolExecutor(WORKERS, mp_context=context, initializer=_start_worker,
                                   initargs=(os.getpid(),))
    try:
        yield _in_order(executor, requests, teachings, WORKERS * AHEAD_PER_WORKER)
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
        gc.unfreeze()


def _preload() -> None:
    """Load, before forking, what every worker would otherwise load for itself on its first file (~0.2 s of
    CPU each): the gazetteer, the claim vocabulary and trafilatura."""
    import trafilatura  # noqa: F401 — imported, not used: a worker reading a web page finds it loaded

    from store.extract.claim_vocabulary import vocabulary
    from store.extract.gazetteer import gazetteer

    gazetteer()
    vocabulary()


def _start_method() -> str:
    """``fork`` when this process runs a single thread (workers start at once, already warm); otherwise
    ``forkserver``, since a fork copies locks other threads (the TUI's) may be holding."""
    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return "forkserver"


def _in_order(executor, requests, teachings: Teachings, ahead: int) -> Iterator[PreparedFile]:
    pending: deque = deque()
    for path, stored in requests:
        pending.append(executor.submit(prepare_file, path, teachings, stored))
        if len(pending) >= ahead:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _start_worker(importer_pid: int) -> None:
    """In a worker: yield the CPU to the importing process, whose writes hold the database's write lock, and
    exit as soon as that process is gone (killed with SIGKILL, say) instead of waiting for work forever."""
    with contextlib.suppress(OSError):
        os.nice(WORKER_NICENESS)
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent and _alive(importer_pid):
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="watch-importer").start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def import_paths(db: Database, paths: Iterable[Path | str], progress: Progress | None = None) -> ImportReport:
    """Import files and directories (recursively) and http(s) URLs (fetched: :mod:`store.web.urls`). Each
    article is written in its own transaction, so an interrupted import leaves whole articles only, and
    running it again completes it.

    Parsing and deriving the layers happen before each transaction (in worker processes when there are
    many files), so the write lock is held only while rows are written."""
    from store.web.fetch import is_url

    report = ImportReport()
    paths = [path if isinstance(path, Path) else str(path) for path in paths]
    urls = [path for path in paths if isinstance(path, str) and is_url(path)]
    items = list(iter_input_files([Path(p) for p in paths if not (isinstance(p, str) and is_url(p))]))
    files = [item for item in items if isinstance(item, Path)]
    report.skipped.extend(item for item in items if isinstance(item, Problem))
    teachings = load_teachings(db)
    requests = ((path, stored_versions(db, path)) for path in files)
    with prepared_files(requests, teachings, parallel=len(files) > IN_PROCESS_MAX_FILES) as results:
        for done, prepared in enumerate(results, start=1):
            report.skipped.extend(prepared.problems)
            for item in prepared.articles:
                report.warnings.extend(f"{item.article.key}: {warning}" for warning in item.article.warnings)
                outcome = write_article(db, item, report.reanchored)
                setattr(report, outcome, getattr(report, outcome) + 1)
            if progress:
                progress(done, len(files), str(prepared.path))
    if urls:
        from store.web.urls import import_urls  # here: it uses this module's writer

        import_urls(db, urls, report, progress)
    return report


def import_seeds(db: Database, progress: Progress | None = None) -> ImportReport:
    """Import the sample articles shipped inside the package (the app does this on its first run)."""
    with importlib.resources.as_file(importlib.resources.files("seeds")) as folder:
        return import_paths(db, [folder], progress)


def store_article(db: Database, article: ParsedArticle, reanchored: Counter | None = None) -> str:
    """Insert or update one article with its blocks, sentences, references and derived layers.

    Returns ``"imported"``, ``"updated"`` or ``"unchanged"``. A changed text at the same path keeps the
    article's id (and reading state) so annotations can re-anchor; their new states are counted into
    ``reanchored``. Every text written is kept as the article's next revision (:mod:`store.revisions`).
    """
    stored = stored_versions(db, Path(article.key))
    return write_article(db, prepare_article(article, load_teachings(db), stored), reanchored)


def stored_versions(db: Database, path: Path | str) -> dict[str, tuple[int, str]]:
    """Article key → (id, content hash) of what is stored from one file (or URL): its own key, or its records'
    ``path#id`` keys."""
    name = str(path)
    rows = db.execute(
        "SELECT path, id, content_hash FROM articles WHERE path = ? OR (path > ? AND path < ?)",
        [name, name + "#", name + "$"],  # '$' follows '#': every 'path#…' key, through the primary index
    )
    return {key: (article_id, digest) for key, article_id, digest in rows}


def write_article(db: Database, item: PreparedArticle, reanchored: Counter | None = None) -> str:
    """Write one prepared article in its own transaction; see :func:`store_article`.

    The stored version is looked up again under the lock, since another process may have imported the same
    file meanwhile; the layers are derived again (under the lock) only if what they were derived for is no
    longer what is stored or taught."""
    article, digest = item.article, item.digest
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with write_transaction(db):
        existing = db.execute("SELECT id, content_hash, text FROM articles WHERE path = ?", [article.key]).fetchone()
        if existing and existing[1] == digest:
            if article.page is not None:  # same text: the page's newer bytes and validators are kept all the same
                write_page(db, existing[0], article.page)
            return "unchanged"
        derived = _current_derivation(db, item, existing[0] if existing else None)
        fields = {
            "title": article.title,
            "source": article.source,
            "published": article.published,
            "url": article.url,
            "byline": article.byline,
            "language": article.language,
            "words": item.words,
            "text": article.text,
            "content_hash": digest,
            "updated": now,
        }
        if existing:
            article_id, previous_text = existing[0], existing[2]
            keep_first_revision(db, article_id)
            assignments = ", ".join(f"{name} = ?" for name in fields)
            db.execute(f"UPDATE articles SET {assignments} WHERE id = ?", [*fields.values(), article_id])
            for table in ("blocks", "sentences", '"references"'):
                db.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
        else:
            previous_text = None
            fields.update(path=article.key, imported=now)
            names = ", ".join(fields)
            marks = ", ".join("?" for _ in fields)
            article_id = db.execute(f"INSERT INTO articles ({names}) VALUES ({marks})", list(fields.values())).lastrowid
        record_revision(db, article_id, article.text, digest, item.words, now)
        _insert_layout(db, article_id, article)
        if article.page is not None:
            write_page(db, article_id, article.page)
        write_layers(db, article_id, derived)
        anchors = reanchor_changed(db, article_id, article.text, previous_text)
        if reanchored is not None:
            reanchored.update(anchors)
    return "updated" if existing else "imported"


def _current_derivation(db: Database, item: PreparedArticle, article_id: int | None) -> DerivedLayers:
    """The prepared layers if they were derived with the teachings that apply now, else fresh ones."""
    article = item.article
    teachings = load_teachings(db)
    if item.derived is not None and item.derived.teachings == teachings.relevant(article.text, article_id).fingerprint():
        return item.derived
    return derive_layers(article.text, article.blocks, article.sentences, teachings, article_id)


def _insert_layout(db: Database, article_id: int, article: ParsedArticle) -> None:
    text = article.text
    db.conn.executemany(
        'INSERT INTO blocks (article_id, seq, kind, level, start, "end") VALUES (?, ?, ?, ?, ?, ?)',
        [(article_id, seq, b.kind, b.level, b.start, b.end) for seq, b in enumerate(article.blocks)],
    )
    db.conn.executemany(
        'INSERT INTO sentences (article_id, seq, start, "end", text) VALUES (?, ?, ?, ?, ?)',
        [(article_id, seq, start, end, text[start:end]) for seq, (start, end) in enumerate(article.sentences)],
    )
    db.conn.executemany(
        'INSERT INTO "references" (article_id, n, publisher, title, url, date, start, "end") '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(article_id, r.n, r.publisher, r.title, r.url, r.date, r.start, r.end) for r in article.references],
    )
