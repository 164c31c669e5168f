"""Killing the app mid-review and reopening the letter offers the saved review back."""

from __future__ import annotations

from pathlib import Path

import pytest

from redactor.core.fingerprint import fingerprint_file
from redactor.core.project import ReviewStore
from tests.support.data import LETTERS
from tests.support.gui import kill_child_after_its_line

pytestmark = pytest.mark.slow

LETTER = LETTERS / "dev-en-01.typed.pdf"


def test_killed_mid_review_then_restored(make_window, qtbot, tmp_path):  # noqa: ANN001
    store_dir = tmp_path / "reviews"
    script = Path(__file__).with_name("review_child.py")
    decided = kill_child_after_its_line(script, LETTER, store_dir, tmp_path / "child.ini")

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
