"""The words around a figure: a hedge before it ("about", "up to"), the cue word before a year or a month ("in",
"since"), a capitalised name whose number it is ("Russell 2000"), a clock time or "fiscal year" after it.

Each reads at most ``LOOKBEHIND`` characters before the figure, with one anchored match.
"""

from __future__ import annotations

import re

from store.extract.figure_patterns import COMMON_CAPITALISED, DATE_HEDGES, HEDGES, SP, alternation

LOOKBEHIND = 24  # enough characters for the longest hedge or cue and its spaces
# Read backwards from the figure: one anchored match on the reversed window instead of a search through it.
HEDGE_REVERSED = re.compile(rf"{SP}+(?i:({alternation(hedge[::-1] for hedge in HEDGES)}))(?!\w)")
CUE_BEFORE = re.compile(rf"(\w+{SP}+|[Mm]id-)\Z")
CLOCK_AFTER = re.compile(rf"{SP}*[AaPp]\.?[Mm]\b\.?")
YEAR_NOUN_AFTER = re.compile(rf"{SP}+(?:fiscal|financial|calendar|tax|academic|budget){SP}+year\b")
NAME_BEFORE = re.compile(rf"([\w&]*[A-Z][\w&]*){SP}+\Z")


def hedge_before(text: str, start: int) -> str | None:
    """The hedge word(s) right before ``start``, lower-cased, if they begin at a word boundary."""
    low = max(0, start - LOOKBEHIND)
    window = text[low:start][::-1]
    found = HEDGE_REVERSED.match(window)
    if not found or (found.end() == len(window) and low > 0 and text[low - 1].isalnum()):
        return None
    return found.group(1)[::-1].lower()


def date_hedge(text: str, start: int) -> str | None:
    cue = cue_before(text, start)
    return cue.rstrip("-") if cue and cue.rstrip("-") in DATE_HEDGES else None


def cue_before(text: str, start: int) -> str | None:
    """The word (or "end of", "mid-") just before ``start``, lower-cased."""
    low = max(0, start - LOOKBEHIND)
    found = CUE_BEFORE.search(text, low, start)
    if not found or (found.start() > 0 and text[found.start() - 1].isalnum()):
        return None
    return found.group(1).strip().lower()


def name_before(text: str, start: int) -> bool:
    """Whether a capitalised word that is not a common sentence opener stands right before ``start``."""
    low = max(0, start - LOOKBEHIND)
    found = NAME_BEFORE.search(text, low, start)
    before = text[found.start() - 1] if found and found.start() > 0 else " "
    if not found or before in "'’-" or before.isalnum():
        return False
    return found.group(1) not in COMMON_CAPITALISED

