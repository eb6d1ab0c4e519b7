"""Fixture articles, one per rule of a claim: metric, period, status, scope, subject, boilerplate.

Figures are found by the real figure extractor; entities are named by hand (the entity extractor is tested
elsewhere), so each test shows exactly which rule of the claims decides.
"""

from __future__ import annotations

from store.extract.claims import find_claims
from store.extract.figures import find_figures
from store.ingest.sentences import split_sentences
from store.ledger import derive_ledger
from store.model import Block, Mention
from tests.ledger.helpers import mention, paragraphs


def mentions_of(text: str, entities: dict[str, str]) -> list[Mention]:
    named = [mention(text, name, label, nth=nth) for name, label in entities.items()
             for nth in range(text.count(name))]
    return sorted(find_figures(text) + named, key=lambda m: (m.start, m.end))


def claims(text: str, **entities: str) -> list[tuple]:
    """(figure, subject, metric, period, status, scope) of every claim in ``text``; entity names with their
    labels as keyword arguments (spaces as underscores)."""
    named = {name.replace("_", " "): label for name, label in entities.items()}
    found = find_claims(text, split_sentences(text, paragraphs(text)), mentions_of(text, named))
    return [(text[c.start : c.end], c.subject, c.metric, c.period, c.status, c.scope) for c in found]


def only(text: str, **entities: str) -> tuple:
    [claim] = claims(text, **entities)
    return claim


# --- metric ----------------------------------------------------------------------------------------------------

def test_a_rise_is_a_share_price_change_only_for_a_company_or_its_shares():
    text = ("US retail sales rose 0.8% in March. US exports rose 2.1% in March, the Commerce Department said. "
            "The unemployment rate in the US fell to 5.2% in March. Shares of Acme Corp rose 3%.")
    found = {figure: metric for figure, _, metric, *_ in claims(text, US="PLACE", Acme_Corp="ORG")}
    assert found == {"0.8%": "retail sales", "2.1%": "exports change", "5.2%": "unemployment rate",
                     "3%": "share price change"}


def test_a_rate_a_level_a_change_and_a_count_are_different_metrics():
    text = ("The unemployment rate in Germany was 12.6% in February. Unemployment in Germany rose by 0.2 "
            "percentage points in February. Germany had 5.2 million unemployed in February.")
    assert [metric for _, _, metric, *_ in claims(text, Germany="PLACE")] == [
        "unemployment rate", "unemployment rate change", "unemployed people"]


def test_per_share_is_not_a_total_and_a_loss_is_a_negative_profit():
    text = "Acme Corp earned $1.20 a share. Acme Corp made a net loss of $40 million in 2004."
    found = find_claims(text, split_sentences(text, paragraphs(text)), mentions_of(text, {"Acme Corp": "ORG"}))
    assert [(c.metric, c.value) for c in found] == [("earnings per share", 1.2), ("net profit", -4e7)]


def test_a_figure_with_no_measure_named_is_listed_without_a_metric():
    assert only("Acme Corp counted 40 visitors.", Acme_Corp="ORG")[2] is None


# --- period ----------------------------------------------------------------------------------------------------

def test_periods_are_written_in_one_form():
    text = ("Acme Corp made a net profit of $2.1 billion in the fourth quarter. "
            "Acme Corp made a net profit of $2.5 billion in the final three months of 2004. "
            "Acme Corp made a net profit of $0.9 billion in the first half of 2005. "
            "Acme Corp made a net profit of $3.2 billion in fiscal 2004. "
            "Acme Corp made a net profit of $1 billion in Q2 2005. "
            "Acme Corp made a net profit of $4 billion last year.")
    assert [period for _, _, _, period, *_ in claims(text, Acme_Corp="ORG")] == [
        "Q4", "2004-Q4", "2005-H1", "FY2004", "2005-Q2", "last year"]


# --- status ----------------------------------------------------------------------------------------------------

