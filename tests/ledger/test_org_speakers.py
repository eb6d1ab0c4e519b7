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


def test_an_acronym_goes_to_the_organisation_whose_words_begin_with_its_letters():
    text = ('Singapore Airlines will be compensated by Airbus. In a statement, SIA said that, "The delays are '
            'disappointing for every one of our customers."')
    entities = ("Singapore Airlines", "ORG", 0), ("Airbus", "ORG", 0), ("SIA", "ORG", 0)
    assert [s for _, s in quotes_of(text, *entities)] == ["Singapore Airlines"]


def test_according_to_an_unnamed_group_is_unnamed_but_to_a_memo_by_someone_is_theirs():
    text = ('According to police and county officials, Jon Smith was driving "erratically and across the double-'
            'yellow center line" that night.\n'
            'According to a memo posted online by Senator Juan Dalmau, the Senate cancelled the hearing because '
            'Pierluisi did "not recognize the authority of the Senate".')
    entities = ("Jon Smith", "PERSON", 0), ("Juan Dalmau", "PERSON", 0), ("Senate", "ORG", 0), \
        ("Pierluisi", "PERSON", 0)
    assert [s for _, s in quotes_of(text, *entities)] == [None, "Juan Dalmau"]


def test_a_group_named_only_by_some_of_its_members_is_unnamed():
    text = ('Fifty former intelligence officials, including former CIA directors John Brennan and Leon Panetta, '
            'signed a letter saying the report "has all the classic earmarks of a Russian information operation."')
    assert [s for _, s in quotes_of(text, ("John Brennan", "PERSON", 0), ("Leon Panetta", "PERSON", 0))] == [None]


def test_a_post_from_a_persons_account_is_theirs():
    text = ('Joe Biden promised to pick a woman. A tweet sent from Biden\'s Twitter account during the debate '
            'repeated the promise, saying "My running mate will be a woman."')
    entities = ("Joe Biden", "PERSON", 0), ("Biden", "PERSON", 1), ("Twitter", "ORG", 0)
    assert [s for _, s in quotes_of(text, *entities)] == ["Joe Biden"]


def test_the_government_goes_to_the_fuller_form_the_article_first_gave_it():
    text = ('Pierre Nkurunziza died on Monday. The government of Burundi announced his death on Tuesday.\n'
            'The government statement, which was posted on Twitter, announced the death "with great sorrow to '
            'Burundians and the international community."\n'
            'The United States federal government owns most of GM. Fritz Henderson observed that the federal '
            'government had already stated to him that it had "no real interest in running our business" at all.')
    entities = ("Pierre Nkurunziza", "PERSON", 0), ("Burundi", "PLACE", 0), ("Twitter", "ORG", 0), \
        ("United States", "PLACE", 0), ("GM", "ORG", 0), ("Fritz Henderson", "PERSON", 0)
    assert [s for _, s in quotes_of(text, *entities)] == [
        "government of Burundi", "United States federal government"]


def test_a_document_named_with_its_owner_is_the_owners():
    text = ('Jon Huber signed with All Elite Wrestling (AEW) this year. "Huber was respected and loved in every way", '
            'reads an AEW press release, "a fierce and captivating talent."\n'
            'Donald Trump attacked the paper. A Trump tweet called it "the enemy of the people and a disgrace."')
    entities = ("Jon Huber", "PERSON", 0), ("All Elite Wrestling", "ORG", 0), ("AEW", "ORG", 1), \
        ("Donald Trump", "PERSON", 0), ("Trump", "PERSON", 1)
    assert [s for _, s in quotes_of(text, *entities)] == ["All Elite Wrestling", "Donald Trump"]


def test_the_document_goes_to_whoever_the_article_said_issued_it():
    text = ('The orange warning issued by Met Eireann applied to County Galway. Gusts were forecast to reach 80 '
            'mph. "Storm Lorenzo will produce significant swell and high waves", read the warning.')
    entities = ("Met Eireann", "ORG", 0), ("County Galway", "PLACE", 0), ("Storm Lorenzo", "OTHER", 0)
    assert [s for _, s in quotes_of(text, *entities)] == ["Met Eireann"]


