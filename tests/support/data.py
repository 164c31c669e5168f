"""Where the shared test data lives (`../shared/data`: the dev letters, real scans and PDFs).

Tests that read it name DATA or LETTERS (or a path under them, or the `data_dir` fixture); when
the data is absent (a fresh clone with nothing beside it) tests/conftest.py skips them with
NO_DATA_REASON, and every other test runs. CI runs them with the data.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _find_data() -> Path:
    env = os.environ.get("REDACTOR_TEST_DATA", "")
    return Path(env) if env else ROOT.parent / "shared" / "data"


DATA = _find_data()
LETTERS = DATA / "letters"
HAVE_DATA = (LETTERS / "letters.jsonl").is_file()
NO_DATA_REASON = (
    f"shared test data not found at {DATA} (set REDACTOR_TEST_DATA to the shared data folder)"
)
needs_data = pytest.mark.skipif(not HAVE_DATA, reason=NO_DATA_REASON)


def under_data(value: object) -> bool:
    """Whether a value is a path (or a list of paths) in the shared data."""
    if isinstance(value, str | Path):
        path = Path(value)
        return path == DATA or DATA in path.parents
    if isinstance(value, list | tuple):
        return any(under_data(v) for v in value)
    return False


def sha256(path: Path | str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
