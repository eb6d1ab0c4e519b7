"""The one way the app works in the background: a store function in a thread worker, its answer as a message.

::

    run_in_background(self, store.tags.list_tags, db_path=self.db_path, reply=TagsRead, group="tags")

runs ``list_tags(db)`` in a thread with a connection of its own (:func:`store.db.connection`, always closed) and
posts ``TagsRead(result)`` to ``self`` (a function that returns a message needs no ``reply``). The rules that keep
threads and widgets apart:

- a worker never reads or writes widget state: what it needs goes in as arguments, what it finds comes back
  as a message (a ``@dataclass``) handled on the UI thread;
- one job per ``group`` at a time by default (``exclusive``): a newer job cancels the older one, and a cancelled
  job's answer is never posted, so a late answer cannot overwrite a newer one;
- a failure comes back as a message too: ``failed(error)`` if given (None to ignore it), else
  :class:`BackgroundFailed` to the app, which says a refused write in one line and ends on anything else;
- what a job writes is the app's own (the app's ``watcher``, :meth:`tui.corpus_watcher.CorpusWatcher.own_writes`):
  not reported back a moment later as another process's write, so the caller shows it itself. A job whose
  writes the rest of the app learns of through the watcher, as it would of another process's, says
  ``report_writes=True`` (a feed update: its articles reach the library as they land).

Long store functions can stop early between steps by asking :func:`cancelled`.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual.dom import DOMNode
from textual.message import Message
from textual.worker import Worker, get_current_worker

from store.db import connection


@dataclass
class BackgroundFailed(Message):
    """A background job raised ``error`` and its caller did not say how to handle it (posted to the app)."""

    group: str
    error: BaseException


def cancelled() -> bool:
    """Whether the job running in this thread was cancelled (a newer job of its group, or its node went away)."""
    return get_current_worker().is_cancelled


def run_in_background(
    node: DOMNode,
    function: Callable[..., Any],
    *args: Any,
    group: str,
    db_path: Path | str | None = None,
    reply: Callable[[Any], Message | None] | None = None,
    failed: Callable[[BaseException], Message | None] | None = None,
    exclusive: bool = True,
    report_writes: bool = False,
) -> Worker:
    """Run ``function(db, *args)`` (``function(*args)`` without ``db_path``) in a thread worker of ``node``, and
    post ``reply(result)`` to ``node`` unless the job was cancelled — or the result itself when it is a message
    and there is no ``reply``. Nothing is posted when the answer is no message (None)."""
    writes = nullcontext if report_writes else _own_writes(node)

    def job() -> None:
        try:
            if db_path is None:
                result = function(*args)
            else:
                with connection(db_path) as db, writes():
                    result = function(db, *args)
        except Exception as error:
            if cancelled():
                return
            if failed is None:
                node.app.post_message(BackgroundFailed(group, error))
            elif (message := failed(error)) is not None:
                node.post_message(message)
            return
        message = reply(result) if reply is not None else result
        if isinstance(message, Message) and not cancelled():
            node.post_message(message)

    name = getattr(function, "__name__", group)
    return node.run_worker(job, name=name, group=group, exclusive=exclusive, thread=True, exit_on_error=False)


def _own_writes(node: DOMNode) -> Callable[[], AbstractContextManager[None]]:
    """What a job of ``node``'s wraps its writes in: its app's watcher's ``own_writes`` (an app without one, a
    test's bare app, watches nothing)."""
    watcher = getattr(node.app, "watcher", None)
    return watcher.own_writes if watcher is not None else nullcontext
