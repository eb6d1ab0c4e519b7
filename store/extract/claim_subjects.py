"""Who a claim is about: the subject of a figure, from the entities named in its sentence and clause.

An entity owning the figure directly ("OpenAI’s $100 million", "Microsoft which fell 2.1%"); else the company
an anaphor nearer the figure points to ("its", "the chipmaker"); else the first subject of the clause after any
reported speech; else one referred back to. Also the partner named with the subject ("GM and Chrysler") and a
segment named before the metric ("iPhone sales").
"""

from __future__ import annotations

import re
from collections import Counter

from store.extract.claim_vocabulary import vocabulary
from store.model import Mention

SUBJECT_LABELS = {"ORG", "PRODUCT", "INDEX", "PLACE", "OTHER"}
# "its", "the company", "the chipmaker": a company the reader already knows.
COMPANY_ANAPHOR = re.compile(
    r"\b(?:its|it|the (?:company|firm|group|corporation|business|bank|carrier|airline|retailer|insurer|startup|"
    r"start-up|giant|conglomerate|manufacturer|operator|publisher|broadcaster|studio|\w+maker|\w+ company))\b",
    re.IGNORECASE,
)
OTHER_ANAPHOR = re.compile(r"\b(?:this|these|the (?:model|product|index|country|economy))\b", re.IGNORECASE)
REPORTED_SPEECH = re.compile(
    r"\b(?:said|says|argued|argues|noted|notes|wrote|writes|believes?|estimated|reported|warned|added|stated|"
    r"suggested|claimed|showed|shows)\b[^.;]{0,60}?\bthat\b",
    re.IGNORECASE,
)
ACCORDING = re.compile(r"\b(?:according to|data from|per)\s+$", re.IGNORECASE)
PREPOSITION_BEFORE = re.compile(r"\b(?:to|(?<!shares )(?<!stock )of|for|with|from|at|on|in|into|by|than|over|against"
                                r"|like|as)\s+(?:the\s+)?$",
                                re.IGNORECASE)
POSSESSIVE = re.compile(r"^(?:’s|'s|’|')\s+(?:[\w-]+\s+){0,3}$")
DIRECT_MOVE = re.compile(r"^\s*(?:\([^)]{1,12}\)\s*)?(?:,\s*)?(?:which\s+|that\s+|shares\s+|stock\s+)?(?:\w+\s+){0,3}$")
CONTRAST = re.compile(r"(?:,|;)\s+(?:while|whereas|but|and|although)\s+|\s+(?:while|whereas)\s+", re.IGNORECASE)
NAME = re.compile(r"\b[A-Z][\w&.-]+")
COORDINATED = re.compile(r"^\s*(?:\([^)]{1,12}\)\s*)?(?:and|&)\s+$")
# Collective subjects common in financial news, each mapped to one key.
COLLECTIVES = [
    (key, re.compile(pattern, re.IGNORECASE))
    for key, pattern in (
        ("big tech", r"\b(?:big tech|tech giants|technology giants|hyperscalers?|mega-?cap tech\w*|megacaps"
                     r"|magnificent seven)\b"),
        ("chipmakers", r"\b(?:chipmakers|chip stocks|semiconductor stocks)\b"),
        ("small caps", r"\bsmall-?caps?\b|\bsmaller companies\b"),
    )
]


def subject_of(text, figure, sentence, clause, candidates, sentence_entities, entities, context):
    """The subject of a figure: an entity owning it directly; else the company an anaphor nearer the figure
    points to; else the first subject of the clause after any reported speech; else a referred-back one."""
    (s_start, _), (c_start, _) = sentence, clause
    previous_subject, known_company = context
    if direct := figure_subject(text, figure, sentence_entities, entities):
        return direct
    speech = [m.end() for m in REPORTED_SPEECH.finditer(text, s_start, figure.start)]
    floor = speech[-1] if speech else s_start
    before = [(at, subject) for at, subject in candidates if floor <= at < figure.start]
    anaphors = [m for m in COMPANY_ANAPHOR.finditer(text, max(floor, c_start), figure.start)]
    if anaphors and (not before or anaphors[-1].start() > before[-1][0]):
        at = anaphors[-1].start()
        companies = [e for e in sentence_entities if e.label in ("ORG", "INDEX") and e.end <= at
                     and not is_source(text, s_start, e)]
        if companies:
            return entity_key(companies[-1], entities)
        return previous_subject if anaphors[-1].group().casefold() == "it" else known_company
    if before:
        contrast = [m.end() for m in CONTRAST.finditer(text, floor, figure.start)]
        if contrast and all(at < contrast[-1] for at, _ in before) and NAME.search(text, contrast[-1], figure.start):
            return None  # "…, while the Dax was 1.75% lower": a name we do not know owns the figure
        return before[0][1]
    if OTHER_ANAPHOR.search(text, c_start, figure.start):
        return previous_subject
    return None


