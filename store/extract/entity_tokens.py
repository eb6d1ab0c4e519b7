"""The words that may make up a name, and where sentences and headlines are: the token layer of
:mod:`store.extract.entities` (regular expressions and small caches; no typing of names here).

``cap_tokens`` finds the capitalised tokens (and numbers after a word) of a text as words (``word_of``);
``sentence_starts`` gives the offsets where a sentence or a line begins; ``Headlines`` says whether the line
holding an offset is a Title-Case headline.
"""

from __future__ import annotations

import re
from functools import lru_cache

from store.extract.entity_rules import DIGIT_ACRONYM

_TOKEN = re.compile(r"[^\W_][\w&]*(?:[.'’\-][\w&]+)*\.?")
_OPENERS = r"[\s\"“‘'(\[*•–—-]*"  # spaces, opening quotes and bullets before the first word
# Where a sentence begins, as the end of a match: after sentence punctuation and spaces, an opening quote, or a
# dash between spaces. Each alternative opens with its own character (a dash is checked for the space before
# it), so that the scan skips other characters at C speed; the text's start is added apart. The set of match
# ends is that of ``(?:^|[.!?;:…][\"'”’)\]]*\s+|[“‘]|\s[-–—]\s)`` followed by the openers.
_SENTENCE_START = re.compile(r"[.!?;:…“‘\-–—](?:(?<=[.!?;:…])[\"'”’)\]]*\s+|(?<=[“‘])|(?<=\s[-–—])\s)" + _OPENERS)
_TEXT_START = re.compile(_OPENERS)
_LINE_START = re.compile(r"\n" + _OPENERS)
_ABBREVIATIONS = frozenset(
    ["Inc.", "Corp.", "Co.", "Ltd.", "Jr.", "Sr.", "St.", "Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Sen.", "Rep.", "Gov.",
     "Lt.", "Col.", "Prof.", "Mt.", "Ft.", "No.", "U.S.", "U.K.", "U.N.", "E.U.", "D.C.", "L.A.", "S.A.", "N.V.",
     "Maj.", "Adm.", "Cmdr.", "Cpl.", "Pfc.", "Pvt.", "Spc.", "Brig.", "Atty.", "Supt.", "Insp.", "Det.", "Rev.",
     "Msgr.", "Capt.", "Sgt."]
)
_HEADLINE_MAX = 160
INITIALS = re.compile(r"(?:[A-Za-z]\.)+")


def _upper_class() -> str:
    """A regex character class of the upper-case letters of the Latin, Greek and Cyrillic scripts, as ranges."""
    ranges: list[list[int]] = []
    for code in range(0x2000):
        if chr(code).isupper():
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in ranges)


UPPER = _upper_class()
_NOT_BEFORE_TOKEN = r"[\w&'’.\-]"
# Tokens that may belong to a name: capitalised words, possibly after one or two lower-case letters ("iPhone",
# "xAI"), not glued to a word, apostrophe, period or hyphen before them; and numbers after a word and a space.
# The same tokens as
# ``(?<![\w&'’.\-])(?:[A-Z…]|[a-z]{1,2}[A-Z…])[\w&]*(?:[.'’\-][\w&]+)*\.?|(?<=[\w.] )\d\w*(?:[.\-]\w+)*``
# searched at every position, but the scan stops only at capitals and digits (C speed in between) and looks
# back from there: group 1 or 2 holds the one or two lower-case letters the token starts with.
_CAP_TOKEN = re.compile(
    rf"[{UPPER}\d](?:"
    rf"(?<=[{UPPER}])(?:(?<!{_NOT_BEFORE_TOKEN}.)|(?<=(?<!{_NOT_BEFORE_TOKEN})([a-z]).)"
    rf"|(?<=(?<!{_NOT_BEFORE_TOKEN})([a-z][a-z]).))"
    r"[\w&]*(?:[.'’\-][\w&]+)*\.?"
    r"|(?<=\d)(?<=[\w.] .)\w*(?:[.\-]\w+)*)"
)
# Lower-case words a headline keeps lower-case; any other lower-case word makes a line prose.
_HEADLINE_SMALL = frozenset(
    ["a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as", "vs",
     "vs.", "via", "per", "into", "onto", "over", "amid", "after", "is", "are", "be", "up", "down", "out", "off",
     "than", "do", "does", "it", "its", "my", "your", "you", "we", "our", "they", "their", "this", "that", "not", "no"]
)




