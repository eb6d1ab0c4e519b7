"""Where an article's sentences begin and end, and whether a name stands after a preposition: the grammar the
speaker rules read an article by (``store.extract.org_antecedents``, ``store.extract.pointer_resolution``)."""

from __future__ import annotations

import re

from store.extract.name_completion import ArticleNames
from store.model import Mention

_ABBREVIATIONS = {"mr", "ms", "mrs", "dr", "st", "inc", "corp", "co", "jr", "sr", "vs", "no", "u.s", "u.k", "e.g",
                  "i.e", "gen", "sen", "rep", "gov", "prof", "col", "capt", "lt", "sgt", "rev"}
PREPOSITIONS = {"to", "with", "of", "for", "at", "from", "about", "on", "against", "toward", "towards", "over",
                "under", "like", "than", "into", "between", "among", "before", "after", "behind", "beside",
                "including"}
SENTENCE_END = re.compile(r"[.!?][”\"’)]?\s+")
_INITIALS = re.compile(r"(?:\w{1,2}\.)+\w{1,2}")  # "D.C", "U.N", "Ph.D": no sentence end after them
_SENTENCE_REACH = 400  # characters a sentence is looked through for its end


class ArticleSentences(ArticleNames):
    """An article's names, and its sentences."""

    def __init__(self, text: str, mentions: list[Mention], quoted: list[tuple[int, int]]) -> None:
        super().__init__(text, mentions, quoted)
        # each sentence end judged once: the sentences around every quote are read again and again over the
        # same punctuation; (where the mark stands, how far back its word may reach) → whether it ends a sentence
        self._ends: dict[tuple[int, int], bool] = {}

    def _after_preposition(self, mention: Mention) -> bool:
        before = self.text[max(0, mention.start - 12) : mention.start].split()
        if before and before[-1].lower() in ("the", "a", "an") and len(before) > 1:
            before = before[:-1]
        return bool(before) and before[-1].lower() in PREPOSITIONS


    def _sentence_holding(self, at: int) -> int:
        """Where the sentence holding ``at`` begins, looked for a sentence's reach back."""
        return self._sentence_start(max(0, at - _SENTENCE_REACH), at)

    def _sentence_before(self, own: int) -> int | None:
        """Where the sentence before the one beginning at ``own`` begins, reaching back past the blank line between
        paragraphs; None at the start of the text."""
        ended = own
        while ended and self.text[ended - 1].isspace():
            ended -= 1
        return self._sentence_start(max(0, ended - _SENTENCE_REACH), ended - 1) if ended else None

    def _sentence_start(self, block_start: int, at: int) -> int:
        """Where the sentence holding ``at`` begins, not fooled by initials ("T. Rowe Price") or "U.S."; a
        sentence ending inside a quote does not end the narrative one."""
        start = block_start
        for match in SENTENCE_END.finditer(self.text, block_start, at):
            if self._ends_sentence(match, block_start):
                start = match.end()
        return start

    def _sentence_end(self, at: int) -> int:
        """Where the sentence after the one holding ``at`` begins, or where the paragraph ends first."""
        paragraph_end = self.text.find("\n", at, at + _SENTENCE_REACH)
        end = paragraph_end if paragraph_end >= 0 else min(len(self.text), at + _SENTENCE_REACH)
        for match in SENTENCE_END.finditer(self.text, at, end):
            if self._ends_sentence(match, at):
                return match.end()
        return end

    def _ends_sentence(self, match: re.Match[str], block_start: int) -> bool:
        # the verdict reads only the mark, the closing quote after it and the word before it, so where the
        # match starts and where that word may begin decide it
        key = (match.start(), max(block_start, match.start() - 6))
        if (ends := self._ends.get(key)) is None:
            word = self.text[key[1] : match.start()].split()[-1:] or [""]
            token = word[0].lstrip("(“\"‘").casefold()
            quoted_end = self._in_quote(match.start()) and not any(mark in match.group() for mark in "”\"’")
            ends = self._ends[key] = not (len(token) == 1 or token in _ABBREVIATIONS or _INITIALS.fullmatch(token)
                                          or quoted_end)
        return ends
