"""The settings dialog writes QSettings, and the load options follow them."""

from __future__ import annotations

from redactor.gui.settings import AppSettings
from redactor.gui.settings_dialog import SettingsDialog


def test_settings_round_trip(qtbot, tmp_path):  # noqa: ANN001
    path = str(tmp_path / "s.ini")
    s = AppSettings(path)
    dlg = SettingsDialog(s)
    qtbot.addWidget(dlg)
    dlg.profile.setCurrentIndex(dlg.profile.findData("names"))
    dlg.deny.setPlainText("Оспанов\n\n  Kanat  \n")
    dlg.allow.setPlainText("Amnesty")
    dlg.dpi.setValue(300)
    dlg.threshold.setValue(0.5)
    dlg.language.setCurrentIndex(dlg.language.findData("kk"))
    dlg.p_deny.setPlainText("Semenova")
    dlg.accept()
    again = AppSettings(path)  # a new reader of the same file
    opts = again.load_options(project_deny=dlg.project_lists()[0])
    assert (opts.profile, opts.dpi, opts.threshold) == ("names", 300, 0.5)
    assert opts.deny == ("Оспанов", "Kanat", "Semenova")
    assert opts.allow == ("Amnesty",)
    assert again.get("language") == "kk"
    assert not dlg.remember_recent.isChecked()  # off unless the editor turns it on


def _text(path) -> str:  # noqa: ANN001
    return path.read_text(encoding="utf-8") if path.exists() else ""


def test_recent_letters_off_by_default_cleared_and_turned_off(qtbot, tmp_path):  # noqa: ANN001
    path = tmp_path / "s.ini"
    s = AppSettings(str(path))
    s.add_recent("/letters/Letter_from_Ospanov.pdf")
    assert s.recent() == []
    assert "Ospanov" not in _text(path)
    dlg = SettingsDialog(s)
    qtbot.addWidget(dlg)
    dlg.remember_recent.setChecked(True)
    dlg.accept()
    s.add_recent("/a.pdf")
    s.add_recent("/b.pdf")
    s.add_recent("/a.pdf")
    assert AppSettings(str(path)).recent() == ["/a.pdf", "/b.pdf"]
    s.clear_recent()
    assert AppSettings(str(path)).recent() == []
    s.add_recent("/letters/Letter_from_Ospanov.pdf")
    assert "Ospanov" in _text(path)
    dlg = SettingsDialog(s)
    qtbot.addWidget(dlg)
    assert dlg.remember_recent.isChecked()
    dlg.remember_recent.setChecked(False)
    dlg.accept()  # turning it off forgets the list too
    assert AppSettings(str(path)).recent() == []
    assert "Ospanov" not in _text(path)
