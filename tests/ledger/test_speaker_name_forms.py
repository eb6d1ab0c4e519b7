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
            'The Vidal Sassoon Salon reopened. Sassoon said, "I never thought it would come back like this."')
    found = quotes_of(text, ("Ricardo Rosselló Nevares", "PERSON", 0), ("Rosselló", "PERSON", 1),
                      ("Vidal Sassoon Salon", "PERSON", 0), ("Sassoon", "PERSON", 1))
    assert [speaker for _, speaker in found] == ["Ricardo Rosselló Nevares", "Vidal Sassoon"]


def test_an_unlisted_given_name_before_a_listed_one_is_no_word_run_into_the_name():
    text = ('After the match, Hernan Dario Gomez, Panama coach, said, "I think we have learned a lot from today." '
            'Immunologist Kristian Andersen said, "The virus did not come from a laboratory at all."')
    assert speakers(text) == ["Hernan Dario Gomez", "Kristian Andersen"]


def test_a_given_name_before_a_surname_that_also_ends_holidays_is_a_person():
    text = ('US singer Doris Day died on Monday at her home in California.\n'
            'In a 2006 interview, Day said, "I have been through everything and I always came back up."')
    assert speakers(text) == ["Doris Day"]
    assert [(m.text, m.label) for m in extract(text) if m.text == "Doris Day"] == [("Doris Day", "PERSON")]


def test_two_surnames_said_without_the_given_names_are_the_person_named_in_full():
    text = ('Writer Mario Vargas Llosa spoke on Monday. "We must defend the freedom to write," Vargas Llosa said.\n'
            'Mexican President Andrés Manuel López Obrador visited. López Obrador said, "We want to work together."')
    assert speakers(text) == ["Mario Vargas Llosa", "Andrés Manuel López Obrador"]


def test_titles_joined_by_a_hyphen_and_police_ranks_are_no_part_of_a_name():
    text = ('WHO Director-General Tedros Adhanom Ghebreyesus said: "We will beat this virus together, all of us."\n'
            'Detective Chief Inspector Ann Smith led the inquiry. "We are appealing for witnesses to come forward," '
            'DCI Smith said.\n'
            'Carmaker General Motors spoke. "We will close four plants this year," General Motors said.')
    assert speakers(text) == ["Tedros Adhanom Ghebreyesus", "Ann Smith", "General Motors"]


def test_a_given_name_that_is_a_bills_name_before_a_particle_surname_is_a_person():
    text = 'Mayor Bill de Blasio said, "We will hold them accountable for all of this."'
    assert speakers(text) == ["Bill de Blasio"]


def test_a_surname_after_an_arabic_particle_said_alone_is_the_person_named_in_full():
    text = ('Saudi Foreign Minister Adel al-Jubeir spoke on Monday. "We will hold them accountable for all of '
            'this," Jubeir said.')
    assert speakers(text) == ["Adel al-Jubeir"]


def test_a_surname_that_is_also_a_word_said_alone_is_the_person_a_listed_given_name_named():
    text = ('Prime Minister Theresa May spoke on Monday. "We will leave the union on time," May said.\n'
            '"Nothing is agreed until everything is agreed," Mrs May said.')
    assert speakers(text) == ["Theresa May", "Theresa May"]


def test_a_nickname_the_article_gives_is_the_person_named_in_full_first():
    text = ('The novels of John M. Ford are back in print.\n'
            'John Milo Ford was born in Indiana in 1957. Everyone called him Mike.\n'
            '"I have a horror of being obvious," Mike wrote to a friend.\n'
            'Cherie Smith, known as Lucky, drew all day. "You have to work through the bad drawings," Lucky said.')
    assert speakers(text) == ["John M. Ford", "Cherie Smith"]
    assert [m.text for m in extract(text) if m.label == "PERSON" and "Ford" in m.text] == ["John M. Ford",
                                                                                           "John Milo Ford"]


def test_the_first_half_of_a_joined_surname_said_alone_is_the_person_named_in_full():
    text = 'Ana Ruiz-Lopez chaired the meeting. "We will publish every figure we have," Ruiz said.'
    assert speakers(text) == ["Ana Ruiz-Lopez"]


def test_ranks_shortened_with_a_period_are_no_sentence_end_nor_part_of_the_name():
    text = ('"The strike hit its target at dawn," said Maj. Gen. Tom Hale.\n'
            '"We are appealing for witnesses to come forward," said Det. Supt. Ann Cole.\n'
            '"We will pray for the families tonight," said the Rev. Jo Lane.\n'
            '"We will not accept a hard border," said Taoiseach Leo Varadkar.')
    assert speakers(text) == ["Tom Hale", "Ann Cole", "Jo Lane", "Leo Varadkar"]


def test_two_given_names_said_without_the_surname_are_the_person_named_first_in_full():
    text = ('Spanish coach Luis Enrique Martínez spoke on Monday. "We will fight for every ball," Luis Enrique '
            'said.\n'
            'Singer Doris Day died. Her series The Doris Day Show ran for years. "I have been through everything," '
            'Doris Day said.')
    assert speakers(text) == ["Luis Enrique Martínez", "Doris Day"]


def test_a_thai_surname_in_syllables_and_a_title_before_a_surname_completed_are_kept_and_dropped():
    text = ('Thai Prime Minister Prayut Chan-o-cha spoke on Monday. "We will hold the election next year," Prayut '
            'said.\n'
            'Pakistani Prime Minister Imran Khan spoke too. "We want peace with all our neighbours," Khan said.')
    assert speakers(text) == ["Prayut Chan-o-cha", "Imran Khan"]


def test_the_first_word_of_a_long_name_after_a_title_is_that_person_when_no_one_else_shares_it():
    text = ('Prime Minister Tuilaepa Sailele Malielegaoi spoke on Monday. Health Minister Ann Lee Reed was there.\n'
            'Prime Minister Tuilaepa called on "village councils, church leaders and mayors" to help.\n'
            'Tuilaepa said, "Every child on these islands must be vaccinated this week."')
    entities = (("Tuilaepa Sailele Malielegaoi", "PERSON", 0), ("Ann Lee Reed", "PERSON", 0),
                ("Tuilaepa", "PERSON", 1), ("Tuilaepa", "PERSON", 2))
    assert [speaker for _, speaker in quotes_of(text, *entities)] == ["Tuilaepa Sailele Malielegaoi"] * 2


def test_a_particle_surname_named_alone_before_does_not_cut_the_given_name_off():
    text = ('Yesterday, Ann de Groot, the mayor of Leiden, ended her campaign. De Groot made the announcement on '
            'radio.\nMayor de Groot spoke to reporters: "I have given all I can to this race, and it is not my time."')
    assert speakers(text) == ["Ann de Groot"]
