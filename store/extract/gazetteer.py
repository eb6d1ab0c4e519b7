"""The curated name lists in ``store/extract/data/``, public lists written there from installed packages
(``entities_public``), and an Aho-Corasick automaton over their aliases.

The curated files come first and win any alias they share with the public lists: the demonyms of every country
(countryinfo, MIT) and the groups of ``groups.txt``, each with its plural, labelled ``NORP`` (a "Chinese" official
is no entity called Chinese); and the countries and US states of GeoNames (CC BY 4.0) as weak places that an
article can overrule ("Georgia said" after "Georgia Hale" is a person). Everything is loaded once, on first use
— never at import — and cached for the life of the process. Matching runs over a case-folded copy of the text of
the same length, so offsets found there are offsets into the original text; :func:`case_fits` then decides
whether the original spelling is really that name ("Apple", "NVIDIA", but not "apple" or "Us").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import ahocorasick

from store.extract.entities_public import census_names, demonyms, geonames

DATA_DIR = Path(__file__).parent / "data"

# file name -> label of its entries; earlier files win when two files claim the same alias.
LABELLED_FILES = (
    ("indexes.tsv", "INDEX"),
    ("people.tsv", "PERSON"),
    ("institutions.tsv", "ORG"),
    ("companies.tsv", "ORG"),
    ("places.tsv", "PLACE"),
    ("products.tsv", "PRODUCT"),
)
DEMONYM_LABEL = "NORP"
# GeoNames cities below this population are left out: small towns share their names with too many people
CITY_POPULATION = 300_000
_NO_PLURAL = ("ese", "sh", "ch", "s", "x", "z")

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One named thing of the gazetteer: its canonical key, label, display name and ticker (companies)."""

    key: str
    label: str
    name: str
    ticker: str | None = None
    weak: bool = False  # a public list's place: the article's own evidence may make it a person


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """The loaded lists: the automaton and the lookup tables the extractor and ``canonical`` use."""

    automaton: ahocorasick.Automaton
    aliases: dict[str, Entry]  # folded alias -> entry
    tickers: dict[str, Entry]  # ticker symbol -> company
    first_names: frozenset[str]
    common_words: frozenset[str]
    not_names: frozenset[str]
    # public lists, weaker evidence than first_names: the Census's given names and frequent surnames
    surnames: frozenset[str] = frozenset()
    given_names: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()  # keys of countries: their teams stay places ("Kenya won 2-1")


def fold(text: str) -> str:
    """Lower-case ``text`` and straighten apostrophes without changing its length (offsets stay valid)."""
    folded = text.lower()
    if "\u2019" in folded or "\u2018" in folded or "\u02bc" in folded:
        folded = folded.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")
    if len(folded) == len(text):
        return folded
    # A few characters ("İ") lower-case to two code points: keep those as they are.
    return "".join(ch if len(low := ch.lower()) != 1 else low for ch in text).translate(_APOSTROPHES)


def case_fits(alias: str, found: str) -> bool:
    """Whether ``found`` (same letters as ``alias`` up to case) is written like the name, not a common word.

    All-caps or camel-case aliases ("US", "AI", "iPhone", "eBay") must match exactly; other aliases accept
    any spelling whose capitalised words are capitalised too ("Nvidia", "NVIDIA", not "nvidia").
    """
    if found == alias:
        return True
    letters = [ch for ch in alias if ch.isalpha()]
    if not letters or not alias[0].isupper() or all(ch.isupper() for ch in letters):
        return False
    alias_first, found_first = alias.split(" ", 1)[0], found.split(" ", 1)[0]
    # inner capitals ("DeepSeek", "McDonald's") may also be written all in capitals
    if any(ch.isupper() for ch in alias_first[1:]) and found_first != alias_first and not found_first.isupper():
        return False
    for alias_word, found_word in zip(alias.split(" "), found.split(" "), strict=False):
        if alias_word[:1].isupper() and not found_word[:1].isupper():
            return False
    return True


def _read_rows(name: str):
    """Yield the tab-separated fields of a data file, skipping comments and blank lines."""
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            yield [field.strip() for field in line.rstrip("\n").split("\t")]


def _read_words(name: str) -> frozenset[str]:
    """The whitespace-separated words of a data file, comments skipped."""
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return frozenset(
            word for line in handle if not line.startswith("#") for word in line.split()
        )


