"""Organisations named by a pointer or a verb of their own kind, found by the whole extractor (entities, then
quotes): "They released a statement", a court that rules or finds, a court's decision with no issuer named."""

from tests.ledger.test_org_names import speakers


def test_they_releasing_a_statement_after_an_organisation_taking_a_stand_is_the_organisation():
    text = ('On Tuesday the European Federation of Rail Workers (EFRW) also criticized the plan. They released a '
            'statement which said, "The new timetable puts every passenger at risk."\n'
            'Zylotech Inc fired two engineers on Monday. They released a statement which said, "We were never told '
            'why we lost our jobs."')
    assert speakers(text) == [("The new timetable puts every passenger at risk.",
                               "European Federation of Rail Workers"),
                              ("We were never told why we lost our jobs.", None)]


def test_a_court_speaks_through_what_it_rules_or_finds():
    text = ('The Court of Appeal heard the case in March.\n'
            'The three-judge court found the minister\'s order "was made for an improper purpose and is void."\n'
            'The High Court of Northern Ireland and Wales also ruled on Friday, finding that the question was not one '
            'for judges: "We cannot decide what is a matter of politics alone."\n'
            'Police found the body of a hiker who had "gone out for a walk in the hills."')
    assert speakers(text) == [("was made for an improper purpose and is void.", "Court of Appeal"),
                              ("We cannot decide what is a matter of politics alone.",
                               "High Court of Northern Ireland and Wales"),
                              ("gone out for a walk in the hills.", None)]


def test_a_courts_decision_with_no_issuer_named_is_the_courts():
    text = ('The Supreme Court of Canada issued its ruling on Friday. The Supreme Court sits in Ottawa.\n'
            'The summary of the decision read in part: "The law was passed without the consent of the provinces."')
    assert speakers(text) == [("The law was passed without the consent of the provinces.",
                               "Supreme Court of Canada")]


def test_a_bodys_short_form_speaks_under_the_name_first_given_in_full():
    text = ('The Civil Defence Emergencies Ministry said the road was closed. The Civil Ministry has, in a statement, '
            'asked drivers to "stay at home until the snow has been cleared."\n'
            'The Disaster Situations Agency counted the damage. The Disasters Agency, in a statement, urged people to '
            '"keep away from the river banks until Monday."')
    assert speakers(text) == [("stay at home until the snow has been cleared.", "Civil Defence Emergencies Ministry"),
                              ("keep away from the river banks until Monday.", "Disaster Situations Agency")]


def test_as_x_put_it_after_a_quote_names_its_source():
    text = ('The Supreme Court of Canada heard the appeal. Traffic on the bridge "came to a standstill for hours" — as '
            'the Supreme Court decision put it — on four days in March.\n'
            'Ann Lee ran the depot. The lorries "were never going to arrive on time," as she put it.')
    assert speakers(text) == [("came to a standstill for hours", "Supreme Court of Canada"),
                              ("were never going to arrive on time", "Ann Lee")]
