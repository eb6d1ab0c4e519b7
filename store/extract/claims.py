"""Claim candidates: a sentence stating a figure about a subject, with the metric the figure measures.

Each money, percent or count figure is linked to a subject — the entity the sentence is about (or a
collective such as "tech giants"), found by rules that favour the grammatical subject — and to a metric
phrase from a small lexicon ("training cost", "capital expenditure", "market value", "share price change").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from store.model import Mention

SUBJECT_LABELS = {"ORG", "PRODUCT", "INDEX", "PLACE", "OTHER"}
FIGURE_LABELS = {"MONEY", "PERCENT", "NUMBER"}

# Ordered: more specific phrases first; the match nearest the figure wins, ties go to the earlier entry.
METRICS: list[tuple[str, re.Pattern]] = [
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("training cost", r"\bcosts? to train\b|\btraining costs?\b|\bcosts? of training\b|\bspending to train\b|\bfor training\b[^.]{0,30}\bcost\b"),
        ("market value loss", r"\b(?:wip(?:ed|ing)|erased?|erasing|shed(?:ding)?|los(?:t|ing|es))\b[^.]{0,50}\bmarket (?:value|cap\w*)\b"),
        ("market value", r"\bmarket (?:value|cap|capitali[sz]ation|valuation)\b|\bvalued at\b"),
        ("free cash flow", r"\bfree cash flows?\b"),
        ("capital expenditure", r"\bcapital expenditures?\b|\bcapex\b|\bcapital spending\b|\bspending\b|\binvest(?:ment|ments|ing)?\b|\boutlays?\b|\bspend\b"),
        ("revenue", r"\brevenues?\b|\bsales\b"),
        ("profit", r"\bprofits?\b|\bnet income\b|\bearnings\b"),
        ("price target", r"\bprice target\b|\btarget price\b|\bpredicted rise to\b"),
        ("valuation multiple", r"\bprice-to-earnings\b|\bP/E\b|\bearnings multiple\b"),
        ("funding", r"\braised?\b[^.]{0,20}\bfunding\b|\bfunding round\b"),
        ("share price change", r"\b(?:fell|fall(?:s|ing)?|rose|rise[sn]?|rising|dropp(?:ed|ing)|drops?|gain(?:ed|s|ing)?|down|up|surg(?:ed|es|ing)|tumbl(?:ed|es|ing)|s[au]nk|sinking|lost|los(?:es|ing)|declin(?:ed|es|ing)|jump(?:ed|s)|climb(?:ed|s)|sli(?:d|des|ding)|plung(?:ed|es)|rall(?:ied|ies)|slump(?:ed|s)|soar(?:ed|s)|advanc(?:ed|es))\b"),
    )
]
FALLING = re.compile(r"\b(?:fell|fall|falls|falling|dropp?(?:ed|ing|s)?|down|tumbl\w*|s[au]nk|sinking|lost|los(?:es|ing)|declin\w*|sli(?:d|des|ding)|plung\w*|slump\w*)\b", re.IGNORECASE)
EVENT_METRICS = {"share price change", "market value loss"}  # comparable only for the same day or period
METRIC_LABELS = {"share price change": {"PERCENT"}, "valuation multiple": {"NUMBER"}}  # every other metric: MONEY
ANAPHOR = re.compile(r"\b(?:it|its|this|these|the (?:company|firm|model|startup|group|chipmaker|bank))\b", re.IGNORECASE)
REPORTED_SPEECH = re.compile(
    r"\b(?:said|says|argued|argues|noted|notes|wrote|writes|believes?|estimated|reported|warned|added|stated|"
    r"suggested|claimed|showed|shows)\b[^.;]{0,60}?\bthat\b",
    re.IGNORECASE,
)
ABSOLUTE_PERIOD = re.compile(r"^(?:\d{4}|--\d\d)")

# Collective subjects common in financial news, each mapped to one key.
COLLECTIVES: list[tuple[str, re.Pattern]] = [
    (key, re.compile(pattern, re.IGNORECASE))
    for key, pattern in (
        ("big tech", r"\b(?:big tech|tech giants|technology giants|hyperscalers?|mega-?cap tech\w*|megacaps|magnificent seven)\b"),
        ("chipmakers", r"\b(?:chipmakers|chip stocks|semiconductor stocks)\b"),
        ("small caps", r"\bsmall-?caps?\b|\bsmaller companies\b"),
    )
]
POSSESSIVE = re.compile(r"^(?:’s|'s|’|')\s+(?:\w+\s+){0,2}$")
ACCORDING = re.compile(r"\b(?:according to|data from|per)\s+$", re.IGNORECASE)
YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@dataclass(frozen=True, slots=True)
class Claim:
    """A figure stated about a subject: where it is, what it measures, its normalised value."""

    start: int
    end: int
    sentence_start: int
    sentence_end: int
    subject: str
    subject_entity: str
    metric: str
    label: str
    value: float | None
    value_high: float | None
    unit: str | None
    hedge: str | None
    period: str | None


def find_claims(text: str, sentences: list[tuple[int, int]], mentions: list[Mention]) -> list[Claim]:
    """Every figure in the article that can be tied to a subject and a metric."""
    entities = [m for m in mentions if m.kind == "entity" and m.label in SUBJECT_LABELS and _named_enough(m)]
    figures = [m for m in mentions if m.kind == "figure"]
    dates = [m for m in figures if m.label == "DATE"]
    claims: list[Claim] = []
    previous_subject: tuple[str, str] | None = None
    # Mentions come sorted by start: each sentence looks only at those starting inside it (linear, not
    # sentences × mentions — quadratic was minutes for a few MB).
    figure_starts, entity_starts = [f.start for f in figures], [e.start for e in entities]
    for s_start, s_end in sentences:
        near = figures[bisect_left(figure_starts, s_start) : bisect_right(figure_starts, s_end)]
        in_sentence = [f for f in near if f.start >= s_start and f.end <= s_end and f.label in FIGURE_LABELS]
        near = entities[bisect_left(entity_starts, s_start) : bisect_right(entity_starts, s_end)]
        sentence_entities = [e for e in near if e.start >= s_start and e.end <= s_end]
        if not in_sentence:
            if sentence_entities:  # only the first subject matters to a later sentence that refers back
                previous_subject = _key(sentence_entities[0], entities)
            continue
        candidates = _subject_candidates(text, s_start, s_end, sentence_entities, entities)
        for i, figure in enumerate(in_sentence):
            clause_start = in_sentence[i - 1].end if i else s_start
            clause_end = in_sentence[i + 1].start if i + 1 < len(in_sentence) else s_end
            metric = _metric(text, figure, clause_start, clause_end)
            speech = [m.end() for m in REPORTED_SPEECH.finditer(text, s_start, figure.start)]
            before = [subject for at, subject in candidates if (speech[-1] if speech else s_start) <= at < figure.start]
            refers_back = ANAPHOR.search(text, clause_start, figure.start)
            subject = _figure_subject(text, figure, sentence_entities, entities) or (
                before[0] if before else previous_subject if refers_back else None
            )
            if metric is None or subject is None:
                continue
            value, value_high = figure.value, figure.value_high
            if metric == "share price change" and value is not None and value > 0 and FALLING.search(text, clause_start, figure.start):
                value, value_high = -value, (-value_high if value_high is not None else None)
            claims.append(
                Claim(
                    figure.start, figure.end, s_start, s_end, subject[0], subject[1], metric, figure.label,
                    value, value_high, figure.unit, figure.hedge, _period(text, figure, dates, clause_start, clause_end),
                )
            )
        if candidates:
            previous_subject = candidates[0][1]
    return claims


def _named_enough(entity: Mention) -> bool:
    """A name of unclear type is a subject only when it has several words ("Taivdi Materials", not "Four")."""
    return entity.label != "OTHER" or len(entity.text.split()) > 1


def _metric(text: str, figure: Mention, start: int, end: int) -> str | None:
    best: tuple[int, int, str] | None = None
    for rank, (name, pattern) in enumerate(METRICS):
        if figure.label not in METRIC_LABELS.get(name, {"MONEY"}):
            continue
        for match in pattern.finditer(text, start, end):
            distance = figure.start - match.end() if match.end() <= figure.start else match.start() - figure.end
            distance = max(distance, 0) + (0 if match.end() <= figure.start else 15)  # metrics usually precede
            if best is None or (distance, rank) < best[:2]:
                best = (distance, rank, name)
    return best[2] if best and best[0] <= 90 else None


def _figure_subject(text: str, figure: Mention, entities: list[Mention], everyone: list[Mention]) -> tuple[str, str] | None:
    """An entity owning this figure directly: "OpenAI’s estimated $100 million", "Microsoft which fell 2.1%"."""
    before = [e for e in entities if e.end <= figure.start]
    if not before:
        return None
    nearest = before[-1]
    between = text[nearest.end : figure.start]
    if POSSESSIVE.match(between) or (
        len(between) <= 45 and re.match(r"^\s*(?:,\s*)?(?:which\s+|that\s+|shares\s+)?(?:\w+\s+){0,3}$", between)
        and METRICS[-1][1].search(between)
    ):
        return _key(nearest, everyone)
    return None


def _subject_candidates(text, start, end, entities, everyone) -> list[tuple[int, tuple[str, str]]]:
    """Subjects named in the sentence in order, skipping sources ("according to FactSet"); people never are."""
    candidates: list[tuple[int, tuple[str, str]]] = []
    for entity in entities:
        if ACCORDING.search(text, max(start, entity.start - 20), entity.start):
            continue
        candidates.append((entity.start, _key(entity, everyone)))
    for key, pattern in COLLECTIVES:
        if match := pattern.search(text, start, end):
            candidates.append((match.start(), (match.group(), key)))
    return sorted(candidates)


def _start(mention: Mention) -> int:
    return mention.start


def _key(entity: Mention, entities: list[Mention]) -> tuple[str, str]:
    """(display name, key) of an entity; a product named after its maker ("DeepSeek-V3") counts as the maker."""
    if entity.label == "PRODUCT":
        makers, text, found = _makers(entities), entity.text, None
        for cut in range(1, len(text)):  # every proper prefix that ends before a non-alphanumeric character
            if not text[cut].isalnum() and (maker := makers.get(text[:cut])) and (found is None or maker < found):
                found = maker
        if found:
            other = entities[found[0]]
            return other.text, other.entity or other.text.casefold()
    return entity.text, entity.entity or entity.text.casefold()


# id(entities) → (entities, ORG text → (index, ) of its first mention): a lookup per product, not a scan of
# every entity (quadratic in long articles).
_MAKERS: dict[int, tuple[list[Mention], dict[str, tuple[int]]]] = {}


def _makers(entities: list[Mention]) -> dict[str, tuple[int]]:
    cached = _MAKERS.get(id(entities))
    if cached is None or cached[0] is not entities:
        first: dict[str, tuple[int]] = {}
        for index, other in enumerate(entities):
            if other.label == "ORG":
                first.setdefault(other.text, (index,))
        _MAKERS.clear()  # one article at a time
        cached = _MAKERS[id(entities)] = (entities, first)
    return cached[1]


def _period(text: str, figure: Mention, dates: list[Mention], start: int, end: int) -> str | None:
    """The date nearest the figure in its clause: an ISO date or year, or a relative phrase ("Monday") as written."""
    near = dates[bisect_left(dates, start, key=_start) : bisect_right(dates, end, key=_start)]
    inside = [d for d in near if d.start >= start and d.end <= end]
    if inside:
        nearest = min(inside, key=lambda d: abs(d.start - figure.start))
        if nearest.unit and ABSOLUTE_PERIOD.match(nearest.unit):
            return nearest.unit
        return text[nearest.start : nearest.end].casefold()
    year = YEAR.search(text, start, end)
    return year.group() if year else None


def is_absolute_period(period: str | None) -> bool:
    return period is not None and bool(ABSOLUTE_PERIOD.match(period))
