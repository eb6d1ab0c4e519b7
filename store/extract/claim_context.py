"""What a figure's clause says about it besides the measure: the period it covers, its status (reported,
forecast, analysts' estimate, target or pledge, spent) and its scope (a unit, a region or partner, a segment).

Periods are written in one normal form so that equal periods compare equal: ``2004``, ``FY2004``, ``2004-H1``,
``2004-Q4``, ``2004-12``, ``2004-12-31``; without a year ``Q4``, ``H1``, ``--12``, ``--12-31``; a phrase that
needs the article's date ("this year", "last quarter", "monday") as written, lower case. The ledger places the
relative ones with the article's date (``store.ledger_rules``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from store.extract.claim_vocabulary import vocabulary
from store.model import Mention

_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
             "final": 4, "last": 4}
_YEAR = r"((?:19|20)\d\d)"
QUARTER = re.compile(
    rf"\b(first|second|third|fourth|1st|2nd|3rd|4th|final)[\s-]+quarter\b(?:\s+(?:of\s+)?(?:fiscal\s+)?{_YEAR})?"
    rf"|\bQ([1-4])\b(?:\s*{_YEAR})?"
    rf"|\b(first|final|last)\s+three\s+months\s+of\s+(?:(?:the|this|last)\s+year|{_YEAR})",
    re.IGNORECASE,
)
HALF = re.compile(
    rf"\b(first|second|1st|2nd)[\s-]+half\b(?:\s+(?:of\s+)?{_YEAR})?|\bH([12])\b(?:\s*{_YEAR})?"
    rf"|\bfirst\s+six\s+months\b(?:\s+of\s+{_YEAR})?",
    re.IGNORECASE,
)
FISCAL = re.compile(rf"\b(?:fiscal|financial)(?:\s+year)?\s+(?:(?:19|20)?(\d\d)/)?{_YEAR}|\bFY\s?(\d{{2}}|\d{{4}})\b",
                    re.IGNORECASE)
RELATIVE = re.compile(
    r"\b(?:this|last|next|the past|the previous|the coming|a)\s+(?:year|quarter|month|week)\b"
    r"|\b(?:in|over|during)\s+the\s+(?:past|last|previous|next|coming)\s+\w+\s+"
    r"(?:years|quarters|months|weeks|days|sessions)\b",
    re.IGNORECASE,
)
PER_PERIOD = re.compile(r"\b(?:annually|a year|per year|per annum|each year|every year|a month|per month|monthly)\b",
                        re.IGNORECASE)
# Scope: a named part of the subject ("Ford's auto unit"), a partner ("the deficit with China"), a region
# ("sales in Europe"), or an instalment of a total ("three instalments of $1bn").
UNIT = re.compile(r"\b(unit|division|arm|subsidiary|segment|business|operations|branch)\b")
UNIT_OWNER = re.compile(r"\b(?:its|their|the|his|her)\s+$|['’]s\s+$", re.IGNORECASE)
PARTNER = re.compile(r"\b(?:with|to|from)\s+((?:the\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2})")
REGION = re.compile(r"\b(?:in|across)\s+((?:the\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2})")
PART_BEFORE = re.compile(r"\b(?:instal+ments?|tranches?|payments?|portions?)\s+of\s+(?:[a-z]+\s+){0,2}$", re.IGNORECASE)
PART_AFTER = re.compile(r"^\s*(?:each|apiece|a piece|per (?:person|head|employee|household|worker|year|month)|"
                        r"a (?:head|year|month))\b", re.IGNORECASE)
# Where one clause ends and the next begins, for the status words of a figure.
CLAUSE_BREAK = re.compile(r"[,;:—–]\s|\s(?:as|while|but|whereas|although|though|because|since)\s", re.IGNORECASE)
TRADE_METRICS = {"trade deficit", "trade surplus", "exports", "imports", "current account deficit"}
GENERIC_UNITS = {"the", "its", "their", "core", "main", "whole", "overall", "entire"}


def period_of(text: str, figure: Mention, dates: list[Mention], start: int, end: int) -> str | None:
    """The period a figure covers, from its clause (``start``–``end``): the phrase nearest the figure."""
    found: list[tuple[int, str]] = []  # (distance to the figure, period)
    taken: list[tuple[int, int]] = []  # spans read already, so that a year inside them is not read again
    for match in QUARTER.finditer(text, start, end):
        word, year, number, year2, final, year3 = match.groups()
        quarter = _ORDINALS[word.casefold()] if word else int(number) if number else _ORDINALS[final.casefold()]
        if final and final.casefold() == "first":
            quarter = 1
        found.append((_distance(match, figure), _with_year(f"Q{quarter}", year or year2 or year3)))
        taken.append(match.span())
    for match in HALF.finditer(text, start, end):
        word, year, number, year2, year3 = match.groups()
        half = 1 if (word or "first").casefold() in ("first", "1st") and number in (None, "1") else 2
        found.append((_distance(match, figure), _with_year(f"H{half}", year or year2 or year3)))
        taken.append(match.span())
    for match in FISCAL.finditer(text, start, end):
        _, year, short = match.groups()
        year = year or (("20" + short) if short and len(short) == 2 else short)
        found.append((_distance(match, figure), f"FY{year}"))
        taken.append(match.span())
    near = dates[bisect_left(dates, start, key=_start): bisect_right(dates, end, key=_start)]
    for date in near:
        if date.end <= end and not any(s <= date.start < e for s, e in taken):
            found.append((_distance(date, figure), _date_period(text, date)))
    for match in RELATIVE.finditer(text, start, end):
        if not any(s <= match.start() < e for s, e in taken):
            phrase = re.sub(r"\s+", " ", match.group().casefold())
            phrase = re.sub(r"^(?:in|over|during) the ", "", phrase)
            phrase = phrase.replace("the past", "last").replace("the previous", "last")
            found.append((_distance(match, figure), phrase.replace("the coming", "next").replace("a ", "per ")))
    if not found:
        return None
    return min(found)[1]


def _date_period(text: str, date: Mention) -> str:
    if date.unit and re.match(r"^(?:\d{4}|--\d\d)", date.unit):
        return date.unit
    return text[date.start : date.end].casefold()


def _with_year(part: str, year: str | None) -> str:
    return f"{year}-{part}" if year else part


def _distance(span, figure: Mention) -> int:
    start, end = (span.start, span.end) if isinstance(span, Mention) else span.span()
    return figure.start - end if end <= figure.start else max(start - figure.end, 0) + 5


def _start(mention: Mention) -> int:
    return mention.start


def status_of(text: str, figure: Mention, start: int, end: int, cues: list[tuple[int, int, str]]) -> str:
    """How the figure is stated: the status word nearest before it in its clause (else just after it); a
    forecast with analysts or economists behind it is an estimate; none → "reported". ``cues`` are the
    sentence's status words (``Vocabulary.status_cues``)."""
    words = vocabulary()
    # a break right before the figure continues a list ("4,300 jobs in France, 3,700 in Germany")
    boundaries = [m.end() for m in CLAUSE_BREAK.finditer(text, start, figure.start)
                  if text[m.end() : figure.start].strip()]
    start = boundaries[-1] if boundaries else start
    before = [cue for cue in cues if start <= cue[0] and cue[1] <= figure.start]
    after = [cue for cue in cues if figure.end <= cue[0] and cue[1] <= min(end, figure.end + 12)]  # "$5m spent"
    if before:
        nearest = max(before, key=lambda cue: (cue[1], cue[1] - cue[0]))
    elif after:
        nearest = min(after)
    else:
        return "reported"
    status = nearest[2]
    if status == "forecast" and words.estimators.search(text, max(start, nearest[0] - 40), min(end, nearest[1] + 15)):
        return "estimate"
    return status


