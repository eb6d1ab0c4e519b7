"""Claims: a figure stated about a subject — (subject, metric, period, status, scope, value, unit, hedge, sentence).

Each money, percent or count figure is tied to a subject, the entity the clause is about (a company named
before the figure, "its"/"the company" resolved to the company the text is about, a collective such as "tech
giants"); to a metric from the vocabulary in ``data/metrics.toml`` (the cue nearest the figure whose metric
takes this kind of figure); and to the period, status and scope its clause states. A figure with a subject but
no metric is kept (listed) with ``metric`` None: it never takes part in a conflict. Who the subject is reads
:mod:`store.extract.claim_subjects`, what it measures :mod:`store.extract.claim_metrics`, its period, status and
scope :mod:`store.extract.claim_context`; this module ties them to each figure.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import asdict, dataclass

from store.extract.claim_context import period_of, scope_of, status_of
from store.extract.claim_metrics import falls, figure_kind, metric_of
from store.extract.claim_subjects import (
    SUBJECT_LABELS,
    entity_key,
    is_source,
    label_of,
    main_company,
    named_enough,
    partner_of,
    segment_of,
    subject_candidates,
    subject_of,
)
from store.extract.claim_vocabulary import vocabulary, words_of
from store.model import Mention

FIGURE_LABELS = {"MONEY", "PERCENT", "NUMBER"}
PER_SHARE_AFTER = re.compile(r"\s*(?:a|per)\s+(?:diluted\s+)?share\b", re.IGNORECASE)
PER_SHARE_METRICS = {"earnings per share", "share price", "price target", "share price change"}
PROFITS = {"net profit", "pre-tax profit", "operating profit"}


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
    entities = [m for m in mentions if m.kind == "entity" and m.label in SUBJECT_LABELS and named_enough(m)]
    figures = [m for m in mentions if m.kind == "figure"]
    dates = [m for m in figures if m.label == "DATE"]
    known_company = main_company(entities)
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
            candidates = subject_candidates(text, s_start, s_end, sentence_entities, entities)
            context = (previous_subject, previous_company or known_company)
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
            previous_subject = entity_key(sentence_entities[0], entities)
        companies = [e for e in sentence_entities if e.label == "ORG" and not is_source(text, s_start, e)]
        if companies:
            previous_company = entity_key(companies[0], entities)
    return claims


def _claim(text, figure, sentence, clause, candidates, sentence_entities, entities, dates, context,
           words) -> Claim | None:
    cues, statuses = words
    (s_start, s_end), (c_start, c_end) = sentence, clause
    subject = subject_of(text, figure, sentence, clause, candidates, sentence_entities, entities, context)
    if subject is None:
        return None
    kind = figure_kind(text, figure)
    partner = partner_of(text, subject, figure, sentence_entities, entities)
    subject_label = label_of(subject[1], sentence_entities)
    in_clause = [cue for cue in cues if c_start <= cue.start and cue.end <= c_end
                 or cue.gapped and cue.start < figure.end and cue.end > figure.start]
    metric, cue, sign = metric_of(text, figure, kind, subject_label, (s_start, c_start, c_end), sentence_entities,
                                  in_clause)
    if metric and subject_label == "PLACE" and not vocabulary().is_economy(metric):
        # "The United States auto maker Chrysler asked for $5bn": a company's measure belongs to the company
        companies = [c for at, c in candidates if at < figure.start and label_of(c[1], sentence_entities) == "ORG"]
        subject = companies[0] if companies else subject
    value, value_high = figure.value, figure.value_high
    scope = None
    if metric is not None:
        if metric.endswith("change") and falls(text, figure, c_start, c_end) and value is not None and value > 0:
            sign = -1
        if sign < 0 and value is not None:
            value, value_high = -value, (-value_high if value_high is not None else None)
        if figure.label == "MONEY" and PER_SHARE_AFTER.match(text, figure.end) and metric not in PER_SHARE_METRICS:
            metric = "earnings per share" if metric in PROFITS else metric
        near = (min(cue.start, figure.start), max(cue.end, figure.end)) if cue else (figure.start, figure.end)
        scope = scope_of(text, figure, metric, vocabulary().timing(metric), subject[0], (c_start, c_end), near,
                         sentence_entities) or segment_of(
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


def _inside_a_name(figure: Mention, entities: list[Mention], starts: list[int]) -> bool:
    """A number that is part of a name ("Standard & Poor's 500 Index") is no figure."""
    index = bisect_right(starts, figure.start) - 1
    return any(entities[i].start <= figure.start and figure.end <= entities[i].end
               for i in range(max(0, index - 2), index + 1))


def _is_amount(figure: Mention) -> bool:
    """Money, percentages and counts; not durations ("three years") or multiples without a measure."""
    return figure.label != "NUMBER" or figure.unit in (None, "x")


def _headline(text: str, start: int, end: int) -> bool:
    """A line that reads as a headline (another story's, in a link list): no closing stop, words capitalised."""
    sentence = text[start:end].strip()
    if not sentence or sentence[-1] in ".!?\"”’)":
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", sentence) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)
