"""Claim candidates: subject and metric of each figure, and the ledger's conflict rule."""

import math
from types import SimpleNamespace

from store.extract.claims import find_claims
from store.ledger_rules import comparable, disagree, value_range
from tests.ledger.helpers import mention


def sentences_of(text):
    spans, start = [], 0
    for part in text.split(". "):
        spans.append((start,
                      start + len(part) + (1 if not part.endswith(".") and start + len(part) < len(text) else 0)))
        start += len(part) + 2
    return spans


def claims_of(text, mentions):
    return [(c.subject, c.metric, c.value, c.value_high, c.hedge, c.period) for c in
            find_claims(text, sentences_of(text), sorted(mentions, key=lambda m: m.start))]


def test_training_cost_of_the_model_named_in_the_previous_sentence():
    text = ("Marc Andreessen hailed DeepSeek’s latest R1 model as a breakthrough. "
            "The reported cost to train this model was $5.6 billion, a fraction of OpenAI’s estimated $100 million in "
            "spending to train GPT-4.")
    mentions = [
        mention(text, "Marc Andreessen", "PERSON"), mention(text, "DeepSeek", "ORG"), mention(text, "R1", "PRODUCT"),
        mention(text, "$5.6 billion", "MONEY", value=5.6e9, unit="USD"),
        mention(text, "OpenAI", "ORG"),
        mention(text, "$100 million", "MONEY", value=1e8, unit="USD", hedge="estimated"),
        mention(text, "GPT-4", "PRODUCT"),
    ]
    assert claims_of(text, mentions) == [
        ("DeepSeek", "training cost", 5.6e9, None, None, None),
        ("OpenAI", "training cost", 1e8, None, "estimated", None),
    ]


def test_product_named_after_its_maker_counts_as_the_maker_and_sources_are_not_subjects():
    text = ("DeepSeek is a startup. According to Reuters, DeepSeek-V3, launched on January 10, used Nvidia’s H800 "
            "chips for training, "
            "at a cost of less than $6 million.")
    mentions = [
        mention(text, "Reuters", "ORG"), mention(text, "DeepSeek-V3", "PRODUCT"), mention(text, "Nvidia", "ORG"),
        mention(text, "H800", "PRODUCT"), mention(text, "January 10", "DATE", unit="--01-10"),
        mention(text, "$6 million", "MONEY", value=6e6, unit="USD", hedge="less than"),
        mention(text, "DeepSeek", "ORG"),
    ]
    assert [c[:2] for c in claims_of(text, mentions)] == [("DeepSeek", "training cost")]


def test_each_percent_goes_to_the_company_that_moved_and_falls_are_negative():
    text = "Broadcom finished down 17.4%, followed by Microsoft which fell 2.1% and Alphabet which rose 4.2% on Monday."
    mentions = [
        mention(text, "Broadcom", "ORG"), mention(text, "17.4%", "PERCENT", value=17.4, unit="%"),
        mention(text, "Microsoft", "ORG"), mention(text, "2.1%", "PERCENT", value=2.1, unit="%"),
        mention(text, "Alphabet", "ORG"), mention(text, "4.2%", "PERCENT", value=4.2, unit="%"),
        mention(text, "Monday", "DATE", unit="Monday"),
    ]
    assert [(s, m, v) for s, m, v, *_ in claims_of(text, mentions)] == [
        ("Broadcom", "share price change", -17.4),
        ("Microsoft", "share price change", -2.1),
        ("Alphabet", "share price change", 4.2),
    ]


def test_collective_subject_and_capex_metric_with_period():
    text = "The hyperscalers, Alphabet and Amazon among them, plan capital expenditures of $650 billion for 2026."
    mentions = [
        mention(text, "Alphabet", "ORG"), mention(text, "Amazon", "ORG"),
        mention(text, "$650 billion", "MONEY", value=6.5e11, unit="USD"), mention(text, "2026", "DATE", unit="2026"),
    ]
    assert claims_of(text, mentions) == [("hyperscalers", "capital expenditure", 6.5e11, None, None, "2026")]


def test_figure_without_metric_or_subject_is_not_a_claim():
    text = "It happened 40 times in the last decade."
    assert claims_of(text, [mention(text, "40 times", "NUMBER", value=40, unit="x")]) == []


def test_value_ranges_follow_hedges():
    assert value_range(6e6, None, "less than") == (0.0, 6e6)
    assert value_range(1e12, None, "over") == (1e12, math.inf)
    low, high = value_range(660, None, None)
    assert (low, high) == (660 - 660 * 0.005, 660 + 660 * 0.005)
    assert value_range(650, 700, None) == (650 - 650 * 0.005, 700 + 700 * 0.005)


def claim(article, value, value_high=None, hedge=None, period=None, published=None):
    return SimpleNamespace(article_id=article, value=value, value_high=value_high, hedge=hedge, period=period,
                           published=published)


def conflict(a, b, timing):
    return comparable(a, b, timing) and disagree(a, b)


def test_a_round_figure_of_one_significant_digit_is_a_rounding_of_a_nearby_one():
    assert not conflict(claim(1, 7e9), claim(1, 6.8e9), "once")  # "a deal for $7 billion" / "worth $6.8 billion"
    assert conflict(claim(1, 2e4), claim(2, 1e4), "once")
    assert conflict(claim(1, 700e9), claim(2, 650e9), "once")


def test_conflict_rule_is_hedge_aware_and_ignores_other_periods():
    assert conflict(claim(1, 5.6e9), claim(2, 6e6, hedge="less than"), "once")
    assert not conflict(claim(1, 5.5e6), claim(2, 6e6, hedge="less than"), "once")
    assert conflict(claim(1, 660e9, period="2026"), claim(2, 650e9, period="2026"), "flow")
    assert not conflict(claim(1, 650e9, period="2026"), claim(2, 370e9, period="2025"), "flow")
    assert not conflict(claim(1, -17), claim(2, 3), "level")  # no common day
