"""Orphans: annotations whose text is gone after a re-import, shown with their stored quote and note — and those
re-anchored over a figure whose value was edited, flagged "figure changed"."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Markdown, Static

from store import annotations as store
from store.model import Annotation
from tui.background import run_in_background
from tui.screens.closing import ClosesOnce
from tui.screens.tags import ConfirmDialog
from tui.text import excerpt
from tui.undo import SharedHistory, UndoesEdits
from tui.widgets.app_header import AppHeader

FIGURE_CHANGED = "figure changed"
FIGURE_CHANGED_DETAIL = "A figure in this quote has another value in the article now: see what it says (o)."


def state_cell(record: Annotation) -> Text:
    """``orphaned``, or ``figure changed`` in the warning colour."""
    if record.figure_changed:
        return Text(FIGURE_CHANGED, style="bold yellow")
    return Text(record.anchor, style="dim")


@dataclass
class OrphansRead(Message):
    """The annotations needing review: orphaned, then those whose figure changed."""

    records: list[Annotation]


def read_orphans(db) -> OrphansRead:
    return OrphansRead(store.needing_review(db))


def delete_and_read_orphans(db, edits: SharedHistory, annotation_id: int) -> OrphansRead:
    """Delete through the undo history (``u`` brings it back), then read the list again."""
    edits.edit(db, "delete", annotation_id)
    return read_orphans(db)


class OrphansScreen(UndoesEdits, ClosesOnce, Screen[tuple[int, int, int] | None]):
    """Every orphaned annotation, then every one whose figure changed; highlight one to read its whole quote
    and note. ``o`` dismisses with the annotation's place — ``(article_id, 0, 0)``, the top of its article,
    for an orphan, whose own span no longer exists; None when closed."""

    TITLE = "Orphaned annotations"

    DEFAULT_CSS = """
    OrphansScreen #orphans-table { height: 1fr; }
    OrphansScreen #orphan-detail { height: 1fr; border-top: solid $panel-lighten-2; padding: 0 1; }
    OrphansScreen #orphan-quote { margin-bottom: 1; }
    """
    BINDINGS = [
        Binding("escape", "close", "Back", id="orphans.close"),
        Binding("o", "open_article", "Open article", id="orphans.open-article"),
        Binding("d", "delete", "Delete", id="orphans.delete"),
        Binding("u", "undo", "Undo", id="orphans.undo"),
        Binding("U,ctrl+r", "redo", "Redo", show=False, id="orphans.redo"),
    ]

    def __init__(self, db_path: Path, edits: SharedHistory | None = None) -> None:
        super().__init__()
        self.db_path = db_path
        self.edits = edits or SharedHistory()
        self.records: list[Annotation] = []

    def compose(self) -> ComposeResult:
        yield AppHeader()
        yield DataTable(id="orphans-table", cursor_type="row")
        with VerticalScroll(id="orphan-detail"):
            yield Static(id="orphan-quote")
            yield Markdown(id="orphan-note")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("quote", "article", "tags", "note", "created", "state")
        self.reload()

    def reload(self) -> None:
        run_in_background(self, read_orphans, db_path=self.db_path, group="orphans-load")

    @on(OrphansRead)
    def _fill(self, message: OrphansRead) -> None:
        records = message.records
        self.records = records
        table = self.query_one(DataTable)
        table.clear()
        for record in records:
            table.add_row(
                excerpt(record.exact, 50),
                excerpt(record.title, 30),
                " ".join(f"#{t}" for t in record.tags),
                excerpt(record.note, 30),
                record.created[:10],
                state_cell(record),
                key=str(record.id),
            )
        if not records:
            self.query_one("#orphan-quote", Static).update(
                "No orphaned annotations: every annotation is anchored in its article."
            )
            self.query_one("#orphan-note", Markdown).update("")
        table.focus()

    @property
    def current(self) -> Annotation | None:
        row = self.query_one(DataTable).cursor_row
        return self.records[row] if self.records and row is not None and row < len(self.records) else None

    @on(DataTable.RowHighlighted)
    def show_detail(self) -> None:
        record = self.current
        if record is None:
            return
        self.query_one("#orphan-quote", Static).update(
            Text.assemble(
                ("“" + record.exact + "”", "italic"),
                "\n",
                (f"{record.title} · {record.path}", "dim"),
                ("\n" + FIGURE_CHANGED_DETAIL, "bold yellow") if record.figure_changed else "",
            )
        )
        self.query_one("#orphan-note", Markdown).update(record.note)

    def action_open_article(self) -> None:
        if (record := self.current) is not None:
            self.dismiss((record.article_id, record.start or 0, record.end or 0))

    @work
    async def action_delete(self) -> None:
        record = self.current
        if record is not None and await self.app.push_screen_wait(
            ConfirmDialog(f"Delete the {'orphaned ' * (record.anchor == 'orphaned')}annotation "
                          f"“{excerpt(record.exact, 40)}” and its note?")
        ):
            run_in_background(self, delete_and_read_orphans, self.edits, record.id, db_path=self.db_path,
                              group="orphans-load", exclusive=False)

    def after_step(self, undone) -> None:
        self.reload()

    def action_close(self) -> None:
        self.dismiss(None)
