"""Files and URLs → articles in the database, each written by the article writer in its own transaction (idempotent
by content hash); many files are parsed and derived in worker processes."""

from __future__ import annotations

import contextlib
import gc
import importlib.resources
import multiprocessing
import os
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from store.article_writer import PreparedArticle, StoredVersions, prepare_article, stored_versions, write_article
from store.extract.teachings import Teachings
from store.ingest import iter_input_files, parse_file
from store.model import Problem
from store.teachings import load_teachings

if TYPE_CHECKING:
    from sqlite_utils import Database

Progress = Callable[[int, int, str], None]

IN_PROCESS_MAX_FILES = 8  # up to this many files (the app's seeds, a few files) no worker process is started
WORKERS = min(2, os.cpu_count() or 1)
# Below the writer, so the write lock is not held while the writer waits for a core (at 0 its holds doubled). Other
# sessions' processes are scheduled apart (autogroup), so this costs nothing against them: bench/RESULTS.md.
WORKER_NICENESS = 5
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


@dataclass
class PreparedFile:
    """One file, parsed and derived, ready to be written."""

    path: Path
    articles: list[PreparedArticle]
    problems: list[Problem]


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
    from store.web.fetch import is_url  # here: httpx is loaded only by an import that may fetch

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
        from store.web.urls import import_urls

        import_urls(db, urls, report, progress)
    return report


def import_seeds(db: Database, progress: Progress | None = None) -> ImportReport:
    """Import the sample articles shipped inside the package (the app does this on its first run)."""
    with importlib.resources.as_file(importlib.resources.files("seeds")) as folder:
        return import_paths(db, [folder], progress)


