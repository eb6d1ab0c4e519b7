"""The search pipeline over one connection: candidates from the index, a rerank, hits with matched ranges."""

from __future__ import annotations

import contextlib
import math
import sqlite3
import threading
import time

from rapidfuzz import fuzz, process

from store.search import scopes
from store.search.filters import sentence_conditions
from store.search.hits import Hit
from store.search.normalize import normalize, words
from store.search.query import ParsedQuery, parse_query, scope_of
from store.search.rerank import COMMON_WORD_WEIGHT, match_ranges, score_texts
from store.search.vocabulary import Vocabulary

SCOPES = ("sentences", "quotes", "titles", "entities", "notes")
CANDIDATES = 200
ENOUGH_CANDIDATES = 20
RARE_SENTENCES = 50
STATEMENT_BUDGET_S = 0.15
SEARCH_BUDGET_S = 0.3
PROGRESS_STEPS = 1000
ARTICLE_SENTENCE_CAP = 5000


class Cancelled(Exception):
    """The search was cancelled or interrupted by a newer one."""


class Engine:
    """Search state bound to one connection: the vocabulary cache and the time bound of each statement."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.vocabulary = Vocabulary(conn, lambda sql, params=(): self.run(sql, params, budget=None))
        self.generation = 0
        self.lock = threading.Lock()
        self._deadline = 0.0
        self._cancel: threading.Event | None = None
        self._generation_at_start = 0
        self._statement_deadline = 0.0
        self._titles: tuple[list, list, list[str]] | None = None

    def interrupt(self) -> None:
        """Stop the running search (from any thread): it returns an empty list soon after."""
        self.generation += 1
        self.conn.interrupt()

    def search(self, query, *, limit=20, scope="sentences", article_id=None, cancel=None) -> list[Hit]:
        """See :func:`store.search.search`."""
        with self._session(cancel):
            try:
                return self._search(str(query or ""), max(0, int(limit)), scope, article_id)
            except Cancelled:
                return []

    def warm(self, cancel: threading.Event | None = None) -> None:
        """Load the whole vocabulary now, so the first keystrokes do not wait for it."""
        with self._session(cancel):
            try:
                self.vocabulary.load_all()
            except Cancelled:
                pass

    @contextlib.contextmanager
    def _session(self, cancel: threading.Event | None):
        """One search at a time on this connection, stoppable by :meth:`interrupt` or ``cancel``."""
        generation = self.generation
        with self.lock:
            self._generation_at_start = generation
            self._cancel = cancel
            self._deadline = time.perf_counter() + SEARCH_BUDGET_S
            self._statement_deadline = math.inf
            self.conn.set_progress_handler(self._should_stop, PROGRESS_STEPS)
            try:
                yield
            finally:
                self.conn.set_progress_handler(None, 0)

    def _should_stop(self) -> int:
        return int(self._stopped() or time.perf_counter() > self._statement_deadline)

    def _stopped(self) -> bool:
        return self.generation != self._generation_at_start or bool(self._cancel and self._cancel.is_set())

    def check(self) -> None:
        if self._stopped():
            raise Cancelled

    def run(self, sql: str, params=(), budget: float | None = STATEMENT_BUDGET_S) -> list[tuple]:
        """Execute a read, abandoned (empty result) once its time is up — never, with ``budget=None``, for
        reads that must complete; raises :class:`Cancelled` when the search was stopped."""
        self.check()
        self._statement_deadline = math.inf if budget is None else time.perf_counter() + budget
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            if "interrupt" not in str(exc):
                raise
            self.check()
            return []

    def time_left(self) -> bool:
        """Whether the search is still within its budget (later, optional stages are skipped once not)."""
        return time.perf_counter() < self._deadline

    def weight(self, word: str) -> float:
        return COMMON_WORD_WEIGHT if len(word) < 2 or self.vocabulary.is_frequent(word) else 1.0

    def _search(self, query: str, limit: int, scope: str, article_id: int | None) -> list[Hit]:
        parsed = parse_query(query)
        scope = scope_of(parsed, scope if scope in SCOPES else "sentences")
        if parsed.empty or limit == 0:
            return []
        self.vocabulary.refresh()
        if scope in ("sentences", "quotes"):
            return self._sentences(parsed, limit, quotes=scope == "quotes", article_id=article_id)
        return self._rank_items(parsed, *self._items(scope, parsed, article_id), limit)

    def _items(self, scope: str, parsed: ParsedQuery, article_id: int | None) -> tuple[list, list[str] | None]:
        """The items of a small scope with their normalised texts. All titles, the common case, are kept
        between searches while the article index (titles and sources) is unchanged."""
        if scope != "titles" or article_id is not None or parsed.filters.keys() - {"in"}:
            return scopes.ITEMS[scope](self, parsed, article_id), None
        state = self.run("SELECT block FROM articles_fts_data WHERE id = 10", budget=None)
        if self._titles is None or self._titles[0] != state:
            items = scopes.title_items(self, parsed, None)
            self._titles = (state, items, [normalize(item.text) for item in items])
        return self._titles[1], self._titles[2]

    def _sentences(self, parsed: ParsedQuery, limit: int, *, quotes: bool, article_id: int | None) -> list[Hit]:
        where, params = sentence_conditions(self.conn, parsed, quotes_only=quotes, article_id=article_id)
        columns = 's.id, s.article_id, s.start, s."end", s.text'
        if article_id is not None or not parsed.words:
            rows = self.run(
                f"SELECT {columns} FROM sentences s WHERE {where} ORDER BY s.article_id, s.seq LIMIT ?",
                [*params, ARTICLE_SENTENCE_CAP if parsed.words else limit],
            )
        else:
            rows = self._candidates(parsed, columns, where, params)
        self.check()
        scored, matcher = score_texts(parsed, [row[4] for row in rows], self.weight, quotes_first=True)
        top = [(rows[s.index], s.score) for s in scored[:limit]]
        articles = scopes.article_info(self, {row[1] for row, _ in top})
        hits = []
        for (_, art, start, end, text), score in top:
            path, title, source = articles.get(art, ("", "", None))
            ranges = match_ranges(text, parsed, matcher)
            hits.append(
                Hit(art, path, title, source, start, end, text, round(score * 100, 1),
                    [(start + a, start + b) for a, b in ranges], "sentence", ranges)
            )
        return hits

    def _candidates(self, parsed: ParsedQuery, columns: str, where: str, params: list) -> list[tuple]:
        """Sentences worth reranking: exact phrases; the sentences holding every query word (each word
        standing for its expansions); phrases of words typed right; then, when that finds too few, the
        same leaving one word out at a time, then any word at all.

        Index order, not bm25: ranking a large match set costs far more than reading it (≈100 ms for 40k
        rows at 1M sentences), and when the words are that common, any sentence holding them is as good a
        candidate as another — the rerank decides."""
        groups = self._word_groups(parsed)
        self._deadline = time.perf_counter() + SEARCH_BUDGET_S  # loading the vocabulary does not count
        expressions = [expression for _, expression, _ in groups]
        join = f"FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid WHERE sentences_fts MATCH ? AND {where}"
        found: dict[int, tuple] = {}

        def collect(expression: str, count: int = CANDIDATES, ranked: bool = False) -> int:
            order = "ORDER BY sentences_fts.rank" if ranked else ""
            rows = self.run(f"SELECT {columns} {join} {order} LIMIT ?", [expression, *params, count])
            for row in rows:
                found.setdefault(row[0], row)
            return len(rows)

        for phrase in parsed.phrases:
            collect('"' + " ".join(words(phrase)) + '"', ENOUGH_CANDIDATES)
        runs = self._exact_runs(parsed)
        if groups and collect(" AND ".join(expressions)) >= CANDIDATES:
            # Too many sentences hold every word: keep those where the words typed right stand together,
            # common words included when nothing else stands together (dearer: their position lists).
            in_runs = {word for run in runs for word in run}
            if runs:
                phrases = ['"' + " ".join(run) + '"' for run in runs]
                collect(" AND ".join(phrases + [e for word, e, _ in groups if word not in in_runs]))
            elif stretch := self._typed_stretch(parsed):
                collect('"' + " ".join(stretch) + '"', ENOUGH_CANDIDATES)
        for run in runs:
            collect('"' + " ".join(run) + '"', ENOUGH_CANDIDATES)
        if not groups:
            return list(found.values())
        if len(found) < ENOUGH_CANDIDATES and len(groups) > 1:
            for left_out in range(len(groups)):
                if self.time_left():
                    collect(" AND ".join(e for i, e in enumerate(expressions) if i != left_out), CANDIDATES // len(groups))
        rarest = sorted(groups, key=lambda group: group[2])
        for _, expression, sentences in rarest[:2]:
            # A rare word (a name) points at its few sentences even when the words around it are damaged
            # beyond their expansions; with too few found, so do the two rarest words, whatever their counts.
            if sentences <= RARE_SENTENCES or (len(found) < ENOUGH_CANDIDATES and len(groups) > 2):
                if self.time_left():
                    collect(expression, CANDIDATES // 4)
        if not found and len(groups) > 1:
            collect(" OR ".join(expressions), ranked=True)
        return list(found.values())

    def _exact_runs(self, parsed: ParsedQuery) -> list[list[str]]:
        """The two longest runs of consecutive query words indexed as typed (and not so common that reading
        their positions costs more than it finds): searched as phrases, they find a sentence quoted right
        even when its words are too common for the ranking to bring it up."""
        runs: list[list[str]] = [[]]
        for word in parsed.words:
            if self.vocabulary.doc_count(word) and not self.vocabulary.is_frequent(word):
                runs[-1].append(word)
            elif runs[-1]:
                runs.append([])
        runs = [run for run in runs if len(run) >= 2]
        return sorted(runs, key=len, reverse=True)[:2]

    def _typed_stretch(self, parsed: ParsedQuery) -> list[str]:
        """The longest stretch of consecutive query words indexed as typed, trimmed of very common words
        at both ends, if it holds at least two words that are not very common."""
        stretches: list[list[str]] = [[]]
        for word in parsed.words:
            if self.vocabulary.doc_count(word):
                stretches[-1].append(word)
            elif stretches[-1]:
                stretches.append([])
        frequent = self.vocabulary.is_frequent
        best: list[str] = []
        for stretch in stretches:
            while stretch and frequent(stretch[0]):
                stretch = stretch[1:]
            while stretch and frequent(stretch[-1]):
                stretch = stretch[:-1]
            if sum(not frequent(word) for word in stretch) >= 2 and len(stretch) > len(best):
                best = stretch
        return best

    def _word_groups(self, parsed: ParsedQuery) -> list[tuple[str, str, int]]:
        """``(word, expression, sentences)`` per query word: the FTS5 OR of the indexed words it may stand
        for, and how many sentences hold them at most. Words too short or too common to narrow anything are
        left to the rerank, unless nothing else is left."""
        vocabulary = self.vocabulary
        query_words = list(dict.fromkeys(parsed.words))
        useful = [w for w in query_words if len(w) >= 2 and not vocabulary.is_frequent(w)]
        if not useful:
            return [(w, f'"{w}"', vocabulary.doc_count(w)) for w in query_words if vocabulary.doc_count(w)]
        groups = []
        for word in useful:
            self.check()
            terms = vocabulary.expand(word)
            if terms:
                expression = "(" + " OR ".join(f'"{term}"' for term in terms) + ")"
                groups.append((word, expression, sum(vocabulary.doc_count(term) for term in terms)))
        return groups

    def _rank_items(self, parsed: ParsedQuery, items: list[scopes.Item], texts: list[str] | None, limit: int):
        """Rank a small collection (titles, entity names, notes) scanned whole, pre-filtered when large."""
        if len(items) > CANDIDATES and parsed.text:
            texts = texts or [normalize(item.text) for item in items]
            best = process.extract(parsed.text, texts, scorer=fuzz.partial_ratio, processor=None, limit=CANDIDATES)
            items = [items[index] for _, _, index in best]
        self.check()
        scored, matcher = score_texts(parsed, [item.text for item in items], self.weight)
        best = scopes.anchor_titles(self, [items[s.index] for s in scored[:limit]])
        return [
            scopes.to_hit(item, match_ranges(item.text, parsed, matcher), round(s.score * 100, 1))
            for item, s in zip(best, scored)
        ]
