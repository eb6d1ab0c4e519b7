"""Sentence spans inside blocks: never across a block, robust to abbreviations, decimals, initials and quotes."""

from __future__ import annotations

import importlib.resources
import re
from collections.abc import Sequence

from store.ingest.blocks import strip_punctuation
from store.model import Block

# Titles, headings, list items and reference lines read as one unit each.
SINGLE_SENTENCE_KINDS = frozenset({"title", "heading", "list", "reference"})

# Terminal punctuation, the closing quotes/brackets that belong to the sentence, then reference markers
# placed after the stop ("… said.[3]"); a boundary needs whitespace after all that. The lookahead captures
# the opening quotes and the word that follow, which decide whether it is a boundary. The look-behind and the
# possessive quantifiers make a long run of stops one attempt, not one per character.
_CANDIDATE = re.compile(
    r"(?<![.!?…])[.!?…]++[”’\"'»)\]]*+(?:\s?\[\d{1,3}\])*(?=\s+(?P<lead>[“‘\"'«(\[]*)(?P<word>\S*))"
)
_TOKEN_EDGE = "“‘\"'«([-&.’"
_INITIAL = re.compile(r"[^\W\d_]\Z")
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]\Z")
_SPACE = re.compile(r"\s")
_NON_SPACE = re.compile(r"\S")


def _load_words(name: str) -> dict[str, frozenset[str]]:
    """Read a data file of whitespace-separated words, optionally grouped under ``[section]`` lines."""
    sections: dict[str, set[str]] = {"": set()}
    current = sections[""]
    for raw in importlib.resources.files("store.ingest").joinpath(f"data/{name}").read_text("utf-8").splitlines():
        line = raw.strip()
        if line.startswith("#") or not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], set())
        else:
            current.update(line.split())
    return {key: frozenset(words) for key, words in sections.items()}


_ABBREVIATIONS = _load_words("abbreviations.txt")
_NEVER_ENDS = _ABBREVIATIONS["never"]
_MAYBE_ENDS = _ABBREVIATIONS["maybe"]
_OPENERS = _load_words("sentence_openers.txt")[""]


def _is_boundary(text: str, stop_start: int, stop: str, lead: str, next_word: str) -> bool:
    """Decide whether the punctuation ``stop`` at ``stop_start`` ends a sentence, given what follows."""
    if not next_word and not lead:
        return False
    first = next_word[:1]
    if first and (first.islower() or first in ",;:%)]}"):
        return False
    if not stop.startswith(".") or stop.startswith("..."):
        return True
    before = text[max(0, stop_start - 40):stop_start].rsplit(None, 1)
    token = before[-1].lstrip(_TOKEN_EDGE) if before else ""
    if not token:
        return True
    abbreviation = token.lower() + "."
    if abbreviation in _NEVER_ENDS or _INITIAL.match(token):
        return False
    if abbreviation in _MAYBE_ENDS or _DOTTED.match(token):
        opener = strip_punctuation(next_word).lower()
        return bool(lead) or opener in _OPENERS
    return True


def _split_block(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Append the trimmed sentence spans of ``text[start:end]`` to ``spans``."""
    first = _NON_SPACE.search(text, start, end)
    if first is None:
        return
    sentence_start = counted_to = first.start()
    open_quotes = 0
    for match in _CANDIDATE.finditer(text, sentence_start, end):
        stop = match.group()
        if not _is_boundary(text, match.start(), stop, match.group("lead"), match.group("word")):
            continue
        if stop.startswith(("…", "...")):
            # An ellipsis inside an open quotation marks an omission, not the end of the sentence.
            # Quotes are counted incrementally so that many ellipses in one sentence stay linear.
            open_quotes += text.count("“", counted_to, match.start()) - text.count("”", counted_to, match.start())
            counted_to = match.start()
            if open_quotes > 0:
                continue
        # The stop ends on a non-space character and the next sentence opens where the lookahead's word does.
        spans.append((sentence_start, match.end()))
        sentence_start = counted_to = match.start("lead")
        open_quotes = 0
    _append_trimmed(text, sentence_start, end, spans)


def _append_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    first = _NON_SPACE.search(text, start, end)
    if first is None:
        return
    last = end
    while last > first.start() and _SPACE.match(text, last - 1):
        last -= 1
    spans.append((first.start(), last))


def split_sentences(text: str, blocks: Sequence[Block]) -> list[tuple[int, int]]:
    """Sentence spans of every block, in order, trimmed of whitespace, never crossing a block boundary."""
    spans: list[tuple[int, int]] = []
    for block in blocks:
        if block.kind in SINGLE_SENTENCE_KINDS:
            _append_trimmed(text, block.start, block.end, spans)
        else:
            _split_block(text, block.start, block.end, spans)
    return spans
