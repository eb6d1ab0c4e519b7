"""Who said a quote, on real news' harder patterns: one rule per test, on hand-written paragraphs."""

from store.extract.quotes import find_quotes
from tests.ledger.helpers import mention, paragraphs


def quotes_of(text, *entities):
    """``(quote text, speaker)`` of every quote; ``entities`` are ``(text, label, nth)`` mentions."""
    mentions = sorted((mention(text, needle, label, nth=nth) for needle, label, nth in entities), key=lambda m: m.start)
    return [(q.text, q.speaker) for q in find_quotes(text, paragraphs(text), mentions)]


def test_a_participle_after_a_quote_is_narrative_not_a_split_quotes_attribution():
    text = ('Dan Moore said he was "deeply shocked", releasing a statement saying "The decision is a blow to '
            'every worker in the state."')
    assert quotes_of(text, ("Dan Moore", "PERSON", 0)) == [
        ("The decision is a blow to every worker in the state.", "Dan Moore")]


def test_what_follows_adding_is_what_was_added_not_who_added_it():
    text = ('The prosecutor, Ali Reza Karimi, said the men must face "murder and terrorism charges", adding Iran '
            'will pursue President Jack Stone even after he leaves office.')
    assert quotes_of(text, ("Ali Reza Karimi", "PERSON", 0), ("Jack Stone", "PERSON", 0)) == [
        ("murder and terrorism charges", "Ali Reza Karimi")]


def test_a_quote_running_into_its_attribution_without_a_comma_is_split_by_it():
    text = '"We stand ready to help" tweeted Mayor Ana Ruiz. "The bravery of the crews is incredible."'
    [(quote, speaker)] = quotes_of(text, ("Ana Ruiz", "PERSON", 0))
    assert quote == "We stand ready to help The bravery of the crews is incredible." and speaker == "Ana Ruiz"


def test_a_scare_quote_running_into_narrative_is_not_joined_to_the_next_quote():
    text = ('Ana Ruiz called the fire "truly crushing" and wrote "May God protect the families of the victims." '
            'Ben Cole described it as "a tragedy" and said "we will rebuild the whole street."')
    found = quotes_of(text, ("Ana Ruiz", "PERSON", 0), ("Ben Cole", "PERSON", 0))
    assert found == [("May God protect the families of the victims.", "Ana Ruiz"),
                     ("we will rebuild the whole street.", "Ben Cole")]


def test_less_common_verbs_of_saying_attribute_the_quote():
    text = ('"We are rolling out the first delivery airplane," enthused Sam Ford. "It is a huge day."\n'
            '"Harris can rest easy", Tom Hale opines, "she will not be blocked from office."')
    found = quotes_of(text, ("Sam Ford", "PERSON", 0), ("Tom Hale", "PERSON", 0))
    assert found == [("We are rolling out the first delivery airplane It is a huge day.", "Sam Ford"),
                     ("Harris can rest easy she will not be blocked from office.", "Tom Hale")]


def test_a_pronoun_after_a_quote_goes_to_the_person_whose_sentence_introduces_it():
    text = ("Rivals Lee Park and Kim Moss agreed on the dispute.\n"
            'Moss concurred: "We need to stop policing the world", she argued.\n'
            'A spokeswoman, Rita Gomez, said the state was disappointed: "While we await the ruling," she said, '
            '"we urge restraint."')
    people = ("Lee Park", "PERSON", 0), ("Kim Moss", "PERSON", 0), ("Moss", "PERSON", 1), ("Rita Gomez", "PERSON", 0)
    assert [s for _, s in quotes_of(text, *people)] == ["Kim Moss", "Rita Gomez"]


def test_a_person_named_after_the_verb_is_not_the_subject_a_pronoun_refers_to():
    text = ('Ivan Holt resigned on Monday. He said Olga Zeller is "a model of honesty for me"; however, "to remove '
            'any doubts I wrote a resignation letter", he added.')
    found = quotes_of(text, ("Ivan Holt", "PERSON", 0), ("Olga Zeller", "PERSON", 0))
    assert found[-1] == ("to remove any doubts I wrote a resignation letter", "Ivan Holt")


def test_hyphenated_and_vice_titles_are_not_part_of_the_name():
    text = ('"I count on Turkey to act with restraint," tweeted Secretary-General Jens Lund.\n'
            '"We will not allow it to happen again," said Vice President Mia Sorensen.')
    people = ("Secretary-General Jens Lund", "PERSON", 0), ("Vice President Mia Sorensen", "PERSON", 0)
    assert [s for _, s in quotes_of(text, *people)] == ["Jens Lund", "Mia Sorensen"]


