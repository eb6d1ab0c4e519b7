"""Figures in news text: money, percentages, dates and counts, with their parsed values.

One compiled regular expression (:mod:`store.extract.figure_patterns`) finds every candidate in a single
left-to-right scan; a few small checks around each match (:mod:`store.extract.figure_context`, the words
around it) decide what it is (or that it is nothing: "H800", "GPT-4", "[6]", "S&P 500"). A hedge
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

from store.extract.figure_context import CLOCK_AFTER, YEAR_NOUN_AFTER, cue_before, date_hedge, hedge_before, name_before
from store.extract.figure_patterns import (
    COUNT_UNITS,
    CURRENCY_PREFIXES,
    CURRENCY_WORDS,
    FIGURE_PATTERN,
    MONTH_CUES,
    MONTHS,
    PERCENT_UNITS,
    SCALES,
    WORD_NUMBERS,
    YEAR_CUES,
    candidate_starts,
)
from store.model import Mention

_DATE_KINDS = frozenset({"date_named", "date_dm", "date_iso", "date_quarter", "weekday", "relative"})
_MONTH_NUMBERS = {name[:3]: number for number, name in enumerate(MONTHS, start=1)}
_DATE_PARTS = re.compile(r"(?P<month>[A-Z][a-z]+)|(?P<number>\d+)")


def find_figures(text: str) -> list[Mention]:
    """Every money amount, percentage, date and count in ``text``, in order, without overlaps."""
    figures: list[Mention] = []
    position = 0
    match_at = FIGURE_PATTERN.match
    for start in candidate_starts(text):
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
        return _mention(text, start, end, "DATE", unit=f"{span[-4:]}-Q{span[1]}", hedge=date_hedge(text, start))
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
    return _mention(text, start, end, "DATE", value=value, unit=unit, hedge=date_hedge(text, start))


def _word_date(text: str, kind: str, start: int, end: int) -> Mention | None:
    """A weekday ("on Monday"), a relative phrase ("last week"), or a month after a cue ("in March")."""
    span = text[start:end]
    if kind == "weekday":
        return _mention(text, start, end, "DATE", unit=span)
    if kind == "relative":
        return _mention(text, start, end, "DATE")
    if cue_before(text, start) not in MONTH_CUES:
        return None
    return _mention(text, start, end, "DATE", unit=f"--{_MONTH_NUMBERS[span[:3]]:02d}", hedge=date_hedge(text, start))


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
    if separator == "to" and cue_before(text, _figure_start(match, g)) == "from":
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
    values = [_number(number, g["sign" + n]) * (scale or 1)
              for number, n, scale in zip(numbers, parts, scales, strict=False)]
    spelled = any(number[0].isalpha() for number in numbers)
    abbreviated = any(word and word[0].isalpha() for word in scale_words)

    if currency or tail_money:
        if percent:
            return None
        if currency:
            unit = CURRENCY_PREFIXES.get(currency.strip(), currency.strip())
        else:
            unit = _currency_word(tail_money or "")
        label = "MONEY"
    elif abbreviated or (spelled and not tail_count and not any(scales)):
        return None  # "4K", "one of the": not a figure without a currency or a unit
    elif percent:
        label, unit = "PERCENT", PERCENT_UNITS[" ".join(percent.split()).lower()]
    elif tail_count:
        label, unit = "NUMBER", _count_unit(tail_count)
    else:
        return _bare_number(text, g, start, end, values, range_part)
    hedge = None if range_part and g["between"] else hedge_before(text, start)
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
    if CLOCK_AFTER.match(text, end):
        return None  # "5 p.m."
    if not g["sign1"] and name_before(text, start):
        return None  # "Russell 2000", "Llama 3", "S&P 500"
    if len(digits) == 4 and digits.isdigit() and 1900 <= int(digits) <= 2100:
        if range_part:
            high = g["num2"]
            if not (len(high) in (2, 4) and high.isdigit()):
                return None
            high_year = int(digits[:2] + high) if len(high) == 2 else int(high)
            return _mention(text, start, end, "DATE", unit=f"{digits}/{high_year}", hedge=date_hedge(text, start))
        if (
            cue_before(text, start) in YEAR_CUES
            or text[max(0, start - 2):start].strip() == "©"
            or text[end:end + 1] in (",", ";", ")", "]")
            or (text[end:end + 1] == "." and not text[end + 1:end + 2].isalnum())
            or YEAR_NOUN_AFTER.match(text, end)
        ):
            return _mention(text, start, end, "DATE", value=None, unit=digits, hedge=date_hedge(text, start))
        return None  # "the 2000 internet bubble": a year or a count, we cannot tell
    if range_part and values[-1] <= values[0]:
        return None  # a score "3-2" or "50-50", not a range
    hedge = None if range_part and g["between"] else hedge_before(text, start)
    return _mention(text, start, end, "NUMBER", values[0], values[-1] if range_part else None, None, hedge)


def _number(digits: str, sign: str | None) -> float:
    spelled = WORD_NUMBERS.get(digits.lower()) if not digits[0].isdigit() and digits[0] != "." else None
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


def _mention(text, start, end, label, value=None, value_high=None, unit=None, hedge=None) -> Mention:
    return Mention(start, end, text[start:end], "figure", label, None, value, value_high, unit, hedge)