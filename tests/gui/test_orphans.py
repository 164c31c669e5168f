"""`kill -9` of the app while it reads a 20-page scan and loads its detector leaves no worker
behind (the read, render and detect lanes all watch their parent)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from redactor.core.lanes import default_workers
from tests.support.orphans import scan_pdf, wait_busy, wait_gone

ROOT = Path(__file__).resolve().parents[2]


def test_killed_app_leaves_no_worker(tmp_path):
    scan = scan_pdf(tmp_path / "scan.pdf", pages=20)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = Path(__file__).with_name("orphan_app.py")
    proc = subprocess.Popen(
        [sys.executable, str(child), str(scan), str(tmp_path / "reviews")],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "loading"
        # the detect lane's worker (loading the detector) and the read lane's (OCR)
        pids = wait_busy(proc.pid, want=1 + min(2, default_workers()), timeout=15)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    killed = time.monotonic()
    left, took = wait_gone(pids, 5)
    assert not left, f"{len(left)} of {len(pids)} processes outlived the killed app"
    print(f"{len(pids)} processes gone {took:.2f} s after kill -9", file=sys.stderr)
    assert time.monotonic() - killed < 5
