"""`kill -9` of the command line in the middle of a 20-page scan leaves no worker behind; a plain
`kill` (or Ctrl+C) ends it at once, without waiting for the pages being read."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from redactor.core.errors import ExitCode
from redactor.core.lanes import default_workers
from tests.support.orphans import scan_pdf, wait_busy, wait_gone

ROOT = Path(__file__).resolve().parents[2]


def _redact(tmp_path: Path) -> tuple[list[str], Path]:
    scan = scan_pdf(tmp_path / "scan.pdf", pages=20)
    terms = tmp_path / "terms.txt"
    terms.write_text("colony\n", encoding="utf-8")
    out = tmp_path / "safe.pdf"
    cmd = [sys.executable, "-m", "redactor", "redact", str(scan), "-o", str(out)]
    return [*cmd, "--no-detect", "--deny", str(terms), "-q"], out


def test_killed_command_line_leaves_no_worker(tmp_path):
    cmd, out = _redact(tmp_path)
    proc = subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.DEVNULL)
    try:
        pids = wait_busy(proc.pid, want=min(2, default_workers()), timeout=15)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    killed = time.monotonic()
    assert pids
    left, took = wait_gone(pids, 5)
    assert not left, f"{len(left)} of {len(pids)} processes outlived the killed command line"
    print(f"{len(pids)} processes gone {took:.2f} s after kill -9", file=sys.stderr)
    assert time.monotonic() - killed < 5
    assert not out.exists()


def test_terminated_command_line_stops_at_once(tmp_path):
    cmd, out = _redact(tmp_path)
    proc = subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    try:
        pids = wait_busy(proc.pid, want=min(2, default_workers()), timeout=15)
        sent = time.monotonic()
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    # The workers are killed at exit rather than waited for (a page of OCR can take minutes).
    assert time.monotonic() - sent < 3
    assert proc.returncode == ExitCode.CANCELLED and "cancelled" in err
    assert not wait_gone(pids, 2)[0]
    assert not out.exists()
