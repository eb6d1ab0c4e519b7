"""Figures in news text: money, percentages, dates and counts, with their parsed values.

One compiled regular expression finds every candidate in a single left-to-right scan; a few small checks
around each match decide what it is (or that it is nothing: "H800", "GPT-4", "[6]", "S&P 500"). A hedge
("about", "up to", "less than" …) is read from the words just before the figure and kept outside its span.
Spans never cross a line break (only spaces and tabs join the parts of a figure) and never overlap.

Choices worth knowing:
- a number right after a capitalised name is part of that name, not a count: "Russell 2000", "S&P 500",
  "Llama 3", "Section 230";
- a bare four-digit number from 1900 to 2100 is a year only after a cue word ("in", "since", "by", "of",
  "from", "mid-", "©" …), before "fiscal year" and the like, or before a comma, semicolon, full stop or
  closing bracket; otherwise ("the 2000 internet bubble") it is left alone;
- a range ("$359-381 billion", "3% to 5%", "between 3% and 5%") is one figure with ``value`` and
  ``value_high``, but "from 3% to 5%" is a change: two figures; "3-2" is a score, not a range;
- a lone "$" is US dollars and a lone "¥" Japanese yen;
- weekdays carry the weekday name as their unit and relative phrases ("last week") no unit: neither can be
  placed on a calendar without the article's date.
"""

from __future__ import annotations

import re
from datetime import date

from store.model import Mention

