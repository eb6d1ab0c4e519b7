"""Score the quote extractor on hand-labelled quotes (Wikinews, web pages), beside a naive peer in the same run.

Usage: ``.venv/bin/python -m bench.quotes [--gold NAME|FILE] [--articles FILE] [--pages DIR] [--show]``. The gold
is by default ``bench/data/wikinews/quotes_gold.jsonl`` (125 quotes in the 42 news articles whose ids are 7 mod 10; see
``bench/data/wikinews/NOTICE.md`` and ``quotes_notes.md``); ``--gold quotes_gold_2`` scores the second gold,
labelled blind by another labeller (103 quotes in 53 articles, ids 3 mod 10 then 9 mod 10; ``quotes_2_notes.md``).
``--gold quotes_gold_3`` scores the third, also labelled blind (102 quotes in 50 articles, ids 1 mod 10 then 5 mod
10; ``quotes_3_notes.md``). Both were test sets until stop 20 and are development sets since stop 21.
``--gold quotes_gold_4`` scores the fourth, labelled blind (105 quotes in 46 articles, ids 5 mod 10 from wn0105 to
wn0435, then 2 mod 10 from wn0002 to wn0152; ``quotes_4_notes.md``): the Wikinews test set, whose articles the
rules are never developed on. ``--gold quotes_gold_5`` scores the fifth, labelled blind (46 quotes in 23 articles,
ids 2 mod 10 from wn0162 to wn0432; ``quotes_5_notes.md``): the second Wikinews test set.
``--gold quotes_gold_6`` scores the sixth, labelled blind (44 quotes in 20 articles, ids 4 mod 10 from wn0034 to
wn0224; ``quotes_6_notes.md``): a test set.
``--gold quotes_gold_7`` scores the seventh, labelled blind (43 quotes in 20 articles, ids 4 mod 10 from wn0234 to
wn0434; ``quotes_7_notes.md``): a test set.
``--gold quotes_dev`` scores the development gold (122 quotes in 45 articles, ids 0
mod 10 then 4 mod 10; ``quotes_dev_notes.md``). ``--gold quotes_dev_8`` scores another development gold
(80 quotes in the 40 news articles whose ids are 8 mod 10, labelled before the extractor was run on them;
``quotes_dev_8_notes.md``); ``--gold quotes_dev_9`` another (49 quotes in the 29 news articles whose ids are 9 mod 10
from wn0119, labelled the same way; ``quotes_dev_9_notes.md``); ``--gold quotes_dev_6`` another (78 quotes in the 39
news articles whose ids are 6 mod 10; ``quotes_dev_6_notes.md``, which keeps its first reading, taken before any
code change). The rules are tuned on the development sets, so their scores are not evidence of quality. A NAME is
a ``.jsonl`` file of that directory; the texts are read from ``../shared/corpora/wikinews/articles.jsonl``
(``BROADSHEET_WIKINEWS`` overrides), by Wikinews contributors, CC BY 2.5.

``--gold pages_dev`` and ``--gold pages_blind`` score the web-page golds in ``bench/data/pages`` (see its
``NOTICE.md``): quotes in the hand-checked article bodies of real news pages from many publishers (Zyte's
article-extraction benchmark), read from ``ground-truth.json`` in ``../shared/corpora/article-extraction``
(``--pages``, else ``BROADSHEET_ARTICLE_EXTRACTION``); the gold stores offsets and a sha1 per quote, no text
(``bench/pages.py``). ``pages_dev`` holds the pages at even positions of the sorted keys and is a development
gold; ``pages_blind``, the odd positions, is labelled blind by someone else and is never tuned on.

Matching, over characters (a quote's characters are the union of its parts):
- a gold quote is **found** when one predicted quote overlaps at least 50% of the gold quote's characters and
  at least 50% of the predicted quote's characters (pairs matched one to one, largest overlap first);
- **precision** is over the predicted quotes of four words or more: the share matched to a gold quote;
- the **speaker** is right when the predicted name is equivalent to the gold one (case, accents, honorifics,
  middle initials, a leading "the" and a trailing "'s" ignored); a gold speaker of null is right only when
  no name is predicted. Reported over the found quotes and over all gold quotes (a missed quote counts wrong).

Speed, on every article of the corpus (CPU time, one core): the whole extractor with quotes
(``extract`` then ``find_quotes``), quotes alone (``find_quotes`` given the mentions), and the peer.

``--echoes`` times quote echoes instead: every quote of the whole corpus (all articles) linked to its echoes
through the rare-word index of ``store.echoes``, beside the peer "all pairs" (the same similarity on every pair
of quotes from different articles), on the corpus as is and copied several times over (copies are echoes).

The peer, "naive": every span between a pair of quote marks (straight or curly) of four words or more in a
paragraph, its speaker the nearest capitalised name outside quotes in the same paragraph.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpora import shared_corpus  # noqa: E402
from bench.pages import ARTICLE_EXTRACTION, PAGE_GOLDS, PageGoldError, load_pages_gold  # noqa: E402
from store.extract import extract  # noqa: E402
from store.extract.quotes import find_quotes  # noqa: E402
from store.ingest.jsonl import record_to_article  # noqa: E402

HERE = Path(__file__).resolve().parent
GOLDS = HERE / "data" / "wikinews"
GOLD = GOLDS / "quotes_gold.jsonl"


ARTICLES = shared_corpus("wikinews", "BROADSHEET_WIKINEWS") / "articles.jsonl"
MIN_WORDS = 4
# Titles, never part of a speaker's name by the golds' convention ("full name as first given, without titles").
HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "general", "gen", "president", "senator", "sen", "rep", "prof", "the",
              "prince", "princess", "king", "queen", "lord", "lady", "dame", "duke", "duchess"}


def gold_path(name: str) -> Path:
    """A gold given by file path, by ``pages_dev``/``pages_blind`` (``bench/data/pages/quotes_pages_*.jsonl``), or by
    the name of a ``.jsonl`` gold in ``bench/data/wikinews``."""
    given = Path(name)
    if given.is_file():
        return given
    if name.startswith("pages_"):
        named = PAGE_GOLDS / f"quotes_{name.removesuffix('.jsonl')}.jsonl"
    else:
        named = GOLDS / (name if name.endswith(".jsonl") else f"{name}.jsonl")
    if not named.is_file():
        raise argparse.ArgumentTypeError(f"no gold file {name!r} (nor {named})")
    return named


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def name_key(name: str | None) -> str | None:
    """A speaker name reduced for name-equivalence: casefolded, accents and punctuation dropped, honorifics,
    single-letter initials and a trailing possessive removed."""
    if not name:
        return None
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    plain = re.sub(r"['’]s\b", "", plain)
    words = [w for w in re.findall(r"[a-z0-9]+", plain) if w not in HONORIFICS and len(w) > 1]
    return " ".join(words) or None


def chars(parts) -> set[int]:
    return {i for start, end in parts for i in range(start, end)}


def match(gold: list[dict], predicted: list[dict]) -> dict[int, int]:
    """Gold index → predicted index, one to one, largest overlap first, each pair overlapping ≥ 50% of both."""
    gold_chars = [chars(g["parts"]) for g in gold]
    pred_chars = [chars(p["parts"]) for p in predicted]
    pairs = []
    for gi, gc in enumerate(gold_chars):
        for pi, pc in enumerate(pred_chars):
            common = len(gc & pc)
            if common and common >= 0.5 * len(gc) and common >= 0.5 * len(pc):
                pairs.append((common, gi, pi))
    matched, used = {}, set()
    for _, gi, pi in sorted(pairs, reverse=True):
        if gi not in matched and pi not in used:
            matched[gi] = pi
            used.add(pi)
    return matched


def ours(text: str, blocks) -> list[dict]:
    found = find_quotes(text, blocks, extract(text))
    return [{"parts": list(getattr(q, "parts", None) or [(q.start, q.end)]), "text": q.text, "speaker": q.speaker}
            for q in found]


_PAIR = re.compile(r"[\"“]([^\"“”\n]+)[\"”]")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")


def naive(text: str, blocks) -> list[dict]:
    """The peer: quoted spans of four words or more, speaker = the nearest capitalised run outside quotes."""
    out = []
    for block in blocks:
        paragraph = text[block.start : block.end]
        spans = [(m.start(1), m.end(1)) for m in _PAIR.finditer(paragraph)]
        names = [n for n in _CAPITALISED.finditer(paragraph) if not any(s - 1 <= n.start() < e + 1 for s, e in spans)]
        for s, e in spans:
            if len(paragraph[s:e].split()) < MIN_WORDS:
                continue
            nearest = min(names, key=lambda n: min(abs(n.start() - e), abs(s - n.end())), default=None)
            out.append({"parts": [(block.start + s, block.start + e)], "text": paragraph[s:e],
                        "speaker": nearest.group() if nearest else None})
    return out


def score(gold_by_id: dict[str, list[dict]], texts: dict[str, tuple], system, show: bool = False) -> dict:
    gold_total = found = predicted_total = correct = speaker_right = 0
    errors = {"no name given": 0, "name for an unnamed source": 0, "another name": 0}
    by_kind: dict[str, list[int]] = {}
    started = time.perf_counter()
    for article_id, gold in gold_by_id.items():
        text, blocks = texts[article_id]
        predicted = [p for p in system(text, blocks) if len(p["text"].split()) >= MIN_WORDS]
        matched = match(gold, predicted)
        gold_total += len(gold)
        found += len(matched)
        predicted_total += len(predicted)
        correct += len(matched)
        for gi, pi in matched.items():
            right = name_key(predicted[pi]["speaker"]) == name_key(gold[gi]["speaker"])
            speaker_right += right
            kind_counts = by_kind.setdefault(gold[gi].get("speaker_kind") or "?", [0, 0])
            kind_counts[0] += right
            kind_counts[1] += 1
            if not right:
                kind = ("no name given" if predicted[pi]["speaker"] is None else
                        "name for an unnamed source" if gold[gi]["speaker"] is None else "another name")
                errors[kind] += 1
            if show and not right:
                print(f"  {article_id} speaker {predicted[pi]['speaker']!r} ≠ {gold[gi]['speaker']!r}: "
                      f"{gold[gi]['text'][:60]!r}")
        if show:
            for gi, g in enumerate(gold):
                if gi not in matched:
                    print(f"  {article_id} missed: {g['text'][:70]!r}")
            for pi, p in enumerate(predicted):
                if pi not in matched.values():
                    print(f"  {article_id} extra: {p['text'][:70]!r}")
    return {
        "gold": gold_total,
        "found": found / gold_total,
        "precision": correct / predicted_total if predicted_total else 0.0,
        "speaker (found)": speaker_right / found if found else 0.0,
        "speaker (all)": speaker_right / gold_total,
        "seconds": time.perf_counter() - started,
        "errors": errors,
        "by kind": by_kind,
    }


def speed(articles_path: Path) -> None:
    """Words per CPU second over the whole corpus: extractor with quotes, quotes alone, the naive peer."""
    articles = []
    for n, record in enumerate(read_jsonl(articles_path)):
        article = record_to_article(record, articles_path, n)
        if not isinstance(article, str):
            articles.append((article.text, article.blocks))
    words = sum(len(text.split()) for text, _ in articles)
    extracting = quoting = peer = 0.0
    for text, blocks in articles:
        started = time.process_time()
        mentions = extract(text)
        extracted = time.process_time()
        find_quotes(text, blocks, mentions)
        quoted = time.process_time()
        naive(text, blocks)
        extracting += extracted - started
        quoting += quoted - extracted
        peer += time.process_time() - quoted
    print(f"speed on {len(articles)} articles, {words:,} words (CPU words/s): extractor with quotes "
          f"{words / (extracting + quoting):,.0f}; quotes alone {words / quoting:,.0f}; naive peer {words / peer:,.0f}")


def echo_timing(articles_path: Path, copies: tuple[int, ...] = (1, 4, 16)) -> None:
    """Index vs all-pairs time to find every quote's echoes, at growing corpus sizes."""
    from store.echoes import EchoIndex, IndexedQuote, similarity, words_of

    base: list[IndexedQuote] = []
    for n, record in enumerate(read_jsonl(articles_path)):
        article = record_to_article(record, articles_path, n)
        if isinstance(article, str):
            continue
        for q in find_quotes(article.text, article.blocks, extract(article.text)):
            base.append(IndexedQuote(len(base), n, q.start, q.end, q.text, q.speaker, words_of(q.text)))
    print(f"{len(base)} quotes in {n + 1} articles")
    print(f"{'copies':>6} {'quotes':>7} {'index s':>8} {'echoes':>7} {'all pairs s':>12} {'echoes':>7}")
    for times in copies:
        quotes = [IndexedQuote(i, q.article_id + c * 100_000, q.start, q.end, q.text, q.speaker, q.words)
                  for i, (c, q) in enumerate((c, q) for c in range(times) for q in base)]
        started = time.perf_counter()
        index = EchoIndex(quotes)
        linked = sum(len(index.echoes_of(q)) for q in quotes)
        indexed = time.perf_counter() - started
        pairs, peer = None, None
        if len(quotes) <= 4_000:
            started = time.perf_counter()
            pairs = sum(1 for i, a in enumerate(quotes) for b in quotes[i + 1 :]
                        if a.article_id != b.article_id and similarity(a.words, b.words) >= 80) * 2
            peer = time.perf_counter() - started
        print(f"{times:>6} {len(quotes):>7} {indexed:>8.2f} {linked:>7} "
              f"{(f'{peer:.2f}' if peer is not None else 'skipped'):>12} {pairs if pairs is not None else '':>7}")


