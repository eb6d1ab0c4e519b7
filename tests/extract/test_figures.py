"""Figures: every shape the issue names, with parsed values, units and hedges, and what must not match."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.extract.figures import find_figures


def only(text: str):
    """The single figure found in ``text``, as (span text, label, value, value_high, unit, hedge)."""
    figures = find_figures(text)
    assert len(figures) == 1, [f.text for f in figures]
    f = figures[0]
    assert text[f.start : f.end] == f.text
    return f.text, f.label, f.value, f.value_high, f.unit, f.hedge


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("losses of $1.35 trillion", ("$1.35 trillion", "MONEY", 1.35e12, None, "USD", None)),
        ("double the $359-381 billion spent", ("$359-381 billion", "MONEY", 359e9, 381e9, "USD", None)),
        ("estimates of $650–700 billion", ("$650–700 billion", "MONEY", 650e9, 700e9, "USD", None)),
        ("a flow of $17-28 billion", ("$17-28 billion", "MONEY", 17e9, 28e9, "USD", None)),
        ("fell to $60,017, a low", ("$60,017", "MONEY", 60017, None, "USD", None)),
        ("spend 650 billion dollars", ("650 billion dollars", "MONEY", 650e9, None, "USD", None)),
        ("a €2bn fund", ("€2bn", "MONEY", 2e9, None, "EUR", None)),
        ("raised US$5.5 million", ("US$5.5 million", "MONEY", 5.5e6, None, "USD", None)),
        ("HK$3 billion in bonds", ("HK$3 billion", "MONEY", 3e9, None, "HKD", None)),
        ("a £40m deal", ("£40m", "MONEY", 40e6, None, "GBP", None)),
        ("fined 100 billion yuan", ("100 billion yuan", "MONEY", 100e9, None, "CNY", None)),
        ("EUR 5 million was paid", ("EUR 5 million", "MONEY", 5e6, None, "EUR", None)),
        ("a $10-million deal", ("$10-million", "MONEY", 10e6, None, "USD", None)),
        ("between $3 and $5 billion", ("between $3 and $5 billion", "MONEY", 3e9, 5e9, "USD", None)),
        ("$1 billion to $2 billion", ("$1 billion to $2 billion", "MONEY", 1e9, 2e9, "USD", None)),
        ("Bytedance ‘Plans $20 Billion Outlay", ("$20 Billion", "MONEY", 20e9, None, "USD", None)),
    ],
)
def test_money(text, expected):
    assert only(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("index rose +1.83% today", ("+1.83%", "PERCENT", 1.83, None, "%", None)),
        ("the Dow at -0.23% now", ("-0.23%", "PERCENT", -0.23, None, "%", None)),
        ("down 17.4%, followed", ("17.4%", "PERCENT", 17.4, None, "%", None)),
        ("declined 30 percent from", ("30 percent", "PERCENT", 30, None, "%", None)),
        ("grew 4 per cent a year", ("4 per cent", "PERCENT", 4, None, "%", None)),
        ("widened 2.5 percentage points", ("2.5 percentage points", "PERCENT", 2.5, None, "pp", None)),
        ("a cut of 25 basis points", ("25 basis points", "PERCENT", 25, None, "bp", None)),
        ("growth between 3% and 5% is seen", ("between 3% and 5%", "PERCENT", 3, 5, "%", None)),
        ("margins of 3-5% are common", ("3-5%", "PERCENT", 3, 5, "%", None)),
        ("up 56% year-on-year", ("56%", "PERCENT", 56, None, "%", None)),
    ],
)
def test_percent(text, expected):
    assert only(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On February 6th, according", ("February 6th", "DATE", None, None, "--02-06", None)),
        ("on February 6, 2026, the", ("February 6, 2026", "DATE", 739653.0, None, "2026-02-06", None)),
        ("since March 2020. Tech", ("March 2020", "DATE", None, None, "2020-03", None)),
        ("results on January 30 and", ("January 30", "DATE", None, None, "--01-30", None)),
        ("By YCY 27 Jan,2026", ("27 Jan,2026", "DATE", 739643.0, None, "2026-01-27", None)),
        ("published 2026-02-06 here", ("2026-02-06", "DATE", 739653.0, None, "2026-02-06", None)),
        ("guidance for Q3 2025 was", ("Q3 2025", "DATE", None, None, "2025-Q3", None)),
        ("spent in 2025 alone", ("2025", "DATE", None, None, "2025", None)),
        ("However, entering 2025, the", ("2025", "DATE", None, None, "2025", None)),
        ("a recovery by mid-2025 is", ("2025", "DATE", None, None, "2025", "mid")),
        ("stocks fell in March as", ("March", "DATE", None, None, "--03", None)),
        ("profit for the 2021 fiscal year was", ("2021", "DATE", None, None, "2021", None)),
        ("Copyright © 2025 The Economist", ("2025", "DATE", None, None, "2025", None)),
        ("Monday, February 2, 2026: a", ("Monday, February 2, 2026", "DATE", 739649.0, None, "2026-02-02", None)),
    ],
)
def test_dates(text, expected):
    assert only(text) == expected


def test_weekday_span_leaves_the_preposition_outside():
    text = "Shares sank on Monday in Asia"
    (figure,) = find_figures(text)
    assert (figure.text, figure.label, figure.unit) == ("Monday", "DATE", "Monday")


def test_relative_date_does_not_swallow_neighbours():
    text = "Nvidia lost 10% last week's session"
    labels = [(f.text, f.label) for f in find_figures(text)]
    assert labels == [("10%", "PERCENT"), ("last week", "DATE")]


def test_impossible_calendar_date_is_not_a_date():
    assert [f.label for f in find_figures("on February 30 we")] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("P/E exceeded 40 times, while", ("40 times", "NUMBER", 40, None, "x", None)),
        ("over the last 18 months,", ("18 months", "NUMBER", 18, None, "month", None)),
        ("a 16-month high", ("16-month", "NUMBER", 16, None, "month", None)),
        ("within 12-18 months", ("12-18 months", "NUMBER", 12, 18, "month", None)),
        ("three times as fast", ("three times", "NUMBER", 3, None, "x", None)),
        ("a 40-fold rise", ("40-fold", "NUMBER", 40, None, "x", None)),
        ("is 3x faster", ("3x", "NUMBER", 3, None, "x", None)),
        ("bought 2,048 GPUs", ("2,048", "NUMBER", 2048, None, None, None)),
        ("2,024 units were sold", ("2,024", "NUMBER", 2024, None, None, None)),
        ("reached 10 million users", ("10 million", "NUMBER", 10e6, None, None, None)),
        ("between 2 and 3 million", ("between 2 and 3 million", "NUMBER", 2e6, 3e6, None, None)),
        ("the 2024-25 season", ("2024-25", "DATE", None, None, "2024/2025", None)),
    ],
)
def test_numbers(text, expected):
    assert only(text) == expected


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("lost about $1.35 trillion", "about"),
        ("capex of up to $200 billion", "up to"),
        ("cost less than $6 million.", "less than"),
        ("diving nearly 9% on", "nearly"),
        ("approximately $660 billion", "approximately"),
        ("around 500 staff", "around"),
        ("losing over $1 trillion", "over"),
        ("As much as $5 billion", "as much as"),
        ("at least 20 times", "at least"),
        ("an estimated $1 trillion", "an estimated"),
        ("Some 500 people", "some"),
    ],
)
def test_hedge_is_an_attribute_outside_the_span(text, hedge):
    (figure,) = find_figures(text)
    assert figure.hedge == hedge
    assert hedge not in figure.text.lower()


def test_hedge_must_be_a_whole_word():
    (figure,) = find_figures("a thunder 5% rally")
    assert figure.hedge is None


def test_from_a_to_b_is_a_change_not_a_range():
    found = find_figures("grew from 3% to 5% in a year")
    assert [(f.text, f.value_high) for f in found] == [("3%", None), ("5%", None)]


def test_money_followed_by_an_unrelated_count_is_not_a_range():
    assert [f.text for f in find_figures("lent $5 billion to 30 companies")] == ["$5 billion", "30"]


@pytest.mark.parametrize(
    "text",
    [
        "Nvidia H800 chips",
        "OpenAI GPT-4 model",
        "DeepSeek R1 and V3",
        "as reported [6]",
        "the S&P 500 index",
        "the Russell 2000, which",
        "the Nasdaq 100 index",
        "Meta's Llama 3 model",
        "the second-largest chipmaker",
        "one of the largest",
        "a 4K screen and 5G",
        "filed a 10-K report",
        "at 3:30 today",
        "COVID-19 lockdowns",
        "the 2000 internet bubble",
        "see https://example.com/2024/01/a-123",
        "version v1.2.3 shipped",
        "three areas:\n1. Is AI's monetization",
        "won the match 3-2",
        "the market opens at 9 a.m. and",
    ],
)
def test_not_figures(text):
    assert [f.text for f in find_figures(text)] == []


def test_index_level_is_skipped_but_its_move_is_found():
    text = "the S&P 500’s 1.78% gain and the Nasdaq 100’s 1.98%"
    assert [(f.text, f.label) for f in find_figures(text)] == [("1.78%", "PERCENT"), ("1.98%", "PERCENT")]


def test_spans_stop_at_line_breaks():
    text = "it cost $5\nbillion and rose 3\n% later, on February\n6"
    for figure in find_figures(text):
        assert "\n" not in figure.text
    assert [f.text for f in find_figures(text)][:1] == ["$5"]


def test_offsets_are_code_points_after_wide_characters():
    text = "🚀🚀 Nvidia’s “plan” costs $5 billion"
    (figure,) = find_figures(text)
    assert text[figure.start : figure.end] == "$5 billion"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=12),
            st.sampled_from(
                ["$", "€2bn", "5", "-", "–", "%", " ", "\n", "billion", "about ", "between ", " and ", " to ", "3.5",
                 "February", "6,", "2026", "Monday", "last week", "times", "-month", "US$", "[6]", "S&P 500", ","]
            ),
        ),
        max_size=25,
    ).map("".join)
)
def test_any_text_gives_spans_inside_it_without_overlaps(text):
    figures = find_figures(text)
    previous_end = 0
    for figure in figures:
        assert 0 <= figure.start < figure.end <= len(text)
        assert figure.start >= previous_end
        assert text[figure.start : figure.end] == figure.text
        assert "\n" not in figure.text and "\r" not in figure.text
        previous_end = figure.end
