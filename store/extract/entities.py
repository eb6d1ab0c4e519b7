"""Named entities in news text: people, organisations, places, indexes, tickers, products.

Offline and rule-based: gazetteer hits (Aho-Corasick over curated lists) first, then runs of capitalised
words that are not sentence starters or common words, typed by their own shape and the cue words around
them. A final pass makes each article consistent: one type per name, a surname after a full name is the
same person, names seen only in a Title-Case headline count only if the body confirms them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.extract.canonical import canonical_key
from store.extract.entity_rules import PARTICLES, PERSON_TITLES, OF_HEADS, type_by_context, type_by_shape
from store.extract.gazetteer import Entry, Gazetteer, case_fits, fold, gazetteer
from store.extract.tickers import find_tickers, parenthesised_after
from store.model import Mention

ENTITY_VERSION = 1

_TOKEN = re.compile(r"[^\W_][\w&]*(?:[.'’\-][\w&]+)*\.?")
_SENTENCE_START = re.compile(r"(?:^|[.!?;:…][\"'”’)\]]*\s+)[\s\"“‘'(\[*•–—-]*")
_POSSESSIVE = re.compile(r"['’]s$|(?<=s)['’]$")
_ABBREVIATIONS = frozenset(
    "Inc. Corp. Co. Ltd. Jr. Sr. St. Mr. Mrs. Ms. Dr. Gen. Sen. Rep. Gov. Lt. Col. Prof. Mt. Ft. No. U.S. U.K. "
    "U.N. E.U. D.C. L.A. S.A. N.V.".split()
)
_LEADING_ARTICLES = frozenset({"The", "A", "An"})
# Lower-case words a headline keeps lower-case; any other lower-case word makes a line prose.
_HEADLINE_SMALL = frozenset(
    "a an the and or but nor of in on at to for by with from as vs vs. via per into onto over amid after is are be "
    "up down out off than".split()
)


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    label: str
    key: str
    confidence: int  # 3 gazetteer or ticker, 2 decisive cue, 1 hint, 0 unclear
    tokens: int = 1
    pending: bool = False  # keep only if the same key is confirmed elsewhere in the article
    entry: Entry | None = None


def find_entities(text: str, teachings=None) -> list[Mention]:
    """Every named entity in ``text``: ``Mention(kind="entity")`` with a label and a canonical ``entity`` key.

    ``teachings`` is accepted for the common extractor signature; user corrections are applied on top of
    this output by ``store.extract``.
    """
    if not text:
        return []
    gaz = gazetteer()
    candidates = _gazetteer_hits(text, gaz)
    starts = _sentence_starts(text)
    candidates += _capitalised_runs(text, gaz, candidates, starts)
    candidates = _mark_ambiguous(text, gaz, candidates, starts)
    candidates = _resolve(text, candidates)
    candidates = _add_tickers(text, gaz, candidates)
    return _to_mentions(text, candidates)


def _gazetteer_hits(text: str, gaz: Gazetteer) -> list[_Candidate]:
    """Leftmost-longest gazetteer matches on word boundaries, spelled like names."""
    hits = []
    for end_index, (alias, entry) in gaz.automaton.iter(fold(text)):
        start, end = end_index + 1 - len(alias), end_index + 1
        if (start > 0 and (text[start - 1].isalnum() or text[start - 1] in "&@#$")) or (
            end < len(text) and (text[end].isalnum() or text[end] == "&")
        ):
            continue
        if case_fits(alias, text[start:end]):
            hits.append(_Candidate(start, end, entry.label, entry.key, 3, alias.count(" ") + 1, entry=entry))
    hits.sort(key=lambda c: (c.start, c.start - c.end))
    kept: list[_Candidate] = []
    for hit in hits:
        if not kept or hit.start >= kept[-1].end:
            kept.append(hit)
    return kept


def _sentence_starts(text: str) -> set[int]:
    """Offsets where a sentence (or a line) begins, after any opening quote or bullet."""
    starts = {match.end() for match in _SENTENCE_START.finditer(text)}
    for line_start in (m.end() for m in re.finditer(r"\n[\s\"“‘'(\[*•–—-]*", text)):
        starts.add(line_start)
    return starts


def _tokens(line: str, offset: int) -> list[tuple[int, int, str]]:
    """Word tokens of one line as (start, end, text), a sentence-final period left out."""
    tokens = []
    for match in _TOKEN.finditer(line):
        word = match.group()
        if word.endswith(".") and word not in _ABBREVIATIONS and not re.fullmatch(r"(?:[A-Za-z]\.)+", word):
            word = word[:-1]
        tokens.append((offset + match.start(), offset + match.start() + len(word), word))
    return tokens


def _is_capitalised(word: str) -> bool:
    """A word written as a name: "Apple", "NVIDIA", "iPhone", "eBay", "xAI"."""
    first = word[0]
    return first.isupper() or (first.islower() and len(word) > 2 and any(ch.isupper() for ch in word[1:3]))


def _is_headline(words: list[str]) -> bool:
    """A Title-Case line: at least two capitalised words and hardly any lower-case content word."""
    capitalised = sum(1 for word in words if _is_capitalised(word))
    lower = sum(1 for word in words if word[0].islower() and word not in _HEADLINE_SMALL)
    return capitalised >= 2 and lower * 4 <= capitalised


def _capitalised_runs(
    text: str, gaz: Gazetteer, hits: list[_Candidate], starts: set[int]
) -> list[_Candidate]:
    """Candidates from runs of capitalised words outside gazetteer hits, line by line."""
    covered = {hit.start: hit.end for hit in hits}
    found: list[_Candidate] = []
    offset = 0
    for line in text.split("\n"):
        tokens = _tokens(line, offset)
        if tokens:
            headline = _is_headline([word for _, _, word in tokens])
            found += _runs_in_line(text, tokens, gaz, covered, starts, headline)
        offset += len(line) + 1
    return found


def _runs_in_line(text, tokens, gaz, covered, starts, headline) -> list[_Candidate]:
    """Group a line's tokens into capitalised runs and turn each run into a candidate."""
    runs: list[list[int]] = []
    current: list[int] = []
    skip_until = -1
    for index, (start, end, word) in enumerate(tokens):
        if start < skip_until:
            continue
        if start in covered:
            skip_until = covered[start]
            current = _close(runs, current)
            continue
        gap = text[tokens[index - 1][1]:start] if index else ""
        joined = bool(current) and gap in (" ", " & ")
        if _is_capitalised(word) or (joined and word[0].isdigit() and not _is_year(word)):
            if not joined:
                current = _close(runs, current)
            current.append(index)
        elif joined and _connects(word, tokens, index, current):
            current.append(index)
        else:
            current = _close(runs, current)
    _close(runs, current)
    found = []
    for run in runs:
        candidate = _candidate(text, [tokens[i] for i in run], tokens[: run[0]], gaz, starts, headline)
        if candidate:
            found.append(candidate)
    return found


