"""Organisations and documents as the speakers of quotes: one rule per test, on hand-written paragraphs."""

from tests.ledger.test_quote_speakers import quotes_of


def test_a_statement_from_an_organisation_is_the_organisations():
    text = ('Toyota recalled 40,000 cars on Monday. A statement from Toyota read: "We apologise to every customer '
            'for the trouble."\n'
            '"The talks broke down after midnight on Friday," said a statement from the Ministry of Defence.\n'
            'According to a press release from Toyota, the recall "covers every car built in 2019 and 2020."')
    entities = ("Toyota", "ORG", 0), ("Toyota", "ORG", 1), ("Ministry of Defence", "ORG", 0), ("Toyota", "ORG", 2)
    assert [s for _, s in quotes_of(text, *entities)] == ["Toyota", "Ministry of Defence", "Toyota"]


def test_a_statement_on_the_companys_website_is_the_companys():
    text = ('Toyota Motor Corporation recalled 40,000 cars. A statement on the company\'s website said "We apologise '
            'to every customer for the trouble."')
    assert [s for _, s in quotes_of(text, ("Toyota Motor Corporation", "ORG", 0))] == ["Toyota Motor Corporation"]


def test_a_statement_from_a_named_spokesman_is_his_and_one_from_no_one_named_is_unnamed():
    text = ('Boeing declined to comment. A statement from Boeing spokesman William Barksdale said "The tanker is the '
            'best in the world."\n'
            'Ann Reed died on Monday. A statement from the family read: "She was a loving mother to all of us."')
    entities = ("Boeing", "ORG", 0), ("Boeing", "ORG", 1), ("William Barksdale", "PERSON", 0), ("Ann Reed", "PERSON", 0)
    assert [s for _, s in quotes_of(text, *entities)] == ["William Barksdale", None]


def test_a_verb_describing_the_statement_is_not_the_verb_of_saying():
    text = ('Amnesty International condemned the verdict. The group said in a statement posted online that the trial '
            '"was a travesty of justice from start to finish."')
    assert [s for _, s in quotes_of(text, ("Amnesty International", "ORG", 0))] == ["Amnesty International"]


def test_a_relative_clause_between_commas_before_the_verb_is_an_aside():
    text = 'Alphabet, which owns YouTube, said it "takes every report of abuse very seriously."'
    assert [s for _, s in quotes_of(text, ("Alphabet", "ORG", 0), ("YouTube", "ORG", 0))] == ["Alphabet"]


def test_an_organisation_speaks_under_the_name_with_the_place_the_article_first_gives_it():
    text = ('The United States Department of State criticised the move. "We are deeply concerned by the arrests," '
            'the State Department said.\n'
            'On Wednesday, the Supreme Court of Puerto Rico ruled against him. He was sworn in at the Supreme Court.\n'
            'The opinion of the Court read in part, "the oath of office as governor is unconstitutional."')
    entities = ("United States", "PLACE", 0), ("Department of State", "ORG", 0), ("State Department", "ORG", 0), \
        ("Supreme Court", "ORG", 0), ("Puerto Rico", "PLACE", 0), ("Supreme Court", "ORG", 1), ("Court", "ORG", 2)
    assert [s for _, s in quotes_of(text, *entities)] == [
        "United States Department of State", "Supreme Court of Puerto Rico"]


def test_a_place_after_a_preposition_is_no_part_of_the_organisations_name():
    text = 'Fans in Texas Rangers caps cheered. "We will review the footage," the Rangers said.'
    assert [s for _, s in quotes_of(text, ("Texas", "PLACE", 0), ("Rangers", "ORG", 0), ("Rangers", "ORG", 1))] == [
        "Rangers"]


def test_the_court_is_the_one_the_article_names_most_not_the_last_named_in_passing():
    text = ('The Court of Session ruled on Wednesday. The Court of Session is the highest civil court in Scotland; '
            'only the Supreme Court is higher.\n'
            'The court\'s summary concluded with the statement: "The Court will make an Order declaring it unlawful."')
    entities = ("Court of Session", "ORG", 0), ("Court of Session", "ORG", 1), ("Supreme Court", "ORG", 0)
    assert [s for _, s in quotes_of(text, *entities)] == ["Court of Session"]
