"""The reader: what it draws, how the cursor and selection move, layers, references, mouse."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from tests.tui.notices import messages
from tests.tui.reader_helpers import ReaderApp, annotation, make_article, mention
from tests.tui.screen_host import open_first_article, settle
from tui.styles import label_style
from tui.widgets.reader import Reader
from tui.widgets.reader_layout import wrap_span

ARTICLE = make_article(
    "Big tech sells off",
    [
        ("paragraph", "Microsoft lost $1.35 trillion in a week. Investors asked questions [1]. Nvidia fell 9%."),
        ("heading", "Apple is cautious"),
        ("paragraph", "Apple spent less. Tim Cook said the company is patient. Shares rose 2%."),
        ("list", "A first item that is long enough to wrap when the reader is narrow, which it is at eighty."),
        ("boilerplate", "Subscribe to our newsletter for more."),
        ("paragraph", "Analysts expect more swings."),
    ],
    ["[1] Reuters - “Tech sell-off deepens”"],
)
MENTIONS = [
    mention(ARTICLE, "Microsoft", "ORG"),
    mention(ARTICLE, "$1.35 trillion", "MONEY", value=1.35e12, unit="USD"),
    mention(ARTICLE, "Nvidia", "ORG"),
    mention(ARTICLE, "9%", "PERCENT", value=9.0, unit="%"),
    mention(ARTICLE, "Tim Cook", "PERSON"),
    mention(ARTICLE, "2%", "PERCENT", value=2.0, unit="%"),
]


def screen_text(reader: Reader) -> list[str]:
    return ["".join(segment.text for segment in reader.render_line(y)).rstrip() for y in range(reader.size.height)]


async def row_showing(pilot, reader: Reader, needle: str) -> tuple[int, str]:
    """The first row of the drawn reader that shows ``needle``: its y and its text."""
    await pilot.pause()
    lines = screen_text(reader)
    y = next(i for i, line in enumerate(lines) if needle in line)
    return y, lines[y]


def styles_of(reader: Reader, needle: str) -> list:
    """Rich styles of the segments drawing ``needle`` on screen."""
    return [
        segment.style
        for y in range(reader.size.height)
        for segment in reader.render_line(y)
        if needle in segment.text
    ]


def sentence(text: str) -> tuple[int, int]:
    start = ARTICLE.text.index(text)
    return start, start + len(text)


@settings(max_examples=80, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("ab cd\n世界 -“”"), max_size=120) | st.text(alphabet="abc  \n’-", max_size=160),
    st.integers(min_value=3, max_value=30),
)
def test_wrapping_covers_every_character_once_and_fits_the_width(text, width):
    lines = wrap_span(text, 0, len(text), width)
    assert lines[0][0] == 0 and lines[-1][1] == len(text)
    for (_, end), (next_start, _) in pairwise(lines):
        assert next_start in (end, end + 1)  # contiguous, or a hard line break between
    for start, end in lines:
        assert cell_len(text[start:end].rstrip()) <= width


async def test_shows_title_metadata_blocks_and_references_but_hides_boilerplate():
    app = ReaderApp(ARTICLE, MENTIONS)
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        lines = screen_text(app.query_one(Reader))
        joined = "\n".join(lines)
        assert lines[0].strip() == "Big tech sells off"
        assert "Example News · 2026-02-06 · https://example.com/a" in lines[1]
        assert "• A first item" in joined
        assert "References" in joined and "[1] Reuters" in joined
        assert "Subscribe" not in joined
        assert all(cell_len(line) <= 80 for line in lines)


async def test_boilerplate_layer_shows_it_dimmed():
    app = ReaderApp(ARTICLE, MENTIONS)
    async with app.run_test(size=(80, 30)) as pilot:
        reader = app.query_one(Reader)
        await pilot.press("4")
        assert reader.layers["boilerplate"]
        assert "Subscribe to our newsletter for more." in "\n".join(screen_text(reader))
        body_colour = styles_of(reader, "Analysts expect")[0].color
        assert styles_of(reader, "Subscribe")[0].color != body_colour


async def test_sentence_cursor_moves_and_reports_the_position():
    app = ReaderApp(ARTICLE, MENTIONS)
    async with app.run_test(size=(80, 30)) as pilot:
        reader = app.query_one(Reader)
        await pilot.pause()
        assert reader.selected_text == "Big tech sells off"
        await pilot.press("j", "j")
        assert reader.selected_text == "Investors asked questions [1]."
        await pilot.press("k")
        assert reader.selected_text == "Microsoft lost $1.35 trillion in a week."
        await pilot.pause()
        positions = [m for m in app.messages if isinstance(m, Reader.PositionChanged)]
        assert positions[-1].offset == sentence("Microsoft lost")[0] == reader.cursor_offset
        assert positions[-1].article_id == ARTICLE.id
        cursor_background = styles_of(reader, " lost ")[0].bgcolor
        assert cursor_background != styles_of(reader, "Investors asked")[0].bgcolor
        assert cursor_background != styles_of(reader, "Analysts expect")[0].bgcolor


async def test_reopens_at_the_saved_position():
    app = ReaderApp()
    async with app.run_test(size=(80, 12)) as pilot:
        reader = app.query_one(Reader)
        reader.show_article(ARTICLE, MENTIONS, position=ARTICLE.text.index("Shares rose"))
        await pilot.pause()
        assert reader.selected_text == "Shares rose 2%."
        assert any("Shares rose" in line for line in screen_text(reader))


async def test_jumps_to_next_and_previous_entity_figure_and_heading():
    app = ReaderApp(ARTICLE, MENTIONS)
    async with app.run_test(size=(80, 30)) as pilot:
        reader = app.query_one(Reader)
        await pilot.press("e")
        assert reader.selected_text == "Microsoft"
        await pilot.press("e")
        assert reader.selected_text == "Nvidia"
        await pilot.press("E")
        assert reader.selected_text == "Microsoft"
        await pilot.press("f")
        assert reader.selected_text == "$1.35 trillion"
        await pilot.press("f", "f")
        assert reader.selected_text == "2%"
        await pilot.press("H")
        assert reader.selected_text == "Apple is cautious"
        await pilot.press("j")
        assert reader.selected_text == "Apple spent less."


async def test_entity_layer_toggle_removes_the_highlight_but_keeps_figures():
    app = ReaderApp(ARTICLE, MENTIONS)
    async with app.run_test(size=(80, 30)) as pilot:
        reader = app.query_one(Reader)
        await pilot.pause()
        assert styles_of(reader, "Microsoft")[0].underline  # ORG: underline, also without colour
        assert styles_of(reader, "Tim Cook")[0].bold  # PERSON: bold
        await pilot.press("1")
        assert not reader.layers["entities"]
        assert not styles_of(reader, "Microsoft")[0].underline
        assert styles_of(reader, "$1.35 trillion")[0].bold
        await pilot.press("e")
        assert reader.selected_text != "Microsoft"  # hidden layers are not jumped to


async def test_selection_extends_by_word_and_by_sentence():
    app = ReaderApp(ARTICLE, MENTIONS)
    async with app.run_test(size=(80, 30)) as pilot:
        reader = app.query_one(Reader)
        await pilot.press("j", "shift+right")
        assert reader.selected_text == "Microsoft"
        await pilot.press("shift+right", "shift+right")
        assert reader.selected_text == "Microsoft lost $1.35"
        await pilot.press("shift+left")
        assert reader.selected_text == "Microsoft lost"
        await pilot.press("shift+down")
        assert reader.selected_text == "Microsoft lost $1.35 trillion in a week."
        await pilot.press("shift+down")
        assert reader.selected_text.endswith("questions [1].")
        await pilot.press("escape")
        assert reader.selected_text == "Microsoft lost $1.35 trillion in a week."
        await pilot.pause()
        last = [m for m in app.messages if isinstance(m, Reader.SelectionChanged)][-1]
        assert (last.start, last.end) == sentence("Microsoft lost $1.35 trillion in a week.")


async def test_reference_marker_jumps_to_the_reference_and_back():
    app = ReaderApp(ARTICLE, MENTIONS)
    async with app.run_test(size=(80, 12)) as pilot:
        reader = app.query_one(Reader)
        await pilot.press("j", "j", "r")
        assert reader.selected_text == "[1] Reuters - “Tech sell-off deepens”"
        assert any("[1] Reuters" in line for line in screen_text(reader))
        await pilot.press("backspace")
        assert reader.selected_text == "Investors asked questions [1]."


async def test_click_selects_the_sentence_and_drag_selects_and_copies_text():
    app = ReaderApp(ARTICLE, MENTIONS)
    async with app.run_test(size=(80, 30)) as pilot:
        reader = app.query_one(Reader)
        y, line = await row_showing(pilot, reader, "Apple spent less")
        x = line.index("Tim Cook")
        await pilot.click(Reader, offset=(x, y))
        assert reader.selected_text == "Tim Cook said the company is patient."
        await pilot.mouse_down(Reader, offset=(x, y))
        await pilot.hover(Reader, offset=(x + 7, y))
        await pilot.mouse_up(Reader, offset=(x + 7, y))
        assert reader.selected_text == "Tim Cook"
        assert app.clipboard == "Tim Cook"


async def test_annotations_are_marked_in_the_gutter_and_jumped_to():
    start, end = sentence("Tim Cook said the company is patient.")
    note = annotation(ARTICLE, start, end, ["check"], {"check": "#ff0000"}, "Source?", id=7)
    app = ReaderApp(ARTICLE, MENTIONS, annotations=[note])
    async with app.run_test(size=(80, 30)) as pilot:
        reader = app.query_one(Reader)
        await pilot.press("a")
        assert reader.selected_text == "Tim Cook said the company is patient."
        assert reader.annotations_at(*reader.selection) == [note]
        line = next(line for line in screen_text(reader) if "Tim Cook" in line)
        assert line.startswith("▍")
        await pilot.press("3")
        assert not next(line for line in screen_text(reader) if "Tim Cook" in line).startswith("▍")


async def test_narrow_terminal_rewraps_and_keeps_the_cursor():
    app = ReaderApp(ARTICLE, MENTIONS)
    async with app.run_test(size=(120, 30)) as pilot:
        reader = app.query_one(Reader)
        await pilot.press("j", "j", "j")
        chosen = reader.selected_text
        wide_lines = reader.virtual_size.height
        await pilot.resize_terminal(40, 20)
        await pilot.pause()
        assert reader.virtual_size.height > wide_lines
        assert reader.selected_text == chosen
        assert all(cell_len(line) <= 40 for line in screen_text(reader))
        assert any(chosen.split()[0] in line for line in screen_text(reader))


async def test_unknown_layer_is_refused():
    app = ReaderApp(ARTICLE, MENTIONS)
    async with app.run_test(size=(80, 24)):
        with pytest.raises(ValueError, match="unknown layer"):
            app.query_one(Reader).toggle_layer("colours")


def open_seeded(db, db_path):
    """The real app (teaching is stored by the main screen, on the reader's TeachRequested) and the article it
    shows first: the library's first, opened with :func:`tests.tui.screen_host.open_first_article`."""
    from store.articles import get_article, list_articles
    from tui.app import BroadsheetApp

    return BroadsheetApp(db_path), get_article(db, list_articles(db)[0].id)


def stored_mentions(db, article_id):
    from store.mentions import mentions_for_article

    return {(row.start, row.end): row.label for row in mentions_for_article(db, article_id)}


async def test_marking_the_selection_as_an_entity_teaches_and_highlights_it(seeded_db, db_path):
    from textual.widgets import OptionList

    from tui.screens.label_picker import LabelPicker

    app, article = open_seeded(seeded_db, db_path)
    word = next(w for w in ("market", "investors", "capital") if f" {w} " in article.text)
    start = article.text.index(f" {word} ") + 1
    async with app.run_test(size=(100, 30)) as pilot:
        reader = await open_first_article(app, pilot)
        reader.jump_to(start, start + len(word))
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, LabelPicker)
        app.screen.query_one(OptionList).highlighted = list(LabelPicker(word).labels).index("PRODUCT")
        await pilot.press("enter")
        await settle(app, pilot)
        assert stored_mentions(seeded_db, article.id)[(start, start + len(word))] == "PRODUCT"
        assert styles_of(reader, word)[0].bold and styles_of(reader, word)[0].italic  # PRODUCT's cue


