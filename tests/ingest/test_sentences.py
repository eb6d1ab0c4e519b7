"""Sentence spans: abbreviations, numbers, initials, quotes, ellipses, reference markers, block limits."""

from pathlib import Path

import pytest

from store.ingest import parse_file
from store.ingest.sentences import split_sentences
from store.model import Block

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def sentences(text: str, kind: str = "paragraph") -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, [Block(kind, 0, len(text))])]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The U.S. economy grew. The U.K. one shrank.", ["The U.S. economy grew.", "The U.K. one shrank."]),
        ("Shares rose 3.07% to $1.35 on Friday. Bonds fell.", ["Shares rose 3.07% to $1.35 on Friday.", "Bonds fell."]),
        ("Dr. Smith met Mr. Jones at St. Paul's. They talked.",
         ["Dr. Smith met Mr. Jones at St. Paul's.", "They talked."]),
        ("Acme Inc. and Foo Corp. merged with Bar Ltd. in Jan. 2024.",
         ["Acme Inc. and Foo Corp. merged with Bar Ltd. in Jan. 2024."]),
        ("Big names, e.g. Meta, i.e. giants, vs. small ones. Next.",
         ["Big names, e.g. Meta, i.e. giants, vs. small ones.", "Next."]),
        ("J. P. Morgan agreed. So did T. Rowe Price.", ["J. P. Morgan agreed.", "So did T. Rowe Price."]),
        ("Sales rose in the U.S. The market fell.", ["Sales rose in the U.S.", "The market fell."]),
        ("He called it “amazing.” Then he left.", ["He called it “amazing.”", "Then he left."]),
        ("Was it “over?” She said ‘no!’ They left.", ["Was it “over?”", "She said ‘no!’", "They left."]),
        ('He said "stop." Then "go!" And so on.', ['He said "stop."', 'Then "go!"', "And so on."]),
        ("Markets fell… Then they rose... And fell again.", ["Markets fell…", "Then they rose...", "And fell again."]),
        ("It slid… and then... recovered.", ["It slid… and then... recovered."]),
        ("“It is over… Now we wait,” he said. Fine.", ["“It is over… Now we wait,” he said.", "Fine."]),
        ("It entered bear market territory [6]. However, it rose.[7] Later it fell.",
         ["It entered bear market territory [6].", "However, it rose.[7]", "Later it fell."]),
        ("A sentence without an end", ["A sentence without an end"]),
    ],
)
def test_sentence_boundaries(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("kind", ["title", "heading", "list", "reference"])
def test_structural_blocks_are_single_sentences(kind):
    assert sentences("  1. First point. Second point?  ", kind) == ["1. First point. Second point?"]


def test_sentences_never_cross_blocks_and_are_trimmed():
    text = "First block ends without stop\n  Second block. Has two.  "
    blocks = [Block("paragraph", 0, 29), Block("paragraph", 32, len(text) - 2)]
    assert [text[s:e] for s, e in split_sentences(text, blocks)] == [
        "First block ends without stop", "Second block.", "Has two.",
    ]


def test_no_seed_sentence_splits_an_abbreviation_or_a_price():
    for path in sorted(SEEDS.glob("*.txt")):
        [article], _ = parse_file(path)
        for start, end in article.sentences:
            sentence = article.text[start:end]
            assert not sentence.startswith(("S.", "K.", "35", "07%")), sentence
            assert not sentence.endswith((" U.", " $1.", " T.", "3.")), sentence


def test_seed_sentences_include_the_expected_ones():
    [article], _ = parse_file(next(SEEDS.glob("000_*.txt")))
    found = {article.text[s:e] for s, e in article.sentences}
    assert any("losing a total market value of approximately $1.35 trillion" in s for s in found)
    assert any(s.startswith("Concerns about the return on capital") and "U.S. tech sector." in s for s in found)
