"""The ledger's rules: which subjects are one, which periods line up, which values can both be true.

- Subjects: "TimeWarner", "Time Warner" and "Time Warner Inc" are one (legal forms stripped with ``cleanco``,
  then case, spaces and punctuation folded); "the US" and "America" are one through the gazetteer's aliases;
  a one-word name that is the first or last word of exactly one longer name in the ledger is that name
  ("Shell" → "Royal Dutch Shell", "Ford" → "Ford Motor").
- Periods: relative ones ("this year", "Q4", "Monday") are placed with the article's date; a figure without
  a period is comparable only with one from an article of the same date (or the same article). A one-off
  amount (a deal, a fine, a training cost) needs no period, unless both name different years.
- Values: a value stands for a range: an exact figure ±0.5 % (rounding; ±5 % with one significant digit:
  "$7 billion" may be $6.8 billion, 10,000 is not 20,000), a hedged one ("about", "over",
  "less than" …) the range its hedge allows, a range figure its low–high. Two values conflict when their
  ranges do not overlap.
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from cleanco import basename

from store.extract.canonical import clean_name
from store.extract.gazetteer import gazetteer

if TYPE_CHECKING:
    from store.ledger_records import StoredClaim

EXACT_TOLERANCE = 0.005  # a figure as printed is rounded: 660 vs 650 differ, 1.35 vs 1.349 do not
ROUND_TOLERANCE = 0.05  # a figure of one significant digit is rounder: "$7 billion" may be $6.8 billion
APPROXIMATE_TOLERANCE = 0.10
AT_LEAST = ("over", "more than", "above", "at least", "upwards of", "in excess of", "exceeding", "exceeded",
            "just over")
AT_MOST = ("less than", "under", "below", "up to", "at most", "as much as", "as many as", "no more than", "fewer than")
BELOW_NEARLY = ("nearly", "almost", "close to", "just under")
APPROXIMATE = ("about", "approximately", "around", "roughly", "some", "an estimated", "estimated", "circa", "approx")
ABSOLUTE = re.compile(r"^(?:FY\d{4}|\d{4}(?:-(?:Q[1-4]|H[12]|\d\d(?:-\d\d)?))?)$")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NOT_ALNUM = re.compile(r"[\W_]+")


@lru_cache(maxsize=65536)
def fold_subject(key: str) -> str:
    """One key for the spellings of a name: gazetteer alias (dots dropped: "U.S."), legal form, case, spaces and
    punctuation folded."""
    aliases = gazetteer().aliases
    for candidate in (key, key.replace(".", "")):
        if clean_name(candidate) in aliases:
            key = aliases[clean_name(candidate)].key
            break
    return _NOT_ALNUM.sub("", (basename(key) or key).casefold()) or _NOT_ALNUM.sub("", key.casefold()) or key


def subject_groups(keys) -> dict[str, str]:
    """Map each subject key to its group's key; see the module's rules. A name whose words begin or end the
    words of longer names joins the longest of them when those longer names nest ("Dow", "Dow Jones", "Dow
    Jones Industrial Average"), and stays alone when they do not ("Bank" in two banks' names)."""
    keys = set(keys)
    folded = {key: fold_subject(key) for key in keys}
    words = {key: tuple(_NOT_ALNUM.sub(" ", (basename(key) or key).casefold()).split()) or (key,) for key in keys}
    groups = {}
    for key, parts in words.items():
        if len(parts[0]) < 3 or folded[key] in _KNOWN_KEYS():
            groups[key] = folded[key]
            continue
        longer = sorted((other for other, its in words.items() if len(its) > len(parts)
                         and (its[: len(parts)] == parts or its[-len(parts) :] == parts)), key=lambda k: len(words[k]))
        nested = all(_contains(words[longer[-1]], words[other]) for other in longer)
        groups[key] = folded[longer[-1]] if longer and nested else folded[key]
    return groups


def _contains(longer: tuple, shorter: tuple) -> bool:
    return longer[: len(shorter)] == shorter or longer[-len(shorter) :] == shorter


@lru_cache(maxsize=1)
def _KNOWN_KEYS() -> frozenset[str]:
    """Folded keys of every name the gazetteer knows: a known name ("America") is never read as part of
    another ("Bank of America")."""
    return frozenset(_NOT_ALNUM.sub("", entry.key.casefold()) for entry in gazetteer().aliases.values())


def resolve_period(period: str | None, published: str | None, article_id: int) -> str | tuple | None:
    """A period on the calendar when it can be placed (with the article's date ``published``); a phrase that
    cannot be placed stays tied to its article; None stays None."""
    if period is None or ABSOLUTE.match(period):
        return period
    day = _date(published)
    if day is not None:
        placed = _place(period, day)
        if placed is not None:
            return placed
    return ("article", article_id, period)


def _date(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _place(period: str, day: date) -> str | None:
    if match := re.match(r"^([QH])([1-4])$", period):
        months = 3 if match.group(1) == "Q" else 6
        number = int(match.group(2))
        year = day.year if number * months <= day.month + months else day.year - 1
        return f"{year}-{period}"
    if match := re.match(r"^--(\d\d)(?:-(\d\d))?$", period):
        year = day.year if int(match.group(1)) <= day.month else day.year - 1
        return f"{year}-{match.group(1)}" + (f"-{match.group(2)}" if match.group(2) else "")
    shift = {"this": 0, "last": -1, "next": 1}
    if match := re.match(r"^(this|last|next) (year|month|quarter)$", period):
        step, unit = shift[match.group(1)], match.group(2)
        if unit == "year":
            return str(day.year + step)
        if unit == "month":
            month = day.year * 12 + day.month - 1 + step
            return f"{month // 12}-{month % 12 + 1:02d}"
        quarter = day.year * 4 + (day.month - 1) // 3 + step
        return f"{quarter // 4}-Q{quarter % 4 + 1}"
    if period in WEEKDAYS:
        back = (day.weekday() - WEEKDAYS.index(period)) % 7
        return (day - timedelta(days=back)).isoformat()
    if period == "yesterday":
        return (day - timedelta(days=1)).isoformat()
    if period == "today":
        return day.isoformat()
    return None


def comparable(a: StoredClaim, b: StoredClaim, timing: str) -> bool:
    """Whether two stored claims (their ``period``, ``published`` and ``article_id``) can speak of the same time."""
    pa = resolve_period(a.period, a.published, a.article_id)
    pb = resolve_period(b.period, b.published, b.article_id)
    if timing == "once":
        # A one-off amount's period is at most a year to tell two apart ("launched on January 10" is not
        # when a cost was counted); without two different years, the articles' dates decide.
        years = [_year(p) for p in (pa, pb)]
        if None not in years:
            return years[0] == years[1]
        pa = pb = None
    if pa is None or pb is None:
        if a.article_id == b.article_id:
            # One article telling a story: a price or a rate it gives twice without a date moved in between.
            return timing != "level"
        da, db = _date(a.published), _date(b.published)
        if da is None and db is None:
            # Two undated articles may be of one date: two figures without a period may then be compared,
            # unless they are prices or rates (of an unknown day each); a dated figure may not.
            return pa is None and pb is None and timing != "level"
        return da == db
    return pa == pb


def _year(period) -> str | None:
    if isinstance(period, str) and period[:1].isdigit():
        return period[:4]
    if isinstance(period, str) and period.startswith("FY"):
        return period[2:6]
    return None


def value_range(value: float | None, value_high: float | None, hedge: str | None) -> tuple[float, float] | None:
    """The interval a reported figure stands for, given its hedge."""
    if value is None:
        return None
    low, high = (value, value_high) if value_high is not None else (value, value)
    low, high = min(low, high), max(low, high)
    hedge = (hedge or "").casefold()
    if any(word in hedge for word in AT_LEAST):
        return low, math.inf
    if any(word in hedge for word in AT_MOST):
        return (-math.inf if low < 0 else 0.0), high
    if any(word in hedge for word in BELOW_NEARLY):
        return low * (1 - APPROXIMATE_TOLERANCE), high
    if any(word in hedge for word in APPROXIMATE):
        tolerance = APPROXIMATE_TOLERANCE
    else:
        tolerance = ROUND_TOLERANCE if value_high is None and _significant_digits(value) == 1 else EXACT_TOLERANCE
    return low - abs(low) * tolerance, high + abs(high) * tolerance


def _significant_digits(value: float) -> int:
    """Significant digits of a value as printed: 7e9 → 1, 6.8e9 → 2, 20,000 → 1, 650 → 2."""
    mantissa = f"{abs(value):.10e}".split("e")[0].replace(".", "").rstrip("0")
    return max(len(mantissa), 1)


def disagree(a: StoredClaim, b: StoredClaim) -> bool:
    """Whether two values cannot both be true."""
    range_a = value_range(a.value, a.value_high, a.hedge)
    range_b = value_range(b.value, b.value_high, b.hedge)
    if range_a is None or range_b is None:
        return False
    return range_a[1] < range_b[0] or range_b[1] < range_a[0]


def same_value(a: StoredClaim, b: StoredClaim) -> bool:
    return a.value is not None and b.value is not None and (
        round(a.value, 6) == round(b.value, 6) and a.value_high == b.value_high)


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DATE_CODE = re.compile(r"^(\d{4}|-)-(\d\d)(?:-(\d\d))?$")
_HALF_CODE = re.compile(r"^(\d{4})-([QH][1-4])$")


def period_text(period: str | None) -> str:
    """A stored period as a reader writes it: "--01-10" (a day without its year) → "10 Jan", "2026-02" →
    "Feb 2026", "2026-Q1" → "Q1 2026"; years and phrases ("last week") as they are, None as ""."""
    if not period:
        return ""
    if (match := _DATE_CODE.match(period)) and 1 <= int(match.group(2)) <= 12:
        year, month, day = match.groups()
        text = MONTHS[int(month) - 1] + ("" if year == "-" else f" {year}")
        return f"{int(day)} {text}" if day else text
    if match := _HALF_CODE.match(period):
        return f"{match.group(2)} {match.group(1)}"
    return period


def period_label(claim: StoredClaim) -> str:
    """A period as a reader wants it: the placed period, or what was written, or "no period"."""
    placed = resolve_period(claim.period, claim.published, claim.article_id)
    if placed is None:
        return "no period"
    return placed[2] if isinstance(placed, tuple) else placed
