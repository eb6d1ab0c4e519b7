"""A person speaks under the full name the article first gives, without titles: one rule per test, on
hand-written paragraphs (the mentions are cut as the extractor cuts them) or through the whole extractor."""

from store.extract import extract
from store.extract.quotes import find_quotes
from tests.ledger.helpers import paragraphs
from tests.ledger.test_quote_speakers import quotes_of


def speakers(text: str) -> list[str | None]:
    """The speakers the whole extractor gives the quotes of ``text``."""
    return [q.speaker for q in find_quotes(text, paragraphs(text), extract(text))]


def test_a_department_and_its_title_before_a_name_are_no_part_of_it():
    text = ('Deputy Defense Secretary Wolfowitz wrote in the record: "We intend to require competition for the '
            'whole contract."\n'
            'Civilian Undersecretary of the Navy for Supply Ann Ruddock: "I read the article with disgust and anger."')
    found = quotes_of(text, ("Defense Secretary Wolfowitz", "PERSON", 0), ("Undersecretary", "PERSON", 0),
                      ("Navy", "ORG", 0), ("Supply Ann Ruddock", "OTHER", 0))
    assert [speaker for _, speaker in found] == ["Wolfowitz", "Ann Ruddock"]


def test_an_irish_surname_whose_apostrophe_a_space_sets_apart_stays_whole():
    text = ('Airline chief Michael O\' Leary said, "The new aircraft has the best reliability in the fleet." '
            'Later Charles O \'Reilly, a professor, stated, "Great companies rarely go from strength to strength."')
    found = quotes_of(text, ("Michael O", "PERSON", 0), ("Leary", "PERSON", 0), ("Charles O", "PERSON", 0))
    assert [speaker for _, speaker in found] == ["Michael O' Leary", "Charles O 'Reilly"]


def test_an_unlisted_given_name_before_a_surname_taken_for_a_place_is_the_persons():
    text = 'Actor Denzel Washington, who paid for his studies, stated "He was a gentle soul and a brilliant artist."'
    found = quotes_of(text, ("Denzel", "PERSON", 0), ("Washington", "PLACE", 0))
    assert found == [("He was a gentle soul and a brilliant artist.", "Denzel Washington")]


def test_a_listed_given_name_taken_for_a_company_opens_the_name_after_it():
    text = ('The governor is to be replaced by Wanda Vázquez Garced, the justice secretary.\n'
            'In a statement, Vázquez said, "I understand he made the right decision for his family."')
    found = quotes_of(text, ("Wanda", "ORG", 0), ("Vázquez Garced", "PERSON", 0), ("Vázquez", "PERSON", 1))
    assert found == [("I understand he made the right decision for his family.", "Wanda Vázquez Garced")]


def test_the_first_of_two_surnames_alone_is_the_person_named_in_full():
    text = ('Governor Ricardo Rosselló Nevares resigned on Wednesday after two weeks of protests.\n'
            'Rosselló said, "Today I feel that to continue in this position is a difficulty."\n'
            'The talk show The Doris Day Show was repeated. Day said, "I never talked about his private life."')
    found = quotes_of(text, ("Ricardo Rosselló Nevares", "PERSON", 0), ("Rosselló", "PERSON", 1),
                      ("Doris Day Show", "PERSON", 0), ("Day", "PERSON", 1))
    assert [speaker for _, speaker in found] == ["Ricardo Rosselló Nevares", "Day"]


def test_an_unlisted_given_name_before_a_listed_one_is_no_word_run_into_the_name():
    text = ('After the match, Hernan Dario Gomez, Panama coach, said, "I think we have learned a lot from today." '
            'Immunologist Kristian Andersen said, "The virus did not come from a laboratory at all."')
    assert speakers(text) == ["Hernan Dario Gomez", "Kristian Andersen"]


def test_a_given_name_before_a_surname_that_also_ends_holidays_is_a_person():
    text = ('US singer Doris Day died on Monday at her home in California.\n'
            'In a 2006 interview, Day said, "I have been through everything and I always came back up."')
    assert speakers(text) == ["Doris Day"]
    assert [(m.text, m.label) for m in extract(text) if m.text == "Doris Day"] == [("Doris Day", "PERSON")]
