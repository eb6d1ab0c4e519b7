"""The vocabulary of figures and the patterns that find them: one compiled regular expression
(``FIGURE_PATTERN``) with an alternative per kind of figure, and two cheap scans (:func:`candidate_starts`) for
the positions where it may match. What a match means is read in :mod:`store.extract.figures`.
"""

from __future__ import annotations

import re

SP = r"[ \t\u00a0\u202f]"  # spaces that do not break a line
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "dozen": 12,
}


def _initials(*words) -> str:
    """The first characters of ``words``, for a character class."""
    return "".join(sorted({word[0] for word in words}))


def _capitalised(words) -> list[str]:
    return [word[0].upper() + word[1:] for word in words]


def _capitalisable(words) -> str:
    """An alternation matching each word in lower case or with a capital, written so that the regex engine
    can reject a position by its first character (an ``(?i:…)`` group cannot)."""
    return "|".join(f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}" for w in sorted(words, key=len, reverse=True))


_WORD_NUMBER = rf"\b(?:{_capitalisable(WORD_NUMBERS)})\b"

CURRENCY_PREFIXES = {
    "US$": "USD", "U.S.$": "USD", "HK$": "HKD", "C$": "CAD", "CA$": "CAD", "A$": "AUD", "AU$": "AUD",
    "NZ$": "NZD", "S$": "SGD", "R$": "BRL", "NT$": "TWD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY",
    "₹": "INR", "₩": "KRW", "₽": "RUB", "RMB": "CNY",
}
CURRENCY_CODES = (
    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "HKD", "CAD", "AUD", "CHF", "INR", "KRW", "SGD", "NZD", "SEK",
    "NOK", "DKK", "BRL", "MXN", "ZAR", "TWD", "RUB",
)
CURRENCY_WORDS = {
    "us dollars": "USD", "u.s. dollars": "USD", "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR",
    "pounds sterling": "GBP", "pounds": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupees": "INR",
    "francs": "CHF", "€": "EUR", "£": "GBP",
}
SCALES = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9, "tn": 1e12, "tr": 1e12, "trn": 1e12,
}
PERCENT_UNITS = {"%": "%", "percent": "%", "per cent": "%", "pct": "%", "percentage point": "pp",
                 "percentage points": "pp", "basis point": "bp", "basis points": "bp", "bps": "bp"}
COUNT_UNITS = {"times": "x", "fold": "x", "x": "x", "century": "century", "centuries": "century"}
DURATIONS = ("year", "month", "week", "day", "hour", "minute", "second", "quarter", "decade")
HEDGES = (
    "about", "approximately", "approx.", "around", "roughly", "some", "an estimated", "estimated", "circa",
    "nearly", "almost", "close to", "just under", "just over", "up to", "as much as", "as many as", "at most",
    "no more than", "less than", "fewer than", "under", "below", "more than", "over", "above", "at least",
    "upwards of", "in excess of",
)
DATE_HEDGES = ("early", "late", "mid", "around", "circa")
YEAR_CUES = (
    "in", "since", "by", "of", "from", "until", "till", "through", "throughout", "during", "for", "before",
    "after", "early", "late", "fiscal", "entering", "year", "mid-", "copyright",
)
MONTH_CUES = ("in", "since", "by", "until", "till", "from", "during", "through", "early", "late", "mid-", "of",
              "last", "next", "this")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Capitalised words that may stand before a count without making it part of a name ("About 500 people").
COMMON_CAPITALISED = {
    "The", "A", "An", "In", "On", "At", "By", "Of", "For", "From", "To", "With", "And", "But", "Or", "Only", "Just",
    "All", "About", "Over", "Under", "Around", "Nearly", "Almost", "Some", "Roughly", "Approximately", "More",
    "Less", "Fewer", "Up", "Another", "Its", "Their", "His", "Her", "Our", "These", "Those", "Since", "After",
    "Before", "During", "Until", "Top", "Than", "When", "While", "Then", "Now",
}


