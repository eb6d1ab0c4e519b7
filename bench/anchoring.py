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

The figure table takes every "$N billion" (million, trillion) of the sample articles and a quote around it —
three words either side, or its whole sentence — and re-anchors it after two edits: the figure reworded with one
word more ("$N billion" → "nearly $Nbn", context intact: should stay ``fuzzy``, figure unchanged) and the figure's
value changed ("$N billion" → "$M billion": ``fuzzy`` flagged ``figure_changed``).
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


def figure_table() -> None:
    files = importlib.resources.files("seeds")
    texts = [f.read_text(encoding="utf-8") for f in sorted(files.iterdir(), key=lambda f: f.name)
             if f.name.endswith(".txt")]
    cases: dict[str, Counter] = {}
    for text in texts:
        for figure in re.finditer(r"\$(\d[\d.,]*) (billion|million|trillion)\b", text):
            number, scale = figure.groups()
            short_start = _word_start(text, figure.start(), -3)
            short_end = _word_start(text, figure.end(), 4)
            sentence_start = max(text.rfind(". ", 0, figure.start()) + 2, text.rfind("\n", 0, figure.start()) + 1)
            sentence_end = min(i for i in (text.find(". ", figure.end()) + 1, text.find("\n", figure.end())) if i > 0)
            changed_number = str(int(number[0]) % 9 + 1) + number[1:]
            edits = {
                "reworded": f"nearly ${number}{ {'billion': 'bn', 'million': 'm', 'trillion': 'tn'}[scale]}",
                "value changed": f"${changed_number} {scale}",
            }
            for quote_kind, (start, end) in (("3 words", (short_start, short_end)),
                                             ("sentence", (sentence_start, sentence_end))):
                selector = make_selector(text, start, end)
                for edit, replacement in edits.items():
                    edited = text[: figure.start()] + replacement + text[figure.end() :]
                    anchor = reanchor(selector, text_hash(text), edited)
                    state = anchor.state + (" figure-changed" if getattr(anchor, "figure_changed", False) else "")
                    cases.setdefault(f"{edit}, {quote_kind}", Counter())[state] += 1
    print(f"\n{'figure edit, quote':>26}  states")
    for name, states in cases.items():
        print(f"{name:>26}  {dict(states.most_common())}")


def _word_start(text: str, at: int, words: int) -> int:
    """The offset ``words`` words before (negative) or after ``at``, within its line."""
    step = -1 if words < 0 else 1
    count, i = 0, at
    while 0 < i < len(text) and text[i if step > 0 else i - 1] != "\n":
        i += step
        if text[i if step > 0 else i - 1] == " ":
            count += 1
            if count == abs(words):
                break
    return i


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
    figure_table()


if __name__ == "__main__":
    main()
