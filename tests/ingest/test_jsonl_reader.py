"""JSON Lines and JSON records: fields, keys, and per-line problems that leave other records importable."""

import json

import store.ingest.jsonl as jsonl
from store.ingest import parse_file


def write_lines(path, *lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def record(**fields):
    return json.dumps(fields, ensure_ascii=False)


def test_records_become_articles_with_metadata_and_keys(tmp_path):
    path = write_lines(
        tmp_path / "feed.jsonl",
        record(id="a1", title="Rates Hold", text="The bank held rates.\nMarkets rose.", url="https://x/1",
               source="Wire", published="2026-01-02", byline="Ann Lee"),
        record(title="By Url", body="Body text.", url="https://x/2", date="2026-01-03", author=["A", "B"]),
        record(text="No id, no url.\nSecond paragraph."),
    )
    articles, problems = parse_file(path)
    assert problems == []
    first, second, third = articles
    assert [a.key for a in articles] == [f"{path}#a1", f"{path}#https://x/2", f"{path}#3"]
    assert (first.title, first.source, first.url, first.published, first.byline) == (
        "Rates Hold", "Wire", "https://x/1", "2026-01-02", "Ann Lee",
    )
    assert first.text == "The bank held rates.\nMarkets rose." and [b.kind for b in first.blocks] == ["paragraph"] * 2
    assert (second.published, second.byline) == ("2026-01-03", "A, B")
    assert third.title == "No id, no url"


def test_record_text_that_repeats_the_title_marks_it_as_the_title_block(tmp_path):
    path = write_lines(tmp_path / "f.jsonl", record(title="Rates  Hold", text="Rates Hold\nThe bank held rates."))
    [article], _ = parse_file(path)
    assert article.title == "Rates Hold" and article.blocks[0].kind == "title"


def test_bad_line_is_a_problem_with_its_number_and_others_still_import(tmp_path):
    path = write_lines(
        tmp_path / "f.jsonl",
        record(id=1, text="Good one."),
        "{not json",
        "",
        record(id=2, title="No text here"),
        "[1, 2]",
        record(id=3, text="   "),
        record(id=1, text="Duplicate id."),
        record(id=4, text="Good two."),
    )
    articles, problems = parse_file(path)
    assert [a.text for a in articles] == ["Good one.", "Good two."]
    assert [(p.line, p.reason.split(":")[0].split(" (")[0]) for p in problems] == [
        (2, "invalid JSON"),
        (4, "record has no text"),
        (5, "record is a JSON list, not an object"),
        (6, "record text is empty"),
        (7, "duplicate record id"),
    ]
    assert str(problems[0]).startswith(f"{path}:2: invalid JSON: ")


def test_control_characters_in_record_text_are_cleaned(tmp_path):
    path = write_lines(tmp_path / "f.jsonl", record(text="Line one\r\nLine \u001b[2Jtwo\u202e."))
    [article], _ = parse_file(path)
    assert article.text == "Line one\nLine [2Jtwo."


def test_empty_jsonl_is_a_problem(tmp_path):
    path = write_lines(tmp_path / "f.jsonl", "", "  ")
    assert [p.reason for p in parse_file(path)[1]] == ["empty file"]


def test_cp1252_line_imports_with_a_warning_naming_the_line(tmp_path):
    path = tmp_path / "f.jsonl"
    path.write_bytes(b'{"text": "ok"}\n' + '{"text": "caf\u00e9 \u201cquoted\u201d"}\n'.encode("cp1252"))
    articles, problems = parse_file(path)
    assert problems == [] and articles[1].text == "café “quoted”"
    assert articles[1].warnings == ["line 2: decoded as cp1252 (not valid UTF-8)"]


def test_json_file_with_a_list_or_one_record(tmp_path):
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"id": "x", "text": "One."}, {"title": "T"}, {"text": "Two."}]))
    articles, problems = parse_file(many)
    assert [a.key for a in articles] == [f"{many}#x", f"{many}#3"]
    assert [str(p) for p in problems] == [f"{many}: record 2: record has no text (expected a 'text' or 'body' field)"]
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"title": "Solo", "text": "Alone."}))
    [article], _ = parse_file(one)
    assert (article.key, article.title) == (f"{one}#1", "Solo")


def test_invalid_json_file_names_the_line(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('[\n  {"text": "a"},\n  {oops}\n]')
    articles, [problem] = parse_file(path)
    assert articles == [] and problem.line == 3 and problem.reason.startswith("invalid JSON")


def test_binary_jsonl_is_one_problem_not_one_per_line(tmp_path):
    path = tmp_path / "f.jsonl"
    path.write_bytes(b"\x00\x01\x02\n" * 1000)
    articles, problems = parse_file(path)
    assert articles == [] and [p.reason for p in problems] == ["binary file (contains NUL bytes)"]


def test_utf16_jsonl_is_decoded_whole(tmp_path):
    path = tmp_path / "f.jsonl"
    path.write_bytes((record(id="a", text="Première.") + "\n" + record(id="b", text="Deux.") + "\n").encode("utf-16"))
    articles, problems = parse_file(path)
    assert problems == [] and [a.text for a in articles] == ["Première.", "Deux."]
    assert articles[0].warnings == ["line 1: decoded as UTF-16"]


def test_a_line_over_the_size_limit_is_skipped_and_the_next_one_imports(tmp_path, monkeypatch):
    monkeypatch.setattr(jsonl, "MAX_FILE_BYTES", 100)
    path = write_lines(tmp_path / "f.jsonl", record(text="x" * 500), record(text="Small."))
    articles, [problem] = parse_file(path)
    assert [a.text for a in articles] == ["Small."]
    assert (problem.line, problem.reason) == (1, "line longer than 100 bytes")
