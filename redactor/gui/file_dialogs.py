"""File dialogs that leave no trace of the letters chosen in them.

The platform's own dialogs remember what was picked: GTK adds the file to
~/.local/share/recently-used.xbel, Windows to Recent Items and the jump list, macOS to its recent
documents. Qt's own dialog is used instead, and what it saves when it closes (the folders it
visited, in the shared QtProject settings file) is put back as it was before it opened.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

# What QFileDialog writes to QSettings(UserScope, "QtProject"), group FileDialog, on closing.
_REMEMBERED = ("history", "lastVisited")


def _qt_dialog_settings() -> QSettings:
    return QSettings(QSettings.Scope.UserScope, "QtProject")


@contextmanager
def no_dialog_history() -> Iterator[None]:
    """Put Qt's file-dialog history (visited folders) back as it was before the block."""
    before = _qt_dialog_settings()
    before.beginGroup("FileDialog")
    saved = {k: before.value(k) for k in _REMEMBERED if before.contains(k)}
    before.endGroup()
    del before
    try:
        yield
    finally:
        after = _qt_dialog_settings()
        after.beginGroup("FileDialog")
        for k in _REMEMBERED:
            if k in saved:
                after.setValue(k, saved[k])
            else:
                after.remove(k)
        after.endGroup()
        after.sync()


def _run(dialog: QFileDialog, exec_dialog: Callable[[QFileDialog], int]) -> list[str]:
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setHistory([])
    try:
        ok = exec_dialog(dialog)
        return list(dialog.selectedFiles()) if ok else []
    finally:
        shiboken6.delete(dialog)  # the dialog writes its settings now, inside the block


def _exec(dialog: QFileDialog) -> int:
    return dialog.exec()


def open_file_names(
    parent: QWidget | None,
    caption: str,
    name_filter: str,
    exec_dialog: Callable[[QFileDialog], int] = _exec,
) -> list[str]:
    with no_dialog_history():
        dialog = QFileDialog(parent, caption, "", name_filter)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        return _run(dialog, exec_dialog)


def save_file_name(
    parent: QWidget | None,
    caption: str,
    suggested: str,
    exec_dialog: Callable[[QFileDialog], int] = _exec,
) -> str:
    with no_dialog_history():
        dialog = QFileDialog(parent, caption, suggested)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        if suggested:
            dialog.selectFile(suggested)
        files = _run(dialog, exec_dialog)
        return files[0] if files else ""
