"""A small chooser for the label of a new entity, opened by the reader's "mark entity" key."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from tui.screens.closing import ClosesOnce
from tui.styles import ENTITY_LABELS, label_style


class LabelPicker(ClosesOnce, ModalScreen[str | None]):
    """Pick the label ``text`` should get; dismisses with the label, or None when cancelled."""

    DEFAULT_CSS = """
    LabelPicker { align: center middle; }
    LabelPicker > Vertical {
        width: 44; max-width: 90%; height: auto; max-height: 90%;
        border: round $accent; background: $panel; padding: 0 1;
    }
    LabelPicker #label-picker-title { width: 100%; margin-bottom: 1; }
    LabelPicker OptionList, LabelPicker OptionList:focus {
        height: auto; max-height: 14; border: none; background: $panel;
    }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="label-picker.cancel")]

    def __init__(self, text: str, labels: list[str] | None = None) -> None:
        super().__init__()
        self.text = text
        self.labels = labels or list(ENTITY_LABELS)

    def compose(self) -> ComposeResult:
        dark = self.app.current_theme.dark
        with Vertical():
            yield Label(Text.assemble("Mark ", (f"“{self.text}”", "bold"), " as"), id="label-picker-title")
            yield OptionList(
                *(Option(Text(label, style=label_style(label).style(dark)), id=label) for label in self.labels)
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
