"""Revisions: what changed in the open article between its last two texts, word by word."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static
from textual.worker import get_current_worker

from store.db import connect
from store.revisions import RevisionDiff, changed_paragraphs, diff_revisions, revision_count
from tui.screens.closing import ClosesOnce

CHANGE_STYLES = {"delete": "strike red", "insert": "bold green"}


def diff_text(paragraphs) -> Text:
    """The changed paragraphs, removed words struck through in red and added ones in green, a blank line
    between paragraphs."""
    text = Text()
    for number, paragraph in enumerate(paragraphs):
        if number:
            text.append("\n\n")
        for index, change in enumerate(paragraph):
            body = change.text.replace("\n", " ") if change.kind != "equal" else change.text
            if change.kind == "delete" and index + 1 < len(paragraph) and paragraph[index + 1].kind == "insert":
                body = body.rstrip() + " "  # keep the removed words apart from the added ones
            text.append(body, style=CHANGE_STYLES.get(change.kind, ""))
    return text


def summary_line(diff: RevisionDiff, count: int) -> str:
    if count < 2:
        return "This article has one revision: its text never changed."
    return f"Revision {diff.old} → {diff.new} of {count}: {diff.added} words added, {diff.removed} removed"


class RevisionDiffScreen(ClosesOnce, Screen[None]):
    """The word diff of an article's newest revision against the one before, read in a worker."""

    TITLE = "Revisions"
    DEFAULT_CSS = """
    RevisionDiffScreen #diff-summary { height: auto; padding: 0 1; background: $panel; }
    RevisionDiffScreen #diff-scroll { height: 1fr; padding: 1 2; }
    """
    BINDINGS = [Binding("escape", "close", "Back", id="diff.close")]

    def __init__(self, db_path: Path, article_id: int, title: str) -> None:
        super().__init__()
        self.db_path = db_path
        self.article_id = article_id
        self.sub_title = title

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Comparing revisions…", id="diff-summary")
        with VerticalScroll(id="diff-scroll"):
            yield Static(id="diff-body")
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="diff-load")
    def load(self) -> None:
        db = connect(self.db_path)
        try:
            diff = diff_revisions(db, self.article_id)
            count = revision_count(db, self.article_id)
        finally:
            db.close()
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._fill, diff, count)

    def _fill(self, diff: RevisionDiff, count: int) -> None:
        self.query_one("#diff-summary", Static).update(summary_line(diff, count))
        self.query_one("#diff-body", Static).update(diff_text(changed_paragraphs(diff.changes)))
        self.query_one("#diff-scroll").focus()

    def action_close(self) -> None:
        self.dismiss(None)
