"""Person speakers on real news' harder patterns: one rule per test, on hand-written paragraphs."""

from tests.ledger.test_quote_speakers import quotes_of
from tests.ledger.test_speaker_name_forms import speakers


def test_a_period_after_the_closing_mark_ends_the_sentence_so_the_next_one_is_no_attribution():
    text = ('Tom Hale called on his neighbours to join, adding "We call on any other town that wishes to join us". '
            'In Leeds, the ruling Green Party hailed the plan as a victory.')
    found = quotes_of(text, ("Tom Hale", "PERSON", 0), ("Green Party", "ORG", 0))
    assert found == [("We call on any other town that wishes to join us", "Tom Hale")]


def test_the_speaker_is_named_in_the_clause_of_the_verb_not_an_earlier_one():
    text = ('Ana Ruiz called the fire an "unusual" case; Ben Cole said "It is hard to say what went wrong".\n'
            'Sam Ford told the radio the mayor "was a great man and a friend," while Governor Rita Gomez noted '
            'his "strength, passion and wisdom" on Twitter.')
    people = [(name, "PERSON", 0) for name in ("Ana Ruiz", "Ben Cole", "Sam Ford", "Rita Gomez")]
    assert quotes_of(text, *people) == [("It is hard to say what went wrong", "Ben Cole"),
                                        ("was a great man and a friend", "Sam Ford"),
                                        ("strength, passion and wisdom", "Rita Gomez")]


def test_a_quoted_name_after_a_preposition_does_not_open_a_split_quote():
    text = ('Calling it "just another apology", Ana Ruiz of "Have no fear", a victims\' charity, told Reuters "it '
            'almost appears as if the statement was written before the film".')
    found = quotes_of(text, ("Ana Ruiz", "PERSON", 0))
    assert found == [("it almost appears as if the statement was written before the film", "Ana Ruiz")]


def test_a_source_named_by_a_pseudonym_or_only_a_given_name_is_named_so():
    text = ('"She is just trying to split the movement," said a protester using the pseudonym Katya.\n'
            '"The water came in at night," said a resident who gave her name only as Maria.\n'
            '"We will not go back to class," said a student.')
    assert [speaker for _, speaker in quotes_of(text)] == ["Katya", "Maria", None]


def test_a_five_letter_surname_misspelt_by_one_letter_is_the_person_named_before():
    text = ('Military spokesman Yahya Sarea said the drones hit the plant.\n'
            '"These attacks are our right, and our targets will keep expanding", Saree said.\n'
            '"We did not expect this at all", Sarto said.')
    found = quotes_of(text, ("Yahya Sarea", "PERSON", 0), ("Saree", "PERSON", 0), ("Sarto", "PERSON", 0))
    assert [speaker for _, speaker in found] == ["Yahya Sarea", "Sarto"]


def test_a_given_name_that_is_also_a_word_starts_the_name_the_extractor_cut():
    text = ('Jobs will stay as chairman. Art Levinson, a member of the board, adds, "Steve will serve Apple with his '
            'insight."\nThe magazine\'s editor, Rich Lowry, wrote: "This is the end of an era for the company."')
    found = quotes_of(text, ("Levinson", "PERSON", 0), ("Lowry", "PERSON", 0), ("Jobs", "PERSON", 0))
    assert [speaker for _, speaker in found] == ["Art Levinson", "Rich Lowry"]


def test_an_honorific_or_an_age_before_a_name_is_no_part_of_it():
    text = ('"Many schools will raise their fees," Mr. Tocca says.\n'
            'Fourteen-year-old Zoe, on the top deck, said "it felt like the roof was falling on us".')
    found = quotes_of(text, ("Mr. Tocca", "PERSON", 0), ("Zoe", "PERSON", 0))
    assert [speaker for _, speaker in found] == ["Tocca", "Zoe"]


def test_a_person_named_only_as_a_possessor_in_a_sentence_about_something_else_does_not_speak():
    text = 'The three-judge court found Tom Hale\'s advice to the Queen "was motivated by an improper purpose".'
    assert quotes_of(text, ("Tom Hale", "PERSON", 0)) == [("was motivated by an improper purpose", None)]


def test_the_subject_of_a_relative_clause_speaks_not_the_person_the_sentence_opens_with():
    text = ('President Ana Ruiz declined the offer after the leak of a recording in which someone, seemingly Tom '
            'Hale, says Ruiz "has a very primitive grasp of the economy."')
    found = quotes_of(text, ("Ana Ruiz", "PERSON", 0), ("Tom Hale", "PERSON", 0), ("Ruiz", "PERSON", 1))
    assert [speaker for _, speaker in found] == ["Tom Hale"]


def test_an_unattributed_quote_after_narrative_about_the_last_speaker_is_theirs_but_not_after_someone_else():
    text = ('"I went for accuracy over comfort," Ana Ruiz told Wikinews, a choice leaving her helpless. The costume '
            '"is very warm so I have to stay calm".\n'
            '"I am not a believer any more," Ana Ruiz told me. And then she\'s like, "You seem like a nice person."')
    found = quotes_of(text, ("Ana Ruiz", "PERSON", 0), ("Wikinews", "ORG", 0), ("Ana Ruiz", "PERSON", 1))
    assert [speaker for _, speaker in found] == ["Ana Ruiz", "Ana Ruiz", "Ana Ruiz", None]


