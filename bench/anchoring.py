"""Re-anchoring an annotation after an edit: time and outcome, ours vs the whole-quote alignment peer;
and what the fuzzy floors keep or orphan as more of a quote is rewritten.

    python -m bench.anchoring [--sizes 20000,200000] [--quotes 20,120,600,3000] [--trials 3] [--sentences 300]

Texts are synthetic articles from ``bench.corpus`` joined to the wanted length. For each quote length, a
quote is taken from the middle; the text is then edited three ways — a line inserted before it (moved), two
characters changed inside it (fuzzy), the quote and its neighbourhood deleted (orphaned) — and re-anchored.

The named peer is the obvious implementation: one ``rapidfuzz.fuzz.partial_ratio_alignment`` of the whole
quote over the whole text (what we would do without probes); its time is that single call only. Prints the
median ms per case and whether ours ended in the expected state.

The floor table takes random sentences (60+ characters) of the sample articles, replaces one word, a quarter,
a third or half of the words with other words of the same articles, re-anchors, and counts the states with
the median quote similarity — the numbers behind ``MIN_QUOTE_SIMILARITY``. Hypothesis (no floor) would
keep every row as attached.
"""

from __future__ import annotations

import argparse
import importlib.resources
import random
import re
import statistics
import time
from collections import Counter
from functools import partial

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from bench.corpus import generate_articles
from store.anchoring import make_selector, reanchor, text_hash


def text_of_length(length: int) -> str:
    parts, total = [], 0
    for _name, text in generate_articles(max(1, length // 2000 + 1)):
        parts.append(text)
        total += len(text) + 1
        if total >= length:
            break
    return "\n".join(parts)[:length]


def edits(text: str, start: int, end: int) -> dict[str, str]:
    middle = (start + end) // 2
    return {
        "moved": "An editor's note added at the top.\n" + text,
        "fuzzy": text[:middle] + "Qz" + text[middle + 2 :],
        "orphaned": text[: max(0, start - 40)] + text[end + 40 :],
    }


def timed(function, trials: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(trials):
        began = time.perf_counter()
        result = function()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times), result


def floor_table(sentences: int) -> None:
    files = importlib.resources.files("seeds")
    texts = [f.read_text(encoding="utf-8") for f in files.iterdir() if f.name.endswith(".txt")]
    vocabulary = " ".join(texts).split()
    rng = random.Random(7)
    print(f"\n{'rewritten':>10} {'quote sim':>9}  states")
    for name, share in (("one word", None), ("a quarter", 0.25), ("a third", 0.33), ("half", 0.5)):
        states, similarities = Counter(), []
        for _ in range(sentences):
            text = rng.choice(texts)
            spans = [m.span() for m in re.finditer(r"[^.!?\n]+[.!?]", text) if m.end() - m.start() > 60]
            start, end = rng.choice(spans)
            start += text[start] == " "
            selector = make_selector(text, start, end)
            words = text[start:end].split(" ")
            count = 1 if share is None else max(1, int(len(words) * share))
            first = rng.randrange(0, len(words) - count + 1)
            for i in range(first, first + count):
                words[i] = rng.choice(vocabulary)
            rewritten = " ".join(words)
            states[reanchor(selector, text_hash(text), text[:start] + rewritten + text[end:]).state] += 1
            similarities.append(Levenshtein.normalized_similarity(selector.exact, rewritten))
        print(f"{name:>10} {statistics.median(similarities):>9.2f}  {dict(states.most_common())}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="20000,200000")
    parser.add_argument("--quotes", default="20,120,600,3000")
    parser.add_argument("--trials", type=int, default=3)
    parser.add_argument("--sentences", type=int, default=300)
    args = parser.parse_args()
    print(f"{'text':>8} {'quote':>6} {'edit':>9} {'state':>9} {'ours ms':>8} {'peer ms':>8}")
    for size in (int(s) for s in args.sizes.split(",")):
        text = text_of_length(size)
        for quote_length in (int(q) for q in args.quotes.split(",")):
            start = text.index(" ", len(text) // 2) + 1
            end = min(len(text), start + quote_length)
            selector = make_selector(text, start, end)
            for expected, edited in edits(text, start, end).items():
                ours, anchor = timed(partial(reanchor, selector, text_hash(text), edited), args.trials)
                peer, _ = timed(partial(fuzz.partial_ratio_alignment, selector.exact, edited), args.trials)
                mark = "" if anchor.state == expected else f" (expected {expected})"
                print(
                    f"{len(text):>8} {quote_length:>6} {expected:>9} {anchor.state:>9} {ours:>8.1f} {peer:>8.1f}{mark}"
                )
    floor_table(args.sentences)


if __name__ == "__main__":
    main()