_SP = r"[ \t\u00a0\u202f]"  # spaces that do not break a line
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
_WORD_NUMBERS = {
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


_WORD_NUMBER = rf"\b(?:{_capitalisable(_WORD_NUMBERS)})\b"

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


def _alternation(words) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
_MONTH = r"(?:" + "|".join((*MONTHS, *_MONTH_ABBREVIATIONS)) + r")(?![a-z])\.?"
_WEEKDAY = r"(?:" + "|".join(WEEKDAYS) + r")(?!\w)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\w%])"
_YEAR = r"(?:19|20)\d\d(?![\w%]|[.,]\d)"
_CURRENCY_PREFIX = r"(?:" + _alternation(CURRENCY_PREFIXES) + r"|(?:" + "|".join(CURRENCY_CODES) + rf")\b{_SP}?)"
_SCALE = rf"(?:{_SP}+|-)(?i:thousand|million|billion|trillion)\b|(?i:trn|tn|tr|bln|bn|b|mln|mn|m|k)(?![\w])"
_PERCENT = rf"{_SP}?%|{_SP}+(?:percentage points?|percent|per cent|pct|basis points?|bps)\b"
_CURRENCY_AFTER = (
    rf"{_SP}+(?i:US dollars|U\.S\. dollars|dollars?|euros?|pounds sterling|pounds|yen|yuan|renminbi|rupees|francs)\b"
    rf"|{_SP}+(?:" + "|".join(CURRENCY_CODES) + rf")\b|{_SP}?[€£]"
)
_COUNT_AFTER = (
    rf"(?:{_SP}+|-)(?:times|fold|centuries|century|(?:{'|'.join(DURATIONS)})s?)(?!\w)|(?<=\d)[xX](?!\w)"
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


_RANGE_SEPARATOR = rf"{_SP}?[-–]{_SP}?|{_SP}+to{_SP}+|(?(between){_SP}+and{_SP}+|(?!))"
RELATIVE_LEADS = ("last", "this", "next", "past", "previous", "coming")
_RELATIVE_WORDS = (*_capitalised(RELATIVE_LEADS), *RELATIVE_LEADS, "Yesterday", "yesterday", "Tomorrow", "tomorrow")
_RELATIVE = (
    rf"\b(?:(?:{_capitalisable(RELATIVE_LEADS)}){_SP}+(?:week|month|year|quarter|weekend)"
    rf"|{_capitalisable(('yesterday', 'tomorrow'))})\b"
)
# Every figure starts with one of these; checking it first lets the scan skip most positions at C speed.
_LOWER_STARTS = "".join(sorted({word[0] for word in (*_WORD_NUMBERS, *RELATIVE_LEADS, "yesterday", "tomorrow", "between")}))
_FIRST_CHARACTER = rf"(?=[\d$€£¥₹₩₽A-Z]|[.+\-−][\d$€£¥₹₩₽]|\b[{_LOWER_STARTS}])"
_QUANTITY = (
    rf"(?P<between>\b[Bb]etween{_SP}+)?{_quantity(1)}(?P<end1>)"
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
            ("date_named", rf"(?=[{_initials(*WEEKDAYS, *MONTHS)}])(?:{_WEEKDAY},?{_SP}+(?={_MONTH}{_SP}+\d))?{_MONTH}"
                           rf"(?:{_SP}+{_DAY}(?:,?{_SP}*{_YEAR})?|,?{_SP}+{_YEAR})?"),
            ("date_dm", rf"(?=[0-9{_initials(*WEEKDAYS)}])(?<![\w.,])(?:{_WEEKDAY},?{_SP}+)?{_DAY}{_SP}+(?:of{_SP}+)?{_MONTH}(?:,?{_SP}*{_YEAR})?"),
            ("date_iso", rf"(?=[12])(?<![\w.-]){_YEAR}-(?:0[1-9]|1[0-2])-(?:[0-2]\d|3[01])(?!\w)"),
            ("date_quarter", rf"\bQ[1-4]{_SP}+{_YEAR}"),
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
_LOWER_OPENERS = (*_WORD_NUMBERS, *RELATIVE_LEADS, "yesterday", "tomorrow", "between")
_UPPER_OPENERS = (
    *_capitalised(_LOWER_OPENERS), *MONTHS, *_MONTH_ABBREVIATIONS, *WEEKDAYS, *CURRENCY_CODES,
    *(prefix for prefix in CURRENCY_PREFIXES if prefix[0].isalpha()),
)
_CANDIDATE = re.compile(
    rf"[\d$€£¥₹₩₽.+\-−A-Z](?<=(?=(?<![\w.])(?:[\d$€£¥₹₩₽]|[.+\-−][\d$€£¥₹₩₽])|Q[1-4]|{_starts_of(_UPPER_OPENERS)}).)"
)
_LOWER_OPENER = re.compile(_starts_of(_LOWER_OPENERS))  # at the start of the text
_LOWER_CANDIDATE = re.compile(rf"\W(?={_LOWER_OPENER.pattern})")  # the figure starts after the match
# Read backwards from the figure: one anchored match on the reversed window instead of a search through it.
_HEDGE_REVERSED = re.compile(rf"{_SP}+(?i:({_alternation(hedge[::-1] for hedge in HEDGES)}))(?!\w)")
_CUE_BEFORE = re.compile(rf"(\w+{_SP}+|[Mm]id-)\Z")
_CLOCK_AFTER = re.compile(rf"{_SP}*[AaPp]\.?[Mm]\b\.?")
_YEAR_NOUN_AFTER = re.compile(rf"{_SP}+(?:fiscal|financial|calendar|tax|academic|budget){_SP}+year\b")
_NAME_BEFORE = re.compile(rf"([\w&]*[A-Z][\w&]*){_SP}+\Z")
_DATE_KINDS = frozenset({"date_named", "date_dm", "date_iso", "date_quarter", "weekday", "relative"})
_MONTH_NUMBERS = {name[:3]: number for number, name in enumerate(MONTHS, start=1)}
_DATE_PARTS = re.compile(r"(?P<month>[A-Z][a-z]+)|(?P<number>\d+)")
_LOOKBEHIND = 24  # enough characters for the longest hedge or cue and its spaces


def find_figures(text: str) -> list[Mention]:
    """Every money amount, percentage, date and count in ``text``, in order, without overlaps."""
    figures: list[Mention] = []
    position = 0
    match_at = FIGURE_PATTERN.match
    for start in _candidate_starts(text):
        if start < position:
            continue
        match = match_at(text, start)
        if match is None:
            continue
        figure, resume = _interpret(text, match)
        if figure is not None:
            figures.append(figure)
        position = max(resume, start + 1)
    return figures


def _candidate_starts(text: str) -> list[int]:
    """Every position where FIGURE_PATTERN may match, in order (a superset of where it does)."""
    starts = [match.start() for match in _CANDIDATE.finditer(text)]
    starts += [match.end() for match in _LOWER_CANDIDATE.finditer(text)]
    if _LOWER_OPENER.match(text):
        starts.append(0)
    starts.sort()
    return starts


def _interpret(text: str, match: re.Match) -> tuple[Mention | None, int]:
    """The figure a match stands for (or None) and where the scan goes on."""
    kind = match.lastgroup
    if kind not in _DATE_KINDS:  # the quantity alternative, whose inner groups close last
        return _quantity_figure(text, match)
    start, end = match.span()
    if kind in ("weekday", "relative") or (kind == "date_named" and not any(c.isdigit() for c in match.group())):
        return _word_date(text, kind, start, end), end
    return _date(text, start, end, match.group(), quarter=kind == "date_quarter"), end


def _date(text: str, start: int, end: int, span: str, quarter: bool = False) -> Mention | None:
    """A calendar date, month or quarter with its ISO form as the unit and its ordinal day as the value."""
    if quarter:
        return _mention(text, start, end, "DATE", unit=f"{span[-4:]}-Q{span[1]}", hedge=_date_hedge(text, start))
    year: int | None
    month: int | None
    day: int | None
    if span[:4].isdigit():  # ISO
        year, month, day = int(span[:4]), int(span[5:7]), int(span[8:10])
    else:
        year = month = day = None
        for part in _DATE_PARTS.finditer(span):
            if part.group("month"):
                month = _MONTH_NUMBERS.get(part.group("month")[:3], month)  # weekday names are skipped
            elif len(part.group("number")) == 4:
                year = int(part.group("number"))
            else:
                day = int(part.group("number"))
    if month is None:
        return None  # no month named (the patterns always name one): not a calendar date
    value = None
    if day is not None:
        try:
            ordinal = date(year or 2000, month, day).toordinal()  # 2000 is a leap year: "February 29" passes
        except ValueError:
            return None  # "February 30"
        value = float(ordinal) if year else None
        unit = f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
    else:
        unit = f"{year:04d}-{month:02d}"
    return _mention(text, start, end, "DATE", value=value, unit=unit, hedge=_date_hedge(text, start))


def _word_date(text: str, kind: str, start: int, end: int) -> Mention | None:
    """A weekday ("on Monday"), a relative phrase ("last week"), or a month after a cue ("in March")."""
    span = text[start:end]
    if kind == "weekday":
        return _mention(text, start, end, "DATE", unit=span)
    if kind == "relative":
        return _mention(text, start, end, "DATE")
    if _cue_before(text, start) not in MONTH_CUES:
        return None
    return _mention(text, start, end, "DATE", unit=f"--{_MONTH_NUMBERS[span[:3]]:02d}", hedge=_date_hedge(text, start))


def _quantity_figure(text: str, match: re.Match) -> tuple[Mention | None, int]:
    """Money, percent, count or year from one matched quantity (a single number or a range)."""
    g = match.groupdict()
    end = match.end()
    if g["count_after"] and (g["cur1"] or g["cur2"] or g["pct1"] or g["pct2"]):
        end = match.start("count_after")  # "56% year-on-year": the duration is not part of the percentage
    if g["num2"] is not None and not _is_range(text, match, g):
        end = match.end("end1")
        return _single(text, match, g, _figure_start(match, g, with_between=False), end, range_part=False), end
    return _single(text, match, g, _figure_start(match, g), end, range_part=g["num2"] is not None), end


def _is_range(text: str, match: re.Match, g: dict) -> bool:
    """Whether "A - B" / "A to B" is one range: compatible parts and not "from A to B" (a change)."""
    separator = g["separator"].strip()
    if separator == "to" and _cue_before(text, _figure_start(match, g)) == "from":
        return False
    first = "MONEY" if g["cur1"] else "PERCENT" if g["pct1"] else None
    second = "MONEY" if g["cur2"] else "PERCENT" if g["pct2"] else None
    if first and second and first != second:
        return False
    if g["scale1"] and not g["scale2"]:
        return False  # "$5 billion to 30 companies"
    return separator in ("-", "–") or not first or bool(second or g["scale2"])  # "3 to 5%", "$3.5 to 4 billion"


def _figure_start(match: re.Match, g: dict, with_between: bool = True) -> int:
    if with_between and g["between"]:
        return match.start("between")
    return min(match.start(name) for name in ("sign1", "cur1", "num1") if g[name] is not None)


def _single(text: str, match: re.Match, g: dict, start: int, end: int, range_part: bool) -> Mention | None:
    """Build the figure from the first quantity (and the second, for a range)."""
    whole = end == match.end()
    tail_money = g["money_after"] if whole else None
    tail_count = g["count_after"] if whole else None
    parts = ("1", "2") if range_part else ("1",)
    currency = g["cur1"] or (g["cur2"] if range_part else None)
    percent = (g["pct2"] if range_part else None) or g["pct1"]
    numbers = [g["num" + n] for n in parts]
    scale_words = [g["scale" + n] for n in parts]
    scales = [_scale(word) for word in scale_words]
    if range_part and scales[0] is None:
        scales[0] = scales[1]  # "$359-381 billion": the scale written once covers both ends
    values = [_number(number, g["sign" + n]) * (scale or 1) for number, n, scale in zip(numbers, parts, scales, strict=False)]
    spelled = any(number[0].isalpha() for number in numbers)
    abbreviated = any(word and word[0].isalpha() for word in scale_words)

    if currency or tail_money:
        if percent:
            return None
        unit = CURRENCY_PREFIXES.get(currency.strip(), currency.strip()) if currency else _currency_word(tail_money or "")
        label = "MONEY"
    elif abbreviated or (spelled and not tail_count and not any(scales)):
        return None  # "4K", "one of the": not a figure without a currency or a unit
    elif percent:
        label, unit = "PERCENT", PERCENT_UNITS[" ".join(percent.split()).lower()]
    elif tail_count:
        label, unit = "NUMBER", _count_unit(tail_count)
    else:
        return _bare_number(text, g, start, end, values, range_part)
    hedge = None if range_part and g["between"] else _hedge_before(text, start)
    return _mention(text, start, end, label, values[0], values[-1] if range_part else None, unit, hedge)


def _bare_number(text: str, g: dict, start: int, end: int, values: list[float], range_part: bool) -> Mention | None:
    """A count without a unit, or a year; None for numbers that belong to a name or a reference marker."""
    digits = g["num1"]
    if text[start - 1:start] == "[" and text[end:end + 1] == "]":
        return None  # reference marker "[6]"
    if text[end:end + 1] == "-" and text[end + 1:end + 2].isalpha():
        return None  # "10-K", "5-nanometer"
    at_line_start = start == 0 or text[start - 1] == "\n"
    if at_line_start and end - start == len(digits) and text[end:end + 1] in (".", ")", "", "\n"):
        return None  # a list item's number "1. ", or a number alone on its line
    if _CLOCK_AFTER.match(text, end):
        return None  # "5 p.m."
    if not g["sign1"] and _name_before(text, start):
        return None  # "Russell 2000", "Llama 3", "S&P 500"
    if len(digits) == 4 and digits.isdigit() and 1900 <= int(digits) <= 2100:
        if range_part:
            high = g["num2"]
            if not (len(high) in (2, 4) and high.isdigit()):
                return None
            high_year = int(digits[:2] + high) if len(high) == 2 else int(high)
            return _mention(text, start, end, "DATE", unit=f"{digits}/{high_year}", hedge=_date_hedge(text, start))
        if (
            _cue_before(text, start) in YEAR_CUES
            or text[max(0, start - 2):start].strip() == "©"
            or text[end:end + 1] in (",", ";", ")", "]")
            or (text[end:end + 1] == "." and not text[end + 1:end + 2].isalnum())
            or _YEAR_NOUN_AFTER.match(text, end)
        ):
            return _mention(text, start, end, "DATE", value=None, unit=digits, hedge=_date_hedge(text, start))
        return None  # "the 2000 internet bubble": a year or a count, we cannot tell
    if range_part and values[-1] <= values[0]:
        return None  # a score "3-2" or "50-50", not a range
    hedge = None if range_part and g["between"] else _hedge_before(text, start)
    return _mention(text, start, end, "NUMBER", values[0], values[-1] if range_part else None, None, hedge)


def _number(digits: str, sign: str | None) -> float:
    spelled = _WORD_NUMBERS.get(digits.lower()) if not digits[0].isdigit() and digits[0] != "." else None
    value = float(digits.replace(",", "")) if spelled is None else float(spelled)
    return -value if sign in ("-", "−") else value


def _scale(scale: str | None) -> float | None:
    return SCALES[scale.strip(" \t\u00a0\u202f-").lower()] if scale else None


def _currency_word(tail: str) -> str:
    word = re.sub(r"\s+", " ", tail.strip()).lower()
    return CURRENCY_WORDS.get(word, word.upper())


def _count_unit(tail: str) -> str:
    word = tail.strip(" \t\u00a0\u202f-").lower()
    if word in COUNT_UNITS:
        return COUNT_UNITS[word]
    return word[:-1] if word.endswith("s") else word


def _hedge_before(text: str, start: int) -> str | None:
    """The hedge word(s) right before ``start``, lower-cased, if they begin at a word boundary."""
    low = max(0, start - _LOOKBEHIND)
    window = text[low:start][::-1]
    found = _HEDGE_REVERSED.match(window)
    if not found or (found.end() == len(window) and low > 0 and text[low - 1].isalnum()):
        return None
    return found.group(1)[::-1].lower()


def _date_hedge(text: str, start: int) -> str | None:
    cue = _cue_before(text, start)
    return cue.rstrip("-") if cue and cue.rstrip("-") in DATE_HEDGES else None


def _cue_before(text: str, start: int) -> str | None:
    """The word (or "end of", "mid-") just before ``start``, lower-cased."""
    low = max(0, start - _LOOKBEHIND)
    found = _CUE_BEFORE.search(text, low, start)
    if not found or (found.start() > 0 and text[found.start() - 1].isalnum()):
        return None
    return found.group(1).strip().lower()


def _name_before(text: str, start: int) -> bool:
    """Whether a capitalised word that is not a common sentence opener stands right before ``start``."""
    low = max(0, start - _LOOKBEHIND)
    found = _NAME_BEFORE.search(text, low, start)
    before = text[found.start() - 1] if found and found.start() > 0 else " "
    if not found or before in "'’-" or before.isalnum():
        return False
    return found.group(1) not in COMMON_CAPITALISED


def _mention(text, start, end, label, value=None, value_high=None, unit=None, hedge=None) -> Mention:
    return Mention(start, end, text[start:end], "figure", label, None, value, value_high, unit, hedge)