def sentence_starts(text: str) -> set[int]:
    """Offsets where a sentence (or a line) begins, after any opening quote or bullet."""
    starts = {match.end() for match in _SENTENCE_START.finditer(text)}
    text_start = _TEXT_START.match(text)
    assert text_start  # the pattern matches the empty string too
    starts.add(text_start.end())
    starts.update(match.end() for match in _LINE_START.finditer(text))
    return starts


def cap_tokens(text: str) -> list[tuple[int, int, str]]:
    """The tokens that may belong to a name, as (start, end, word): see ``word_of``."""
    tokens: list[tuple[int, int, str]] = []
    append = tokens.append
    for match in _CAP_TOKEN.finditer(text):
        start, end = match.span()
        if match.lastindex:
            start -= match.lastindex  # group 1 (one lower-case letter before the capital) or 2 (two)
        word = word_of(text[start:end])
        append((start, start + len(word), word))
    return tokens


@lru_cache(maxsize=65536)
def word_of(token: str) -> str:
    """A token as a word: no sentence-final period, no possessive, straight apostrophes, and only the name of
    a compound like "Nvidia-backed" or "AI-related". It starts where the token does."""
    word = token.replace("’", "'")
    if word.endswith(".") and word not in _ABBREVIATIONS and not INITIALS.fullmatch(word):
        word = word[:-1]
    if word.endswith("'s") and len(word) > 2:
        word = word[:-2]
    elif word.endswith("s'"):
        word = word[:-1]
    head, hyphen, tail = word.partition("-")
    if hyphen and tail[:1].islower() and head:
        word = head
    return word


def is_capitalised(word: str) -> bool:
    """A word written as a name: "Apple", "NVIDIA", "iPhone", "eBay", "xAI", "6PR"."""
    return word[0].isupper() or (len(word) > 2 and word[0].islower() and (word[1].isupper() or word[2].isupper())) \
        or word[0].isdigit() and DIGIT_ACRONYM.fullmatch(word) is not None


def is_headline(words: list[str]) -> bool:
    """A Title-Case line: at least two capitalised words and hardly any lower-case content word."""
    capitalised = lower = 0
    for word in words:  # one pass of is_capitalised and the lower-case test
        first = word[0]
        if first.isupper():
            capitalised += 1
        elif first.islower():
            if len(word) > 2 and (word[1].isupper() or word[2].isupper()):
                capitalised += 1
            if word not in _HEADLINE_SMALL:
                lower += 1
    return capitalised >= 2 and lower * 4 <= capitalised


class Headlines:
    """Answers "is the line holding this offset a Title-Case headline?", once per line."""

    def __init__(self, text: str):
        self.text = text
        self.cache: dict[int, bool] = {}
        # the line of the last question, [start, end] with end its "\n" or the text's end: questions come in
        # text order, mostly several per line
        self.line = (1, 0, False)

    def __call__(self, position: int) -> bool:
        line_start, line_end, answer = self.line
        if line_start <= position <= line_end:
            return answer
        line_start = self.text.rfind("\n", 0, position) + 1
        line_end = self.text.find("\n", position)
        if line_end < 0:
            line_end = len(self.text)
        if line_start not in self.cache:
            line = self.text[line_start:line_end]
            # long lines are prose; only short ones are worth tokenising
            words = [word_of(token) for token in _TOKEN.findall(line)]
            self.cache[line_start] = len(line) <= _HEADLINE_MAX and is_headline(words)
        self.line = (line_start, line_end, self.cache[line_start])
        return self.line[2]
