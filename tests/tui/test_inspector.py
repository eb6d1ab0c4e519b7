"""The inspector: tabs per layer, grouped entities, sorted figures, jumps that cycle through mentions."""

from __future__ import annotations

from dataclasses import replace

from textual.app import App, ComposeResult
from textual.widgets import DataTable, TabbedContent

from store.model import StoredQuote
from tests.tui.reader_helpers import annotation, make_article, mention, wait_for_inspector_tabs
from tui.widgets.inspector import Inspector, format_value

ARTICLE = make_article(
    "Chips",
    [("paragraph",
      "Nvidia fell 9%. Nvidia Corp said sales were $3 billion. Apple rose 2%. Nvidia spent $900 million.")],
)
MENTIONS = [
    mention(ARTICLE, "Nvidia", "ORG", entity="nvidia"),
    mention(ARTICLE, "9%", "PERCENT", value=9.0, unit="%"),
    mention(ARTICLE, "Nvidia Corp", "ORG", entity="nvidia"),
    mention(ARTICLE, "$3 billion", "MONEY", value=3e9, unit="USD"),
    mention(ARTICLE, "Apple", "ORG", entity="apple"),
    mention(ARTICLE, "2%", "PERCENT", value=2.0, unit="%"),
    mention(ARTICLE, "Nvidia", "ORG", nth=2, entity="nvidia"),
    mention(ARTICLE, "$900 million", "MONEY", value=9e8, unit="USD", hedge="about"),
]


class InspectorApp(App):
    def __init__(self) -> None:
        super().__init__()
        self.jumps: list[tuple[int, int]] = []

    def compose(self) -> ComposeResult:
        yield Inspector()

    def on_inspector_jump_to(self, message: Inspector.JumpTo) -> None:
        self.jumps.append((message.start, message.end))


async def show(pilot, inspector: Inspector, *data, **layers) -> None:
    """Show data in the inspector and wait for its tabs."""
    inspector.show(*data, **layers)
    await wait_for_inspector_tabs(pilot, inspector)


def cells(table: DataTable) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_entities_are_grouped_by_canonical_entity_with_counts():
    app = InspectorApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await show(pilot, app.query_one(Inspector), MENTIONS)
        table = app.query_one("#inspector-entities-table", DataTable)
        assert cells(table) == [["Nvidia Corp", "3", "ORG"], ["Apple", "1", "ORG"]]


async def test_figures_are_sorted_by_label_then_value_with_parsed_values():
    app = InspectorApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await show(pilot, app.query_one(Inspector), MENTIONS)
        rows = cells(app.query_one("#inspector-figures-table", DataTable))
        assert rows == [
            ["MONEY", "$900 million", "", "900M USD", "about"],
            ["MONEY", "$3 billion", "", "3B USD", ""],
            ["PERCENT", "2%", "", "2%", ""],
            ["PERCENT", "9%", "", "9%", ""],
        ]


async def test_a_figure_linked_by_the_ledger_shows_its_subject_and_metric():
    linked = [replace(m, subject="Nvidia", metric="sales") if m.text == "$3 billion" else m for m in MENTIONS]
    app = InspectorApp()
    async with app.run_test(size=(120, 24)) as pilot:
        await show(pilot, app.query_one(Inspector), linked)
        rows = cells(app.query_one("#inspector-figures-table", DataTable))
        assert ["MONEY", "$3 billion", "Nvidia · sales", "3B USD", ""] in rows


async def test_only_layers_that_exist_get_a_tab():
    app = InspectorApp()
    async with app.run_test(size=(80, 24)) as pilot:
        inspector = app.query_one(Inspector)
        await show(pilot, inspector, MENTIONS)
        tabs = app.query_one(TabbedContent)
        shown = [pane.id for pane in tabs.query("TabPane") if tabs.get_tab(pane.id).display]
        assert shown == ["inspector-entities", "inspector-figures"]
        nvidia = ARTICLE.text.index("Nvidia")
        inspector.show(MENTIONS, quotes=[],
                       annotations=[annotation(ARTICLE, nvidia, nvidia + 6, ["chips"], note="check")])
        await pilot.pause()
        shown = [pane.id for pane in tabs.query("TabPane") if tabs.get_tab(pane.id).display]
        assert shown == ["inspector-entities", "inspector-figures", "inspector-quotes", "inspector-annotations"]
        assert cells(app.query_one("#inspector-annotations-table", DataTable)) == [["#chips", "check", "Nvidia"]]


