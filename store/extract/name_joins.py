"""Whether two capitalised tokens of a run belong to one name: the gap between them, numbers, "of" and "on".

Used by ``store.extract.entities`` as it builds runs of capitalised words; a gazetteer hit stands in a run as
``HIT``.
"""

from __future__ import annotations

import re

from store.extract.entity_rules import OF_HEADS, ON_HEADS, PARTICLES
from store.extract.figure_patterns import MONTHS, WEEKDAYS

HIT = "\x00hit"  # stands for a gazetteer hit inside a run of tokens
LEADING_ARTICLES = frozenset({"The", "A", "An"})
# scores ("6-3", "7-6", "2–1") and year ranges ("1955-2011"): never part of a name
_SCORE = re.compile(r"\d{1,2}[-–]\d{1,2}|(?:1[89]|20)\d\d[-–](?:\d\d){1,2}")
_MONTHS = frozenset(MONTHS)
_CALENDAR = _MONTHS | frozenset(WEEKDAYS)  # "the Commission on Tuesday": a date, not a name


def joins(gap: str, previous: str, word: str, after: str) -> bool:
    """Whether two capitalised tokens separated by ``gap`` belong to one name; ``after`` is the two characters
    after ``word``. A number joins a name ("Falcon 9", "Boeing 737-800") unless it is a year, a score ("6-3",
    "2-1", "1955-2011") or a list number ("2." or "2)" before a space); a word after "No." opens a sentence."""
    if word is not HIT and word[0].isdigit():
        return (
            gap == " " and not _is_year(word) and previous is not HIT and previous not in _MONTHS
            and not _SCORE.fullmatch(word) and not (len(word) <= 2 and after[:1] in ".)" and after[1:2] in " \n")
        )
    if previous == "No." or previous is not HIT and previous.endswith(".") and word in LEADING_ARTICLES:
        return False  # "No. The ...", "LL Cool J. The ...": a sentence ends between them
    if gap in (" ", " & "):
        return True
    if gap == " of ":
        return previous is HIT or previous in OF_HEADS
    if gap == " on ":  # "Commission on Presidential Debates"
        return previous in ON_HEADS and word not in _CALENDAR
    return len(gap) > 2 and gap[0] == " " and gap[-1] == " " and gap[1:-1] in PARTICLES


def _is_year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and word[:2] in {"19", "20"}
