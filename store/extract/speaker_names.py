"""Names of speakers: a person's name as the article gives it, without titles, post-nominals or the words the
extractor ran into it; and bisection helpers over mentions sorted by start."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache

from store.extract.entity_rules import PERSON_TITLES, is_role_word
from store.extract.gazetteer import fold, gazetteer
from store.extract.quote_cues import TITLE_NOUNS, TITLES
from store.model import Mention

_TITLE_PREFIXES = {"vice", "deputy", "acting", "former"}
# titles of ranks under a secretary or minister, written as one word ("Undersecretary Ann Lee"), a Muslim honorific
# of descent ("Sayyid Ali Khamenei"), police and military ranks and their short forms ("Det Ch Supt Ann Lee", "DCI
# Lee", "Cllr Lee", "Fr Lee")
_MORE_TITLES = {"undersecretary", "under-secretary", "undersecretary-general", "under-secretary-general", "sayyid",
                "detective", "inspector", "superintendent", "constable", "sergeant", "det", "insp", "supt", "ch", "dci",
                "sgt", "cpl", "pte", "lt", "lieut", "maj", "cmdr", "brig", "cllr", "councillor", "fr", "msgr", "adm",
                "pfc", "pvt", "spc", "atty", "taoiseach", "tánaiste", "tanaiste"}
_POST_NOMINALS = {"QC", "KC", "MP", "MEP", "PhD", "MD", "OBE", "MBE", "CBE"}
GENERATIONS = {"Jr", "Sr", "II", "III", "IV"}  # part of the name ("Robert Downey Jr."), after the surname
# surname particles, part of the surname: "von der Leyen", "de Blasio", "Van Hollen", "da Silva", "Le Pen", "de la Cruz"
_JOINED_SURNAMES = re.compile(r"([A-Z][a-zà-ÿ]{2,})-[A-Z][a-zà-ÿ]{2,}")  # "Ruiz-Lopez", "Smith-Jones"
PARTICLES = {"van", "von", "de", "der", "den", "da", "das", "dos", "di", "del", "della", "du", "la", "le", "ter", "ten"}


@lru_cache(maxsize=65_536)  # the speaker rules compare the same few names thousands of times an article
def plain_name(name: str) -> str:
    """A name compared without case or accents ("Erdoğan" = "Erdogan")."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()


def opened_by(word: str, people) -> tuple[str, str | None] | None:
    """The one person, of ``people`` ((full name, entity) pairs), whose full name of three words or more opens with
    ``word``: where a culture names people by the first word of a long name ("Prime Minister Tuilaepa" → Tuilaepa
    Sailele Malielegaoi) the news does too; None when none or several do."""
    owners = {person for person in people if len(person[0].split()) > 2 and plain_name(person[0].split()[0]) == word}
    return owners.pop() if len(owners) == 1 else None


@lru_cache(maxsize=65_536)  # an article names the same people again and again
def given_name_first(name: str, first_names: frozenset[str]) -> bool:
    """Whether a name the extractor did not call a person reads as one: a given name ("Jean-Claude" by its
    first part) then a surname, or titles run into it ("Minority Whip Dick Durbin")."""
    words = without_titles(name).split()
    if not 2 <= len(words) <= 7 or not all(w[:1].isupper() for w in words):
        return False
    last = words[-1].casefold()
    if last in TITLES or re.fullmatch(TITLE_NOUNS, last) or (last.endswith("s") and not last.endswith("ss")
                                                             and last[:-1] in gazetteer().common_words):
        return False  # "Vice Presidents", "Deputy Director"
    return any(w.split("-")[0] in first_names and len(words) - i in (2, 3) for i, w in enumerate(words))


@lru_cache(maxsize=65_536)
def person_name(name: str, first_names: frozenset[str], common_words: frozenset[str]) -> str:
    """A person's name without the titles and places the extractor let into it ("Shadow Home Secretary Yvette
    Cooper" → "Yvette Cooper", "Immunologist Kristian Andersen"): it starts at its given name when one follows
    other words, and leading common words that are no given names go."""
    words = without_titles(name).split()
    # a department before a title goes with it: "Defense Secretary Wolfowitz", "Health Minister Ana Ruiz"
    while len(words) > 2 and words[0].casefold() in common_words and words[0] not in first_names \
            and words[0].casefold() not in PARTICLES:  # "Van der Beek" keeps its "Van"
        words.pop(0)
        words = without_titles(" ".join(words)).split()
    while len(words) > 2 and words[-1].strip(".") in _POST_NOMINALS:
        words.pop()
    if words and words[0] not in first_names:  # "Patricia Ann Spearman" keeps her first given name
        for i, word in enumerate(words[1:-1], start=1):
            if word in first_names:
                # only words that are no name go: "Hernan Dario Gomez" keeps an unlisted given name
                return " ".join(words[i:]) if any(_run_in(w, common_words) for w in words[:i]) else " ".join(words)
    return " ".join(words)