def test_a_law_or_an_article_of_one_speaks_its_own_words():
    text = ('The 14th Amendment states: "all persons born in the United States are citizens of it."\n'
            'Article 2, Section 1 sets the citizenship qualification for president:\n'
            '"No Person except a natural born Citizen shall be eligible to the Office of President".\n'
            'Bill Clinton said "We will sign the treaty in the spring of next year."')
    entities = ("United States", "PLACE", 0), ("Section 1", "OTHER", 0), ("Bill Clinton", "PERSON", 0)
    assert [s for _, s in quotes_of(text, *entities)] == ["14th Amendment", "Article 2, Section 1", "Bill Clinton"]


def test_a_title_in_quote_marks_before_an_attribution_is_no_half_of_the_quote():
    text = ('Republic Act No. 3846, also known as the "Radio Control Law", states "no person, firm, company or '
            'corporation shall operate a radio station."')
    assert quotes_of(text, ("Act No. 3846", "OTHER", 0), ("Radio Control Law", "ORG", 0)) == [
        ("no person, firm, company or corporation shall operate a radio station.", "Republic Act No. 3846")]


def test_a_statement_named_by_the_bodys_common_noun_is_that_bodys():
    text = ('The Metropolitan Police arrested two men. "Both men remain in custody at a London police station," a '
            'police statement said.')
    assert [s for _, s in quotes_of(text, ("Metropolitan Police", "ORG", 0))] == ["Metropolitan Police"]


def test_the_body_with_several_words_before_its_noun_is_the_one_named_with_that_noun():
    text = ('The Ministry of Foreign Affairs summoned the envoy. In a statement, the Iranian foreign ministry said the '
            'move was "a violation of international law and of every norm."')
    assert [s for _, s in quotes_of(text, ("Ministry of Foreign Affairs", "ORG", 0))] == ["Ministry of Foreign Affairs"]


def test_according_to_a_name_opening_the_sentence_is_the_source_not_the_subject_after_it():
    text = ('The Associated Press (AP) reported the crash. According to AP, the pilot "had radioed the tower to say '
            'he had lost power."')
    entities = ("Associated Press", "ORG", 0), ("AP", "ORG", 0), ("AP", "ORG", 1)
    assert [s for _, s in quotes_of(text, *entities)] == ["Associated Press"]


def test_a_participle_between_commas_before_the_verb_is_an_aside():
    text = 'Equifax reported a breach. The company, founded in 1899, said it "affected fewer than one percent of us."'
    assert [s for _, s in quotes_of(text, ("Equifax", "ORG", 0))] == ["Equifax"]


def test_it_and_the_group_go_to_the_subject_of_the_sentence_before_not_its_object():
    text = ('Greenpeace activists boarded the ship operated by Shell. "We will stay on board until the drilling '
            'stops," the group said.\n'
            'Airbus delayed the jet again. Singapore Airlines was compensated. In a statement on the Airbus website, '
            'the company said that "the root cause is that the mock-up was late."')
    entities = ("Greenpeace", "ORG", 0), ("Shell", "ORG", 0), ("Airbus", "ORG", 0), \
        ("Singapore Airlines", "ORG", 0), ("Airbus", "ORG", 1)
    assert [s for _, s in quotes_of(text, *entities)] == ["Greenpeace", "Airbus"]


def test_an_acronym_is_not_spelt_out_by_a_sentence_opening_with_words_of_its_letters():
    text = 'With NASA\'s telescope the team saw it. "We found water on the moon at last," WN reported.'
    assert [s for _, s in quotes_of(text, ("NASA", "ORG", 0), ("WN", "ORG", 0))] == ["WN"]


def test_the_broadcaster_and_the_university_are_bodies_the_article_named():
    text = ('The British Broadcasting Corporation apologised on Monday. "We got this badly wrong and we are sorry," '
            'the broadcaster said.\n'
            'Researchers at the University of Michigan ran the trial with Pfizer. "The results are clear and '
            'encouraging," the university said.')
    entities = ("British Broadcasting Corporation", "ORG", 0), ("University of Michigan", "ORG", 0), \
        ("Pfizer", "ORG", 0)
    assert [s for _, s in quotes_of(text, *entities)] == ["British Broadcasting Corporation", "University of Michigan"]


def test_a_law_before_a_relative_clause_holding_the_quote_speaks_it():
    text = ('The plan is permitted under the Gold Reserve Act of 1934, which gives the Treasury the permission "to '
            'deal in gold, foreign exchange, and other instruments".\n'
            'Fans bought the Nintendo Switch, which sold "better than anything else this year".')
    entities = ("Gold Reserve Act", "OTHER", 0), ("Treasury", "ORG", 0), ("Nintendo Switch", "PRODUCT", 0)
    assert [s for _, s in quotes_of(text, *entities)] == ["Gold Reserve Act of 1934", None]


