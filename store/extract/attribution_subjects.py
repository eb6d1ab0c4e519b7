"""The speaker an attribution clause names: the subject of its verb of saying, or the one named after it.

``AttributionSubjects._subject`` reads one clause — the words before a verb of saying ("Jones, who owns Acme,
said"), or after it ("…," said Jones / according to Jones) — and says whom it names: a person (an aside, a relative
clause, a possessor or a name after a preposition is no subject; a pronoun or a title is resolved), an
organisation, a document, or an unnamed source. ``store.extract.quote_speakers`` finds the clause for each quote.
"""

from __future__ import annotations

import re

from store.extract.clause_sources import document_name, quoted_as, reported_subject
from store.extract.gazetteer import gazetteer
from store.extract.org_speakers import SourceNames
from store.extract.pointer_resolution import PRONOUN, RELATIVE, SUBJECT_PRONOUN
from store.extract.quote_cues import DOCUMENT_NOUNS, ROLE_NOUNS, TITLE_NOUNS, TITLES
from store.extract.speaker_names import person_name, within
from store.model import Mention

_NAME = re.compile(r"[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|de|van|von|bin|al|da|del|la))*")
# the last relative clause naming its own subject, not an aside between dashes ("— which the BBC noted —")
_RELATIVE = re.compile(r".*(?<![—–(]\s)\b(?:which|whom)\s+(?=the\b|someone\b|somebody\b|[A-Z])", re.DOTALL)
_SURNAME = re.compile(r"[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?")  # one capitalised word, not an acronym ("AIM")
_SENTENCE_START = re.compile(r"[.!?][”\"’)]?\s+")
# "Saying X is …, Y said"
_IN_OPENING_CLAUSE = re.compile(r"(?:^|,\s*)(?:[Aa]s|[Ww]hen|[Ww]hile|[Aa]fter|[Bb]efore|[Ii]f|[Aa]lthough|[Tt]hough|"
                                r"[Bb]ecause|[Ss]ince|[Uu]ntil|[Oo]nce|^(?!According)[A-Z][a-z]+ing)\b[^,]*$")
_PRONOUN_FIRST = re.compile(r"(?:[Hh]e|[Ss]he)(?:\s+[a-z]+){1,4}")  # "she went on to" say, "he later" added
_LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")
_OBJECT_PRONOUN = re.compile(r"\s*(?:him|her)\b(?!\s+[a-z])")  # "according to him, …", not "her spokesman"
_PAST = re.compile(r"[a-z]ed\b")  # "Jones thanked Smith and said": Smith is the object
# a relative clause whose verb is the quote's: "…, who said", "…, who later told reporters"
_WHO_SAID = re.compile(r",?\s+who(?:\s+(?:also|later|then|had|has|\w+ly))?$")
# a relative clause or a participle between commas, before the verb: "X, which owns Y,", "X, founded in 1998,"
_ASIDE = re.compile(r",\s+(?:which|who|whose|[a-z]+ed\s|[a-z]{3,}ing\s)[^,]*$")
# a source the article names by the name they gave: "a protester using the pseudonym Katya", "a resident who gave
# her name only as Maria", "a student identified only as Ahmed"
_PSEUDONYM = re.compile(r"\b(?:(?:pseudonym|alias|nickname)|gave\s+(?:his|her|their)\s+name(?:\s+only)?\s+as|"
                        r"identified\s+only\s+as|known\s+only\s+as)\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")
# what someone known by a title wrote, or a part of it: "Part of the judge's statement", "the minister's letter"
_HOLDERS_DOCUMENT = re.compile(rf"\s*(?:(?:[Pp]arts?|[Aa]n\s+excerpt|[Aa]\s+portion|[Oo]ne\s+line)\s+(?:of|from)\s+)?"
                               rf"([Tt]he\s+(?:[\w-]+\s+){{0,2}}?(?:{TITLE_NOUNS}|{ROLE_NOUNS}))['’]s?"
                               rf"\s+(?:[\w-]+\s+)?(?:{DOCUMENT_NOUNS})s?\s*")
