"""Write a deterministic synthetic corpus of financial-news articles, with its planted ground truth.

    python -m bench.make_corpus 10000 --out bench/out/corpus-10k [--format txt|jsonl] [--seed 1]

``txt`` writes one file per article (title on the first line, one paragraph per line, like ``seeds/``);
``jsonl`` writes ``corpus.jsonl`` with one ``{"id", "title", "text"}`` record per line. Either way
``truth.json`` next to it lists the planted corroborations and conflicts (see ``bench.corpus.facts``). Import
the articles by name (``broadsheet import DIR/*.txt`` or ``DIR/corpus.jsonl``): importing ``DIR`` itself also
meets ``truth.json``, which is not an article and is reported as skipped.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from bench.corpus import generate_articles, planted_truth
from bench.corpus.articles import title_line

JSONL_NAME = "corpus.jsonl"


def write_corpus(n: int, out: Path, fmt: str = "txt", seed: int = 1) -> list[Path]:
    """Write ``n`` articles under ``out`` plus ``truth.json``; returns the files written (articles first)."""
    out.mkdir(parents=True, exist_ok=True)
    names: list[str] = []
    written: list[Path] = []
    if fmt == "jsonl":
        target = out / JSONL_NAME
        with target.open("w", encoding="utf-8") as handle:
            for name, text in generate_articles(n, seed):
                record_id = name.removesuffix(".txt")
                names.append(f"{JSONL_NAME}#{record_id}")
                handle.write(json.dumps({"id": record_id, "title": title_line(text), "text": text}, ensure_ascii=False))
                handle.write("\n")
        written.append(target)
    else:
        for name, text in generate_articles(n, seed):
            path = out / name
            path.write_text(text, encoding="utf-8")
            names.append(name)
            written.append(path)
    truth = out / "truth.json"
    truth.write_text(json.dumps(planted_truth(n, seed, names), ensure_ascii=False, indent=1), encoding="utf-8")
    written.append(truth)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("--out", type=Path, help="directory to write (default: bench/out/corpus-N)")
    parser.add_argument("--format", choices=["txt", "jsonl"], default="txt")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("n must be zero or more")
    out = args.out or Path("bench/out") / f"corpus-{args.n}"
    started = time.perf_counter()
    files = write_corpus(args.n, out, args.format, args.seed)
    size = sum(path.stat().st_size for path in files[:-1])
    print(f"{args.n} articles, {size / 1e6:.1f} MB in {out} ({time.perf_counter() - started:.1f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
