"""The tag dialog: several tags with autocomplete over the existing ones, and a Markdown note shown rendered.

It opens at once, its field focused, and reads the known tags (suggestions, chip colours) in the background:
keys typed right behind the key that opened it land in the field, none of them in the screen beneath.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, Markdown, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from store.model import Annotation
from store.tags import TagError, default_color, list_tags, normalize_tag
from tui.background import run_in_background
from tui.screens.closing import ClosesOnce

MAX_SUGGESTIONS = 6
# partial_ratio on case-folded names: "mkt" finds "markets" (~67), unrelated names score well below.
MIN_SUGGESTION_SCORE = 60


@dataclass(frozen=True, slots=True)
class TagDialogResult:
    """What the user saved: the tags in the order given, and the note (Markdown, may be empty); ``delete``
    when the user pressed Delete on an existing annotation instead."""

    tags: list[str]
    note: str
    delete: bool = False


def suggest_tags(query: str, existing: list[str], chosen: list[str]) -> list[str]:
    """Existing tags matching what is typed: names starting with it first, then fuzzy matches (rapidfuzz)."""
    query = query.strip().lstrip("#").casefold()
    taken = {name.casefold() for name in chosen}
    names = [name for name in existing if name.casefold() not in taken]
    if not query:
        return names[:MAX_SUGGESTIONS]
    starting = [name for name in names if name.casefold().startswith(query)]
    rest = [name for name in names if name not in starting]
    fuzzy = process.extract(
        query,
        rest,
        scorer=fuzz.partial_ratio,
        processor=str.casefold,
        score_cutoff=MIN_SUGGESTION_SCORE,
        limit=MAX_SUGGESTIONS,
    )
    return (starting + [name for name, _score, _index in fuzzy])[:MAX_SUGGESTIONS]


@dataclass
class TagsKnown(Message):
    """The tags of the corpus (rows of ``store.tags.list_tags``), read after the dialog opened."""

    tags: list[dict]


class TagInput(Input):
    """The tag entry: backspace in an empty field asks to remove the last tag chip."""

    class RemoveLast(Message):
        """Backspace was pressed with nothing typed."""

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "backspace" and not self.value:
            event.prevent_default()
            event.stop()
            self.post_message(self.RemoveLast())
            return
        await super()._on_key(event)


class TagChip(Static):
    """One chosen tag, in its colour; clicking it removes it."""

    def __init__(self, tag: str, color: str) -> None:
        super().__init__(classes="chip")
        self.show(tag, color)

    def show(self, tag: str, color: str) -> None:
        self.tag = tag
        self.update(Text.assemble((f" #{tag} ", f"bold {color}"), ("×", "dim")))

    def on_click(self) -> None:
        self.screen.remove_tag(self.tag)


class TagDialog(ClosesOnce, ModalScreen[TagDialogResult | None]):
    """Tag a quote: dismisses with a :class:`TagDialogResult`, or None when cancelled.

    Type a tag and press Enter or a comma to add it; Up/Down pick one of the suggestions for Enter;
    Backspace in the empty field removes the last tag, Enter in the empty field saves.
    """

    DEFAULT_CSS = """
    TagDialog { align: center middle; }
    TagDialog > Vertical {
        width: 80%; max-width: 100; height: auto; max-height: 95%;
        border: round $accent; background: $panel; padding: 0 1;
    }
    TagDialog #tag-dialog-quote { width: 100%; color: $text-muted; max-height: 3; }
    /* One row between the quote and the field, which the chips take: no margin beside it (two empty rows at
       80×24), and the field does not move when the first tag is added. */
    TagDialog #tag-chips { height: auto; min-height: 1; }
    TagDialog .chip { width: auto; margin-right: 1; }
    TagDialog #tag-suggestions { height: auto; max-height: 7; border: none; background: $panel; }
    TagDialog #tag-suggestions.-empty { display: none; }
    TagDialog #tag-note-row { height: 6; }
    TagDialog #tag-note { width: 1fr; height: 100%; }
    TagDialog #tag-note-preview { width: 1fr; height: 100%; border: tall $panel-lighten-1; padding: 0 1;
                                  margin-left: 1; overflow-y: auto; }
    TagDialog #tag-note-preview.-empty { display: none; }
    TagDialog #tag-dialog-buttons { height: auto; align-horizontal: right; margin-top: 1; }
    TagDialog Button { margin-left: 2; }
    """
    BINDINGS = [
        # Not a priority binding: it must run after the letters typed before it (a burst) are in the field.
        Binding("ctrl+s", "save", "Save", id="tagdialog.save"),
        Binding("escape", "cancel", "Cancel", priority=True, id="tagdialog.cancel"),
        Binding("down", "suggestion(1)", "Next suggestion", show=False, id="tagdialog.next-suggestion"),
        Binding("up", "suggestion(-1)", "Previous suggestion", show=False, id="tagdialog.previous-suggestion"),
    ]

    def __init__(
        self,
        existing_tags: list[str],
        tags: list[str] | None = None,
        note: str = "",
        quote: str = "",
        colors: dict[str, str] | None = None,
        editing: bool = False,
        db_path: Path | None = None,
    ) -> None:
        """``existing_tags`` feed the autocomplete, ``colors`` their chips; ``editing`` (an annotation that
        exists already) adds a Delete button; with ``db_path`` the known tags are read from there too."""
        super().__init__()
        self.db_path = db_path
        self.editing = editing
        self.existing_tags = list(existing_tags)
        self.tags: list[str] = []
        self.initial_tags = list(tags or [])
        self.initial_note = note
        self.quote = quote
        self.tag_colors = dict(colors or {})

    @classmethod
    def for_annotation(cls, db_path: Path, record: Annotation | None, quote: str) -> TagDialog:
        """The dialog for a new annotation of ``quote`` (``record`` None) or for editing ``record``, completing
        the tags of the database at ``db_path``."""
        return cls(
            [],
            tags=list(record.tags) if record else None,
            note=record.note if record else "",
            quote=record.exact if record else quote,
            editing=record is not None,
            db_path=db_path,
        )

    def compose(self) -> ComposeResult:
        excerpt = " ".join(self.quote.split())
        with Vertical():
            yield Label(
                Text.assemble(("Edit annotation on " if self.editing else "Tag ", "bold"),
                              (f"“{excerpt[:200]}{'…' if len(excerpt) > 200 else ''}”", "italic")),
                id="tag-dialog-quote",
            )
            yield Horizontal(id="tag-chips")
            yield TagInput(placeholder="tags: Enter or comma adds one · Enter on empty saves", id="tag-input")
            yield OptionList(id="tag-suggestions", classes="-empty")
            yield Label("Note (Markdown)")
            # The note and, once there is one, its rendering side by side; with one-line buttons the dialog
            # fits an 80×24 terminal.
            with Horizontal(id="tag-note-row"):
                yield TextArea(
                    self.initial_note, id="tag-note", language="markdown", soft_wrap=True, show_line_numbers=False
                )
                yield Markdown(self.initial_note, id="tag-note-preview", classes="" if self.initial_note else "-empty")
            with Horizontal(id="tag-dialog-buttons"):
                if self.editing:
                    yield Button("Delete", variant="error", id="tag-delete", compact=True)
                yield Button("Save  ctrl+s", variant="primary", id="tag-save", compact=True)
                yield Button("Cancel  esc", id="tag-cancel", compact=True)
        yield Footer()  # this dialog's keys, over the footer of the screen beneath (whose keys do not work here)

    def on_mount(self) -> None:
        self.query_one("#tag-suggestions", OptionList).can_focus = False
        for tag in self.initial_tags:
            self.add_tag(tag)
        note = self.query_one("#tag-note", TextArea)
        note.move_cursor(note.document.end)  # what is typed into an existing note goes after it
        # At once (``focus()`` would wait for the keys already queued, which would find no focus to go to).
        self.set_focus(self.query_one("#tag-input", TagInput))
        if self.db_path is not None:
            run_in_background(self, list_tags, db_path=self.db_path, group="known-tags", reply=TagsKnown)

    @on(TagsKnown)
    def _tags_known(self, message: TagsKnown) -> None:
        """Suggest the corpus's tags; chips added before they came take their spelling and colour."""
        self.existing_tags = [tag["name"] for tag in message.tags]
        self.tag_colors.update({tag["name"]: tag["color"] for tag in message.tags if tag["color"]})
        known = {name.casefold(): name for name in self.existing_tags}
        self.tags = [known.get(tag.casefold(), tag) for tag in self.tags]
        for chip in self.query(TagChip):
            tag = known.get(chip.tag.casefold(), chip.tag)
            chip.show(tag, self.tag_colors.get(tag) or default_color(tag))
        self._refresh_suggestions()

    def add_tag(self, raw: str) -> None:
        """Add a tag chip (normalised; a tag already present is not repeated, whatever its case)."""
        try:
            tag = normalize_tag(raw)
        except TagError:
            return
        known = {name.casefold(): name for name in self.existing_tags}
        tag = known.get(tag.casefold(), tag)
        if tag.casefold() in {t.casefold() for t in self.tags}:
            return
        self.tags.append(tag)
        self.query_one("#tag-chips").mount(TagChip(tag, self.tag_colors.get(tag) or default_color(tag)))
        self._refresh_suggestions()

    def remove_tag(self, tag: str) -> None:
        """Remove a tag chip."""
        for chip in self.query(TagChip):
            if chip.tag == tag:
                chip.remove()
        self.tags = [t for t in self.tags if t != tag]
        self._refresh_suggestions()

    @on(Input.Changed, "#tag-input")
    def typed(self, event: Input.Changed) -> None:
        if "," in event.value:
            *complete, rest = event.value.split(",")
            for part in complete:
                self.add_tag(part)
            event.input.value = rest.lstrip()
            return
        self._refresh_suggestions()

    @on(Input.Submitted, "#tag-input")
    def submitted(self, event: Input.Submitted) -> None:
        suggestions = self.query_one("#tag-suggestions", OptionList)
        if suggestions.highlighted is not None and not suggestions.has_class("-empty"):
            self.add_tag(str(suggestions.get_option_at_index(suggestions.highlighted).id))
        elif event.value.strip():
            self.add_tag(event.value)
        else:
            self.action_save()  # Enter on an empty field: tags typed, nothing more to add
            return
        event.input.value = ""

    @on(TagInput.RemoveLast)
    def remove_last(self) -> None:
        if self.tags:
            self.remove_tag(self.tags[-1])

    @on(OptionList.OptionSelected, "#tag-suggestions")
    def suggestion_clicked(self, event: OptionList.OptionSelected) -> None:
        self.add_tag(str(event.option.id))
        self.query_one("#tag-input", TagInput).value = ""

    @on(TextArea.Changed, "#tag-note")
    def note_changed(self, event: TextArea.Changed) -> None:
        preview = self.query_one("#tag-note-preview", Markdown)
        preview.set_class(not event.text_area.text.strip(), "-empty")
        preview.update(event.text_area.text)

    def _refresh_suggestions(self) -> None:
        query = self.query_one("#tag-input", TagInput).value
        names = suggest_tags(query, self.existing_tags, self.tags) if query.strip() else []
        option_list = self.query_one("#tag-suggestions", OptionList)
        option_list.clear_options()
        option_list.add_options(
            [
                Option(Text(f"#{name}", style=self.tag_colors.get(name) or default_color(name)), id=name)
                for name in names
            ]
        )
        option_list.highlighted = None
        option_list.set_class(not names, "-empty")

    def action_suggestion(self, step: int) -> None:
        """Move the highlight through the suggestions (only while typing a tag)."""
        option_list = self.query_one("#tag-suggestions", OptionList)
        if option_list.option_count == 0:
            return
        current = option_list.highlighted
        option_list.highlighted = (
            (0 if step > 0 else option_list.option_count - 1)
            if current is None
            else (current + step) % option_list.option_count
        )

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        # Up/Down belong to the note editor when it has focus.
        return not (action == "suggestion" and not isinstance(self.focused, TagInput))

    @on(Button.Pressed, "#tag-save")
    def action_save(self) -> None:
        pending = self.query_one("#tag-input", TagInput).value
        if pending.strip():
            self.add_tag(pending)
        self.dismiss(TagDialogResult(list(self.tags), self.query_one("#tag-note", TextArea).text))

    @on(Button.Pressed, "#tag-delete")
    def delete_annotation(self) -> None:
        self.dismiss(TagDialogResult(list(self.tags), self.query_one("#tag-note", TextArea).text, delete=True))

    @on(Button.Pressed, "#tag-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
