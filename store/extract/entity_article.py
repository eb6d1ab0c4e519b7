"""Article-level consistency for entity candidates: one type per name, surnames and given names joined to the
full name they belong to, lists sharing a type ("Ottawa, Halifax and Quebec").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from store.extract.entity_rules import is_role_word
from store.extract.gazetteer import Entry

SUPERSEDED = "\x00superseded"  # key of a gazetteer hit swallowed by a longer name
_LIST_GAPS = frozenset({", ", " and ", ", and ", " or ", ", or ", " & ", " and the ", ", the "})
_POSSESSIVE = re.compile(r"['’]s$|(?<=s)['’]$")
_WORD_AFTER = re.compile(r" ([a-z]+)\b")


@dataclass(slots=True)
class Candidate:
    """A possible entity while an article is being read; becomes a ``Mention`` at the end."""

    start: int
    end: int
    label: str
    key: str
    confidence: int  # 3 gazetteer or ticker, 2 decisive cue, 1 hint, 0 unclear
    tokens: int = 1
    pending: bool = False  # keep only if the same key is confirmed elsewhere in the article
    entry: Entry | None = None


def strip_possessive(word: str, end: int) -> tuple[str, int]:
    """A word and its end offset without a trailing possessive ("Huang's" -> "Huang")."""
    possessive = _POSSESSIVE.search(word)
    if not possessive:
        return word, end
    return word[: -len(possessive.group())], end - len(possessive.group())


def resolve_article(text: str, tokens, candidates: list[Candidate]) -> list[Candidate]:
    """Make the article consistent: confirmed names only, one type per key, surnames joined to full names."""
    confirmed = {c.key for c in candidates if not c.pending}
    kept = [c for c in candidates if not c.pending or c.key in confirmed]
    best: dict[str, Candidate] = {}
    for candidate in kept:
        if candidate.key not in best or candidate.confidence > best[candidate.key].confidence:
            best[candidate.key] = candidate
    surnames: dict[str, str] = {}
    for candidate in kept:
        strongest = best[candidate.key]
        if strongest.confidence > candidate.confidence:
            candidate.label, candidate.confidence = strongest.label, strongest.confidence
        if candidate.label == "PERSON" and candidate.tokens > 1:
            surname = text[candidate.start:candidate.end].rsplit(" ", 1)[-1]
            surnames.setdefault(surname, candidate.key)
    given_names = _given_names(text, kept, surnames)
    for candidate in kept:
        name = text[candidate.start:candidate.end]
        person_key = surnames.get(name) or given_names.get(name)
        if person_key and candidate.tokens == 1 and candidate.confidence < 3:
            candidate.label, candidate.key, candidate.confidence = "PERSON", person_key, 2
    kept += _surname_mentions(tokens, surnames, kept)
    _share_labels_in_lists(text, kept)
    return kept


def _given_names(text: str, kept: list[Candidate], surnames: dict[str, str]) -> dict[str, str]:
    """Given name -> person, for given names that only one full name of the article carries."""
    owners: dict[str, set[str]] = {}
    for candidate in kept:
        if candidate.label == "PERSON" and candidate.tokens > 1:
            given = text[candidate.start:candidate.end].split(" ", 1)[0]
            owners.setdefault(given, set()).add(candidate.key)
    return {given: keys.pop() for given, keys in owners.items() if len(keys) == 1 and given not in surnames}


def _share_labels_in_lists(text: str, kept: list[Candidate]) -> None:
    """Names of unclear type take the type of their neighbours in a list ("Ottawa, Halifax and Quebec") or
    of the place after a comma ("Fairmont, West Virginia"), unless that place qualifies a role in apposition
    ("Hernan Dario Gomez, Panama coach,")."""
    ordered = sorted(kept, key=lambda c: c.start)
    group: list[Candidate] = []
    for index, candidate in enumerate(ordered):
        nxt = ordered[index + 1] if index + 1 < len(ordered) else None
        gap = text[candidate.end:nxt.start] if nxt is not None else ""
        # a name before a role is no list member: it qualifies the role ("X, Panama coach"); looked for only
        # between names a list gap joins (", " is one), as most names stand apart
        apposed = nxt is not None and gap in _LIST_GAPS and _role_after(text, nxt.end)
        if nxt is not None and candidate.confidence < 2 and nxt.label == "PLACE" and nxt.confidence == 3 \
                and gap == ", " and not apposed:
            candidate.label, candidate.confidence = "PLACE", 2
        group.append(candidate)
        if nxt is None or apposed or gap not in _LIST_GAPS:
            _share_label(group)
            group = []


def _role_after(text: str, end: int) -> bool:
    """Whether a role noun follows a name ("Panama coach", "Ohio senator")."""
    word = _WORD_AFTER.match(text, end)
    return word is not None and is_role_word(word.group(1))


def _share_label(group: list[Candidate]) -> None:
    labels = {c.label for c in group if c.confidence >= 2}
    if len(group) < 2 or len(labels) != 1:
        return
    label = labels.pop()
    for candidate in group:
        if candidate.confidence < 2 and candidate.label != label:
            candidate.label, candidate.confidence = label, 1


def _surname_mentions(tokens, surnames: dict[str, str], kept: list[Candidate]) -> list[Candidate]:
    """Occurrences of a known person's surname that the run pass skipped (sentence starters, headlines)."""
    if not surnames:
        return []
    taken = sorted((c.start, c.end) for c in kept)
    starts = [start for start, _ in taken]
    added = []
    for start, end, word in tokens:
        if word[-1:] in "s'’":  # only these endings can be a possessive
            word, end = strip_possessive(word, end)
        if word not in surnames:
            continue
        index = bisect_right(starts, start) - 1
        if index >= 0 and taken[index][1] > start:
            continue
        if index + 1 < len(taken) and taken[index + 1][0] < end:
            continue
        added.append(Candidate(start, end, "PERSON", surnames[word], 2))
    return added