# a relative clause on a thing, running on to the name: "the strike, which was approved by Donald Trump"
_IN_WHICH_CLAUSE = re.compile(r",\s+(?:which|whose)\s[^,;:“”\"]*$")
# a body's officer by title alone, maybe with the occasion: "GM's sales, service, and marketing vice president in a
# telephone conference" — a person of the body, not the body
_BODYS_OFFICER = re.compile(rf"(?:[Tt]he\s+)?(?P<body>(?:[A-Z][\w.&-]*\s+){{0,3}}[A-Z][\w.&-]*)['’]s\s+"
                            rf"(?:[a-z-]+,?\s+(?:and\s+)?){{0,4}}?(?P<title>{TITLE_NOUNS})"
                            r"(?:\s+(?:in|at|on|during)\s+[^,;:“”\"]*)?")
_DEPUTY = re.compile(r"\b(?:vice|deputy)[\s-]$", re.IGNORECASE)  # the word that makes a title a deputy's
_LEADING_PRONOUN = re.compile(r"\s*(?:He|She)\b")
# "he"/"she" opening the verb's own clause, no comma between them: the subject, and any name after it in that clause
# its object ("…; he described the attacks as a "…" and urged", "…, as he talks to Tom Hale about it, saying")
_CLAUSE_PRONOUN = re.compile(r"(?:^|[,;]\s+|\b(?:as|and|but|while|whereas|so|then)\s+)(?P<pronoun>[Hh]e|[Ss]he)\b"
                             r"(?=(?:[^,;“”\"]|“[^“”]*”|\"[^\"]*\")*,?\s*$)")
# "It also credited Leonov with …, noting "…"": the organisation opens the clause; not an empty "It is", "It seems"
_LEADING_IT = re.compile(r"\s*It\s+(?!(?:is|was|'s|’s|has been|had been|will be|would be|seems|seemed|appears|"
                         r"appeared|remains|remained|may|might|could)\b)")

# "They released a statement which said": an organisation the sentence before opens with, as for "they said"
_LEADING_THEY = re.compile(r"\s*They\s+(?:[a-z]+ly\s+|also\s+|then\s+|later\s+)*[a-z]+ed\b")


