"""Web-page import: body F1 and pages/s on real pages, beside plain ``trafilatura.extract`` in the same run.

    .venv/bin/python -m bench.html [--corpus ../shared/corpora/article-extraction]

The corpus (91 gzipped news pages and ``ground-truth.json``, from Zyte's article-extraction benchmark) is read
where it lies and never copied. Two extractors are scored against the hand-checked bodies:

- **trafilatura**: ``trafilatura.extract(html, include_comments=False)``, as the benchmark itself runs it.
- **broadsheet**: ``broadsheet import`` of the whole folder into a fresh database (decoding, extraction,
  blocks, sentences, entities, figures, quotes, claims, the search index — the end-to-end import), then the
  text a reader sees as the article's body: every block except the title and boilerplate, in order.

The metric is the benchmark's own (its README and ``evaluate.py``): ``\\w+`` tokens, lower-cased as the
README says; 4-token shingles counted with multiplicity; per page TP/FP/FN normalised to sum 1; precision
and recall averaged over pages; F1 of the two means.

``--dump FILE`` writes what the import stored for every page (text, metadata, blocks) as JSON, so that two
versions of the extractor can be compared page by page: a speed change must leave the dump identical.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench.corpora import shared_corpus

CORPUS = shared_corpus("article-extraction", "BROADSHEET_ARTICLE_EXTRACTION")
_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    """The benchmark's shingles: consecutive n-grams of lower-cased ``\\w+`` tokens (one shorter shingle for a
    text of fewer than n tokens, none for an empty one)."""
    tokens = _TOKEN.findall((text or "").lower())
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def page_counts(true: str, predicted: str) -> tuple[float, float, float]:
    """TP, FP, FN over shingles, normalised to sum 1 so that long pages weigh no more than short ones."""
    gold, guess = shingles(true), shingles(predicted)
    tp = sum((gold & guess).values())
    fp = sum((guess - gold).values())
    fn = sum((gold - guess).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def score(gold: dict[str, str], predicted: dict[str, str]) -> dict[str, float]:
    """Mean precision and recall over pages (pages with nothing to score left out, as the benchmark does)
    and the F1 of the two means."""
    counts = [page_counts(gold[key], predicted.get(key) or "") for key in gold]
    precision = statistics.mean(_precision(*c) for c in counts if c[0] + c[1] > 0)
    recall = statistics.mean(_recall(*c) for c in counts if c[0] + c[2] > 0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the importer's worker processes)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_trafilatura(pages: dict[str, Path]) -> tuple[dict[str, str], float, float]:
    import trafilatura

    started, cpu = time.perf_counter(), cpu_seconds()
    bodies = {}
    for key, path in pages.items():
        with gzip.open(path, "rt", encoding="utf8") as handle:
            bodies[key] = trafilatura.extract(handle.read(), include_comments=False) or ""
    return bodies, time.perf_counter() - started, cpu_seconds() - cpu


_DUMPED_FIELDS = ("title", "source", "url", "published", "byline", "language", "words", "text")


def run_broadsheet(folder: Path, dump: Path | None = None) -> tuple[dict[str, str], float, float, int]:
    from store.db import open_db
    from store.importer import import_paths

    with tempfile.TemporaryDirectory() as scratch:
        db = open_db(Path(scratch) / "bench.db")
        started, cpu = time.perf_counter(), cpu_seconds()
        report = import_paths(db, [folder])
        elapsed, cpu = time.perf_counter() - started, cpu_seconds() - cpu
        bodies, stored = {}, {}
        for article_id, path, text in db.execute("SELECT id, path, text FROM articles"):
            key = Path(path).name.split(".")[0]
            blocks = db.execute(
                'SELECT start, "end" FROM blocks WHERE article_id = ? AND kind NOT IN (\'title\', \'boilerplate\') '
                "ORDER BY seq",
                [article_id],
            )
            bodies[key] = "\n".join(text[start:end] for start, end in blocks)
            if dump is not None:
                row = db.execute(f"SELECT {', '.join(_DUMPED_FIELDS)} FROM articles WHERE id = ?", [article_id])
                stored[key] = dict(zip(_DUMPED_FIELDS, row.fetchone(), strict=True))
                stored[key]["blocks"] = db.execute(
                    'SELECT kind, level, start, "end" FROM blocks WHERE article_id = ? ORDER BY seq', [article_id]
                ).fetchall()
        db.close()
    if dump is not None:
        dump.write_text(json.dumps(dict(sorted(stored.items())), ensure_ascii=False, indent=1), "utf-8")
    return bodies, elapsed, cpu, len(report.skipped)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--dump", type=Path, help="write what the import stored for every page to this JSON file")
    args = parser.parse_args(argv)
    truth = json.loads((args.corpus / "ground-truth.json").read_text("utf-8"))
    gold = {key: record.get("articleBody") or "" for key, record in truth.items()}
    pages = {key: args.corpus / "html" / f"{key}.html.gz" for key in gold}
    load = os.getloadavg()[0]
    peer, peer_seconds, peer_cpu = run_trafilatura(pages)
    ours, our_seconds, our_cpu, skipped = run_broadsheet(args.corpus / "html", args.dump)
    print(f"{len(gold)} pages from {args.corpus}; {os.cpu_count()} cores, load average {load:.1f} at the start")
    print(f"{'extractor':<34} {'precision':>9} {'recall':>7} {'F1':>6} {'pages/s':>8} {'CPU ms/page':>12}")
    for name, bodies, seconds, cpu in (
        ("trafilatura.extract (1 process)", peer, peer_seconds, peer_cpu),
        ("broadsheet import (end to end)", ours, our_seconds, our_cpu),
    ):
        result = score(gold, bodies)
        print(f"{name:<34} {result['precision']:>9.3f} {result['recall']:>7.3f} {result['f1']:>6.3f} "
              f"{len(gold) / seconds:>8.1f} {cpu / len(gold) * 1000:>12.1f}")
    print(f"broadsheet skipped {skipped} page(s); pages/s is wall-clock time on this machine as loaded; "
          f"CPU ms/page counts every process (the importer uses {min(2, os.cpu_count() or 1)} worker processes)")
    # What two otherwise idle cores could do if the work spread evenly over them: the machine is shared, so the
    # wall-clock figure above is only as good as the load lets it be.
    print(f"broadsheet CPU-bound ceiling on 2 idle cores: {2000 * len(gold) / (our_cpu * 1000):.1f} pages/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