def _is_year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and word[:2] in {"19", "20"}


def _connects(word: str, tokens, index: int, current: list[int]) -> bool:
    """Whether a lower-case word links two capitalised ones: "Bank of Japan", "Leonardo da Vinci"."""
    if index + 1 >= len(tokens) or not _is_capitalised(tokens[index + 1][2]):
        return False
    if word == "of":
        return tokens[current[-1]][2] in OF_HEADS
    return word in PARTICLES


def _close(runs: list[list[int]], current: list[int]) -> list[int]:
    """End the current run (dropping trailing connectors) and start a new one."""
    if current:
        runs.append(current)
    return []


def _candidate(text, run, before, gaz: Gazetteer, starts, headline) -> _Candidate | None:
    """Trim a run to the name it holds (no article, title, possessive, sentence starter) and type it."""
    words = [word for _, _, word in run]
    person_cue = False
    while run:
        word = words[0]
        sentence_start = run[0][0] in starts
        if word in _LEADING_ARTICLES or word in gaz.not_names:
            person_cue = person_cue or word.lower() in PERSON_TITLES
        elif sentence_start and fold(word) in gaz.common_words and not _first_name_lead(words, gaz):
            pass
        elif not _is_capitalised(word):
            pass
        else:
            break
        before = before + [run[0]]
        run, words = run[1:], words[1:]
    while run and (words[-1] in gaz.not_names or not _is_capitalised(words[-1]) and not words[-1][0].isdigit()):
        run, words = run[:-1], words[:-1]
    if not run:
        return None
    start, end = run[0][0], run[-1][1]
    possessive = _POSSESSIVE.search(words[-1])
    if possessive:
        end -= len(possessive.group())
        words[-1] = words[-1][: len(words[-1]) - len(possessive.group())]
    if not words[-1] or words == ["AI"]:
        return None
    label, confidence = type_by_shape(words, gaz.first_names)
    if confidence < 2:
        context = type_by_context([fold(w) for _, _, w in before[-3:]], text[end:end + 24])
        if person_cue:
            context = ("PERSON", 2)
        if context[1] > confidence:
            label, confidence = context
    return _Candidate(start, end, label, canonical_key(text[start:end]), confidence, len(words), pending=headline)


