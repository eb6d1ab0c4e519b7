"""Scoring candidates against a query, and finding which of their characters matched.

A candidate's score mixes how well each query word is covered by one of its words (exact, a word the query
word begins — a half-typed word —, or within a few typos; common words weigh less), how many of them it
holds in the order they were typed and next to the words typed beside them (templated news repeats the
same words in other orders and with other figures between them), and rapidfuzz's ``partial_ratio`` of the
whole query (phrasing, punctuation, figures). An exact phrase, or the whole query found as it is, ranks
above any fuzzy match.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from store.search.normalize import WORD, has_quote_mark, normalize, normalize_with_offsets, original_range, words
from store.search.query import ParsedQuery
from store.search.vocabulary import allowed_edits

COVERAGE_WEIGHT = 0.3
IN_ORDER_WEIGHT = 0.2
NEAR_WEIGHT = 0.15
ORDER_WEIGHT = 0.35
NEAR_GAP = 2
EXACT_BONUS = 1.0
QUOTE_BONUS = 0.01
MIN_COVERAGE = 0.5
COMMON_WORD_WEIGHT = 0.25


@dataclass(frozen=True, slots=True)
class Scored:
    """One candidate's score (0–2; above 1 only with an exact match) and its position in the input."""

    index: int
    score: float


class WordMatcher:
    """For each query word, how similar each candidate word is (1 exact, .9 begun by it, less with typos)."""

    def __init__(self, query_words: Sequence[str], weight: Callable[[str], float], vocabulary: set[str]) -> None:
        self.query_words = list(dict.fromkeys(query_words))
        self.weights = [weight(word) for word in self.query_words]
        index = {word: position for position, word in enumerate(self.query_words)}
        typed = [index[word] for word in query_words]
        # Consecutive query words, as positions, each pair weighing the mean of its two words' weights.
        self.pairs = list(dict.fromkeys((a, b) for a, b in pairwise(typed) if a != b))
        self.pair_weights = [(self.weights[a] + self.weights[b]) / 2 for a, b in self.pairs]
        self.pairs_ending: dict[int, list[int]] = {}
        for number, (_, b) in enumerate(self.pairs):
            self.pairs_ending.setdefault(b, []).append(number)
        choices = list(vocabulary)
        self.similar: list[dict[str, float]] = []
        for word in self.query_words:
            sims: dict[str, float] = {}
            edits = allowed_edits(word)
            if edits:
                for term, distance, _ in process.extract(
                    word, choices, scorer=OSA.distance, score_cutoff=edits, limit=None
                ):
                    sims[term] = 1.0 - 0.25 * distance
            if len(word) >= 2:
                for term in choices:
                    if len(term) > len(word) and term.startswith(word):
                        sims[term] = max(sims.get(term, 0.0), 0.9)
            if len(word) >= 4:
                for length in (len(word) - 1, len(word), len(word) + 1):
                    heads = [term[:length] for term in choices]
                    for _, distance, position in process.extract(
                        word, heads, scorer=OSA.distance, score_cutoff=1, limit=None
                    ):
                        term = choices[position]
                        if len(term) > length:
                            sims[term] = max(sims.get(term, 0.0), 0.9 - 0.3 * distance)
            sims[word] = 1.0
            self.similar.append(sims)
        self.by_term: dict[str, list[tuple[int, float]]] = {}
        for position, sims in enumerate(self.similar):
            for term, sim in sims.items():
                self.by_term.setdefault(term, []).append((position, sim))
        self.total_weight = sum(self.weights) or 1.0
        self.total_pair_weight = sum(self.pair_weights) or 1.0

    def coverage(self, candidate_words: Iterable[str]) -> float:
        """Weighted share of the query words found (as well as they are found) among ``candidate_words``."""
        return self.features(list(candidate_words))[0]

    def features(self, candidate_words: Sequence[str]) -> tuple[float, float, float]:
        """``(coverage, in order, nearness)`` of a candidate's words (in their order in it), each 0–1:

        - coverage: weighted share of the query words found, as well as they are found;
        - in order: the same for the best chain of candidate words matching query words at increasing
          query positions, gaps allowed — someone half-remembering a sentence keeps its words' order
          even when they drop or damage some;
        - nearness: weighted share of the pairs of consecutive query words found in their order at most
          ``NEAR_GAP`` words apart — a remembered phrase keeps its neighbours even when a word between
          them is dropped or damaged beyond what the characters show."""
        by_term = self.by_term
        weights = self.weights
        pairs, pairs_ending = self.pairs, self.pairs_ending
        best = [0.0] * len(weights)
        chain = [0.0] * len(weights)
        near = [False] * len(pairs)
        last_seen: dict[int, int] = {}
        for at, term in enumerate(candidate_words):
            matches = by_term.get(term)
            if not matches:
                continue
            chained = []
            for position, sim in matches:
                best[position] = max(best[position], sim)
                chained.append((position, max(chain[:position], default=0.0) + weights[position] * sim))
                for number in pairs_ending.get(position, ()):
                    seen = last_seen.get(pairs[number][0])
                    if seen is not None and at - seen <= NEAR_GAP + 1:
                        near[number] = True
            for position, value in chained:
                chain[position] = max(chain[position], value)
                last_seen[position] = at
        coverage = sum(w * b for w, b in zip(weights, best, strict=False)) / self.total_weight
        in_order = max(chain, default=0.0) / self.total_weight
        near_weight = sum(w for w, hit in zip(self.pair_weights, near, strict=False) if hit)
        nearness = near_weight / self.total_pair_weight if pairs else 1.0
        return coverage, in_order, nearness

    def highlighted_words(self) -> dict[str, float]:
        """Candidate words worth highlighting: those matching a weighty query word (or any, if none is)."""
        keep = [sims for sims, weight in zip(self.similar, self.weights, strict=False) if weight >= 1.0] or self.similar
        merged: dict[str, float] = {}
        for sims in keep:
            merged.update(sims)
        return merged