def test_a_pronoun_skips_a_sentence_naming_people_only_after_prepositions():
    text = ('Emma Roe talked of being cast in a pilot. Faced with losing the character of Anya Jenkins, the producers '
            'made her a regular. "It was a good day," she recalls.\n'
            'Ana Ruiz spoke first. According to Rita Gomez, few people seek treatment. "Now that they come out cured," '
            'she told the press, "they will start trusting us."')
    people = ("Emma Roe", "Anya Jenkins", "Ana Ruiz", "Rita Gomez")
    found = quotes_of(text, *[(name, "PERSON", 0) for name in people])
    assert [speaker for _, speaker in found] == ["Emma Roe", "Rita Gomez"]


def test_analysts_at_a_company_and_a_narrators_mother_are_unnamed_sources():
    text = ('"The market will recover by spring," analysts at Goldman Sachs wrote in a note.\n'
            'Ana Ruiz grew up in Leeds. My mother told me, "Never give up on your town."')
    found = quotes_of(text, ("Goldman Sachs", "ORG", 0), ("Ana Ruiz", "PERSON", 0))
    assert [speaker for _, speaker in found] == [None, None]


def test_the_star_is_the_public_figure_named_before_unless_one_was_introduced_unnamed():
    text = ('Actor Tom Hale arrived at the premiere on Friday. "I love this city and its people," the star said.\n'
            'Ana Ruiz presented the awards. A young player collapsed on stage. "I could not breathe at all," the '
            'player said.')
    found = quotes_of(text, ("Tom Hale", "PERSON", 0), ("Ana Ruiz", "PERSON", 0))
    assert [speaker for _, speaker in found] == ["Tom Hale", None]


def test_i_in_an_interview_answer_is_the_person_answering_not_the_interviewer():
    text = ('((WN)) How did your family react?\n'
            '((Jo Roe)) Badly at first. I called my mother.\n'
            'And I said, "You are not listening to me at all."\n'
            'I told my mom I was ill, and she\'s like "you need to pray a lot more".\n'
            '((WN)) And then I said, "Tell us more about that day."')
    assert [speaker for _, speaker in quotes_of(text, ("Jo Roe", "PERSON", 0))] == ["Jo Roe", None, None]


def test_a_surname_alone_after_the_full_name_is_the_person_though_a_company_bears_it():
    text = ('Former governor Lisa Ford left the race on Wednesday.\n'
            'On the same day, Ford endorsed her former rival, Ann Hale. "Three months ago," she said, "I entered '
            'this race to win it."')
    assert speakers(text) == ["Lisa Ford"]


def test_a_surname_stays_a_company_when_the_article_names_the_company_in_words_of_its_own():
    text = ('Lisa Ford founded a bakery in 1990. The Ford Motor Company cut its forecast on Monday.\n'
            'Ford said it "expects sales to fall by a tenth this year".')
    assert speakers(text) == ["Ford Motor Company"]


def test_a_sentence_after_a_closed_quote_that_runs_into_its_own_quote_after_a_colon_introduces_that_one():
    text = ('Mayor Ann Lee said "Tom was the bravest of our firefighters and a friend to all of us". Former chief '
            'Ben Cole responded to the death of Hale with a long post on his own blog: "We have lost a great man."')
    found = quotes_of(text, ("Ann Lee", "PERSON", 0), ("Ben Cole", "PERSON", 0), ("Hale", "PERSON", 0))
    assert [speaker for _, speaker in found] == ["Ann Lee", "Ben Cole"]


def test_he_opening_a_sentence_goes_on_with_the_subject_of_the_last_main_clause_before_it():
    text = ('Mayor Ann Lee said the fire was a "terrible loss for the town" while Fire Chief Tom Hale wrote that he '
            'had ordered checks on every hall. He tweeted, "We will find out how this happened and who let it."\n'
            'Councillor Ben Cole praised the crews; Sam Ford said he would pay for the repairs. He added, "The hall '
            'will open again before the winter comes."')
    people = [(name, "PERSON", 0) for name in ("Ann Lee", "Tom Hale", "Ben Cole", "Sam Ford")]
    found = quotes_of(text, *people)
    assert [speaker for _, speaker in found] == ["Ann Lee", "Tom Hale", "Sam Ford"]


def test_the_title_opening_a_main_clause_is_its_subject_not_the_person_of_the_clause_before_it():
    text = ('Prime Minister Ann Lee of Ruritania met the press on Monday.\n'
            'After Deputy Prime Minister and Minister of Finance Tom Hale failed to buy enough test kits, the Prime '
            'Minister apologised to the nation for "having such a fool in charge of the money."')
    assert speakers(text) == ["Ann Lee"]


def test_a_vice_or_deputy_holds_no_title_of_the_office_itself():
    text = ('President Ana Ruiz spoke in the morning.\n'
            'Vice President Tom Hale opened the new bridge at noon. "This bridge joins two towns that were never '
            'apart," the president said in the evening.')
    assert speakers(text) == ["Ana Ruiz"]


def test_a_title_run_into_the_name_mention_names_the_person_the_title_points_to():
    text = ('President Ana Ruiz opened the session on Friday, and her rival Tom Hale walked out of it.\n'
            'The decree signed by the president read "Every school shall open its doors to every child of the town."')
    found = quotes_of(text, ("President Ana Ruiz", "PERSON", 0), ("Tom Hale", "PERSON", 0))
    assert [speaker for _, speaker in found] == ["Ana Ruiz"]


def test_a_verb_in_an_aside_between_dashes_is_not_the_attribution():
    text = ('On Monday Mayor Ann Lee said — as reported by the Leeds Post — "We will rebuild the hall before the '
            'winter comes."')
    found = quotes_of(text, ("Ann Lee", "PERSON", 0), ("Leeds Post", "ORG", 0))
    assert [speaker for _, speaker in found] == ["Ann Lee"]
