"""The legend above the reader: each label present in the article drawn in its own style, and the layer switches."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from tui.styles import LABEL_STYLES, label_style

_LAYER_NAMES = {"entities": "entities", "figures": "figures", "annotations": "notes", "boilerplate": "boilerplate"}


def legend_text(labels: dict[str, str], layers: dict[str, bool], dark: bool) -> Text:
    """``PERSON ORG … │ ✓entities ✓figures ✓notes ✗boilerplate`` from label → kind ("entity"/"figure");
    labels of hidden layers are left out."""
    text = Text()
    for label, kind in labels.items():
        if layers.get("figures" if kind == "figure" else "entities", True):
            text.append(label, style=label_style(label).style(dark))
            text.append(" ")
    if text:
        text.append("│ ", style="dim")
    for layer, name in _LAYER_NAMES.items():
        on = layers.get(layer, False)
        text.append(("✓" if on else "✗") + name + " ", style="" if on else "dim")
    return text


def legend_tooltip(labels: list[str]) -> str:
    """Each label with its non-colour cue, for users who cannot tell the colours apart."""
    return "\n".join(f"{label}: {label_style(label).cue}" for label in labels)


class Legend(Static):
    """One line (two when narrow) telling which colour and attribute means which label."""

    DEFAULT_CSS = """
    Legend { height: auto; max-height: 3; padding: 0 1; background: $panel; color: $text-muted; }
    """

    def show(self, labels: dict[str, str], layers: dict[str, bool]) -> None:
        """Show ``labels`` (label → kind, those present in the article; known ones first) and the layers."""
        known = [label for label in LABEL_STYLES if label in labels]
        ordered = {label: labels[label] for label in known + sorted(set(labels) - set(known))}
        self.update(legend_text(ordered, layers, self.app.current_theme.dark))
        self.tooltip = legend_tooltip(list(ordered)) or None
