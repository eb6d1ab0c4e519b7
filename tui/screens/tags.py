"""The corpus-wide Tags screen: two framed panes — every tag with its count and colour, and the highlighted tag's
annotations across articles with the highlighted one's quote and note in full below — and rename / merge /
delete / colour, each confirmed in a small dialog."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.suggester import SuggestFromList
from textual.widgets import Button, DataTable, Footer, Input, Label, Static

from store import annotations as store
from store.model import Annotation
from store.tags import TagError
from tui.background import run_in_background
from tui.keymap import key_label
from tui.screens.closing import ClosesOnce
from tui.text import excerpt, plural
from tui.undo import SharedHistory, UndoesEdits
from tui.widgets.app_header import AppHeader


class ConfirmDialog(ClosesOnce, ModalScreen[bool]):
    """Ask a yes/no question; dismisses with True only for an explicit yes."""

    DEFAULT_CSS = """
    ConfirmDialog { align: center middle; }
    ConfirmDialog > Vertical {
        width: auto; max-width: 80; height: auto; border: round $warning; background: $panel; padding: 0 1;
    }
    ConfirmDialog #confirm-buttons { height: auto; align-horizontal: right; margin-top: 1; }
    ConfirmDialog Button { margin-left: 1; }
    """
    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.question)
            with Horizontal(id="confirm-buttons"):
                yield Button("Yes (y)", variant="warning", id="confirm-yes")
                yield Button("No (n)", id="confirm-no")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class PromptDialog(ClosesOnce, ModalScreen[str | None]):
    """Ask for one line of text (with completion from ``choices``); dismisses with it, or None."""

    DEFAULT_CSS = """
    PromptDialog { align: center middle; }
    PromptDialog > Vertical { width: 60; height: auto; border: round $accent; background: $panel; padding: 0 1; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt.cancel")]

    def __init__(self, question: str, value: str = "", choices: list[str] | None = None) -> None:
        super().__init__()
        self.question, self.value, self.choices = question, value, choices or []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.question)
            yield Input(
                self.value, suggester=SuggestFromList(self.choices, case_sensitive=False) if self.choices else None
            )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


@dataclass
class TagsRead(Message):
    """Every tag with its count; ``select`` is the tag to highlight."""

    rows: list[dict]
    select: str | None


@dataclass
class TagAnnotationsRead(Message):
    """The annotations of ``tag``: shown only while that tag is the highlighted one."""

    tag: str
    records: list[Annotation]


@dataclass
class TagChangeRefused(Message):
    reason: str


def read_tags(db, select: str | None = None) -> TagsRead:
    return TagsRead(store.list_tags(db), select)


def read_tag_annotations(db, tag: str) -> TagAnnotationsRead:
    return TagAnnotationsRead(tag, store.list_annotations(db, tag=tag))


def preview_text(record: Annotation) -> Text:
    """One annotation's whole note, then its quote and article, for the pane under the table (the note first:
    it is what the reader wrote, and a long quote must not push it out of the pane)."""
    text = Text.assemble((record.note, "bold"), "\n") if record.note else Text()
    text.append_text(Text.assemble(("“", "dim"), record.exact, ("”", "dim"), "  ",
                                   (record.title or record.path, "italic dim")))
    return text


def change_tags(db, edits: SharedHistory, method: str, args: tuple, select: str | None) -> TagsRead | TagChangeRefused:
    """Rename, merge, delete or recolour (``method`` of the undo history: ``u`` undoes it), then read the tags
    again."""
    try:
        edits.edit(db, method, *args)
    except TagError as exc:
        return TagChangeRefused(str(exc))
    return read_tags(db, select)


