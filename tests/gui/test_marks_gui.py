"""Marks in the app: a letter with a QR code, a barcode, a stamp, a signature and a photo lists
each as a finding with its kind (a symbol's decoded text on screen only), draws it on the page in
its label's colour, and decides it like any other finding."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from redactor.gui.models import redaction_text
from redactor.gui.page_view import RedactionItem
from redactor.gui.style import LABEL_NAME, LABEL_STYLE, label_text
from tests.core.test_marks import _marked_letter

pytest.importorskip("zxingcpp")
pytest.importorskip("skimage")
pytestmark = pytest.mark.slow


def _titles(win) -> list[str]:  # noqa: ANN001
    model = win.findings.model
    return [model.item(r, 0).text() for r in range(model.rowCount())]


def test_marks_are_listed_drawn_and_decided(make_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    letter_path = _marked_letter(tmp_path)
    win = make_window()
    win.open_paths([str(letter_path)])
    ctl = win.ctl
    qtbot.waitUntil(
        lambda: len(ctl.letters) == 1 and ctl.letters[0].status == "ready", timeout=180_000
    )
    letter = ctl.letters[0]
    labels = {r.label for r in letter.plan.redactions}
    assert {"BARCODE", "STAMP", "SIGNATURE", "FACE"} <= labels
    texts = {redaction_text(letter.document, r) for r in letter.plan.redactions}
    assert "QR Code: https://post.example/track?id=RR123456785KZ" in texts
    assert {"Code 128: RR123456785KZ", "round stamp", "signature", "face"} <= texts
    ctl.set_letter(letter)
    qtbot.waitUntil(lambda: "round stamp" in _titles(win), timeout=10_000)
    stamp = next(r for r in letter.plan.redactions if r.label == "STAMP")
    ctl.select(stamp.id)
    qtbot.waitUntil(lambda: win.view.page == stamp.page, timeout=10_000)
    items = [i for i in win.view.scene().items() if isinstance(i, RedactionItem)]
    assert {"BARCODE", "STAMP", "SIGNATURE", "FACE"} <= {i.red.label for i in items}
    win.view.setFocus()
    qtbot.keyClick(win.view, Qt.Key.Key_A)
    assert letter.plan.get(stamp.id).state == "accepted"


def test_every_mark_label_has_a_style_and_a_name() -> None:
    for label in ("BARCODE", "FACE", "STAMP", "SIGNATURE", "HANDWRITING"):
        assert label in LABEL_STYLE and label in LABEL_NAME
        assert label_text(label) != label
    colours = [LABEL_STYLE[k][0] for k in LABEL_STYLE]
    assert len(colours) == len(set(colours))
