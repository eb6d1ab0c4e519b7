"""Planted ground truth: the same subject + metric + period reported in several articles, with equal values
(corroborations) or, for a known fraction, one article reporting a different value (conflicts).

Planted subjects are invented companies from a reserved name range, so no other sentence of the corpus states
a figure about them: every conflict a ledger finds on a planted subject is either listed here or a false
positive.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from bench.corpus import pools
from bench.corpus.writer import PLANTED_BASE, Writer

CONFLICT_RATE = 0.1
ARTICLES_PER_FACT = 8  # one planted fact per this many articles
CONFLICT_FACTORS = (0.6, 0.75, 1.3, 1.5)

METRIC_SENTENCES = {
    "revenue": ["{subject} reported revenue of {value} for {period}.",
                "{possessive} revenue reached {value} in {period}, the company said.",
                "For {period}, {subject} posted sales of {value}, {publisher} reported."],
    "capital expenditure": ["{subject} plans capital expenditure of {value} in {period}.",
                            "{possessive} capex for {period} is expected to reach {value}.",
                            "In {period}, {subject} will invest {value} in data centers, executives said."],
    "free cash flow": ["{subject} generated free cash flow of {value} in {period}.",
                       "{possessive} free cash flow for {period} came to {value}."],
    "profit": ["{subject} reported net income of {value} for {period}.",
               "{possessive} profit for {period} was {value}, according to its annual report."],
}


@dataclass
class Fact:
    """One planted claim and the articles that report it, each with the value that article states."""

    subject: str
    metric: str
    year: int
    value: int
    reports: list[tuple[int, int]] = field(default_factory=list)

    @property
    def conflicting(self) -> bool:
        return len({value for _, value in self.reports}) > 1


def plan_facts(n_articles: int, seed: int) -> list[Fact]:
    """Decide, before any article is written, which articles report which planted facts."""
    rng = random.Random(f"{seed}:facts")
    if n_articles < 2:
        return []
    facts = []
    for number in range(max(1, n_articles // ARTICLES_PER_FACT)):
        stem = pools.pseudo_word(PLANTED_BASE + number * 7919).capitalize()
        subject = f"{stem} {pools.COMPANY_SUFFIXES[number % len(pools.COMPANY_SUFFIXES)]}"
        value = round(round(rng.uniform(1, 400), 1) * 10 ** rng.choice([6, 9]))
        fact = Fact(subject, rng.choice(list(METRIC_SENTENCES)), rng.randint(2021, 2026), value)
        articles = rng.sample(range(n_articles), rng.randint(2, min(4, n_articles)))
        fact.reports = [(index, value) for index in articles]
        if rng.random() < CONFLICT_RATE:
            odd = rng.randrange(1, len(articles))
            fact.reports[odd] = (articles[odd], _same_precision(value * rng.choice(CONFLICT_FACTORS)))
        facts.append(fact)
    return facts


def _same_precision(value: float) -> int:
    """Round to one decimal of millions or billions, as planted values are written."""
    scale = 1e9 if value >= 1e9 else 1e6
    return round(round(value / scale, 1) * scale)


def facts_by_article(facts: list[Fact]) -> dict[int, list[tuple[Fact, float]]]:
    by_article: dict[int, list[tuple[Fact, float]]] = {}
    for fact in facts:
        for index, value in fact.reports:
            by_article.setdefault(index, []).append((fact, value))
    return by_article


def fact_sentence(writer: Writer, fact: Fact, value: float) -> str:
    """The sentence an article uses to report a planted fact, in one of several wordings and money shapes."""
    rng = writer.rng
    template = rng.choice(METRIC_SENTENCES[fact.metric])
    period = rng.choice([f"fiscal {fact.year}", f"{fact.year}", f"the {fact.year} fiscal year"])
    return template.format(subject=fact.subject, possessive=writer.possessive(fact.subject),
                           value=money_text(rng, value),
                           period=period, publisher=rng.choice(pools.PUBLISHERS))


def money_text(rng: random.Random, value: float) -> str:
    """One of the ways news writes the same dollar amount: "$12.4 billion", "$12.4bn", "US$12,400 million"."""
    scale, word, short = (1e9, "billion", "bn") if value >= 1e9 else (1e6, "million", "m")
    number = f"{value / scale:.2f}".rstrip("0").rstrip(".")
    shape = rng.random()
    if shape < 0.2:
        return f"${number}{short}"
    if shape < 0.3:
        return f"US${number} {word}"
    if shape < 0.38 and scale == 1e9:
        return f"${value / 1e6:,.0f} million"
    return f"${number} {word}"


def truth_record(facts: list[Fact], names: list[str]) -> dict:
    """The ``truth.json`` content: every planted fact with its files, and the conflicts among them."""

    def as_dict(fact: Fact) -> dict:
        return {
            "subject": fact.subject,
            "metric": fact.metric,
            "period": str(fact.year),
            "unit": "USD",
            "values": sorted({value for _, value in fact.reports}),
            "files": {names[index]: value for index, value in sorted(fact.reports)},
        }

    return {
        "conflict_rate": CONFLICT_RATE,
        "note": "Planted subjects state figures only in these sentences; any other conflict reported on a "
                "planted subject is a false positive. Values are in US dollars.",
        "planted_subjects": sorted(fact.subject for fact in facts),
        "corroborations": [as_dict(fact) for fact in facts if not fact.conflicting],
        "conflicts": [as_dict(fact) for fact in facts if fact.conflicting],
    }
