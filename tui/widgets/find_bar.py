"""The find bar under the reader (``ctrl+f``): one line, as in browsers and ``less``, so the text stays in view.

It only edits the query and says how many matches there are: it posts what the user asks for (a new query, the
next or previous match, done or cancelled) and the screen searches and moves the reader.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Static

PLACEHOLDER = "words in this article · ↓↑ next/previous · ⏎ done · esc back"


class FindBar(Horizontal):
    """``Find: [query]  Match 3 of 12``, hidden until opened; its keys are in the placeholder and the footer."""

    DEFAULT_CSS = """
    FindBar { height: 1; display: none; background: $panel; }
    FindBar.-open { display: block; }
    FindBar > #find-label { width: auto; padding: 0 1; color: $text-muted; }
    FindBar > #find-input { width: 1fr; min-width: 12; height: 1; border: none; padding: 0; background: $boost; }
    FindBar > #find-count { width: auto; padding: 0 1; color: $text-muted; }
    """
    BINDINGS = [
        Binding("escape", "close(False)", "Back", id="find-bar.cancel"),
        Binding("down", "step(1)", "Next match", id="find-bar.next"),
        Binding("up", "step(-1)", "Previous match", id="find-bar.previous"),
    ]

    @dataclass
    class Changed(Message):
        """The query was edited."""

        query: str

    @dataclass
    class Step(Message):
        """Show the next (``step`` 1) or previous (-1) match."""

        step: int

    @dataclass
    class Closed(Message):
        """The bar closed: ``accepted`` (Enter) keeps the match on show, else the reader goes back."""

        accepted: bool

    def compose(self) -> ComposeResult:
        yield Static("Find:", id="find-label")
        yield Input(placeholder=PLACEHOLDER, id="find-input", select_on_focus=True)
        yield Static("", id="find-count")

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    @property
    def query_text(self) -> str:
        return self.query_one(Input).value

    def open(self) -> None:
        """Show the bar with the last query selected (typing replaces it, Enter finds it again)."""
        self.add_class("-open")
        self.query_one(Input).focus()

    def show_count(self, text: str) -> None:
        """``Match 3 of 12``, ``No match``, or nothing (an empty query)."""
        self.query_one("#find-count", Static).update(text)

    def action_step(self, step: int) -> None:
        self.post_message(self.Step(step))

    def action_close(self, accepted: bool) -> None:
        self.remove_class("-open")
        self.post_message(self.Closed(accepted))

    @on(Input.Changed, "#find-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    @on(Input.Submitted, "#find-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_close(True)
