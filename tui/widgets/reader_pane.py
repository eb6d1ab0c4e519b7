"""The reader with its legend above, a status line below (what covers the cursor, where you are) and the find
bar under that (hidden until ``ctrl+f``, mounted after the first frame)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from tui.styles import tag_colour
from tui.widgets.find_bar import FindBar
from tui.widgets.legend import Legend
from tui.widgets.reader import Reader

if TYPE_CHECKING:
    from store.model import Annotation


def status_text(annotations: list[Annotation], position: tuple[int, int], layers: dict[str, bool]) -> Text:
    """``▍#tag note … · notes hidden · boilerplate shown · 12/140``: the annotations under the cursor, the
    layers switched away from their default, the sentence position."""
    text = Text(no_wrap=True, overflow="ellipsis")
    for annotation in annotations:
        for name, colour in annotation.tag_colors:
            text.append("▍", style=tag_colour(colour).name)
            text.append(f"#{name} ")
        if annotation.note:
            text.append(annotation.note.replace("\n", " ") + "  ", style="italic")
    changed = [f"{layer} {'shown' if on else 'hidden'}" for layer, on in layers.items()
               if on != (layer != "boilerplate")]
    current, total = position
    tail = " · ".join(changed + ([f"{current}/{total}"] if total else []))
    if tail:
        text.append(tail, style="dim")
    return text


class ReaderPane(Vertical):
    """Legend, Reader, status: compose this where the reader goes and talk to ``.reader``."""

    DEFAULT_CSS = """
    ReaderPane { height: 1fr; }
    ReaderPane > Reader { height: 1fr; }
    ReaderPane > #reader-status { height: 1; padding: 0 1; background: $panel; color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        yield Legend()
        yield Reader()
        yield Static(id="reader-status")

    def on_mount(self) -> None:
        # The find bar follows one frame after the reader: it stays hidden until ctrl+f, which needs an open
        # article, and its input's mount and styles cost the app's first frame ~5 ms.
        self.call_after_refresh(self._mount_find_bar)

    def _mount_find_bar(self) -> None:
        if self.is_attached:  # not when the app closed within its first frame
            self.mount(FindBar())

    @property
    def reader(self) -> Reader:
        return self.query_one(Reader)

    def _update_legend(self) -> None:
        self.query_one(Legend).show(self.reader.labels, self.reader.layers)

    def _update_status(self) -> None:
        reader = self.reader
        span = reader.selection
        notes = reader.annotations_at(*span) if span and reader.layers["annotations"] else []
        status = status_text(notes, reader.cursor_position, reader.layers)
        self.query_one("#reader-status", Static).update(status, layout=False)  # one fixed line: no re-layout

    def on_reader_layers_changed(self, message: Reader.LayersChanged) -> None:
        self._update_legend()
        self._update_status()

    def on_reader_selection_changed(self, message: Reader.SelectionChanged) -> None:
        self._update_status()

