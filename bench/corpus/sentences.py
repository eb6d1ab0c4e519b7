"""Sentence templates of financial news and the machinery that fills them fast.

Templates are parsed once into (literal, slot) pairs; filling one is a join over slot functions, which keeps
a million sentences within seconds.
"""

from __future__ import annotations

import string
from collections.abc import Callable

from bench.corpus import pools
from bench.corpus.writer import Writer

STATEMENTS = [
    "{company} shares {move} on {date} after the company {verb} its {adj} {noun} for {date}.",
    "{Possessive} {sector} business {verb} {money} in new orders, {count_clause}.",
    "Analysts expect {sector} {nouns} to remain {adj} {duration}, as {nouns} weigh the {noun} against {money} in "
    "{noun} plans.",
    "According to {publisher} data, {sector} stocks have {move_perfect} since {date}, the {adj} run in {count_word} "
    "years.",
    "{company} said it would hire {count} in {city} {duration}, {a_adj} {noun} for the region.",
    "The {adj} {noun} comes as {company} {verb} its {product} in {city}, where {nouns} remain {adj}.",
    "{nouns_cap} are questioning whether the {money} {noun} can translate into profits {duration}.",
    "Over the past week, {company}, {company} and {company} have {move_perfect} on {adj} {noun}.",
    "The index {move} on {date}, its {adj} {noun} since {date}.",
    "{company} {verb} {a_adj} {noun} with {company} worth {money}, people familiar with the matter said.",
    "Shares of {company} are still down {pct_plain} from last month, as {nouns} worry about {noun}.",
    "The {noun} reflects a shift from {scare} to {scare} among {nouns}.",
    "{company} plans to build {count} near {city} by {date}, at a cost of {money}.",
    "{Possessive} {product} competes with the {product} from {company}, which {verb} the {noun} in {date}.",
    "Regulators in {city} {verb} a review of the {noun} on {date}, citing {adj} {noun}.",
    "The company also {verb} its {noun} for {date} to {percent}, below the {percent} {nouns} had expected.",
    "The move marks {a_adj} {noun} in the {sector} {noun}, from {rare} to {rare}.",
    "{nouns_cap} will be watching {Possessive} results on {date} for signs of {adj} {noun}.",
    "{company} has {move_perfect} this year, giving it a market value of {money}.",
    "Earlier, {company} {verb} a {money} {noun} led by {company}, valuing the startup at {money}.",
    "Demand for the {product} grew {percent} in {date}, driven by {adj} orders from {nouns}.",
    "In {city}, {nouns} {verb} plans for {count} as the {noun} turned {adj}.",
    "The {rare} {noun} at {company} took {duration} to complete, longer than {nouns} had hoped.",
    "With rates at {percent}, the {noun} for {sector} {nouns} looks {adj}, {publisher} reported.",
    "{company} cut {count} in {year}, saving {money} a year.",
    "The {adj} {noun} has pushed {sector} valuations to {count_word} times forward earnings.",
]

QUOTABLES = [
    "The {noun} we are seeing is {adj}, not {adj}",
    "We expect {nouns} to stay {adj} {duration}",
    "Nobody should mistake this {noun} for {a_rare} {noun}",
    "The market is pricing in {percent} of {noun} that may never arrive",
    "Our {product} is already running at {percent} of capacity",
    "This is a marathon, not a sprint, and {nouns} need to be {adj}",
    "We will spend what it takes to win the {sector} {noun}",
    "The {noun} story has moved from {scare} to {scare}",
    "Investors are asking when {money} of {noun} turns into cash",
    "Demand in {city} has been {adj} since {date}",
]

ATTRIBUTIONS = [
    "{quote},{close} {person} said.",
    "{quote},{close} said {speaker}.",
    "{quote},{close} {speaker}, said in a note to clients.",
    "{person}, {title} at {company}, said the {noun} was {short_quote}.",
    "{quote}{close}, according to {speaker}.",
    "According to {speaker}, {statement_lower}",
    "{person} told {publisher}: {quote}.{close}",
    "{quote},{close} {pronoun_lower} added.",
]

INTRO_LINES = ["{pronoun} said:", "{pronoun} emphasized:", "{speaker}, pointed out:", "{pronoun} noted:",
               "{person} told reporters:", "{speaker}, wrote in a report:"]

COMMON_STARTS = {"the", "analysts", "over", "shares", "regulators", "demand", "in", "with", "earlier", "according",
                 *pools.PLURALS}

_Template = list[tuple[str, str | None]]


def compile_template(template: str) -> _Template:
    return [(literal, field) for literal, field, _spec, _conv in string.Formatter().parse(template)]


_COMPILED = tuple([compile_template(t) for t in group] for group in (STATEMENTS, QUOTABLES, ATTRIBUTIONS, INTRO_LINES))


