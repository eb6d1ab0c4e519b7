"""Entity recognition: the rules one by one, a hand-checked gold on the seeds, and any-text properties."""

from __future__ import annotations

import csv
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from store.extract.canonical import canonical_key
from store.extract.entities import find_entities

ROOT = Path(__file__).resolve().parents[2]
GOLD = Path(__file__).parent / "gold" / "seeds_entities.tsv"


def spans(text: str) -> dict[str, tuple[str, str]]:
    """Entity text -> (label, key) for a short text (last mention wins)."""
    return {m.text: (m.label, m.entity) for m in find_entities(text)}


def test_possessive_and_leading_the_stay_outside_spans():
    found = spans("The Federal Reserve raised rates while Nvidia's shares fell.")
    assert found["Federal Reserve"][0] == "ORG"
    assert "Nvidia" in found and "Nvidia's" not in found


def test_surname_after_full_name_is_the_same_person():
    mentions = find_entities("Jensen Huang spoke on Monday. Later, Huang said demand was strong.")
    keys = {m.text: m.entity for m in mentions if m.label == "PERSON"}
    assert keys["Huang"] == keys["Jensen Huang"]


def test_surname_of_unknown_person_is_joined_too():
    mentions = find_entities("Portfolio manager Ilse Vandermolen bought shares. Vandermolen expects more.")
    keys = [m.entity for m in mentions if m.label == "PERSON"]
    assert keys == ["ilse vandermolen", "ilse vandermolen"]


def test_spelling_variants_share_a_key():
    assert canonical_key("NVIDIA") == canonical_key("Nvidia") == canonical_key("Nvidia’s")
    assert canonical_key("Meta") == canonical_key("Meta Platforms") == canonical_key("Meta Platforms Inc.")
    found = spans("NVIDIA and Nvidia. Meta and Meta Platforms.")
    assert found["NVIDIA"][1] == found["Nvidia"][1]
    assert found["Meta"][1] == found["Meta Platforms"][1]


def test_ticker_only_after_its_known_company():
    found = spans("Apple (AAPL) rose, the report on corporate responsibility (CSR) did not.")
    assert found["AAPL"] == ("TICKER", canonical_key("Apple"))
    assert found.get("CSR", ("", ""))[0] != "TICKER"
    assert spans("Apple (MSFT) rose.").get("MSFT", ("", ""))[0] != "TICKER"


def test_cashtag_and_exchange_prefix_are_tickers():
    found = spans("Traders bought $TSLA and shares of Boeing (NYSE: BA) on Friday.")
    assert found["TSLA"][0] == "TICKER"
    assert found["BA"][0] == "TICKER"


def test_cue_words_type_unknown_names():
    found = spans("Shares fell, said analyst Orla Quennell. Zentrivo Inc. reported results.")
    assert found["Orla Quennell"][0] == "PERSON"
    assert found["Zentrivo Inc."][0] == "ORG"
    found = spans("Local chipmaker Quorvane raised prices in the city of Vellmoor.")
    assert found["Quorvane"][0] == "ORG"
    assert found["Vellmoor"][0] == "PLACE"


def test_job_title_before_a_name_stays_outside_the_person_span():
    found = spans("Morningstar's Chief Equity Strategist Orla Quennell pointed out that prices were high, and "
                  "Senior Portfolio Manager Xiu Brennagh agreed.")
    assert found["Orla Quennell"][0] == "PERSON"
    assert found["Xiu Brennagh"][0] == "PERSON"
    assert not any("Strategist" in name or "Manager" in name for name in found)
    found = spans("Shares of General Motors rose while Martin Luther King Jr was remembered in the city.")
    assert "General Motors" in found and "Martin Luther King Jr" in found


def test_a_title_alone_or_around_a_name_is_never_part_of_an_entity():
    found = spans("Stocks fell, and Orla Quennell, Chief Equity Strategist at Quellbridge, said the market was tired. "
                  "The firm's Head of Equity Research Tom Brennagh agreed, as Vellmoor Bank Chief Economist "
                  "Dara Folkestad warned in a note.")
    assert found["Orla Quennell"][0] == "PERSON"
    assert found["Tom Brennagh"][0] == "PERSON"
    assert found["Dara Folkestad"][0] == "PERSON"
    assert set(found) == {"Orla Quennell", "Quellbridge", "Tom Brennagh", "Vellmoor Bank", "Dara Folkestad"}


