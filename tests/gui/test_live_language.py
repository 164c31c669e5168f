"""The interface language changes at once from the settings, with a letter under review: the
menus, the findings panel and the status texts speak the new language; the letter, the current
finding, the view and the undo history stay; the shortcuts still work; and back to English."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from redactor.core.model import ReviewState
from redactor.gui import i18n
from redactor.gui.settings_dialog import SettingsDialog
from tests.support.data import ROOT

pytestmark = pytest.mark.slow

SAMPLE = ROOT / "resources" / "sample" / "letter-en.txt"


def _choose_language(win, qtbot, code: str) -> None:  # noqa: ANN001
    """File > Settings…, the interface language, OK: as the editor does it."""
    seen: list[SettingsDialog] = []

    def in_dialog() -> None:
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, SettingsDialog)
        seen.append(dlg)
        dlg.language.setCurrentIndex(dlg.language.findData(code))
        ok = dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(200, in_dialog)
    settings = next(a for a in win.actions() if a.shortcut().toString() == "Ctrl+,")
    settings.trigger()  # the dialog runs modal until in_dialog presses OK
    assert seen, "the settings dialog did not open"
    win.activateWindow()  # the offscreen platform does not give the focus back by itself
    qtbot.waitUntil(win.isActiveWindow, timeout=5_000)
    win.view.setFocus()


def _menus(win) -> list[str]:  # noqa: ANN001
    return [a.text() for a in win.menuBar().actions()]


def _texts(win) -> set[str]:  # noqa: ANN001
    out = {a.text() for a in win.actions()}
    for menu in win.menuBar().actions():
        out |= {a.text() for a in menu.menu().actions()}
    return out


def test_language_switches_live_and_back(make_window, qtbot):  # noqa: ANN001
    assert i18n.current() == "en"
    win = make_window()
    ctl = win.ctl
    win.open_paths([str(SAMPLE)])
    qtbot.waitUntil(
        lambda: ctl.letter is not None and ctl.letter.status == "ready", timeout=240_000
    )
    letter = ctl.letter
    view = win.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_J)
    first = ctl.current()
    qtbot.keyClick(view, Qt.Key.Key_A)  # accept it (undo history: one step)
    assert letter.plan.get(first.id).state == ReviewState.ACCEPTED
    current = ctl.current_id
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    zoom = view.zoom()
    assert "&Review" in _menus(win)
    assert win.findings.group_by.itemText(0) == "By term"
    try:
        _choose_language(win, qtbot, "ru")
        assert i18n.current() == "ru"
        # the menus
        assert "П&роверка" in _menus(win) and "&Вид" in _menus(win)
        texts = _texts(win)
        assert {"Следующая находка", "Увеличить", "Предпросмотр копии"} <= texts
        assert "Next finding" not in texts
        # the findings panel
        panel = win.findings
        assert panel.group_by.itemText(0) == "По термину"
        assert panel.group_by.itemText(1) == "По метке"
        buttons = {b.text() for b in panel.findChildren(type(win.cancel_button))}
        assert {"Принять", "Отклонить"} <= buttons
        assert panel.counts.text().startswith("Находок:")
        assert panel.model.horizontalHeaderItem(0).text() != "Finding"
        # the status texts
        assert win.status_text.text().startswith("Настройки сохранены.")
        assert "страница" in win.windowTitle() or "стр" in win.windowTitle()
        assert win.cancel_button.text() == "Отмена"
        # nothing of the review lost
        assert ctl.letter is letter and ctl.current_id == current
        assert view.zoom() == pytest.approx(zoom)
        assert letter.plan.get(first.id).state == ReviewState.ACCEPTED
        # the rebuilt menus' shortcuts work: Ctrl+Z undoes the accept made before the switch
        qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert letter.plan.get(first.id).state == ReviewState.PROPOSED
        qtbot.keyClick(view, Qt.Key.Key_J)
        assert ctl.current() is not None
        # and back
        _choose_language(win, qtbot, "en")
        assert i18n.current() == "en"
        assert "&Review" in _menus(win) and "П&роверка" not in _menus(win)
        assert "Next finding" in _texts(win)
        assert panel.group_by.itemText(0) == "By term"
        assert panel.counts.text().endswith("rejected")
        assert win.status_text.text().startswith("Settings saved.")
        assert win.cancel_button.text() == "Cancel"
    finally:
        i18n.install("en")


def _all_texts(win) -> list[str]:  # noqa: ANN001
    """Every static text of the window: menus, actions, labels, buttons, lists to choose from
    (not the messages: the status line says the settings are saved)."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel

    out = [a.text() for a in win.menuBar().actions()]
    for menu in win.menuBar().actions():
        out += [a.text() for a in menu.menu().actions()]
    messages = (win.status_text, win.copy_preview.caption)
    for w in win.findChildren(QLabel) + win.findChildren(QAbstractButton):
        if w not in messages:
            out.append(w.text())
    for c in win.findChildren(QComboBox):
        out += [c.itemText(i) for i in range(c.count())]
    return sorted(out)


def test_every_text_comes_back_after_kazakh_and_russian(make_window, qtbot):  # noqa: ANN001
    win = make_window()
    english = _all_texts(win)
    assert "Cancel" in english and "Undo" in english  # one Kazakh word for both
    try:
        _choose_language(win, qtbot, "kk")
        kazakh = _all_texts(win)
        assert "&Тексеру" in kazakh and "Next finding" not in kazakh
        assert len(kazakh) == len(english)
        _choose_language(win, qtbot, "ru")
        russian = _all_texts(win)
        assert "П&роверка" in russian and "Отмена" in russian and "Отменить" in russian
        _choose_language(win, qtbot, "en")
        assert _all_texts(win) == english
    finally:
        i18n.install("en")
