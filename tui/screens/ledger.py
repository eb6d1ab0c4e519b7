"""The corpus ledger: subjects → metrics → values by article, conflicts first; and everyone quoted."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static, TabbedContent, TabPane, Tree

from store import ledger
from store.articles import article_titles
from store.ledger_records import LedgerGroup, LedgerValue
from store.ledger_rules import period_text
from store.model import StoredQuote
from tui.background import run_in_background
from tui.keymap import key_label
from tui.screens.closing import ClosesOnce
from tui.text import excerpt, plural
from tui.undo import SharedHistory, UndoesEdits
from tui.widgets.app_header import AppHeader

TITLE_WIDTH = 36  # an article named by the start of its title
SENTENCE_WIDTH = 70
STATUS_MARKS = {"conflict": ("⚠ conflict", "bold red"), "corroborated": ("✓ corroborated", "green"),
                "reported": ("", "")}


@dataclass
class LedgerRead(Message):
    """The ledger's groups, the speakers and the titles of the articles they come from."""

    groups: list[LedgerGroup]
    people: list[dict]
    titles: dict[int, str]


@dataclass
class QuotesRead(Message):
    """One speaker's quotes with their articles' titles."""

    rows: list[StoredQuote]
    titles: dict[int, str]


@dataclass
class SentencesTagged(Message):
    count: int
    tag: str


def read_ledger(db) -> LedgerRead:
    groups, people = ledger.ledger(db), ledger.speakers(db)
    return LedgerRead(groups, people, article_titles(db, (v.article_id for group in groups for v in group.values)))


def read_quotes(db, speaker: str) -> QuotesRead:
    rows = ledger.quotes(db, speaker=speaker)
    return QuotesRead(rows, article_titles(db, (row.article_id for row in rows)))


def tag_sentences(db, edits: SharedHistory, values: list[LedgerValue], tag: str, note: str) -> SentencesTagged:
    """Annotate the sentence of each ledger value with ``tag`` and ``note``, as one edit ``u`` undoes."""
    spans = [(value.article_id, value.sentence_start, value.sentence_end) for value in values]
    edits.edit(db, "create_many", spans, [tag], note)
    return SentencesTagged(len(values), tag)


def context_of(group: LedgerGroup) -> str:
    """How a group's figures are stated, for when and of what part: "forecast · 2026 · with China"."""
    return " · ".join(part for part in (group.claim_status, period_text(group.period), group.scope) if part)


