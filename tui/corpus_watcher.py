"""The app's change watcher: notices other processes' commits (``broadsheet import`` or ``annotate`` in a shell)
and tells the app with a :class:`CorpusChanged` message.

Owned by the app (as toolong's app owns its file watcher): started on mount, closed on unmount. It is one
thread that only asks :class:`store.watch.ChangeWatcher` and posts messages; what changed is reloaded by the
screens, in background jobs, when the message reaches them. The app's own connections commit too, and the
database cannot tell them from another process's: a write the app shows by itself (the first run's samples)
runs inside :meth:`CorpusWatcher.own_writes`, so that it is not reported back as news.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from textual.message import Message

from store.watch import ChangeWatcher
from tui.background import BackgroundFailed


@dataclass
class CorpusChanged(Message, bubble=False):
    """Another connection committed new or re-imported ``articles``, or new or edited ``annotations`` (or tags).
    Posted to the app, which hands a copy to each screen: it does not bubble back up."""

    articles: bool
    annotations: bool


class CorpusWatcher:
    """Every ``POLL_SECONDS``, asks the database what other connections changed and posts what it hears."""

    POLL_SECONDS = 1.0

    def __init__(self, path: Path, post: Callable[[Message], object], since: ChangeWatcher | None = None) -> None:
        self.path = path
        self.post = post
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._watcher: ChangeWatcher | None = since
        self._own_writes = threading.Lock()  # held while the app writes what it shows by itself

    def start(self) -> None:
        """Remember the database's state now (unless it was taken earlier, ``since``), in the caller's thread,
        then watch it from a thread of its own.

        The state is read before the caller reads what it shows (the library, an article): read later, in the
        thread, a commit landing in between would be taken as the starting state and never reported."""
        if self._watcher is None:
            self._watcher = ChangeWatcher(self.path)
        self._thread = threading.Thread(target=self._run, name="corpus-watcher", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        watcher = self._watcher
        while not self._stop.wait(self.POLL_SECONDS):
            if not self._own_writes.acquire(blocking=False):
                continue  # the app is writing: what it commits meanwhile is not news
            try:
                changes = watcher.changes()
            except Exception as error:  # said by the app like any background failure; watching stops
                self.post(BackgroundFailed("corpus-watcher", error))
                return
            finally:
                self._own_writes.release()
            if changes and not self._stop.is_set():
                self.post(CorpusChanged(articles=changes.articles, annotations=changes.annotations))

    @contextmanager
    def own_writes(self) -> Iterator[None]:
        """Around a write of the app's own that it shows by itself (in a worker thread): watching pauses, and
        afterwards the database's state is taken as known, so the write is not reported back as another
        process's. A commit from elsewhere in that window is not reported either: the caller reads afresh
        what it shows once its write is done."""
        with self._own_writes:
            yield
            if self._watcher is not None:
                self._watcher.changes()  # the answer is the app's own write: taken as known, not posted

    def close(self) -> None:
        """Stop the thread (at most one check still running) and close the connection."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        if self._watcher is not None:
            self._watcher.close()
