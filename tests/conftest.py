"""Shared test fixtures: where the shared test data lives, and temp folders."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _find_data() -> Path:
    candidates = [
        os.environ.get("REDACTOR_TEST_DATA", ""),
        str(ROOT.parent / "shared" / "data"),
        "/work/shared/data",
    ]
    for c in candidates:
        if c and (Path(c) / "letters" / "letters.jsonl").is_file():
            return Path(c)
    raise RuntimeError(
        "test data not found: set REDACTOR_TEST_DATA to the shared data folder (../shared/data)"
    )


DATA = _find_data()
LETTERS = DATA / "letters"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


def sha256(path: Path | str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
