"""Shared test fixtures: where the shared test data lives, and temp folders."""

from __future__ import annotations

import atexit
import hashlib
import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# The installation key (core/fingerprint.py) of a test run lives in a temp folder, never in the
# user's data folder; the CLI tests' subprocesses inherit it.
if not os.environ.get("REDACTOR_KEY_FILE"):
    _KEY_DIR = tempfile.mkdtemp(prefix="redactor-test-key-")
    os.environ["REDACTOR_KEY_FILE"] = os.path.join(_KEY_DIR, "install.key")
    atexit.register(shutil.rmtree, _KEY_DIR, True)


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
