"""The web-page quote golds: offsets into a page's body, texts rebuilt and checked by sha1, scored by bench.quotes."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.pages import PageGoldError, load_pages_gold
from bench.quotes import gold_path

ROOT = Path(__file__).resolve().parents[2]
KEY = "ab" * 32
BODY = ("Harbour town plans a new sea wall\n\n"
        "“We are ready for the winter storms,” said Jane Doe, the mayor. “The wall will hold.”\n\n"
        "The council meets again in March.")


def _quote(*spans: str, speaker: str | None = "Jane Doe") -> dict:
    parts = []
    for span in spans:
        start = BODY.index(span)
        parts.append([start, start + len(span)])
    joined = " … ".join(spans)
    return {"parts": parts, "sha1": hashlib.sha1(joined.encode()).hexdigest(), "speaker": speaker,
            "speaker_kind": "person" if speaker else "unnamed"}


def _write(tmp_path: Path, quotes: list[dict]) -> Path:
    (tmp_path / "ground-truth.json").write_text(
        json.dumps({KEY: {"articleBody": BODY, "url": "https://example.org/wall"}}), encoding="utf-8")
    gold = tmp_path / "quotes_pages_test.jsonl"
    gold.write_text(json.dumps({"page": KEY, "quotes": quotes}) + "\n", encoding="utf-8")
    return gold


def test_quote_texts_are_rebuilt_from_their_parts(tmp_path):
    gold = _write(tmp_path, [_quote("We are ready for the winter storms,", "The wall will hold.")])
    quotes, texts = load_pages_gold(gold, tmp_path / "ground-truth.json")
    assert list(quotes) == [KEY[:12]]
    assert quotes[KEY[:12]][0]["text"] == "We are ready for the winter storms, … The wall will hold."
    text, blocks = texts[KEY[:12]]
    assert text == BODY
    assert any(text[b.start : b.end].startswith("“We are ready") for b in blocks)


def test_a_quote_whose_offsets_moved_is_refused_naming_its_page(tmp_path):
    quote = _quote("We are ready for the winter storms,")
    quote["parts"][0][0] += 1
    gold = _write(tmp_path, [quote])
    with pytest.raises(PageGoldError, match=f"page {KEY[:12]}: the quote at .* does not match its sha1"):
        load_pages_gold(gold, tmp_path / "ground-truth.json")


def test_pages_golds_are_found_by_name():
    assert gold_path("pages_dev") == ROOT / "bench" / "data" / "pages" / "quotes_pages_dev.jsonl"


def _bench(tmp_path: Path, gold: Path) -> subprocess.CompletedProcess:
    articles = tmp_path / "articles.jsonl"
    articles.write_text(json.dumps({"id": "x1", "text": "A short text, said Ann Lee."}) + "\n", encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "bench.quotes", "--gold", str(gold), "--pages", str(tmp_path),
                           "--articles", str(articles)], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_bench_scores_a_pages_gold_beside_the_naive_peer(tmp_path):
    run = _bench(tmp_path, _write(tmp_path, [_quote("We are ready for the winter storms,", "The wall will hold.")]))
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == "1 pages, 1 gold quotes (quotes_pages_test.jsonl)"
    assert lines[1].split()[:3] == ["system", "found", "precision"]
    assert lines[2].startswith("ours ")
    naive = lines[3].split()
    # The peer finds the quote by its first half but reports the second half as a quote of its own.
    assert naive[:3] == ["naive", "1.000", "0.500"]


def test_bench_stops_with_one_line_on_a_sha1_mismatch(tmp_path):
    quote = _quote("We are ready for the winter storms,")
    quote["sha1"] = "0" * 40
    run = _bench(tmp_path, _write(tmp_path, [quote]))
    assert run.returncode == 1
    assert run.stderr.strip().splitlines() == [
        f"quotes_pages_test.jsonl: page {KEY[:12]}: the quote at {BODY.index('We are')} does not match its sha1 "
        "(the corpus changed or an offset is wrong)"]