class SentenceMaker:
    """Turns templates into text for one :class:`Writer`."""

    def __init__(self, writer: Writer):
        self.w = writer
        rng = writer.rng
        w = writer
        self.slots: dict[str, Callable[[], str]] = {
            "company": w.company,
            "Possessive": lambda: w.possessive(w.company()),
            "person": w.person,
            "speaker": w.speaker,
            "title": lambda: rng.choice(pools.TITLES),
            "product": w.product,
            "rare": w.rare_word,
            "money": w.money,
            "percent": w.percent,
            "date": w.date,
            "count": w.count,
            "count_word": lambda: rng.choice(pools.NUMBER_WORDS),
            "count_clause": lambda: f"and expects to add {w.count()} {w.duration()}",
            "duration": w.duration,
            "move": w.move,
            "move_perfect": lambda: _perfect(w.move()),
            "sector": lambda: rng.choice(pools.SECTORS),
            "noun": lambda: rng.choice(pools.NOUNS),
            "nouns": lambda: rng.choice(pools.PLURALS),
            "nouns_cap": lambda: rng.choice(pools.PLURALS).capitalize(),
            "adj": lambda: rng.choice(pools.ADJECTIVES),
            "a_adj": lambda: _with_article(rng.choice(pools.ADJECTIVES)),
            "a_rare": lambda: _with_article(w.rare_word()),
            "pct_plain": lambda: f"{rng.uniform(0.5, 40):.{rng.choice([0, 1])}f}%",
            "year": lambda: str(rng.randint(2019, 2026)),
            "verb": lambda: rng.choice(pools.VERBS_PAST),
            "city": lambda: rng.choice(pools.CITIES),
            "publisher": lambda: rng.choice(pools.PUBLISHERS),
            "scare": w.scare_quote,
            "pronoun": lambda: rng.choice(["He", "She", "They"]),
            "pronoun_lower": lambda: rng.choice(["he", "she", "they"]),
            "close": lambda: w.close_quote,
            "quote": lambda: w.open_quote + self.fill(rng.choice(self.quotables)),
            "short_quote": lambda: w.quoted(rng.choice(["a game-changer", "overdone", "far from over", w.rare_word()])),
            "statement_lower": lambda: self.statement_lowered(),
        }
        self.statements, self.quotables, self.attributions, self.intros = _COMPILED

    def fill(self, template: _Template) -> str:
        slots = self.slots
        return "".join(literal + (slots[field]() if field else "") for literal, field in template)

    def statement(self) -> str:
        sentence = self.fill(self.w.rng.choice(self.statements))
        return sentence[0].upper() + sentence[1:]

    def statement_lowered(self) -> str:
        """A statement to follow "According to X, ": its first word lower-cased unless it is a name."""
        sentence = self.statement()
        first = sentence.split(" ", 1)[0]
        return sentence[0].lower() + sentence[1:] if first.lower() in COMMON_STARTS else sentence

    def attributed_quote(self) -> str:
        return self.fill(self.w.rng.choice(self.attributions))

    def intro_line(self) -> str:
        return self.fill(self.w.rng.choice(self.intros))

    def whole_paragraph_quote(self) -> str:
        """The paragraph after an intro line: one to three quoted sentences, maybe with an inner quote."""
        rng, w = self.w.rng, self.w
        parts = [self.fill(template) + "." for template in rng.sample(self.quotables, rng.randint(1, 3))]
        if rng.random() < 0.3:
            parts[-1] = (parts[-1][:-1] + f", from {w.inner_open}{rng.choice(pools.NOUNS)}{w.inner_close}"
                         f" to {w.inner_open}{rng.choice(pools.NOUNS)}{w.inner_close}.")
        return w.quoted(" ".join(parts))

    def sentence(self) -> str:
        """One sentence of body text: mostly statements, sometimes an attributed quote."""
        return self.attributed_quote() if self.w.rng.random() < 0.12 else self.statement()

    def headline(self, title_case: bool) -> str:
        rng = self.w.rng
        text = self.fill(rng.choice(HEADLINES))
        return title_cased(text) if title_case else text[0].upper() + text[1:]


HEADLINES = [compile_template(t) for t in [
    "{company} {verb} {sector} {noun} as {nouns} turn {adj}",
    "{sector} stocks {move} on {adj} {noun}",
    "can the {sector} {noun} survive {a_adj} {noun}?",
    "{Possessive} {money} bet on {product}",
    "why {nouns} are rethinking the {sector} {noun}",
    "{company} and {company} lead {a_adj} {noun}",
    "{adj} {noun} in {city}: what it means for {nouns}",
    "the {noun} after the {rare}",
]]


def _with_article(word: str) -> str:
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"


def _perfect(move: str) -> str:
    """ "rose 3%" → "risen 3%", for "have risen"."""
    verb, _, rest = move.partition(" ")
    return f"{dict(rose='risen', fell='fallen', sank='sunk').get(verb, verb)} {rest}"


def title_cased(text: str) -> str:
    """Headline Title Case: every word capitalised except short function words inside the line."""
    words = text.split(" ")
    return " ".join(
        word if (i and word.lower() in pools.SMALL_WORDS) or not word[:1].isalpha() else word[:1].upper() + word[1:]
        for i, word in enumerate(words)
    )
