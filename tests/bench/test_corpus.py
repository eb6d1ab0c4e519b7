"""The synthetic benchmark corpus: deterministic, shaped like scraped news, with truthful planted claims."""

from __future__ import annotations

import json
import re
from itertools import islice

from bench.corpus import generate_articles, generate_sentences
from bench.corpus.facts import money_text
from bench.make_corpus import main as make_corpus
from store.importer import import_paths

REFERENCE = re.compile(r"^\[\d+\] .+ - [“\"].+[”\"]$")
WORD = re.compile(r"\w+")


def test_same_seed_same_corpus_other_seed_other_corpus():
    first = list(generate_articles(20, seed=3))
    assert first == list(generate_articles(20, seed=3))
    assert first != list(generate_articles(20, seed=4))
    assert list(islice(generate_sentences(300, 3), 300)) == list(generate_sentences(300, 3))


def test_articles_are_shaped_like_scraped_news():
    articles = list(generate_articles(200, seed=1))
    assert len({name for name, _ in articles}) == 200
    texts = [text for _, text in articles]
    assert all(text.strip().splitlines()[0][0].isupper() for text in texts)  # title line first
    everything = "\n".join(texts)
    lines = everything.splitlines()
    assert any(REFERENCE.match(line) for line in lines)
    assert any(line.startswith("URL: https://") for line in lines)
    assert any(line.startswith("Date: ") for line in lines)
    assert any(line.endswith(("said:", "pointed out:", "emphasized:", "noted:")) for line in lines)
    assert any(line.startswith("“") and line.endswith("”") for line in lines)  # whole-paragraph quote
    assert "’s " in everything and "'s " in everything  # curly and straight possessives
    for boilerplate in ("Related", "ALSO SEE", "OTHER NEWS", "About us:", "Leave a Reply"):
        assert boilerplate in everything
    for figure in (r"\$\d[\d.]* (?:billion|million)", r"[+-]\d[\d.]*%", r"\b(?:19|20)\d\d-\d\d-\d\d\b",
                   r"\d{1,3},\d{3} "):
        assert re.search(figure, everything), figure


def test_sentences_stream_with_a_growing_long_tail_vocabulary():
    sentences = list(generate_sentences(20_000, seed=1))
    assert len(sentences) == 20_000
    assert all(s.endswith((".", "”", '"')) for s in sentences)
    vocabulary = {w for s in sentences for w in WORD.findall(s.casefold())}
    # Names drawn from a long tail: distinct words keep growing with size (≥ 300k at 1M sentences).
    assert len(vocabulary) > 15_000


def test_truth_lists_planted_facts_as_the_files_state_them(tmp_path):
    assert make_corpus(["160", "--out", str(tmp_path), "--seed", "7"]) == 0
    truth = json.loads((tmp_path / "truth.json").read_text(encoding="utf-8"))
    assert truth["articles"] == 160 and truth["conflicts"] and truth["corroborations"]
    for fact in truth["corroborations"] + truth["conflicts"]:
        assert len(fact["files"]) >= 2
        for name, value in fact["files"].items():
            text = (tmp_path / name).read_text(encoding="utf-8")
            stated = set()
            for found in re.finditer(re.escape(fact["subject"]), text):
                stated |= _stated_values(text[found.start() : text.find("\n", found.start())][:160])
            assert value in stated, (name, value)
    for fact in truth["conflicts"]:
        assert len(set(fact["files"].values())) == 2
    for fact in truth["corroborations"]:
        assert len(set(fact["files"].values())) == 1


def test_planted_subjects_state_no_other_figures(tmp_path):
    make_corpus(["160", "--out", str(tmp_path), "--seed", "7"])
    truth = json.loads((tmp_path / "truth.json").read_text(encoding="utf-8"))
    planted_files = {name for fact in truth["corroborations"] + truth["conflicts"] for name in fact["files"]}
    for path in tmp_path.glob("*.txt"):
        if path.name not in planted_files:
            text = path.read_text(encoding="utf-8")
            assert not any(subject in text for subject in truth["planted_subjects"])


def test_jsonl_format_writes_one_record_per_article_that_the_importer_reads(tmp_path, db):
    make_corpus(["12", "--out", str(tmp_path), "--format", "jsonl"])
    records = [json.loads(line) for line in (tmp_path / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(records) == 12
    assert all(r["text"].strip().startswith(r["title"]) for r in records)
    report = import_paths(db, [tmp_path / "corpus.jsonl"])
    assert (report.imported, report.skipped) == (12, [])
    keys = {row["path"].rsplit("#", 1)[1] for row in db.query("SELECT path FROM articles")}
    assert keys == {r["id"] for r in records}


def test_money_text_writes_the_same_value_in_several_shapes():
    import random

    rng = random.Random(0)
    shapes = {money_text(rng, 12_400_000_000) for _ in range(200)}
    assert {"$12.4 billion", "$12.4bn", "US$12.4 billion", "$12,400 million"} <= shapes
    assert all(12_400_000_000 in _stated_values(shape) for shape in shapes)


def _stated_values(sentence: str) -> set[int]:
    """Dollar amounts in a sentence, as whole dollars (a small parser independent of the generator)."""
    values = set()
    for number, scale in re.findall(r"\$([\d,.]+)\s?(billion|million|bn|m)\b", sentence):
        multiplier = 1e9 if scale in ("billion", "bn") else 1e6
        values.add(round(float(number.replace(",", "")) * multiplier))
    return values
