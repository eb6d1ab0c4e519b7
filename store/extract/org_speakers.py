"""Organisations and documents as the speakers of quotes.

``SourceNames`` extends ``ArticlePointers`` (``store.extract.pointer_resolution``) with the sources news writing
names through what they published: "a statement from X read", "according to a press release from X", "a
statement on the company's website said" → X (or the person named, "a statement from Boeing spokesman William
Barksdale"). A source named by no one ("a statement from the family") is left to the unnamed-source rules.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from store.extract.clause_sources import OPENING_WORDS
from store.extract.entity_rules import ORG_SUFFIXES
from store.extract.name_completion import NEARBY_NAMES
from store.extract.pointer_resolution import ArticlePointers
from store.extract.quote_cues import COMPANY_NOUNS, DOCUMENT_NOUNS
from store.extract.speaker_names import last_before, mention_end, within
from store.model import Mention

# "a statement from", "the press release issued by", "a post on": the source is named after the lead
_DOCUMENT_LEAD = re.compile(
    rf"\s*(?:a|an|the|its|their|one)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{DOCUMENT_NOUNS})s?\s+"
    r"(?:(?:issued|released|posted|published|sent|signed|put out)\s+(?:online\s+)?)?(?:from|by|of|on)\s+",
    re.IGNORECASE,
)
# a place after a preposition is where, not whose ("Fans in Texas Rangers caps"); after "the" it opens the name the
# article gives ("from the United States Department of State")
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|at|from|to|of|for|by|on|near|across)\s+$", re.IGNORECASE)
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_CLAUSE = re.compile(r"([^,;:“”\"]+),")  # "according to X," opening the sentence
_MEMBERS = re.compile(r"\s*(?:including|such as|among them|among whom)\b")
# an organisation a person heads or runs for: "the Biden campaign", "Erdogan's office"
# "Day's animal foundation" (a few lower-case words before the noun); not the "campaign manager" who is a person
_PERSONS_BODY = re.compile(r"(?:['’]s\s+(?:[a-z-]+\s+){0,2}?|\s+)(campaign|office|administration|government|team|"
                           r"family|foundation|party|cabinet|ministry)\b(?!\s+(?:manager|chair|spokes|director|aide|"
                           r"official|adviser|advisor|member|head|chief|staff))")
# "the federal government", "the government statement": an organisation's common noun, closing a phrase; and what
# it published on a platform ("the government Twitter account"), or any one thing it published, "a government
# statement", "an official government Twitter account" (but "a government spokesman" is someone unnamed)
_PLATFORM = r"(?:\s+(?:Twitter|Facebook|Instagram|YouTube|Telegram|Weibo|WeChat))?"
_THE_BODY_NOUN = re.compile(rf"\b(?:the|its|an?(?=\s+(?:official\s+)?(?:[\w-]+\s+)??(?:{COMPANY_NOUNS}){_PLATFORM}\s+"
                            rf"(?:{DOCUMENT_NOUNS})\b))\s+(?:official\s+)?((?:[\w-]+\s+)??({COMPANY_NOUNS}))"
                            rf"{_PLATFORM}(?:\s+(?:{DOCUMENT_NOUNS}))?"
                            r"(?:\s+(?:has|had|have|was|were|is|are|would|will|also|already|earlier|then|later))*$",
                            re.IGNORECASE)
_CAPITALISED = r"[A-Z][\w'’-]*(?:\.[A-Z]\.?)*"  # "United", "U.S.", not "Africa." ending a sentence
# a body named by its common noun and whom it serves: "The government of American Samoa", "the ministry of Health"
_BODY_OF_NAME = re.compile(rf"(?i:the|its)\s+((?i:{COMPANY_NOUNS})\s+of\s+(?:the\s+)?{_CAPITALISED}"
                           rf"(?:\s+{_CAPITALISED})*)")
_ARTICLE = re.compile(r"\s*(?:a|an|the|one)\s+", re.IGNORECASE)
_OWNED_DOCUMENT = re.compile(rf"\s+(?:[\w-]+\s+){{0,2}}?(?:{DOCUMENT_NOUNS})s?\b", re.IGNORECASE)
_THE_DOCUMENT = re.compile(rf"^\s*(?:the|this|that|its|their)\s+(?:[\w-]+\s+){{0,2}}?({DOCUMENT_NOUNS})"
                           r"(?:\s+(?:also|then|later|further|again))?$", re.IGNORECASE)
_BODY_NOUN = re.compile(COMPANY_NOUNS, re.IGNORECASE)
_STEM = 6  # letters two forms of a word share ("Emergency", "Emergencies")
# what a court issues, named with no issuer: "the ruling", "The summary of the decision", "the majority opinion"
_COURTS_DOCUMENT = re.compile(r"\s*(?:the|its)\s+(?:(?:summary|text|part)\s+of\s+the\s+|[\w-]+\s+)?"
                              r"(?:ruling|decision|judgment|judgement|verdict|opinion)\s*$", re.IGNORECASE)
# a quote's source given after it as where it was stated: "…" as stated on the Apple website, "…" as reported by X
_AS_STATED = re.compile(r"[\s,]*as\s+(stated|said|written|reported|noted|announced|described|claimed|put)\s+"
                        r"(?:on|in|by)\s+")
# or named before its verb: "…," as the mayor put it; "…" — as the court's decision put it —
_AS_X_PUT_IT = re.compile(r"[\s,]*[—–-]?\s*as\s+(?P<who>(?:the|a|an|he|she|they|it|[A-Z])[^,.;:“”\"—–()]{0,80}?)\s+"
                          r"(?P<verb>put it|said|says|wrote|writes|noted|notes|described it|called it|reported)\b")
_BODYS_DOCUMENT = re.compile(rf"({COMPANY_NOUNS})\s+(?:{DOCUMENT_NOUNS})s?\b", re.IGNORECASE)
# a body's spokesperson or official, named by no name: "the Kremlin's spokesman", "the ministry's spokesperson"
_BODYS_SPOKESPERSON = re.compile(r"(?:[Tt]he\s+|[Aa]n?\s+)?(?:[\w.-]+\s+){0,3}?[\w.-]+['’]s?\s+(?:\w+\s+)?"
                                 r"(spokesperson|spokesman|spokeswoman|representative|official|officials)")
_OF = re.compile(r" of (?:the )?")
# a country's armed forces, named by its name or people's adjective: "the US military", "the Israeli army"
_FORCES = re.compile(r"\b(?:the|its)\s+((?:[A-Z][\w.'’-]*\s+){1,2}(?:military|army|navy|air force|armed forces|"
                     r"coast guard))$")
# "the company" owning the document's outlet: "the company's website"
_THE_BODY = re.compile(r"(?:the|its)\s+(?:[\w-]+\s+)?[\w-]+(?=['’]s?\b|\s*$)", re.IGNORECASE)


def _abbreviates(acronym: str, words: list[str]) -> bool:
    """Whether ``acronym`` is a beginning of each of ``words`` in turn (upper case)."""
    if not words:
        return not acronym
    word, shared = words[0], 0
    while shared < min(len(acronym), len(word)) and acronym[shared] == word[shared]:
        shared += 1
        if _abbreviates(acronym[shared:], words[1:]):
            return True
    return False


@lru_cache(maxsize=64)
def _introductions(noun: str) -> re.Pattern[str]:
    """Where an article introduces a document with its issuer: after the noun ("warning issued by ", "statement
    from "), or before it ("'s statement", " released a statement"); the issuer's name stands at the match's
    end or right before its start."""
    return re.compile(
        rf"\b{re.escape(noun)}s?\s+(?P<after>(?:(?:issued|released|published|posted|sent|put out)\s+(?:online\s+)?)?"
        rf"(?:by|from)\s+(?:the\s+)?)|(?:['’]s?|\s+(?:issued|released|published|put out|posted))\s+(?:an?\s+)?"
        rf"(?:[\w-]+\s+){{0,2}}?{re.escape(noun)}s?\b",
        re.IGNORECASE,
    )


class SourceNames(ArticlePointers):
    """An article's names and pointers, and the organisations its documents speak for."""

    def __init__(self, text: str, mentions: list[Mention], quoted: list[tuple[int, int]]) -> None:
        super().__init__(text, mentions, quoted)
        self._first_named: dict[tuple[str | None, str], Mention] = {}  # (entity, text) → where first named
        for org in self.orgs:
            self._first_named.setdefault((org.entity, org.text), org)

    def _organisation(self, mention: Mention) -> str:
        """The organisation's full name as the article first gives it, with what the extractor cut off: a lone
        head noun ("the Court") is the last organisation named with it ("Supreme Court"); a place right before
        its first mention, one space apart ("United States" "Department of State"), or after it ("Supreme Court"
        "of Puerto Rico") belongs to the name."""
        if " " not in mention.text and (fuller := self._named_with_head(mention)) is not None:
            mention = fuller
        elif (headed := self._named_with_heads(mention)) is not None:
            mention = headed
        elif (longer := self._named_longer(mention)) is not None:
            mention = longer
        mention = self._first_named.get((mention.entity, mention.text), mention)
        name = super()._organisation(mention)
        if _ACRONYM.fullmatch(name) and (spelt := self._abbreviated(name)):
            return spelt
        if not name.startswith(mention.text):  # spelt out or completed already: read around its first naming
            first = next((m for m in self.orgs if m.entity == mention.entity and m.text == name), None)
            if first is None:
                return name
            mention = first
        place = last_before(self.entities, mention.start)
        if place is not None and place.label == "PLACE" and self.text[place.end : mention.start] == " " \
                and not _PREPOSITION_BEFORE.search(self.text[max(0, place.start - 12) : place.start]):
            name = f"{place.text} {name}"
        if of := _OF.match(self.text, mention.end):
            after = [m for m in within(self.entities, of.end(), of.end() + 60) if m.start == of.end()]
            if after and after[0].label == "PLACE":
                name = f"{name}{of.group()}{after[0].text}"
        elif " of " in name and self.text.startswith(" and ", mention.end):  # "High Court of England" "and Wales"
            after = [m for m in within(self.entities, mention.end + 5, mention.end + 60) if m.start == mention.end + 5]
            if after and after[0].label == "PLACE":
                name = f"{name} and {after[0].text}"
        return name

    def _spelt_out(self, acronym: str) -> str | None:
        """As ``ArticleNames._spelt_out``, but not words that merely begin with its letters: a sentence opening
        with "With" or a possessor ("With NASA's" is no spelling of "WN")."""
        spelt = super()._spelt_out(acronym)
        if spelt is None or spelt.split()[0] in OPENING_WORDS or spelt.endswith(("'s", "’s")):
            return None
        return spelt

    def _abbreviated(self, acronym: str) -> str | None:
        """The first organisation named whose words' beginnings make up ``acronym``, a word giving one letter or
        more ("SIA" for "Singapore Airlines")."""
        for org in self.orgs:
            words = [w for w in org.text.split() if w[:1].isupper()]
            if len(words) > 1 and _abbreviates(acronym, [w.upper() for w in words]):
                return org.text
        return None

    def _named_with_heads(self, mention: Mention) -> Mention | None:
        """The one organisation named before ``mention`` as its name and company head nouns or legal form ("Apple
        Computer", "Toyota Motor Corporation" before "Apple", "Toyota"): a company's short name is its full one."""
        prefix = f"{mention.text} "
        fuller = {m.entity: m for m in self.orgs if m.start < mention.start and m.text.startswith(prefix)
                  and all(word in ORG_SUFFIXES for word in m.text[len(prefix) :].split())}
        return next(iter(fuller.values())) if len(fuller) == 1 else None

    def _named_longer(self, mention: Mention) -> Mention | None:
        """The first organisation named before ``mention`` (two words, a body's noun last) with more words, the
        same noun last and a first word of the same stem: the short form news gives a body it named in full
        ("Emergencies Ministry" after "Emergency Situations Ministry", "Foreign Ministry" after "Foreign Affairs
        Ministry")."""
        words = mention.text.split()
        if len(words) != 2 or not _BODY_NOUN.fullmatch(words[1]):
            return None
        stem = words[0][:_STEM].casefold()
        return next((m for m in self.orgs if m.start < mention.start and m.entity != mention.entity
                     and len(named := m.text.split()) > 2 and named[-1] == words[1]
                     and named[0][:_STEM].casefold() == stem), None)

    def _named_with_head(self, mention: Mention) -> Mention | None:
        """The last organisation named before ``mention`` whose name ends with its one word ("Supreme Court"
        for "Court") or has it before "of" or "on" ("Commission on Presidential Debates", "Court of Justice")."""
        count = bisect_right(self.orgs, mention.start, key=mention_end)
        word = mention.text
        nearby = self.orgs[max(0, count - NEARBY_NAMES) : count]
        return next((m for m in reversed(nearby) if m.text != word and (
            m.text.endswith(f" {word}") or f"{word} of " in m.text or f"{word} on " in m.text)), None)

    def _pointer(self, phrase: str, at: int, end: int, anywhere: bool = False):
        """As ``ArticlePointers._pointer``; and "the federal government", "the government statement" that no
        organisation's mention names go to the fuller form the article first gave the phrase ("the United
        States federal government", "The government of Burundi")."""
        if (body := _THE_BODY_NOUN.search(phrase)) and body.group(1).islower() \
                and not any(body.group(2).lower() in m.text.lower() for m in self.orgs) \
                and (given := self._given_in_full(body.group(1), at)):
            return given, None
        if body_of := _BODY_OF_NAME.fullmatch(phrase):
            return body_of.group(1), None
        if forces := _FORCES.search(phrase):
            return forces.group(1), None
        if (document := _THE_DOCUMENT.search(phrase)) and (issuer := self._issuer(document.group(1), at)):
            return issuer
        if _COURTS_DOCUMENT.match(phrase) and (court := self.the_company("the court", at)):
            return court  # "The summary of the decision read", no issuer named: the court the article is about
        return super()._pointer(phrase, at, end, anywhere)

    def _issuer(self, noun: str, at: int) -> tuple[str, str | None] | None:
        """Who issued "the <document>" the article introduced before ``at``: "The orange warning issued by Met
        Éireann", "a statement from X", "X's statement", "X released a statement", "The government of X issued a
        statement"; the last one introduced."""
        found: Mention | str | None = None
        for match in _introductions(noun).finditer(self.text, self._window[0], at):
            owner: Mention | str | None
            if match.group("after") is not None:  # the issuer is named after the noun
                owner = next((m for m in within(self.entities, match.end(), match.end() + 80)
                              if m.start == match.end()), None)
            else:
                owner = last_before(self.entities, match.start() + 1)
                owner = owner if owner is not None and owner.end == match.start() else None
                sentence = self._sentence_start(max(0, match.start() - 120), match.start())
                if body_of := _BODY_OF_NAME.fullmatch(self.text, sentence, match.start()):
                    owner = body_of.group(1)
            if isinstance(owner, str) or owner is not None and (owner in self.people or owner.label == "ORG"):
                found = owner
        if found is None or isinstance(found, str):
            return (found, None) if found else None
        return self._person(found) if found in self.people else (self._organisation(found), found.entity)

    def persons_body(self, person: Mention) -> tuple[str, str | None] | None:
        """The organisation a person heads or runs for, named by the person ("the Biden campaign", "Erdogan's
        office"): the one the article names with the person's surname and that noun ("Day's animal foundation" →
        "Doris Day Animal Foundation"), else the words as written; None when no such noun follows the name."""
        if (body := _PERSONS_BODY.match(self.text, person.end)) is None:
            return None
        surname, head = person.text.split()[-1], body.group(1).capitalize()
        named = next((m for m in self.orgs if m.text.endswith(f" {head}") and surname in m.text.split()), None)
        if named is not None:
            return self._organisation(named), named.entity
        return self.text[person.start : body.end()], None

    def _given_in_full(self, phrase: str, at: int) -> str | None:
        """The first fuller form of ``phrase`` before ``at``: after capitalised words ("United States federal
        government") or before "of" and a name ("government of Burundi")."""
        words = rf"(?i:{re.escape(phrase)})"
        after_names = re.compile(rf"(?:{_CAPITALISED}\s+)+{words}\b")
        before_of = re.compile(rf"\b{words}\s+of\s+(?:the\s+)?{_CAPITALISED}(?:\s+{_CAPITALISED})*")
        given = []
        for found in after_names.finditer(self.text, self._window[0], at):
            named = found.group().split()
            while named[0] in OPENING_WORDS:
                named.pop(0)
            possessor = any(w.endswith(("'s", "’s")) for w in named)  # "NASA's study": no name of the study
            if named[0][:1].isupper() and not possessor:
                given.append((found.start(), " ".join(named)))
                break
        if of := before_of.search(self.text, self._window[0], at):
            given.append((of.start(), of.group()))
        return min(given)[1] if given else None

    def _source(self, start: int, end: int, cue: str | None):
        """``(name, entity, cue)`` of a source named by what it published (``_document_source``), or
        ``(None, None, cue)`` for an unnamed one given as "according to" a clause ("According to police and
        county officials, X was driving "…""); None when ``text[start:end]`` is neither."""
        if document := self._document_source(start, end, cue):
            return document
        if (spokesperson := _BODYS_SPOKESPERSON.fullmatch(self.text[start:end].strip(" ,"))) \
                and not within(self.people, start, end):  # "the Kremlin's spokesman": no name given
            person = self._last_with_title(start, spokesperson.group(1).lower())
            return (*self._person(person), cue) if person is not None else (None, None, cue)
        if cue is not None and cue.lower() == "according to" and (clause := _CLAUSE.match(self.text, start, end)) \
                and not within(self.entities, start, clause.end()) \
                and self._pointer(clause.group(1).strip(), start, clause.start(1) + len(clause.group(1).rstrip())) \
                == (None, None):
            return None, None, cue
        return None

    def stated_after(self, close_at: int, end: int) -> tuple[int, int, str] | None:
        """``(start, end, cue)`` of the source a quote closing at ``close_at`` is given "as stated on" (in, by)
        right after it, to its sentence's end ("…" as stated on the Apple website), or "as X put it" (said, wrote);
        None when no such phrase follows."""
        if (stated := _AS_STATED.match(self.text, close_at + 1, end)) is not None:
            return stated.end(), min(end, self._sentence_end(stated.end())), stated.group(1)
        if (put := _AS_X_PUT_IT.match(self.text, close_at + 1, end)) is not None:  # "…" — as the decision put it —
            return put.start("who"), put.end("who"), put.group("verb")
        return None

    def _source_end(self, start: int, end: int) -> int:
        """Where the source named after "according to" at ``start`` ends: at the comma closing the clause when
        it names someone ("According to AP, the pilot "…""), else at ``end``."""
        clause = _CLAUSE.match(self.text, start, end)
        return clause.end() - 1 if clause is not None and within(self.entities, start, clause.end()) else end

    def _unnamed_group(self, start: int, people: list[Mention]) -> bool:
        """Whether the subject before a verb is a group no one names, the people named only as some of its
        members ("Fifty former officials, including John Brennan and Leon Panetta, signed a letter")."""
        opening, comma, rest = self.text[start : people[0].start].partition(",")
        return bool(comma and opening.strip()) and _MEMBERS.match(rest) is not None \
            and self._pointer(opening.strip(), start, start + len(opening.rstrip())) == (None, None)

    def _document_source(self, start: int, end: int, cue: str | None):
        """``(name, entity, cue)`` of the source named after "a statement from" (or "a post on", "the report
        by") opening ``text[start:end]``; None when no such lead opens it or no source is named."""
        lead = _DOCUMENT_LEAD.match(self.text, start, end)
        if lead is None:
            return self._owners_document(start, end, cue)
        rest = lead.end()
        # the source is the noun phrase after the lead, up to its clause's comma: not the object of a clause after
        # it ("an email by Roche provides a contrast, as he talks to Tom Hale, saying")
        comma = self.text.find(",", rest, end)
        people = self._named_people(rest, comma if comma >= 0 else end)
        if people:  # "Boeing spokesman William Barksdale", "Biden's Twitter account", "the Biden campaign"
            if persons := self.persons_body(people[0]):
                return (*persons, cue)
            return (*self._person(people[0]), cue)
        orgs = [m for m in within(self.orgs, rest, end) if not self._in_quote(m.start)]
        if orgs and orgs[0].start - rest <= 4:  # "from Toyota", "from the Ministry of Defence"
            return self._organisation(orgs[0]), orgs[0].entity, cue
        if body := _THE_BODY.match(self.text, rest, end):  # "a statement on the company's website"
            pointer = self._pointer(body.group(), rest, body.end())
            if pointer and pointer[0]:
                return (*pointer, cue)
        return None

    def _owners_document(self, start: int, end: int, cue: str | None):
        """``(name, entity, cue)`` of the organisation or person named as a document's owner opening
        ``text[start:end]``: "an AEW press release", "a White House statement", "a Trump tweet"."""
        article = _ARTICLE.match(self.text, start, end)
        if article is None:
            return None
        owner = next((m for m in within(self.entities, article.end(), end) if m.start == article.end()), None)
        if owner is None and (body := _BODYS_DOCUMENT.match(self.text, article.end(), end)):
            # "a police statement", "a company filing": "the police", which ends where "police" does
            pointer = self._pointer(f"the {body.group(1)}", start, body.end(1))
            return (*pointer, cue) if pointer and pointer[0] else None
        if owner is None or not _OWNED_DOCUMENT.match(self.text, owner.end, end):
            return None
        if owner in self.people:
            return (*self._person(owner), cue)
        return (self._organisation(owner), owner.entity, cue) if owner.label == "ORG" else None