def alternation(words) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
_MONTH = r"(?:" + "|".join((*MONTHS, *_MONTH_ABBREVIATIONS)) + r")(?![a-z])\.?"
_WEEKDAY = r"(?:" + "|".join(WEEKDAYS) + r")(?!\w)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\w%])"
_YEAR = r"(?:19|20)\d\d(?![\w%]|[.,]\d)"
_CURRENCY_PREFIX = r"(?:" + alternation(CURRENCY_PREFIXES) + r"|(?:" + "|".join(CURRENCY_CODES) + rf")\b{SP}?)"
_SCALE = rf"(?:{SP}+|-)(?i:thousand|million|billion|trillion)\b|(?i:trn|tn|tr|bln|bn|b|mln|mn|m|k)(?![\w])"
_PERCENT = rf"{SP}?%|{SP}+(?:percentage points?|percent|per cent|pct|basis points?|bps)\b"
_CURRENCY_AFTER = (
    rf"{SP}+(?i:US dollars|U\.S\. dollars|dollars?|euros?|pounds sterling|pounds|yen|yuan|renminbi|rupees|francs)\b"
    rf"|{SP}+(?:" + "|".join(CURRENCY_CODES) + rf")\b|{SP}?[€£]"
)
_COUNT_AFTER = (
    rf"(?:{SP}+|-)(?:times|fold|centuries|century|(?:{'|'.join(DURATIONS)})s?)(?!\w)|(?<=\d)[xX](?!\w)"
)


def _quantity(n: int) -> str:
    """One number with what may be glued to it: sign, currency, scale, percent sign.

    Only the first number of a range must start a token; the second follows a dash or "to".
    """
    boundary = r"(?:(?<=mid-)|(?<![\w.,#/:@&\-−+$€£¥]))" if n == 1 else ""
    return (
        rf"{boundary}(?P<sign{n}>[+\-−])?(?P<cur{n}>{_CURRENCY_PREFIX})?"
        rf"(?P<num{n}>{_NUM}|{_WORD_NUMBER})(?![.,:/]?\d)"
        rf"(?P<scale{n}>{_SCALE})?(?P<pct{n}>{_PERCENT})?"
    )


_RANGE_SEPARATOR = rf"{SP}?[-–]{SP}?|{SP}+to{SP}+|(?(between){SP}+and{SP}+|(?!))"
RELATIVE_LEADS = ("last", "this", "next", "past", "previous", "coming")
_RELATIVE_WORDS = (*_capitalised(RELATIVE_LEADS), *RELATIVE_LEADS, "Yesterday", "yesterday", "Tomorrow", "tomorrow")
_RELATIVE = (
    rf"\b(?:(?:{_capitalisable(RELATIVE_LEADS)}){SP}+(?:week|month|year|quarter|weekend)"
    rf"|{_capitalisable(('yesterday', 'tomorrow'))})\b"
)
# Every figure starts with one of these; checking it first lets the scan skip most positions at C speed.
_LOWER_STARTS = "".join(sorted({word[0]
                                for word in (*WORD_NUMBERS, *RELATIVE_LEADS, "yesterday", "tomorrow", "between")}))
