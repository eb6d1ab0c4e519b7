"""One normalisation for both sides of a search: the query and the text it is compared with.

NFKC, casefold, accents removed (as the FTS5 ``remove_diacritics`` tokenizer does), curly quotes and dashes
made straight, runs of whitespace collapsed to one space.
"""

from __future__ import annotations

import re
import unicodedata

_PUNCTUATION = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u2035\u0060\u00b4", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb\u301d\u301e", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
    }
)
_SPACES = re.compile(r"\s+")
_MARKS = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# unicode61 keeps letters, digits and private-use characters together and splits on everything else.
WORD = re.compile(r"[^\W_]+")
QUOTE_MARKS = frozenset('"\u201c\u201d\u2018\u00ab\u00bb\u201e')


def normalize(text: str) -> str:
    """The comparable form of ``text``."""
    if text.isascii():
        text = text.lower()
    else:
        text = unicodedata.normalize("NFKC", text).casefold()
        text = unicodedata.normalize("NFC", _MARKS.sub("", unicodedata.normalize("NFD", text)))
    return _SPACES.sub(" ", text.translate(_PUNCTUATION)).strip()


_CHAR_CACHE: dict[str, str] = {}


def _normalize_char(ch: str) -> str:
    piece = _CHAR_CACHE.get(ch)
    if piece is None:
        piece = " " if ch.isspace() else normalize(ch) if not ch.isascii() else ch.lower().translate(_PUNCTUATION)
        if len(_CHAR_CACHE) < 50_000:
            _CHAR_CACHE[ch] = piece
    return piece


def normalize_with_offsets(text: str) -> tuple[str, list[int]]:
    """``normalize(text)`` character by character, with, for each output character, the offset of the input
    character it came from (plus one final entry: ``len(text)``), so ranges found in the normalised form
    map back onto the original."""
    out: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        piece = _normalize_char(ch)
        if piece == " " and (not out or out[-1] == " "):
            continue
        for part in piece:
            out.append(part)
            origin.append(index)
    while out and out[-1] == " ":
        out.pop()
        origin.pop()
    origin.append(len(text))
    return "".join(out), origin


def original_range(origin: list[int], start: int, end: int) -> tuple[int, int]:
    """The input range covering normalised characters ``start:end`` (see :func:`normalize_with_offsets`)."""
    if end <= start:
        return origin[start], origin[start]
    return origin[start], origin[end - 1] + 1


def words(normalized: str) -> list[str]:
    """The words of a normalised text, split as the FTS5 tokenizer splits them."""
    return WORD.findall(normalized)


def has_quote_mark(text: str) -> bool:
    """Whether a sentence quotes someone: it holds a double quotation mark or an opening single one (a lone
    ’ is an apostrophe far more often than a quote)."""
    return not QUOTE_MARKS.isdisjoint(text)
