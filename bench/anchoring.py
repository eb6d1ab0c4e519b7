"""Re-anchoring an annotation after an edit: time and outcome, ours vs the whole-quote alignment peer.

    python -m bench.anchoring [--sizes 20000,200000] [--quotes 20,120,600,3000] [--trials 5]

Texts are synthetic articles from ``bench.corpus`` joined to the wanted length. For each quote length, a
quote is taken from the middle; the text is then edited three ways — a line inserted before it (moved), two
characters changed inside it (fuzzy), the quote and its neighbourhood deleted (orphaned) — and re-anchored.

The named peer is the obvious implementation: one ``rapidfuzz.fuzz.partial_ratio_alignment`` of the whole
quote over the whole text (what we would do without probes); its time is that single call only. Prints the
median ms per case and whether ours ended in the expected state.
"""

from __future__ import annotations

import argparse
import statistics
import time

from rapidfuzz import fuzz

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="20000,200000")
    parser.add_argument("--quotes", default="20,120,600,3000")
    parser.add_argument("--trials", type=int, default=3)
    args = parser.parse_args()
    print(f"{'text':>8} {'quote':>6} {'edit':>9} {'state':>9} {'ours ms':>8} {'peer ms':>8}")
    for size in (int(s) for s in args.sizes.split(",")):
        text = text_of_length(size)
        for quote_length in (int(q) for q in args.quotes.split(",")):
            start = text.index(" ", len(text) // 2) + 1
            end = min(len(text), start + quote_length)
            selector = make_selector(text, start, end)
            for expected, edited in edits(text, start, end).items():
                ours, anchor = timed(lambda: reanchor(selector, text_hash(text), edited), args.trials)
                peer, _ = timed(lambda: fuzz.partial_ratio_alignment(selector.exact, edited), args.trials)
                mark = "" if anchor.state == expected else f" (expected {expected})"
                print(f"{len(text):>8} {quote_length:>6} {expected:>9} {anchor.state:>9} {ours:>8.1f} {peer:>8.1f}{mark}")


if __name__ == "__main__":
    main()
