"""The nicknames an article gives its people: "Everyone called him Mike", "Cherie Smith, known as Lucky,",
"nicknamed Sully". A speaker named by the nickname ("Mike said", "a Mike Ford novel") is the person named in full."""

from __future__ import annotations

import re

from store.extract.speaker_names import last_before, plain_name, surname
from store.model import Mention

# a nickname given to the person named just before: "called him Mike", "nicknamed Sully", "went by Lucky"
_CALLED = re.compile(r"\b(?:called|calls|call)\s+(?:him|her)\s+[\"“‘]?([A-Z][a-z]+)\b(?![\"”’]?\s+[A-Z])"
                     r"|\b(?:nicknamed|went\s+by|goes\s+by)\s+[\"“‘]?([A-Z][a-z]+)\b(?![\"”’]?\s+[A-Z])")
# in apposition right after the name: "Cherie Smith, known as Lucky,"
_KNOWN_AS = re.compile(r",?\s+(?:(?:better|widely|commonly|affectionately)\s+)?known\s+as\s+[\"“‘]?([A-Z][a-z]+)\b"
                       r"(?![\"”’]?\s+[A-Z])")
_CUES = ("called him", "called her", "calls him", "calls her", "call him", "call her", "known as", "nicknamed",
         "went by", "goes by")
_REACH = 200  # characters from the person's name to "called him": the same or the next sentence


def nicknames(text: str, people: list[Mention], full: dict[str, str]) -> dict[str, str]:
    """Each nickname (casefolded, without accents) → the surname of the person it names, likewise folded."""
    found: dict[str, str] = {}
    if not any(cue in text for cue in _CUES):
        return found  # most articles give no nickname: skip the scans
    for cue in _CALLED.finditer(text):
        person = last_before(people, cue.start())
        if person is not None and cue.start() - person.end <= _REACH:
            found.setdefault(plain_name(cue.group(1) or cue.group(2)), _surname_of(person, full))
    for person in people:
        if known := _KNOWN_AS.match(text, person.end):
            found.setdefault(plain_name(known.group(1)), _surname_of(person, full))
    return found


def _surname_of(person: Mention, full: dict[str, str]) -> str:
    return plain_name(surname(full.get(person.entity or "", person.text).split()))