def test_the_spokesperson_after_an_unnamed_one_stays_unnamed():
    text = ('President Jack Stone asked for the arrests.\n'
            '"We will not intervene in political cases," an Interpol spokesperson stated. The spokesperson added '
            'that they "would not consider requests of this nature".')
    assert [s for _, s in quotes_of(text, ("Jack Stone", "PERSON", 0))] == [None, None]


def test_the_title_named_in_apposition_is_the_speaker():
    text = ('Marchers left Hyde Park Corner at noon.\n'
            'The mayor of London, Sadiq Khan, tweeted, "Thousands have come together to send a clear message."\n'
            'The mayor of Paris, Anne Hidalgo, thanked "the emergency services for their swift response".')
    found = quotes_of(text, ("Hyde Park Corner", "PERSON", 0), ("Sadiq Khan", "PLACE", 0))
    assert [s for _, s in found] == ["Sadiq Khan", "Anne Hidalgo"]


def test_an_office_speaks_under_its_full_name():
    text = ('Eyewitness Vinnie Dee said the crash was loud.\n'
            'The Alachua Sheriff\'s Office tweeted the response "required all hands on deck."\n'
            'The California Department of Corrections and Rehabilitation (CDCR) did not name him. The Department '
            'issued a statement: "There was an assault on an inmate on Friday."')
    entities = ("Vinnie Dee", "PERSON", 0), ("Alachua Sheriff", "ORG", 0), \
        ("California Department of Corrections", "ORG", 0)
    assert [s for _, s in quotes_of(text, *entities)] == [
        "Alachua Sheriff's Office", "California Department of Corrections and Rehabilitation"]


def test_a_source_quoting_someone_as_saying_is_not_the_speaker():
    text = ('The European Union banned the airlines.\n'
            '"We do not need to buy aircraft from Europe," Detik.com quoted Jusman Djamal as saying.')
    found = quotes_of(text, ("European Union", "ORG", 0), ("Jusman Djamal", "PERSON", 0))
    assert found == [("We do not need to buy aircraft from Europe", "Jusman Djamal")]


def test_in_a_statement_is_not_an_unnamed_source_but_one_poster_is():
    text = ('The Emergencies Ministry has, in a statement, called on drivers to "not forget that lives depend on '
            'you."\nCritics attacked the Church of Scientology website, with one poster writing "How can people look '
            'at both sides?"')
    found = quotes_of(text, ("Emergencies Ministry", "ORG", 0), ("Church of Scientology", "ORG", 0))
    assert [s for _, s in found] == ["Emergencies Ministry", None]


def test_a_given_name_and_surname_taken_as_two_mentions_speak_as_one_name():
    text = (
        'Former First Lady Michelle Obama gave the keynote, urging viewers, "we have got to vote like our lives depend '
        'on it."'
    )
    found = quotes_of(text, ("Michelle", "PERSON", 0), ("Obama", "PERSON", 0))
    assert [s for _, s in found] == ["Michelle Obama"]


def test_a_sentence_opening_with_he_introduces_its_antecedent_not_the_person_it_names():
    text = ('Dan Rich had his own opinion on the matter. He provided the text of a message he sent to AIP vice '
            'chairman Mark Stein:\n"Please let Rocky know that if he runs with the unstable candidate we are done."')
    found = quotes_of(text, ("Dan Rich", "PERSON", 0), ("Mark Stein", "PERSON", 0))
    assert [s for _, s in found] == ["Dan Rich"]


def test_in_a_relative_clause_the_speaker_is_its_own_subject_unless_it_is_an_aside():
    text = ('Gloria Vale wrote the 2009 novel Obsession, which the New York Times called "the steamiest book ever '
            'written."\n'
            'Speaker John Berry commented on the matter — which the BBC noted as unusual — "However it is dressed up, '
            'the purpose is obvious."')
    entities = (
        ("Gloria Vale", "PERSON", 0), ("New York Times", "ORG", 0), ("John Berry", "PERSON", 0), ("BBC", "ORG", 0)
    )
    assert [s for _, s in quotes_of(text, *entities)] == ["New York Times", "John Berry"]


def test_an_unattributed_quote_after_the_attribution_of_the_one_before_continues_it():
    text = ('"Who is so stupid to steal a toilet?" wrote Mauro Catta, the artist, in an e-mail to the Times. '
            '"I had forgotten that it was made out of gold."')
    found = quotes_of(text, ("Mauro Catta", "PERSON", 0), ("Times", "ORG", 0))
    assert found == [("Who is so stupid to steal a toilet? I had forgotten that it was made out of gold.",
                      "Mauro Catta")]


