"""Attribution forms that name the speaker beside a verb of saying in a less common place: a parenthetical "as X
put it", a court's ruling verb, ", and" opening a verb's own clause. One rule per test, on hand-written
paragraphs."""

from tests.ledger.test_quote_speakers import quotes_of


def test_a_parenthetical_as_x_put_it_names_the_speaker_of_the_quote_before():
    text = ('The Supreme Court overturned the convictions. For four days the county office "ground to a halt '
            'and stayed shut" — as the Supreme Court decision put it — after the vote.\n'
            'Ann Lee, a senator from Ohio, spoke next. The plan leaves farmers "worse off than they were in the 1930s" '
            'as Lee put it.\n'
            'Tom Hale spoke at noon. The crowd was "louder than any crowd I have ever heard" as police arrived.')
    entities = (("Supreme Court", "ORG", 0), ("Supreme Court", "ORG", 1), ("Ann Lee", "PERSON", 0),
                ("Ohio", "PLACE", 0), ("Lee", "PERSON", 1), ("Tom Hale", "PERSON", 0))
    assert [speaker for _, speaker in quotes_of(text, *entities)] == ["Supreme Court", "Ann Lee", None]


def test_a_courts_ruling_verb_quotes_its_judgment_but_the_same_verb_after_researchers_does_not():
    text = ('The Supreme Court heard the appeal in May. The court held that the law "cannot be applied to people '
            'born before 1990."\n'
            'The High Court sat on Friday. The court found the minister\'s decision "was taken without any lawful '
            'basis at all."\n'
            'Researchers at Leeds University found that the drug "cut the risk of a second stroke by half."')
    entities = (("Supreme Court", "ORG", 0), ("High Court", "ORG", 0), ("Leeds University", "ORG", 0))
    assert [speaker for _, speaker in quotes_of(text, *entities)] == ["Supreme Court", "High Court", None]


def test_and_after_a_clause_then_a_name_and_its_verb_opens_the_verbs_own_clause_but_a_list_of_names_does_not():
    text = ('The owner, Tom Hale, bought the hall in 2001. The manager, Dan Cole, called it a mistake.\n'
            'The Hales mentioned staffing problems, something Cole recognised, and Mr Hale had said they meant to '
            '"restore the hall to its former glory."\n'
            'Ann Reed, Joe Park, and Dan Cole said the plan "will not survive the winter at all."')
    entities = (("Tom Hale", "PERSON", 0), ("Dan Cole", "PERSON", 0), ("Cole", "PERSON", 1), ("Hale", "PERSON", 2),
                ("Ann Reed", "PERSON", 0), ("Joe Park", "PERSON", 0), ("Dan Cole", "PERSON", 1))
    assert [speaker for _, speaker in quotes_of(text, *entities)] == ["Tom Hale", "Ann Reed"]
