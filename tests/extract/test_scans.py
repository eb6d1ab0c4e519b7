"""The fast scans find what the plain patterns they replace find: each is compared, on random strings of the
pieces that matter to it, with the straightforward pattern searched at every position."""

from __future__ import annotations

import random
import re

from store.extract import entity_tokens, figure_patterns, tickers

PIECES = [
    "$", "US$", "U.S.$", "C$", "NZ$", "RMB", "USD", "€", "£", "-", "−", "+", ".", ",", "5", "12", "2020", "1,000",
    "3.5", "%", " million", "mid-", "Between ", "between ", "two", "Two", "twenty", "March", "xMarch", "Monday,",
    "Q3", "Q3 2025", " ", " ", " ", "\n", "(", ")", "[", "last week", "Last year", "yesterday", "the", "The", "th",
    "tens",
    "one", "٣٠", "2026-02-06", "1st", "of", "x", "/", ":", "&", "'", "’", "_", "é", "É", "Ω", "iPhone", "eBay",
    "xAI", "aBc", "abcD", "NVIDIA", "Inc.", "Inc.X", "5&Co", "Smith's", "AI-related", "!", "“", "‘", "”", " - ",
    "–", "—", "•", "*", "…", "?", "$AAPL", "NYSE", "NYSE American", "Nasdaq", "TSXV", "0700", ": ",
]


def _strings(seed: int, count: int = 4000):
    rng = random.Random(seed)
    for _ in range(count):
        yield "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 14)))


def test_figure_candidates_cover_every_match():
    for text in _strings(1):
        everywhere = [m.start() for m in (figure_patterns.FIGURE_PATTERN.match(text, i) for i in range(len(text))) if m]
        assert set(everywhere) <= set(figure_patterns.candidate_starts(text)), text


def test_capitalised_tokens_as_the_plain_pattern():
    plain = re.compile(
        rf"(?<![\w&'’.\-])(?:[{entity_tokens.UPPER}]|[a-z]{{1,2}}[{entity_tokens.UPPER}])[\w&]*(?:[.'’\-][\w&]+)*\.?"
        r"|(?<=[\w.] )\d\w*(?:[.\-]\w+)*"
    )
    for text in _strings(2):
        expected = [(m.start(), entity_tokens.word_of(m.group())) for m in plain.finditer(text)]
        assert [(start, word) for start, _, word in entity_tokens.cap_tokens(text)] == expected, text


def test_sentence_starts_as_the_plain_pattern():
    plain = re.compile(r"(?:^|[.!?;:…][\"'”’)\]]*\s+|[“‘]|\s[-–—]\s)[\s\"“‘'(\[*•–—-]*")
    for text in _strings(3):
        expected = {m.end() for m in plain.finditer(text)}
        expected |= {m.end() for m in re.finditer(r"\n[\s\"“‘'(\[*•–—-]*", text)}
        assert entity_tokens.sentence_starts(text) == expected, text


def test_ticker_patterns_as_the_plain_patterns():
    cashtag = re.compile(r"(?<![\w$])\$(" + tickers._SYMBOL + r")\b")
    exchange = re.compile(r"\b(?:" + "|".join(map(re.escape, tickers._EXCHANGES)) + r")\s?:\s?("
                          + tickers._SYMBOL + r"|\d{4,6})\b")
    for text in _strings(4):
        for fast, plain in ((tickers._CASHTAG, cashtag), (tickers._EXCHANGE, exchange)):
            assert [m.span(1) for m in fast.finditer(text)] == [m.span(1) for m in plain.finditer(text)], text
