"""A full disk (a small tmpfs): the export fails with one clear line and leaves nothing; the
review's autosave fails loudly and keeps the last good one."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from redactor.core import plan as plan_ops
from redactor.core.model import Box
from redactor.core.project import Review, ReviewStore
from tests.support.data import LETTERS


@pytest.fixture
def small_disk(tmp_path):
    """A 160 KB tmpfs (needs root, or a user namespace; skipped where neither is allowed)."""
    mnt = tmp_path / "disk"
    mnt.mkdir()
    res = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=160k", "tmpfs", str(mnt)], capture_output=True
    )
    if res.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    yield mnt
    subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_export_to_a_full_disk_fails_cleanly(small_disk, tmp_path):
    terms = tmp_path / "terms.txt"
    terms.write_text("Yessenov\n", encoding="utf-8")
    out = small_disk / "safe.pdf"
    res = subprocess.run(
        [
            sys.executable,
            "-m",
            "redactor",
            "redact",
            str(LETTERS / "dev-en-01.scan.pdf"),
            "-o",
            str(out),
            "--no-detect",
            "--deny",
            str(terms),
            "-q",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert res.returncode not in (0, 4), res.stderr
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "Traceback" not in res.stderr
    assert "space" in lines[0].lower()
    assert list(small_disk.iterdir()) == []  # nothing half-written


def test_autosave_on_a_full_disk_keeps_the_last_good_review(small_disk):
    store = ReviewStore(small_disk)
    pages = [plan_ops.PagePlan(0, 1000, 1400, 200)]
    plan = plan_ops.RedactionPlan("letter.pdf", tuple(pages))
    plan, _ = plan_ops.add_box(plan, 0, Box(1, 2, 3, 4))
    sha = "a" * 64
    store.save(Review(sha, plan, saved_at=1.0))
    filler = small_disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:  # fill the disk to the last byte
        while True:
            os.write(fd, os.urandom(4096))
    except OSError:
        pass
    finally:
        os.close(fd)
    big = plan
    for i in range(400):  # a review larger than what is left
        big, _ = plan_ops.add_box(big, 0, Box(i, i, i + 10, i + 10), label=f"L{uuid.uuid4().hex}")
    with pytest.raises(OSError):
        store.save(Review(sha, big, saved_at=2.0))
    kept = store.load(sha)
    assert kept is not None and kept.saved_at == 1.0
    assert sorted(p.name for p in Path(small_disk).iterdir()) == sorted(
        ["filler", store.path_for(sha).name]
    )
