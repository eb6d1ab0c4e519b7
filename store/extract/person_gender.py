"""Whether an article's people are women or men, read from the article itself, so that "she said" and "the
mother said" go to a woman and "he said" and "the father said" to a man.

The evidence, weighed per person (an entity key groups "Jane Roe", "Roe" and "Ms Roe"), comes first from the
article:
- an honorific right before a name ("Mr", "Mrs", "Ms", "Sir", "Queen") or a gendered noun in apposition to it
  ("actress Jane Roe", "his wife Mary", "Jane Roe, the mother of two,", "Jane Roe and her son") — strong;
- the pronouns that refer back to a person: "he"/"his"/"him" or "she"/"her" in the rest of a sentence whose
  subject that person is and that names no one else, and in the next sentence before it names anyone ("Roe left.
  She was 40.", "Her deputy, Tom Hale, took over.") — one vote a sentence;
- a given name the US Census finds borne by one sex 95% of the time ("Ana", "Thomas"; not "Jordan" or "Kim";
  ``entities_public.given_genders``) — more than one sentence's pronouns ("Tom Hale finished second. She later
  said" does not make Tom a woman), less than two.
A person with no evidence, or as much for one as for the other, has no gender and no pronoun is kept from them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from store.extract.entities_public import given_genders
from store.extract.speaker_names import within
from store.model import Mention

FEMALE, MALE = "f", "m"
# an honorific or a gendered noun outweighs a few ambiguous pronouns, and so does a given name one sex bears;
# but a given name gives way to two sentences of pronouns ("Andrea" is a man's name in Italy)
_STRONG, _CENSUS, _WEAK = 3, 1.5, 1
_SUBJECT_WORDS = 8  # words before a person who is the subject of a sentence ("On Thursday, the actress Jane Roe")

_HONORIFIC = re.compile(r"\b(?:(?P<f>Mrs|Ms|Miss|Mme|Mlle|Madam|Madame|Dame|Lady|Queen|Princess|Duchess|Countess|"
                        r"Sister|Congresswoman|Assemblywoman|Chairwoman|Baroness)|"
                        r"(?P<m>Mr|Sir|Lord|King|Prince|Duke|Earl|Brother|Congressman|Assemblyman|Baron))\.?\s+$")
_FEMALE_NOUNS = "actress|wife|mother|mum|mom|daughter|sister|widow|grandmother|granddaughter|aunt|niece|"\
    "girlfriend|spokeswoman|chairwoman|businesswoman|congresswoman|sportswoman|policewoman|woman|girl|queen|"\
    "princess|duchess|heiress|waitress|stepmother|stepdaughter|bride|nun|fiancée"
_MALE_NOUNS = "husband|father|dad|son|brother|widower|grandfather|grandson|uncle|nephew|boyfriend|spokesman|"\
    "businessman|congressman|sportsman|policeman|man|boy|king|prince|duke|stepfather|stepson|groom|monk|fiancé"
_NOUN = rf"(?:(?P<f>{_FEMALE_NOUNS})|(?P<m>{_MALE_NOUNS}))"
_NOUN_BEFORE = re.compile(rf"\b{_NOUN},?\s+$", re.IGNORECASE)  # "actress Jane Roe", "his wife, Mary"
# "Jane Roe, his wife and chair of …", "Jane Roe, the mother of the victim", "Jane Roe, fiancée of …" (not "the
# mother's lawyer")
_NOUN_AFTER = re.compile(rf",\s+(?:(?:the|a|an|his|her|their|[A-Z][\w'’-]*['’]s?)\s+(?:[\w-]+\s+){{0,2}}?)?{_NOUN}\b"
                         r"(?!['’]s)", re.IGNORECASE)
_OWN_AFTER = re.compile(r",?\s+(?:and|with|alongside)\s+(?:(?P<f>her)|(?P<m>his))\b")  # "Jane Roe and her son"
PRONOUNS = re.compile(r"\b(?:(?P<f>she|her|hers|herself)|(?P<m>he|him|his|himself))\b", re.IGNORECASE)


def pronoun_gender(word: str) -> str | None:
    """The gender of a pronoun or gendered noun ("she", "his", "the mother"), None for any other word."""
    found = PRONOUNS.fullmatch(word) or re.fullmatch(_NOUN, word, re.IGNORECASE)
    if found is None:
        return None
    return FEMALE if found.group("f") else MALE


class Genders:
    """Each person's gender in one article, worked out on first use. ``people`` are the person mentions outside
    quotes, sorted; ``in_quote`` tells whether an offset is quoted speech, ``sentence_holding``/``sentence_end``
    where the sentence holding an offset begins and where the next one does (or its paragraph's end)."""

    def __init__(self, text: str, people: list[Mention], in_quote: Callable[[int], bool],
                 sentence_holding: Callable[[int], int], sentence_end: Callable[[int], int],
                 full_name: Callable[[Mention], str]) -> None:
        self.text, self.people = text, people
        self._in_quote, self._sentence_holding, self._sentence_end = in_quote, sentence_holding, sentence_end
        self._full_name = full_name
        self._genders: dict[str, str | None] = {}
        self._mentions: dict[str, list[int]] | None = None  # each person's mentions, by index into ``people``

    def of(self, person: Mention) -> str | None:
        """``FEMALE``, ``MALE``, or None when the article does not tell. Weighed for each person on first ask: a
        quote's pronoun asks about a few people of the article, not all."""
        key = _key(person)
        if key not in self._genders:
            self._genders[key] = self._weigh(key)
        return self._genders[key]

    def _weigh(self, key: str) -> str | None:
        if self._mentions is None:
            self._mentions = {}
            for i, mention in enumerate(self.people):
                self._mentions.setdefault(_key(mention), []).append(i)
        tally = {FEMALE: 0.0, MALE: 0.0}
        for i in self._mentions.get(key, ()):
            for gender in self._named_as(self.people[i]):
                tally[gender] += _STRONG
            for gender in self._referred_to(i):
                tally[gender] += _WEAK
        if key in self._mentions and (census := self._by_given_name(self.people[self._mentions[key][0]])):
            tally[census] += _CENSUS
        female, male = tally[FEMALE], tally[MALE]
        return FEMALE if female > male else MALE if male > female else None

    def _by_given_name(self, person: Mention) -> str | None:
        """The sex the Census finds nearly always bearing the person's given name."""
        words = self._full_name(person).split()
        if len(words) < 2:  # "Thomas" alone may be a surname
            return None
        sexes = given_genders()
        return FEMALE if words[0] in sexes["female"] else MALE if words[0] in sexes["male"] else None

    def _named_as(self, person: Mention):
        before = self.text[max(0, person.start - 40) : person.start]
        for found in (_HONORIFIC.search(before), _NOUN_BEFORE.search(before),
                      _NOUN_AFTER.match(self.text, person.end, person.end + 80),
                      _OWN_AFTER.match(self.text, person.end, person.end + 20)):
            if found is not None:
                yield FEMALE if found.group("f") else MALE

    def _referred_to(self, index: int):
        """The gender of the pronouns after a person in a sentence naming no one else, and in the next sentence
        when that names no one: one vote each, and none when both genders occur."""
        person = self.people[index]
        start = self._sentence_holding(person.start)
        end = self._sentence_end(person.end)
        if any(_key(other) != _key(person) for other in self._people_in(start, end)):
            return
        before = self.text[start : person.start]
        if len(before.split()) > _SUBJECT_WORDS or PRONOUNS.search(before):
            return  # not the sentence's subject: "He wanted to marry Jane Roe. He never came out."
        if self.text.startswith("))", person.end):
            return  # an interview's "((Jane Roe)) I told him …": the answer's pronouns are others'
        if (own := self._pronouns(person.end, end)) is not None:
            yield own
        if end >= len(self.text) or self.text[end] == "\n":  # the next paragraph may be about someone else
            return
        following_end = self._sentence_end(end)
        if named := self._people_in(end, following_end):  # "Her deputy, Tom Hale, took over": before the name
            following_end = named[0].start
        if (following := self._pronouns(end, following_end)) is not None:
            yield following

    def _people_in(self, start: int, end: int) -> list[Mention]:
        return within(self.people, start, end)

    def _pronouns(self, start: int, end: int) -> str | None:
        found = {FEMALE if p.group("f") else MALE for p in PRONOUNS.finditer(self.text, start, end)
                 if not self._in_quote(p.start())}
        return found.pop() if len(found) == 1 else None


def _key(person: Mention) -> str:
    return person.entity or person.text.casefold()