def _run_in(word: str, common_words: frozenset[str]) -> bool:
    """A word run into a name that is none of it: not shaped like a given name ("MP", "LLC", "Lt", "Co-author"), an
    English word, a role ("Immunologist") or a known place or organisation ("Texas")."""
    folded = word.casefold()
    return not (len(word) > 3 and word.isalpha() and word[0].isupper() and word[1:].islower()) \
        or folded in common_words or is_role_word(folded) or is_title(word) or fold(word) in gazetteer().aliases


def surname(words: list[str]) -> str:
    """The surname of a name's words: the last one, or the one before "Jr."/"III" ("Downey" of "Robert Downey Jr.")."""
    if len(words) > 2 and words[-1].strip(".,") in GENERATIONS:
        return words[-2].rstrip(",")
    return words[-1]


def paternal_surname(words: list[str], given_names: frozenset[str]) -> str | None:
    """The first of two surnames, which a Spanish or Portuguese name is known by alone ("Rosselló" of "Ricardo
    Rosselló Nevares", "Vázquez" of "Wanda Vázquez Garced"): the word before the last of a name of three words or
    more, when it is no given name, initial or particle ("Hernan Dario Gomez", "John F. Kennedy") and the last
    is no English word ("The Doris Day Show"); or the first half of two joined by a hyphen ("Ruiz" of "Ana
    Ruiz-Lopez")."""
    if len(words) > 1 and (joined := _JOINED_SURNAMES.fullmatch(words[-1])):
        return joined.group(1)
    if len(words) < 3 or words[-1].strip(".,") in GENERATIONS or words[-1].casefold() in gazetteer().common_words:
        return None
    word = words[-2]
    if word in given_names or word.casefold() in PARTICLES or not word[1:].islower() or not word[:1].isupper():
        return None
    return word


def unlisted_given(name: str, after: str) -> bool:
    """Whether a person's one-word name that no list holds, right before a listed surname the extractor took for
    something else, is its given name: "Actor Denzel" "Washington"."""
    gaz = gazetteer()
    return after in gaz.surnames and name not in gaz.surnames and name not in gaz.given_names \
        and name.casefold() not in gaz.common_words


@lru_cache(maxsize=65_536)  # every mention's name is stripped of its titles, again for each rule asking
def without_titles(name: str) -> str:
    words = name.split()
    while len(words) > 1 and is_title(words[0]):
        words.pop(0)
    return " ".join(words)


@lru_cache(maxsize=65_536)  # asked of every capitalised word, and the same words recur
def is_title(word: str) -> bool:
    """"Mr.", "Senator", "Vice", and titles joined by a hyphen ("Secretary-General", "Vice-President",
    "Director-General")."""
    folded = word.strip(".").casefold()
    parts = folded.split("-")
    return folded in _MORE_TITLES or all(part in TITLES or part in _TITLE_PREFIXES for part in parts) \
        or len(parts) > 1 and all(part in TITLES or part in PERSON_TITLES for part in parts)  # "Director-General"


def within(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    """The mentions inside ``[start, end)``, found by bisection (mentions are sorted by start)."""
    near = mentions[bisect_left(mentions, start, key=mention_start) : bisect_right(mentions, end, key=mention_start)]
    return [m for m in near if m.start >= start and m.end <= end]


def mention_start(mention: Mention) -> int:
    return mention.start


def mention_end(mention: Mention) -> int:
    return mention.end


def last_before(mentions: list[Mention], offset: int) -> Mention | None:
    count = bisect_right(mentions, offset, key=mention_end)
    return mentions[count - 1] if count else None


def surnames_taken_for_companies(orgs: list[Mention], people: list[Mention], full: dict[str, str]) -> list[Mention]:
    """The organisation mentions that are a person's surname alone after the article gave their full name: news
    names a person in full once and by surname after, so "Bloomberg endorsed Biden" after "Michael Bloomberg" is the
    man though a company bears his name — unless the article names that organisation in more words ("Ford Motor
    Company … Ford said" stays the company)."""
    first_full: dict[str, int] = {}  # each surname of a full name → where that full name is first given
    for m in people:
        words = full.get(m.entity or "", m.text).split()
        if len(words) > 1:
            first_full.setdefault(plain_name(surname(words)), m.start)
    return [m for m in orgs if " " not in full.get(m.entity or "", m.text)
            and (given_at := first_full.get(plain_name(m.text))) is not None and given_at < m.start]