def test_a_lone_capitalised_subject_of_a_verb_of_saying_is_a_surname():
    text = ('"Everybody knows his name, even people who never go to museums", Water said.\n'
            'Wasif suggested, in all likelihood, "next to each temple there was a lake or a wetland."\n'
            'Police said "the road will stay closed for the whole night."')
    assert [s for _, s in quotes_of(text)] == ["Water", "Wasif", None]


def test_a_name_in_apposition_to_a_title_is_a_person_whatever_its_label():
    text = ('Sebastian Vlad runs the ministry.\n'
            'The vice president of Dacia, Constantin Stroe, said that the price is not important. "It is important '
            'to have the factory working soon", he added.')
    found = quotes_of(text, ("Sebastian Vlad", "PERSON", 0), ("Constantin Stroe", "ORG", 0))
    assert [s for _, s in found] == ["Constantin Stroe"]


def test_a_long_attribution_sentence_between_two_quotes_carries_over():
    text = ('"We are seeing a new process, where warm water cuts in from below," said study co-author Ted Scambos of '
            'CU Boulder\'s Cooperative Institute for Research in Environmental Sciences (CIRES). "Like scoring a plate '
            'of glass, the trough renders the shelf weak."')
    assert [s for _, s in quotes_of(text, ("Ted Scambos", "PERSON", 0))] == ["Ted Scambos", "Ted Scambos"]


def test_a_missed_name_at_the_end_of_a_long_title_even_when_its_surname_is_a_word():
    text = ('"Stripes may dazzle flies once they are close enough to see them[,]" said study co-author and Royal '
            'Society University Research Fellow Martin How.\n'
            'Senator Mary A. Murray of Washington said "we are shocked by the decision of the Air Force."')
    assert [s for _, s in quotes_of(text)] == ["Martin How", "Mary A. Murray"]


def test_initials_like_dc_and_phd_do_not_end_the_sentence_naming_the_speaker():
    text = ('After Jane Biden won, Tom Trump issued a statement at his club outside Washington, D.C. saying, '
            '"The simple fact is this election is far from over."\n'
            'Lead author Daniel Paluh, a Ph.D. candidate at the University of Florida, said, "Frogs may look similar '
            'from the outside."')
    entities = ("Jane Biden", "PERSON", 0), ("Tom Trump", "PERSON", 0), ("Daniel Paluh", "PERSON", 0), \
        ("University of Florida", "ORG", 0)
    assert [s for _, s in quotes_of(text, *entities)] == ["Tom Trump", "Daniel Paluh"]


def test_a_person_in_a_clause_opening_the_sentence_is_not_the_speaker():
    text = ('Once, when Trump interjected, Biden said "Will you shut up, man?"\n'
            'Following the announcement of Biden\'s win, Trump said "this election is far from over."')
    found = quotes_of(text, ("Trump", "PERSON", 0), ("Biden", "PERSON", 0), ("Biden", "PERSON", 1),
                      ("Trump", "PERSON", 1))
    assert [s for _, s in found] == ["Biden", "Trump"]


def test_she_after_an_opening_phrase_is_the_subject_of_the_sentence_before_a_quote():
    text = ('Denise Crosby recalled her first season.\n'
            'Underwhelmed with her role, she left the series early. '
            '"This is not what I wanted to become an actor for."')
    assert [s for _, s in quotes_of(text, ("Denise Crosby", "PERSON", 0))] == ["Denise Crosby"]


def test_a_role_noun_goes_to_the_person_named_with_that_role_even_after_a_phrase_with_a():
    text = ('The plan was criticised by archbishop Jorge Scheinig. Calling it a "culture of death" the archbishop '
            'said "We need to pray so that life is strong."\n'
            'Actress Denise Crosby spoke on Friday. The actress recalled when they were the "scrappy little '
            'stepchild of the lot."')
    found = quotes_of(text, ("Jorge Scheinig", "PERSON", 0), ("Denise Crosby", "PERSON", 0))
    assert [s for _, s in found] == ["Jorge Scheinig", "Denise Crosby"]


def test_a_family_noun_goes_to_the_parents_named_together_sharing_one_surname():
    text = ('David and Louise Turpin were arrested on Sunday. The couple have thirteen children.\n'
            '"We did not know anything about it," the father said.')
    assert [s for _, s in quotes_of(text, ("David", "PERSON", 0), ("Louise Turpin", "PERSON", 0))] == ["David Turpin"]


