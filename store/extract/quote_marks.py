"""Quote marks of other house styles, read as the curly marks the quote extractor knows.

News outside the US/UK styles, and English pages converted badly, quote with guillemets (« … », » … «, ‹ … ›),
low-high marks („ … “, „ … ”, ‚ … ‘), TeX-style doubles (`` … '') and double primes (″ … ″). ``with_curly_marks``
returns the text with each such pair written as “ … ” (‘ … ’ for the single ones, " for ″), every other character
and every offset unchanged, so the rules for curly quotes (split quotes, paragraphs, nesting, speakers) apply as
they are. A mark counts only with its partner: an opening mark whose closing mark follows in its paragraph (or in
a later one that opens with a mark of its style, a quote running over paragraphs). A lone » of a breadcrumb or a
"read more »" link, a „ in a heading whose closing mark never comes, a ‚ used as a comma stay plain characters.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

# Stands inside an opening mark for a space ("« Nous") or for the second character of ``: not a space, so the
# mark opens as “ does when its first word follows it; ``quotes._trimmed`` drops it from the quoted piece.
FILL = "\u2063"
_OTHER_MARKS = re.compile("[«»‹›„‚″]|``")
_OPEN_SIDE = "([{/—–-"  # what may stand right before an opening mark besides a space
_CLOSE_SIDE = ".,;:!?)]}…—–-"  # what may stand right after a closing mark besides a space

Mark = tuple[int, int, bool]  # (offset, width, whether it opens)


def with_curly_marks(text: str) -> str:
    """``text`` with the quote marks of other styles written as curly ones, offsets unchanged."""
    if _OTHER_MARKS.search(text) is None:
        return text
    out = list(text)
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    for marks_in, curly in _STYLES:
        _pair(text, out, paragraphs, marks_in, curly)
    for found in re.finditer("″", text):  # a double prime for a straight double mark: the straight rules apply
        out[found.start()] = '"'
    return "".join(out)


def _guillemets(pair: str) -> Callable[[str, int, int], Iterator[Mark]]:
    """Guillemets open and close by where they stand: »Wir sind bereit« (German), «Nous sommes prêts» (French);
    spaced on both sides (« Nous sommes prêts », a breadcrumb's " » ") they go by the French order; between two
    words they are no quote marks."""
    def marks_in(text: str, start: int, end: int) -> Iterator[Mark]:
        for i in range(start, end):
            if text[i] not in pair:
                continue
            before = text[i - 1] if i > start else " "
            after = text[i + 1] if i + 1 < end else " "
            opening_side = before.isspace() or before in _OPEN_SIDE
            closing_side = after.isspace() or after in _CLOSE_SIDE
            if opening_side or closing_side:
                yield i, 1, text[i] == pair[0] if opening_side == closing_side else opening_side
    return marks_in


def _low_double(text: str, start: int, end: int) -> Iterator[Mark]:
    """„ opens; “ (German) or ” (Hungarian, Romanian) closes it."""
    for i in range(start, end):
        if text[i] in "„“”":
            yield i, 1, text[i] == "„"


def _low_single(text: str, start: int, end: int) -> Iterator[Mark]:
    """‚ opens before a word as ‘ does (not after one: "Yes‚ he said" is a comma); ‘ or ’ closes it, not an
    apostrophe inside a word."""
    for i in range(start, end):
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if text[i] == "‚" and not before.isalnum() and after.isalnum():
            yield i, 1, True
        elif text[i] in "‘’" and not before.isspace() and not after.isalpha():
            yield i, 1, False


def _typewriter(text: str, start: int, end: int) -> Iterator[Mark]:
    """`` opens, '' closes (TeX and old typewriter conventions in converted pages)."""
    for found in re.finditer(r"(?<![`'])(?:``|'')(?![`'])", text[start:end]):
        yield start + found.start(), 2, found.group() == "``"


_STYLES: list[tuple[Callable[[str, int, int], Iterator[Mark]], tuple[str, str]]] = [
    (_guillemets("«»"), ("“", "”")),
    (_guillemets("‹›"), ("‘", "’")),
    (_low_double, ("“", "”")),
    (_low_single, ("‘", "’")),
    (_typewriter, ("“", "”")),
]


def _pair(text: str, out: list[str], paragraphs: list[tuple[int, int]],
          marks_in: Callable[[str, int, int], Iterator[Mark]], curly: tuple[str, str]) -> None:
    """Writes each opening mark of one style that has its closing partner, and that partner, as ``curly``. A quote
    left open at a paragraph's end goes on when the next paragraph opens with a mark of the style (French prose
    may open it with »)."""
    pending: list[tuple[int, int]] = []
    for start, end in paragraphs:
        lead = start + len(text[start:end]) - len(text[start:end].lstrip())
        marks = list(marks_in(text, start, end))
        if pending and not (marks and marks[0][0] == lead):
            pending = []
        for k, (at, width, opens) in enumerate(marks):
            if k == 0 and pending and at == lead:
                pending.append((at, width))
            elif opens:
                pending = [(at, width)]
            elif pending:
                for opener_at, opener_width in pending:
                    _write_opener(text, out, opener_at, opener_width, curly[0])
                _write_closer(text, out, at, width, curly[1])
                pending = []


def _write_opener(text: str, out: list[str], at: int, width: int, mark: str) -> None:
    out[at] = mark
    if width == 2 or (at + 1 < len(text) and text[at + 1].isspace() and text[at + 1] != "\n"):
        out[at + 1] = FILL


def _write_closer(text: str, out: list[str], at: int, width: int, mark: str) -> None:
    """'' becomes a space and the mark; a no-break space before a closing guillemet becomes a plain one, which
    quotes.py reads as a spaced closing mark."""
    if width == 2:
        out[at], out[at + 1] = " ", mark
        return
    out[at] = mark
    if at > 0 and text[at - 1].isspace() and text[at - 1] != "\n":
        out[at - 1] = " "