def score_texts(parsed: ParsedQuery, texts: Sequence[str], weight: Callable[[str], float], *,
                quotes_first: bool = False):
    """Score every text against the query; returns ``(scored, matcher)`` with ``scored`` best first (ties keep
    the input order, which is the index's own ranking)."""
    normalized = [normalize(text) for text in texts]
    sequences = [words(text) for text in normalized]
    matcher = WordMatcher(parsed.words, weight, set().union(*sequences) if sequences else set())
    whole = parsed.text if len(parsed.text) >= 3 else ""
    scored = []
    for index, (text, norm, sequence) in enumerate(zip(texts, normalized, sequences, strict=False)):
        coverage, in_order, near = matcher.features(sequence) if parsed.words else (1.0, 1.0, 1.0)
        exact = any(phrase in norm for phrase in parsed.phrases) or bool(whole and whole in norm)
        if coverage < MIN_COVERAGE and not exact:
            continue
        order = fuzz.partial_ratio(parsed.text, norm) / 100 if parsed.text else 0.0
        score = COVERAGE_WEIGHT * coverage + IN_ORDER_WEIGHT * in_order + NEAR_WEIGHT * near + ORDER_WEIGHT * order
        score += EXACT_BONUS if exact else 0.0
        if quotes_first and has_quote_mark(text):
            score += QUOTE_BONUS
        scored.append(Scored(index, score))
    scored.sort(key=lambda s: -s.score)
    return scored, matcher


def match_ranges(text: str, parsed: ParsedQuery, matcher: WordMatcher) -> list[tuple[int, int]]:
    """Ranges of ``text`` (offsets into it) to highlight: matching words and exact phrases, merged."""
    norm, origin = normalize_with_offsets(text)
    wanted = matcher.highlighted_words()
    spans = [m.span() for m in WORD.finditer(norm) if m.group() in wanted]
    for phrase in parsed.phrases:
        start = norm.find(phrase)
        while start >= 0:
            spans.append((start, start + len(phrase)))
            start = norm.find(phrase, start + 1)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(original_range(origin, s, e) for s, e in spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
