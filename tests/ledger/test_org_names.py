"""Organisations that speak, found and named from the article's own text by the whole extractor (entities, then
quotes): one rule per test, on hand-written paragraphs."""

from store.extract import extract
from store.extract.quotes import find_quotes
from tests.ledger.helpers import paragraphs


def speakers(text: str) -> list[tuple[str, str | None]]:
    """``(quote text, speaker)`` of every quote, the entities found by the extractor itself."""
    return [(q.text, q.speaker) for q in find_quotes(text, paragraphs(text), extract(text))]


def entities(text: str) -> dict[str, str]:
    """Entity text → label."""
    return {m.text: m.label for m in extract(text) if m.kind == "entity"}


def test_a_company_named_by_a_word_opening_a_sentence_before_said_is_the_speaker():
    text = ('Google said on Monday it would appeal the fine. "We will keep building products people love," the '
            'company said.\n'
            'Apple pie sold well at the fair.')
    assert speakers(text) == [("We will keep building products people love", "Google")]
    assert entities(text) == {"Google": "ORG"}


def test_a_one_word_name_no_list_of_peoples_names_holds_is_an_organisation_before_a_verb_of_saying():
    text = ('Zylotech said on Tuesday that hackers had stolen no data. The breach was found by Jane Okonkwo. "Our '
            'systems are safe and our customers are protected," the company said. "We were never told," she said.\n'
            'Okonkwo said "the breach was far worse than admitted."')
    assert speakers(text) == [("Our systems are safe and our customers are protected", "Zylotech"),
                              ("We were never told", "Jane Okonkwo"),
                              ("the breach was far worse than admitted.", "Jane Okonkwo")]
    assert entities(text) == {"Zylotech": "ORG", "Jane Okonkwo": "PERSON", "Okonkwo": "PERSON"}


def test_a_name_whose_own_verb_is_followed_by_its_is_an_organisation():
    text = ('Frobnix has cut its forecast for the year. The warning came after a report by Jane Okonkwo, an analyst. '
            '"Demand for our chips fell in every region," the company said.\n'
            'Tom Hale praised its work. Hale said "the forecast was honest."')
    assert speakers(text) == [("Demand for our chips fell in every region", "Frobnix"),
                              ("the forecast was honest.", "Tom Hale")]
    assert entities(text) == {"Frobnix": "ORG", "Jane Okonkwo": "PERSON", "Tom Hale": "PERSON", "Hale": "PERSON"}


def test_a_company_named_with_its_head_noun_is_one_name_even_opening_a_sentence():
    text = ('Apple Computer cut the price of its laptops on Monday. Analysts welcomed the cut made by Apple Computer.\n'
            'Four Navy ships sailed. Central Bank officials met on Friday.')
    assert entities(text) == {"Apple Computer": "ORG", "Central Bank": "ORG"}  # no "Four Navy"


def test_a_company_named_with_a_head_noun_opening_a_sentence_is_whole_and_speaks_through_a_report():
    text = ('Shares rose. Accredited Home Loan Lending fell. "The market is largely factoring in a recovery," said a '
            'report from Kotak Institutional Equities. Dick Clark Productions declined to comment.')
    assert speakers(text) == [("The market is largely factoring in a recovery", "Kotak Institutional Equities")]
    assert entities(text) == {"Accredited Home Loan Lending": "ORG", "Kotak Institutional Equities": "ORG",
                              "Dick Clark Productions": "ORG"}


def test_a_countrys_armed_forces_speak_under_the_name_the_article_gives():
    text = ('Two soldiers died in a crash in Afghanistan, the US military said in a statement on Wednesday. "The cause '
            'of the crash is under investigation," the statement said.\n'
            '"We hit the launch sites and nothing else," the Israeli army said on Monday.')
    assert speakers(text) == [("The cause of the crash is under investigation", "US military"),
                              ("We hit the launch sites and nothing else", "Israeli army")]


def test_they_after_an_organisation_taking_a_stand_is_the_organisation():
    text = ('Swift accused Big Machine Records of blocking her show.\n\n'
            'Big Machine Records have twice denied doing anything wrong.\n\n'
            '"At no point did we say she could not perform," they said in a statement.\n\n'
            'The company that runs the awards, Dick Clark Productions, denies that anything has been agreed.\n\n'
            '"Any final agreement needs to be made with her team," they said.\n\n'
            'Zylotech Inc fired two engineers on Monday. "We were never told why," they said.')
    assert speakers(text) == [("At no point did we say she could not perform", "Big Machine Records"),
                              ("Any final agreement needs to be made with her team", "Dick Clark Productions"),
                              ("We were never told why", None)]


def test_a_record_label_or_a_brokerage_is_an_organisation_noun():
    text = ('Swift left Big Machine Records in 2018, and Ana Ruiz joined her. "She was free to leave at any time," the '
            'label said.\n'
            'Kotak Securities cut its target. Its analyst Tom Hale left. "Prices have run ahead of earnings," the '
            'brokerage said.')
    assert [s for _, s in speakers(text)] == ["Big Machine Records", "Kotak Securities"]


def test_a_listed_name_inside_a_double_surname_is_part_of_the_persons_name():
    text = ('His editor Anna Nielsen Brandt met him at her office. "He gave away every penny he had," Anna Nielsen '
            'Brandt explained. Her husband, Paul Nielsen Brandt, agreed: "He could have had a bigger career."')
    assert speakers(text) == [("He gave away every penny he had", "Anna Nielsen Brandt"),
                              ("He could have had a bigger career.", "Paul Nielsen Brandt")]
    assert entities(text) == {"Anna Nielsen Brandt": "PERSON", "Paul Nielsen Brandt": "PERSON"}


def test_a_companys_short_name_speaks_under_the_full_name_first_given():
    text = ('Apple Computer cut the price of its laptops on Monday. "We want every student to own one," Apple said.\n'
            'Apple Corps sued Apple Computer in London. "Both companies have a right to the name," Apple said.')
    assert [s for _, s in speakers(text)] == ["Apple Computer", "Apple"]  # two companies so named: no guess