async def test_choosing_an_entity_again_cycles_through_its_mentions():
    app = InspectorApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await show(pilot, app.query_one(Inspector), MENTIONS)
        app.query_one("#inspector-entities-table", DataTable).focus()
        await pilot.press("enter", "enter", "enter", "enter")
        nvidia = sorted((m.start, m.end) for m in MENTIONS if m.entity == "nvidia")
        assert app.jumps == nvidia + nvidia[:1]
        await pilot.press("down", "enter")
        assert app.jumps[-1] == next((m.start, m.end) for m in MENTIONS if m.text == "Apple")


async def test_switching_tabs_cycles_the_visible_ones_and_the_focus_follows_from_inside():
    app = InspectorApp()
    async with app.run_test(size=(80, 24)) as pilot:
        inspector = app.query_one(Inspector)
        await show(pilot, inspector, MENTIONS)
        app.query_one("#inspector-entities-table", DataTable).focus()
        await pilot.pause()
        inspector.switch_tab(1)
        await pilot.pause()
        assert app.query_one(TabbedContent).active == "inspector-figures"
        assert app.focused is app.query_one("#inspector-figures-table", DataTable)
        inspector.switch_tab(1)
        assert app.query_one(TabbedContent).active == "inspector-entities"
        inspector.switch_tab(-1)
        assert app.query_one(TabbedContent).active == "inspector-figures"


def test_values_read_like_the_article_writes_them():
    assert format_value(1.35e12, None, "USD") == "1.35T USD"
    assert format_value(5.0, 7.5, "%") == "5–7.5%"
    assert format_value(739000.0, None, "2026-02-06") == "2026-02-06"
    assert format_value(None, None, "--02-06") == "Feb 6"
    assert format_value(None, None, None) == ""


async def test_label_colours_follow_the_theme():
    from tui.styles import LABEL_STYLES

    app = InspectorApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await show(pilot, app.query_one(Inspector), MENTIONS)
        table = app.query_one("#inspector-entities-table", DataTable)
        assert table.get_row_at(0)[2].style.color.name == LABEL_STYLES["ORG"].dark
        app.theme = "textual-light"
        await pilot.pause()
        assert table.get_row_at(0)[2].style.color.name == LABEL_STYLES["ORG"].light


class EchoApp(InspectorApp):
    def __init__(self) -> None:
        super().__init__()
        self.opened: list[tuple[int, int, int]] = []

    def on_inspector_open_echo(self, message: Inspector.OpenEcho) -> None:
        self.opened.append((message.article_id, message.start, message.end))


def echo(article_id: int, start: int, differences: list) -> dict:
    return {"article_id": article_id, "start": start, "end": start + 20, "speaker": "Jensen Huang",
            "similarity": 95.0, "differences": differences}


async def test_the_quotes_tab_says_where_else_a_quote_appears_and_e_opens_each_echo_in_turn():
    quotes = [
        StoredQuote(1, "chips.txt", 16, 46, "sales were $3 billion", "Jensen Huang", None, "said",
                    echoes=(echo(7, 100, []), echo(9, 40, [{"kind": "figure", "quote": "3", "echo": "4"}]),
                            echo(9, 300, []))),
        StoredQuote(1, "chips.txt", 60, 80, "Apple rose two percent today", None, None, None),
    ]
    app = EchoApp()
    async with app.run_test(size=(120, 24)) as pilot:
        inspector = app.query_one(Inspector)
        inspector.show(MENTIONS, quotes=quotes, annotations=[])
        await wait_for_inspector_tabs(pilot, inspector, "inspector-quotes")
        app.query_one(TabbedContent).active = "inspector-quotes"
        table = app.query_one("#inspector-quotes-table", DataTable)
        table.focus()
        await pilot.pause()
        assert cells(table) == [["Jensen Huang", "sales were $3 billion", "also in 2 articles; 1 differ"],
                                ["—", "Apple rose two percent today", ""]]
        await pilot.press("e", "e", "e", "e")
        assert app.opened == [(7, 100, 120), (9, 40, 60), (9, 300, 320), (7, 100, 120)]
        await pilot.press("down", "e")
        assert app.opened[-1] == (7, 100, 120)  # the second quote has no echo: nothing more opens
        assert len(app.opened) == 4
