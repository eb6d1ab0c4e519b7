"""Claims: a figure stated about a subject — (subject, metric, period, status, scope, value, unit, hedge, sentence).

Each money, percent or count figure is tied to a subject, the entity the clause is about (a company named
before the figure, "its"/"the company" resolved to the company the text is about, a collective such as "tech
giants"); to a metric from the vocabulary in ``data/metrics.toml`` (the cue nearest the figure whose metric
takes this kind of figure); and to the period, status and scope its clause states (``claim_context``). A
figure with a subject but no metric is kept (listed) with ``metric`` None: it never takes part in a conflict.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import asdict, dataclass

from store.extract.claim_context import period_of, scope_of, status_of
from store.extract.claim_vocabulary import CueMatch, vocabulary, words_of
from store.model import Mention

SUBJECT_LABELS = {"ORG", "PRODUCT", "INDEX", "PLACE", "OTHER"}
FIGURE_LABELS = {"MONEY", "PERCENT", "NUMBER"}
MAX_CUE_DISTANCE = 90  # characters between a metric's cue and its figure
CUE_AFTER_PENALTY = 15  # a cue after the figure counts as this much further (metrics usually come first)
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
PREPOSITION_BEFORE = re.compile(r"\b(?:to|(?<!shares )(?<!stock )of|for|with|from|at|on|in|into|by|than|over|against|like|as)\s+(?:the\s+)?$",
                                re.IGNORECASE)
POSSESSIVE = re.compile(r"^(?:’s|'s|’|')\s+(?:[\w-]+\s+){0,3}$")
DIRECT_MOVE = re.compile(r"^\s*(?:\([^)]{1,12}\)\s*)?(?:,\s*)?(?:which\s+|that\s+|shares\s+|stock\s+)?(?:\w+\s+){0,3}$")
ATTACHED_AFTER = re.compile(r"^\s+(?:in|of|on|for)\s+(?:[\w-]+\s+){0,2}$")  # "$200 billion in AI spending"
CONTRAST = re.compile(r"(?:,|;)\s+(?:while|whereas|but|and|although)\s+|\s+(?:while|whereas)\s+", re.IGNORECASE)
NAME = re.compile(r"\b[A-Z][\w&.-]+")
# "fell to 8,000", "closed at 8,000", "gained 71 points to a level of 5,783": a level
TO_LEVEL = re.compile(r"(?:\b(?:to|at|on)|\b(?:level|value|high|low|mark)\s+of)\s+$")
LEVEL_HEDGES = {"below", "above", "under"}
COORDINATED = re.compile(r"^\s*(?:\([^)]{1,12}\)\s*)?(?:and|&)\s+$")
LINK_BEFORE = re.compile(
    r"^\s*(?:(?:of|at|to|was|were|is|are|reached|reach|totall?ed|total|stood|rose|fell|grew|by|numbered|now|some|"
    r"about|around|nearly|almost|over|more|than|roughly|just|under|up|down|had|has|have)\s+){1,3}$",
    re.IGNORECASE,
)
POINTS_AFTER = re.compile(r"\s*points?\b", re.IGNORECASE)
PER_SHARE_AFTER = re.compile(r"\s*(?:a|per)\s+(?:diluted\s+)?share\b", re.IGNORECASE)
PER_SHARE_METRICS = {"earnings per share", "share price", "price target", "share price change"}
PROFITS = {"net profit", "pre-tax profit", "operating profit"}
# Collective subjects common in financial news, each mapped to one key.
COLLECTIVES = [
    (key, re.compile(pattern, re.IGNORECASE))
    for key, pattern in (
        ("big tech", r"\b(?:big tech|tech giants|technology giants|hyperscalers?|mega-?cap tech\w*|megacaps|magnificent seven)\b"),
        ("chipmakers", r"\b(?:chipmakers|chip stocks|semiconductor stocks)\b"),
        ("small caps", r"\bsmall-?caps?\b|\bsmaller companies\b"),
    )
]


@dataclass(frozen=True, slots=True)
class Claim:
    """A figure stated about a subject: where it is, what it measures, for when, how it is stated, its value."""

    start: int
    end: int
    sentence_start: int
    sentence_end: int
    subject: str
    subject_entity: str
    metric: str | None
    label: str
    value: float | None
    value_high: float | None
    unit: str | None
    hedge: str | None
    period: str | None
    status: str = "reported"
    scope: str | None = None

    def to_json(self) -> dict:
        return asdict(self)


def find_claims(text: str, sentences: list[tuple[int, int]], mentions: list[Mention]) -> list[Claim]:
    """Every figure in the article that can be tied to a subject (with its metric when one is named)."""
    entities = [m for m in mentions if m.kind == "entity" and m.label in SUBJECT_LABELS and _named_enough(m)]
    figures = [m for m in mentions if m.kind == "figure"]
    dates = [m for m in figures if m.label == "DATE"]
    main_company = _main_company(entities)
    claims: list[Claim] = []
    previous_subject: tuple[str, str] | None = None
    previous_company: tuple[str, str] | None = None
    # Each sentence looks only at the mentions starting inside it (linear, not sentences × mentions).
    figure_starts, entity_starts = [f.start for f in figures], [e.start for e in entities]
    for s_start, s_end in sentences:
        near = figures[bisect_left(figure_starts, s_start) : bisect_right(figure_starts, s_end)]
        in_sentence = [f for f in near if f.end <= s_end and f.label in FIGURE_LABELS and _is_amount(f)
                       and not _inside_a_name(f, entities, entity_starts)]
        near = entities[bisect_left(entity_starts, s_start) : bisect_right(entity_starts, s_end)]
        sentence_entities = [e for e in near if e.end <= s_end]
        if in_sentence and not _headline(text, s_start, s_end):
            candidates = _subject_candidates(text, s_start, s_end, sentence_entities, entities)
            context = (previous_subject, previous_company or main_company)
            words = words_of(text, s_start, s_end)  # read once per sentence, then per clause
            cues = vocabulary().cue_matches(text, s_start, s_end, words)
            statuses = vocabulary().status_cues(text, s_start, s_end, words)
            for i, figure in enumerate(in_sentence):
                clause_start = in_sentence[i - 1].end if i else s_start
                clause_end = in_sentence[i + 1].start if i + 1 < len(in_sentence) else s_end
                found = _claim(text, figure, (s_start, s_end), (clause_start, clause_end), candidates,
                               sentence_entities, entities, dates, context, (cues, statuses))
                if found is not None:
                    claims.append(found)
            if candidates:
                previous_subject = candidates[0][1]
        elif sentence_entities:  # only the first subject matters to a later sentence that refers back
            previous_subject = _key(sentence_entities[0], entities)
        companies = [e for e in sentence_entities if e.label == "ORG" and not _is_source(text, s_start, e)]
        if companies:
            previous_company = _key(companies[0], entities)
    return claims


def _claim(text, figure, sentence, clause, candidates, sentence_entities, entities, dates, context, words) -> Claim | None:
    cues, statuses = words
    (s_start, s_end), (c_start, c_end) = sentence, clause
    subject = _subject(text, figure, sentence, clause, candidates, sentence_entities, entities, context)
    if subject is None:
        return None
    kind = _kind(text, figure)
    partner = _partner(text, subject, figure, sentence_entities, entities)
    subject_label = _label_of(subject[1], sentence_entities)
    in_clause = [cue for cue in cues if c_start <= cue.start and cue.end <= c_end
                 or cue.gapped and cue.start < figure.end and cue.end > figure.start]
    metric, cue, sign = _metric(text, figure, kind, subject_label, (s_start, c_start, c_end), sentence_entities, in_clause)
    if metric and subject_label == "PLACE" and not vocabulary().is_economy(metric):
        # "The United States auto maker Chrysler asked for $5bn": a company's measure belongs to the company
        companies = [c for at, c in candidates if at < figure.start and _label_of(c[1], sentence_entities) == "ORG"]
        subject = companies[0] if companies else subject
    value, value_high = figure.value, figure.value_high
    scope = None
    if metric is not None:
        if metric.endswith("change") and _falls(text, figure, c_start, c_end) and value is not None and value > 0:
            sign = -1
        if sign < 0 and value is not None:
            value, value_high = -value, (-value_high if value_high is not None else None)
        if figure.label == "MONEY" and PER_SHARE_AFTER.match(text, figure.end) and metric not in PER_SHARE_METRICS:
            metric = "earnings per share" if metric in PROFITS else metric
        near = (min(cue.start, figure.start), max(cue.end, figure.end)) if cue else (figure.start, figure.end)
        scope = scope_of(text, figure, metric, vocabulary().timing(metric), subject[0], (c_start, c_end), near,
                         sentence_entities) or _segment(
            cue, subject, sentence_entities, entities)
        if metric not in PER_SHARE_METRICS and PER_SHARE_AFTER.match(text, figure.end):
            scope = "per share"
        scope = f"with {partner}" if partner else scope
        if scope == f"with {subject[0]}":  # "America's trade deficit with China": China is the partner
            others = [c for _, c in candidates if c[1] != subject[1]]
            if not others:
                return None
            subject = others[0]
    unit = "points" if metric in ("index change", "index level") and figure.label == "NUMBER" else figure.unit
    period = period_of(text, figure, dates, c_start, c_end)
    if period == "per year":
        # "$300 million a year": for a one-off measure a yearly amount is not the total; for a flow it is the
        # measure itself, of no year in particular
        scope = scope or ("per year" if metric and vocabulary().timing(metric) == "once" else None)
        period = None
    return Claim(
        figure.start, figure.end, s_start, s_end, subject[0], subject[1], metric, figure.label, value, value_high,
        unit, figure.hedge, period, status_of(text, figure, s_start, c_end, statuses), scope,
    )


def _partner(text, subject, figure, sentence_entities, entities) -> str | None:
    """Another name joined to the subject by "and" before the figure ("GM and Chrysler have received $17bn"):
    the figure is theirs together."""
    named = [e for e in sentence_entities if e.end <= figure.start]
    for index, entity in enumerate(named):
        if _key(entity, entities)[1] != subject[1]:
            continue
        neighbours = []  # (the other name, the text between the two)
        if index + 1 < len(named):
            neighbours.append((named[index + 1], text[entity.end : named[index + 1].start]))
        if index:
            neighbours.append((named[index - 1], text[named[index - 1].end : entity.start]))
        for other, between in neighbours:
            if COORDINATED.match(between) and _key(other, entities)[1] != subject[1]:
                return _key(other, entities)[0]
    return None


def _inside_a_name(figure: Mention, entities: list[Mention], starts: list[int]) -> bool:
    """A number that is part of a name ("Standard & Poor's 500 Index") is no figure."""
    index = bisect_right(starts, figure.start) - 1
    return any(entities[i].start <= figure.start and figure.end <= entities[i].end for i in range(max(0, index - 2), index + 1))


def _is_amount(figure: Mention) -> bool:
    """Money, percentages and counts; not durations ("three years") or multiples without a measure."""
    return figure.label != "NUMBER" or figure.unit in (None, "x")


def _kind(text: str, figure: Mention) -> str:
    if figure.label == "MONEY":
        return "money"
    if figure.label == "PERCENT":
        return "percent"
    if figure.unit == "x":
        return "number"
    return "points" if POINTS_AFTER.match(text, figure.end) else "count"


def _headline(text: str, start: int, end: int) -> bool:
    """A line that reads as a headline (another story's, in a link list): no closing stop, words capitalised."""
    sentence = text[start:end].strip()
    if not sentence or sentence[-1] in ".!?\"”’)":
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", sentence) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _metric(text, figure, kind, subject_label, span, entities, cues) -> tuple[str | None, CueMatch | None, int]:
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
        if rate and (figure.unit in ("pp", "bp") or re.search(r"\bby\s+$", text[max(0, figure.start - 4) : figure.start])):
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


def _falls(text: str, figure: Mention, start: int, end: int) -> bool:
    falling = vocabulary().falling
    before = text[max(start, figure.start - 45) : figure.start]
    after = text[figure.end : min(end, figure.end + 12)]
    return bool(falling.search(before) or falling.match(after.lstrip()))


def _segment(cue, subject, sentence_entities, entities) -> str | None:
    """A named product or business right before the metric's cue ("iPhone sales", "AWS revenue")."""
    if cue is None:
        return None
    if cue.gapped:
        return None
    for entity in sentence_entities:
        if 0 <= cue.start - entity.end <= 3 and entity.label in ("PRODUCT", "ORG"):
            key = _key(entity, entities)
            if key[1] != subject[1]:
                return key[0]
    return None


def _subject(text, figure, sentence, clause, candidates, sentence_entities, entities, context):
    """The subject of a figure: an entity owning it directly; else the company an anaphor nearer the figure
    points to; else the first subject of the clause after any reported speech; else a referred-back one."""
    (s_start, _), (c_start, _) = sentence, clause
    previous_subject, known_company = context
    if direct := _figure_subject(text, figure, sentence_entities, entities):
        return direct
    speech = [m.end() for m in REPORTED_SPEECH.finditer(text, s_start, figure.start)]
    floor = speech[-1] if speech else s_start
    before = [(at, subject) for at, subject in candidates if floor <= at < figure.start]
    anaphors = [m for m in COMPANY_ANAPHOR.finditer(text, max(floor, c_start), figure.start)]
    if anaphors and (not before or anaphors[-1].start() > before[-1][0]):
        at = anaphors[-1].start()
        companies = [e for e in sentence_entities if e.label in ("ORG", "INDEX") and e.end <= at
                     and not _is_source(text, s_start, e)]
        if companies:
            return _key(companies[-1], entities)
        return previous_subject if anaphors[-1].group().casefold() == "it" else known_company
    if before:
        contrast = [m.end() for m in CONTRAST.finditer(text, floor, figure.start)]
        if contrast and all(at < contrast[-1] for at, _ in before) and NAME.search(text, contrast[-1], figure.start):
            return None  # "…, while the Dax was 1.75% lower": a name we do not know owns the figure
        return before[0][1]
    if OTHER_ANAPHOR.search(text, c_start, figure.start):
        return previous_subject
    return None


def _figure_subject(text, figure, entities, everyone) -> tuple[str, str] | None:
    """An entity owning this figure directly: "OpenAI’s estimated $100 million", "Microsoft which fell 2.1%"."""
    before = [e for e in entities if e.end <= figure.start]
    if not before:
        return None
    nearest = before[-1]
    between = text[nearest.end : figure.start]
    if between.lstrip().startswith(",") and PREPOSITION_BEFORE.search(text, max(0, nearest.start - 12), nearest.start):
        return None  # "Advantest, a supplier to Nvidia, lost 10%": an apposition ends; Nvidia did not lose
    if POSSESSIVE.match(between) or (len(between) <= 45 and DIRECT_MOVE.match(between) and vocabulary().change.search(between)):
        return _key(nearest, everyone)
    return None


def _subject_candidates(text, start, end, entities, everyone) -> list[tuple[int, tuple[str, str]]]:
    """Subjects named in the sentence in order, skipping sources ("according to FactSet"); people never are."""
    candidates = [(e.start, _key(e, everyone)) for e in entities if not _is_source(text, start, e)]
    for key, pattern in COLLECTIVES:
        if match := pattern.search(text, start, end):
            candidates.append((match.start(), (match.group(), key)))
    # A name after a preposition ("In Japan, …", "a supplier to Nvidia") is rarely the grammatical subject:
    # such names come after the others.
    return sorted(candidates, key=lambda c: (bool(PREPOSITION_BEFORE.search(text, max(start, c[0] - 12), c[0])), c[0]))


def _is_source(text: str, sentence_start: int, entity: Mention) -> bool:
    return bool(ACCORDING.search(text, max(sentence_start, entity.start - 20), entity.start))


def _named_enough(entity: Mention) -> bool:
    """A name of unclear type is a subject only when it has several words ("Taivdi Materials", not "Four")."""
    return entity.label != "OTHER" or len(entity.text.split()) > 1


def _label_of(key: str, entities: list[Mention]) -> str | None:
    for entity in entities:
        if (entity.entity or entity.text.casefold()) == key:
            return entity.label
    return None


def _main_company(entities: list[Mention]) -> tuple[str, str] | None:
    """The company the article is about: the organisation named most often (at least twice)."""
    counts = Counter(e.entity or e.text.casefold() for e in entities if e.label == "ORG")
    if not counts:
        return None
    key, count = counts.most_common(1)[0]
    if count < 2:
        return None
    first = next(e for e in entities if e.label == "ORG" and (e.entity or e.text.casefold()) == key)
    return first.text, key


def _key(entity: Mention, entities: list[Mention]) -> tuple[str, str]:
    """(display name, key) of an entity; a product named after its maker ("DeepSeek-V3") counts as the maker."""
    if entity.label == "PRODUCT":
        makers, text, found = _makers(entities), entity.text, None
        for cut in range(1, len(text)):  # every proper prefix that ends before a non-alphanumeric character
            if not text[cut].isalnum() and (maker := makers.get(text[:cut])) is not None and (found is None or maker < found):
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
