"""Which files get read, and the one-line problems for those that cannot be."""

import os
import re
from pathlib import Path

import pytest

import store.ingest.decode as decode
from store.ingest import SUPPORTED_SUFFIXES, count_words, iter_input_files, parse_file
from store.model import Problem


def problems_of(items):
    return [item for item in items if isinstance(item, Problem)]


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \r\n"])
def test_empty_and_whitespace_files_are_problems(tmp_path, content):
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    articles, problems = parse_file(path)
    assert articles == []
    assert [str(p) for p in problems] == [f"{path}: empty file"]


def test_binary_file_with_a_text_extension_is_refused(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    articles, problems = parse_file(path)
    assert articles == [] and "binary file" in problems[0].reason


def test_cp1252_file_imports_with_a_warning(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("Caf\u00e9 owners said \u201cno\u201d.\nThey meant it.".encode("cp1252"))
    [article], problems = parse_file(path)
    assert problems == []
    assert "“no”" in article.text
    assert article.warnings == ["decoded as cp1252 (not valid UTF-8)"]


def test_huge_file_is_refused_with_the_limit_in_the_reason(tmp_path, monkeypatch):
    monkeypatch.setattr(decode, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "huge.md"
    path.write_text("word " * 500)
    articles, problems = parse_file(path)
    assert articles == [] and "too large" in problems[0].reason and "1,000" in problems[0].reason


def test_unknown_extension_given_explicitly_is_a_problem(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7")
    [problem] = list(iter_input_files([path]))
    assert problem.path == str(path) and "unsupported file type '.pdf'" in problem.reason
    assert parse_file(path)[1][0].reason == problem.reason


def test_dangling_symlink_and_missing_path_are_problems(tmp_path):
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "never-existed.txt")
    problems = problems_of(iter_input_files([link, tmp_path / "nope.txt"]))
    assert [p.reason for p in problems] == ["dangling symlink", "no such file or directory"]


def test_unreadable_file_is_a_problem(tmp_path, monkeypatch):
    # Tests may run as root, who can read a chmod-000 file: deny access through os.access instead.
    path = tmp_path / "locked.txt"
    path.write_text("secret")
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == path else real_access(p, mode))
    assert problems_of(iter_input_files([path])) == [Problem(str(path), "cannot read: permission denied")]


def test_directories_are_walked_sorted_recursively_skipping_hidden_and_unknown(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.md").write_text("# Z")
    (tmp_path / "b" / "a.JSONL").write_text("{}")
    (tmp_path / "a.txt").write_text("A")
    (tmp_path / "notes.pdf").write_text("not an article")
    (tmp_path / ".hidden.txt").write_text("hidden")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("hidden")
    found = list(iter_input_files([tmp_path]))
    assert found == [tmp_path / "a.txt", tmp_path / "b" / "a.JSONL", tmp_path / "b" / "z.md"]


def test_a_file_named_twice_is_yielded_once(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("A")
    assert list(iter_input_files([path, tmp_path, path])) == [path]


def test_directory_without_supported_files_is_a_problem(tmp_path):
    (tmp_path / "readme.pdf").write_text("x")
    [problem] = list(iter_input_files([tmp_path]))
    assert problem.path == str(tmp_path) and "no supported files" in problem.reason


def test_supported_suffixes_dispatch_to_a_reader(tmp_path):
    assert set(SUPPORTED_SUFFIXES) == {".txt", ".md", ".markdown", ".jsonl", ".json", ".html", ".htm", ".html.gz",
                                       ".htm.gz"}
    (tmp_path / "a.markdown").write_text("# Heading\n\nBody text here.\n")
    [article], _ = parse_file(tmp_path / "a.markdown")
    assert article.title == "Heading" and article.blocks[0].kind == "title"


def test_count_words_skips_boilerplate_and_references(seed_files):
    [article], _ = parse_file(next(p for p in seed_files if p.name.startswith("001")))
    everything = len(re.findall(r"\w+", article.text))
    counted = count_words(article.text, article.blocks)
    assert 0 < counted < everything
    assert counted == sum(
        len(re.findall(r"\w+", article.text[b.start:b.end]))
        for b in article.blocks if b.kind not in ("boilerplate", "reference")
    )


def test_unreadable_subdirectory_is_a_problem_and_the_rest_still_walks(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("A")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text("B")
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = list(iter_input_files([tmp_path]))
    assert found == [tmp_path / "a.txt", Problem(str(locked), "cannot read directory: Permission denied")]
