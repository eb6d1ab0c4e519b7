"""What a claim measures: the metric of a figure, from the cue nearest it in its clause whose metric takes this
kind of figure (money, percent, count, points), or the grammar of an index or a company moving ("X fell 2%").
"""

from __future__ import annotations

import re

from store.extract.claim_subjects import DIRECT_MOVE
from store.extract.claim_vocabulary import CueMatch, vocabulary
from store.model import Mention

MAX_CUE_DISTANCE = 90  # characters between a metric's cue and its figure
CUE_AFTER_PENALTY = 15  # a cue after the figure counts as this much further (metrics usually come first)
ATTACHED_AFTER = re.compile(r"^\s+(?:in|of|on|for)\s+(?:[\w-]+\s+){0,2}$")  # "$200 billion in AI spending"
# "fell to 8,000", "closed at 8,000", "gained 71 points to a level of 5,783": a level
TO_LEVEL = re.compile(r"(?:\b(?:to|at|on)|\b(?:level|value|high|low|mark)\s+of)\s+$")
LEVEL_HEDGES = {"below", "above", "under"}
LINK_BEFORE = re.compile(
    r"^\s*(?:(?:of|at|to|was|were|is|are|reached|reach|totall?ed|total|stood|rose|fell|grew|by|numbered|now|some|"
    r"about|around|nearly|almost|over|more|than|roughly|just|under|up|down|had|has|have)\s+){1,3}$",
    re.IGNORECASE,
)
POINTS_AFTER = re.compile(r"\s*points?\b", re.IGNORECASE)


def figure_kind(text: str, figure: Mention) -> str:
    if figure.label == "MONEY":
        return "money"
    if figure.label == "PERCENT":
        return "percent"
    if figure.unit == "x":
        return "number"
    return "points" if POINTS_AFTER.match(text, figure.end) else "count"


def metric_of(text, figure, kind, subject_label, span, entities, cues) -> tuple[str | None, CueMatch | None, int]:
    """The metric of a figure: the nearest cue in its clause whose metric takes this kind of figure, or a change
    of a level measure ("sales rose 5%"); else the grammar of an index or a company moving ("X fell 2%").
    An index's own move is an index change even when "stock" is named ("the Nikkei 225 stock index fell")."""
    sentence_start, start, end = span
    words = vocabulary()
    index = subject_label == "INDEX" or _index_before(figure, entities)
    changed = bool(words.change.search(text, start, end))
    best: tuple[int, str, CueMatch] | None = None
    for cue in cues:
        overlaps = cue.start < figure.end and cue.end > figure.start
        name = _metric_for(cue, kind, changed, text, figure)
        if name is None or (overlaps and not cue.gapped):
            continue
        if overlaps:
            distance = 0
        elif cue.end <= figure.start:
            distance = figure.start - cue.end
            if cue.metric.after and not cue.gapped and not LINK_BEFORE.match(text[cue.end : figure.start]):
                continue  # "customers for the 777": a count's noun before it needs a link ("customers reached 5m")
        else:
            distance = cue.start - figure.end
            attached = (cue.metric.after and distance <= 25) or ATTACHED_AFTER.match(text[figure.end : cue.start])
            distance += 0 if attached else CUE_AFTER_PENALTY
        if distance <= MAX_CUE_DISTANCE and (best is None or distance < best[0]):
            best = (distance, name, cue)
    if best is not None and not (index and best[1] == "share price change"):
        return best[1], best[2], best[2].sign
    if index:
        # "closed down 6.4 percent, or 486.18 points": the move may be named before an earlier figure
        lead = text[max(sentence_start, figure.start - 45) : figure.start]
        moved = words.change.search(lead) and not TO_LEVEL.search(lead) and figure.hedge not in LEVEL_HEDGES
        if kind == "percent" or (kind in ("count", "points") and moved):
            return "index change", None, 1
        if kind in ("count", "points"):
            return "index level", None, 1
    if kind == "percent" and changed and _company_moved(text, figure, entities, start):
        return "share price change", None, 1
    return None, None, 1


def _metric_for(cue: CueMatch, kind: str, changed: bool, text: str, figure: Mention) -> str | None:
    metric = cue.metric
    rate = metric.kinds == {"percent"} and not metric.name.endswith("change")
    if kind in metric.kinds:
        if rate and (figure.unit in ("pp", "bp")
                     or re.search(r"\bby\s+$", text[max(0, figure.start - 4) : figure.start])):
            return metric.name + " change"
        return metric.name
    if kind == "percent" and changed and metric.kinds & {"money", "count"} and metric.timing != "once":
        return metric.name + " change"
    if kind == "points" and "number" in metric.kinds:
        return metric.name
    return None


def _index_before(figure: Mention, entities: list[Mention]) -> bool:
    before = [e for e in entities if e.end <= figure.start]
    return bool(before) and before[-1].label == "INDEX" and figure.start - before[-1].end <= 60


def _company_moved(text: str, figure: Mention, entities: list[Mention], start: int) -> bool:
    """A company named right before the figure with only a move between: "Broadcom finished down 17.4%",
    "Microsoft which fell 2.1%" — a stock move."""
    before = [e for e in entities if e.end <= figure.start and e.start >= start]
    if not before or before[-1].label != "ORG":
        return False
    between = text[before[-1].end : figure.start]
    return len(between) <= 45 and bool(DIRECT_MOVE.match(between)) and bool(vocabulary().change.search(between))


def falls(text: str, figure: Mention, start: int, end: int) -> bool:
    falling = vocabulary().falling
    before = text[max(start, figure.start - 45) : figure.start]
    after = text[figure.end : min(end, figure.end + 12)]
    return bool(falling.search(before) or falling.match(after.lstrip()))
