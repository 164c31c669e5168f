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
    again.add_recent("/a.pdf")
    again.add_recent("/b.pdf")
    again.add_recent("/a.pdf")
    assert AppSettings(path).recent() == ["/a.pdf", "/b.pdf"]
