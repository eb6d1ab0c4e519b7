"""Bringing stale data up to date, one article per transaction: the one place this is done, for every reader of
the data (the app once its library is in, the CLI before it reads mentions).

Two kinds of staleness, in this order: an article read from a web page by another HTML extractor version is
derived again from its raw page (:func:`store.pages.stale_pages`) through the article writer's update path;
then every article whose layers came from another extractor version or other teachings
(:func:`store.layers.stale_articles`) has its layers derived again from its stored text.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
import zlib
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor

from store.article_writer import store_article
from store.db import write_transaction
from store.ingest.html import HTML_EXTRACTOR_VERSION, NoArticleText, parse_html
from store.layers import (
    DerivedLayers,
    Progress,
    derive_layers,
    rebuild_article_layers,
    stale_articles,
    stored_layout,
    write_layers,
)
from store.model import RawPage
from store.pages import stale_pages
from store.teachings import load_teachings

DERIVE_AHEAD = 4  # articles derived ahead of the writer: bounds the memory in flight
DERIVER_NICENESS = 5  # below the process that waits for the results (an app's interface, say)


def refresh_stale(db, progress: Progress | None = None, should_stop: Callable[[], bool] | None = None,
                  in_process: bool = True) -> int:
    """Re-derive the layers of every stale article (:func:`store.layers.stale_articles`) from its stored text,
    one transaction each, calling ``progress(done, total)`` after each; returns how many were refreshed (fewer if
    ``should_stop()`` said stop between two). Articles read from web pages by another HTML extractor version
    are first derived again from their raw pages (:func:`rederive_stale_pages`).

    With ``in_process=False`` the derivation, pure CPU work, runs in a worker process, so a program with an
    interface to keep responsive (the app) only reads and writes here; its writes check, under the lock, that the
    text and the teachings are still what was derived from (else derive again there)."""

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




def rederive_stale_pages(db, progress: Progress | None = None) -> int:
    """Derive the text of every stale page's article again from its raw page and store it through the
    article writer (updated in place, annotations re-anchored); returns how many pages were read again.

    A page in which this extractor finds no article text keeps its article as it was (marked current, so it
    is not read again at every start)."""

    stale = stale_pages(db)
    for done, article_id in enumerate(stale, start=1):
        row = db.execute(
            "SELECT a.path, a.url, p.raw, p.content_type, p.final_url, p.etag, p.last_modified, p.encoding "
            "FROM articles a JOIN pages p ON p.article_id = a.id WHERE a.id = ?",
            [article_id],
        ).fetchone()
        if row is None:
            continue
        key, url, raw, content_type, final_url, etag, last_modified, encoding = row
        known = RawPage(b"", encoding, "", content_type, final_url, etag, last_modified)
        try:
            article = parse_html(zlib.decompress(raw), key, header_charset=encoding, url=final_url or url, page=known)
        except NoArticleText:
            with write_transaction(db):
                db.execute("UPDATE pages SET extractor = ? WHERE article_id = ?", [HTML_EXTRACTOR_VERSION, article_id])
        else:
            store_article(db, article)
        if progress:
            progress(done, len(stale))
    return len(stale)