def wikinews_gold(gold: Path, articles: Path) -> tuple[dict[str, list[dict]], dict[str, tuple]]:
    """A Wikinews gold's quotes by article id, and each article's ``(text, blocks)`` as imported."""
    gold_by_id = {row["id"]: row["quotes"] for row in read_jsonl(gold)}
    texts = {}
    for n, record in enumerate(read_jsonl(articles)):
        if record["id"] in gold_by_id:
            article = record_to_article(record, articles, n)
            if isinstance(article, str) or article.text != record["text"]:
                sys.exit(f"{articles}: article {record['id']}: its text does not import unchanged")
            texts[record["id"]] = (article.text, article.blocks)
    return gold_by_id, texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=gold_path, default=GOLD,
                        help="a gold file, pages_dev or pages_blind, or the name of one in bench/data/wikinews "
                             "(e.g. quotes_gold_2)")
    parser.add_argument("--articles", type=Path, default=ARTICLES)
    parser.add_argument("--pages", type=Path, default=ARTICLE_EXTRACTION,
                        help="the article-extraction corpus holding ground-truth.json (for the pages golds)")
    parser.add_argument("--show", action="store_true", help="list misses, extras and wrong speakers (ours)")
    parser.add_argument("--echoes", action="store_true", help="time quote echoes on the whole corpus instead")
    args = parser.parse_args()
    if args.echoes:
        echo_timing(args.articles)
        return
    pages = args.gold.name.startswith("quotes_pages_")
    if pages:
        try:
            gold_by_id, texts = load_pages_gold(args.gold, args.pages / "ground-truth.json")
        except PageGoldError as error:
            sys.exit(str(error))
    else:
        gold_by_id, texts = wikinews_gold(args.gold, args.articles)
    quotes = sum(map(len, gold_by_id.values()))
    print(f"{len(gold_by_id)} {'pages' if pages else 'articles'}, {quotes} gold quotes ({args.gold.name})")
    print(f"{'system':<10} {'found':>7} {'precision':>10} {'speaker/found':>14} {'speaker/all':>12} {'seconds':>8}")
    for name, system in (("ours", ours), ("naive", naive)):
        result = score(gold_by_id, texts, system, show=args.show and name == "ours")
        print(f"{name:<10} {result['found']:>7.3f} {result['precision']:>10.3f} {result['speaker (found)']:>14.3f} "
              f"{result['speaker (all)']:>12.3f} {result['seconds']:>8.2f}   wrong speakers: "
              + ", ".join(f"{kind} {n}" for kind, n in result["errors"].items())
              + "; right by gold kind: " + ", ".join(f"{k} {r}/{n}" for k, (r, n) in sorted(result["by kind"].items())))
    speed(args.articles)


if __name__ == "__main__":
    main()
