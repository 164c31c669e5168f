"""The page view zoomed as an editor does it: Ctrl+= re-renders the page sharper (more pixels,
the same page, the boxes where they were, the centre kept), Ctrl+wheel keeps the point under the
cursor; and the copy's preview beside the page shows the export's burned pixels."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QWheelEvent
from PySide6.QtWidgets import QApplication

from redactor.core.model import ReviewState
from tests.support.data import ROOT

pytestmark = pytest.mark.slow

SAMPLE = ROOT / "resources" / "sample" / "letter-en.txt"


def _open(make_window, qtbot, path: Path = SAMPLE):  # noqa: ANN001, ANN202
    win = make_window()
    win.open_paths([str(path)])
    ctl = win.ctl
    qtbot.waitUntil(
        lambda: ctl.letter is not None and ctl.letter.status == "ready", timeout=240_000
    )
    qtbot.waitUntil(lambda: not win.view.shown_image().isNull(), timeout=30_000)
    assert ctl.letter.plan.redactions, "the sample letter has findings"
    return win


def _centre(view) -> QPointF:  # noqa: ANN001
    vp = view.viewport().rect()
    return view.mapToScene(QPoint(vp.width() // 2, vp.height() // 2))


def _box_rects(view) -> dict[str, QRectF]:  # noqa: ANN001
    return {rid: item.mapRectToScene(item.rect()) for rid, item in view._items.items()}


def _action(win, text: str):  # noqa: ANN001, ANN202
    from redactor.gui.i18n import tr

    return next(a for a in win.actions() if a.text() == tr(text))


def _gray(img: QImage, x: int, y: int) -> int:
    c = img.pixelColor(x, y)
    return (c.red() + c.green() + c.blue()) // 3


def test_zoom_renders_sharper_keeps_the_centre_and_the_boxes(make_window, qtbot):  # noqa: ANN001
    win = _open(make_window, qtbot)
    view, ctl = win.view, win.ctl
    view.setFocus()
    base = ctl.image(ctl.letter, ctl.page)
    assert base is not None
    w0 = view.shown_image().width()
    assert w0 == base.width()
    page_rect = QRectF(0, 0, *view.page_size)
    boxes = _box_rects(view)
    assert boxes
    centre = _centre(view)
    for _ in range(5):  # 125% each: from fit width to about 3x
        qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
        now = _centre(view)
        assert abs(now.x() - centre.x()) <= 2 and abs(now.y() - centre.y()) <= 2, (centre, now)
    assert view.zoom() > 1.2
    qtbot.waitUntil(lambda: view.shown_image().width() > w0, timeout=60_000)
    sharp = view.shown_image().toImage()
    assert sharp.width() >= min(int(w0 * view.needed_scale() * 0.98), 2 * w0)
    # the same page: scaled down to the working size, it is the working render
    small = sharp.scaled(
        base.width(), base.height(), mode=Qt.TransformationMode.SmoothTransformation
    )
    step = 7
    diffs = [
        abs(_gray(small, x, y) - _gray(base, x, y))
        for y in range(0, base.height(), step * 5)
        for x in range(0, base.width(), step)
    ]
    assert sum(diffs) / len(diffs) < 8, "the sharp render is not the page at the working place"
    # stretched over the same scene: the boxes and the page stay exactly where they were
    assert view._pixmap.sceneBoundingRect() == page_rect
    assert view.sceneRect() == page_rect
    assert _box_rects(view) == boxes
    now = _centre(view)
    assert abs(now.x() - centre.x()) <= 2 and abs(now.y() - centre.y()) <= 2
    # one sharp render kept, and none once the page is back at its working size
    assert ctl._sharp is not None and ctl._sharp[1].width() == sharp.width()
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)  # fit width
    qtbot.waitUntil(lambda: view.shown_image().width() == w0, timeout=5_000)
    qtbot.waitUntil(lambda: ctl._sharp is None, timeout=5_000)
    assert _box_rects(view) == boxes
    # the newest request wins: an older one still on its way is never shown
    got: list[int] = []
    ctl.sharpImage.connect(lambda _letter, _page, img: got.append(img.width()))
    working = ctl.working_dpi(ctl.letter, ctl.page)
    ctl.request_sharp(ctl.letter, ctl.page, working * 3 // 2)
    ctl.request_sharp(ctl.letter, ctl.page, working * 2)
    qtbot.waitUntil(lambda: bool(got), timeout=60_000)
    qtbot.wait(300)
    assert got == [pytest.approx(2 * w0, abs=3)]
    assert view.shown_image().width() == w0  # not wanted at this zoom: not shown


def _ctrl_wheel(view, at: QPoint, up: bool) -> None:  # noqa: ANN001
    vp = view.viewport()
    event = QWheelEvent(
        QPointF(at),
        QPointF(vp.mapToGlobal(at)),
        QPoint(0, 0),
        QPoint(0, 120 if up else -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(vp, event)


def test_ctrl_wheel_keeps_the_point_under_the_cursor(make_window, qtbot):  # noqa: ANN001
    win = _open(make_window, qtbot)
    view = win.view
    red = win.ctl.ordered()[0]  # a name on the page, the editor's eye on it
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    view.centerOn(red.box.x0, red.box.y0)
    vp = view.viewport().rect()
    for at in (QPoint(vp.width() // 3, vp.height() // 3), QPoint(vp.width() - 90, 80)):
        scene_pt = view.mapToScene(at)
        for up in (True, True, True, False, True, False):
            before = view.zoom()
            _ctrl_wheel(view, at, up)
            assert view.zoom() != before
            back = view.mapFromScene(scene_pt)
            assert abs(back.x() - at.x()) <= 3 and abs(back.y() - at.y()) <= 3, (at, back)
    # without Ctrl the wheel scrolls, as before
    zoom = view.zoom()
    y = view.verticalScrollBar().value()
    event = QWheelEvent(
        QPointF(100, 100),
        QPointF(view.viewport().mapToGlobal(QPoint(100, 100))),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)
    assert view.zoom() == zoom and view.verticalScrollBar().value() > y


def test_copy_preview_shows_the_burned_page_and_follows_the_plan(make_window, qtbot):  # noqa: ANN001
    win = _open(make_window, qtbot)
    view, ctl = win.view, win.ctl
    letter = ctl.letter
    pane = win.copy_preview
    assert not pane.isVisible()
    # every finding of the page rejected (Ctrl+Alt+R), then J to the first, A accepts it
    view.setFocus()
    qtbot.keyClick(
        view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    assert not [r for r in letter.plan.undecided() if r.page == ctl.page]
    qtbot.keyClick(view, Qt.Key.Key_J)
    first = ctl.current()
    assert first is not None
    qtbot.keyClick(view, Qt.Key.Key_A)
    assert letter.plan.get(first.id).state == ReviewState.ACCEPTED
    _action(win, "Preview the copy").trigger()
    assert pane.isVisible()
    qtbot.waitUntil(lambda: not pane.image.isNull(), timeout=60_000)
    shown = pane.image
    original = ctl.image(letter, ctl.page)
    assert original is not None
    assert (shown.width(), shown.height()) == (original.width(), original.height())

    def under(r) -> list[tuple[int, int]]:  # noqa: ANN001
        b = r.box
        return [
            (int(b.x0 + (b.x1 - b.x0) * fx), int(b.y0 + (b.y1 - b.y0) * fy))
            for fx in (0.2, 0.5, 0.8)
            for fy in (0.3, 0.5, 0.7)
        ]

    # under the accepted box: the fill (black); the original has ink and paper there
    assert all(_gray(shown, x, y) < 20 for x, y in under(first))
    assert any(_gray(original, x, y) > 200 for x, y in under(first))
    # the export's burn, not a box painted over the page: padded (2 px by default) and grown
    b = first.box
    mid = int((b.y0 + b.y1) / 2)
    assert _gray(shown, int(b.x0) - 1, mid) < 20 and _gray(shown, int(b.x1) + 1, mid) < 20
    assert _gray(shown, int((b.x0 + b.x1) / 2), int(b.y0) - 1) < 20
    # away from every accepted box's line: the original's pixels
    accepted = [r for r in letter.plan.redactions if r.state == ReviewState.ACCEPTED]

    def away(y: int) -> bool:
        return all(y < r.box.y0 - 40 or y > r.box.y1 + 40 for r in accepted)

    points = [
        (x, y)
        for y in range(5, original.height(), 23)
        for x in range(5, original.width(), 17)
        if away(y)
    ]
    assert len(points) > 1000
    bad = [(x, y) for x, y in points if abs(_gray(shown, x, y) - _gray(original, x, y)) > 3]
    assert not bad, bad[:5]
    inked = sum(_gray(original, x, y) < 128 for x, y in points)
    assert inked > 20, "the comparison covered some text"
    # the pane follows the page view's zoom and place
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert pane.view.transform().m11() == pytest.approx(view.zoom())
    c_main, c_pane = view.mapToScene(QPoint(0, 0)), pane.view.mapToScene(QPoint(0, 0))
    near = 2 / view.zoom()  # two screen pixels
    assert abs(c_main.x() - c_pane.x()) < near and abs(c_main.y() - c_pane.y()) < near
    top = view.viewport().mapToGlobal(QPoint(0, 0)).y()
    assert abs(pane.view.viewport().mapToGlobal(QPoint(0, 0)).y() - top) <= 2  # level
    # undo the accept: rejected again, the preview made again, the name readable again
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert letter.plan.get(first.id).state == ReviewState.REJECTED
    qtbot.waitUntil(lambda: pane.image is not shown, timeout=60_000)
    qtbot.waitUntil(
        lambda: all(
            abs(_gray(pane.image, x, y) - _gray(original, x, y)) <= 3 for x, y in under(first)
        ),
        timeout=60_000,
    )
    # undo the rejections: undecided, and the copy hides them as they are (as export would)
    before = pane.image
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert letter.plan.get(first.id).state == ReviewState.PROPOSED
    qtbot.waitUntil(lambda: pane.image is not before, timeout=60_000)
    qtbot.waitUntil(
        lambda: all(_gray(pane.image, x, y) < 20 for x, y in under(first)), timeout=60_000
    )
    undecided = len([r for r in letter.plan.undecided() if r.page == ctl.page])
    assert f"{undecided} findings on this page are undecided" in pane.caption.text()
    # off: nothing kept
    _action(win, "Preview the copy").trigger()
    assert not pane.isVisible() and pane.image.isNull()


def test_copy_preview_follows_the_page(make_window, qtbot, tmp_path):  # noqa: ANN001
    letter_text = SAMPLE.read_text(encoding="utf-8")
    long = tmp_path / "two-pages.txt"
    long.write_text("\n\n".join([letter_text] * 4), encoding="utf-8")
    win = _open(make_window, qtbot, long)
    ctl, view, pane = win.ctl, win.view, win.copy_preview
    assert ctl.letter.page_count >= 2
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_P, Qt.KeyboardModifier.ShiftModifier)  # Shift+P
    assert pane.isVisible()
    qtbot.waitUntil(lambda: pane.shown == (id(ctl.letter), 0), timeout=60_000)
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert ctl.page == 1
    assert pane.shown is None or pane.shown[1] == 1  # never page 1's copy beside page 2
    qtbot.waitUntil(lambda: pane.shown == (id(ctl.letter), 1), timeout=60_000)
    qtbot.waitUntil(lambda: ctl.image(ctl.letter, 1) is not None, timeout=30_000)
    original = ctl.image(ctl.letter, 1)
    # every finding of page 2 rejected (Ctrl+Alt+R): the copy's page 2 is the original's page 2
    view.setFocus()
    shown = pane.image
    qtbot.keyClick(
        view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    assert not [r for r in ctl.letter.plan.undecided() if r.page == 1]
    qtbot.waitUntil(
        lambda: pane.image is not shown and pane.shown == (id(ctl.letter), 1), timeout=60_000
    )
    same = [
        abs(_gray(pane.image, x, y) - _gray(original, x, y)) <= 3
        for y in range(0, original.height(), 31)
        for x in range(0, original.width(), 29)
    ]
    assert all(same)
