"""What the pointers to people in one article point to, for the speakers of its quotes.

``ArticlePointers`` extends ``OrgAntecedents`` (``store.extract.org_antecedents``: "the company"/"it" → the
organisation named as a subject before) with what a pointer to a person resolves to: "he"/"she" → the subject of
the nearest sentence naming someone, "the CEO" → the last person given that title ("an Interpol spokesperson … the
spokesperson" stays unnamed), "the father" → the person named with that role; an unnamed source ("a spokesman",
"analysts") → no name.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cached_property

from store.extract.article_sentences import PREPOSITIONS, SENTENCE_END
from store.extract.gazetteer import gazetteer
from store.extract.name_completion import NEARBY_NAMES
from store.extract.org_antecedents import OrgAntecedents
from store.extract.person_gender import FEMALE, MALE, PRONOUNS, Genders, pronoun_gender
from store.extract.quote_cues import CUE, FAMILY_NOUNS, ROLE_NOUNS, TITLE_NOUNS
from store.extract.speaker_names import last_before, mention_end, mention_start, within
from store.model import Mention

_BEFORE_THE = PREPOSITIONS | {"within", "inside", "near", "outside", "across", "and", "or", "by", "in", "through"}
PRONOUN = re.compile(r"\b(?:he|she|they|it|we|i)\b$", re.IGNORECASE)
SUBJECT_PRONOUN = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)
_THE_TITLE = re.compile(rf"\bthe\s+(?:\w+\s+){{0,2}}?({TITLE_NOUNS})$", re.IGNORECASE)
# people a story calls by what they are, not by any noun it would give a named person: "the man wrote"
_PERSON_NOUNS = "man|woman|boy|girl|patient|resident|eyewitness|passenger|worker"
_THE_ROLE = re.compile(rf"\bthe\s+(?:\w+\s+){{0,2}}?({ROLE_NOUNS}|{_PERSON_NOUNS})$", re.IGNORECASE)
# someone known only as another's relative or agent, at the verb: "Ford's now-deceased father", "Thomas' sister",
# "his doctor" — news names such a person when it can ("his wife, Ana Hale,"), so no name is given
_RELATIVE_NOUN = rf"\s+(?:[\w-]+\s+){{0,2}}?({TITLE_NOUNS}|{ROLE_NOUNS}|{_PERSON_NOUNS})s?\s*$"
RELATIVE = re.compile(rf"['’]s?{_RELATIVE_NOUN}", re.IGNORECASE)  # after the possessor's name
_THEIR_RELATIVE = re.compile(rf"\b(?:his|her|their){_RELATIVE_NOUN}", re.IGNORECASE)
_FAMILY = re.compile(FAMILY_NOUNS)
_NAME_BESIDE = re.compile(r"\s*,\s*[A-Z]")
_ASIDE_AFTER = re.compile(r"['’]?\s*(?:[,(]|(?:is|was)\b)")
# a sentence opening with a person it does not name: "One of the victims", "The head of the investigators", "The bus
# driver" (a few words before the noun, none an article, preposition or past tense: not "The fire killed the driver")
_UNNAMED_SUBJECT = re.compile(
    rf"(?:(?P<indefinite>One of the|One|A|An|Another)|The)\s+(?:(?!(?:the|a|an|to|in|on|at|by|with|from|for|of)\b)"
    rf"[\w'’.-]+(?<!ed)\s+){{0,3}}?(?P<noun>{TITLE_NOUNS}|{ROLE_NOUNS}|{_PERSON_NOUNS})s?\b(?![’']s)")
_CAPITALISED_WORD = re.compile(r"(?<![(\w])[A-Z][\w'’-]*")  # not an interview's "((WN))"
# the lookahead keeps "Sheriff's Office" out
_TITLE_SUBJECT = re.compile(rf"the\s+(?:\w+\s+){{0,2}}?({TITLE_NOUNS})\b(?![’']s)", re.IGNORECASE)
# "The mayor of London, Sadiq Khan, …": the title, then the name between commas
_TITLED_NAME = re.compile(
    rf"\s*the\s+(?:\w+\s+){{0,2}}?(?:{TITLE_NOUNS})(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]+"
    r"(?:\s+[A-Z][\w'’-]+)*)?,\s+((?:[A-Z][\w'’-]+\s+){1,2}[A-Z][\w'’-]+)(?:,|\s*$)",
    re.IGNORECASE,
)
_IN_A = re.compile(r"\b(?:in|on|to|at|from|for|by|via|through)\s*$", re.IGNORECASE)
_PRONOUN_REACH = 60  # characters after an offset looked through for the pronoun that points from there
_GENDER_REACH, _GENDER_CHARS = 12, 1_500  # people and characters back a pronoun may skip the other gender over
# a sentence whose main clause opens with "he"/"she", after at most two short openers ("On July 27, 2006, he …"),
# not a pronoun inside an opening clause ("When he arrived, Smith said")
_OPENING_PRONOUN = re.compile(r"(?:[^,.;:“”\"]{0,40},\s+){0,2}(?P<pronoun>[Hh]e|[Ss]he)\b")
_SPEAKING_PRONOUN = re.compile(r"\b(?:I|[Ww]e|[Hh]e|[Ss]he|[Tt]hey)\b")
_ACCORDING_TO = re.compile(r"\baccording to\s+$", re.IGNORECASE)  # the source a sentence names, no passing name
# what a story calls the public figure it is about, named before under another noun ("Actor X … the star said")
_PUBLIC_ROLE = re.compile(r"actor|actress|singer|rapper|musician|star|artist|writer|novelist|poet|player|athlete|"
                          r"boxer|golfer|cyclist|runner|swimmer|champion")
_INTERVIEW_LABEL = re.compile(r"(?:^|\n)\(\(([^()\n]{2,60})\)\)")  # Wikinews transcripts: "((Jo Roe)) …"
_INTERVIEWERS = {"WN", "Wikinews"}
_INTERVIEW_REACH = 5_000  # characters an answer may run on after its label
_NARRATION_WORDS = 40  # words of narrative between two quotes of one speaker
_UNNAMED_REACH = 3_000  # characters back that "the spokesperson" may point to "a spokesperson" over
_UNNAMED = re.compile(
    r"(?:^|[\s,(])(?:an?|one|some|several|two|three|many|other|another|unnamed|anonymous)\s+[^,;]*$|"
    r"\b(?:analysts|officials|experts|sources|investigators|protesters|protestors|critics|observers|residents|"
    r"witnesses|economists|researchers|scientists|authorities|lawmakers|senators|officers|workers|employees|"
    r"people|others|insiders|aides|traders|activists|members|students|fans|doctors|organisers|organizers)\s*$|"
    # "analysts at Goldman Sachs", "economists from the bank": people who speak for no one, wherever they work
    r"\b(?:analysts|economists|traders|experts|strategists|sources)\s+(?:at|from|with|in)\s+[^,;]*$|"
    r"^\s*(?:my|our|your)\s+[^,;]*$",  # a first-person narrator's "my mother told me"
    re.IGNORECASE,
)


def _named_subject(before: str) -> bool:
    """Whether a name comes before an unnamed "a …", as the subject it is the object of: "Facebook released a
    statement which read" (a capitalised word no dictionary has; "But a spokesman said" stays unnamed)."""
    common = gazetteer().common_words
    return any(word.casefold() not in common for word in _CAPITALISED_WORD.findall(before))


