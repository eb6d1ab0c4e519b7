"""Whole articles shaped like scraped news: title line, paragraphs one per line, Title-Case headings, quotes
introduced by a line of their own, lists, boilerplate around the text and a numbered references section."""

from __future__ import annotations

import random

from bench.corpus import pools
from bench.corpus.facts import Fact, fact_sentence
from bench.corpus.sentences import SentenceMaker
from bench.corpus.writer import Writer

TOP_BOILERPLATE = ["Sign in to read the full article", "Log in | Register", "Subscribe now for unlimited access",
                   "Advertisement", "Share this article", "Listen to this article"]
CLOSING_LINES = ["Leave a Reply", "Share this:", "Was this article helpful?", "Comments are closed."]
DISCLAIMER = ("Insights are generated using AI models and historical data for informational purposes only. "
              "They do not constitute investment advice or recommendations.")


def write_article(index: int, seed: int, planted: list[tuple[Fact, float]]) -> tuple[str, str]:
    """Article number ``index`` of the corpus with seed ``seed``: its file name and its text."""
    rng = random.Random(f"{seed}:{index}")
    writer = Writer(rng, curly=rng.random() < 0.7)
    maker = SentenceMaker(writer)
    name = f"{index:06d}_{rng.getrandbits(64):016x}.txt"
    lines: list[str] = [""] if rng.random() < 0.1 else []
    if rng.random() < 0.2:
        lines.append(rng.choice(TOP_BOILERPLATE))
    lines.append(maker.headline(title_case=rng.random() < 0.5))
    body: list[str] = [_paragraph(maker, rng.randint(2, 4))]
    for _ in range(rng.randint(2, 6)):
        body.extend(_section(maker))
    _plant(rng, body, [fact_sentence(writer, fact, value) for fact, value in planted])
    lines.extend(body)
    if rng.random() < 0.4:
        lines.extend(_references(writer))
    if rng.random() < 0.6:
        lines.extend(_closing_boilerplate(maker))
    return name, "\n".join(lines) + "\n"


def _paragraph(maker: SentenceMaker, sentences: int) -> str:
    return " ".join(maker.sentence() for _ in range(sentences))


def _section(maker: SentenceMaker) -> list[str]:
    """A heading and the paragraphs under it; sometimes a quote on its own line or a numbered list."""
    rng = maker.w.rng
    lines = [""] if rng.random() < 0.2 else []
    lines.append(maker.headline(title_case=rng.random() < 0.75))
    for _ in range(rng.randint(1, 4)):
        lines.append(_paragraph(maker, rng.randint(1, 5)))
    roll = rng.random()
    if roll < 0.3:
        lines.append(_paragraph(maker, rng.randint(0, 2)) + " " + maker.intro_line() if rng.random() < 0.5
                     else maker.intro_line())
        lines.append(maker.whole_paragraph_quote())
    elif roll < 0.4:
        for number in range(1, rng.randint(3, 5)):
            lines.append(f"{number}. {maker.headline(title_case=False)}")
            lines.append(_paragraph(maker, rng.randint(1, 3)))
    elif roll < 0.5:
        lines.extend(f"- {maker.statement()}" for _ in range(rng.randint(2, 5)))
    return [line.strip() for line in lines]


def _plant(rng: random.Random, body: list[str], sentences: list[str]) -> None:
    """Put each planted sentence at the end of a random paragraph (never a heading or a quote)."""
    paragraphs = [i for i, line in enumerate(body) if line.endswith(".") and not line.startswith(("-", "“", '"'))]
    for sentence in sentences:
        at = rng.choice(paragraphs) if paragraphs else len(body)
        if at == len(body):
            body.append(sentence)
        else:
            body[at] = f"{body[at]} {sentence}"


def _references(writer: Writer) -> list[str]:
    """``[n] Publisher - “Title”`` entries with their ``URL:`` and ``Date:`` lines."""
    rng = writer.rng
    maker = SentenceMaker(writer)
    lines = [f"[0] {writer.company()} Analytical Database"] if rng.random() < 0.3 else []
    for number in range(1, rng.randint(2, 8)):
        publisher = rng.choice(pools.PUBLISHERS)
        title = maker.headline(title_case=rng.random() < 0.5)
        lines.append(f"[{number}] {publisher} - {writer.quoted(title)}")
        if rng.random() < 0.85:
            domain = "".join(ch for ch in publisher.lower() if ch.isalnum())
            slug = "-".join(w for w in (word.strip("?:,.’'").lower() for word in title.split()) if w)
            year, month, day = rng.randint(2019, 2026), rng.randint(1, 12), rng.randint(1, 28)
            lines.append(f"URL: https://www.{domain}.com/{rng.choice(['markets', 'tech', 'business', 'news'])}/"
                         f"{year}/{month:02d}/{day:02d}/{slug}/")
            lines.append(f"Date: {pools.MONTHS[month - 1]} {day}, {year}")
    return lines


def _closing_boilerplate(maker: SentenceMaker) -> list[str]:
    rng, writer = maker.w.rng, maker.w
    roll = rng.random()
    if roll < 0.25:
        return [rng.choice(CLOSING_LINES)]
    if roll < 0.5:
        heading = rng.choice(["Related", "ALSO SEE", "Related Articles", "Read more"])
        return [heading] + [f"- {maker.headline(title_case=True)}" for _ in range(rng.randint(2, 5))]
    if roll < 0.7:
        lines = ["OTHER NEWS"]
        for _ in range(rng.randint(2, 6)):
            initials = "".join(rng.choice("ABCDEFGHKLMNPRSTWXYZ") for _ in range(rng.randint(2, 3)))
            lines += ["-", f"- {maker.headline(title_case=False)}",
                      f"- By {initials} {rng.randint(1, 28):02d} "
                      f"{pools.MONTHS[rng.randrange(12)][:3]},{rng.randint(2022, 2026)}"]
        return lines
    if roll < 0.85:
        company = writer.company()
        return [DISCLAIMER, f"About us: {company} is the {rng.choice(pools.SECTORS)} research service of "
                            f"{writer.company()}, based in {rng.choice(pools.CITIES)}."]
    return [f"Copyright © {rng.randint(2020, 2026)} {rng.choice(pools.PUBLISHERS)}. All rights reserved."]


def title_line(text: str) -> str:
    """The first non-empty line of an article: its title."""
    return next(line for line in text.splitlines() if line.strip())