def test_a_role_noun_no_one_was_named_with_stays_unnamed():
    text = ('Anna Bell was on the bus on Monday. The driver said "I could not see the bridge at all."\n'
            'A spokesman for the company said "We are looking into the matter now."')
    assert [s for _, s in quotes_of(text, ("Anna Bell", "PERSON", 0))] == [None, None]


def test_a_surname_speaks_for_the_full_name_with_its_generational_suffix():
    text = ('Robert Downey Jr. attended the premiere on Monday.\n'
            '"I love this city so much and its people," Downey said.')
    assert [s for _, s in quotes_of(text, ("Robert Downey Jr.", "PERSON", 0))] == ["Robert Downey Jr."]


def test_a_surname_misspelt_where_it_speaks_goes_to_the_person_named_alike():
    text = ('Analyst Dennis DesRosier believes the plant will close. DesRoiser said, "The plant is old, the '
            'product is old."')
    found = quotes_of(text, ("Dennis DesRosier", "PERSON", 0), ("DesRoiser", "ORG", 0))
    assert [s for _, s in found] == ["Dennis DesRosier"]


def test_a_place_with_a_given_name_in_it_is_no_speaker():
    text = '"This is the worst-case scenario you can have," said Santa Barbara County Sheriff Bill Brown. "It is sad."'
    found = quotes_of(text, ("Santa Barbara County", "PLACE", 0), ("Bill Brown", "PERSON", 0))
    assert [s for _, s in found] == ["Bill Brown"]


def test_she_after_a_sentence_opening_with_an_unnamed_person_is_that_person():
    text = ('Prosecutor Kama Melly said the men were "ripe for manipulation by everyone around them".\n'
            'One of the victims decided to speak. She said she wanted to show "there is nothing to be ashamed of".\n'
            'Ana Ruiz was named head of the inquiry. The head of the inquiry spoke to the court on Monday. She '
            'also said "I regret we were not called in time."\n'
            'The driver of the bus spoke to the court on Tuesday. She said "I could not see the bridge at all."')
    found = quotes_of(text, ("Kama Melly", "PERSON", 0), ("Ana Ruiz", "PERSON", 0))
    assert [s for _, s in found] == ["Kama Melly", None, "Ana Ruiz", None]


def test_a_name_the_extractor_ran_into_a_title_and_called_an_organisation_speaks_at_the_verb():
    text = ('The European Commission welcomed the news and Commissioner for Competition Neelie Kroes said "the '
            'Commission is in favour of solutions like this."\n'
            'The European Central Bank said "We will do whatever it takes."')
    found = quotes_of(text, ("European Commission", "ORG", 0), ("Competition Neelie Kroes", "ORG", 0),
                      ("European Central Bank", "ORG", 0))
    assert [s for _, s in found] == ["Neelie Kroes", "European Central Bank"]


def test_the_end_of_a_name_the_extractor_left_off_belongs_to_the_speaker():
    text = ('"It clearly stimulates the economy," said William Clay Ford Jr., executive chairman of the firm.\n'
            'Civil Defense director General Suleiman al-Amr said "All the wounded have been taken to hospital."')
    found = quotes_of(text, ("William Clay", "PERSON", 0), ("Suleiman", "PERSON", 0))
    assert [s for _, s in found] == ["William Clay Ford Jr.", "Suleiman al-Amr"]


def test_a_quote_in_a_sentence_about_the_company_is_the_companys_not_a_person_named_in_passing():
    text = ('Hasbro hosted a panel on Friday. The company\'s new helmet is of Luke Skywalker\'s X-wing helmet, their '
            '"number one requested hero helmet by far."')
    found = quotes_of(text, ("Hasbro", "ORG", 0), ("Luke Skywalker", "PERSON", 0))
    assert [s for _, s in found] == ["Hasbro"]


def test_who_before_the_verb_makes_the_person_just_named_the_speaker():
    text = ('Tom Jones was praised by Mary Smith, who said "He is the finest singer of his generation."\n'
            'Tom Jones, who was praised by Mary Smith, said "She is the finest judge of singers."')
    found = quotes_of(text, ("Tom Jones", "PERSON", 0), ("Mary Smith", "PERSON", 0), ("Tom Jones", "PERSON", 1),
                      ("Mary Smith", "PERSON", 1))
    assert [s for _, s in found] == ["Mary Smith", "Tom Jones"]


