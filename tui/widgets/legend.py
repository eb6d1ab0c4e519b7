"""The legend above the reader: each label present in the article drawn in its own style."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from tui.styles import LABEL_STYLES, label_style


def legend_text(labels: dict[str, str], layers: dict[str, bool], dark: bool) -> Text:
    """``PERSON ORG MONEY …`` each in its style, from label → kind ("entity"/"figure"); the labels of a
    hidden layer are struck through and dimmed, so the legend also says what is switched off."""
    text = Text(no_wrap=False)
    for label, kind in labels.items():
        shown = layers.get("figures" if kind == "figure" else "entities", True)
        text.append(label, style=label_style(label).style(dark) if shown else "dim strike")
        text.append(" ")
    text.rstrip()
    return text or Text("no entities or figures in this article", style="dim italic")


def legend_tooltip(labels: list[str]) -> str:
    """Each label with its non-colour cue, for users who cannot tell the colours apart."""
    return "\n".join(f"{label}: {label_style(label).cue}" for label in labels)


class Legend(Static):
    """One line (two when narrow) telling which colour and attribute means which label; the tooltip names
    each label's non-colour cue."""

    DEFAULT_CSS = """
    Legend { height: auto; max-height: 2; padding: 0 1; background: $panel; color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[dict[str, str], dict[str, bool]] = ({}, {})

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda theme: self.show(*self._shown))

    def show(self, labels: dict[str, str], layers: dict[str, bool]) -> None:
        """Show ``labels`` (label → kind, those present in the article; known ones first)."""
        self._shown = (labels, layers)
        known = [label for label in LABEL_STYLES if label in labels]
        ordered = {label: labels[label] for label in known + sorted(set(labels) - set(known))}
        self.update(legend_text(ordered, layers, self.app.current_theme.dark))
        self.tooltip = legend_tooltip(list(ordered)) or None
