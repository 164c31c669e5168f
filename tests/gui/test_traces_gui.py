"""What the app leaves behind: the autosaved review and the settings of a letter named after its
writer hold neither the name nor the letter's plain hash; file dialogs leave no folder history."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog

from redactor.gui.file_dialogs import open_file_names, save_file_name
from tests.support.traces import NAME, name_and_hash_traces, named_letter


def _all_bytes(folder: Path) -> bytes:
    return b"\n".join(
        p.name.encode() + b"\n" + p.read_bytes() for p in folder.rglob("*") if p.is_file()
    )


def test_autosave_and_settings_hold_no_letter_name(make_window, qtbot, tmp_path):  # noqa: ANN001
    letters = tmp_path / "letters"
    letters.mkdir()
    letter = named_letter(letters / NAME)
    win = make_window(store_dir=tmp_path / "reviews", deny="Kairat Bekov")
    win.open_paths([str(letter)])
    ctl = win.ctl
    qtbot.waitUntil(
        lambda: ctl.letter is not None and ctl.letter.status == "ready", timeout=120_000
    )
    assert ctl.letter.plan.redactions
    ctl.step(1)
    ctl.decide_current("accepted")
    store = tmp_path / "reviews"
    qtbot.waitUntil(lambda: store.is_dir() and any(store.glob("*.rev.json")), timeout=20_000)
    assert win.windowTitle().startswith(NAME)  # shown on screen, never saved
    win.close()
    saved = _all_bytes(store)
    assert b'"accepted"' in saved
    assert name_and_hash_traces(saved, letter) == []
    settings = (tmp_path / "settings.ini").read_bytes()
    assert name_and_hash_traces(settings, letter) == []


def test_file_dialogs_leave_no_history(qtbot, tmp_path):  # noqa: ANN001
    home = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    fmt, scope = QSettings.Format.NativeFormat, QSettings.Scope.UserScope
    QSettings.setPath(fmt, scope, str(tmp_path / "config"))
    try:
        qt = QSettings(scope, "QtProject")
        qt.setValue("FileDialog/history", ["file:///home/someone/other-app"])
        qt.sync()
        del qt
        folder = tmp_path / "Ospanov letters"
        folder.mkdir()
        letter = named_letter(folder / NAME)

        chosen = [str(letter)]

        def pick(dialog: QFileDialog) -> int:
            dialog.setDirectory(str(folder))
            dialog.selectFile(chosen[0])
            dialog.show()
            qtbot.waitExposed(dialog)
            dialog.accept()
            return 1

        assert open_file_names(None, "Open", "Letters (*.pdf)", exec_dialog=pick) == [str(letter)]
        chosen[0] = str(folder / "copy.pdf")  # a new file: no overwrite question
        assert save_file_name(None, "Save", str(letter), exec_dialog=pick) == chosen[0]
        conf = tmp_path / "config" / "QtProject.conf"
        assert conf.is_file()  # Qt did write its dialog settings ...
        text = conf.read_text(encoding="utf-8")
        assert "Ospanov" not in text and "letters" not in text  # ... but no folder of ours
        assert "other-app" in text  # and another app's history is left as it was
    finally:
        QSettings.setPath(fmt, scope, home)


def test_recent_menu_clears_the_list(make_window, tmp_path):  # noqa: ANN001
    win = make_window(remember_recent=True)
    win.settings.add_recent(str(tmp_path / NAME))
    win._fill_recent()
    texts = [a.text() for a in win.recent_menu.actions()]
    assert str(tmp_path / NAME) in texts
    clear = next(a for a in win.recent_menu.actions() if a.text() == "Clear the list")
    assert clear.isEnabled()
    clear.trigger()
    assert win.settings.recent() == []
    assert "Ospanov" not in (tmp_path / "settings.ini").read_text(encoding="utf-8")


def test_export_dialog_offers_colour_next_to_black_and_white(make_window, qtbot, tmp_path):  # noqa: ANN001
    from redactor.gui.export_dialog import ExportDialog
    from redactor.gui.letter import Letter

    win = make_window()
    dlg = ExportDialog(win.ctl, Letter(path=str(tmp_path / "a.pdf")), win.settings, win)
    qtbot.addWidget(dlg)
    assert not dlg.color.isChecked() and not dlg.bw.isChecked()  # default: grey or cleaned
    dlg.color.setChecked(True)
    dlg.bw.setChecked(True)
    assert not dlg.color.isChecked()  # one or the other
    dlg.color.setChecked(True)
    assert not dlg.bw.isChecked()
    txt = next(b for b in dlg.fmt.buttons() if b.property("fmt") == "txt")
    txt.setChecked(True)
    assert not dlg.color.isEnabled() and not dlg.bw.isEnabled()