def _spellings(alias: str) -> list[str]:
    """An alias as matched: straight apostrophes, and no leading "The" (kept outside entity spans)."""
    return [alias.translate(_APOSTROPHES).removeprefix("The ")]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Load the data files and build the automaton (once per process)."""
    aliases: dict[str, tuple[str, Entry]] = {}
    tickers: dict[str, Entry] = {}

    def add(alias: str, entry: Entry) -> None:
        for spelling in _spellings(alias):
            folded = fold(spelling)
            known = aliases.get(folded)
            if known is None:
                aliases[folded] = (spelling, entry)
            elif known[1] is entry and sum(map(str.isupper, spelling)) < sum(map(str.isupper, known[0])):
                # "Philadelphia semiconductor index" also allows the spelling with fewer capitals
                aliases[folded] = (spelling, entry)

    for file_name, label in LABELLED_FILES:
        for fields in _read_rows(file_name):
            name = fields[0].removeprefix("The ")
            extra = fields[2] if len(fields) > 2 else ""
            ticker = extra or None if file_name == "companies.tsv" else None
            entry = Entry(key=fold(name), label=label, name=name, ticker=ticker)
            add(fields[0], entry)
            for alias in filter(None, (fields[1] if len(fields) > 1 else "").split("|")):
                add(alias, entry)
            if file_name == "companies.tsv" and extra:
                tickers.setdefault(extra, entry)
                tickers.setdefault(extra.split(".")[0], entry)
            elif file_name == "places.tsv":
                demonyms_of_place = [word for word in extra.split("|") if word]
                for demonym in demonyms_of_place:  # one group: "British", "Briton", "Britons"
                    add(demonym, Entry(key=fold(demonyms_of_place[0]), label=DEMONYM_LABEL, name=demonyms_of_place[0]))

    common = _read_words("common_words.txt")
    census = census_names()
    first_names = _read_words("first_names.txt")
    for word in _public_demonyms():
        entry = Entry(key=fold(word), label=DEMONYM_LABEL, name=word)
        for form in _with_plural(word):
            add(form, entry)  # "Israelis" groups with "Israeli"
    places = geonames()
    country_names, states = sorted(places["country"]), sorted(places["state"])
    for name in country_names + states:
        if " " in name or fold(name) not in common and name not in first_names:
            add(name, Entry(key=fold(name), label="PLACE", name=name, weak=True))
    countries = {aliases[fold(name)][1].key for name in country_names if fold(name) in aliases}
    countries.update(fold(fields[0]) for fields in _read_rows("places.tsv") if len(fields) > 2 and fields[2])

    automaton = ahocorasick.Automaton()
    for folded, (spelling, entry) in aliases.items():
        automaton.add_word(folded, (spelling, entry))
    automaton.make_automaton()
    return Gazetteer(
        automaton=automaton,
        aliases={folded: entry for folded, (_, entry) in aliases.items()},
        tickers=tickers,
        first_names=first_names,
        surnames=census["surname"],
        given_names=census["given"],
        common_words=common,
        not_names=_read_words("not_names.txt"),
        countries=frozenset(countries),
    )


def _with_plural(word: str) -> list[str]:
    """A group word and its plural ("Israeli", "Israelis"); "Japanese" and "Swiss" have none."""
    return [word] if word.endswith(_NO_PLURAL) else [word, word + "s"]


def _public_demonyms() -> list[str]:
    """Nationality adjectives and demonyms: every country's (``entities_public.demonyms``) and the groups of
    ``groups.txt``."""
    return sorted(demonyms()) + [fields[0] for fields in _read_rows("groups.txt")]


def is_place(name: str, gaz: Gazetteer) -> bool:
    """Whether the gazetteer knows ``name`` as a place."""
    entry = gaz.aliases.get(fold(name))
    return entry is not None and entry.label == "PLACE"


def group_compound(word: str, gaz: Gazetteer) -> bool:
    """A hyphenated compound of groups and places with a group in it: "Asian-American", "Turkish-Libyan",
    "Canadian-US"."""
    entries = [gaz.aliases.get(fold(part)) for part in word.split("-")]
    return all(entry and entry.label in ("NORP", "PLACE") for entry in entries) and any(
        entry is not None and entry.label == "NORP" for entry in entries
    )
