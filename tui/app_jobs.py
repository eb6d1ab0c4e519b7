"""What the app itself asks of the store in the background (first-run samples, stale highlights, the header's
counts), and the messages the answers come back in. See :mod:`tui.background`."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from tui.background import cancelled


@dataclass
class SamplesImported(Message):
    """The first run's sample import: how many were imported (None: the database was not empty), or why not."""

    imported: int | None
    error: str | None = None


@dataclass
class HighlightsRefreshed(Message):
    """How many articles had their highlights re-extracted for this version's extractor or today's teachings."""

    count: int


@dataclass
class CountsRead(Message):
    """The corpus counts for the header."""

    counts: dict[str, int]


def seed_if_empty(db) -> SamplesImported:
    """Import the sample articles into an empty database (the first run); a broken sample is reported, not
    raised, so it cannot keep the user out of the app. The app shows the samples itself, once (the watcher
    takes the import as the app's own, as every background job's writes)."""
    if db.execute("SELECT EXISTS (SELECT 1 FROM articles)").fetchone()[0]:
        return SamplesImported(None)
    from store.importer import import_seeds

    try:
        report = import_seeds(db)
    except Exception as exc:
        return SamplesImported(None, str(exc))
    return SamplesImported(report.imported)


def refresh_stale_highlights(db) -> int:
    """Re-extract the articles whose highlights came from an older extractor (after an upgrade) or from other
    teachings, one transaction each; the extraction runs in a worker process so that the interface never waits
    for it, and stops between two articles when the app closes."""
    from store.refresh import refresh_stale

    return refresh_stale(db, should_stop=cancelled, in_process=False)
