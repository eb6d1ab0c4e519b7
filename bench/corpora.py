"""Where the shared corpora are. They are read at bench time from ``../shared/corpora`` and never copied into the
repository."""

from __future__ import annotations

import os
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent


def shared_corpus(name: str, variable: str | None = None) -> Path:
    """``$variable`` when it is set, else ``shared/corpora/<name>`` beside the repository or one of its parents (a
    worktree sits deeper than the main checkout)."""
    if variable and os.environ.get(variable):
        return Path(os.environ[variable])
    for parent in REPOSITORY.parents:
        candidate = parent / "shared" / "corpora" / name
        if candidate.is_dir():
            return candidate
    return REPOSITORY.parent / "shared" / "corpora" / name