def test_a_person_named_in_an_opening_participle_clause_is_not_the_speaker():
    text = ('Gregory Kurtzer founded the project.\n'
            'Saying Rocky Linux is for everyone, Kurtzer said he "will keep the project free of any company."\n'
            'According to a memo by Senator Juan Dalmau, the hearing was cancelled because Pierluisi did "not '
            'recognise the authority of the Senate."')
    people = ("Gregory Kurtzer", "PERSON", 0), ("Rocky", "PERSON", 0), ("Kurtzer", "PERSON", 1), \
        ("Juan Dalmau", "PERSON", 0), ("Pierluisi", "PERSON", 0)
    assert [s for _, s in quotes_of(text, *people)] == ["Gregory Kurtzer", "Juan Dalmau"]


def test_a_plural_title_is_nobody_a_pronoun_could_mean():
    text = ('One of the Vice Presidents, Rebecca Nyandeng, also commented on the death. She said "John Luk was '
            'very honest and hardworking."')
    found = quotes_of(text, ("Presidents", "PERSON", 0), ("Rebecca Nyandeng", "PERSON", 0))
    assert [s for _, s in found] == ["Rebecca Nyandeng"]


def test_a_surname_goes_to_the_full_name_without_the_title_run_into_it():
    text = ('Senate Minority Whip Dick Durbin questioned the plan on Friday.\n'
            'Durbin said "I can just tell you, I do not know what he is basing this on."')
    found = quotes_of(text, ("Minority Whip Dick Durbin", "OTHER", 0), ("Durbin", "PERSON", 0))
    assert [s for _, s in found] == ["Dick Durbin"]


def test_a_given_name_the_extractor_left_off_belongs_to_the_speaker():
    text = ('Judge Durham Hall QC said they "appear not to have shown any respect for the standards."\n'
            'Amnesty director Man-kei Tam said "This cannot change the fact that protests were suppressed."')
    found = quotes_of(text, ("Durham", "PLACE", 0), ("Hall QC", "PERSON", 0), ("Amnesty", "ORG", 0),
                      ("Tam", "PERSON", 0))
    assert [s for _, s in found] == ["Durham Hall", "Man-kei Tam"]


def test_a_pronoun_going_on_to_say_after_a_quote_is_the_last_subject():
    text = ('Mary Smith opened the meeting. Tom Reed, a builder, said "The plan is good for the town."\n'
            '"We will build every street of it in one year," he went on to say.')
    found = quotes_of(text, ("Mary Smith", "PERSON", 0), ("Tom Reed", "PERSON", 0))
    assert [s for _, s in found] == ["Tom Reed", "Tom Reed"]


def test_an_organisation_releasing_a_statement_speaks_it():
    text = ('Facebook released a statement which read, in part, "This judgment raises critical questions."\n'
            'But a spokesman said "We are looking into it right now."\n'
            '((WN)) Many users are calling it "The death of the whole project as we knew it."')
    assert [s for _, s in quotes_of(text, ("Facebook", "ORG", 0))] == ["Facebook", None, None]


def test_the_name_at_the_verb_after_its_role_is_the_speaker_not_the_name_before_the_role():
    text = ('Trump aide Jason Miller said "We will contest the result in every state."\n'
            'Tom Jones thanked Mary Smith and said "It was a pleasure to work with her team."')
    people = ("Trump", "PERSON", 0), ("Jason Miller", "PERSON", 0), ("Tom Jones", "PERSON", 0), \
        ("Mary Smith", "PERSON", 0)
    assert [s for _, s in quotes_of(text, *people)] == ["Jason Miller", "Tom Jones"]


def test_a_pronoun_speaks_when_every_person_in_the_sentence_is_named_in_passing():
    text = ('Ali Khamenei ordered three days of mourning. In his message, he praised Soleimani\'s life: "He was a '
            'stellar example for all of us."')
    found = quotes_of(text, ("Ali Khamenei", "PERSON", 0), ("Soleimani", "PERSON", 0))
    assert [s for _, s in found] == ["Ali Khamenei"]


def test_according_to_him_goes_to_the_person_he_is():
    text = ('Yahya Sarea spoke on Monday. According to him, it was done with the help of "honourable people '
            'inside the kingdom".')
    assert [s for _, s in quotes_of(text, ("Yahya Sarea", "PERSON", 0))] == ["Yahya Sarea"]


