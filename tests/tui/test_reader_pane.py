"""The reader pane: legend of the labels in the article, status of what covers the cursor; label styles."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.color import Color
from textual.theme import BUILTIN_THEMES
from textual.widgets import Static

from tests.tui.reader_helpers import annotation, make_article, mention, wait_for_inspector_tabs
from tui.styles import LABEL_STYLES, label_style
from tui.widgets.legend import Legend
from tui.widgets.reader import Reader
from tui.widgets.reader_pane import ReaderPane

ARTICLE = make_article("Chips", [("paragraph", "Nvidia fell 9% on Friday. Jensen Huang said demand is strong.")])
MENTIONS = [mention(ARTICLE, "Nvidia", "ORG"), mention(ARTICLE, "9%", "PERCENT"),
            mention(ARTICLE, "Jensen Huang", "PERSON")]
start = ARTICLE.text.index("Jensen")
NOTE = annotation(ARTICLE, start, start + 12, ["people", "check"], {"people": "#00aa00", "check": None},
                  "CEO since 1993")


class PaneApp(App):
    def compose(self) -> ComposeResult:
        yield ReaderPane()

    def on_mount(self) -> None:
        self.query_one(Reader).show_article(ARTICLE, MENTIONS, [NOTE])
        self.query_one(Reader).focus()


def plain(widget: Static) -> str:
    return str(widget.render())


async def test_legend_lists_the_labels_of_the_article_and_strikes_hidden_layers():
    app = PaneApp()
    async with app.run_test(size=(80, 20)) as pilot:
        await pilot.pause()
        legend = app.query_one(Legend)
        assert plain(legend) == "PERSON ORG PERCENT"  # known labels in legend order, only those present
        assert "ORG: underline" in legend.tooltip and "PERSON: bold" in legend.tooltip
        await pilot.press("1")
        await pilot.pause()
        struck = [span for span in legend.render().spans if "strike" in str(span.style)]
        assert {legend.render().plain[s.start:s.end] for s in struck} == {"ORG", "PERSON"}


async def test_status_shows_the_annotations_under_the_cursor_and_the_position():
    app = PaneApp()
    async with app.run_test(size=(80, 20)) as pilot:
        status = app.query_one("#reader-status", Static)
        await pilot.press("j")
        await pilot.pause()
        assert "#people" not in plain(status) and plain(status).endswith("2/3")
        await pilot.press("j")
        await pilot.pause()
        assert plain(status).startswith("▍#people ▍#check CEO since 1993")
        await pilot.press("4")
        await pilot.pause()
        assert "boilerplate shown" in plain(status)


def contrast(foreground: str, background: Color) -> float:
    def luminance(colour: Color) -> float:
        def channel(value: int) -> float:
            value /= 255
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)

    high, low = sorted((luminance(Color.parse(foreground)), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_every_label_is_readable_on_every_builtin_theme_and_has_its_own_cue():
    for name, theme in BUILTIN_THEMES.items():
        if name.startswith("ansi"):
            continue
        background = Color.parse(theme.to_color_system().generate()["background"])
        for style in LABEL_STYLES.values():
            colour = style.dark if theme.dark else style.light
            assert contrast(colour, background) >= 4.5, (name, style.label)
    cues = [style.cue for style in LABEL_STYLES.values()]
    assert len(set(cues)) == len(cues) and "colour only" not in cues
    assert label_style("VEHICLE").cue == "overline" and label_style("vehicle") == label_style("VEHICLE")


async def test_switching_to_a_light_theme_redraws_labels_in_their_light_colours():
    app = PaneApp()
    async with app.run_test(size=(80, 20)) as pilot:
        reader = app.query_one(Reader)
        await pilot.pause()

        def nvidia_colour():
            return next(seg.style.color.name for y in range(5) for seg in reader.render_line(y) if seg.text == "Nvidia")

        assert nvidia_colour() == LABEL_STYLES["ORG"].dark
        app.theme = "textual-light"
        await pilot.pause()
        assert nvidia_colour() == LABEL_STYLES["ORG"].light


async def test_stored_annotations_show_in_the_status_and_the_notes_tab(seeded_db):
    from textual.widgets import DataTable

    from store.annotations import annotations_for_article, create_annotation
    from store.articles import get_article, list_articles
    from tui.widgets.inspector import Inspector

    article = get_article(seeded_db, list_articles(seeded_db)[0].id)
    start, end = article.sentences[2]
    create_annotation(seeded_db, article.id, start, end, tags=["follow-up"], note="Ask the analyst")
    rows = annotations_for_article(seeded_db, article.id)

    class NotesApp(App):
        def compose(self) -> ComposeResult:
            yield ReaderPane()
            yield Inspector()

        def on_mount(self) -> None:
            self.query_one(Reader).show_article(article, [], rows, position=start)
            self.query_one(Inspector).show(mentions=[], annotations=rows)

    app = NotesApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_inspector_tabs(pilot, app.query_one(Inspector))
        assert plain(app.query_one("#reader-status", Static)).startswith("▍#follow-up Ask the analyst")
        tags, note, quote = (str(cell)
                             for cell in app.query_one("#inspector-annotations-table", DataTable).get_row_at(0))
        assert (tags, note) == ("#follow-up", "Ask the analyst")
        assert quote.rstrip("…") in " ".join(article.text[start:end].split())


async def test_cancelling_the_label_picker_teaches_nothing(seeded_db, db_path):
    from store.teachings import list_teachings
    from tests.tui.screen_host import open_first_article
    from tui.app import BroadsheetApp
    from tui.screens.label_picker import LabelPicker

    app = BroadsheetApp(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_article(app, pilot)
        await pilot.press("shift+right", "m")
        await pilot.pause()
        assert isinstance(app.screen, LabelPicker)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, LabelPicker)
        assert list_teachings(seeded_db) == []