class AttributionSubjects(SourceNames):
    """Who the words of an attribution clause name as the one speaking, read with the article's mentions."""

    def _subject(self, start: int, end: int, cue: str | None, after: bool = False):
        """The speaker named in ``text[start:end]`` (before its verb, or after it when ``after``)."""
        if source := self._source(start, end, cue):  # "a statement from X read", "according to officials, …"
            return source
        if officer := self._bodys_officer(start, end, cue):
            return officer
        chunk = self.text[start:end].rstrip(" ,")
        if not after and (holder := _HOLDERS_DOCUMENT.fullmatch(chunk)) \
                and (pointer := self._pointer(holder.group(1), start + holder.start(1), start + holder.end(1))) \
                and pointer[0]:
            return (*pointer, cue)  # "Part of the judge's statement reads": the judge named before
        if document := document_name(chunk):  # "The 14th Amendment states", "Republic Act No. 3846, …, states"
            return document, None, cue
        if not after and self.text[start:end].rstrip().endswith(",") and (aside := _ASIDE.search(chunk)):
            chunk, end = chunk[: aside.start()], start + aside.start()  # "Google, which owns YouTube, said"
        if not after and (relative := _RELATIVE.match(chunk)) and relative.end() < len(chunk):
            start, chunk = start + relative.end(), chunk[relative.end() :]  # "a novel, which the Times called"
        if not after and (who := _WHO_SAID.search(chunk)):  # "Jones was praised by Smith, who said": Smith
            before_who = self._named_people(start, start + who.start())
            if before_who:
                return (*self._person(before_who[-1]), cue)
        if not after and (quoted := quoted_as(chunk)):  # "GovExec.com quotes a "Senate aide" as saying"
            start, end, chunk = start + quoted[0], start + quoted[1], chunk[quoted[0] : quoted[1]]
        if not after and (reported := reported_subject(chunk)):  # "he observed that the government had stated"
            start, chunk = start + reported, chunk[reported:]
        if not after and _LEADING_PRONOUN.match(chunk) and (person := self.pronoun_person(start)) is not None:
            return (*person, cue)  # "He provided the text of a message he sent to X:"
        if not after and (clause := _CLAUSE_PRONOUN.search(chunk)) \
                and (person := self.pronoun_person(start + clause.start("pronoun"))) is not None:
            return (*person, cue)
        if not after and _LEADING_IT.match(chunk) and (org := self.org_antecedent(start)) is not None:
            return self._organisation(org), org.entity, cue
        if not after and _LEADING_THEY.match(chunk) and (org := self._opening_organisation(start)) is not None:
            return self._organisation(org), org.entity, cue
        if after and _OBJECT_PRONOUN.match(chunk) and (person := self.pronoun_person(start)) is not None:
            return (*person, cue)  # "According to him, …"
        if after and _PRONOUN_FIRST.fullmatch(chunk) and "," in self.text[max(0, start - 4) : start] \
                and (person := self.pronoun_person(start)) is not None:
            return (*person, cue)  # "…," she went on to say.
        if pseudonym := _PSEUDONYM.search(chunk):  # "said a protester using the pseudonym Katya": named so
            return pseudonym.group(1), None, cue
        people = self._named_people(start, end)
        if RELATIVE.search(chunk) and all(self._in_passing(p) for p in people):
            return None, None, cue  # "Ford's late father told", not "X, Ford's editor, said": the father, unnamed
        if people:
            tail_start = people[-1].end
            tail = self.text[tail_start : start + len(chunk)]
            # "Thomas' sister pleaded with Gloria's doctor, but he replied": the pronoun is the subject
            if not after and (pronoun := PRONOUN.search(tail.strip())) and pronoun.group().lower() in ("he", "she") \
                    and (person := self.pronoun_person(tail_start + tail.index(pronoun.group()))) is not None:
                return (*person, cue)
            # "In his message, he praised Soleimani's life": every person in passing, the pronoun speaks
            if not after and all(self._in_passing(p) for p in people) and (pronoun := SUBJECT_PRONOUN.search(chunk)) \
                    and (person := self.pronoun_person(start + pronoun.start())) is not None:
                return (*person, cue)
            if not after and self._unnamed_group(start, people):  # "Fifty officials, including X, signed"
                return None, None, cue
            # "The Department of Defense justified the strike, which was approved by Donald Trump": every person
            # named in passing or in a relative clause on a thing, the organisation before them is the subject
            if not after and all(self._in_passing(p) or _IN_WHICH_CLAUSE.search(self.text, start, p.start)
                                 for p in people) \
                    and (org := self._org_subject(start, people[0].start)) is not None:
                return self._organisation(org), org.entity, cue
            speaker = self._subject_of(people)
            last, between = people[-1], self.text[speaker.end : people[-1].start]
            if not after and not self.text[last.end : start + len(chunk)].strip(" ,") and "," not in between \
                    and _LOWER_WORD.search(between) and not _PAST.search(between) and not self._in_passing(last):
                speaker = last  # "Trump aide Jason Miller said": the name at the verb, after its role
            if body := self.persons_body(speaker):  # "the Biden campaign", "Erdogan's office"
                return (*body, cue)
            return (*self._person(speaker), cue)
        if pointer := self._pointer(chunk.strip(), start, start + len(chunk.rstrip()), anywhere=not after):
            return (*pointer, cue) if pointer != (None, None) else (None, None, cue)
        chunk_end = start + len(chunk)
        if missed := self._missed_person(start, chunk_end) or self._name_at_verb(start, chunk_end, after):
            return missed, None, cue
        orgs = [m for m in within(self.entities, start, end)
                if (m.label == "ORG" or (m.label == "OTHER" and len(m.text.split()) > 1))  # not "Japanese"
                and not self._after_preposition(m)]  # not "posted on Twitter", "told The EastAfrican"
        if orgs:
            org = orgs[0] if after else orgs[-1]
            return self._organisation(org), org.entity, cue
        for match in _NAME.finditer(chunk):
            if self._in_quote(start + match.start()):
                continue
            name = match.group()
            resolved = self._by_surname(name.split()[-1], start + match.start()) or self._named_in_text(name)
            if resolved:
                return (*resolved, cue)
            if spelt := self._spelt_out(match.group()):  # "the SDF said", the extractor missing the acronym
                return spelt, None, cue
        # Last resort, a name the extractor missed: "Kaoru Yosano, the Japanese minister, said"
        if (named := re.match(r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})(?:,|$)", chunk.strip())) and \
                named.group(1).split()[0].casefold() not in gazetteer().common_words:
            return named.group(1), None, cue
        if self._lone_surname(chunk.strip(), after):  # "…", Water said. / Wasif suggested, "…"
            return chunk.strip(), None, cue
        return None

    def _in_passing(self, person: Mention) -> bool:
        """A person named after a preposition or as a possessor ("of Luke Skywalker's helmet"), no subject."""
        return self._after_preposition(person) or self.text.startswith(("'s", "’s"), person.end)

    def _bodys_officer(self, start: int, end: int, cue: str | None):
        """A body's officer by title alone ("GM's vice president"): the officer named before with that title and
        the body in their own sentence ("GM vice president Mark LaNeve"), else no name — never the body, nor a
        namesake title ("President Joe Biden" is not GM's president). None when ``text[start:end]`` is no such
        phrase."""
        if (officer := _BODYS_OFFICER.fullmatch(self.text[start:end].strip(" ,"))) is None \
                or within(self.people, start, end):
            return None
        # a vice president is sought as one, not as the president ("Acme vice president Mark Lane")
        deputy = _DEPUTY.search(officer.string, 0, officer.start("title"))
        person = self._last_with_title(start, f"{deputy.group() if deputy else ''}{officer.group('title')}".lower())
        if person is not None and officer.group("body") in "".join(self._words_around(person)):
            return (*self._person(person), cue)
        return None, None, cue

    def _org_subject(self, start: int, end: int) -> Mention | None:
        """The last organisation in ``text[start:end]`` that can be a subject: not after a preposition ("In a letter
        to Acme"), not a possessor ("Acme's lawyer wrote")."""
        orgs = [m for m in within(self.entities, start, end) if m.label == "ORG" and not self._in_passing(m)]
        return orgs[-1] if orgs else None

    def _name_at_verb(self, start: int, end: int, after: bool) -> str | None:
        """A person's name the extractor ran into the words before it and took for an organisation, right at the
        verb ("… European Commissioner for Competition Neelie Kroes said"): capitalised words no dictionary
        has, once the leading English words are dropped ("Central Bank" stays a bank's)."""
        common = gazetteer().common_words
        for m in within(self.entities, start, end):
            if (m.start == start if after else m.end == end) and m.label in ("ORG", "OTHER"):
                name = person_name(m.text, gazetteer().first_names, common)
                words = name.split()
                capitalised = all(w[:1].isupper() and w.casefold() not in common for w in words)
                if name != m.text and 2 <= len(words) <= 3 and capitalised:
                    return name
        return None

    @staticmethod
    def _lone_surname(word: str, after: bool) -> bool:
        """A single capitalised word that is the whole subject of a verb of saying is a surname the extractor
        missed: after a quote any such word (its capital is no sentence start's), before one a word that is no
        common word ("Police said" is not a person), never a title or pronoun."""
        if not re.fullmatch(r"[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?", word) or word.casefold() in TITLES:
            return False
        if word.casefold() in ("he", "she", "they", "it", "we", "i", "this", "that", "there"):
            return False
        return after or word.casefold() not in gazetteer().common_words

    def _subject_of(self, people: list[Mention]) -> Mention:
        """Of the people named in an attribution, the one who speaks: the first not named after a preposition
        ("In a letter to Pelosi, Trump wrote"), as a possessor ("Trump's lawyer") or in a clause opening the
        sentence ("Once, when Trump interjected, Biden said")."""
        common = gazetteer().common_words
        # "The Senate Minority Leader, Chuck Schumer": the title is no name; a surname that is a word ("Trump") is
        first_names = gazetteer().first_names
        named = [p for p in people if _SURNAME.fullmatch(p.text) or p.text.split()[0] in first_names
                 or not all(w.casefold() in common or w.casefold() in TITLES for w in p.text.split())]
        # "Member of Parliament (MP) Yvette Cooper": an abbreviation in brackets stands for the words before it
        named = [p for p in named if not (self.text[p.start - 1 : p.start] == "(" and self.text.startswith(")", p.end))]
        people = named or people
        for person in people:
            after = self.text[person.end : person.end + 2]
            before = _SENTENCE_START.split(self.text[max(0, person.start - 80) : person.start])[-1]
            if not self._after_preposition(person) and not after.startswith(("'s", "’s")) \
                    and not _IN_OPENING_CLAUSE.search(before):
                return person
        return people[0]