def _first_name_lead(words: list[str], gaz: Gazetteer) -> bool:
    """A sentence-initial given name followed by another capitalised word ("Mark Zuckerberg said")."""
    return len(words) > 1 and words[0] in gaz.first_names and _is_capitalised(words[1])


def _mark_ambiguous(text: str, gaz: Gazetteer, candidates: list[_Candidate], starts: set[int]) -> list[_Candidate]:
    """Gazetteer hits that are also common words ("Apple", "Target") need confirmation when they open a
    sentence or sit in a headline; hits that are a person's given name plus surname become that person."""
    result = []
    for candidate in sorted(candidates, key=lambda c: c.start):
        if candidate.entry is not None and candidate.tokens == 1:
            word = text[candidate.start:candidate.end]
            if fold(word) in gaz.common_words and (candidate.start in starts or _in_headline(text, candidate)):
                candidate.pending = True
        result.append(candidate)
    return result


def _in_headline(text: str, candidate: _Candidate) -> bool:
    line_start = text.rfind("\n", 0, candidate.start) + 1
    line_end = text.find("\n", candidate.end)
    line = text[line_start: line_end if line_end >= 0 else len(text)]
    return _is_headline([word for _, _, word in _tokens(line, 0)])


def _resolve(text: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """Make the article consistent: confirmed names only, one type per key, surnames joined to full names."""
    confirmed = {c.key for c in candidates if not c.pending}
    kept = [c for c in candidates if not c.pending or c.key in confirmed]
    best: dict[str, _Candidate] = {}
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
    for candidate in kept:
        surname_key = surnames.get(text[candidate.start:candidate.end])
        if surname_key and candidate.tokens == 1 and candidate.confidence < 3:
            candidate.label, candidate.key, candidate.confidence = "PERSON", surname_key, 2
    kept += _surname_mentions(text, surnames, kept)
    return kept


def _surname_mentions(text: str, surnames: dict[str, str], kept: list[_Candidate]) -> list[_Candidate]:
    """Occurrences of a known person's surname that the run pass skipped (sentence starters, headlines)."""
    if not surnames:
        return []
    taken = sorted((c.start, c.end) for c in kept)
    pattern = re.compile(r"(?<![\w&])(" + "|".join(map(re.escape, surnames)) + r")(?![\w&]|['’][a-rt-z])")
    added = []
    for match in pattern.finditer(text):
        start, end = match.span(1)
        if not any(s < end and start < e for s, e in taken):
            added.append(_Candidate(start, end, "PERSON", surnames[match.group(1)], 2))
    return added


def _add_tickers(text: str, gaz: Gazetteer, candidates: list[_Candidate]) -> list[_Candidate]:
    """Tickers (cashtags, exchange prefixes, a known company's own symbol in parentheses) replace any other
    candidate on the same characters."""
    tickers = [_Candidate(s, e, "TICKER", key, 3) for s, e, key in find_tickers(text, gaz)]
    for candidate in candidates:
        if candidate.entry is not None and candidate.entry.ticker:
            span = parenthesised_after(text, candidate.end, candidate.entry.ticker)
            if span:
                tickers.append(_Candidate(span[0], span[1], "TICKER", candidate.key, 3))
    if not tickers:
        return candidates
    return tickers + [c for c in candidates if not any(t.start < c.end and c.start < t.end for t in tickers)]


def _to_mentions(text: str, candidates: list[_Candidate]) -> list[Mention]:
    """Non-overlapping mentions in text order (the longer one wins a tie), never across a line break."""
    mentions: list[Mention] = []
    last_end = -1
    for c in sorted(candidates, key=lambda c: (c.start, c.start - c.end)):
        if c.start < last_end or c.start >= c.end or "\n" in text[c.start:c.end]:
            continue
        mentions.append(Mention(c.start, c.end, text[c.start:c.end], "entity", c.label, entity=c.key))
        last_end = c.end
    return mentions
