"""Type-to-filter for the library: fuzzy matching of a query against article titles and sources.

A full ``partial_ratio`` scan over 100,000 titles costs 70–210 ms per keystroke here, so the matching is done by
word: each query word matches the title/source words that start with it (a strong match) or that are within a
small edit distance of it (a weak, typo-tolerant match, from rapidfuzz over the vocabulary — a few thousand
words rather than 100,000 titles). An article matches when every query word does; strong matches are listed
first. Results for a word are cached, since typing changes only the last word.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence

WORD = re.compile(r"\w+")
QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})
CACHE_SIZE = 64


def normalise(text: str) -> str:
    """Case-folded, with curly quotes straightened and runs of spaces collapsed."""
    return " ".join(text.translate(QUOTES).casefold().split())


def fuzzy_cutoff(word: str) -> float | None:
    """The ``fuzz.ratio`` floor for a typo-tolerant match: about one edit for 4–6 letters, two from 7."""
    if len(word) < 4:
        return None
    return 80.0 if len(word) <= 6 else 75.0


class LibraryIndex:
    """Word postings over ``haystacks`` (one string per article, e.g. title and source)."""

    def __init__(self, haystacks: Iterable[str]) -> None:
        self.haystacks: list[str] = [normalise(text) for text in haystacks]
        postings: dict[str, list[int]] = {}
        for index, text in enumerate(self.haystacks):
            for word in set(WORD.findall(text)):
                postings.setdefault(word, []).append(index)
        self.postings = postings
        self.vocabulary = sorted(postings)
        self._cache: dict[str, tuple[frozenset[int], frozenset[int]]] = {}
        self._by_order: dict[tuple[str, int], tuple[Sequence[int], list]] = {}

    def __len__(self) -> int:
        return len(self.haystacks)

    def word_matches(self, word: str) -> tuple[frozenset[int], frozenset[int]]:
        """``(strong, all)`` article indices for one query word of three letters or more."""
        if cached := self._cache.get(word):
            return cached
        strong = self._union(self._prefixed(word))
        weak: frozenset[int] = frozenset()
        if (cutoff := fuzzy_cutoff(word)) is not None:
            # Imported here: the index is built and asked in workers, after the app's first frame.
            from rapidfuzz import fuzz, process

            close = process.extract(
                word, self.vocabulary, scorer=fuzz.ratio, processor=None, score_cutoff=cutoff, limit=None
            )
            weak = self._union(w for w, _, _ in close)
        result = (strong, strong | weak)
        if len(self._cache) >= CACHE_SIZE:
            self._cache.pop(next(iter(self._cache)))
        self._cache[word] = result
        return result

    def _prefixed(self, word: str) -> list[str]:
        """Vocabulary words starting with ``word`` (the vocabulary is sorted, so a bisected range)."""
        start = bisect_left(self.vocabulary, word)
        end = bisect_left(self.vocabulary, word + "\U0010ffff", start)
        return self.vocabulary[start:end]

    def _union(self, words: Iterable[str]) -> frozenset[int]:
        result: set[int] = set()
        for word in words:
            result.update(self.postings[word])
        return frozenset(result)

    def filter_order(self, query: str, order: Sequence[int]) -> list[int] | None:
        """The indices of ``order`` matching every word of ``query``, strong matches first, each part kept in
        ``order``'s order; None for an empty query.

        Words of one or two letters (or punctuation) are matched as plain substrings: as words they would
        match most of the vocabulary.
        """
        words = normalise(query).split()
        if not words:
            return None
        long_words = [word for word in words if len(word) > 2 and WORD.fullmatch(word)]
        short_words = [word for word in words if word not in long_words]
        texts = self.haystacks
        if not long_words:
            in_order = self._texts_in(order)
            if len(short_words) == 1:
                word = short_words[0]
                return [i for i, text in zip(order, in_order, strict=False) if word in text]
            return [i for i, text in zip(order, in_order, strict=False) if all(word in text for word in short_words)]
        groups = sorted((self.word_matches(word) for word in long_words), key=lambda group: len(group[1]))
        strong, matched = set(groups[0][0]), set(groups[0][1])
        for group_strong, group_all in groups[1:]:
            strong &= group_strong
            matched &= group_all
        if short_words:
            matched = {i for i in matched if all(word in texts[i] for word in short_words)}
            strong &= matched
        return self._in_order(strong, order) + self._in_order(matched - strong, order)

    def _in_order(self, indices: set[int], order: Sequence[int]) -> list[int]:
        """``indices`` listed as they come in ``order``: sorted by rank when few, else one pass over ``order``."""
        if not indices:
            return []
        if len(indices) * 8 < len(order):
            rank = self._rank(order)
            return sorted(indices, key=rank.__getitem__)
        return [i for i in order if i in indices]

    def _rank(self, order: Sequence[int]) -> list[int]:
        """Position of each index in ``order``."""

        def build() -> list[int]:
            rank = [0] * len(order)
            for position, index in enumerate(order):
                rank[index] = position
            return rank

        return self._per_order("rank", order, build)

    def _texts_in(self, order: Sequence[int]) -> list[str]:
        """The haystacks listed in ``order``: a substring scan then needs no index lookup per article."""
        return self._per_order("texts", order, lambda: [self.haystacks[i] for i in order])

    def _per_order(self, what: str, order: Sequence[int], build):
        """A list derived from ``order``, cached for the last few orders (one per sort key)."""
        key = (what, id(order))
        cached = self._by_order.get(key)
        if cached is None or cached[0] is not order:
            if len(self._by_order) >= 6:
                self._by_order.pop(next(iter(self._by_order)))
            cached = self._by_order[key] = (order, build())
        return cached[1]
