"""Score the entity extractor on WikiGold (Wikipedia text, CoNLL PER/ORG/LOC/MISC) and time it.

Usage: ``.venv/bin/python -m bench.wikigold [path/to/wikigold.conll.txt]``. By default the corpus is read from
``../shared/corpora/wikigold/`` next to the repository (set ``BROADSHEET_WIKIGOLD`` to override).
WikiGold: Balasuriya, Ringland, Nothman, Murphy and Curran (2009), "Named entity recognition in Wikipedia",
licensed CC-BY 4.0; see bench/data/wikigold/NOTICE.

Prints span-exact F1 (boundaries only) and typed F1 (PERSON->PER, ORG->ORG, PLACE->LOC, others->MISC), per type,
words per second, and the named peers: spaCy en_core_web_sm as measured in the project's field notes, and a
naive "every capitalised run is a name" baseline computed in the same run.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpora import shared_corpus  # noqa: E402
from store.extract.entities import find_entities  # noqa: E402

DEFAULT_PATH = shared_corpus("wikigold") / "wikigold.conll.txt"
TYPE_MAP = {"PERSON": "PER", "ORG": "ORG", "PLACE": "LOC"}
SPACY_PEER = {"exact F1": 0.71, "typed F1": 0.52, "words/s": 6_500}
_NO_SPACE_BEFORE = re.compile(r"^(?:[.,;:!?)\]%]|'s|'|n't|'re|'ve|'ll|'d|'m)$")


def read_documents(path: Path) -> list[list[tuple[str, str]]]:
    """WikiGold documents as lists of (token, tag); sentence breaks are kept as ("", "")."""
    documents, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            if current:
                documents.append(current)
            current = []
        elif not line.strip():
            if current and current[-1][0]:
                current.append(("", ""))
        else:
            token, tag = line.rsplit(" ", 1)
            current.append((token, tag))
    if current:
        documents.append(current)
    return documents


def detokenise(document: list[tuple[str, str]]) -> tuple[str, set[tuple[int, int, str]]]:
    """Rebuild readable text from tokens and the gold spans as (start, end, type) over it."""
    text, spans, open_span = "", set(), None
    previous = ""
    for token, tag in document:
        if not token:
            previous = "."
            continue
        if text and not _NO_SPACE_BEFORE.match(token) and previous not in {"(", "[", "$"}:
            text += " "
        start = len(text)
        text += token
        kind = tag[2:] if tag != "O" else None
        if open_span and open_span[2] == kind:
            open_span = (open_span[0], len(text), kind)
        else:
            if open_span:
                spans.add(open_span)
            open_span = (start, len(text), kind) if kind else None
        previous = token
    if open_span:
        spans.add(open_span)
    return text, spans


def naive_spans(text: str) -> set[tuple[int, int, str]]:
    """The naive peer: every run of capitalised words is a name (typed MISC)."""
    return {(m.start(), m.end(), "MISC") for m in re.finditer(r"[A-Z][\w&'.-]*(?: [A-Z][\w&'.-]*)*", text)}


def scores(gold: set, predicted: set) -> tuple[float, float, float]:
    """Precision, recall and F1 of two span sets."""
    hits = len(gold & predicted)
    precision = hits / len(predicted) if predicted else 0.0
    recall = hits / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(os.environ.get("BROADSHEET_WIKIGOLD", DEFAULT_PATH))
    if not path.exists():
        print(f"{path}: WikiGold not found (pass its path, or set BROADSHEET_WIKIGOLD)", file=sys.stderr)
        return 2
    documents = [detokenise(doc) for doc in read_documents(path)]
    words = sum(len(text.split()) for text, _ in documents)
    gold, predicted, naive = set(), set(), set()
    elapsed = float("inf")
    for _ in range(3):
        started = time.process_time()  # CPU time: the machine is shared
        results = [find_entities(text) for text, _ in documents]
        elapsed = min(elapsed, time.process_time() - started)
    for index, ((text, spans), mentions) in enumerate(zip(documents, results, strict=False)):
        gold |= {(index, *span) for span in spans}
        predicted |= {(index, m.start, m.end, TYPE_MAP.get(m.label, "MISC")) for m in mentions}
        naive |= {(index, *span) for span in naive_spans(text)}
    untyped = lambda spans: {span[:3] for span in spans}  # noqa: E731
    print(f"WikiGold: {len(documents)} documents, {words} words, {len(gold)} gold entities")
    print(f"{'':22}{'P':>7}{'R':>7}{'F1':>8}")
    rows = [("broadsheet exact", scores(untyped(gold), untyped(predicted))),
            ("broadsheet typed", scores(gold, predicted))]
    for kind in ("PER", "ORG", "LOC", "MISC"):
        rows.append((f"  typed {kind}",
                     scores({g for g in gold if g[3] == kind}, {p for p in predicted if p[3] == kind})))
    rows.append(("naive peer exact", scores(untyped(gold), untyped(naive))))
    rows.append(("naive peer typed", scores(gold, naive)))
    for name, (p, r, f) in rows:
        print(f"{name:22}{p:7.3f}{r:7.3f}{f:8.4f}")
    print(f"broadsheet speed: {words / elapsed:,.0f} words/s ({elapsed * 1000:.0f} ms CPU for the corpus, one core)")
    print("peer spaCy en_core_web_sm (field notes, same corpus): exact F1 {exact F1:.2f}, typed F1 {typed F1:.2f}, "
          "{words/s:,} words/s".format(**SPACY_PEER))
    labels = Counter(m.label for mentions in results for m in mentions)
    print("labels emitted:", ", ".join(f"{k} {v}" for k, v in labels.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