def test_a_name_introduced_with_a_role_or_speech_verb_keeps_all_its_parts():
    text = ("Stocks slid for a third session.\nJun Wei Tanaro, market strategist at Quellbridge, said the selling "
            "was overdone. The rally faded, Jan Lin Sorvesk told reporters on Tuesday.")
    found = spans(text)
    assert found["Jun Wei Tanaro"][0] == "PERSON"
    assert found["Jan Lin Sorvesk"][0] == "PERSON"
    assert "Wei Tanaro" not in found and "Lin Sorvesk" not in found
    assert "Jun" not in spans("Sales rose in Jun 2024 and again in Jul 2024, the company said.")


def test_a_coined_name_before_an_industry_head_word_is_a_company():
    found = spans("Shares of Ceajyn Pharma rose while Taivdi Materials fell, Sterskim Financial held and "
                  "Quaisdrind Logistics, Burkshoux Semiconductor and Pratbon AI gained.")
    for name in ("Ceajyn Pharma", "Taivdi Materials", "Sterskim Financial", "Quaisdrind Logistics",
                 "Burkshoux Semiconductor", "Pratbon AI"):
        assert found[name][0] == "ORG", name
    found = spans("Investors now prefer generative models, and the Generative AI boom keeps going.")
    assert not any(label == "ORG" for label, _ in found.values())


def test_a_preposition_opening_a_sentence_does_not_turn_a_city_into_a_name():
    found = spans("Stocks rose on Tuesday. In Milan, executives announced plans. At Austin, banks revised plans.")
    assert found == {"Milan": ("PLACE", "milan"), "Austin": ("PLACE", "austin")}


def test_model_codes_are_products():
    found = spans("It trained on the H800 and compared itself with GPT-4.")
    assert found["H800"][0] == "PRODUCT"
    assert found["GPT-4"][0] == "PRODUCT"


def test_ai_alone_is_not_an_entity_and_places_come_from_the_gazetteer():
    found = spans("AI stocks fell in the US and the EU. AI is everywhere in the U.S.")
    assert "AI" not in found
    assert found["US"][0] == "PLACE" and found["U.S."][0] == "PLACE"
    assert found["EU"][0] == "ORG"


def test_headline_words_are_not_names_unless_known():
    found = spans("Chip Stocks Take a Hit as Nvidia Slides\nNvidia fell 3% on Monday.")
    assert set(found) == {"Nvidia"}


def test_spans_never_cross_a_line_break():
    text = "Goldman\nSachs\nNew\nYork"
    assert all("\n" not in m.text for m in find_entities(text))


def test_seed_gold_scores():
    gold: dict[str, set] = {}
    with GOLD.open(encoding="utf-8") as handle:
        for row in csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t"):
            gold.setdefault(row[0], set()).add((int(row[1]), int(row[2]), row[3]))
    exact_hits = typed_hits = predicted_count = gold_count = 0
    for name, expected in gold.items():
        text = (ROOT / "seeds" / name).read_text(encoding="utf-8")
        mentions = find_entities(text)
        assert not any(m.text == "AI" for m in mentions)
        predicted = {(m.start, m.end, m.label) for m in mentions}
        exact_hits += len({p[:2] for p in predicted} & {g[:2] for g in expected})
        typed_hits += len(predicted & expected)
        predicted_count += len(predicted)
        gold_count += len(expected)

    def f1(hits):
        return 2 * hits / (predicted_count + gold_count)

    assert f1(exact_hits) >= 0.80
    assert f1(typed_hits) >= 0.65


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300)
       | st.lists(st.sampled_from(["Apple", "the", "Jensen", "Huang", "(AAPL)", "'s", "\n", "$TSLA", "U.S.",
                                   "of", "Bank", "İstanbul", "Inc.", ".", " ", "GPT-4", "“", "NYSE:"]))
       .map("".join))
def test_any_text_gives_valid_non_overlapping_spans(text):
    mentions = find_entities(text)
    last_end = -1
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text and "\n" not in m.text
        assert m.start >= last_end
        assert m.kind == "entity" and m.entity
        last_end = m.end
