"""Which clause of the prose around a quote is its attribution, and whose subject speaks: a verb before a colon
points forward, a participial clause after a quote is narrative. One rule per test, on hand-written paragraphs."""

from tests.ledger.test_attribution_grammar import speakers_of
from tests.ledger.test_quote_speakers import quotes_of


def test_a_verb_of_saying_before_a_colon_introduces_what_follows_not_the_quote_before():
    text = ('Ann Lee, a doctor at the city hospital, said, "Most patients recover within a week." The hospital '
            'published the letter of Tom Hale, which reads: We thank the staff for their care.')
    people = [("Ann Lee", "PERSON", 0), ("Tom Hale", "PERSON", 0)]
    assert quotes_of(text, *people) == [("Most patients recover within a week.", "Ann Lee")]


def test_a_participial_clause_after_a_quote_is_narrative_and_the_head_clause_speaks():
    text = ('"The wells were dug near the shrines," said study author Ann Lee. She went on to add "The exceptions '
            'are met by the caves nearby," referring to caves with fresh water, and that some evidence suggests '
            'wells were dug there.')
    people = [("Ann Lee", "PERSON", 0)]
    assert [speaker for _, speaker in quotes_of(text, *people)] == ["Ann Lee", "Ann Lee"]


def test_a_participial_opener_before_a_named_subject_is_still_the_attribution():
    text = ('Tom Hale spoke first. "We will not close the plant this year," speaking to reporters on Monday, '
            'Ann Lee said.')
    people = [("Tom Hale", "PERSON", 0), ("Ann Lee", "PERSON", 0)]
    assert [speaker for _, speaker in quotes_of(text, *people)] == ["Ann Lee"]


def test_he_opening_the_verbs_clause_after_a_semicolon_is_the_speaker_of_the_clause_before():
    text = ('Tom Hale spoke on Monday. "We will find them," said Ann Lee, the defence secretary; she described the '
            'attack as a "cowardly act" and urged residents to "stay calm and stay home".')
    people = [("Tom Hale", "PERSON", 0), ("Ann Lee", "PERSON", 0)]
    assert [speaker for _, speaker in quotes_of(text, *people)] == ["Ann Lee", "Ann Lee"]


def test_a_name_after_the_pronoun_in_the_verbs_clause_is_its_object():
    text = ('Ann Lee wrote to the board in May. A later email by Lee offers a contrast, as she talks to finance '
            'director Tom Hale about the budget, saying, "Cut whatever you need to cut."')
    people = [("Ann Lee", "PERSON", 0), ("Tom Hale", "PERSON", 0)]
    assert [speaker for _, speaker in quotes_of(text, *people)] == ["Ann Lee"]


def test_a_document_by_someone_is_theirs_only_in_its_own_noun_phrase():
    text = ('Ann Lee runs the plant. A letter from Lee to the union says: "We will keep every job."\n'
            'Tom Hale spoke to the union. A later letter by the board made a promise, as he told Ann Lee '
            'about it, saying, "Nobody will be laid off this year."')
    people = [("Ann Lee", "PERSON", 0), ("Lee", "PERSON", 1), ("Tom Hale", "PERSON", 0), ("Ann Lee", "PERSON", 1)]
    assert [speaker for _, speaker in quotes_of(text, *people)] == ["Ann Lee", "Tom Hale"]


def test_the_holder_of_an_office_of_somewhere_no_one_was_named_with_is_unnamed():
    text = ('"It is completely unacceptable," said economy minister Tom Hale. The premier of the state of Bavaria '
            'remarked that "the company has behaved very badly towards us."\n'
            '"Warm water is attacking the ice," said study co-author Ann Lee. The Wooster professor added, "We do '
            'not know how much yet."')
    people = [("Tom Hale", "PERSON", 0), ("Bavaria", "PLACE", 0), ("Ann Lee", "PERSON", 0)]
    assert [speaker for _, speaker in quotes_of(text, *people)] == ["Tom Hale", None, "Ann Lee", "Ann Lee"]


def test_an_abbreviation_in_brackets_stands_for_the_words_before_it_not_for_a_person():
    text = ('Member of Parliament (MP) Ann Lee of the Labour Party added, "This is a deeply dangerous way to '
            'govern."\nConservative MP Tom Hale commented, "It would be an outrage if Parliament were shut."')
    mentions = [("MP", "PERSON", 0, "mp tom hale"), ("Ann Lee", "PERSON", 0, None),
                ("MP Tom Hale", "PERSON", 0, "mp tom hale")]
    assert speakers_of(text, *mentions) == ["Ann Lee", "Tom Hale"]


def test_a_quote_answering_a_question_about_someone_is_theirs():
    text = ('Ann Lee, an art student, skipped class to see the show. Why did she so badly want to attend? "It is '
            'Warhol, and he is a legend."')
    assert quotes_of(text, ("Ann Lee", "PERSON", 0)) == [("It is Warhol, and he is a legend.", "Ann Lee")]


def test_a_document_from_someone_in_the_clause_introducing_the_quote_is_theirs_not_who_passed_it_on():
    text = ('King Tom Hale spoke on Friday. The palace issued the following statement from the king: "Members of '
            'the royal family stay out of politics."\n'
            'The Coast Guard has announced an order by Admiral Ann Lee directing its units to "join the army in '
            'the pursuit of the attackers."')
    entities = [("Tom Hale", "PERSON", 0), ("Coast Guard", "ORG", 0), ("Ann Lee", "PERSON", 0)]
    assert [speaker for _, speaker in quotes_of(text, *entities)] == ["Tom Hale", "Ann Lee"]


def test_who_quotes_someone_as_saying_is_not_the_speaker():
    text = ('The Senate met on Monday. GovExec.com quotes a "Senate aide" as saying: "The bill ignores every '
            'analysis of the alternatives."')
    entities = [("Senate", "ORG", 0), ("GovExec.com", "ORG", 0), ("Senate", "ORG", 1)]
    assert [speaker for _, speaker in quotes_of(text, *entities)] == [None]


def test_what_someone_known_by_a_title_wrote_is_theirs():
    text = ('Judge Ann Lee ruled on Friday that the draft is unconstitutional. Part of the judge\'s statement reads '
            '"the average woman could be better suited for some combat roles than the average man."')
    assert [speaker for _, speaker in quotes_of(text, ("Ann Lee", "PERSON", 0))] == ["Ann Lee"]


def test_a_passive_verb_of_saying_names_no_speaker():
    text = ('Car sales fell in March. Sales in the United States are predicted to have dipped below nine million. '
            '"Makers are pulling every lever to attract buyers."')
    entities = [("United States", "PLACE", 0)]
    assert [speaker for _, speaker in quotes_of(text, *entities)] == [None]


def test_a_name_and_appositive_closing_the_sentence_after_a_handover_comma_left_out_the_verb():
    text = ('Sales fell again. "Makers are pulling every lever to attract buyers," Ann Lee, an analyst for Acme. '
            'Shares of Acme rose. "Nothing will change this year," Tom Hale, the chief executive, said.')
    people = [("Ann Lee", "PERSON", 0), ("Acme", "ORG", 0), ("Acme", "ORG", 1), ("Tom Hale", "PERSON", 0)]
    assert [speaker for _, speaker in quotes_of(text, *people)] == ["Ann Lee", "Tom Hale"]