def _restarts(phrase: str, after: int) -> bool:
    """Whether a subject opening with "the" follows the unnamed "a …" at ``after`` rather than completing it:
    "Calling it a "farce" the mayor", not "a spokesman for the company" nor "one of the victims"."""
    last = _THE_TITLE.search(phrase, after) or _THE_ROLE.search(phrase, after)  # a person: not "made the statement"
    if last is None:
        return False
    before = phrase[after : last.start()].split()
    return len(before) > 1 and before[-1].strip("\"”’'").lower() not in _BEFORE_THE



class ArticlePointers(OrgAntecedents):
    """An article's names, and what its pointers resolve to."""

    def _pointer(self, phrase: str, at: int, end: int, anywhere: bool = False):
        """A pronoun, "the <title>", "the company" or an unnamed source closing ``phrase`` (or, ``anywhere``,
        a pronoun subject inside it: "…, where he promoted it by saying"): (name, entity), ``(None, None)`` for
        an unnamed source, or None when ``phrase`` is none of these. ``at`` and ``end`` are where the phrase
        stands in the text: a phrase the caller built ("the police" of "a police statement") is not there to
        be searched for, so the caller says where the words it was built from end."""
        if not phrase:
            return None
        last = phrase.split(",")[-1] or phrase  # "an Interpol spokesperson", not "…, John Smith"
        unnamed = _UNNAMED.search(last)
        if unnamed and not _IN_A.search(last, 0, unnamed.start() + 1) and not _restarts(last, unnamed.start()) \
                and not _named_subject(last[: unnamed.start()]):
            return None, None  # not "The Ministry has, in a statement", nor "Calling it a "farce" the mayor"
        relative = _THEIR_RELATIVE.search(phrase)
        if relative and not _NAME_BESIDE.match(self.text, end):
            # "his doctor said", unless named with that noun before; "according to his aunt, Jane Roe," names her
            person = self._last_with_title(at, relative.group(1).lower())
            if person is None or self.text.startswith(("'s", "’s"), person.end):  # not "Ford's wife" herself
                return None, None
            return self._person(person)
        pronoun = PRONOUN.search(phrase) or (anywhere and SUBJECT_PRONOUN.search(phrase))
        if pronoun:
            word = pronoun.group().lower()
            if word == "i" and (answering := self._interviewee(at + pronoun.start())):  # "((Jo Roe)) … And I said, "…""
                return answering, None
            if word == "they" and (org := self._opening_organisation(at + pronoun.start())) is not None:
                return self._organisation(org), org.entity  # "Big Machine have denied it. "…," they said"
            if word in ("they", "we", "i"):  # a group, or the unnamed author of a statement
                return None, None
            if word != "it":
                return self.pronoun_person(at, FEMALE if word == "she" else MALE)
            mention = self.org_antecedent(at + pronoun.start())  # the phrase's own sentence counts up to the pronoun
            return (self._organisation(mention), mention.entity) if mention is not None else None
        if title := _THE_TITLE.search(phrase) or (anywhere and _TITLE_SUBJECT.match(phrase)):
            if appositive := self._titled_name(phrase):  # "The mayor of London, Sadiq Khan," named right there
                return appositive, None
            person = self._last_with_title(at, title.group(1).lower())
            if self._introduced_unnamed(at, title.group(1), person):  # "an Interpol spokesperson … the spokesperson"
                return None, None
            if person is None and phrase.startswith(" of ", title.end()):
                return None, None  # "the premier of Bavaria", no one named so: a person the story does not name
            person = person or last_before(self.people, at)
            return self._person(person) if person else None
        if role := _THE_ROLE.search(phrase):  # "the father said", "the actress recalled"
            noun = role.group(1).lower()
            aged = noun.endswith("-year-old")
            person = self._last_of_age(at, noun.split("-")[0]) if aged else self._last_with_title(at, noun)
            if person is None and (_FAMILY.fullmatch(noun) or _PUBLIC_ROLE.fullmatch(noun) or aged):
                # "the mother said": the mother named before; "Actor Tom Hale arrived. … the star said": the
                # subject before, of the noun's gender ("the actress")
                person = self._antecedent(at, pronoun_gender(noun))
            if person is None or self._introduced_unnamed(at, role.group(1), person):
                return None, None
            return self._person(person)
        return self.the_company(phrase, at)

    @staticmethod
    def _titled_name(phrase: str) -> str | None:
        """The name a phrase gives right after opening with a title ("The mayor of London, Sadiq Khan, …")."""
        named = _TITLED_NAME.match(phrase)
        if named and named.group(1)[:1].isupper() and named.group(1).split()[-1][:1].isupper():
            return named.group(1)
        return None

    def _introduced_unnamed(self, at: int, title: str, person: Mention | None) -> bool:
        """Whether "the <title>" at ``at`` points back to an unnamed one ("a spokesperson said … The spokesperson
        added"): the title last came with "a"/"an"/"one" and no name, after any person given that title."""
        after = max(person.end if person is not None else 0, at - _UNNAMED_REACH)
        pattern = rf"\b(?:an?|one)\s+(?:[\w'’.-]+\s+){{0,3}}?{re.escape(title)}\b(?!,?\s+(?-i:[A-Z]))"
        return re.search(pattern, self.text[after:at], re.IGNORECASE) is not None

    def _last_with_title(self, at: int, title: str) -> Mention | None:
        """The last person named before ``at`` with ``title`` beside their name."""
        count = bisect_right(self.people, at, key=mention_end)
        named = re.compile(rf"\b{re.escape(title)}\b", re.IGNORECASE)  # "son" is no part of "person"
        for person in reversed(self.people[max(0, count - NEARBY_NAMES) : count]):
            before, after = self._words_around(person)
            # after the name only in an aside about them ("X, the mayor", "X is the mayor"), not as an object
            # of their sentence ("Dempsey told the man to …")
            if named.search(before) or _ASIDE_AFTER.match(after) and named.search(after):
                return person
        return None

    def _last_of_age(self, at: int, age: str) -> Mention | None:
        """Whom "the 45-year-old" points to: the last person named before ``at`` with that age right beside the
        name ("Ann Lee, 45,", "Ann Lee, aged 45,", "45-year-old Ann Lee")."""
        count = bisect_right(self.people, at, key=mention_end)
        after = re.compile(rf",\s+(?:aged\s+)?{re.escape(age)}\b")
        before = re.compile(rf"\b{re.escape(age)}-year-old\s+$", re.IGNORECASE)
        for person in reversed(self.people[max(0, count - NEARBY_NAMES) : count]):
            if after.match(self.text, person.end) or before.search(self.text, max(0, person.start - 20), person.start):
                return person
        return None

    def _words_around(self, person: Mention) -> tuple[str, str]:
        """The words of a person's own sentence right before their name (60 characters at most) and right after it
        (80), where an article gives the titles and bodies that go with the name."""
        before = SENTENCE_END.split(self.text[max(0, person.start - 60) : person.start])[-1]
        after = SENTENCE_END.split(self.text[person.end : person.end + 80])[0]
        return before, after

    def pronoun_person(self, at: int, gender: str | None = None) -> tuple[str | None, str | None] | None:
        """Who a "he"/"she" at ``at`` is: the person the sentence before opens with when it names no one ("One of
        the victims decided to speak. She said" — unnamed; "The actress recalled … she" — the actress named
        earlier), else the subject of the nearest sentence naming someone (of the pronoun's gender, read from the
        pronoun at ``at`` unless given); None when no one is named before."""
        if gender is None and (pronoun := PRONOUNS.search(self.text, at, at + _PRONOUN_REACH)):
            gender = FEMALE if pronoun.group("f") else MALE
        own = self._sentence_holding(at)
        if (previous := self._sentence_before(own)) is not None:
            opening = _UNNAMED_SUBJECT.match(self.text, previous, own)
            if opening and not self._named_people(previous, own):
                noun = opening.group("noun").lower()
                person = None if opening.group("indefinite") else self._last_with_title(previous, noun)
                return self._person(person) if person is not None else (None, None)
        antecedent = self._antecedent(at, gender)
        return self._person(antecedent) if antecedent is not None else None

    def _antecedent(self, at: int, gender: str | None = None) -> Mention | None:
        """The person a "he"/"she" at ``at`` refers to: the subject (first person named) of the nearest earlier
        sentence that names someone outside quotes — not a person named earlier in the pronoun's own sentence
        ("Speaking to Martin Smith of PBS, he said"), nor one named in passing ("Cengiz called Mohammad's
        admission a maneuver. She explained"; a sentence naming people only after prepositions is skipped).
        When the article shows that subject is of the other ``gender``, the nearest person of the pronoun's own
        gender, a few sentences back at most."""
        own_sentence = self._sentence_holding(at)
        # a semicolon joins two main clauses: the one before is as a sentence before ("said X; he urged")
        if (clause := self.text.rfind("; ", own_sentence, at)) >= 0 and not self._in_quote(clause):
            own_sentence = clause + 2
        count = bisect_right(self.people, own_sentence, key=mention_end)  # people named before the pronoun's sentence
        if not count:
            person = last_before(self.people, at)
            return None if person is not None and self._other_gender(person, gender) else person
        nearest = self.people[count - 1]
        sentence = self._sentence_holding(nearest.start)
        first = bisect_left(self.people, sentence, lo=0, hi=count, key=mention_start)
        subject = self.people[first]
        if first and self.people[first - 1].start > at - _GENDER_CHARS \
                and all(self._after_preposition(p) and not _ACCORDING_TO.search(self.text, p.start - 14, p.start)
                        for p in self.people[first:count]):
            # "Emma Roe was cast in a pilot. Faced with losing the character of Anya Jenkins, the producers made her
            # a regular. "…," she recalls": that sentence names no one as its subject, the one before does
            earlier = self.people[first - 1]
            sentence = self._sentence_holding(earlier.start)
            subject = self.people[bisect_left(self.people, sentence, lo=0, hi=first, key=mention_start)]
        opening = _OPENING_PRONOUN.match(self.text, sentence, subject.start)
        if opening and (gender is None or pronoun_gender(opening.group("pronoun")) == gender):
            # "Ford struggled with it. On July 27, he emailed Gaiman about it. "…," he wrote": the pronoun is that
            # sentence's subject and goes on from the one before; Gaiman is an object
            return self._antecedent(opening.start("pronoun"), gender) or subject
        if gender is not None and self.genders.of(subject) is None and any(
                pronoun_gender(p.group()) == gender for p in PRONOUNS.finditer(self.text, sentence, subject.start)):
            # "Ana Ruiz stepped down. Her deputy, Tom Hale, takes over. "…," she said": the woman "her" points to
            return self._antecedent(sentence, gender) or subject
        if not self._other_gender(subject, gender):
            return subject
        # the pronoun's own sentence too: "Gloria worsened. Thomas' sister pleaded with him, but he replied"
        before = bisect_right(self.people, at, key=mention_end)
        reach = self.people[max(0, count - _GENDER_REACH) : before]
        same = [p for p in reach if self.genders.of(p) == gender and p.start >= at - _GENDER_CHARS]
        return same[-1] if same else None

    def _other_gender(self, person: Mention, gender: str | None) -> bool:
        return gender is not None and self.genders.of(person) not in (None, gender)

    @cached_property
    def genders(self) -> Genders:
        return Genders(self.text, self.people, self._in_quote, self._sentence_holding, self._sentence_end,
                       lambda person: self.full.get(person.entity or "", person.text))

    def _no_subject(self, mention: Mention) -> bool:
        """A name after a preposition, as a possessor ("of Luke Skywalker's helmet") or as the object of a verb of
        saying ("told Wikinews"): no subject."""
        before = self.text[max(0, mention.start - 12) : mention.start].split()[-1:]
        return self._after_preposition(mention) or self.text.startswith(("'s", "’s"), mention.end) \
            or bool(before) and CUE.fullmatch(before[0]) is not None

    def _interviewee(self, at: int) -> str | None:
        """Who is answering at ``at`` in an interview transcript: the last speaker label opening a paragraph
        ("((Jo Roe)) …", the answer running on over the paragraphs after it), not the interviewer's "((WN))"."""
        labels = list(_INTERVIEW_LABEL.finditer(self.text, max(0, at - _INTERVIEW_REACH), at))
        if not labels or labels[-1].group(1).strip() in _INTERVIEWERS:
            return None
        return labels[-1].group(1).strip()

    def narrates_on(self, start: int, end: int, speaker: str | None) -> bool:
        """Whether ``text[start:end]``, the narrative between a quote of ``speaker`` (an entity key) and the next
        quote of its paragraph, goes on about them: short (a sentence or two), naming no one else but in passing
        ("Tasha Yar's station") and no verb of saying past its first sentence ("…," Chapman told Wikinews, a choice
        leaving her helpless. The costume "…")."""
        between = self.text[start:end]
        if speaker is None or len(between.split()) > _NARRATION_WORDS or len(SENTENCE_END.findall(between)) > 2:
            return False
        if any(m.entity != speaker and not self._no_subject(m) for m in within(self.entities, start, end)
               if not self._in_quote(m.start)):
            return False
        first_end = SENTENCE_END.search(between)
        if first_end is not None and CUE.search(between, first_end.end()):
            return False
        # "And then she's like, "…"": someone else speaks — past the first sentence, the last quote's own
        # attribution ("…," he said. That could … "…")
        return _SPEAKING_PRONOUN.search(between, first_end.end() if first_end is not None else 0) is None

