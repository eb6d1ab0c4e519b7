"""Entity quality on real news nobody tuned to: the hand-labelled Wikinews gold, and the OTHER share.

    python -m bench.news_ner [--corpus PATH] [--gold PATH]

Gold: ``bench/data/wikinews/entities_gold.jsonl`` (42 articles whose ids are 3 mod 10, labels PERSON, ORG,
PLACE, NORP, MISC; conventions in ``entities_notes.md``), over the texts of
``../shared/corpora/wikinews/articles.jsonl`` (read here, never copied into the repository). These articles are
the test set: the rules are developed on WikiGold and on the other articles, and this script only prints totals.

Scores: span-exact P/R/F1 (the characters must match, any type) and typed P/R/F1 (characters and type), with
the extractor's labels mapped to the gold's: PERSON, ORG and PLACE to themselves, TICKER to ORG, NORP to NORP,
INDEX, PRODUCT and OTHER to MISC. NORP is scored like any other type on both sides (the headline rows); the
rows "without NORP" drop NORP spans from the gold and the prediction alike. Then the share of ``OTHER`` among
the distinct entities (canonical keys, each with its most frequent label) the extractor finds on the whole
corpus, and the whole extractor's speed (``store.extract.extract``, CPU time, one core) on the whole corpus.

The named peer, computed in the same run: a naive "every run of capitalised words is a name" baseline, typed
MISC, and ``re.findall`` of that pattern for speed.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from pathlib import Path

from bench.corpora import shared_corpus
from store.extract import extract
from store.extract.entities import find_entities

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = shared_corpus("wikinews", "BROADSHEET_WIKINEWS") / "articles.jsonl"
DEFAULT_GOLD = ROOT / "bench" / "data" / "wikinews" / "entities_gold.jsonl"
TYPE_MAP = {"PERSON": "PERSON", "ORG": "ORG", "TICKER": "ORG", "PLACE": "PLACE", "NORP": "NORP"}
TYPES = ("PERSON", "ORG", "PLACE", "NORP", "MISC")
NAIVE = re.compile(r"[A-Z][\w&'.-]*(?: [A-Z][\w&'.-]*)*")


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def scores(gold: set, predicted: set) -> tuple[float, float, float]:
    """Precision, recall and F1 of two span sets."""
    hits = len(gold & predicted)
    precision = hits / len(predicted) if predicted else 0.0
    recall = hits / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def predicted_spans(article_id: str, text: str) -> set[tuple[str, int, int, str]]:
    return {(article_id, m.start, m.end, TYPE_MAP.get(m.label, "MISC")) for m in find_entities(text)}


def naive_spans(article_id: str, text: str) -> set[tuple[str, int, int, str]]:
    return {(article_id, m.start(), m.end(), "MISC") for m in NAIVE.finditer(text)}


def quality_rows(gold: set, predicted: set, naive: set) -> list[tuple[str, tuple[float, float, float]]]:
    untyped = lambda spans: {span[:3] for span in spans}  # noqa: E731
    without_norp = lambda spans: {span for span in spans if span[3] != "NORP"}  # noqa: E731
    rows = [("broadsheet exact", scores(untyped(gold), untyped(predicted))),
            ("broadsheet typed", scores(gold, predicted))]
    for kind in TYPES:
        rows.append((f"  typed {kind}",
                     scores({g for g in gold if g[3] == kind}, {p for p in predicted if p[3] == kind})))
    rows += [("  exact without NORP", scores(untyped(without_norp(gold)), untyped(without_norp(predicted)))),
             ("  typed without NORP", scores(without_norp(gold), without_norp(predicted))),
             ("naive peer exact", scores(untyped(gold), untyped(naive))),
             ("naive peer typed", scores(gold, naive))]
    return rows


def other_share(articles: list[dict]) -> tuple[int, int, Counter]:
    """Distinct entities over the corpus (canonical key, most frequent label) and how many are OTHER."""
    labels: dict[str, Counter] = {}
    for article in articles:
        for mention in find_entities(article["text"]):
            labels.setdefault(mention.entity, Counter())[mention.label] += 1
    by_label = Counter(counter.most_common(1)[0][0] for counter in labels.values())
    return by_label["OTHER"], len(labels), by_label


def speed(articles: list[dict]) -> tuple[float, float, int]:
    """Words/s of the whole extractor and of the naive peer over the corpus, CPU time of this thread."""
    texts = [article["text"] for article in articles]
    words = sum(len(text.split()) for text in texts)
    extract(texts[0])  # loads the gazetteer outside the timing
    ours = peer = float("inf")
    for _ in range(3):
        started = time.thread_time()
        for text in texts:
            extract(text)
        ours = min(ours, time.thread_time() - started)
        started = time.thread_time()
        for text in texts:
            NAIVE.findall(text)
        peer = min(peer, time.thread_time() - started)
    return words / ours, words / peer, words


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    args = parser.parse_args(argv)
    for path in (args.corpus, args.gold):
        if not path.exists():
            parser.exit(2, f"{path}: not found (pass --corpus or --gold)\n")
    articles = read_jsonl(args.corpus)
    texts = {article["id"]: article["text"] for article in articles}
    gold_articles = read_jsonl(args.gold)
    missing = [row["id"] for row in gold_articles if row["id"] not in texts]
    if missing:
        parser.exit(2, f"{args.corpus}: gold articles missing from the corpus: {', '.join(missing)}\n")
    gold, predicted, naive = set(), set(), set()
    for row in gold_articles:
        text = texts[row["id"]]
        gold |= {(row["id"], start, end, label) for start, end, label, _ in row["entities"]}
        predicted |= predicted_spans(row["id"], text)
        naive |= naive_spans(row["id"], text)
    print(f"Wikinews gold: {len(gold_articles)} articles, {len(gold)} entities "
          f"({', '.join(f'{k} {v}' for k, v in Counter(g[3] for g in gold).most_common())})")
    print(f"{'':24}{'P':>7}{'R':>7}{'F1':>8}")
    for name, (p, r, f) in quality_rows(gold, predicted, naive):
        print(f"{name:24}{p:7.3f}{r:7.3f}{f:8.4f}")
    other, distinct, by_label = other_share(articles)
    print(f"OTHER share on the whole corpus ({len(articles)} articles): {other / distinct:.1%} of {distinct} distinct "
          f"entities ({', '.join(f'{k} {v}' for k, v in by_label.most_common())})")
    ours, peer, words = speed(articles)
    print(f"speed over {words:,} words: whole extractor {ours:,.0f} words/s, naive peer re.findall {peer:,.0f} words/s "
          "(CPU time, one core)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
