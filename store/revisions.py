"""Every version of an article's text: kept when it is imported or fetched, listed, and compared word by word.

The importer calls :func:`record_revision` in the transaction that writes the article, so the newest revision
is always the article's stored text. Texts are kept compressed (zlib); a revision is never changed or deleted
except with its article.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from difflib import SequenceMatcher

from store.articles import ArticleNotFound

_WORD = re.compile(r"\S+")
_PARAGRAPH = re.compile(r"\n+|[^\n]+\n*")
PAIR_MIN = 0.5  # paragraphs sharing less of their words are a removal and an addition, not an edit
MAX_PAIRINGS = 10_000  # beyond this many paragraph pairs in one changed run, it is compared word by word whole


class RevisionNotFound(LookupError):
    """An article has no revision with the number asked for; the message names the revisions it has."""


@dataclass(frozen=True, slots=True)
class Change:
    """One run of a word diff: ``kind`` is ``equal``, ``delete`` (only in the older text) or ``insert``."""

    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class RevisionDiff:
    """The word diff of revision ``old`` to revision ``new`` of one article."""

    article_id: int
    old: int
    new: int
    changes: list[Change]

    @property
    def added(self) -> int:
        return sum(len(_WORD.findall(c.text)) for c in self.changes if c.kind == "insert")

    @property
    def removed(self) -> int:
        return sum(len(_WORD.findall(c.text)) for c in self.changes if c.kind == "delete")


def record_revision(db, article_id: int, text: str, digest: str, words: int, fetched: str) -> int:
    """Keep ``text`` as the next revision of an article, unless it is already the newest one; returns its
    number. Call inside the transaction that writes the article's text."""
    newest = db.execute(
        "SELECT n, content_hash FROM revisions WHERE article_id = ? ORDER BY n DESC LIMIT 1", [article_id]
    ).fetchone()
    if newest is not None and newest[1] == digest:
        return newest[0]
    n = 1 if newest is None else newest[0] + 1
    db.execute(
        "INSERT INTO revisions (article_id, n, fetched, content_hash, words, text) VALUES (?, ?, ?, ?, ?, ?)",
        [article_id, n, fetched, digest, words, zlib.compress(text.encode("utf-8"))],
    )
    return n


def keep_first_revision(db, article_id: int) -> None:
    """Before an article's text is replaced: make sure the text about to go is kept. Every article has its
    revisions since version 9 of the schema; this covers rows written by any other path."""
    if db.execute("SELECT 1 FROM revisions WHERE article_id = ?", [article_id]).fetchone() is None:
        row = db.execute("SELECT text, content_hash, words, updated FROM articles WHERE id = ?",
                         [article_id]).fetchone()
        if row is not None:
            record_revision(db, article_id, row[0], row[1], row[2], row[3])


def revision_count(db, article_id: int) -> int:
    """How many texts of the article were kept (1 for an article never changed)."""
    return db.execute("SELECT count(*) FROM revisions WHERE article_id = ?", [article_id]).fetchone()[0]


def revision_text(db, article_id: int, n: int) -> str:
    """The text of revision ``n`` of an article."""
    row = db.execute("SELECT text FROM revisions WHERE article_id = ? AND n = ?", [article_id, n]).fetchone()
    if row is None:
        numbers = [r[0] for r in db.execute("SELECT n FROM revisions WHERE article_id = ? ORDER BY n", [article_id])]
        if not db.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone():
            raise ArticleNotFound(f"no article with id {article_id}")
        raise RevisionNotFound(f"article {article_id} has no revision {n} (it has {_numbers(numbers)})")
    return zlib.decompress(row[0]).decode("utf-8")


def list_revisions(db, article_id: int) -> list[dict]:
    """Every revision of an article, oldest first: ``n``, ``fetched``, ``words``, ``hash`` and the words
    ``added`` and ``removed`` since the revision before (0 for the first)."""
    rows = db.execute(
        "SELECT n, fetched, words, content_hash, text FROM revisions WHERE article_id = ? ORDER BY n", [article_id]
    ).fetchall()
    listed, previous = [], None
    for n, fetched, words, digest, packed in rows:
        text = zlib.decompress(packed).decode("utf-8")
        added = removed = 0
        if previous is not None:
            diff = RevisionDiff(article_id, n - 1, n, word_diff(previous, text))
            added, removed = diff.added, diff.removed
        listed.append({"n": n, "fetched": fetched, "words": words, "added": added, "removed": removed, "hash": digest})
        previous = text
    return listed


def diff_revisions(db, article_id: int, old: int | None = None, new: int | None = None) -> RevisionDiff:
    """The word diff between two revisions of an article: by default the one before the newest → the newest.
    With a single revision, that revision against itself (no changes)."""
    numbers = [r[0] for r in db.execute("SELECT n FROM revisions WHERE article_id = ? ORDER BY n", [article_id])]
    if not numbers:
        raise ArticleNotFound(f"no article with id {article_id}")
    new = numbers[-1] if new is None else new
    old = max(numbers[0], new - 1) if old is None else old
    return RevisionDiff(article_id, old, new,
                        word_diff(revision_text(db, article_id, old), revision_text(db, article_id, new)))


