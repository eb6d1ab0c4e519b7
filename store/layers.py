"""Layers derived from an article's text: computed from the text alone, then written in the article's transaction.

Deriving (entities, figures, quotes, claims) is pure CPU work on the text, its blocks and sentences, so the
importer does it before taking the write lock — or in another process — and the transaction only writes the
result. ``previous_text`` is None for a new article.

Staleness lives here too: layers are *stale* when they came from another extractor version or other teachings
than today's (:func:`stale_articles`), and :func:`refresh_stale` is the one place where they are brought up to
date, for every reader of the data (the app once its library is in, the CLI before it reads mentions).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from store import ledger
from store.annotations import reanchor_article
from store.db import write_transaction
from store.extract import EXTRACTOR_VERSION, extract
from store.extract.teachings import Teachings
from store.model import Block, Mention
from store.teachings import load_teachings

if TYPE_CHECKING:
    from sqlite_utils import Database

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class DerivedLayers:
    """Everything derived from one article's text (picklable): its mentions, quotes and claims, and the
    fingerprint of the teachings the mentions were extracted with."""

    mentions: list[Mention]
    quotes: list
    claims: list
    teachings: str


def derive_layers(
    text: str, blocks: list[Block], sentences: Sequence[tuple[int, int]], teachings: Teachings,
    article_id: int | None = None,
) -> DerivedLayers:
    """Compute every derived layer of one article without touching the database.

    ``teachings`` are the user's teachings (all, or only those relevant to the article); ``article_id`` selects
    the single-occurrence suppressions, so it is None for an article not stored yet.
    """
    relevant = teachings.relevant(text, article_id)
    found = extract(text, relevant, article_id)
    found_quotes, found_claims = ledger.derive_ledger(text, blocks, sentences, found)
    return DerivedLayers(found, found_quotes, found_claims, relevant.fingerprint())


def write_layers(db: Database, article_id: int, derived: DerivedLayers) -> None:
    """Replace the stored mentions, quotes and claims of one article (call inside the article's transaction)."""
    write_mentions(db, article_id, derived.mentions, derived.teachings)
    ledger.write_ledger(db, article_id, derived.quotes, derived.claims)


def write_mentions(db: Database, article_id: int, found: list[Mention], teachings_fingerprint: str) -> None:
    """Replace the stored mentions of one article by ``found`` and record the extractor version and the
    fingerprint of the teachings they were extracted with (call inside the article's transaction)."""
    db.execute("DELETE FROM mentions WHERE article_id = ?", [article_id])
    db.conn.executemany(
        'INSERT INTO mentions (article_id, start, "end", text, kind, label, entity, value, value_high, unit, hedge) '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (article_id, m.start, m.end, m.text, m.kind, m.label, m.entity, m.value, m.value_high, m.unit, m.hedge)
            for m in found
        ],
    )
    db.execute(
        "INSERT OR REPLACE INTO mention_state (article_id, extractor_version, teachings) VALUES (?, ?, ?)",
        [article_id, EXTRACTOR_VERSION, teachings_fingerprint],
    )


def stored_layout(db: Database, article_id: int) -> tuple[list[Block], list[tuple[int, int]]]:
    """The stored blocks and sentence spans of one article, in order."""
    blocks = [
        Block(kind, start, end, level)
        for kind, start, end, level in db.execute(
            'SELECT kind, start, "end", level FROM blocks WHERE article_id = ? ORDER BY seq', [article_id]
        )
    ]
    sentences = db.execute('SELECT start, "end" FROM sentences WHERE article_id = ? ORDER BY seq', [article_id])
    return blocks, [(start, end) for start, end in sentences]


def rebuild_article_layers(db: Database, article_id: int, text: str, previous_text: str | None) -> dict[str, int]:
    """Recompute every derived layer of one article from its stored layout and re-anchor its annotations when
    the text changed; returns how many annotations ended in each anchor state. Call inside the article's
    transaction (re-extraction does; the importer derives before its transaction and calls
    :func:`write_layers` and :func:`reanchor_changed` itself)."""
    blocks, sentences = stored_layout(db, article_id)
    write_layers(db, article_id, derive_layers(text, blocks, sentences, load_teachings(db), article_id))
    return reanchor_changed(db, article_id, text, previous_text)


def reanchor_changed(db: Database, article_id: int, text: str, previous_text: str | None) -> dict[str, int]:
    """Re-anchor the annotations of an article whose text changed; returns how many ended in each state."""
    if previous_text is not None and previous_text != text:
        return reanchor_article(db, article_id, previous_text, text)
    return {}


DERIVE_AHEAD = 4  # articles derived ahead of the writer: bounds the memory in flight
DERIVER_NICENESS = 5  # below the process that waits for the results (an app's interface, say)


