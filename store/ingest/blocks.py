"""Block classification shared by the readers: headings, list items, and boilerplate (kept, never deleted).

Boilerplate is recognised by shape and position (tiny lines, the run of short title-like lines after a
link-list header) and by the generic phrase lists in ``data/boilerplate.txt``.
"""

from __future__ import annotations

import importlib.resources
import re
from collections.abc import Sequence

_LETTER = re.compile(r"[^\W\d_]")
_BULLET = re.compile(r"[-*•‣◦–—]\s+")
_NUMBERED = re.compile(r"\d{1,3}[.)]\s+")
_PUNCT_RUN = re.compile(r"[\W_]*")
_LEADING_BULLETS = re.compile(r"^[\s\-*•‣◦–—·|>#(\[]+")
_CLOSERS = "”’\"'»)]*"
# '“We are not in a hurry,” Powell said': a quotation closed mid-line reads as prose, not as a heading.
_QUOTE_CLOSED_MID_LINE = re.compile(r"[,!?…][”\"’']\s")
_TERMINAL = ".!?:;,…"
# Words a Title-Case headline may leave in lower case.
_SMALL_WORDS = frozenset(
    ["a", "an", "and", "as", "at", "but", "by", "de", "for", "from", "in", "into", "is", "nor", "of", "off", "on",
     "onto", "or", "over", "per", "than", "the", "to", "up", "upon", "via", "vs", "vs.", "with", "within", "without"]
)
MAX_HEADING_WORDS = 16
MAX_LINK_WORDS = 30
MAX_ANYWHERE_WORDS = 80
MAX_CHROME_LINE_WORDS = 8
MAX_HEADER_WORDS = 8


def _load_phrases() -> dict[str, re.Pattern[str]]:
    """Compile each section of the phrase file into one case-insensitive alternation."""
    sections: dict[str, list[str]] = {}
    current = None
    source = importlib.resources.files("store.ingest").joinpath("data/boilerplate.txt").read_text("utf-8")
    for raw in source.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        elif current is not None:
            current.append(f"(?:{line})")
    anchors = {"line": (r"(?:", r")\Z"), "start": (r"(?:", r")"), "anywhere": (r"\b(?:", r")"),
               "header": (r"(?:", r")(?:\s*:\s*(?P<rest>.*))?\Z")}
    # [anywhere] is searched through every line: matching the lower-cased line case-sensitively is faster.
    return {
        name: re.compile(anchors[name][0] + "|".join(patterns) + anchors[name][1],
                         0 if name == "anywhere" else re.IGNORECASE)
        for name, patterns in sections.items()
    }


_PHRASES = _load_phrases()


def strip_punctuation(text: str) -> str:
    """``text`` without leading and trailing non-word characters (linear, unlike a ``[\\W_]+$`` search)."""
    leading, trailing = _PUNCT_RUN.match(text), _PUNCT_RUN.match(text[::-1])
    assert leading and trailing  # the pattern matches the empty string too
    start, end = leading.end(), len(text) - trailing.end()
    return text[start:end] if end > start else ""


def word_count(line: str) -> int:
    return len(line.split())


def ends_with_terminal(line: str) -> bool:
    """True when the line ends with sentence or clause punctuation, closing quotes and brackets aside."""
    stripped = line.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _TERMINAL


def list_marker(line: str) -> re.Match[str] | None:
    """The bullet (``- ``, ``* ``, ``• ``) or number (``1. ``, ``1) ``) that opens a list item, if any."""
    return _BULLET.match(line) or _NUMBERED.match(line)


def is_title_case(line: str) -> bool:
    """Every word starting with a letter is capitalised, small words (a, of, the, in, …) aside."""
    seen = False
    for word in line.split():
        bare = strip_punctuation(word)
        if not bare or not _LETTER.match(bare):
            continue
        # "iPhone" counts as capitalised; only an all-lower-case word must be a small word after the first.
        if bare.islower() and not (seen and bare in _SMALL_WORDS):
            return False
        seen = True
    return seen


def reads_as_headline(line: str) -> bool:
    """Short, not a list item, no final full stop (a question or exclamation is fine)."""
    words = word_count(line)
    if not 1 <= words <= 30 or len(line) > 200 or list_marker(line):
        return False
    last = line.rstrip(_CLOSERS)[-1:]
    return last not in ".:;,…" and bool(_LETTER.search(line))


def heading_kind(line: str, next_line: str | None) -> bool:
    """Whether a body line is a section heading.

    Title-Case lines without final punctuation are headings. Sentence-case lines without it, and short
    questions, are headings only when a longer paragraph follows them (otherwise they are paragraphs).
    """
    words = word_count(line)
    if words > MAX_HEADING_WORDS or list_marker(line) or not _LETTER.search(line):
        return False
    last = line.rstrip(_CLOSERS)[-1:]
    followed_by_paragraph = (
        next_line is not None
        and not list_marker(next_line)
        and (len(next_line) > len(line) or ends_with_terminal(next_line))
    )
    if last == "?":
        return words <= 12 and followed_by_paragraph
    if last in _TERMINAL:
        return False
    if is_title_case(line):
        return True
    return followed_by_paragraph and not _QUOTE_CLOSED_MID_LINE.search(line)


def _is_chrome(line: str, words: int) -> bool:
    """A line matching the phrase lists, or a tiny line with no letters (a stray number or dash)."""
    if not _LETTER.search(line):
        return len(line) <= 6
    bare = _without_bullet(line)
    if words <= MAX_CHROME_LINE_WORDS and _PHRASES["line"].match(strip_punctuation(bare)):
        return True
    if _PHRASES["start"].match(bare):
        return True
    return words <= MAX_ANYWHERE_WORDS and _PHRASES["anywhere"].search(line.lower()) is not None


def _without_bullet(line: str) -> str:
    return line if line[0].isalnum() else _LEADING_BULLETS.sub("", line)


def _is_link_list_header(line: str, words: int) -> bool:
    if words > MAX_HEADER_WORDS and ":" not in line:
        return False
    match = _PHRASES["header"].match(_without_bullet(line))
    if not match:
        return False
    return match.group("rest") is not None or (words <= MAX_HEADER_WORDS and not line.endswith("."))


def _is_paragraph_like(line: str, words: int) -> bool:
    """A normal paragraph ends a link list: long, or a full sentence of some length."""
    return words > MAX_LINK_WORDS or (words >= 12 and line.rstrip(_CLOSERS).endswith("."))


def find_boilerplate(lines: Sequence[str], kinds: Sequence[str] | None = None) -> list[bool]:
    """Which of an article's block texts are boilerplate.

    ``kinds`` (optional) are the blocks' structural kinds: a ``heading`` ends a link-list run, a
    ``reference`` is never boilerplate.
    """
    flags = [False] * len(lines)
    in_link_list = False
    for index, line in enumerate(lines):
        kind = kinds[index] if kinds else "paragraph"
        if kind == "reference":
            in_link_list = False
            continue
        words = word_count(line)
        if _is_link_list_header(line, words):
            flags[index] = in_link_list = True
        elif in_link_list and kind != "heading" and not _is_paragraph_like(line, words):
            flags[index] = True
        else:
            in_link_list = False
            flags[index] = _is_chrome(line, words)
    return flags
