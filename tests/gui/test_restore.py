"""Killing the app mid-review and reopening the letter offers the saved review back."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from redactor.core.fingerprint import fingerprint_file
from redactor.core.project import ReviewStore
from tests.support.data import LETTERS, ROOT

pytestmark = pytest.mark.slow

LETTER = LETTERS / "dev-en-01.typed.pdf"


def test_killed_mid_review_then_restored(make_window, qtbot, tmp_path):  # noqa: ANN001
    store_dir = tmp_path / "reviews"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    child = subprocess.Popen(
        [
            sys.executable,
            str(Path(__file__).with_name("review_child.py")),
            str(LETTER),
            str(store_dir),
            str(tmp_path / "child.ini"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=str(ROOT),
        start_new_session=True,  # its reader processes die with it
    )
    try:
        line = child.stdout.readline()
        assert line, "the child app died before saving"
        decided = json.loads(line)
    finally:
        os.killpg(child.pid, signal.SIGKILL)  # the app and its worker processes
        child.wait(30)
    assert child.returncode == -signal.SIGKILL

    saved = ReviewStore(store_dir).load(fingerprint_file(LETTER))
    assert saved is not None and not saved.clean_exit

    win = make_window(store_dir=store_dir)
    win.open_paths([str(LETTER)])
    qtbot.waitUntil(lambda: win.restore_bar.isVisible(), timeout=180_000)
    assert win.ctl.letter.status == "ready"
    assert "did not close properly" in win.restore_label.text()
    letter = win.ctl.letter
    # before restoring, the fresh analysis has everything proposed
    assert letter.plan.get(decided["rejected"]).state == "proposed"
    win.restore_saved()
    assert not win.restore_bar.isVisible()
    assert letter.plan.get(decided["rejected"]).state == "rejected"
    assert letter.plan.get(decided["accepted"]).state == "accepted"
    undecided_before = len(saved.plan.undecided())
    assert len(letter.plan.undecided()) == undecided_before
    # the restored review keeps being saved; a clean close marks it so
    win.close()
    again = ReviewStore(store_dir).load(fingerprint_file(LETTER))
    assert again is not None and again.clean_exit
    assert again.plan.get(decided["rejected"]).state == "rejected"