def refresh_stale(db, progress: Progress | None = None, should_stop: Callable[[], bool] | None = None,
                  in_process: bool = True) -> int:
    """Re-derive the layers of every stale article (:func:`stale_articles`) from its stored text,
    one transaction each, calling ``progress(done, total)`` after each; returns how many were refreshed (fewer if
    ``should_stop()`` said stop between two). Articles read from web pages by another HTML extractor version
    are first derived again from their raw pages (:func:`store.web.pages.rederive_stale_pages`).

    With ``in_process=False`` the derivation, pure CPU work, runs in a worker process, so a program with an
    interface to keep responsive (the app) only reads and writes here; its writes check, under the lock, that the
    text and the teachings are still what was derived from (else derive again there)."""
    from store.web.pages import rederive_stale_pages  # here: the importer it uses imports this module

    def pages_progress(done: int, total: int) -> None:
        if progress:
            progress(done, total)
        if should_stop is not None and should_stop():
            raise _Stopped(done)

    try:
        rederived = rederive_stale_pages(db, pages_progress)
    except _Stopped as stopped:
        return stopped.done
    stale = stale_articles(db)
    if not stale:
        return rederived
    teachings = load_teachings(db)
    done = rederived
    with _deriver(in_process) as executor:
        pending: deque = deque()
        queue = iter(stale)
        while True:
            while len(pending) < DERIVE_AHEAD and (article_id := next(queue, None)) is not None:
                if (job := _derivation_job(db, article_id)) is not None:
                    text, blocks, sentences = job
                    future = executor.submit(derive_layers, text, blocks, sentences, teachings, article_id)
                    pending.append((article_id, text, future))
            if not pending or (should_stop is not None and should_stop()):
                return done
            article_id, text, future = pending.popleft()
            _write_derived(db, article_id, text, future.result())
            done += 1
            if progress:
                progress(done - rederived, len(stale))


class _Stopped(Exception):
    """Raised by the progress callback to stop re-deriving pages between two of them."""

    def __init__(self, done: int) -> None:
        super().__init__(done)
        self.done = done


def _derivation_job(db, article_id: int) -> tuple | None:
    row = db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
    if row is None:
        return None
    blocks, sentences = stored_layout(db, article_id)
    return row[0], blocks, sentences


def _write_derived(db, article_id: int, text: str, derived: DerivedLayers) -> None:
    """Write what was derived for ``text`` if it still applies (same text, same relevant teachings); derive
    again under the lock if not."""
    with write_transaction(db):
        row = db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
        if row is None:
            return
        current = load_teachings(db).relevant(row[0], article_id).fingerprint()
        if row[0] == text and derived.teachings == current:
            write_layers(db, article_id, derived)
        else:
            rebuild_article_layers(db, article_id, row[0], row[0])


class _InProcess(Executor):
    """An executor that runs each call at once, in this process (the CLI: nothing to keep responsive)."""

    def submit(self, fn, /, *args, **kwargs):
        from concurrent.futures import Future

        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as error:
            future.set_exception(error)
        return future


@contextlib.contextmanager
def _deriver(in_process: bool) -> Iterator[Executor]:
    if in_process:
        yield _InProcess()
        return
    # spawn: a fork would copy the locks the caller's other threads (an interface's) hold at that moment
    _start_resource_tracker()
    executor = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"), initializer=_lower_priority)
    try:
        yield executor
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with the process's real standard error: it passes on the
    descriptor of ``sys.stderr``, which is -1 where an interface captures it (Textual does) and fails the start."""
    from multiprocessing import resource_tracker

    captured = sys.stderr
    sys.stderr = sys.__stderr__
    try:
        resource_tracker.ensure_running()
    finally:
        sys.stderr = captured


def _lower_priority() -> None:
    with contextlib.suppress(OSError):
        os.nice(DERIVER_NICENESS)


def stale_articles(db: Database) -> list[int]:
    """Articles whose mentions came from another extractor version or from other teachings than today's."""
    teachings = load_teachings(db)
    stale = {
        row[0]
        for row in db.execute(
            "SELECT a.id FROM articles a LEFT JOIN mention_state s ON s.article_id = a.id "
            "WHERE s.extractor_version IS NOT ?",
            [EXTRACTOR_VERSION],
        )
    }
    # Only articles that had teachings, or contain a taught text, can disagree with today's teachings;
    # SQLite finds them without loading every text into Python.
    words = sorted({word for word, _ in teachings.added} | teachings.suppressed_texts)
    candidates = {row[0] for row in db.execute("SELECT article_id FROM mention_state WHERE teachings != ''")}
    candidates |= set(teachings.suppressed_spans)
    for word in words:
        candidates.update(articles_containing(db, word))
    for article_id in sorted(candidates - stale):
        row = db.execute(
            "SELECT a.text, s.teachings FROM articles a JOIN mention_state s ON s.article_id = a.id WHERE a.id = ?",
            [article_id],
        ).fetchone()
        if row is not None and row[1] != teachings.relevant(row[0], article_id).fingerprint():
            stale.add(article_id)
    return sorted(stale)


def reextract_articles(db: Database, article_ids: list[int], progress: Progress | None = None) -> int:
    """Rebuild the layers of these articles from their stored text, one transaction each; returns how many.
    ``progress(done, total)`` is called after each (it may raise to stop between articles)."""
    for done, article_id in enumerate(article_ids, start=1):
        with write_transaction(db):
            row = db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
            if row is not None:
                rebuild_article_layers(db, article_id, row[0], row[0])
        if progress:
            progress(done, len(article_ids))
    return len(article_ids)


def articles_containing(db: Database, text: str) -> list[int]:
    """The ids of the articles whose text contains ``text`` (case-sensitive), in id order."""
    return [row[0] for row in db.execute("SELECT id FROM articles WHERE instr(text, ?) > 0 ORDER BY id", [text])]
