"""Regenerate docs/screenshot.svg: the app at 120×40 on the sample articles, the first one open with its entities and
figures highlighted, two sentences annotated (one under the cursor, its tags and note below the text), and the
inspector listing the article's figures.

    .venv/bin/python docs/screenshot.py
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textual.worker import WorkerCancelled  # noqa: E402 (after the path insert above)

from store.annotations import create_annotation  # noqa: E402
from store.articles import get_article, list_articles  # noqa: E402
from store.db import open_db  # noqa: E402
from store.importer import import_seeds  # noqa: E402
from tui.app import BroadsheetApp  # noqa: E402

SIZE = (120, 40)
KEYS = ["enter", "down", "down", "down"]  # open the first article, the cursor on its fourth sentence
NOTES = {1: (["markets"], "Compare with the Nasdaq close."), 3: (["claim", "capex"], "Check against the 10-K filing.")}


async def settle(app, pilot) -> None:
    await pilot.pause(0.2)
    for worker in list(app.workers):
        with contextlib.suppress(WorkerCancelled):
            await worker.wait()
    await pilot.pause(0.2)


async def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "screenshot.db"
        db = open_db(path)
        import_seeds(db)
        first = list_articles(db)[0]
        sentences = get_article(db, first.id).sentences
        for index, (tags, note) in NOTES.items():
            create_annotation(db, first.id, *sentences[index], tags, note)
        db.close()
        app = BroadsheetApp(path, settings={})
        async with app.run_test(size=SIZE) as pilot:
            await settle(app, pilot)
            for key in KEYS:
                await pilot.press(key)
                await settle(app, pilot)
            app.screen.query_one("#inspector TabbedContent").active = "inspector-figures"
            await settle(app, pilot)
            app.save_screenshot(str(ROOT / "docs" / "screenshot.svg"))


if __name__ == "__main__":
    asyncio.run(main())
