"""The last passes over an article's entity candidates: sports teams, tickers, and the mentions themselves."""

from __future__ import annotations

import re

from store.extract.entity_article import Candidate
from store.extract.gazetteer import Gazetteer
from store.extract.tickers import find_tickers, parenthesised_after
from store.model import Mention

_SCORE_AFTER = re.compile(r" \(?\d{1,3}[-–]\d{1,3}(?!\w)")
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_MATCH_GAP = re.compile(r" (?:beat|beats|defeated|defeat|edged|thrashed|drew with|lost to|v\.?|vs\.?|versus|and) ")


def sports_teams(text: str, gaz: Gazetteer, candidates: list[Candidate]) -> None:
    """A city or an unclear name right before a match score ("Chelsea 2-1", "Leeds (3-0)"), and its opponent
    named before "beat", "drew with" or "v", is a team: ORG. Teams named by their country stay places (the
    CoNLL convention), and so do two-word personal names (a tennis score follows a player)."""
    ordered = sorted(candidates, key=lambda c: c.start)
    for index, candidate in enumerate(ordered):
        if not _SCORE_AFTER.match(text, candidate.end) or not _may_be_team(candidate, gaz):
            continue
        candidate.label, candidate.confidence = "ORG", max(candidate.confidence, 2)
        previous = ordered[index - 1] if index else None
        if previous and _MATCH_GAP.fullmatch(text, previous.end, candidate.start) and _may_be_team(previous, gaz):
            previous.label, previous.confidence = "ORG", max(previous.confidence, 2)


def _may_be_team(candidate: Candidate, gaz: Gazetteer) -> bool:
    if candidate.label == "PLACE":
        return candidate.key not in gaz.countries
    return candidate.label in ("OTHER", "PERSON") and candidate.confidence < 2 or candidate.label == "ORG"


def abbreviations(text: str, candidates: list[Candidate]) -> None:
    """An acronym in parentheses right after a name is that name's ("European Court of Justice (ECJ)"): wherever
    the article uses it, it takes the name's type when its letters open the name's capitalised words."""
    by_start = {c.start: c for c in candidates}
    types = {}
    for candidate in candidates:
        acronym = by_start.get(candidate.end + 2) if text[candidate.end : candidate.end + 2] == " (" else None
        if acronym is None or text[acronym.end : acronym.end + 1] != ")" or candidate.label in ("OTHER", "TICKER"):
            continue
        letters = text[acronym.start : acronym.end]
        initials = "".join(w[0] for w in text[candidate.start : candidate.end].split() if w[:1].isupper())
        if _ACRONYM.fullmatch(letters) and initials == letters:
            types[acronym.key] = candidate.label, candidate.confidence
    for candidate in candidates:
        if candidate.key in types:
            candidate.label, candidate.confidence = types[candidate.key]


def add_tickers(text: str, gaz: Gazetteer, candidates: list[Candidate]) -> list[Candidate]:
    """Tickers (cashtags, exchange prefixes, a known company's own symbol in parentheses) replace any other
    candidate on the same characters."""
    tickers = [Candidate(s, e, "TICKER", key, 3) for s, e, key in find_tickers(text, gaz)]
    for candidate in candidates:
        if candidate.entry is not None and candidate.entry.ticker:
            span = parenthesised_after(text, candidate.end, candidate.entry.ticker)
            if span:
                tickers.append(Candidate(span[0], span[1], "TICKER", candidate.key, 3))
    if not tickers:
        return candidates
    return tickers + [c for c in candidates if not any(t.start < c.end and c.start < t.end for t in tickers)]


def to_mentions(text: str, candidates: list[Candidate]) -> list[Mention]:
    """Non-overlapping mentions in text order (the longer one wins a tie), never across a line break."""
    mentions: list[Mention] = []
    last_end = -1
    for c in sorted(candidates, key=lambda c: (c.start, c.start - c.end)):
        if c.start < last_end or c.start >= c.end or "\n" in text[c.start:c.end]:
            continue
        mentions.append(Mention(c.start, c.end, text[c.start:c.end], "entity", c.label, entity=c.key))
        last_end = c.end
    return mentions
