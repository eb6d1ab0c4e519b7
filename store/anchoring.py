"""Finding an annotation's text again after the article changed: pure functions, no database.

An annotation remembers a *selector* made when it was created — the quoted text (``exact``), 32 characters
of context either side (``prefix``/``suffix``), its position and the hash of the text it was made on — the
W3C TextQuoteSelector and TextPositionSelector that the Hypothesis client stores. Re-anchoring follows
Hypothesis' order (position check, exact occurrences ranked by context, approximate match) with one
difference: an approximate match must reach documented floors (:data:`MIN_FUZZY_SCORE`,
:data:`MIN_QUOTE_SIMILARITY`), otherwise the annotation is *orphaned* (offsets cleared, quote and note kept)
instead of being silently attached to different words. A fuzzy match whose figures (numbers, compared by
value) are not the quote's says so (``figure_changed``): a number the user tagged was edited.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from store.extract.figures import find_figures

CONTEXT_CHARS = 32

# Hypothesis' weights: quote similarity counts most, then the context either side, then closeness to the old
# position (a tie-breaker between equally good candidates).
QUOTE_WEIGHT, PREFIX_WEIGHT, SUFFIX_WEIGHT, POSITION_WEIGHT = 50, 20, 20, 2
TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT

# The floors for an approximate match: both must hold.
# MIN_QUOTE_SIMILARITY — the text found must still be mostly the quote: at most about a quarter of its
# characters edited (1 − Levenshtein distance / length). Measured on the sample articles (300 random sentences
# of 60+ characters, words replaced by other words of the corpus; `python -m bench.anchoring`): one word
# replaced keeps a median similarity of 0.96 and is always kept; a quarter of the words, 0.80 (90% kept); a
# third, 0.75 (about half kept); half, 0.60 (all orphaned). Hypothesis has no floor and keeps them all.
# MIN_FUZZY_SCORE — the weighted score with the context: a quote with a few words changed in its old context
# scores ≈ 0.95, or ≈ 0.79 if it also lost half its context (0.9, 1.0, 0.3); a look-alike sentence in
# another context (context ≈ 0.3) stays below it and is refused.
# Similarity is measured twice and the higher counts: by characters, and by words with each figure one word
# compared by its value ("$650 billion" and "$650bn" are the same word, "$593 billion" and "$539 billion" are
# not). A short quote that gained a word and had a figure rewritten keeps its words (5 of 6: 0.83) though a
# third of its characters changed (0.66); a sentence rewritten by half is below the floor both ways. Measured
# in `python -m bench.anchoring` (its floor table and its figure table).
MIN_QUOTE_SIMILARITY = 0.75
MIN_FUZZY_SCORE = 0.75

# How far (in code points) the end points of an approximate match may move while being fitted to the quote.
MAX_BOUNDARY_SLACK = 64
# Quotes longer than two probes are located and fitted by 64-character probes (see _approximate_windows).
PROBE_CHARS = 64
# How many exact occurrences of the prefix or suffix propose a window each (a short context repeats a lot).
MAX_CONTEXT_HITS = 8

STATES = ("exact", "moved", "fuzzy", "orphaned")

_WORD = re.compile(r"\w+(?:['’.,]\w+)*")
_WORD_START, _WORD_END = re.compile(r"(?<!\S)\S"), re.compile(r"\S(?!\S)")

# Typographic variants a user types plainly when quoting an article (curly quotes, dashes, no-break spaces).
# One character for one, so offsets into the folded text are offsets into the original.
_FOLD = str.maketrans(
    "“”„‟″«»" + "‘’‚‛′" + "–—‐‑−" + "\u00a0\u202f\u2009",
    '"' * 7 + "'" * 5 + "-" * 5 + " " * 3,
)


@dataclass(frozen=True, slots=True)
class Selector:
    """What an annotation pointed at when it was made: the quote, its context and its position."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where an annotation sits in the current text. ``start``/``end`` are None when ``state`` is orphaned;
    ``score`` (0–1) says how well the text found matches the selector."""

    state: str
    start: int | None
    end: int | None
    score: float | None
    figure_changed: bool = False  # a fuzzy match whose figures' values differ from the quote's


@dataclass(frozen=True, slots=True)
class Candidate:
    """One place a quote was found: ``score`` 1.0 for an exact occurrence, else the quote similarity."""

    start: int
    end: int
    score: float


def text_hash(text: str) -> str:
    """The sha256 of the text, as the importer stores it in ``articles.content_hash``."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_selector(text: str, start: int, end: int) -> Selector:
    """The selector of ``text[start:end]`` with its 32-character context."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"span {start}–{end} is empty or outside the text (0–{len(text)})")
    return Selector(
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
        start=start,
        end=end,
    )


def reanchor(
    selector: Selector, old_hash: str | None, new_text: str, new_hash: str | None = None, *, near: int | None = None
) -> Anchor:
    """Find ``selector`` in ``new_text``.

    ``old_hash`` is the hash of the text the selector was made on; ``near`` the last known start (defaults
    to the selector's own). Order: same hash → as is; the text at the old offsets equals the quote →
    ``exact``; exact occurrences of the quote, best by context and position → ``moved``; the best
    approximate match, if it scores at least :data:`MIN_FUZZY_SCORE` and the text found is at least
    :data:`MIN_QUOTE_SIMILARITY` similar to the quote → ``fuzzy``; else ``orphaned``.
    """
    new_hash = new_hash if new_hash is not None else text_hash(new_text)
    exact, length = selector.exact, len(selector.exact)
    if old_hash is not None and old_hash == new_hash and selector.end <= len(new_text):
        return Anchor("exact", selector.start, selector.end, 1.0)
    hints = [selector.start] if near is None or near == selector.start else [near, selector.start]
    for hint in hints:
        if new_text[hint : hint + length] == exact:
            return Anchor("exact", hint, hint + length, 1.0)
    hint = hints[0]
    occurrences = _occurrences(new_text, exact)
    if occurrences:
        scored = [(_score(selector, new_text, start, start + length, hint), start) for start in occurrences]
        score, start = max(scored, key=lambda item: (item[0], -abs(item[1] - hint)))
        return Anchor("moved", start, start + length, round(score, 4))
    best = _best_approximate(selector, new_text, hint)
    if best is not None and best[0] >= MIN_FUZZY_SCORE:
        score, start, end = best
        found = new_text[start:end]
        if quote_similarity(exact, found) >= MIN_QUOTE_SIMILARITY:
            return Anchor("fuzzy", start, end, round(score, 4), figures_differ(exact, found))
    return Anchor("orphaned", None, None, None)


def quote_similarity(quote: str, found: str) -> float:
    """How much of ``quote`` ``found`` still is, from 0 to 1: the higher of the character similarity
    (1 − Levenshtein distance / length) and the word similarity, where a figure is one word compared by its
    value, unit and kind, so a figure written another way ("$650 billion" → "$650bn") is no change."""
    characters = Levenshtein.normalized_similarity(quote, found)
    if characters == 1.0:
        return characters
    return max(characters, Levenshtein.normalized_similarity(_words(quote), _words(found)))


def figures_differ(quote: str, found: str) -> bool:
    """Whether the figures of ``found`` are not those of ``quote`` (those written with digits, compared by
    value, unit and kind)."""
    missing, extra = changed_figures(quote, found)
    return bool(missing or extra)


def changed_figures(quote: str, found: str) -> tuple[list[str], list[str]]:
    """The figures of ``quote`` that ``found`` lacks and those of ``found`` that ``quote`` lacks, as written
    (``(["$539 billion"], ["$593 billion"])``); two empty lists when they carry the same values."""
    ours, theirs = _figures(quote), _figures(found)
    their_keys, our_keys = Counter(f[0] for f in theirs), Counter(f[0] for f in ours)
    return _written(ours, our_keys - their_keys), _written(theirs, their_keys - our_keys)


def _written(figures: tuple, wanted: Counter) -> list[str]:
    texts = []
    for key, text, _start, _end in figures:
        if wanted[key] > 0:
            wanted[key] -= 1
            texts.append(text)
    return texts


@lru_cache(maxsize=256)
def _figures(text: str) -> tuple[tuple[tuple, str, int, int], ...]:
    """Each figure of ``text`` written with digits: (its value key, as written, start, end). Figures in words
    ("Tuesday", "last week") are left to the text comparison: a typo there is no change of number."""
    return tuple(
        ((m.label, m.value, m.value_high, m.unit), m.text, m.start, m.end)
        for m in find_figures(text)
        if any(ch.isdigit() for ch in m.text)
    )


@lru_cache(maxsize=256)
def _words(text: str) -> tuple:
    """The words of ``text`` (case-folded), each figure replaced by one token holding its value."""
    tokens: list = []
    at = 0
    for key, _text, start, end in _figures(text):
        tokens += [w.casefold() for w in _WORD.findall(text, at, start)]
        tokens.append(key)
        at = end
    tokens += [w.casefold() for w in _WORD.findall(text, at)]
    return tuple(tokens)


def fold_typography(text: str) -> str:
    """Curly quotes, dashes and special spaces as their plain ASCII look-alikes; same length as ``text``."""
    return text.translate(_FOLD)


def find_quote(text: str, quote: str) -> list[Candidate]:
    """Where ``quote`` occurs in ``text``: every exact occurrence (straight and curly quotes, hyphens and
    dashes count as equal), else the best approximate match if its similarity reaches
    :data:`MIN_QUOTE_SIMILARITY`, else nothing. Several results mean the quote is ambiguous."""
    if not quote.strip():
        return []
    text, quote = fold_typography(text), fold_typography(quote)
    occurrences = _occurrences(text, quote)
    if occurrences:
        return [Candidate(start, start + len(quote), 1.0) for start in occurrences]
    fitted = {_fit_boundaries(quote, text, *window) for window in _approximate_windows(quote, text, 0, len(text))}
    if not fitted:
        return []
    similarity, start, end = max((Levenshtein.normalized_similarity(quote, text[a:b]), a, b) for a, b in fitted)
    return [Candidate(start, end, round(similarity, 4))] if similarity >= MIN_QUOTE_SIMILARITY else []


def _occurrences(text: str, quote: str, limit: int | None = None) -> list[int]:
    found: list[int] = []
    start = text.find(quote)
    while start != -1 and quote and (limit is None or len(found) < limit):
        found.append(start)
        start = text.find(quote, start + 1)
    return found


def _score(selector: Selector, text: str, start: int, end: int, hint: int) -> float:
    """Hypothesis' weighted score of ``text[start:end]`` as the place of ``selector``, from 0 to 1."""
    quote = quote_similarity(selector.exact, text[start:end])
    prefix = Levenshtein.normalized_similarity(selector.prefix, text[max(0, start - len(selector.prefix)) : start])
    suffix = Levenshtein.normalized_similarity(selector.suffix, text[end : end + len(selector.suffix)])
    position = 1.0 - abs(start - hint) / max(len(text), 1)
    weighted = QUOTE_WEIGHT * quote + PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix + POSITION_WEIGHT * position
    return weighted / TOTAL_WEIGHT


def _best_approximate(selector: Selector, text: str, hint: int) -> tuple[float, int, int] | None:
    """The best-scoring approximate place of the quote, from a few candidate windows: the best quote match in
    the whole text, the best near the old position, and the spans that the intact prefix or suffix point to."""
    length = len(selector.exact)
    reach = length + 2 * CONTEXT_CHARS + MAX_BOUNDARY_SLACK
    windows = _approximate_windows(selector.exact, text, 0, len(text))
    windows |= _approximate_windows(selector.exact, text, max(0, hint - reach), min(len(text), hint + length + reach))
    if selector.prefix:
        for at in _occurrences(text, selector.prefix, limit=MAX_CONTEXT_HITS):
            windows.add((at + len(selector.prefix), min(len(text), at + len(selector.prefix) + length)))
    if selector.suffix:
        for at in _occurrences(text, selector.suffix, limit=MAX_CONTEXT_HITS):
            windows.add((max(0, at - length), at))
    best = None
    for window in windows:
        if window[0] >= window[1]:
            continue
        start, end = _fit_boundaries(selector.exact, text, *window)
        candidate = _snap_to_words(selector, text, start, end, hint)
        if best is None or candidate[0] > best[0]:
            best = candidate
    return best


def _snap_to_words(selector: Selector, text: str, start: int, end: int, hint: int) -> tuple[float, int, int]:
    """The fitted span, or one whose ends sit on nearby word boundaries if that scores better with the context.
    The least edit distance alone may cut a word off a rewritten quote ("spend nearly $650bn" → "early $650bn"),
    which the intact prefix or suffix then disagrees with. Only quotes up to two probes long: on a longer one a
    word more or less at an end hardly moves the similarity, and scoring each boundary would cost time."""
    best = (_score(selector, text, start, end, hint), start, end)
    if len(selector.exact) > 2 * PROBE_CHARS:
        return best
    slack = min(MAX_BOUNDARY_SLACK, len(selector.exact) // 4 + 2)
    starts = [a for a in _word_edges(text, start - slack, start + slack) if a < best[2]]
    for a in starts:
        candidate = (_score(selector, text, a, best[2], hint), a, best[2])
        best = max(best, candidate, key=lambda item: item[0])
    for b in (b for b in _word_edges(text, end - slack, end + slack, ends=True) if b > best[1]):
        candidate = (_score(selector, text, best[1], b, hint), best[1], b)
        best = max(best, candidate, key=lambda item: item[0])
    return best


def _word_edges(text: str, lo: int, hi: int, *, ends: bool = False) -> list[int]:
    """Offsets in ``[lo, hi]`` where a word starts (or, with ``ends``, where one ends)."""
    lo, hi = max(0, lo), min(len(text), hi)
    if ends:
        return [m.end() for m in _WORD_END.finditer(text, lo, hi)]
    return [m.start() for m in _WORD_START.finditer(text, lo, hi)]


def _approximate_windows(quote: str, text: str, lo: int, hi: int) -> set[tuple[int, int]]:
    """Windows of ``text[lo:hi]`` most similar to ``quote`` (rapidfuzz's partial-ratio alignment).

    A long quote is located by probes — its head, middle and tail — because aligning the whole quote costs
    time in proportion to its length times the text's; each probe proposes the window the quote would fill.
    """
    haystack = text[lo:hi]
    if not haystack:
        return set()
    if len(quote) >= len(haystack):
        return {(lo, hi)}
    if len(quote) <= 2 * PROBE_CHARS:
        probes = [(0, quote)]
    else:
        middle = (len(quote) - PROBE_CHARS) // 2
        probes = [(at, quote[at : at + PROBE_CHARS]) for at in (0, middle, len(quote) - PROBE_CHARS)]
    windows = set()
    for offset, probe in probes:
        found = fuzz.partial_ratio_alignment(probe, haystack)
        if found is not None and found.dest_end > found.dest_start:
            start = max(lo, lo + found.dest_start - offset)
            windows.add((start, min(hi, start + len(quote))))
    return windows


def _fit_boundaries(quote: str, text: str, start: int, end: int) -> tuple[int, int]:
    """Move the window's ends (each within a bounded slack) to where the edit distance to the quote is least:
    partial-ratio windows have the quote's length, so an insertion or deletion leaves them off by a few.
    A long quote's ends are fitted by its head and tail alone, to keep the time bounded."""
    slack = min(MAX_BOUNDARY_SLACK, len(quote) // 4 + 2)
    if len(quote) <= 2 * PROBE_CHARS:

        def start_cost(a: int) -> int:
            return Levenshtein.distance(quote, text[a:end]) if a < end else len(quote)

        def end_cost(b: int) -> int:
            return Levenshtein.distance(quote, text[best_start:b])

    else:
        head, tail = quote[:PROBE_CHARS], quote[-PROBE_CHARS:]

        def start_cost(a: int) -> int:
            return Levenshtein.distance(head, text[a : a + PROBE_CHARS])

        def end_cost(b: int) -> int:
            return Levenshtein.distance(tail, text[max(best_start, b - PROBE_CHARS) : b])

    best_start = min(
        range(max(0, start - slack), min(end, start + slack + 1)), key=lambda a: (start_cost(a), abs(a - start))
    )
    best_end = min(
        range(max(best_start + 1, end - slack), min(len(text), end + slack) + 1),
        key=lambda b: (end_cost(b), abs(b - end)),
    )
    return best_start, best_end