async def test_suppressing_a_highlight_here_asks_then_removes_only_that_occurrence(seeded_db, db_path):
    from tui.screens.tags import ConfirmDialog

    app, article = open_seeded(seeded_db, db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        reader = await open_first_article(app, pilot)
        await pilot.press("e")
        target = reader.selection
        before = stored_mentions(seeded_db, article.id)
        assert target in before
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # no: nothing is taught
        await settle(app, pilot)
        assert stored_mentions(seeded_db, article.id) == before
        await pilot.press("x", "y")
        await settle(app, pilot)
        after = stored_mentions(seeded_db, article.id)
        assert set(before) - set(after) == {target}
        text = article.text[target[0]:target[1]]
        assert f"“{text}” is no longer highlighted here" in messages(app)
        await pilot.press("escape")
        await pilot.press("e")
        assert reader.selection != target and reader.selection[0] > target[0]  # no longer a stop for "e"


@pytest.mark.parametrize("text", ["Shares of Nvidia fell 9% on Friday", "株価は 下落した Nvidia fell 9% on Friday"])
def test_wrapping_breaks_between_words_when_words_fit(text):
    lines = [text[start:end].strip() for start, end in wrap_span(text, 0, len(text), 12)]
    assert " ".join(lines) == text
    assert all(word in text.split() for line in lines for word in line.split())


async def test_clicking_a_reference_marker_jumps_to_the_reference():
    app = ReaderApp(ARTICLE, MENTIONS)
    async with app.run_test(size=(80, 30)) as pilot:
        reader = app.query_one(Reader)
        await pilot.pause()
        lines = screen_text(reader)
        y = next(i for i, line in enumerate(lines) if "[1]" in line and "Reuters" not in line)
        await pilot.click(Reader, offset=(lines[y].index("[1]") + 1, y))
        assert reader.selected_text == "[1] Reuters - “Tech sell-off deepens”"


async def test_empty_reader_says_how_to_open_an_article():
    app = ReaderApp()
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.pause()
        assert "Choose an article in the library" in "\n".join(screen_text(app.query_one(Reader)))


async def test_page_keys_and_home_end_move_the_cursor_with_the_view():
    long = make_article("Long", [("paragraph", f"Sentence number {n} is here.") for n in range(60)])
    app = ReaderApp(long, [])
    async with app.run_test(size=(60, 12)) as pilot:
        reader = app.query_one(Reader)
        await pilot.press("pagedown")
        await pilot.pause()
        assert reader.scroll_offset.y > 0
        assert reader.selected_text in "\n".join(screen_text(reader))
        await pilot.press("end")
        await pilot.pause()
        assert reader.selected_text == "Sentence number 59 is here."
        assert "Sentence number 59 is here." in "\n".join(screen_text(reader))
        await pilot.press("home")
        await pilot.pause()
        assert reader.selected_text == "Long" and reader.scroll_offset.y == 0


async def test_suppressing_everywhere_removes_every_occurrence_of_the_text(seeded_db, db_path):
    app, article = open_seeded(seeded_db, db_path)
    before = stored_mentions(seeded_db, article.id)
    texts = [article.text[start:end] for start, end in before]
    repeated = next(text for text in texts if texts.count(text) > 1)
    first = min(span for span in before if article.text[span[0]:span[1]] == repeated)
    async with app.run_test(size=(100, 30)) as pilot:
        reader = await open_first_article(app, pilot)
        reader.jump_to(*first)
        await pilot.pause()
        label_colour = label_style(before[first]).dark
        assert any(style.color.name == label_colour for style in styles_of(reader, repeated))
        await pilot.press("X")
        await pilot.pause()
        assert "in every article?" in str(app.screen.query_one("Label").render())
        await pilot.press("y")
        await settle(app, pilot)
        after = stored_mentions(seeded_db, article.id)
        assert not [span for span in after if article.text[span[0]:span[1]] == repeated]
        assert len(after) == len(before) - texts.count(repeated)
        assert all(style.color.name != label_colour for style in styles_of(reader, repeated))


async def test_cursor_stays_in_view_moving_down_and_back_up():
    long = make_article("Long", [("paragraph", f"Sentence number {n} is here.") for n in range(20)])
    app = ReaderApp(long, [])
    async with app.run_test(size=(60, 8)) as pilot:
        reader = app.query_one(Reader)
        for key in ["j"] * 16 + ["k"] * 16:
            await pilot.press(key)
            assert reader.selected_text in "\n".join(screen_text(reader))
        assert reader.selected_text == "Long"


async def test_double_click_selects_the_word():
    app = ReaderApp(ARTICLE, MENTIONS)
    async with app.run_test(size=(80, 30)) as pilot:
        reader = app.query_one(Reader)
        y, line = await row_showing(pilot, reader, "Apple spent less")
        await pilot.double_click(Reader, offset=(line.index("spent") + 2, y))
        assert reader.selected_text == "spent"


async def test_every_reader_key_is_harmless_before_an_article_is_open():
    app = ReaderApp()
    async with app.run_test(size=(60, 10)) as pilot:
        for binding in Reader.BINDINGS:
            await pilot.press(binding.key.split(",")[0])
        await pilot.pause()
        assert app.query_one(Reader).selection is None
        assert "Choose an article" in "\n".join(screen_text(app.query_one(Reader)))


async def test_markdown_markers_are_drawn_as_bullets_bars_and_bold_headings(tmp_path):
    from store.articles import Article
    from store.ingest import count_words, parse_file

    path = tmp_path / "note.md"
    path.write_text("# Chips\n\nIntro text here.\n\n## Supply\n\n- first item\n- second item\n\n> quoted words\n\n"
                    "1. numbered point\n", encoding="utf-8")
    parsed = parse_file(path)[0][0]
    article = Article(1, parsed.title, str(path), None, None, None, None, count_words(parsed.text, parsed.blocks),
                      parsed.text, False, 0, "", parsed.blocks, parsed.sentences, parsed.references)
    app = ReaderApp(article, [])
    async with app.run_test(size=(60, 20)) as pilot:
        reader = app.query_one(Reader)
        await pilot.pause()
        lines = [line.strip() for line in screen_text(reader)]
        assert lines[0] == "Chips" and "Supply" in lines and "#" not in "".join(lines)
        assert "• first item" in lines and "• second item" in lines
        assert "│ quoted words" in lines and "1. numbered point" in lines
        await pilot.press("h")
        assert reader.selected_text == "Supply"


async def test_dragging_below_the_reader_scrolls_and_extends_the_selection():
    from textual.widgets import Static

    class ReaderAbovePanel(ReaderApp):
        CSS = "Reader { height: 6; }"

        def compose(self):
            yield from super().compose()
            yield Static("a panel below the reader")

    long = make_article("Long", [("paragraph", f"Sentence number {n} is here.") for n in range(30)])
    app = ReaderAbovePanel(long, [])
    async with app.run_test(size=(60, 10)) as pilot:
        reader = app.query_one(Reader)
        await pilot.pause()
        y = next(i for i, line in enumerate(screen_text(reader)) if "number 0" in line)
        await pilot.mouse_down(Reader, offset=(2, y))
        for _ in range(6):
            await pilot.hover(Reader, offset=(10, 7))
        await pilot.mouse_up(Reader, offset=(10, 7))
        assert reader.scroll_offset.y > 0
        assert reader.selected_text.startswith("Sentence number 0 is here.")
        assert reader.selected_text.count("Sentence") > 4
        assert app.clipboard == reader.selected_text
