"""Stock tickers, recognised only where the text says they are tickers.

A cashtag (``$AAPL``), an exchange prefix (``NASDAQ: AAPL``, ``(NYSE:BA)``) or a known company followed by its
own symbol in parentheses (``Apple (AAPL)``). Other capitalised acronyms in parentheses are usually not tickers
("CSR", "FOMC"), so they are left to the name rules.
"""

from __future__ import annotations

import re

from store.extract.gazetteer import Gazetteer

_SYMBOL = r"[A-Z][A-Z0-9]{0,5}(?:[.\-][A-Z0-9]{1,2})?"
# Both patterns open with a literal character (the boundary check comes after it), so that a search skips
# the characters that cannot start a match at C speed instead of trying the pattern at each one.
_CASHTAG = re.compile(r"\$(?<![\w$].)(" + _SYMBOL + r")\b")  # a "$" not after a word character or "$"
_EXCHANGES = (
    "NYSE American", "NYSE Arca", "NYSE", "NASDAQ", "Nasdaq", "AMEX", "LSE", "LON", "TSX", "TSXV", "ASX", "HKEX", "HKG",
    "SEHK", "TYO", "TSE", "KRX", "KOSDAQ", "SSE", "SZSE", "SHA", "SHE", "NSE", "BSE", "Euronext", "EPA", "ETR", "FRA",
    "XETRA", "SIX", "BME", "BIT", "OTC", "OTCMKTS",
)


def _by_first_letter(names) -> str:
    """``\\b(?:name|name…)`` written as one alternative per first letter (names in their order), each checking
    the word boundary after that letter."""
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(name[0], []).append(name[1:])
    return "(?:" + "|".join(
        re.escape(first) + r"(?<!\w.)(?:" + "|".join(map(re.escape, rests)) + ")" for first, rests in groups.items()
    ) + ")"


_EXCHANGE = re.compile(_by_first_letter(_EXCHANGES) + r"\s?:\s?(" + _SYMBOL + r"|\d{4,6})\b")
_PARENTHESISED = re.compile(r"(?:['’]s)?\s?\(\s?(" + _SYMBOL + r")\s?\)")


def _key(symbol: str, gaz: Gazetteer) -> str:
    """A ticker groups with its company when the gazetteer knows it; otherwise with its own symbol."""
    entry = gaz.tickers.get(symbol) or gaz.tickers.get(symbol.split(".")[0])
    return entry.key if entry else symbol.lower()


def find_tickers(text: str, gaz: Gazetteer) -> list[tuple[int, int, str]]:
    """Cashtags and exchange-prefixed symbols as (start, end, key); the span is the symbol alone."""
    found = []
    for pattern in (_CASHTAG, _EXCHANGE):
        for match in pattern.finditer(text):
            start, end = match.span(1)
            found.append((start, end, _key(match.group(1), gaz)))
    return found


def parenthesised_after(text: str, position: int, ticker: str) -> tuple[int, int] | None:
    """The span of ``ticker`` when it stands in parentheses right after ``position`` ("Apple (AAPL)")."""
    match = _PARENTHESISED.match(text, position)
    if not match:
        return None
    symbol = match.group(1)
    if symbol == ticker or symbol == ticker.split(".")[0] or symbol.replace("-", ".") == ticker:
        return match.span(1)
    return None
