"""Corrupted queries for a search benchmark: what people type when they half-remember a sentence.

Each query is a window of 4–8 consecutive words of a target sentence, damaged one way: typos, straight
quotes for curly ones (and the other way round), missing words, words in another order, half-typed words,
or several at once. Works over any list of sentences.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from store.search.normalize import normalize
from store.search.normalize import words as tokens

KINDS = ("typos", "quotes", "missing", "order", "truncated", "mixed")
_TOKEN = re.compile(r"\S+")
_FLIPS = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", '"': "\u201c", "'": "\u2019"})
LETTERS = "abcdefghijklmnopqrstuvwxyz"
QUOTES = "\"'\u201c\u201d\u2018\u2019"


@dataclass(frozen=True, slots=True)
class Query:
    text: str
    target: int  # index of the sentence the query was made from
    kind: str
    window: str  # the words it was made from, undamaged
    kept: str  # those of them still in the query (undamaged, in their order in the sentence)

    def answered_by(self, sentence: str, target: str) -> bool:
        """A hit is right when it is the target sentence, or another one holding every word the query kept,
        undamaged and in the same order: templated news repeats phrases, and nothing in such a query can
        tell those sentences from the target."""
        if sentence == target:
            return True
        remaining = iter(tokens(normalize(sentence)))
        return all(word in remaining for word in tokens(normalize(self.kept)))


def typo(rng: random.Random, word: str) -> str:
    """One keyboard slip: a swapped pair, a dropped, doubled or wrong letter (never on words under 4 letters)."""
    letters = [i for i, ch in enumerate(word) if ch.isalpha()]
    if len(letters) < 4:
        return word
    i = rng.choice(letters[1:-1])
    slip = rng.choice(("swap", "drop", "double", "wrong"))
    if slip == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if slip == "drop":
        return word[:i] + word[i + 1 :]
    if slip == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice(LETTERS) + word[i + 1 :]


def truncate(rng: random.Random, word: str) -> str:
    """A half-typed word: its first 40–70 % (at least 3 letters)."""
    if len(word) < 6:
        return word
    return word[: max(3, int(len(word) * rng.uniform(0.4, 0.7)))]


def _long_word_positions(words: list[str]) -> list[int]:
    return [i for i, w in enumerate(words) if sum(ch.isalpha() for ch in w) >= 5]


def corrupt(rng: random.Random, window: list[str], kind: str) -> tuple[list[str], list[str]]:
    """The damaged words, and the undamaged words still represented in them."""
    words = list(window)
    kept = list(window)
    long_words = _long_word_positions(words)
    if kind in ("typos", "mixed"):
        for i in rng.sample(long_words, min(len(long_words), rng.randint(1, 2))):
            words[i] = typo(rng, words[i])
    if kind in ("truncated", "mixed"):
        for i in rng.sample(long_words, min(len(long_words), rng.randint(1, 2))):
            words[i] = truncate(rng, words[i])
    if kind in ("missing", "mixed") and len(words) > 4:
        for i in sorted(rng.sample(range(len(words)), rng.randint(1, 2)), reverse=True):
            del words[i]
            del kept[i]
    if kind == "order" and len(words) > 2:
        i = rng.randrange(len(words) - 1)
        words[i], words[i + 1] = words[i + 1], words[i]
    text = " ".join(words)
    if kind in ("quotes", "mixed"):
        text = text.translate(_FLIPS)
    return text.split(), kept


def make_queries(sentences: list[str], count: int, seed: int = 1, kinds=KINDS) -> list[Query]:
    """``count`` queries, kinds taken in turn, each from a random sentence of at least 6 words."""
    rng = random.Random(seed)
    queries: list[Query] = []
    while len(queries) < count:
        target = rng.randrange(len(sentences))
        words = _TOKEN.findall(sentences[target])
        if len(words) < 6:
            continue
        size = min(len(words), rng.randint(4, 8))
        start = rng.randrange(len(words) - size + 1)
        kind = kinds[len(queries) % len(kinds)]
        window = words[start : start + size]
        if kind == "quotes" and not any(ch in QUOTES for ch in "".join(window)):
            continue
        damaged, kept = corrupt(rng, window, kind)
        queries.append(Query(" ".join(damaged), target, kind, " ".join(window), " ".join(kept)))
    return queries