class LedgerScreen(UndoesEdits, ClosesOnce, Screen[tuple[int, int, int] | None]):
    """Dismisses with ``(article_id, start, end)`` of the sentence to open, or None."""

    DEFAULT_CSS = """
    LedgerScreen #ledger-tree { height: 1fr; }
    LedgerScreen #ledger-reason { height: auto; max-height: 7; padding: 0 1; background: $boost; }
    """
    AUTO_FOCUS = "#ledger-tree"  # not the tab strip: Down moves through the subjects at once

    BINDINGS = [
        Binding("escape", "close", "Back", id="ledger.close"),
        Binding("a", "annotate", "Annotate claim", id="ledger.annotate"),
        Binding("s", "show_speakers", "Speakers", id="ledger.speakers"),
        Binding("l", "show_ledger", "Ledger", id="ledger.ledger"),
        Binding("u", "undo", "Undo", id="ledger.undo"),
        Binding("U,ctrl+r", "redo", "Redo", show=False, id="ledger.redo"),
    ]

    def __init__(self, db_path: Path, edits: SharedHistory | None = None) -> None:
        super().__init__()
        self.db_path = db_path
        self.edits = edits or SharedHistory()
        self.titles: dict[int, str] = {}  # of the articles the values come from

    def compose(self) -> ComposeResult:
        yield AppHeader()
        with TabbedContent(initial="ledger-tab"):
            with TabPane("Ledger", id="ledger-tab"):
                yield Tree("Subjects", id="ledger-tree")
                yield Static("", id="ledger-reason")
            with TabPane("Speakers", id="speakers-tab"):
                yield DataTable(id="speakers", cursor_type="row")
                yield DataTable(id="speaker-quotes", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        tree = self.query_one("#ledger-tree", Tree)
        tree.show_root = False
        tree.loading = True
        self.query_one("#speakers", DataTable).add_columns("Speaker", "Quotes", "Articles")
        self.query_one("#speaker-quotes", DataTable).add_columns("Quote", "Article")
        run_in_background(self, read_ledger, db_path=self.db_path, group="ledger-load")

    @on(LedgerRead)
    def _fill(self, message: LedgerRead) -> None:
        groups, people, titles = message.groups, message.people, message.titles
        self.titles = titles
        tree = self.query_one("#ledger-tree", Tree)
        tree.clear()
        subjects: dict[str, object] = {}
        for group in groups:
            subject = subjects.get(group.subject_entity)
            if subject is None:
                subject = subjects[group.subject_entity] = tree.root.add(Text(group.subject, style="bold"), expand=True)
            mark, style = STATUS_MARKS[group.status]
            label = Text.assemble((group.metric, ""), "  ", (context_of(group), "italic"), "  ", (mark, style))
            metric = subject.add(label, data=group, expand=group.status != "reported")
            for value in group.values:
                hedge = f"{value.hedge} " if value.hedge else ""
                period = f" ({period_text(value.period)})" if value.period else ""
                title = excerpt(titles.get(value.article_id, Path(value.path).name), TITLE_WIDTH)
                metric.add_leaf(Text.assemble((f"{hedge}{value.text}", "bold"), (period, "italic"), "  ",
                                              (title, "italic"), "  ",
                                              (excerpt(value.sentence, SENTENCE_WIDTH), "dim")),
                                data=value)
        tree.loading = False
        if tree.cursor_node is None and groups:
            # On the first group (the first conflict, under its subject, which is open), its reason said at
            # once: the tree has no cursor until a key moves it, and a subject's line has no reason to say. Set,
            # not moved to: moving scrolls, and the tree, not laid out yet, would hide the subject's line.
            tree.cursor_line = 1
        table = self.query_one("#speakers", DataTable)
        table.clear()
        for person in people:
            table.add_row(person["speaker"], person["quotes"], person["articles"], key=person["speaker_entity"]
                          or person["speaker"])

    @on(Tree.NodeHighlighted, "#ledger-tree")
    def show_reason(self, event: Tree.NodeHighlighted) -> None:
        """Say why the highlighted group (or the group of the highlighted value) is a conflict, agrees or not; for
        a value, its whole sentence and article too, which a tree line at 80 columns pushes out of sight."""
        node = event.node
        group = node.data if isinstance(node.data, LedgerGroup) else node.parent.data if node.parent else None
        reason = self.query_one("#ledger-reason", Static)
        if not isinstance(group, LedgerGroup):
            reason.update("")
            return
        text = Text.assemble((f"{group.subject} · {group.metric}: ", "bold"), group.reason)
        if isinstance(value := node.data, LedgerValue):  # the sentence first: the box is a few lines high
            title = self.titles.get(value.article_id, Path(value.path).name)
            text = Text.assemble(("“", "dim"), " ".join(value.sentence.split()), ("”", "dim"), "  ",
                                 (title, "italic dim"), "\n", text)
        reason.update(text)

    @on(Tree.NodeSelected, "#ledger-tree")
    def open_value(self, event: Tree.NodeSelected) -> None:
        data = event.node.data
        if isinstance(data, LedgerValue):
            self.dismiss((data.article_id, data.start, data.end))

    @on(DataTable.RowHighlighted, "#speakers")
    def show_quotes(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key is not None and event.row_key.value is not None:  # None: a highlight of no row
            run_in_background(self, read_quotes, event.row_key.value, db_path=self.db_path, group="ledger-quotes")

    @on(QuotesRead)
    def _fill_quotes(self, message: QuotesRead) -> None:
        rows, titles = message.rows, message.titles
        table = self.query_one("#speaker-quotes", DataTable)
        table.clear()
        for row in rows:
            title = excerpt(titles.get(row.article_id, Path(row.path).name), TITLE_WIDTH)
            table.add_row(excerpt(row.text, 90), title, key=f"{row.article_id}:{row.start}:{row.end}")

    @on(DataTable.RowSelected, "#speaker-quotes")
    def open_quote(self, event: DataTable.RowSelected) -> None:
        article_id, start, end = (int(part) for part in event.row_key.value.split(":"))
        self.dismiss((article_id, start, end))

    def action_annotate(self) -> None:
        """Turn the highlighted claim (tag ``claim``) or conflict (each value, tag ``disputed``) into annotations,
        once the user says yes."""
        from tui.screens.tags import ConfirmDialog

        node = self.query_one("#ledger-tree", Tree).cursor_node
        if node is None or node.data is None:
            self.notify("Highlight a metric or a value first", severity="warning")
            return
        group = node.data if isinstance(node.data, LedgerGroup) else node.parent.data
        values = list(group.values) if node.data is group else [node.data]
        tag = "disputed" if group.status == "conflict" else "claim"
        note = f"{group.subject} · {group.metric}: {group.status}"

        def answered(yes: bool | None) -> None:
            if yes:
                run_in_background(self, tag_sentences, self.edits, values, tag, note, db_path=self.db_path,
                                  group="ledger-annotate", exclusive=False)

        question = (f"Tag {plural(len(values), 'sentence')} #{tag} with the note “{note}”? "
                    f"({key_label(self.app, 'ledger.undo', 'u')} undoes it.)")
        self.app.push_screen(ConfirmDialog(question), answered)

    @on(SentencesTagged)
    def _tagged(self, message: SentencesTagged) -> None:
        undo = key_label(self.app, "ledger.undo", "u")
        self.notify(f"Tagged {plural(message.count, 'sentence')} #{message.tag} — {undo} undoes it")

    def action_show_speakers(self) -> None:
        self.query_one(TabbedContent).active = "speakers-tab"
        self.query_one("#speakers", DataTable).focus()

    def action_show_ledger(self) -> None:
        self.query_one(TabbedContent).active = "ledger-tab"
        self.query_one("#ledger-tree", Tree).focus()

    def action_close(self) -> None:
        self.dismiss(None)