def test_a_bodys_spokesman_named_by_no_name_is_unnamed_unless_named_with_that_title_before():
    text = ('The Kremlin denied it. "These claims are baseless and untrue," the Kremlin\'s spokesman said.\n'
            'Kremlin spokesman Dmitry Peskov spoke on Monday. "We will not comment on this at all," the Kremlin\'s '
            'spokesman told reporters.')
    entities = ("Kremlin", "ORG", 0), ("Kremlin", "ORG", 1), ("Kremlin", "ORG", 2), ("Dmitry Peskov", "PERSON", 0), \
        ("Kremlin", "ORG", 3)
    assert [s for _, s in quotes_of(text, *entities)] == [None, "Dmitry Peskov"]


def test_a_place_after_the_opens_the_organisations_name_even_after_a_preposition():
    text = ('The family left on advice from the United States Department of State. The State Department said the '
            'cases were given "intense attention at senior levels of the department."')
    entities = ("United States", "PLACE", 0), ("Department of State", "ORG", 0), ("State Department", "ORG", 0)
    assert [s for _, s in quotes_of(text, *entities)] == ["United States Department of State"]


def test_the_government_of_a_place_speaks_as_that_government_and_so_does_its_statement():
    text = ('Three islanders sued. The government of American Samoa issued a statement agreeing it is for Congress: '
            '"imposition of citizenship by judicial fiat would fail to recognize our ways." Their statement also '
            'read "imposition of citizenship violates fundamental principles of self-determination."')
    entities = ("American Samoa", "PLACE", 0), ("Congress", "ORG", 0)
    assert [s for _, s in quotes_of(text, *entities)] == ["government of American Samoa"] * 2


def test_it_after_a_document_from_an_organisation_is_the_organisation_not_the_addressee():
    text = ('Boeing won the tanker lease. An email from Burkhardt & Associates to James Roche advises him to release '
            'the numbers: "I would distribute a one page memo saying the cost will not be greater," it said.')
    entities = ("Boeing", "ORG", 0), ("Burkhardt & Associates", "ORG", 0), ("James Roche", "PERSON", 0)
    assert [s for _, s in quotes_of(text, *entities)] == ["Burkhardt & Associates"]


def test_a_clause_opening_with_it_is_the_organisations_whoever_it_names_after():
    text = ('NASA paused its coverage of a spacewalk to mourn Alexei Leonov. It also credited Leonov with making '
            'the spacewalk possible, noting "his venture into space began the history of spacewalks."\n'
            'It is clear that Leonov said "the view was worth every minute of it."')
    entities = ("NASA", "ORG", 0), ("Alexei Leonov", "PERSON", 0), ("Leonov", "PERSON", 1), ("Leonov", "PERSON", 2)
    assert [s for _, s in quotes_of(text, *entities)] == ["NASA", "Alexei Leonov"]


def test_a_persons_body_is_the_organisation_the_article_names_with_them_and_that_noun():
    text = ('Anna Hale died on Monday. Hale\'s animal foundation said she had been in "excellent physical health '
            'for her age" until May. In 1978 she founded the Anna Hale Animal Foundation.\n'
            'Ben Cole launched the campaign and wrote "We are on it, all of us, every day."')
    entities = ("Anna Hale", "PERSON", 0), ("Hale", "PERSON", 1), ("Anna Hale Animal Foundation", "ORG", 0), \
        ("Ben Cole", "PERSON", 0)
    assert [s for _, s in quotes_of(text, *entities)] == ["Anna Hale Animal Foundation", "Ben Cole"]


def test_a_quote_given_as_stated_on_an_organisations_website_is_the_organisations():
    text = ('Apple Inc. introduced the iPhone in San Francisco. The phone is claimed to be "a revolutionary mobile '
            'phone" as stated on the Apple website. Critics were unmoved.\n'
            'The storm was "the worst in fifty years on this coast" as reported by the Met Office.')
    entities = ("Apple Inc.", "ORG", 0), ("San Francisco", "PLACE", 0), ("Apple", "ORG", 1), ("Met Office", "ORG", 0)
    assert [s for _, s in quotes_of(text, *entities)] == ["Apple Inc.", "Met Office"]


