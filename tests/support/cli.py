"""The real command line, run as its own process, and what its tests give and check."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from tests.support.data import ROOT


def run_cli(*args: str | Path, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    return subprocess.run(
        [sys.executable, "-m", "redactor", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env=env,
    )


def terms_file(folder: Path, terms: Sequence[str], name: str = "terms.txt") -> Path:
    path = folder / name
    path.write_text("\n".join(terms) + "\n", encoding="utf-8")
    return path


def one_line_error(stderr: str) -> bool:
    """Exactly one 'redactor: ...' error line and no traceback."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("redactor:")]
    return len(errors) == 1 and "Traceback" not in stderr