_FIRST_CHARACTER = rf"(?=[\d$€£¥₹₩₽A-Z]|[.+\-−][\d$€£¥₹₩₽]|\b[{_LOWER_STARTS}])"
_QUANTITY = (
    rf"(?P<between>\b[Bb]etween{SP}+)?{_quantity(1)}(?P<end1>)"
    rf"(?:(?P<separator>{_RANGE_SEPARATOR}){_quantity(2)})?"
    rf"(?:(?P<money_after>{_CURRENCY_AFTER})|(?P<count_after>{_COUNT_AFTER}))?(?![^\W_])"
)
FIGURE_PATTERN = re.compile(
    _FIRST_CHARACTER
    + "(?:"
    + "|".join(
        f"(?P<{name}>{pattern})"
        for name, pattern in (
            # a month with its day and year, its year, or alone (only after a cue word: "in March");
            # each alternative first checks the characters it can start with, to fail fast elsewhere
            ("date_named", rf"(?=[{_initials(*WEEKDAYS, *MONTHS)}])(?:{_WEEKDAY},?{SP}+(?={_MONTH}{SP}+\d))?{_MONTH}"
                           rf"(?:{SP}+{_DAY}(?:,?{SP}*{_YEAR})?|,?{SP}+{_YEAR})?"),
            ("date_dm", rf"(?=[0-9{_initials(*WEEKDAYS)}])(?<![\w.,])(?:{_WEEKDAY},?{SP}+)?{_DAY}{SP}+"
                        rf"(?:of{SP}+)?{_MONTH}(?:,?{SP}*{_YEAR})?"),
            ("date_iso", rf"(?=[12])(?<![\w.-]){_YEAR}-(?:0[1-9]|1[0-2])-(?:[0-2]\d|3[01])(?!\w)"),
            ("date_quarter", rf"\bQ[1-4]{SP}+{_YEAR}"),
            ("weekday", rf"(?=[{_initials(*WEEKDAYS)}]){_WEEKDAY}"),
            ("relative", rf"(?=[{_initials(*_RELATIVE_WORDS)}]){_RELATIVE}"),
            ("quantity", _QUANTITY),
        )
    )
    + ")"
)


def _starts_of(words) -> str:
    """A regex matching where one of ``words`` begins, by its first (up to four) characters: a test on the first
    character, then a lookahead for the rest (so that most positions fail on one comparison)."""
    prefixes = sorted({word[:4] for word in words}, key=len)
    prefixes = [p for i, p in enumerate(prefixes) if not any(p.startswith(shorter) for shorter in prefixes[:i])]
    by_first: dict[str, list[str]] = {}
    for prefix in prefixes:
        by_first.setdefault(prefix[0], []).append(prefix[1:])
    return "(?:" + "|".join(
        re.escape(first) + ("(?=" + "|".join(map(re.escape, sorted(rests))) + ")" if "" not in rests else "")
        for first, rests in sorted(by_first.items())
    ) + ")"


# Where a figure can start, found by two scans that skip most characters at C speed (FIGURE_PATTERN.search tries
# its whole lookahead at every position): the words a figure can open with, and numbers and currency signs not
# glued to a word or a decimal point. Each is a necessary condition of a FIGURE_PATTERN match, so trying the
# pattern at these positions only finds exactly what the search finds.
_LOWER_OPENERS = (*WORD_NUMBERS, *RELATIVE_LEADS, "yesterday", "tomorrow", "between")
_UPPER_OPENERS = (
    *_capitalised(_LOWER_OPENERS), *MONTHS, *_MONTH_ABBREVIATIONS, *WEEKDAYS, *CURRENCY_CODES,
    *(prefix for prefix in CURRENCY_PREFIXES if prefix[0].isalpha()),
)
_CANDIDATE = re.compile(
    rf"[\d$€£¥₹₩₽.+\-−A-Z](?<=(?=(?<![\w.])(?:[\d$€£¥₹₩₽]|[.+\-−][\d$€£¥₹₩₽])|Q[1-4]|{_starts_of(_UPPER_OPENERS)}).)"
)
_LOWER_OPENER = re.compile(_starts_of(_LOWER_OPENERS))  # at the start of the text
_LOWER_CANDIDATE = re.compile(rf"\W(?={_LOWER_OPENER.pattern})")  # the figure starts after the match


def candidate_starts(text: str) -> list[int]:
    """Every position where FIGURE_PATTERN may match, in order (a superset of where it does)."""
    starts = [match.start() for match in _CANDIDATE.finditer(text)]
    starts += [match.end() for match in _LOWER_CANDIDATE.finditer(text)]
    if _LOWER_OPENER.match(text):
        starts.append(0)
    starts.sort()
    return starts
