"""A deterministic synthetic corpus of financial news, for benchmarks.

``generate_articles(n, seed)`` streams ``(file name, text)`` pairs; ``generate_sentences(n, seed)`` streams
body sentences alone (for search benchmarks that need a million quickly); ``planted_truth(n, seed, names)``
is the ground truth of planted corroborations and conflicts. Memory stays bounded whatever ``n`` is.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from bench.corpus.articles import write_article
from bench.corpus.facts import facts_by_article, plan_facts, truth_record
from bench.corpus.sentences import SentenceMaker
from bench.corpus.writer import Writer

SENTENCES_PER_STYLE = 500  # sentences written with one quote style before switching, like one article


def generate_articles(n: int, seed: int = 1) -> Iterator[tuple[str, str]]:
    """``n`` articles as ``(file name, text)``; the same ``(n, seed)`` always gives the same corpus."""
    planted = facts_by_article(plan_facts(n, seed))
    for index in range(n):
        yield write_article(index, seed, planted.get(index, []))


def generate_sentences(n: int, seed: int = 1) -> Iterator[str]:
    """``n`` sentences of article body text (statements and attributed quotes), without article structure."""
    rng = random.Random(f"{seed}:sentences")
    for start in range(0, n, SENTENCES_PER_STYLE):
        maker = SentenceMaker(Writer(rng, curly=rng.random() < 0.7))
        for _ in range(min(SENTENCES_PER_STYLE, n - start)):
            yield maker.sentence()


def planted_truth(n: int, seed: int, names: list[str]) -> dict:
    """The ``truth.json`` record for the corpus ``generate_articles(n, seed)`` whose file names are ``names``."""
    return truth_record(plan_facts(n, seed), names) | {"articles": n, "seed": seed}


__all__ = ["generate_articles", "generate_sentences", "planted_truth"]
