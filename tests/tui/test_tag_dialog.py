"""The tag dialog driven by keys in a tiny host app: several tags, autocomplete, chips, note, save/cancel."""

from __future__ import annotations

from textual.app import App
from textual.widgets import Markdown, OptionList, TextArea

from tui.screens.tag_dialog import TagChip, TagDialog, TagDialogResult, suggest_tags

EXISTING = ["claim", "markets", "disputed", "sourcing"]


class Host(App):
    def __init__(self, quote: str = "Alpha rose 5% on Monday.", **dialog_args) -> None:
        super().__init__()
        self.quote = quote
        self.dialog_args = dialog_args
        self.results: list = []

    def on_mount(self) -> None:
        self.push_screen(TagDialog(EXISTING, quote=self.quote, **self.dialog_args), self.results.append)


def chips(app) -> list[str]:
    return [chip.tag for chip in app.screen.query(TagChip)]


def test_suggestions_put_prefix_matches_first_and_skip_chosen_tags():
    assert suggest_tags("cl", EXISTING, []) == ["claim"]
    assert suggest_tags("mkts", EXISTING, [])[0] == "markets"
    assert "claim" not in suggest_tags("c", EXISTING, ["Claim"])
    assert suggest_tags("zzz", EXISTING, []) == []


async def test_several_tags_by_enter_and_comma_then_save_with_note():
    app = Host()
    async with app.run_test() as pilot:
        await pilot.press(*"claim", "enter")
        await pilot.press(*"new topic,", *"later")
        assert chips(app) == ["claim", "new-topic"]
        app.screen.query_one("#tag-note", TextArea).focus()
        await pilot.press(*"**why** it matters")
        await pilot.pause()
        preview = app.screen.query_one("#tag-note-preview", Markdown)
        assert "why" in preview.source
        await pilot.press("ctrl+s")
    assert app.results == [TagDialogResult(["claim", "new-topic", "later"], "**why** it matters")]


async def test_autocomplete_picks_a_suggestion_with_down_and_enter():
    app = Host()
    async with app.run_test() as pilot:
        await pilot.press(*"disp")
        options = app.screen.query_one("#tag-suggestions", OptionList)
        assert [options.get_option_at_index(i).id for i in range(options.option_count)] == ["disputed"]
        await pilot.press("down", "enter")
        assert chips(app) == ["disputed"]
        await pilot.press(*"MARKETS", "enter")
        assert chips(app) == ["disputed", "markets"]


async def test_backspace_on_empty_input_removes_the_last_tag_and_escape_cancels():
    app = Host(tags=["claim", "sourcing"], note="old note")
    async with app.run_test() as pilot:
        assert chips(app) == ["claim", "sourcing"]
        await pilot.press(*"ab", "backspace", "backspace")
        assert chips(app) == ["claim", "sourcing"]
        await pilot.press("backspace")
        assert chips(app) == ["claim"]
        await pilot.press("escape")
    assert app.results == [None]


async def test_initial_note_and_tags_are_saved_unchanged():
    app = Host(tags=["claim"], note="keep *this*")
    async with app.run_test() as pilot:
        await pilot.click("#tag-save")
    assert app.results == [TagDialogResult(["claim"], "keep *this*")]


async def test_editing_an_annotation_offers_delete():
    app = Host(tags=["claim"], note="n", editing=True)
    async with app.run_test() as pilot:
        await pilot.click("#tag-delete")
    assert app.results == [TagDialogResult(["claim"], "n", delete=True)]


async def test_a_new_annotation_has_no_delete_button():
    app = Host()
    async with app.run_test():
        assert not app.screen.query("#tag-delete")


async def test_mouse_picks_a_suggestion_and_removes_a_chip():
    app = Host(tags=["sourcing"])
    async with app.run_test() as pilot:
        await pilot.press(*"mark")
        await pilot.click("#tag-suggestions", offset=(2, 0))
        assert chips(app) == ["sourcing", "markets"]
        await pilot.click(TagChip)
        assert chips(app) == ["markets"]


async def test_enter_on_the_empty_tag_field_saves():
    app = Host()
    async with app.run_test() as pilot:
        await pilot.press(*"claim", "enter", "enter")
    assert app.results == [TagDialogResult(["claim"], "")]


async def test_at_80x24_with_a_note_every_button_shows_its_label_on_screen():
    app = Host(editing=True, tags=["claim"], note="Checked **twice**, see the\n\n- filing\n- call")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#tag-note-preview", Markdown).display
        for button_id, label in (("#tag-delete", "Delete"), ("#tag-save", "Save"), ("#tag-cancel", "Cancel")):
            button = app.screen.query_one(button_id)
            assert button.region.height >= 1 and button.region.bottom <= 24
            assert label in button.render_line(0).text


async def test_at_80x24_one_row_parts_the_quote_from_the_field_and_the_first_chip_takes_it():
    quote = ("The market is experiencing a notable rotation pattern driven by investor reassessment of risk "
             "exposure to mega-cap technology companies.")
    app = Host(quote=quote)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        dialog = app.screen
        label = dialog.query_one("#tag-dialog-quote")
        field = dialog.query_one("#tag-input")
        lines = [label.render_line(y).text.strip() for y in range(label.region.height)]
        assert all(lines), lines  # the quote fills every row it takes
        assert field.region.y - label.region.bottom == 1
        top = field.region.y
        await pilot.press(*"claim", "enter")
        await pilot.pause()
        [chip] = dialog.query(TagChip)
        assert chip.region.y == label.region.bottom and field.region.y == top
