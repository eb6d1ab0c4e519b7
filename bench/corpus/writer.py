"""Sentences of financial news: names, figures of every shape, quotes with speakers.

A :class:`Writer` holds one random generator and one typographic style (curly or straight quotes), so an
article is consistent within itself while the corpus mixes both, as scraped news does.
"""

from __future__ import annotations

import random

from bench.corpus import pools

GENERATED_COMPANIES = 1_500_000  # index range of invented company stems; planted subjects live above it
GENERATED_SURNAMES = 2_000_000
PLANTED_BASE = 10_000_000  # pseudo-word indices reserved for planted-claim subjects


class Writer:
    """Fills sentence templates; every public method returns a piece of text."""

    def __init__(self, rng: random.Random, curly: bool = True):
        self.rng = rng
        self.curly = curly
        self.apostrophe = "’" if curly else "'"
        self.open_quote, self.close_quote = ("“", "”") if curly else ('"', '"')
        self.inner_open, self.inner_close = ("‘", "’") if curly else ("'", "'")

    # names ---------------------------------------------------------------------------------------------
    def person(self) -> str:
        rng = self.rng
        first = rng.choice(pools.FIRST_NAMES)
        roll = rng.random()
        if roll < 0.35:
            last = rng.choice(pools.SURNAMES).replace("’", self.apostrophe)
        elif roll < 0.55:
            last = pools.dictionary_words()[1][pools.zipf_index(rng, len(pools.dictionary_words()[1]))]
        else:
            index = pools.zipf_index(rng, GENERATED_SURNAMES)
            last = pools.pseudo_word(index, rng.choice(pools.NAME_ENDINGS)).capitalize()
        return f"{first} {last}"

    def company(self) -> str:
        rng = self.rng
        if rng.random() < 0.3:
            return rng.choice(pools.REAL_COMPANIES)
        index = pools.zipf_index(rng, GENERATED_COMPANIES)
        stem = pools.pseudo_word(GENERATED_SURNAMES + index, pools.NAME_ENDINGS[index % 16]).capitalize()
        return f"{stem} {pools.COMPANY_SUFFIXES[index % len(pools.COMPANY_SUFFIXES)]}"

    def speaker(self) -> str:
        """A person introduced with a title: "Jane Roe, senior analyst at Acme Capital"."""
        return f"{self.person()}, {self.rng.choice(pools.TITLES)} at {self.company()}"

    def product(self) -> str:
        rng = self.rng
        if rng.random() < 0.5:
            letters = "".join(rng.choice("ABCDEFGHJKLMNPRSTVXZ") for _ in range(rng.randint(1, 3)))
            return f"{letters}-{rng.randint(1, 9999)}"
        stem = pools.pseudo_word(pools.zipf_index(rng, 400_000) + 5_000_000).capitalize()
        return f"{stem} {rng.choice(['Pro', 'Max', 'Ultra', 'X', 'Cloud', 'Edge', 'One', str(rng.randint(2, 12))])}"

    def rare_word(self) -> str:
        words = pools.dictionary_words()[0]
        return words[pools.zipf_index(self.rng, len(words))]

    def possessive(self, name: str) -> str:
        return f"{name}{self.apostrophe}" if name.endswith("s") else f"{name}{self.apostrophe}s"

    # figures -------------------------------------------------------------------------------------------
    def amount(self) -> tuple[float, str]:
        """A plain decimal amount and its scale word."""
        rng = self.rng
        scale = rng.choices(["billion", "million", "trillion"], weights=[6, 4, 1])[0]
        value = round(rng.uniform(1, 999) if scale != "trillion" else rng.uniform(1, 5), rng.choice([0, 1, 1, 2]))
        return value, scale

    def money(self) -> str:
        rng = self.rng
        value, scale = self.amount()
        currency = rng.choices(["$", "US$", "€", "£", "¥"], weights=[20, 2, 3, 2, 1])[0]
        number = f"{value:g}"
        shape = rng.random()
        if shape < 0.12:
            high = f"{value * rng.uniform(1.05, 1.5):.{1 if '.' in number else 0}f}"
            return f"between {currency}{number} {scale} and {currency}{high} {scale}"
        if shape < 0.2:
            high = f"{value * rng.uniform(1.05, 1.5):.0f}"
            return f"{currency}{value:.0f}-{high} {scale}"
        if shape < 0.3:
            return f"{currency}{number}{dict(billion='bn', million='m', trillion='tn')[scale]}"
        if shape < 0.38:
            return f"{currency}{rng.randint(2, 999):,}"
        hedges = ["", "about ", "approximately ", "up to ", "more than ", "nearly "]
        hedge = rng.choices(hedges, weights=[10, 2, 1, 1, 1, 1])[0]
        return f"{hedge}{currency}{number} {scale}"

    def percent(self) -> str:
        rng = self.rng
        value = round(rng.uniform(0.1, 60), rng.choice([0, 1, 1, 2]))
        shape = rng.random()
        if shape < 0.15:
            return f"{rng.choice('+-')}{value:g}%"
        if shape < 0.25:
            return f"{value:g} percent"
        if shape < 0.32:
            return f"between {value:g}% and {value + rng.randint(1, 5):g}%"
        if shape < 0.38:
            return f"{rng.choice([25, 50, 75])} basis points"
        if shape < 0.45:
            return f"{value:g}% year-on-year"
        return f"{value:g}%"

    def date(self) -> str:
        rng = self.rng
        year = rng.randint(2019, 2026)
        month = rng.randrange(12)
        day = rng.randint(1, 28)
        suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd"}.get(day, "th")
        return rng.choice([
            f"{pools.MONTHS[month]} {day}, {year}",
            f"{day} {pools.MONTHS[month]} {year}",
            f"{pools.MONTHS[month]} {day}{suffix}",
            f"{pools.MONTHS[month][:3]}. {day}",
            f"{year}-{month + 1:02d}-{day:02d}",
            f"Q{rng.randint(1, 4)} {year}",
            f"the {rng.choice(['first', 'second'])} half of {year}",
            f"fiscal {year}",
            rng.choice(pools.WEEKDAYS),
        ])

    def count(self) -> str:
        rng = self.rng
        thing = rng.choice(["employees", "units", "data centers", "subscribers", "stores", "customers",
                            "servers", "engineers", "contracts", "patents", "users", "chips"])
        shape = rng.random()
        if shape < 0.3:
            return f"{rng.randint(2, 95_000):,} {thing}"
        if shape < 0.5:
            return f"{rng.uniform(1, 9.9):.1f} million {thing}"
        return (f"{rng.choice(pools.NUMBER_WORDS)} "
                f"{rng.choice(['rounds', 'quarters', 'deals', 'plants', 'acquisitions', thing])}")

    def duration(self) -> str:
        rng = self.rng
        n = rng.choice(["12", "18", "24", "six", "three", "two", "five", "90"])
        unit = rng.choice(["months", "weeks", "years", "days", "quarters"])
        return rng.choice([f"over the next {n} {unit}", f"within {n} {unit}", f"for {n} {unit}",
                           f"in the past {n} {unit}", f"a {rng.choice(['12', '18', '36'])}-month"])

    def move(self) -> str:
        """A signed market move: "rose 3.2%", "fell 9%"."""
        rng = self.rng
        verbs = pools.MOVES_UP if rng.random() < 0.5 else pools.MOVES_DOWN
        return f"{rng.choice(verbs)} {rng.uniform(0.2, 25):.{rng.choice([0, 1])}f}%"

    # quoting -------------------------------------------------------------------------------------------
    def quoted(self, words: str) -> str:
        return f"{self.open_quote}{words}{self.close_quote}"

    def scare_quote(self) -> str:
        """A short phrase in quotes that nobody says: "fear of missing out"."""
        phrase = self.rng.choice(["fear of missing out", "efficiency scrutiny", "second curve", "too big to fail",
                                  "higher for longer", "soft landing", "picks and shovels", "winner takes all",
                                  "AI washing", "buy the dip", self.rare_word()])
        return self.quoted(phrase)
