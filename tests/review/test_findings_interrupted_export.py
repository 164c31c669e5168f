"""Review findings: an export stopped from outside leaves nothing in the output folder.

`kill PID` (SIGTERM, also what a desktop session or a batch script's timeout sends) and a
closed terminal (SIGHUP) used to end the process without cleanup, leaving the unverified
`.redactor-*.pdf.part` copy in the output folder.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.support.cli import terms_file
from tests.support.data import ROOT
from tests.support.rawpdf import RawPdf, text_ops


def _long_letter(path: Path, pages: int = 40) -> Path:
    pdf = RawPdf()
    for n in range(pages):
        lines = [
            (40, 740 - 18 * i, f"Page {n + 1} line {i} of the letter from Ospanov.")
            for i in range(30)
        ]
        pdf.page(text_ops(lines, size=11), size=(595, 842))
    return pdf.write(path)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_a_killed_export_leaves_no_part_file(tmp_path: Path, sig: signal.Signals) -> None:
    src = _long_letter(tmp_path / "letter.pdf")
    terms = terms_file(tmp_path, ["Ospanov"])
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "redactor",
            "redact",
            str(src),
            "-o",
            str(out_dir / "copy.pdf"),
            "--deny",
            str(terms),
            "--no-detect",
            "--dpi",
            "300",
        ],
        cwd=ROOT,
        env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 120
        while not list(out_dir.iterdir()) and time.monotonic() < deadline:
            if proc.poll() is not None:
                pytest.fail("the export ended before it could be interrupted")
            time.sleep(0.01)
        assert list(out_dir.iterdir()), "no temporary file appeared"
        time.sleep(0.2)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 5, err.decode(errors="replace")
    assert list(out_dir.iterdir()) == []
