"""Pages that need eyes block the export until confirmed; search and redact lists a term's
places in every open letter, in its other forms, hides them and undoes in one step
(tests/gui/test_search_hits.py has the rest)."""

from __future__ import annotations

import random

import pytest
from PIL import Image, ImageDraw
from PySide6.QtCore import Qt

from redactor.gui.models import redaction_text
from tests.support.data import LETTERS

pytestmark = pytest.mark.slow


def _scribbles(path):  # noqa: ANN001
    """A page of 'handwriting': ink strokes and no readable word."""
    rnd = random.Random(7)
    img = Image.new("RGB", (1200, 1600), "white")
    d = ImageDraw.Draw(img)
    for line in range(12):
        y = 150 + line * 100
        x = 100
        pts = []
        while x < 1100:
            pts.append((x, y + rnd.randint(-25, 25)))
            x += rnd.randint(6, 18)
        d.line(pts, fill="black", width=5)
    img.save(path, dpi=(150, 150))


def test_needs_eyes_blocks_export_until_confirmed(make_window, qtbot, tmp_path):  # noqa: ANN001
    page = tmp_path / "handwritten.png"
    _scribbles(page)
    win = make_window()
    ctl = win.ctl
    win.open_paths([str(page)])
    qtbot.waitUntil(
        lambda: ctl.letter is not None and ctl.letter.status == "ready", timeout=120_000
    )
    letter = ctl.letter
    assert letter.plan.pages_needing_eyes() == [0]
    assert letter.state() == "needs-eyes"
    assert win.eyes_bar.isVisible()
    qtbot.keyClick(win.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dlg = win._export
    assert not dlg.export_button.isEnabled()
    assert "✗" in dlg.eyes_item.text()
    # N goes to the page, C confirms it: the export opens up
    qtbot.keyClick(win.view, Qt.Key.Key_N)
    assert ctl.page == 0
    qtbot.keyClick(win.view, Qt.Key.Key_C)
    assert letter.plan.pages_needing_eyes() == []
    assert dlg.export_button.isEnabled() and "✓" in dlg.eyes_item.text()
    assert not win.eyes_bar.isVisible()
    qtbot.keyClick(win.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert letter.plan.pages_needing_eyes() == [0] and not dlg.export_button.isEnabled()


def test_search_and_redact_every_form_in_every_letter(make_window, qtbot):  # noqa: ANN001
    win = make_window()
    ctl = win.ctl
    ru, en = LETTERS / "dev-ru-01.typed.pdf", LETTERS / "dev-en-01.typed.pdf"
    win.open_paths([str(ru), str(en)])
    qtbot.waitUntil(
        lambda: all(x.status == "ready" for x in ctl.letters) and len(ctl.letters) == 2,
        timeout=180_000,
    )
    before = {id(x): x.plan for x in ctl.letters}
    qtbot.keyClick(win.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dlg = win._search
    dlg.term.setText("дубинка")  # the letter says "дубинками" (QTest cannot type Cyrillic)
    qtbot.keyClick(dlg.term, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dlg.searching and bool(dlg.results), timeout=60_000)
    # the places are listed first: nothing is hidden until the editor says so
    assert {id(x): x.plan for x in ctl.letters} == before
    assert "дубинками" in dlg.forms_label.text()
    qtbot.mouseClick(dlg.hide_button, Qt.MouseButton.LeftButton)
    ru_letter = next(x for x in ctl.letters if x.path.endswith(ru.name))
    hidden = [
        r for r in ru_letter.plan.redactions if "дубинками" in redaction_text(ru_letter.document, r)
    ]
    assert hidden and all(r.state == "accepted" for r in hidden)
    assert "1" in dlg.result_label.text()
    # one undo takes the whole search back, in every letter
    ctl.undo.undo()
    assert {id(x): x.plan for x in ctl.letters} == before


def test_manual_box_draw_move_resize_delete_with_the_mouse(make_window, qtbot, tmp_path):  # noqa: ANN001
    from PySide6.QtCore import QPoint

    page = tmp_path / "handwritten.png"
    _scribbles(page)
    win = make_window()
    ctl, view = win.ctl, win.view
    win.open_paths([str(page)])
    qtbot.waitUntil(
        lambda: ctl.letter is not None and ctl.letter.status == "ready", timeout=120_000
    )
    plan = lambda: ctl.letter.plan  # noqa: E731

    def at(x: float, y: float) -> QPoint:
        return view.mapFromScene(x, y)

    view.fit_page()
    qtbot.keyClick(view, Qt.Key.Key_B)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=at(200, 200))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=at(600, 500))
    qtbot.keyClick(view, Qt.Key.Key_B)
    (box,) = [r for r in plan().redactions if r.source == "manual"]
    assert box.state == "accepted" and abs(box.box.x0 - 200) < 6 and abs(box.box.y1 - 500) < 6
    # move: drag from the middle
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=at(400, 350))
    qtbot.mouseMove(view.viewport(), at(450, 400))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=at(500, 450))
    moved = plan().get(box.id).box
    assert abs(moved.x0 - 300) < 8 and abs(moved.y0 - 300) < 8
    assert abs(moved.width - box.box.width) < 2
    # resize: drag the bottom-right corner
    corner = at(moved.x1 - 2, moved.y1 - 2)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=corner)
    qtbot.mouseRelease(
        view.viewport(), Qt.MouseButton.LeftButton, pos=at(moved.x1 + 200, moved.y1 + 100)
    )
    resized = plan().get(box.id).box
    assert abs(resized.x0 - moved.x0) < 2 and resized.width > moved.width + 150
    # delete (the box is the current one), then undo brings it back
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert not [r for r in plan().redactions if r.source == "manual"]
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert plan().get(box.id).box == resized
