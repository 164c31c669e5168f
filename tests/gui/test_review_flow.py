"""The whole review, driven like an editor would: open a scanned letter, wait for the
findings, decide them with the keyboard only, draw a box, undo/redo, export, and read the
exported PDF back with poppler (a reader other than the writer)."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtCore import QPoint, Qt

from redactor.gui.models import redaction_text
from tests.support.data import LETTERS, sha256
from tests.support.gui import export_with_dialog

pytestmark = pytest.mark.slow

SCAN = LETTERS / "dev-en-01.scan.pdf"
REJECT = "Pavlodar"  # the one finding the editor decides to keep
MANUAL_WORD = "rubber"  # a word no detector marks; the editor hides it by hand


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_keyboard_review_manual_box_undo_redo_and_export(make_window, qtbot, tmp_path):  # noqa: ANN001
    before = sha256(SCAN)
    win = make_window()
    ctl = win.ctl
    win.open_paths([str(SCAN)])
    qtbot.waitUntil(
        lambda: ctl.letter is not None and ctl.letter.status == "ready", timeout=180_000
    )
    letter = ctl.letter
    doc = letter.document
    texts = {r.id: redaction_text(doc, r) for r in letter.plan.redactions}
    assert any(t.strip(".,") == REJECT for t in texts.values()), "the detector lost Pavlodar"
    assert win.findings.model.rowCount() > 3

    # --- keyboard only: J to the first finding, then R on Pavlodar and A on everything else
    win.view.setFocus()
    qtbot.keyClick(win.view, Qt.Key.Key_J)
    assert ctl.current() is not None
    for _ in range(300):
        if not letter.plan.undecided():
            break
        cur = ctl.current()
        assert cur is not None
        if cur.state != "proposed":
            qtbot.keyClick(win.view, Qt.Key.Key_J)
            continue
        key = Qt.Key.Key_R if texts[cur.id].strip(".,") == REJECT else Qt.Key.Key_A
        qtbot.keyClick(win.view, key)
    assert not letter.plan.undecided()
    rejected = [r for r in letter.plan.redactions if r.state == "rejected"]
    assert rejected and all(texts[r.id].strip(".,") == REJECT for r in rejected)
    accepted_texts = [texts[r.id] for r in letter.plan.redactions if r.state == "accepted"]

    # --- a manual box over a word, drawn with the mouse in box mode (B)
    page = doc.pages[0]
    word = next(w for w in page.words if w.text.strip(".,") == MANUAL_WORD)
    assert not any(
        r.box.intersects(word.box) for r in letter.plan.redactions if r.state == "accepted"
    )
    qtbot.keyClick(win.view, Qt.Key.Key_B)
    assert win.view.draw_mode
    view = win.view
    view.centerOn((word.box.x0 + word.box.x1) / 2, (word.box.y0 + word.box.y1) / 2)
    p0 = view.mapFromScene(word.box.x0 - 4, word.box.y0 - 4)
    p1 = view.mapFromScene(word.box.x1 + 4, word.box.y1 + 4)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=p0)
    qtbot.mouseMove(view.viewport(), QPoint((p0.x() + p1.x()) // 2, (p0.y() + p1.y()) // 2))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=p1)
    manual = [r for r in letter.plan.redactions if r.source == "manual"]
    assert len(manual) == 1 and manual[0].box.contains_center_of(word.box)
    qtbot.keyClick(win.view, Qt.Key.Key_B)  # leave box mode
    assert not win.view.draw_mode

    # --- undo removes the box, redo brings it back (keyboard)
    qtbot.keyClick(win.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not [r for r in letter.plan.redactions if r.source == "manual"]
    qtbot.keyClick(
        win.view,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert [r for r in letter.plan.redactions if r.source == "manual"] == manual

    # --- export (Ctrl+E), the checklist passes, the verify result is shown in plain words
    qtbot.keyClick(win.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dlg = win._export
    assert dlg.isVisible() and dlg.export_button.isEnabled()
    out = tmp_path / "safe.pdf"
    export_with_dialog(dlg, qtbot, out)
    assert dlg.report is not None and dlg.report.ok, dlg.result_label.text()
    assert "Checked with" in dlg.result_label.text()
    assert letter.state() == "exported"

    text = _norm(
        subprocess.run(
            ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
        ).stdout
    )
    assert REJECT.casefold() in text  # the rejected finding stays readable
    assert MANUAL_WORD not in text
    for t in accepted_texts:
        for w in t.split():
            w = w.strip(".,;:()").casefold()
            if len(w) >= 4 and not any(c.isdigit() for c in w):
                assert w not in text.split(), (
                    f"an accepted word is still in the export ({len(w)} letters)"
                )
        assert _norm(t) not in text
    assert sha256(SCAN) == before  # the original is never written
