"""Everyday desktop habits, driven as an editor would: opening shows the letter, the file dialog
starts in Documents (and remembers only what it may), the letters list uses its space, F1 and ?
open a help sheet built from the menus, right-click menus on boxes and findings, and the
page-level decisions, each undone in one step."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu

from redactor.core.bundled import resource
from redactor.gui import i18n
from redactor.gui.file_dialogs import FolderMemory, documents_folder
from redactor.gui.models import ROLE_IDS
from redactor.gui.thumbnails import PageState, page_state

SAMPLE = resource("sample") / "letter-en.txt"


def _ready(qtbot, ctl, n: int = 1) -> None:  # noqa: ANN001
    qtbot.waitUntil(
        lambda: len(ctl.letters) >= n and all(x.status == "ready" for x in ctl.letters),
        timeout=180_000,
    )


@pytest.fixture
def window(make_window, qtbot):  # noqa: ANN001, ANN201
    """A window that is active (its shortcuts work) with the page view focused."""

    def make(**settings):  # noqa: ANN003, ANN202
        win = make_window(**settings)
        _activate(qtbot, win)
        return win

    return make


def _activate(qtbot, win) -> None:  # noqa: ANN001
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    win.view.setFocus()


@pytest.fixture
def home(tmp_path, monkeypatch):  # noqa: ANN001, ANN201
    """A home folder with a Documents folder, and no user-dirs file saying otherwise."""
    h = tmp_path / "home"
    (h / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(h))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(h / ".config"))
    return h


def _fake_exec(chosen: list[str], seen: list[str]):  # noqa: ANN202
    """QFileDialog.exec: note the folder the dialog starts in, pick `chosen` there."""

    def exec_(dialog: QFileDialog) -> int:
        seen.append(dialog.directory().absolutePath())
        dialog.setDirectory(str(Path(chosen[0]).parent))
        for c in chosen:
            dialog.selectFile(c)
        dialog.show()
        dialog.accept()
        return int(QFileDialog.DialogCode.Accepted)

    return exec_


# --- help sheet -----------------------------------------------------------------------------
def test_f1_and_question_mark_open_the_help_sheet(window, qtbot):  # noqa: ANN001
    win = window()
    win.view.setFocus()
    qtbot.keyClick(win.view, Qt.Key.Key_F1)
    sheet = win.help_sheet
    qtbot.waitExposed(sheet)
    assert sheet.isVisible() and not sheet.isModal()
    assert ("Review", "Next finding", "J") in sheet.rows()
    assert ("Review", "Mark this page reviewed", "M") in sheet.rows()
    text = sheet.text()
    assert "Next finding" in text and "Mark this page reviewed" in text
    assert "How a review goes" in text
    # every action with a shortcut in the menus is on the sheet
    listed = {t for _m, t, _k in sheet.rows()}
    for a in win.actions():
        if a.shortcuts() and a.text():
            assert a.text().replace("&", "") in listed, a.text()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is sheet)
    qtbot.keyClick(sheet.browser, Qt.Key.Key_Escape)
    assert not sheet.isVisible()
    _activate(qtbot, win)
    qtbot.keyClick(win.view, Qt.Key.Key_Question)
    qtbot.waitUntil(sheet.isVisible)
    sheet.close()
    _activate(qtbot, win)
    qtbot.keyClick(win.view, Qt.Key.Key_Question, Qt.KeyboardModifier.ShiftModifier)  # Shift+/
    qtbot.waitUntil(sheet.isVisible)
    sheet.close()


def test_help_sheet_in_russian(window, qtbot):  # noqa: ANN001
    try:
        i18n.install("ru")
        win = window()
        win.help_action.trigger()
        rows = win.help_sheet.rows()
        assert ("Проверка", "Следующая находка", "J") in rows
        assert "How a review goes" not in win.help_sheet.text()
        win.help_sheet.close()
    finally:
        i18n.install("en")


def test_no_two_actions_share_a_shortcut(window):  # noqa: ANN001
    win = window()
    seen: dict[str, str] = {}
    for a in win.actions():
        for k in a.shortcuts():
            key = k.toString(QKeySequence.SequenceFormat.PortableText)
            assert key not in seen, f"{key}: {seen.get(key)} and {a.text()}"
            seen[key] = a.text()
    for key in ("M", "Ctrl+Alt+A", "Ctrl+Alt+R", "F1", "?"):
        assert key in seen


# --- opening --------------------------------------------------------------------------------
@pytest.mark.slow
def test_open_dialog_starts_in_documents_and_shows_the_letter(  # noqa: ANN001
    window, qtbot, tmp_path, home, monkeypatch
):
    folder = tmp_path / "case files"
    folder.mkdir()
    second = folder / "second-letter.txt"
    shutil.copy(SAMPLE, second)
    seen: list[str] = []
    chosen = [str(second)]
    monkeypatch.setattr(QFileDialog, "exec", _fake_exec(chosen, seen))
    win = window()
    ctl = win.ctl
    win.open_paths([str(SAMPLE)])  # a letter is open and shown already
    assert ctl.letter is not None and ctl.letter.name == SAMPLE.name
    qtbot.keyClick(win.view, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert seen == [documents_folder()] and Path(seen[0]) == home / "Documents"
    # the letter just opened is the one shown: title, letters list, the page once read
    assert ctl.letter is not None and ctl.letter.name == second.name
    assert win.windowTitle().startswith(second.name)
    assert win.letters.letters.currentRow() == 1
    qtbot.waitUntil(lambda: ctl.image(ctl.letter, 0) is not None, timeout=120_000)
    qtbot.waitUntil(lambda: not win.view._pixmap.pixmap().isNull(), timeout=10_000)
    # the next dialog starts in the folder used last; nothing of it is written anywhere
    chosen[0] = str(SAMPLE)
    _activate(qtbot, win)
    qtbot.keyClick(win.view, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert Path(seen[1]) == folder
    assert ctl.letter.name == SAMPLE.name  # open already: shown again
    ini = tmp_path / "settings.ini"
    settings = ini.read_text(encoding="utf-8") if ini.exists() else ""
    assert "case files" not in settings and "last_open_folder" not in settings
    assert FolderMemory(type(win.settings)(str(tmp_path / "other.ini"))).start() == seen[0]


def test_last_folder_kept_across_starts_only_when_remembering(  # noqa: ANN001
    qapp, tmp_path, home
):
    from redactor.gui.file_dialogs import open_file_names
    from redactor.gui.settings import AppSettings

    folder = tmp_path / "case files"
    folder.mkdir()
    letter = folder / "a.txt"
    shutil.copy(SAMPLE, letter)
    ini = str(tmp_path / "remember.ini")
    on = AppSettings(ini)
    on.set_remember_recent(True)
    seen: list[str] = []
    pick = _fake_exec([str(letter)], seen)
    assert open_file_names(None, "Open", "*", pick, FolderMemory(on)) == [str(letter)]
    later = AppSettings(ini)  # the next start
    assert FolderMemory(later).start() == str(folder)
    later.set_remember_recent(False)  # turned off: no longer used, and removed
    assert FolderMemory(AppSettings(ini)).start() == documents_folder()
    assert "case files" not in Path(ini).read_text(encoding="utf-8")


# --- letters list ---------------------------------------------------------------------------
def test_letters_list_grows_with_the_letters(window, qtbot, tmp_path):  # noqa: ANN001
    win = window()
    pane = win.letters
    paths = []
    for i in range(12):
        p = tmp_path / f"letter-{i + 1:02d}.txt"
        shutil.copy(SAMPLE, p)
        paths.append(str(p))
    win.open_paths(paths[:1])
    one = pane.letters.height()
    win.open_paths(paths[1:])
    QApplication.processEvents()
    assert pane.letters.count() == 12
    assert pane.letters.height() > 3 * one
    assert pane.letters.verticalScrollBar().maximum() == 0  # all twelve in view at 1300x850
    assert pane.pages.height() >= pane.pages.minimumHeight() > 100
    assert win.ctl.letter.name == "letter-02.txt"  # the first of those just opened is shown
    win.ctl.cancel_loading()


def test_a_damaged_letter_says_what_is_wrong_once_and_no_folder(window, qtbot, tmp_path):  # noqa: ANN001
    folder = tmp_path / "case files of the colony"
    folder.mkdir()
    bad = folder / "damaged.pdf"
    bad.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage, no pages, no trailer\n")
    win = window()
    win.open_paths([str(bad)])
    qtbot.waitUntil(lambda: bool(win.ctl.letter and win.ctl.letter.error), timeout=60_000)
    shown = win.status_text.text()
    assert shown.startswith("damaged.pdf: ") and shown.count("damaged.pdf") == 1, shown
    assert "case files" not in shown and len(shown) > len("damaged.pdf: ") + 5


# --- right-click menus ----------------------------------------------------------------------
def _right_click(widget, pos: QPoint) -> None:  # noqa: ANN001
    ev = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, ev)


def _click_action(qtbot, menu: QMenu, text: str) -> None:  # noqa: ANN001
    act = next(a for a in menu.actions() if a.text().startswith(text))
    assert act.isEnabled(), text
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(act).center())


@pytest.mark.slow
def test_right_click_a_box_changes_its_label_and_undo(window, qtbot):  # noqa: ANN001
    win = window()
    ctl = win.ctl
    win.open_paths([str(SAMPLE)])
    _ready(qtbot, ctl)
    plan = ctl.letter.plan
    red = next(
        r
        for r in plan.redactions
        if r.label != "LOCATION"
        and r.page == 0
        and len([x for x in plan.redactions if x.group == r.group]) > 1
    )
    view = win.view
    view.centerOn((red.box.x0 + red.box.x1) / 2, (red.box.y0 + red.box.y1) / 2)
    pos = view.mapFromScene((red.box.x0 + red.box.x1) / 2, (red.box.y0 + red.box.y1) / 2)
    _right_click(view.viewport(), pos)
    menu = win.box_menu
    qtbot.waitExposed(menu)
    assert ctl.current_id == red.id  # the box right-clicked is the current finding
    texts = [a.text() for a in menu.actions()]
    assert texts[:2] == ["Accept", "Reject"]
    assert any(t.startswith("Accept all occurrences") for t in texts)
    assert "Delete the box" not in texts  # a finding is never deleted
    change = next(a for a in menu.actions() if a.text() == "Change label")
    sub = change.menu()
    assert "place" in [a.text() for a in sub.actions()]
    _click_action(qtbot, menu, "Change label")
    qtbot.waitExposed(sub)
    place = next(a for a in sub.actions() if a.text() == "place")
    sub.setActiveAction(place)  # as with the arrow keys
    qtbot.keyClick(sub, Qt.Key.Key_Return)
    assert ctl.letter.plan.get(red.id).label == "LOCATION"
    if menu.isVisible():  # offscreen, a submenu's choice may leave its parent open
        qtbot.keyClick(menu, Qt.Key.Key_Escape)
    assert ctl.letter.plan.get(red.id).state == "proposed"
    _activate(qtbot, win)
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ctl.letter.plan.get(red.id).label == red.label

    # accept every occurrence of the term from the box's menu, one undo step
    occ = ctl.occurrence_ids(red.id)
    assert len(occ) > 1
    _right_click(view.viewport(), pos)
    _click_action(qtbot, win.box_menu, "Accept all occurrences")
    assert all(ctl.letter.plan.get(i).state == "accepted" for i in occ)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert all(ctl.letter.plan.get(i).state == "proposed" for i in occ)

    # a box drawn by hand can be deleted from its menu
    rid = ctl.add_box(0, red.box.__class__(20, 20, 120, 60))
    view.centerOn(70, 40)
    _right_click(view.viewport(), view.mapFromScene(70, 40))
    assert ctl.current_id == rid
    _click_action(qtbot, win.box_menu, "Delete the box")
    assert rid not in {r.id for r in ctl.letter.plan.redactions}


@pytest.mark.slow
def test_right_click_a_finding_in_the_panel(window, qtbot):  # noqa: ANN001
    win = window()
    ctl = win.ctl
    win.open_paths([str(SAMPLE)])
    _ready(qtbot, ctl)
    panel = win.findings
    tree, model = panel.tree, panel.model
    row = next(
        r for r in range(model.rowCount()) if len(model.index(r, 0).data(ROLE_IDS) or []) > 1
    )
    idx = model.index(row, 0)
    ids = list(idx.data(ROLE_IDS))
    tree.scrollTo(idx)
    _right_click(tree.viewport(), tree.visualRect(idx).center())
    menu = panel.menu
    qtbot.waitExposed(menu)
    assert [a.text() for a in menu.actions()][:2] == [
        "Accept all occurrences",
        "Reject all occurrences",
    ]
    _click_action(qtbot, menu, "Reject all occurrences")
    assert all(ctl.letter.plan.get(i).state == "rejected" for i in ids)
    win.view.setFocus()
    qtbot.keyClick(win.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert all(ctl.letter.plan.get(i).state == "proposed" for i in ids)


# --- page-level decisions -------------------------------------------------------------------
@pytest.mark.slow
def test_mark_page_reviewed_and_decide_all_on_page_then_undo(window, qtbot):  # noqa: ANN001
    win = window()
    ctl = win.ctl
    win.open_paths([str(SAMPLE)])
    _ready(qtbot, ctl)
    letter = ctl.letter
    view = win.view
    view.setFocus()
    first = next(r for r in letter.plan.redactions if r.page == 0)
    ctl.select(first.id)
    qtbot.keyClick(view, Qt.Key.Key_R)  # one decision taken by hand
    assert letter.plan.get(first.id).state == "rejected"
    before = letter.plan
    assert page_state(letter, 0) == PageState.UNDECIDED

    qtbot.keyClick(view, Qt.Key.Key_M)  # mark this page reviewed
    on_page = [r for r in letter.plan.redactions if r.page == 0]
    assert letter.plan.get(first.id).state == "rejected"  # kept
    assert all(r.state == "accepted" for r in on_page if r.id != first.id)
    assert page_state(letter, 0) == PageState.DONE
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert letter.plan == before  # one step

    mods = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(view, Qt.Key.Key_R, mods)  # reject all on this page
    assert all(r.state == "rejected" for r in letter.plan.redactions if r.page == 0)
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert letter.plan == before
    qtbot.keyClick(view, Qt.Key.Key_A, mods)  # accept all on this page
    assert letter.plan.get(first.id).state == "rejected"
    assert not [r for r in letter.plan.redactions if r.page == 0 and r.state == "proposed"]
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert letter.plan == before


@pytest.mark.slow
def test_mark_reviewed_confirms_a_page_that_needs_eyes(window, qtbot, tmp_path):  # noqa: ANN001
    from tests.gui.test_eyes_and_search import _scribbles

    page = tmp_path / "handwritten.png"
    _scribbles(page)
    win = window()
    ctl = win.ctl
    win.open_paths([str(page)])
    _ready(qtbot, ctl)
    letter = ctl.letter
    assert letter.plan.pages_needing_eyes() == [0]
    before = letter.plan
    _activate(qtbot, win)
    win.view.setFocus()
    qtbot.keyClick(win.view, Qt.Key.Key_M)
    assert letter.plan.pages_needing_eyes() == [] and not letter.plan.undecided()
    assert page_state(letter, 0) == PageState.DONE
    assert not win.eyes_bar.isVisible()
    qtbot.keyClick(win.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert letter.plan == before and win.eyes_bar.isVisible()
