"""The app's change watcher: notices other processes' commits (``broadsheet import`` or ``annotate`` in a shell)
and tells the app with a :class:`CorpusChanged` message.

Owned by the app (as toolong's app owns its file watcher): started on mount, closed on unmount. It is one
thread that only asks :class:`store.watch.ChangeWatcher` and posts messages; what changed is reloaded by the
screens, in background jobs, when the message reaches them. The app's own connections commit too, and the
database cannot tell them from another process's: the app's writes run inside :meth:`CorpusWatcher.own_writes`
(every background job does, :func:`tui.background.run_in_background`), so that they are not reported back as
news, while another process's commit landing meanwhile still is.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
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
        """The database's state is taken now (unless it was taken earlier, ``since``), in the caller's thread:
        before the caller reads what it shows (the library, an article). Taken later, in the thread, a commit
        landing in between would be taken as the starting state and never reported."""
        self.path = path
        self.post = post
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._watcher = since if since is not None else ChangeWatcher(path)

    def start(self) -> None:
        """Watch from a thread of its own."""
        self._thread = threading.Thread(target=self._run, name="corpus-watcher", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self.POLL_SECONDS):
            try:
                changes = self._watcher.changes()
            except Exception as error:  # said by the app like any background failure; watching stops
                self.post(BackgroundFailed("corpus-watcher", error))
                return
            if changes and not self._stop.is_set():
                self.post(CorpusChanged(articles=changes.articles, annotations=changes.annotations))

    def own_writes(self) -> AbstractContextManager[None]:
        """Around the app's own writes (a background job, in its thread): what it commits there is not reported
        back as another process's (:meth:`store.watch.ChangeWatcher.mine`)."""
        return self._watcher.mine()

    def close(self) -> None:
        """Stop the thread (at most one check still running) and close the connection."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self._watcher.close()