def test_a_possessors_relative_speaks_unnamed_not_the_possessor():
    text = ('Anna Starner knew Tom Hale well. At some point, Hale\'s late father told Starner that "the only way I '
            'know he is alive is that he cashes the checks."\n'
            '"He was brilliant from the very start," said Hale\'s aunt, Jane Roe.\n'
            'Dan Cole, Hale\'s editor at the press, said "He could have had a far more successful career."')
    people = ("Anna Starner", "PERSON", 0), ("Tom Hale", "PERSON", 0), ("Hale", "PERSON", 1), \
        ("Starner", "PERSON", 1), ("Hale", "PERSON", 2), ("Jane Roe", "PERSON", 0), ("Dan Cole", "PERSON", 0), \
        ("Hale", "PERSON", 3)
    assert [s for _, s in quotes_of(text, *people)] == [None, "Jane Roe", "Dan Cole"]


def test_his_doctor_is_unnamed_unless_named_with_that_noun():
    text = ('Tom Hale lived alone. "I never saw him again after that year at all," his doctor said.\n'
            'Ben Cole married his wife, Ana Cole, in 1990. "He never missed a single day of work," his wife said.\n'
            'Tom Hale was born in 1957. According to his aunt, Jane Roe, "He was reading at an adult level."')
    people = ("Tom Hale", "PERSON", 0), ("Ben Cole", "PERSON", 0), ("Ana Cole", "PERSON", 0), \
        ("Tom Hale", "PERSON", 1), ("Jane Roe", "PERSON", 0)
    assert [s for _, s in quotes_of(text, *people)] == [None, "Ana Cole", "Jane Roe"]


def test_the_man_is_unnamed_not_the_person_whose_sentence_has_him_as_object():
    text = ('Doctor Owen Dempsey treated the case. Dempsey told the man to remove the bedding from his home.\n'
            '"It does not affect me at all now and my life is back," the man wrote in a patient perspective.\n'
            'Police found a man, Tom Hale, on the roof. "I was only trying to fix the aerial," the man said.')
    people = ("Owen Dempsey", "PERSON", 0), ("Dempsey", "PERSON", 1), ("Tom Hale", "PERSON", 0)
    assert [s for _, s in quotes_of(text, *people)] == [None, "Tom Hale"]


def test_he_after_a_sentence_he_opens_goes_on_from_the_sentence_before_not_to_its_object():
    text = ('Tom Hale struggled with the book for years. On July 27, 2006, he emailed Ben Cole about how hard it '
            'was. "It is not exactly easy to write a chase into every chapter," he wrote.\n'
            'Jane Roe lives in Ohio. She gave me an email address for her sister, Martha Fry. "I cannot believe '
            'Martha would not want his books back in print," she said.\n'
            'Ben Cole arrived late. When he sat down, Tom Hale spoke first. "We have waited long enough for this," '
            'he said.')
    people = ("Tom Hale", "PERSON", 0), ("Ben Cole", "PERSON", 0), ("Jane Roe", "PERSON", 0), \
        ("Martha Fry", "PERSON", 0), ("Martha", "PERSON", 1), ("Ben Cole", "PERSON", 1), ("Tom Hale", "PERSON", 1)
    assert [s for _, s in quotes_of(text, *people)] == ["Tom Hale", "Jane Roe", "Tom Hale"]


def test_they_is_the_organisation_the_sentence_before_opens_with_and_no_one_when_people_are_named():
    text = ('Acme Records have twice denied doing anything wrong.\n'
            '"At no point did we block her special," they said in a statement.\n'
            'The company that runs the show, Dick Clark Productions, denies that anything has been sorted.\n'
            '"We have no further comment on this matter at all," they said.\n'
            'Her post got the attention of Ana Ruiz and Ben Cole.\n'
            '"This is what happens when big firms buy small ones," they said.')
    entities = ("Acme Records", "ORG", 0), ("Dick Clark Productions", "OTHER", 0), ("Ana Ruiz", "PERSON", 0), \
        ("Ben Cole", "PERSON", 0)
    assert [s for _, s in quotes_of(text, *entities)] == ["Acme Records", "Dick Clark Productions", None]


def test_she_opening_a_paragraph_after_a_sentence_about_an_unnamed_person_is_that_person():
    text = ('Prosecutor Kama Melly said the men were "ripe for manipulation by everyone around them". One of the '
            'victims decided to speak.\n\n'
            'She said she wanted to show "there is nothing to be ashamed of".')
    found = quotes_of(text, ("Kama Melly", "PERSON", 0))
    assert [s for _, s in found] == ["Kama Melly", None]