def word_diff(old: str, new: str) -> list[Change]:
    """The changes that turn ``old`` into ``new``, word by word; ``equal`` and ``insert`` runs keep the new
    text's spacing and line breaks, so joining every run except deletions gives ``new`` back (and every run
    except insertions gives ``old``'s words back).

    Paragraphs (lines) are matched first, then words within the paragraphs that differ: the way ``git diff
    --word-diff`` works, and what keeps a long article with a few edits fast."""
    old_lines, new_lines = _lines(old), _lines(new)
    changes: list[Change] = []
    matcher = SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _add(changes, "equal", "".join(new_lines[j1:j2]))
        else:
            changes.extend(_paired(old_lines[i1:i2], new_lines[j1:j2]))
    return _merged(changes)


def changed_paragraphs(changes: list[Change]) -> list[list[Change]]:
    """The paragraphs of a diff that hold a change, each as its runs (line breaks inside equal runs split
    paragraphs; the unchanged paragraphs between them are left out)."""
    paragraphs: list[list[Change]] = [[]]
    for change in changes:
        if change.kind != "equal":
            paragraphs[-1].append(change)
            continue
        pieces = change.text.split("\n")
        for number, piece in enumerate(pieces):
            if number:
                paragraphs.append([])
            if piece:
                paragraphs[-1].append(Change("equal", piece))
    return [p for p in paragraphs if any(c.kind != "equal" for c in p)]


def _paired(old_lines: list[str], new_lines: list[str]) -> list[Change]:
    """The changes of a run of paragraphs that differ: the most alike old and new paragraphs (at least
    :data:`PAIR_MIN` of their words in common) are compared word by word, those before and after them in
    turn, and what pairs with nothing is a whole paragraph removed or added — so a paragraph added before an
    edited one is not matched against it word by word (as ``difflib.ndiff`` pairs lines)."""
    if not old_lines or not new_lines or len(old_lines) * len(new_lines) > MAX_PAIRINGS:
        return _unpaired("".join(old_lines), "".join(new_lines))
    best, pair = PAIR_MIN, None
    for i, old_line in enumerate(old_lines):
        old_words = old_line.split()
        for j, new_line in enumerate(new_lines):
            new_words = new_line.split()
            if old_words and new_words:
                ratio = SequenceMatcher(None, old_words, new_words, autojunk=False).ratio()
                if ratio > best:
                    best, pair = ratio, (i, j)
    if pair is None:
        return _unpaired("".join(old_lines), "".join(new_lines))
    i, j = pair
    return [
        *_paired(old_lines[:i], new_lines[:j]),
        *_word_changes(old_lines[i], new_lines[j]),
        *_paired(old_lines[i + 1 :], new_lines[j + 1 :]),
    ]


def _unpaired(old: str, new: str) -> list[Change]:
    """Paragraphs removed and added whole; the line breaks around the added ones stay unchanged text, so
    each is a paragraph of its own."""
    changes: list[Change] = []
    _add(changes, "delete", old.strip())
    body = new.strip("\n")
    if not body.strip():
        _add(changes, "equal", new)
        return changes
    lead = new[: len(new) - len(new.lstrip("\n"))]
    _add(changes, "equal", lead)
    _add(changes, "insert", body)
    _add(changes, "equal", new[len(lead) + len(body) :])
    return changes


def _lines(text: str) -> list[str]:
    """Paragraphs, each with the line breaks after it: blank lines between paragraphs are not items of
    their own, which would match each other and pair paragraphs that have nothing in common."""
    return _PARAGRAPH.findall(text)


def _word_changes(old: str, new: str) -> list[Change]:
    old_words, new_words = list(_WORD.finditer(old)), list(_WORD.finditer(new))
    changes: list[Change] = []
    _add(changes, "equal", new[: new_words[0].start()] if new_words else new)
    matcher = SequenceMatcher(None, [w.group() for w in old_words], [w.group() for w in new_words], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        # what follows the run in the new text: its spacing up to the next word (or the end)
        after = new[new_words[j2 - 1].end() if j2 > j1 else _start(new_words, j1, new) : _start(new_words, j2, new)]
        if tag == "equal":
            _add(changes, "equal", new[new_words[j1].start() : new_words[j2 - 1].end()])
        if tag in ("delete", "replace"):
            # words deleted between two kept words take a space along, which a renderer puts after its mark
            apart = " " if tag == "delete" and 0 < j1 < len(new_words) else ""
            _add(changes, "delete", old[old_words[i1].start() : old_words[i2 - 1].end()] + apart)
        if tag in ("insert", "replace"):
            _add(changes, "insert", new[new_words[j1].start() : new_words[j2 - 1].end()])
        _add(changes, "equal", after)
    return changes


def _start(words: list[re.Match], index: int, text: str) -> int:
    return words[index].start() if index < len(words) else len(text)


def _add(changes: list[Change], kind: str, text: str) -> None:
    if text:
        changes.append(Change(kind, text))


def _merged(changes: list[Change]) -> list[Change]:
    merged: list[Change] = []
    for change in changes:
        if merged and merged[-1].kind == change.kind:
            merged[-1] = Change(change.kind, merged[-1].text + change.text)
        else:
            merged.append(change)
    return merged


def _numbers(numbers: list[int]) -> str:
    if not numbers:
        return "none"
    return f"1–{numbers[-1]}" if numbers == list(range(1, numbers[-1] + 1)) else ", ".join(map(str, numbers))
