"""Any text at all — controls, line and paragraph separators, stray carriage returns, odd Unicode — imports into
the database with clean text and offsets that point into it."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.db import open_db
from store.importer import import_paths

FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
NASTY = "\x00\x07\x08\x0b\x0c\r\x1b\x7f\x85\x9b\u2028\u2029\u200b\u200e\u202e\u2066\ufeff\ufffd“”‘’\"'[]>-#*`\t "

lines = st.text(alphabet=st.one_of(st.characters(blacklist_categories=("Cs",)), st.sampled_from(NASTY)), max_size=120)
articles = st.lists(lines, min_size=1, max_size=12).map("\n".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(articles, min_size=1, max_size=3), suffix=st.sampled_from([".txt", ".md"]))
def test_arbitrary_text_is_stored_clean_with_offsets_into_it(tmp_path_factory, texts, suffix):
    folder = tmp_path_factory.mktemp("arbitrary")
    for number, text in enumerate(texts):
        (folder / f"{number}{suffix}").write_bytes(text.encode("utf-8", "surrogatepass"))
    db = open_db(folder / "broadsheet.db")
    try:
        report = import_paths(db, [folder])
        assert report.imported + len(report.skipped) == len(texts)
        stored = dict(db.execute("SELECT id, text FROM articles").fetchall())
        for text in stored.values():
            assert FORBIDDEN.search(text.replace("\n", "").replace("\t", "")) is None, repr(text)
        for article_id, start, end, sentence in db.execute('SELECT article_id, start, "end", text FROM sentences'):
            assert stored[article_id][start:end] == sentence
            assert sentence.strip()
        for article_id, start, end in db.execute('SELECT article_id, start, "end" FROM blocks'):
            assert 0 <= start <= end <= len(stored[article_id])
        for (title,) in db.execute("SELECT title FROM articles"):
            assert title and FORBIDDEN.search(title) is None and "\n" not in title
    finally:
        db.close()
