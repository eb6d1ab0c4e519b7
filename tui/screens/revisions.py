"""Revisions: what changed in the open article between its last two texts, word by word."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static

from store.revisions import RevisionDiff, changed_paragraphs, diff_revisions, revision_count
from tui.background import run_in_background
from tui.screens.closing import ClosesOnce
from tui.text import plural
from tui.widgets.app_header import AppHeader

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
    return f"Revision {diff.old} → {diff.new} of {count}: {plural(diff.added, 'word')} added, {diff.removed} removed"


@dataclass
class DiffRead(Message):
    """The diff of an article's last two revisions, and how many revisions it has."""

    diff: RevisionDiff
    count: int


def read_diff(db, article_id: int) -> DiffRead:
    return DiffRead(diff_revisions(db, article_id), revision_count(db, article_id))


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
        yield AppHeader()
        yield Static("Comparing revisions…", id="diff-summary")
        with VerticalScroll(id="diff-scroll"):
            yield Static(id="diff-body")
        yield Footer()

    def on_mount(self) -> None:
        run_in_background(self, read_diff, self.article_id, db_path=self.db_path, group="diff-load")

    @on(DiffRead)
    def _fill(self, message: DiffRead) -> None:
        diff, count = message.diff, message.count
        self.query_one("#diff-summary", Static).update(summary_line(diff, count))
        self.query_one("#diff-body", Static).update(diff_text(changed_paragraphs(diff.changes)))
        self.query_one("#diff-scroll").focus()

    def action_close(self) -> None:
        self.dismiss(None)