def test_a_law_that_specifies_speaks_its_own_words():
    text = ('Impeachment is a process. The United States Constitution specifies that officials are removed from '
            'office when convicted of "Treason, Bribery, or other high Crimes and Misdemeanors."')
    assert [s for _, s in quotes_of(text, ("United States", "PLACE", 0))] == ["United States Constitution"]


def test_who_a_publication_quotes_as_saying_speaks_not_the_publication_nor_a_body_in_their_title():
    text = ('The deal was criticised. GovExec.com quotes a "Senate aide" as saying: "The House language of the bill '
            'ignores an analysis of alternatives."\n'
            'Reuters quoted Boeing spokesman William Barksdale as saying "The tanker is the best in the world."')
    entities = ("GovExec.com", "ORG", 0), ("Senate", "ORG", 0), ("Reuters", "ORG", 0), ("Boeing", "ORG", 0), \
        ("William Barksdale", "PERSON", 0)
    assert [s for _, s in quotes_of(text, *entities)] == [None, "William Barksdale"]


def test_a_lone_head_noun_is_the_body_named_with_it_before_of_or_on():
    text = ('The United States Commission on Presidential Debates cancelled the debate. The Commission on Tuesday '
            'said it "will not move the date at all, whatever happens."')
    entities = ("United States Commission on Presidential Debates", "ORG", 0), ("Commission", "ORG", 1)
    assert [s for _, s in quotes_of(text, *entities)] == ["United States Commission on Presidential Debates"]


def test_the_company_with_a_hyphenated_modifier_is_still_the_company():
    text = ('The Court of Session heard the case. The three-judge court found the advice "was motivated by an '
            'improper purpose and is unlawful."\n'
            'Acme Holdings opened a plant in Ohio. "We will hire 500 workers next year," the Texas-based company said.')
    entities = ("Court of Session", "ORG", 0), ("Acme Holdings", "ORG", 0), ("Ohio", "PLACE", 0), ("Texas", "PLACE", 0)
    assert [s for _, s in quotes_of(text, *entities)] == ["Court of Session", "Acme Holdings"]


def test_what_a_body_named_by_its_common_noun_published_is_the_bodys_but_its_spokesman_is_unnamed():
    text = ('On Thursday the government of Tonga closed every school.\n'
            'Earlier, an official government Twitter account made the following announcement: "Schools will stay '
            'closed until the end of the month."\n'
            'A government statement said "every teacher will be paid in full."\n'
            'A government spokesman said "the decision was not taken lightly at all."')
    entities = ("Tonga", "PLACE", 0), ("Twitter", "ORG", 0)
    assert [s for _, s in quotes_of(text, *entities)] == ["government of Tonga", "government of Tonga", None]


def test_informing_someone_is_saying_it_to_them():
    text = ('On Saturday the Green Unity Party withdrew its candidate, Ann Lee. The palace issued a statement: "Any '
            'royal who runs for office acts against our traditions."\n'
            '"We comply with the royal command in every respect," the party informed the press.')
    entities = ("Green Unity Party", "ORG", 0), ("Ann Lee", "PERSON", 0)
    assert [s for _, s in quotes_of(text, *entities)][1:] == ["Green Unity Party"]


def test_a_person_in_a_relative_clause_on_a_thing_is_not_the_subject_of_the_organisations_clause():
    text = ('Acme Corp cut 500 jobs. In a statement released on Monday, the Department of Labor justified the cuts, '
            'which were approved by John Smith, as "needed": "The company kept every promise it made to its workers."')
    entities = ("Acme Corp", "ORG", 0), ("Department of Labor", "ORG", 0), ("John Smith", "PERSON", 0)
    assert [s for _, s in quotes_of(text, *entities)] == ["Department of Labor"]


def test_a_bodys_officer_by_title_alone_is_unnamed_not_the_body_nor_a_namesake():
    text = ('President Joe Biden spoke on Monday. Acme Corp will close 500 stores. "They are stores that are losing '
            'money anyway," said Acme\'s sales, service, and marketing vice president in a telephone call.\n'
            'Acme vice president Mark Lane spoke first. "We will keep every worker we can keep," said Acme\'s vice '
            'president.')
    entities = ("Joe Biden", "PERSON", 0), ("Acme Corp", "ORG", 0), ("Acme", "ORG", 1), ("Acme", "ORG", 2), \
        ("Mark Lane", "PERSON", 0), ("Acme", "ORG", 3)
    assert [s for _, s in quotes_of(text, *entities)] == [None, "Mark Lane"]
