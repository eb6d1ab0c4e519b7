"""Typed records: the store returns dataclasses, and each one's ``to_json()`` is the JSON contract its command
prints (the same keys, in the same order, as before the records were typed)."""

from __future__ import annotations

import dataclasses
import json

import pytest

from store.annotations import create_annotation, list_annotations
from store.importer import import_paths
from store.ledger import quotes
from store.mentions import mentions
from store.model import Annotation, StoredMention, StoredQuote
from tui.cli import main

STORY = (
    "Chip Stocks Slide\n"
    "Shares of Nvidia fell 3-5% on Monday, wiping about $593 billion off its value.\n"
    "“We will obviously deliver much better models,” said Sam Altman, chief executive of OpenAI.\n"
)


@pytest.fixture
def story_db(db, db_path, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    import_paths(db, [path])
    return db


def cli_json(capsys, db_path, *argv):
    assert main(["--db", str(db_path), *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_records_are_slotted_and_frozen(story_db):
    for record in (mentions(story_db)[0], quotes(story_db)[0]):
        assert not hasattr(record, "__dict__")
        with pytest.raises(dataclasses.FrozenInstanceError):
            record.start = 0
    assert isinstance(mentions(story_db)[0], StoredMention) and isinstance(quotes(story_db)[0], StoredQuote)


def test_a_stored_mention_prints_as_the_mentions_contract(story_db, db_path, capsys):
    [range_figure] = [m for m in mentions(story_db) if m.text == "3-5%"]
    assert (range_figure.value, range_figure.value_high) == (3, 5)
    printed = cli_json(capsys, db_path, "mentions", "--label", "PERCENT")
    assert printed == [range_figure.to_json()]
    assert list(printed[0]) == ["article_id", "path", "start", "end", "text", "kind", "label", "value", "unit"]
    assert printed[0]["value"] == [3, 5]  # a range as [low, high]; unset optional keys (entity, hedge) left out


def test_a_stored_quote_prints_every_field(story_db, db_path, capsys):
    [quote] = quotes(story_db)
    assert quote.speaker == "Sam Altman"
    printed = cli_json(capsys, db_path, "quotes")
    assert printed == [quote.to_json()]
    assert list(printed[0]) == ["article_id", "path", "start", "end", "text", "speaker", "speaker_entity", "cue"]
    assert STORY[printed[0]["start"] : printed[0]["end"]] == printed[0]["text"]


def test_an_annotation_prints_its_public_fields_with_tags_as_a_list(story_db, db_path, capsys):
    start = STORY.index("wiping")
    created = create_annotation(story_db, 1, start, start + len("wiping about $593 billion"), ["claim", "size"],
                                "check")
    assert isinstance(created, Annotation) and created.tags == ("claim", "size")
    assert created.color == created.colors["claim"]
    [printed] = cli_json(capsys, db_path, "annotations")
    assert printed == created.to_json() == list_annotations(story_db)[0].to_json()
    assert list(printed) == ["id", "article_id", "path", "start", "end", "exact", "prefix", "suffix", "tags", "note",
                             "anchor", "score", "created", "updated", "figure_changed"]
    assert printed["tags"] == ["claim", "size"]


def test_json_does_not_depend_on_the_terminal_width(story_db, db_path, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "20")
    narrow = cli_json(capsys, db_path, "search", "wiping billion")
    monkeypatch.setenv("COLUMNS", "200")
    assert cli_json(capsys, db_path, "search", "wiping billion") == narrow
    assert "wiping about $593 billion off its value." in narrow[0]["text"]
