"""The names an article gives its people and organisations, completed, for the speakers of its quotes.

``ArticleNames`` holds an article's people and organisations (entity mentions outside quotes; a name that opens
with a given name or follows a title counts as a person whatever label the extractor gave it) and completes:
- a person mention → the full name as first given (titles dropped), a surname alone → the fuller name, with what
  the extractor cut off ("Jr.", "al-Amr", a hyphenated given name, a given name taken for a place);
- an organisation → its full name, an acronym spelt out as the article first gives it.
What a pointer ("he", "the CEO", "the company") refers to is ``store.extract.pointer_resolution``'s (people) and
``store.extract.org_antecedents``'s (organisations).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from rapidfuzz.distance import Levenshtein

from store.extract.gazetteer import gazetteer
from store.extract.names_in_text import ARABIC_PARTICLE, missed_person, named_in_text
from store.extract.nicknames import nicknames
from store.extract.quote_cues import TITLE_NOUNS, TITLES
from store.extract.speaker_names import (
    PARTICLES,
    given_name_first,
    is_title,
    last_before,
    mention_end,
    mention_start,
    opened_by,
    paternal_surname,
    person_name,
    plain_name,
    surname,
    surnames_taken_for_companies,
    unlisted_given,
    within,
    without_titles,
)
from store.model import Mention

NEARBY_NAMES = 200  # names looked through to complete a surname
_ORGANISATIONS_BODY = re.compile(r"['’]s\s+(?:Office|Department|Bureau|Service|Council|Commission|Ministry)\b")
# "David and Louise Turpin": a given name sharing the surname of the name after "and"
_COUPLE = re.compile(r"\s+(?:and|&)\s+[A-Z][\w'’-]+\s+([A-Z][\w'’-]+)\b(?!\s+[A-Z])")
# what the extractor leaves off the end of a name: "Jr." and the surname before it, an Arabic particle surname,
# an Irish or French one after "O"/"D" whose apostrophe a space sets apart ("Michael O' Leary", "Charles O 'Reilly")
_NAME_TAIL = re.compile(
    r"(?:\s[A-Z][\w'’-]+)?,?\s(?:Jr|Sr)\b\.?"
    rf"|\s{ARABIC_PARTICLE}[A-Z][\w'’-]+"
    r"|(?<=\s[OD])(?:['’]\s|\s['’])[A-Z][\w'’-]+"
)
_HYPHENATED_GIVEN = re.compile(r"(?:^|\s)([A-Z][a-z]+-[a-z]+) $")  # "Man-kei", "Jae-in"
_DATE_WORD = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|"
                        r"August|September|October|November|December")  # "said Ann Brody Thursday"
# the surname after a given name, with a second one when it follows ("Teresa" "Nielsen Hayden")
_SURNAME_AFTER = re.compile(r" ([A-Z][\w'’-]+)(?: ([A-Z][\w'’-]+))?\b")
_TITLE_BEFORE = re.compile(rf"\b(?:{TITLE_NOUNS})(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?,\s+$",
                           re.IGNORECASE)
_TITLE_AFTER = re.compile(rf",\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{TITLE_NOUNS})\b", re.IGNORECASE)
_HONORIFIC_OR_AGE = re.compile(r"^(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?|[A-Z][a-z]+(?:-[a-z]+)?-year-old)\s+(?=[A-Z])")
# a capitalised word right before a surname, and the word before it if any ("Art Levinson", "by Rich Lowry")
_GIVEN_BEFORE = re.compile(r"(?:(?P<before>[\w'’.-]+)\s+|^|(?<=[(“\"—–])|(?<=[(“\"—–,;:]\s))"
                           r"(?P<given>[A-Z][a-z]{2,}) $")
_ACRONYM_IN_BRACKETS = re.compile(r"\s\([A-Z]{2,6}\)")  # how every completion ends: "… Rehabilitation (CDCR)"
WINDOW = 20_000  # characters either side of a quote searched for a name the extractor missed
# The second syllable of a hyphenated East Asian given name the extractor cut at the hyphen ("Tong Yung"-soo,
# "Ban Ki"-moon): lowercase, after a short capitalised syllable, ending the word
_SYLLABLE_TAIL = re.compile(r"(?:-[a-z]{1,5})*-[a-z]{2,5}\b(?![-'’])")  # "-soo", Thai "-o-cha"
_SHORT_SYLLABLE = re.compile(r"(?:^|\s)[A-Z][a-z]{1,4}$")
# a name in East Asian order, family name first then a hyphenated given name: "Tong Yung-soo", "Moon Jae-in"
_FAMILY_FIRST = re.compile(r"([A-Z][a-z]+) [A-Z][a-z]+-[a-z]+")
_PARTICLES_BEFORE = re.compile(
    rf"(?:(?P<given>[A-Z][\w'’-]+)\s+)?(?P<particles>(?:\b(?:{'|'.join(sorted(PARTICLES))})\s+)+)$"
)


class ArticleNames:
    """An article's people and organisations, and what its names and pointers resolve to."""

    def __init__(self, text: str, mentions: list[Mention], quoted: list[tuple[int, int]]) -> None:
        first_names, common_words = gazetteer().first_names, gazetteer().common_words
        self.text = text
        self.quoted = quoted
        self._window = (0, len(text))
        self._acronyms: dict[str, str | None] = {}  # acronym → what the article spells it out as
        self._completions: dict[str, str] = {}  # organisation name → the name completed before its acronym
        # most articles put no acronym in brackets, and then no name is completed: none is compiled nor searched
        self._has_acronyms = _ACRONYM_IN_BRACKETS.search(text) is not None
        entities = [m for m in mentions if m.kind == "entity" and not self._in_quote(m.start)]
        # the extractor labels some unfamiliar people ORG or OTHER: a name that opens with a given name is a person
        # (not a place: "Santa Barbara County"); and so is a name after a person's title, whatever its label
        self.people = [m for m in entities if (m.label == "PERSON" or self._after_title(m)
                       or m.label in ("ORG", "OTHER") and given_name_first(m.text, first_names))
                       and not is_title(m.text.removesuffix("s"))]  # "Vice Presidents" is no one
        people_at = {m.start for m in self.people}
        self.orgs = [m for m in entities if m.label == "ORG" and m.start not in people_at]
        self.entities = entities
        self.full: dict[str, str] = {}
        for m in mentions:
            if m.kind == "entity" and m.entity:
                person = m.label == "PERSON" or given_name_first(m.text, first_names)
                name = person_name(m.text, first_names, common_words) if person else m.text
                if m.label == "PERSON" and " " not in name and (given := self._given_before(m)):
                    name = f"{given} {name}"
                elif person and name == m.text and (head := self._listed_given_before(m)):
                    name = f"{head} {name}"  # "Wanda" "Vázquez Garced": later "Vázquez said" too
                if tail := self._syllable_tail(m, name):
                    name += tail
                if person and (particles := self._particles_before(m)):
                    name = f"{particles}{name}"
                if len(name.split()) > len(self.full.get(m.entity, "").split()):
                    self.full[m.entity] = name
        # each name's full form split once, when a surname is first looked up near it (most never are): (full name,
        # its last word and a person's first of two surnames casefolded), or None for a single word
        self._splits: dict[tuple[str | None, str, bool], tuple[str, str, str] | None] = {}
        # people's full names (two words or more) by their surname, first named first; and the names themselves
        self._people_names: dict[str, tuple[str, str | None]] = {}
        self._full_people: dict[str, int] = {}  # each full name → where the article first gives it
        for m in self.people:
            full = self.full.get(m.entity or "", "") or person_name(m.text, first_names, common_words)
            if len(full.split()) > 1:
                self._people_names.setdefault(plain_name(surname(full.split())), (full, m.entity))
                self._full_people.setdefault(plain_name(full), m.start)
        for m in self.people:  # a first surname alone after the last ones: "Rosselló" of "Ricardo Rosselló Nevares"
            full = self.full.get(m.entity or "", "")
            if paternal := paternal_surname(full.split(), gazetteer().given_names):
                self._people_names.setdefault(plain_name(paternal), (full, m.entity))
        # names in East Asian order by their family name, whatever label the extractor gave them ("Secretary-General
        # Ban Ki-moon" is no organisation): "Mr Tong" and "Tong said" are "Tong Yung-soo"
        self._family_first: dict[str, tuple[str, str | None]] = {}
        for m in entities:
            full = without_titles(self.full.get(m.entity or "", m.text))
            if found := _FAMILY_FIRST.fullmatch(full):
                self._family_first.setdefault(plain_name(found.group(1)), (full, m.entity))
        if surnamed := surnames_taken_for_companies(self.orgs, self.people, self.full):  # "Bloomberg said"
            self.people = sorted(self.people + surnamed, key=mention_start)
            self.orgs = [m for m in self.orgs if m not in surnamed]
        self._nicknames = nicknames(text, self.people, self.full)  # "called him Mike": "mike" → "ford"

    def _given_before(self, mention: Mention) -> str | None:
        """A given name that is also a word, which the extractor left off a surname: "Art Levinson, chairman of
        Genentech", "by Rich Lowry" — a capitalised Census given name right before it, itself after no other
        capitalised word (but a title: "Chairman Art Levinson"), never a title ("Judge Levinson")."""
        found = _GIVEN_BEFORE.search(self.text, max(0, mention.start - 40), mention.start)
        if found is None or found.group("given") not in gazetteer().given_names or is_title(found.group("given")):
            return None
        before = found.group("before")
        return found.group("given") if not before or not before[:1].isupper() or is_title(before) else None

    def _particles_before(self, mention: Mention) -> str | None:
        """The particles of a surname the extractor left off ("de la" Cruz, "van der" Beek), with the given name
        before them when there is one ("Maria de la Cruz")."""
        found = _PARTICLES_BEFORE.search(self.text, max(0, mention.start - 40), mention.start)
        if found is None:
            return None
        given = found.group("given")
        if given and (is_title(given) or given.casefold() in gazetteer().common_words
                      and given not in gazetteer().first_names and given not in gazetteer().given_names):
            return found.group("particles")
        return found.group()

    def _syllable_tail(self, mention: Mention, name: str) -> str | None:
        """The rest of a hyphenated given name the extractor cut at the hyphen ("Tong Yung" + "-soo"): a lowercase
        syllable after a short last word, which is no English word unless the name opens with no given name
        ("Ban Ki-moon"; not "George Bush-era", "Obama-led")."""
        if self.text[mention.end : mention.end + 1] != "-" or not _SHORT_SYLLABLE.search(name) or " " not in name:
            return None
        tail = _SYLLABLE_TAIL.match(self.text, mention.end)
        if tail is None:
            return None
        given = without_titles(name).split()[0]
        if tail.group()[1:] in gazetteer().common_words and given in gazetteer().first_names:
            return None
        return tail.group()

    def _in_quote(self, offset: int) -> bool:
        i = bisect_right(self.quoted, (offset, len(self.text) + 1)) - 1
        return i >= 0 and self.quoted[i][0] <= offset < self.quoted[i][1]

    def _named_people(self, start: int, end: int) -> list[Mention]:
        """The people named in the narrative between ``start`` and ``end``, not those named inside a quote."""
        return [m for m in within(self.people, start, end) if not self._in_quote(m.start)]

    def _split_name(self, mention: Mention) -> tuple[str, str, str] | None:
        key = (mention.entity, mention.text, mention.label == "PERSON")  # an entity's mentions split once
        if key not in self._splits:
            self._splits[key] = self._split(mention)
        return self._splits[key]

    def _split(self, mention: Mention) -> tuple[str, str, str] | None:
        words = self.full.get(mention.entity or "", mention.text).split()
        if len(words) < 2:
            return None
        paternal = paternal_surname(words, gazetteer().given_names) if mention.label == "PERSON" else None
        return " ".join(words), surname(words).casefold(), (paternal or "").casefold()

    def fullest(self, speaker: tuple[str | None, str | None, str | None]):
        """The speaker under the fullest name the article gives them: a surname alone ("Erdogan") becomes the
        person's full name named anywhere in the article ("Recep Tayyip Erdoğan"), and a name with words run
        into it ("Air Force James Roche") the person's own name ("James Roche")."""
        name, entity, cue = speaker
        if not name:
            return speaker
        if (bare := _HONORIFIC_OR_AGE.sub("", name)) != name and bare:  # "Mr. Toccafondi", "Fourteen-year-old Zoe"
            name = bare
            speaker = name, entity, cue
        # titles before a person the article names ("DCI Lee", "Ch Supt Lee"), not a company's words ("General
        # Motors")
        if (bare := without_titles(name)) != name and (plain_name(last := bare.split()[-1]) in self._people_names
                                                       or opened_by(plain_name(last), self._people_names.values())):
            name = bare
            speaker = name, entity, cue
        words = name.split()
        # a nickname the article gave, alone or before the surname: "Mike said", "a Mike Ford novel"
        if (nicknamed := self._nicknames.get(plain_name(words[0]))) and len(words) <= 2 \
                and (len(words) == 1 or plain_name(words[1]) == nicknamed) and nicknamed in self._people_names:
            full, named = self._people_names[nicknamed]
            return full, named or entity, cue
        # a particle surname is one surname: "von der Leyen", "Van Hollen", "de la Cruz"
        if len(words) == 1 or all(w.casefold() in PARTICLES for w in words[:-1]):
            fuller = self._people_names.get(plain_name(name)) or self._family_first.get(plain_name(name)) \
                or self._ending_with(name) or self._named_in_text(name) or self._misspelt(name) \
                or opened_by(plain_name(name), self._people_names.values())
            return (_HONORIFIC_OR_AGE.sub("", fuller[0]), fuller[1] or entity, cue) if fuller else speaker
        for i in range(1, len(words) - 1):
            tail = " ".join(words[i:])
            # a particle surname ("de Blasio" named alone before) is no full name run into: "Bill de Blasio" stays
            if plain_name(tail) in self._full_people and words[i].casefold() not in PARTICLES:
                return tail, entity, cue
        # two surnames, or a surname of two words, without the given names: "Vargas Llosa", "Suu Kyi"
        if len(words) == 2 and words[0] not in gazetteer().first_names and (fuller := self._ending_with(name)):
            return fuller[0], fuller[1] or entity, cue
        # two given names without the surname: "Luis Enrique" after "Luis Enrique Martínez", the one person so
        # named first (not "Doris Day" before "The Doris Day Show")
        short = self._full_people.get(plain_name(name), len(self.text))
        if len(words) == 2 and len(opening := {full for full in self._people_names.values()
                                              if plain_name(full[0]).startswith(plain_name(name) + " ")
                                              and self._full_people.get(plain_name(full[0]), short) < short}) == 1:
            full, named = opening.pop()
            return full, named or entity, cue
        return speaker

    def _ending_with(self, name: str) -> tuple[str, str | None] | None:
        """A surname of several words ("Van Hollen", "von der Leyen", "Vargas Llosa") → the person named in full
        with it ("Chris Van Hollen", "Mario Vargas Llosa")."""
        words = name.split()
        if len(words) < 2:
            return None
        found = self._people_names.get(plain_name(words[-1]))
        if found and len(found[0].split()) > len(words) and plain_name(found[0]).endswith(" " + plain_name(name)):
            return found
        return None

    def _misspelt(self, name: str) -> tuple[str, str | None] | None:
        """A surname misspelt where it speaks ("DesRoiser said" after "Dennis DesRosier", "Saree said" after
        "Yahya Sarea"): the one person whose surname differs by a letter or two (same first letter, six letters or
        more, 75% alike), or by one letter past the first three in a five-letter one."""
        plain = plain_name(name)
        if len(plain) < 5:
            return None
        alike = [person for last, person in self._people_names.items()
                 if last[:1] == plain[:1] and (Levenshtein.normalized_similarity(last, plain) >= 0.75 if len(plain) > 5
                                               else last[:3] == plain[:3] and Levenshtein.distance(last, plain) == 1)]
        return alike[0] if len(alike) == 1 else None

    def _after_title(self, mention: Mention) -> bool:
        """A name right after a person's title ("Judge Jackson", "Senator Warren") is a person's."""
        before = self.text[max(0, mention.start - 14) : mention.start].split()
        if before and before[-1].strip(".").casefold() in TITLES and before[-1][:1].isupper():
            return True
        # in apposition to a person's title: "The vice president of Dacia, Constantin Stroe," / "X, the minister"
        if len(mention.text.split()) < 2:
            return False
        between_commas = self.text[max(0, mention.start - 2) : mention.start].startswith(",")  # cheap test first
        title_before = between_commas and _TITLE_BEFORE.search(self.text, max(0, mention.start - 60), mention.start)
        title_after = self.text[mention.end : mention.end + 1] == "," and _TITLE_AFTER.match(self.text, mention.end)
        return bool(title_before) or bool(title_after)

    def _organisation(self, mention: Mention) -> str:
        """An organisation's full name as the article gives it; an acronym ("KCNA", "the SDF") is spelt out
        when the article names the organisation in full somewhere ("Korean Central News Agency")."""
        name = self.full.get(mention.entity or "", mention.text)
        if body := _ORGANISATIONS_BODY.match(self.text, mention.end):  # "The Alachua Sheriff's Office"
            return mention.text + body.group()
        return self._spelt_out(name) or self._completed(name)

    def _completed(self, name: str) -> str:
        """A name the extractor cut short at "and", completed where the article spells it out before its
        acronym: "California Department of Corrections and Rehabilitation (CDCR)"."""
        if name not in self._completions:  # each name looked for once: the search reads the whole text
            self._completions[name] = name
            if not self._has_acronyms:
                return name
            rest = r"((?:\s+(?:and|of|for|the|&))*(?:\s+[A-Z][\w'’-]+)+)\s+\(([A-Z]{2,6})\)"
            for found in re.finditer(re.escape(name) + rest, self.text):
                full = name + found.group(1)
                if "".join(w[0] for w in full.split() if w[:1].isupper()) == found.group(2):
                    self._completions[name] = full
                    break
        return self._completions[name]

    def _spelt_out(self, acronym: str) -> str | None:
        """The words an acronym stands for, as the article writes them ("Syrian Democratic Forces (SDF)")."""
        if not re.fullmatch(r"[A-Z]{2,6}", acronym):
            return None
        if acronym not in self._acronyms:
            joiner = r"\s+(?:(?:of|the|and|for|de)\s+)*"
            pattern = joiner.join(rf"{letter}[\w'’]*" for letter in acronym)
            found = re.search(rf"\b{pattern}\b", self.text)
            self._acronyms[acronym] = found.group() if found else None
        return self._acronyms[acronym]

    def _person(self, mention: Mention) -> tuple[str, str | None]:
        """The full name of a person mention; a lone surname goes to the last person named with it."""
        name = self.full.get(mention.entity or "", "") or person_name(
            mention.text, gazetteer().first_names, gazetteer().common_words)
        index = bisect_left(self.entities, mention.end, key=mention_start)
        following = self.entities[index] if index < len(self.entities) else None
        if name == mention.text and following is not None and following.label == "PERSON" \
                and self.text[mention.end : following.start] == " ":  # "Judge Durham" "Hall QC": one name cut in two
            name = person_name(f"{name} {following.text}", gazetteer().first_names, gazetteer().common_words)
            mention = following
        elif name == mention.text and (head := self._name_head(mention)):
            name = f"{head} {name}"  # "Judge Durham Hall": the given name taken for a place
        if name.endswith(mention.text) and (tail := _NAME_TAIL.match(self.text, mention.end)):
            return name + tail.group(), mention.entity  # "William Clay" "Ford Jr.", "Suleiman" "al-Amr"
        if len(name.split()) == 1:
            surname = _SURNAME_AFTER.match(self.text, mention.end)
            if (
                surname
                and (name in gazetteer().first_names
                     or mention.label == "PERSON" and unlisted_given(name, surname.group(1)))
                and surname.group(1).casefold() not in gazetteer().common_words
            ):
                second = surname.group(2)
                if second and second.casefold() not in gazetteer().common_words and not _DATE_WORD.fullmatch(second):
                    return f"{name} {surname.group(1)} {second}", mention.entity  # "Teresa Nielsen Hayden"
                return f"{name} {surname.group(1)}", mention.entity  # "Michelle" "Obama" taken as two mentions
            if name in gazetteer().first_names and (couple := _COUPLE.match(self.text, mention.end)):
                return f"{name} {couple.group(1)}", mention.entity  # "David and Louise Turpin": David Turpin
            return self._by_surname(name, mention.start) or (name, mention.entity)
        return name, mention.entity

    def _listed_given_before(self, mention: Mention) -> str | None:
        """A listed given name the extractor took for an organisation or place right before a name that opens
        with none: "Wanda" (a company) "Vázquez Garced"."""
        previous = last_before(self.entities, mention.start - 1)
        if previous is None or previous.text not in gazetteer().first_names or previous.label == "PERSON" \
                or self.text[previous.end : mention.start] != " " or mention.text.split()[0] in gazetteer().given_names:
            return None
        return previous.text

    def _name_head(self, mention: Mention) -> str | None:
        """The given name the extractor left off a name: a hyphenated one ("Man-kei Tam"), or one it took for a
        place or organisation between a title and the rest ("Judge Durham Hall")."""
        before = self.text[max(0, mention.start - 40) : mention.start]
        if hyphenated := _HYPHENATED_GIVEN.search(before):
            return hyphenated.group(1)
        previous = last_before(self.entities, mention.start - 1)
        if previous is None or previous.label not in ("PLACE", "ORG", "OTHER") or " " in previous.text \
                or self.text[previous.end : mention.start] != " ":
            return None
        title = self.text[max(0, previous.start - 14) : previous.start].split()
        return previous.text if title and title[-1][:1].isupper() and is_title(title[-1]) else None

    def _by_surname(self, surname: str, at: int) -> tuple[str, str | None] | None:
        """The last fuller name ending in ``surname`` before ``at``, else the first after it ("President Trump"
        early, "Donald Trump" later in the article)."""
        surname = surname.strip(".,’'").casefold()
        # every kind of name: the extractor sometimes labels a person an organisation ("Jim Press")
        split = bisect_right(self.entities, at, key=mention_end)
        # within reach of the quote: a long text's far-off names are others' (and scanning them all is quadratic)
        nearby = [
            *range(split - 1, max(-1, split - 1 - NEARBY_NAMES), -1),
            *range(split, min(len(self.entities), split + NEARBY_NAMES)),
        ]
        for i in nearby:
            if (split_name := self._split_name(self.entities[i])) is None:
                continue
            name, last, paternal = split_name
            if surname in (last, paternal) or (len(surname) >= 6 and last[:1] == surname[:1]
                                   and Levenshtein.normalized_similarity(last, surname) >= 0.75):
                # a person's name, without the words run into it ("Minority Whip Dick Durbin"; not "World Wonder
                # Ring Stardom", which starts with no given name once cut)
                person = person_name(name, gazetteer().first_names, gazetteer().common_words)
                given = person.split()[0]
                cut = given in gazetteer().first_names or given in gazetteer().given_names
                return person if cut else without_titles(name), self.entities[i].entity
        return None

    def _missed_person(self, start: int, end: int) -> str | None:
        return missed_person(self.text, start, end, self._in_quote)

    def _named_in_text(self, name: str) -> tuple[str, None] | None:
        return named_in_text(self.text, name, *self._window)
