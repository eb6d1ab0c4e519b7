"""Regenerate docs/screenshot.svg: the app on the sample articles, the second one open, its figures listed.

    .venv/bin/python docs/screenshot.py
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from store.db import open_db  # noqa: E402 (after the path insert above)
from store.importer import import_seeds  # noqa: E402
from tui.app import BroadsheetApp  # noqa: E402

SIZE = (150, 40)
KEYS = ["down", "enter", "down", "down", "down"]


async def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "screenshot.db"
        db = open_db(path)
        import_seeds(db)
        db.close()
        app = BroadsheetApp(path)
        async with app.run_test(size=SIZE) as pilot:
            for key in [None, *KEYS]:
                if key:
                    await pilot.press(key)
                await pilot.pause(0.2)
                await app.workers.wait_for_complete()
            app.screen.query_one("#inspector TabbedContent").active = "inspector-figures"
            await pilot.pause(0.3)
            app.save_screenshot(str(ROOT / "docs" / "screenshot.svg"))


if __name__ == "__main__":
    asyncio.run(main())
