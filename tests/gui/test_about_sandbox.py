"""Help > About says how the letters' readers are confined (core/sandbox.py), in one line."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from redactor.core import lanes


def test_about_shows_the_sandbox(make_window):  # noqa: ANN001
    win = make_window()
    about = next(a for a in win.actions() if a.text() == "About Redactor")
    seen: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(100, read_and_close)

    QTimer.singleShot(100, read_and_close)
    about.trigger()
    assert seen, "no About box was shown"
    line = seen[0].splitlines()[-1]
    assert line.startswith("Sandbox: ")
    if lanes.serial():
        assert "none" in line
    else:
        assert "network blocked (seccomp" in line
        assert "programs blocked" in line
        assert "memory capped at 1536 MB" in line
