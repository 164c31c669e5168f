"""Starting the desktop app."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from ..core.bundled import resource
from ..core.errors import MissingDependency
from . import i18n
from .main_window import MainWindow
from .settings import AppSettings


def sample_letter() -> Path | None:
    """The bundled sample letter (sample/ of the package redactor.resources), if installed."""
    try:
        path = resource("sample", "letter-en.txt")
    except MissingDependency:
        return None
    return path if path.is_file() else None


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName("Redactor")
        QCoreApplication.setApplicationName("Redactor")
        app = QApplication(argv or [sys.argv[0]])
    return app  # type: ignore[return-value]


def start(win: MainWindow, paths: list[str]) -> None:
    """What the window opens at start: the letters given; when the app was killed last time,
    the offer to reopen every letter that was open (the session record, core/session.py); the
    bundled sample letter when there is neither."""
    files = [p for p in paths if not p.startswith("-")]
    leftover = win.ctl.take_leftover_session()
    if leftover:
        win.recovery_bar.offer(leftover)

        def declined() -> None:  # "Start again" with nothing open: start as usual
            sample = sample_letter()
            if not win.ctl.letters and sample is not None:
                win.open_paths([str(sample)])

        win.recovery_bar.declined.connect(declined)
    elif not files:
        sample = sample_letter()
        if sample is not None:
            files = [str(sample)]
    if files:
        win.open_paths(files)


def run(paths: list[str]) -> int:
    """Open the app on `paths` (after a crash: the offer to reopen the letters that were open;
    else the bundled sample letter when none) and run it."""
    logging.basicConfig(level=logging.WARNING)
    app = make_app()
    settings = AppSettings()
    i18n.install(str(settings.get("language")))
    win = MainWindow(settings)
    win.show()
    start(win, paths)
    return app.exec()
