"""Pronouns and gendered nouns go to a person of their gender, read from the article itself: one rule per test,
on hand-written paragraphs."""

from store.extract.entities_public import given_genders
from store.extract.person_gender import FEMALE, MALE
from store.extract.quote_speakers import Speakers
from tests.ledger.helpers import mention
from tests.ledger.test_quote_speakers import quotes_of


def genders_of(text, *people):
    """Each named person's gender, as ``Speakers`` reads it from ``text``."""
    mentions = sorted((mention(text, name, "PERSON", entity=key, nth=nth) for name, key, nth in people),
                      key=lambda m: m.start)
    speakers = Speakers(text, mentions, [])
    return {m.entity: speakers.genders.of(m) for m in mentions}


def test_she_goes_to_the_woman_when_the_last_sentence_is_about_a_man():
    text = ('Ms Ana Ruiz met the mayor on Monday. Tom Hale spoke first about his budget.\n'
            '"We will not cut a single school," she said.')
    found = quotes_of(text, ("Ana Ruiz", "PERSON", 0), ("Tom Hale", "PERSON", 0))
    assert found == [("We will not cut a single school", "Ana Ruiz")]


def test_he_goes_to_the_man_when_the_last_sentence_is_about_a_woman():
    text = ('Mr Tom Hale runs the bakery. His daughter, Ana Ruiz, joined it in 2005 after she left school.\n'
            '"She knows the oven better than I do," he said.')
    found = quotes_of(text, ("Tom Hale", "PERSON", 0), ("Ana Ruiz", "PERSON", 0))
    assert [speaker for _, speaker in found] == ["Tom Hale"]


def test_the_mother_is_the_woman_of_a_couple_named_together():
    text = ('Dan Moore and his wife, Lisa Moore, lost their home in the flood.\n'
            '"We saved only the dog," the father said. "I cannot sleep at night," the mother said.')
    found = quotes_of(text, ("Dan Moore", "PERSON", 0), ("Lisa Moore", "PERSON", 0))
    assert found == [("We saved only the dog", "Dan Moore"), ("I cannot sleep at night", "Lisa Moore")]


def test_a_man_named_as_a_possessor_in_the_pronouns_own_sentence_is_the_speaker():
    text = ('Gloria was ill for months, and she worsened.\n'
            'Tom Hale\'s sister pleaded with him to see a doctor, but he replied "I am not able to do that".')
    found = quotes_of(text, ("Gloria", "PERSON", 0), ("Tom Hale", "PERSON", 0))
    assert found == [("I am not able to do that", "Tom Hale")]


def test_gender_comes_from_honorifics_gendered_nouns_and_his_or_her_beside_a_name():
    text = ('Actress Ana Ruiz arrived with Mr Tom Hale and Ben Cole, her husband. Rita Gomez, the mother of the '
            'bride, and Sir Ian Lee stayed at home with Jordan Ford. Jo Dunn and her son came late.')
    people = (("Ana Ruiz", "ruiz", 0), ("Tom Hale", "hale", 0), ("Ben Cole", "cole", 0), ("Rita Gomez", "gomez", 0),
              ("Ian Lee", "lee", 0), ("Jordan Ford", "ford", 0), ("Jo Dunn", "dunn", 0))
    assert genders_of(text, *people) == {"ruiz": FEMALE, "hale": MALE, "cole": MALE, "gomez": FEMALE,
                                         "lee": MALE, "ford": None, "dunn": FEMALE}


def test_pronouns_after_the_subject_of_a_sentence_tell_its_gender_not_those_after_an_object():
    text = ('Tom Hale was a reporter, and his paper sent him. He went in to marry Ana Ruiz. He never came out.\n'
            'Ana Ruiz waited outside. She called the police at noon.\n'
            'Sam Ford said he saw them. Kim Cole and Robin Gomez said she was there.\n'
            'A big crowd of people from the town and its suburbs welcomed Jamie Lee. He was the mayor.')
    people = (("Tom Hale", "hale", 0), ("Ana Ruiz", "ruiz", 0), ("Ana Ruiz", "ruiz", 1), ("Sam Ford", "ford", 0),
              ("Kim Cole", "cole", 0), ("Robin Gomez", "gomez", 0), ("Jamie Lee", "lee", 0))
    assert genders_of(text, *people) == {"hale": MALE, "ruiz": FEMALE, "ford": MALE, "cole": None, "gomez": None,
                                         "lee": None}


def test_an_interviews_speaker_label_gets_no_gender_from_the_answers_pronouns():
    text = "((Jordan Ruiz)) My brother was first. He questioned him about it.\n((WN)) And then?"
    assert genders_of(text, ("Jordan Ruiz", "ruiz", 0)) == {"ruiz": None}


def test_she_after_her_deputy_is_named_goes_to_the_woman_her_points_to():
    text = ('The company\'s founder, Ana Ruiz, stepped down on Monday. Her deputy, Tom Hale, takes over. '
            '"I am proud of what we built," she said.')
    found = quotes_of(text, ("Ana Ruiz", "PERSON", 0), ("Tom Hale", "PERSON", 0))
    assert [speaker for _, speaker in found] == ["Ana Ruiz"]


def test_a_given_name_the_census_finds_borne_by_one_sex_tells_a_gender_the_article_does_not():
    text = ('Ana Ruiz won the race in two hours. Tom Hale finished second. Jordan Cole was third.\n'
            'Sir Jordan Ford arrived late. Tom Ware and his wife, Ana Ware, left early.')
    people = (("Ana Ruiz", "ruiz", 0), ("Tom Hale", "hale", 0), ("Jordan Cole", "cole", 0), ("Jordan Ford", "ford", 0),
              ("Tom Ware", "tom ware", 0), ("Ana Ware", "ana ware", 0))
    assert genders_of(text, *people) == {"ruiz": FEMALE, "hale": MALE, "cole": None, "ford": MALE,
                                         "tom ware": MALE, "ana ware": FEMALE}
    text = 'Ana Ruiz won the race. Tom Hale finished second. She later told reporters: "I felt my body was flying."'
    found = quotes_of(text, ("Ana Ruiz", "PERSON", 0), ("Tom Hale", "PERSON", 0))
    assert [speaker for _, speaker in found] == ["Ana Ruiz"]


def test_the_census_list_keeps_names_one_sex_bears_and_leaves_shared_and_rare_ones_out():
    sexes = given_genders()
    assert {"Ana", "Mary", "Hillary"} <= sexes["female"] and {"Thomas", "Tom", "John"} <= sexes["male"]
    shared_or_rare = {"Jordan", "Kim", "Jean", "Yang", "Ma", "Li"}  # "Yang" and "Ma" are surnames written first
    assert not shared_or_rare & (sexes["female"] | sexes["male"])