class TagsScreen(UndoesEdits, ClosesOnce, Screen[tuple[int, int, int] | None]):
    """Every tag; highlight one to list its annotations, Enter on an annotation dismisses with
    ``(article_id, start, end)`` so the app opens it there (None when closed)."""

    TITLE = "Tags"

    DEFAULT_CSS = """
    TagsScreen #tags-panes { height: 1fr; }
    TagsScreen #tags-list-pane { width: 30%; min-width: 22; max-width: 40; }
    TagsScreen #tag-detail-pane { width: 1fr; }
    TagsScreen .tags-pane { border: round $panel-lighten-2; border-title-color: $text-muted; }
    TagsScreen .tags-pane:focus-within { border: round $primary; border-title-color: $text-primary; }
    TagsScreen DataTable { height: 1fr; }
    TagsScreen #tag-annotation-preview {
        height: auto; max-height: 8; padding: 0 1; border-top: solid $panel-lighten-2; color: $text;
    }
    """
    BINDINGS = [
        Binding("escape", "close", "Back", id="tags.close"),
        Binding("r", "rename", "Rename", id="tags.rename"),
        Binding("m", "merge", "Merge into…", id="tags.merge"),
        Binding("d", "delete", "Delete", id="tags.delete"),
        Binding("c", "color", "Colour", id="tags.color"),
        Binding("u", "undo", "Undo", id="tags.undo"),
        Binding("U,ctrl+r", "redo", "Redo", show=False, id="tags.redo"),
    ]

    def __init__(self, db_path: Path, edits: SharedHistory | None = None) -> None:
        super().__init__()
        self.db_path = db_path
        self.edits = edits or SharedHistory()
        self.tags: list[dict] = []
        self.annotation_rows: dict[str, Annotation] = {}

    def compose(self) -> ComposeResult:
        yield AppHeader()
        with Horizontal(id="tags-panes"):
            with Vertical(id="tags-list-pane", classes="tags-pane"):
                yield DataTable(id="tags-table", cursor_type="row")
            with Vertical(id="tag-detail-pane", classes="tags-pane"):
                yield DataTable(id="tag-annotations", cursor_type="row")
                yield Static("", id="tag-annotation-preview")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#tags-list-pane").border_title = "Tags"
        self.query_one("#tag-detail-pane").border_title = "Annotations"
        self.query_one("#tags-table", DataTable).add_columns("Tag", "Count")
        self.query_one("#tag-annotations", DataTable).add_columns("Quote", "Note", "Article", "Anchor")
        self.reload()

    def reload(self, select: str | None = None) -> None:
        """Read the tags again (after a change) and show them, keeping ``select`` highlighted."""
        run_in_background(self, read_tags, select, db_path=self.db_path, group="tags-load")

    @on(TagsRead)
    def _fill_tags(self, message: TagsRead) -> None:
        rows, select = message.rows, message.select
        self.tags = rows
        self.query_one("#tags-list-pane").border_title = f"Tags {len(rows):,}"
        table = self.query_one("#tags-table", DataTable)
        table.clear()
        for row in rows:
            table.add_row(Text(f"■ #{row['name']}", style=row["color"]), row["count"], key=row["name"])
        if not rows:  # a first visit: say where tags come from rather than show two empty tables
            self._show_annotations("", [])
            tag_key = key_label(self.app, "main.tag", "t")
            self.query_one("#tag-annotation-preview", Static).update(
                f"No tags yet. In the reader, {tag_key} tags the sentence under the cursor (or the selection).")
            return
        names = [row["name"] for row in rows]
        table.move_cursor(row=names.index(select) if select in names else 0)
        table.focus()

    @property
    def current_tag(self) -> str | None:
        table = self.query_one("#tags-table", DataTable)
        if not self.tags or table.cursor_row is None or table.cursor_row >= len(self.tags):
            return None
        return self.tags[table.cursor_row]["name"]

    @on(DataTable.RowHighlighted, "#tags-table")
    def tag_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key is not None and event.row_key.value is not None:  # None: a highlight of no row
            self.load_annotations(event.row_key.value)

    def load_annotations(self, tag: str) -> None:
        run_in_background(self, read_tag_annotations, tag, db_path=self.db_path, group="tags-annotations")

    @on(TagAnnotationsRead)
    def _fill_annotations(self, message: TagAnnotationsRead) -> None:
        if message.tag == self.current_tag:  # else an answer for a tag highlighted before: never shown under another
            self._show_annotations(message.tag, message.records)

    def _show_annotations(self, tag: str, records: list[Annotation]) -> None:
        """The detail pane: ``tag``'s annotations, titled with it, and the first one's preview."""
        self.query_one("#tag-detail-pane").border_title = (
            f"#{tag} · {plural(len(records), 'annotation')}" if tag else "Annotations")
        table = self.query_one("#tag-annotations", DataTable)
        table.clear()
        for record in records:
            anchor = record.anchor if record.anchor != "fuzzy" else f"fuzzy {record.score:.2f}"
            # The note beside the quote, before the article: at 80 columns the last columns are off-screen.
            table.add_row(excerpt(record.exact, 32), excerpt(record.note, 20), excerpt(record.title, 18), anchor,
                          key=str(record.id))
        self.annotation_rows = {str(r.id): r for r in records}
        self._preview(records[0] if records else None)

    def _preview(self, record: Annotation | None) -> None:
        self.query_one("#tag-annotation-preview", Static).update(preview_text(record) if record else "")

    @on(DataTable.RowHighlighted, "#tag-annotations")
    def _annotation_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key is not None and event.row_key.value in self.annotation_rows:
            self._preview(self.annotation_rows[event.row_key.value])

    @on(DataTable.RowSelected, "#tag-annotations")
    def open_annotation(self, event: DataTable.RowSelected) -> None:
        record = self.annotation_rows[event.row_key.value]
        if record.start is None:
            self.notify("This annotation is orphaned: its text is gone from the article", severity="warning")
            return
        self.dismiss((record.article_id, record.start, record.end))

    @on(DataTable.RowSelected, "#tags-table")
    def focus_annotations(self) -> None:
        self.query_one("#tag-annotations", DataTable).focus()

    def _count(self, tag: str) -> int:
        return next((row["count"] for row in self.tags if row["name"] == tag), 0)

    @work
    async def action_rename(self) -> None:
        tag = self.current_tag
        if tag is None:
            return
        new = await self.app.push_screen_wait(PromptDialog(f"Rename #{tag} to:", tag))
        if (
            new
            and new != tag
            and await self.app.push_screen_wait(
                ConfirmDialog(f"Rename #{tag} to #{new} on {plural(self._count(tag), 'annotation')}?")
            )
        ):
            self._change("rename_tag", tag, new, select=new)

    @work
    async def action_merge(self) -> None:
        tag = self.current_tag
        if tag is None:
            return
        others = [row["name"] for row in self.tags if row["name"] != tag]
        target = await self.app.push_screen_wait(PromptDialog(f"Merge #{tag} into:", choices=others))
        if target and await self.app.push_screen_wait(
            ConfirmDialog(f"Merge #{tag} ({self._count(tag)}) into #{target}? #{tag} disappears.")
        ):
            self._change("merge_tags", tag, target, select=target)

    @work
    async def action_delete(self) -> None:
        tag = self.current_tag
        if tag is not None and await self.app.push_screen_wait(
            ConfirmDialog(f"Delete #{tag} from {plural(self._count(tag), 'annotation')}? The annotations stay.")
        ):
            self._change("delete_tag", tag)

    @work
    async def action_color(self) -> None:
        tag = self.current_tag
        if tag is None:
            return
        current = next(row["color"] for row in self.tags if row["name"] == tag)
        color = await self.app.push_screen_wait(PromptDialog(f"Colour of #{tag} (a name such as red or dark orange, or "
                                                             f"#rrggbb):", current))
        if color:
            self._change("set_tag_color", tag, color, select=tag)

    def _change(self, method: str, *args, select: str | None = None) -> None:
        run_in_background(self, change_tags, self.edits, method, args, select, db_path=self.db_path,
                          group="tags-change", exclusive=False)

    def after_step(self, undone) -> None:
        self.reload(self.current_tag)

    @on(TagChangeRefused)
    def _refused(self, message: TagChangeRefused) -> None:
        self.notify(message.reason, severity="error")

    def action_close(self) -> None:
        self.dismiss(None)