def scope_of(text: str, figure: Mention, metric: str, timing: str, subject: str, clause: tuple[int, int],
             near: tuple[int, int], entities: list[Mention]) -> str | None:
    """What part of the subject the figure covers, or None for the whole. ``near`` spans the figure and its
    metric's cue: a region counts only there or just after ("sales in Britain were £30bn", "cut 4,300 jobs in
    France"), not elsewhere in the clause ("the largest carmaker in America will cut 30,000 jobs")."""
    start, end = clause
    if PART_BEFORE.search(text, max(start, figure.start - 40), figure.start) or PART_AFTER.match(text, figure.end):
        return "each part"
    for match in UNIT.finditer(text, start, end):
        if unit := _unit_name(text, start, match):
            return unit
    if metric in TRADE_METRICS and (partner := PARTNER.search(text, start, end)):
        return "with " + _the_less(partner.group(1))
    if timing == "level":
        return None  # a region divides sales, spending or job cuts, not a price or a rate
    places = [e for e in entities if e.label == "PLACE" and start <= e.start and e.end <= end]
    regions = []
    for match in REGION.finditer(text, max(start, near[0]), min(end, near[1] + 25)):
        region = _the_less(match.group(1))
        named_place = any(p.start >= match.start(1) and p.end <= match.end(1) + 1 for p in places)
        if named_place and region.casefold() != subject.casefold():
            distance = match.start() - figure.end if match.start() >= figure.end else figure.start - match.end() + 20
            regions.append((distance, region))
    return "in " + min(regions)[1] if regions else None


def _unit_name(text: str, start: int, match: re.Match) -> str | None:
    """The one or two words naming a part between its owner and "unit": "its [auto] unit", "Ford's [North
    American auto] unit" (up to three words), or None when no owner stands before them."""
    words = list(re.finditer(r"[A-Za-z][\w&-]*", text[max(start, match.start() - 40) : match.start()]))
    offset = max(start, match.start() - 40)
    for count in range(1, min(3, len(words)) + 1):
        first = words[-count]
        if UNIT_OWNER.search(text, max(start, offset + first.start() - 12), offset + first.start()):
            name = " ".join(w.group() for w in words[-count:]).casefold()
            return None if name in GENERIC_UNITS else f"{name} {match.group(1)}"
    return None


def _the_less(name: str) -> str:
    return name[4:] if name.casefold().startswith("the ") else name
