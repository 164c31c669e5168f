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


def run(paths: list[str]) -> int:
    """Open the app on `paths` (the bundled sample letter when none) and run it."""
    logging.basicConfig(level=logging.WARNING)
    app = make_app()
    settings = AppSettings()
    i18n.install(str(settings.get("language")))
    win = MainWindow(settings)
    files = [p for p in paths if not p.startswith("-")]
    sample = None if files else sample_letter()
    if sample is not None:
        files = [str(sample)]
    win.show()
    if files:
        win.open_paths(files)
    return app.exec()