def test_reported_forecast_estimate_target_and_spent_are_told_apart():
    text = ("Acme Corp reported revenue of €70 billion in 2004. Acme Corp expects revenue of €80 billion in 2005. "
            "Analysts expect revenue at Acme Corp of €75 billion in 2005. "
            "Japan pledged $500 million in aid. Japan has so far spent $100 million in aid.")
    assert [status for *_, status, _ in claims(text, Acme_Corp="ORG", Japan="PLACE")] == [
        "reported", "forecast", "estimate", "target", "spent"]


# --- scope -----------------------------------------------------------------------------------------------------

def test_a_unit_a_partner_a_region_and_instalments_are_scopes():
    text = ("Ford said its auto unit made a net profit of $0.4 billion in 2004. "
            "The US trade deficit with China reached $162 billion in 2004. "
            "Tesco said its sales in Britain were £30 billion in 2004. "
            "Boeing won a $3 billion contract, paid in three instalments. The contract pays Boeing three instalments "
            "of $1 billion.")
    found = claims(text, Ford="ORG", US="PLACE", China="PLACE", Tesco="ORG", Britain="PLACE", Boeing="ORG")
    assert [(subject, scope) for _, subject, _, _, _, scope in found] == [
        ("Ford", "auto unit"), ("US", "with China"), ("Tesco", "in Britain"), ("Boeing", None), ("Boeing", "each part")]


# --- subject ---------------------------------------------------------------------------------------------------

def test_its_and_the_company_are_the_company_named_before_not_the_first_name_of_the_sentence():
    text = ("This could help Apple, in light of Meta's announcement that the company plans to invest up to "
            "$65 billion in AI this year.")
    assert only(text, Apple="ORG", Meta="ORG")[:3] == ("$65 billion", "Meta", "capital expenditure")


def test_its_with_no_company_in_the_sentence_is_the_company_of_the_previous_one():
    text = ("Apple's spending is cautious. Thanks to the demand for the iPhone described by its boss, its stock "
            "price has risen 7% since Monday.")
    assert only(text, Apple="ORG", iPhone="PRODUCT")[:3] == ("7%", "Apple", "share price change")


def test_its_profit_at_the_start_of_an_article_is_the_article_s_company():
    text = ("Its profit for 2004 reached $3.4 billion. Time Warner owns CNN. Time Warner also owns HBO.")
    assert only(text, Time_Warner="ORG")[:4] == ("$3.4 billion", "Time Warner", "net profit", "2004")


def test_a_name_after_while_owns_its_clause_even_when_unknown():
    text = "The NASDAQ index has fallen by 3.16% to 2138.14, while the Dax was 1.75% lower."
    assert [figure for figure, *_ in claims(text, NASDAQ="INDEX")] == ["3.16%", "2138.14"]


def test_an_apposition_s_name_does_not_own_the_verb():
    text = "Chip tester Advantest, a supplier to Nvidia, lost 10% on Tuesday."
    assert only(text, Advantest="ORG", Nvidia="ORG")[1] == "Advantest"


def test_a_drop_in_free_cash_flow_is_not_a_share_price_change():
    text = "Meta faces projections, with analysts anticipating a 90% drop in free cash flow."
    assert only(text, Meta="ORG")[2] == "free cash flow change"


# --- boilerplate and headlines -----------------------------------------------------------------------------------

def test_boilerplate_and_headlines_of_other_stories_never_feed_the_ledger():
    text = ("Acme Corp made a net profit of $6 billion in 2004.\n"
            "Acme Corp Profit Jumps To $9 Billion On Strong Sales\n"
            "Related: Acme Corp profit of $12 billion in 2004")
    blocks = paragraphs(text)
    blocks[2] = Block("boilerplate", blocks[2].start, blocks[2].end)
    mentions = mentions_of(text, {"Acme Corp": "ORG"})
    _, found = derive_ledger(text, blocks, split_sentences(text, blocks), mentions)
    assert [text[c.start : c.end] for c in found] == ["$6 billion"]