def figure_subject(text, figure, entities, everyone) -> tuple[str, str] | None:
    """An entity owning this figure directly: "OpenAI’s estimated $100 million", "Microsoft which fell 2.1%"."""
    before = [e for e in entities if e.end <= figure.start]
    if not before:
        return None
    nearest = before[-1]
    between = text[nearest.end : figure.start]
    if between.lstrip().startswith(",") and PREPOSITION_BEFORE.search(text, max(0, nearest.start - 12), nearest.start):
        return None  # "Advantest, a supplier to Nvidia, lost 10%": an apposition ends; Nvidia did not lose
    if POSSESSIVE.match(between) or (len(between) <= 45 and DIRECT_MOVE.match(between)
                                     and vocabulary().change.search(between)):
        return entity_key(nearest, everyone)
    return None


def subject_candidates(text, start, end, entities, everyone) -> list[tuple[int, tuple[str, str]]]:
    """Subjects named in the sentence in order, skipping sources ("according to FactSet"); people never are."""
    candidates = [(e.start, entity_key(e, everyone)) for e in entities if not is_source(text, start, e)]
    for key, pattern in COLLECTIVES:
        if match := pattern.search(text, start, end):
            candidates.append((match.start(), (match.group(), key)))
    # A name after a preposition ("In Japan, …", "a supplier to Nvidia") is rarely the grammatical subject:
    # such names come after the others.
    return sorted(candidates, key=lambda c: (bool(PREPOSITION_BEFORE.search(text, max(start, c[0] - 12), c[0])), c[0]))


def partner_of(text, subject, figure, sentence_entities, entities) -> str | None:
    """Another name joined to the subject by "and" before the figure ("GM and Chrysler have received $17bn"):
    the figure is theirs together."""
    named = [e for e in sentence_entities if e.end <= figure.start]
    for index, entity in enumerate(named):
        if entity_key(entity, entities)[1] != subject[1]:
            continue
        neighbours = []  # (the other name, the text between the two)
        if index + 1 < len(named):
            neighbours.append((named[index + 1], text[entity.end : named[index + 1].start]))
        if index:
            neighbours.append((named[index - 1], text[named[index - 1].end : entity.start]))
        for other, between in neighbours:
            if COORDINATED.match(between) and entity_key(other, entities)[1] != subject[1]:
                return entity_key(other, entities)[0]
    return None


def segment_of(cue, subject, sentence_entities, entities) -> str | None:
    """A named product or business right before the metric's cue ("iPhone sales", "AWS revenue")."""
    if cue is None:
        return None
    if cue.gapped:
        return None
    for entity in sentence_entities:
        if 0 <= cue.start - entity.end <= 3 and entity.label in ("PRODUCT", "ORG"):
            key = entity_key(entity, entities)
            if key[1] != subject[1]:
                return key[0]
    return None


def is_source(text: str, sentence_start: int, entity: Mention) -> bool:
    return bool(ACCORDING.search(text, max(sentence_start, entity.start - 20), entity.start))


def named_enough(entity: Mention) -> bool:
    """A name of unclear type is a subject only when it has several words ("Taivdi Materials", not "Four")."""
    return entity.label != "OTHER" or len(entity.text.split()) > 1


def label_of(key: str, entities: list[Mention]) -> str | None:
    for entity in entities:
        if (entity.entity or entity.text.casefold()) == key:
            return entity.label
    return None


def main_company(entities: list[Mention]) -> tuple[str, str] | None:
    """The company the article is about: the organisation named most often (at least twice)."""
    counts = Counter(e.entity or e.text.casefold() for e in entities if e.label == "ORG")
    if not counts:
        return None
    key, count = counts.most_common(1)[0]
    if count < 2:
        return None
    first = next(e for e in entities if e.label == "ORG" and (e.entity or e.text.casefold()) == key)
    return first.text, key


def entity_key(entity: Mention, entities: list[Mention]) -> tuple[str, str]:
    """(display name, key) of an entity; a product named after its maker ("DeepSeek-V3") counts as the maker."""
    if entity.label == "PRODUCT":
        makers, text, found = _makers(entities), entity.text, None
        for cut in range(1, len(text)):  # every proper prefix that ends before a non-alphanumeric character
            if text[cut].isalnum():
                continue
            if (maker := makers.get(text[:cut])) is not None and (found is None or maker < found):
                found = maker
        if found is not None:
            other = entities[found]
            return other.text, other.entity or other.text.casefold()
    return entity.text, entity.entity or entity.text.casefold()


# id(entities) → (entities, ORG text → index of its first mention): a lookup per product, not a scan of every
# entity (quadratic in long articles).
_MAKERS: dict[int, tuple[list[Mention], dict[str, int]]] = {}


def _makers(entities: list[Mention]) -> dict[str, int]:
    cached = _MAKERS.get(id(entities))
    if cached is None or cached[0] is not entities:
        first: dict[str, int] = {}
        for index, other in enumerate(entities):
            if other.label == "ORG":
                first.setdefault(other.text, index)
        _MAKERS.clear()  # one article at a time
        cached = _MAKERS[id(entities)] = (entities, first)
    return cached[1]
