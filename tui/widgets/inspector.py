"""The inspector beside the reader: tabs of the article's entities, figures, quotes and annotations.

Tabs are built from ``INSPECTOR_TABS``; a new layer adds an ``InspectorTab`` there. A tab shows only when its
layer exists (its data is not None). Selecting a row posts ``Inspector.JumpTo``; selecting the same row again
cycles through that row's places in the text.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget

from tui.styles import label_style, tag_colour
from tui.text import excerpt

if TYPE_CHECKING:
    from textual.widgets import DataTable

    from store.model import Annotation, StoredMention, StoredQuote

EXCERPT_WIDTH = 60  # a quote or note in a row
TAB_PADDING = 2  # cells a tab adds around its label
ABOUT_WIDTH = 24  # what a figure is about: cut with an ellipsis, not by the pane's edge
NOTE_WIDTH = 32  # a note in the Notes tab, before its quote
FIGURE_CHANGED_MARK = "⚠ figure changed: "


@dataclass(frozen=True, slots=True)
class Row:
    """One table row: its cells and the text spans it stands for (cycled on repeated selection)."""

    cells: tuple
    targets: tuple[tuple[int, int], ...]
    elsewhere: tuple[tuple[int, int, int], ...] = ()  # (article id, start, end) of the row's echoes in other articles


@dataclass(frozen=True, slots=True)
class InspectorTab:
    """A tab: ``source`` names the data it reads (a keyword of ``Inspector.show``), ``rows`` builds its rows."""

    id: str
    title: str
    source: str
    columns: tuple[str, ...]
    rows: Callable[[list, bool], list[Row]]


def _label(label: str, dark: bool) -> Text:
    return Text(label, style=label_style(label).style(dark))


def entity_rows(mentions: list[StoredMention], dark: bool) -> list[Row]:
    """Entities grouped by canonical entity (or text): name, count, label; most mentioned first."""
    groups: dict[tuple[str, str], list[StoredMention]] = {}
    for m in mentions:
        if m.kind == "entity":
            key = (m.entity or m.text.casefold(), m.label)
            groups.setdefault(key, []).append(m)
    ordered = sorted(groups.values(), key=lambda group: (-len(group), group[0].text.casefold()))
    return [
        Row((excerpt(_longest_name(group), 20), len(group), _label(group[0].label, dark)),
            tuple(sorted((m.start, m.end) for m in group)))
        for group in ordered
    ]


def _longest_name(group: list[StoredMention]) -> str:
    return max((m.text for m in group), key=len)


def format_value(value: float | None, value_high: float | None, unit: str | None) -> str:
    """``1.35e12 USD`` → ``1.35T USD``; ranges as ``low–high``; dates show their ISO form (in ``unit``), or
    ``Feb 6`` for a day without its year (``--02-06``)."""
    if unit and (day_in_year := re.fullmatch(r"--(\d\d)-(\d\d)", unit)):  # a date without its year
        month, day = (int(part) for part in day_in_year.groups())
        return f"{calendar.month_abbr[month]} {day}" if 1 <= month <= 12 else unit
    if value is None:
        return unit or ""

    def short(number: float) -> str:
        for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
            if abs(number) >= size:
                return f"{number / size:,.3g}{suffix}"
        return f"{number:,.4g}"

    if unit and unit[:1].isdigit():  # a date: the ISO form says more than its ordinal
        return unit
    number = short(value) + (f"–{short(value_high)}" if value_high is not None else "")
    return f"{number} {unit}".strip() if unit and unit != "%" else number + (unit or "")


def figure_rows(mentions: list[StoredMention], dark: bool) -> list[Row]:
    """Figures sorted by label then value: label, text, what it is about (subject · metric, when the ledger
    linked it to one), parsed value, hedge."""
    figures = [m for m in mentions if m.kind == "figure"]
    figures.sort(key=lambda m: (m.label, m.value is None, m.value or 0, m.start))
    return [
        Row((_label(m.label, dark), m.text, excerpt(_about(m), ABOUT_WIDTH),
             format_value(m.value, m.value_high, m.unit), m.hedge or ""),
            ((m.start, m.end),))
        for m in figures
    ]


def _about(mention: StoredMention) -> str:
    subject = mention.subject
    return " · ".join(part for part in (subject, mention.metric) if part) if subject else ""


def quote_rows(quotes: list[StoredQuote], dark: bool) -> list[Row]:
    """Quotes in text order: speaker → quote → where else the quote appears ("also in N articles; M differ")."""
    return [
        Row((q.speaker or "—", excerpt(q.text, EXCERPT_WIDTH), echo_summary(q.echoes) if q.echoes else ""),
            ((q.start, q.end),),
            tuple((e["article_id"], e["start"], e["end"]) for e in q.echoes))
        for q in sorted(quotes, key=lambda q: q.start)
    ]


def echo_summary(echoes: Sequence[dict]) -> str:
    """"also in N articles; M differ" — M counts the echoing articles whose wording or speaker differs."""
    articles = {e["article_id"] for e in echoes}
    differing = {e["article_id"] for e in echoes if e["differences"]}
    return f"also in {len(articles)} article{'s' if len(articles) != 1 else ''}; {len(differing)} differ"


def annotation_rows(annotations: list[Annotation], dark: bool) -> list[Row]:
    """Annotations in text order: tags, note, quoted text (the note before the quote: a long quote would push
    it past the pane's edge); orphans (no position) are listed but don't jump. A
    note whose figure changed since it was tagged says so before its quote."""
    rows = []
    for a in sorted(annotations, key=lambda a: (a.start is None, a.start or 0)):
        tags = Text(" ").join(Text(f"#{name}", style=tag_colour(colour).name) for name, colour in a.tag_colors)
        quote: str | Text = excerpt(a.exact, EXCERPT_WIDTH)
        if a.figure_changed:
            quote = Text.assemble((FIGURE_CHANGED_MARK, "bold yellow"), quote)
        target = ((a.start, a.end),) if a.start is not None and a.end is not None else ()
        rows.append(Row((tags, excerpt(a.note, NOTE_WIDTH), quote), target))
    return rows


INSPECTOR_TABS: list[InspectorTab] = [
    InspectorTab("entities", "Entities", "mentions", ("Entity", "#", "Label"), entity_rows),
    InspectorTab("figures", "Figures", "mentions", ("Label", "Figure", "About", "Value", "Hedge"), figure_rows),
    InspectorTab("quotes", "Quotes", "quotes", ("Speaker", "Quote", "Echoes"), quote_rows),
    InspectorTab("annotations", "Notes", "annotations", ("Tags", "Note", "Text"), annotation_rows),
]


class Inspector(Widget):
    """Tabs of what the reader's article holds; choose a row to jump the reader there."""

    DEFAULT_CSS = """
    Inspector { width: 1fr; height: 1fr; }
    Inspector TabbedContent, Inspector TabPane { height: 1fr; }
    Inspector TabPane { padding: 0; }
    Inspector DataTable { height: 1fr; }
    """
    # The tab keys (] and [) belong to the main screen, so that they work from every pane.
    BINDINGS = [
        Binding("e", "open_echo", "Open echo", id="inspector.open-echo"),
    ]

    class JumpTo(Message):
        """Show ``[start, end)`` of the article in the reader."""

        def __init__(self, start: int, end: int) -> None:
            super().__init__()
            self.start = start
            self.end = end

    class OpenEcho(Message):
        """Open another article at ``[start, end)``: where the chosen quote appears again."""

        def __init__(self, article_id: int, start: int, end: int) -> None:
            super().__init__()
            self.article_id = article_id
            self.start = start
            self.end = end

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._rows: dict[str, list[Row]] = {}
        self._data: dict[str, list | None] = {"mentions": None, "quotes": None, "annotations": None}
        self._cycle: dict[tuple[str, int], int] = {}
        self._counts: dict[str, int] = {}  # rows of each tab on show, for its label
        self._built = False

    def on_mount(self) -> None:
        # The tabs (about half of the main screen's widgets) are built after the first frame, so the library
        # paints without waiting for them; an article cannot be open before then anyway.
        self.call_after_refresh(self._build)
        # label colours differ between dark and light themes: rebuild the rows when the theme changes
        self.app.theme_changed_signal.subscribe(self, lambda theme: self.show(**self._data))

    async def _build(self) -> None:
        if not self.is_attached:  # the app closed within its first frame
            return
        # Imported here, with the tabs: 8 ms of the app's start that its first frame does not need.
        from textual.widgets import DataTable, TabbedContent, TabPane

        tabs = TabbedContent()
        await self.mount(tabs)
        for tab in INSPECTOR_TABS:
            table = DataTable(id=f"inspector-{tab.id}-table", cursor_type="row", zebra_stripes=True)
            table.add_columns(*tab.columns)
            await tabs.add_pane(TabPane(tab.title, table, id=f"inspector-{tab.id}"))
            tabs.hide_tab(f"inspector-{tab.id}")
        self._built = True
        self.show(**self._data)

    def show(self, mentions: list | None = None, quotes: list | None = None, annotations: list | None = None) -> None:
        """Fill the tabs for one article; a tab whose data is None (its layer does not exist) is hidden."""
        data = self._data = {"mentions": mentions, "quotes": quotes, "annotations": annotations}
        if not self._built:
            return  # _build shows the data once the tabs exist
        dark = self.app.current_theme.dark
        tabs = self.query_one("TabbedContent")
        self._cycle.clear()
        self._counts = {}
        for tab in INSPECTOR_TABS:
            pane_id = f"inspector-{tab.id}"
            rows = tab.rows(data[tab.source], dark) if data[tab.source] is not None else None
            if rows is None:
                tabs.hide_tab(pane_id)
                continue
            tabs.show_tab(pane_id)
            self._rows[tab.id] = rows
            table = self.query_one(f"#{pane_id}-table")
            table.clear()
            table.add_rows(row.cells for row in rows)
            self._counts[tab.id] = len(rows)
        self._label_tabs()

    def on_resize(self) -> None:
        self._label_tabs()

    def _label_tabs(self) -> None:
        """Each tab named with its count when every label fits the width, else by name alone: at 120 columns
        "Entities 18 Figures 15 Quotes 5 Notes 2" would push the last tab out of sight."""
        if not self._built:
            return
        tabs = self.query_one("TabbedContent")
        shown = [tab for tab in INSPECTOR_TABS if tab.id in self._counts]
        counted = {tab.id: f"{tab.title} {self._counts[tab.id]}" for tab in shown}
        fits = sum(len(label) + TAB_PADDING for label in counted.values()) <= self.content_size.width
        for tab in shown:
            tabs.get_tab(f"inspector-{tab.id}").label = counted[tab.id] if fits else tab.title

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        tab_id = event.data_table.id.removeprefix("inspector-").removesuffix("-table")
        row = self._rows[tab_id][event.cursor_row]
        if not row.targets:
            self.notify("This annotation lost its place in the text (orphaned)", severity="warning", timeout=3)
            return
        key = (tab_id, event.cursor_row)
        turn = self._cycle.get(key, -1) + 1
        self._cycle = {key: turn}  # choosing another row starts that row at its first place
        start, end = row.targets[turn % len(row.targets)]
        self.post_message(self.JumpTo(start, end))

    def action_open_echo(self) -> None:
        """On the Quotes tab: open the next article where the quote under the cursor appears again."""
        row_index = self.query_one("#inspector-quotes-table").cursor_row
        rows = self._rows.get("quotes") or []
        if not 0 <= row_index < len(rows) or not rows[row_index].elsewhere:
            self.notify("This quote appears in no other article", timeout=3)
            return
        key = ("echo", row_index)
        turn = self._cycle.get(key, -1) + 1
        self._cycle = {key: turn}
        self.post_message(self.OpenEcho(*rows[row_index].elsewhere[turn % len(rows[row_index].elsewhere)]))

    @property
    def visible_tabs(self) -> list[str]:
        """Ids of the tabs on show (those whose layer exists), in order."""
        if not self._built:
            return []
        tabs = self.query_one("TabbedContent")
        return [f"inspector-{tab.id}" for tab in INSPECTOR_TABS if tabs.get_tab(f"inspector-{tab.id}").display]

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """``e`` acts (and the footer shows it) on the Quotes tab only."""
        if action == "open_echo":
            return bool(self.visible_tabs) and self.query_one("TabbedContent").active == "inspector-quotes"
        return True

    def switch_tab(self, step: int) -> None:
        """Show the next (``step`` 1) or previous (-1) tab on show; the focus follows when it was in here."""
        visible = self.visible_tabs
        tabs = self.query_one("TabbedContent") if visible else None
        if visible and tabs.active in visible:
            focused = self.screen.focused
            tabs.active = visible[(visible.index(tabs.active) + step) % len(visible)]
            if focused is not None and self in focused.ancestors:
                self.query_one(f"#{tabs.active}-table").focus()
