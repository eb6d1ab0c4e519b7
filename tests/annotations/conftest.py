"""A database with the annotation tables and the sample articles."""

from __future__ import annotations

import pytest

from tests.annotations.helpers import add_article


@pytest.fixture
def adb(db, seed_files):
    """The sample articles (titles from their first line), written directly rather than through the importer."""
    for path in seed_files:
        text = path.read_text(encoding="utf-8")
        add_article(
            db,
            str(path),
            text,
            title=text.strip().splitlines()[0][:80],
            url=f"https://example.org/{path.stem}",
            source="Example News",
        )
    return db
