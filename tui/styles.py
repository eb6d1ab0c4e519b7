"""How each entity and figure label looks in the reader, the legend and the inspector.

Every label has a colour for dark themes, a colour for light themes (each readable on that kind of
background), and a text attribute cue (bold, underline, italic, double underline …) so labels stay
distinguishable without colour, for colour-blind users and monochrome terminals.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from rich.color import Color, ColorParseError
from rich.style import Style


@dataclass(frozen=True, slots=True)
class LabelStyle:
    """The look of one label: a colour per theme kind plus attributes that work without colour."""

    label: str
    dark: str
    light: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    underline2: bool = False
    overline: bool = False

    @property
    def cue(self) -> str:
        """The non-colour cue in words, as the legend and help show it."""
        names = [
            name
            for name, on in (
                ("bold", self.bold),
                ("italic", self.italic),
                ("underline", self.underline),
                ("double underline", self.underline2),
                ("overline", self.overline),
            )
            if on
        ]
        return " + ".join(names) or "colour only"

    def style(self, dark: bool = True) -> Style:
        """The Rich style for a dark or a light theme."""
        return Style(
            color=self.dark if dark else self.light,
            bold=self.bold or None,
            italic=self.italic or None,
            underline=self.underline or None,
            underline2=self.underline2 or None,
            overline=self.overline or None,
        )


# Colours: the dark variants are light tints, the light variants deep shades, each with a contrast ratio of
# at least 4.5 against the backgrounds of Textual's built-in themes of that kind (tests/tui check it).
# Attribute combinations are unique per label, so no label depends on its colour alone.
LABEL_STYLES: dict[str, LabelStyle] = {
    style.label: style
    for style in (
        LabelStyle("PERSON", dark="#ffb86c", light="#9a4a00", bold=True),
        LabelStyle("ORG", dark="#79c0ff", light="#0b4f9c", underline=True),
        LabelStyle("PLACE", dark="#8ddb8c", light="#1f6f2a", italic=True),
        LabelStyle("PRODUCT", dark="#e2a8ff", light="#7a2a9e", bold=True, italic=True),
        LabelStyle("INDEX", dark="#6fdcd4", light="#00666b", italic=True, underline=True),
        LabelStyle("NORP", dark="#f0c8a8", light="#7a3f1a", italic=True, overline=True),
        LabelStyle("EVENT", dark="#c8b6ff", light="#4b2aa0", underline=True, overline=True),
        LabelStyle("OTHER", dark="#d0d0d0", light="#4a4a4a", underline2=True),
        LabelStyle("MONEY", dark="#ffdf5d", light="#7a5c00", bold=True, underline=True),
        LabelStyle("PERCENT", dark="#ff9e9e", light="#b01e1e", bold=True, italic=True, underline=True),
        LabelStyle("NUMBER", dark="#b4b8ff", light="#3a3fa8", bold=True, underline2=True),
        LabelStyle("DATE", dark="#e0bf94", light="#6b4a26", italic=True, underline2=True),
    )
}

ENTITY_LABELS = tuple(label for label in LABEL_STYLES if label not in ("MONEY", "PERCENT", "NUMBER", "DATE"))

# Labels nobody anticipated (a later extractor, a user's teaching) get a stable colour from this list and
# the one attribute no known label uses.
_FALLBACK_COLOURS = (("#f5a3c7", "#a0155a"), ("#c7e37a", "#4d6b00"), ("#9fd2ff", "#00558c"))


def label_style(label: str) -> LabelStyle:
    """The style of ``label`` (case-insensitive); unknown labels get a stable fallback."""
    key = label.upper()
    if key in LABEL_STYLES:
        return LABEL_STYLES[key]
    dark, light = _FALLBACK_COLOURS[zlib.crc32(key.encode()) % len(_FALLBACK_COLOURS)]
    return LabelStyle(key, dark=dark, light=light, overline=True)


def tag_colour(colour: str | None, fallback: str = "#d7af00") -> Color:
    """A tag's colour as a Rich colour; tags without a usable colour get ``fallback``."""
    try:
        return Color.parse(colour) if colour else Color.parse(fallback)
    except ColorParseError:
        return Color.parse(fallback)



