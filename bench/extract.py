"""Extraction speed and memory: figures alone, entities alone and the whole extractor, on one core.

    python -m bench.extract [--articles 400] [--seed 1]

Texts come from the synthetic corpus (``bench.corpus``), joined into articles of about 1,000 words. In the same
run, the named peer is a naive baseline: ``re.findall`` of a simple money-or-percent pattern (what a script would
do, without values, hedges, dates or entities). Prints words/s over the whole corpus, per-article p50/p99 latency
(thread CPU time: one core, unaffected by other processes), and the peak Python memory of one whole-extractor pass
(tracemalloc) and the process's maximum resident size.
"""

from __future__ import annotations

import argparse
import importlib.resources
import re
import resource
import statistics
import time
import tracemalloc
from collections.abc import Callable

from bench.corpus import generate_articles
from store.extract import extract
from store.extract.entities import find_entities
from store.extract.figures import find_figures
from store.extract.teachings import Teachings

ARTICLE_WORDS = 1000
NAIVE = re.compile(r"[$€£]\s?\d[\d,.]*(?:\s?(?:million|billion|trillion))?|[+-]?\d+(?:\.\d+)?%")


def thousand_word_articles(count: int, seed: int) -> list[str]:
    """``count`` texts of about 1,000 words each, made of consecutive lines of synthetic articles."""
    articles, current, words = [], [], 0
    for _name, text in generate_articles(count * 2, seed):
        for line in text.splitlines():
            current.append(line)
            words += len(line.split())
            if words >= ARTICLE_WORDS:
                articles.append("\n".join(current))
                current, words = [], 0
                if len(articles) == count:
                    return articles
    return articles


def measure(name: str, run: Callable[[str], object], texts: list[str], words: int) -> dict:
    """Time ``run`` on every text separately; the total gives words/s, the per-text times the latencies.

    Times are CPU time of this thread, so that other processes sharing the cores do not count.
    """
    times = []
    for text in texts:
        started = time.thread_time()
        run(text)
        times.append(time.thread_time() - started)
    total = sum(times)
    quantiles = statistics.quantiles(times, n=100)
    return {"name": name, "words_per_s": words / total, "p50_ms": quantiles[49] * 1000, "p99_ms": quantiles[98] * 1000}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=400, help="number of ~1,000-word articles")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    texts = thousand_word_articles(args.articles, args.seed)
    words = sum(len(text.split()) for text in texts)
    started = time.perf_counter()
    find_entities("Warm-up: Nvidia said Monday.")  # loads the gazetteer once
    warm_up = time.perf_counter() - started
    teachings = Teachings(
        added=[(f"Taught Name {n}", "ORG") for n in range(20)] + [("Equinix", "ORG")],
        suppressed_texts={"Cisco", "Micron"},
    )
    print(f"{len(texts)} synthetic articles, {words:,} words ({words / len(texts):,.0f} per article); "
          f"gazetteer load {warm_up * 1000:.0f} ms (once per process)")

    results = [
        measure("naive re.findall (peer)", NAIVE.findall, texts, words),
        measure("find_figures", find_figures, texts, words),
        measure("find_entities", find_entities, texts, words),
        measure("extract (whole extractor)", extract, texts, words),
        measure("extract + 23 teachings", lambda text: extract(text, teachings.relevant(text)), texts, words),
    ]
    peer = results[0]["words_per_s"]
    print(f"{'method':<28}{'words/s':>12}{'vs peer':>10}{'p50 ms':>9}{'p99 ms':>9}")
    for row in results:
        print(f"{row['name']:<28}{row['words_per_s']:>12,.0f}{row['words_per_s'] / peer:>9.2f}x"
              f"{row['p50_ms']:>9.2f}{row['p99_ms']:>9.2f}")

    seeds = [entry.read_text(encoding="utf-8") for entry in importlib.resources.files("seeds").iterdir()
             if entry.name.endswith(".txt")]
    seed_words = sum(len(text.split()) for text in seeds)
    for row in (measure("find_figures", find_figures, seeds * 20, seed_words * 20),
                measure("extract", extract, seeds * 20, seed_words * 20)):
        print(f"{row['name']} on the {len(seeds)} bundled real articles (sparser in figures than the synthetic "
              f"ones): {row['words_per_s']:,.0f} words/s")

    tracemalloc.start()
    for text in texts:
        extract(text)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"memory: peak Python allocations during a whole-extractor pass {peak / 2**20:.1f} MiB; "
          f"process max RSS {max_rss:.0f} MiB (gazetteer, interpreter and corpus included)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
