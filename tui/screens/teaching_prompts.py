"""What the main screen asks before a teaching from the reader is stored: the label of a new entity (when the
reader did not say it), or a yes before a mention stops being highlighted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App

    from tui.widgets.reader import Reader

# teach(article_id, what, text, label, start): stores the teaching (in the background)
Teach = Callable[[int, str, str, "str | None", "int | None"], None]


def ask_then_teach(app: App, request: Reader.TeachRequested, teach: Teach) -> None:
    """Ask what ``request`` leaves open, if anything, then ``teach``; nothing is taught if the user backs out."""
    if request.what == "entity" and request.label is None:
        from tui.screens.label_picker import LabelPicker

        def chosen(label: str | None) -> None:
            if label:
                teach(request.article_id, "entity", request.text, label, None)

        app.push_screen(LabelPicker(request.text), chosen)
    elif request.what == "suppress":
        from tui.screens.tags import ConfirmDialog

        where = "here" if request.start is not None else "in every article"
        question = (f"Stop highlighting “{request.text}” {where}? "
                    "(From a shell, broadsheet entity list and entity remove ID undo it.)")

        def answered(yes: bool | None) -> None:
            if yes:
                teach(request.article_id, "suppress", request.text, None, request.start)

        app.push_screen(ConfirmDialog(question), answered)
    else:
        teach(request.article_id, request.what, request.text, request.label, request.start)
