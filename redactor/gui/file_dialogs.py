"""File dialogs that leave no trace of the letters chosen in them.

The platform's own dialogs remember what was picked: GTK adds the file to
~/.local/share/recently-used.xbel, Windows to Recent Items and the jump list, macOS to its recent
documents. Qt's own dialog is used instead, and what it saves when it closes (the folders it
visited, in the shared QtProject settings file) is put back as it was before it opened.

Where a dialog starts (`FolderMemory`): the folder last used in this session, else the user's
Documents folder (else the home folder), never the app's working folder. The last folder is
kept across starts only when the editor turned on "remember recent letters" (a folder's name
can name a case, like a file's); otherwise it lives in memory only and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol
from weakref import WeakKeyDictionary

import shiboken6
from PySide6.QtCore import QDir, QSettings, QStandardPaths
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


class _Settings(Protocol):  # the part of AppSettings used here
    def get(self, key: str) -> object: ...

    def set(self, key: str, value: object) -> None: ...

    def remembers_recent(self) -> bool: ...


def documents_folder() -> str:
    """The user's Documents folder, else the home folder."""
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if docs and Path(docs).is_dir():
        return docs
    return QDir.homePath()


# The session's last folders, per settings object (one per window): never written anywhere.
_SESSION: WeakKeyDictionary[object, dict[str, str]] = WeakKeyDictionary()
SETTING = {"open": "last_open_folder", "save": "last_save_folder"}


class FolderMemory:
    """Where the file dialogs of one settings object start, and the folder last used."""

    def __init__(self, settings: _Settings | None = None) -> None:
        self.settings = settings
        self._own: dict[str, str] = {}

    def _session(self) -> dict[str, str]:
        if self.settings is None:
            return self._own
        return _SESSION.setdefault(self.settings, {})

    def start(self, kind: str = "open") -> str:
        """The folder to start in: the last used (this session, or remembered), else
        Documents. A folder that no longer exists is skipped."""
        candidates = [self._session().get(kind, "")]
        if self.settings is not None:
            kept = str(self.settings.get(SETTING[kind]) or "")
            if self.settings.remembers_recent():
                candidates.append(kept)
            elif kept:  # kept while remembering was on: it is off now, so it goes
                self._forget()
        for c in candidates:
            if c and Path(c).is_dir():
                return c
        return documents_folder()

    def _forget(self) -> None:
        q = getattr(self.settings, "q", None)
        if isinstance(q, QSettings):
            for key in SETTING.values():
                q.remove(key)
            q.sync()

    def remember(self, path: str, kind: str = "open") -> None:
        """Note the folder of `path` (a file chosen in a dialog) as the last used."""
        if not path:
            return
        folder = str(Path(path).parent)
        self._session()[kind] = folder
        if self.settings is not None and self.settings.remembers_recent():
            self.settings.set(SETTING[kind], folder)


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
    folders: FolderMemory | None = None,
) -> list[str]:
    """Files to open; the dialog starts where `folders` says (Documents by default)."""
    folders = folders or FolderMemory()
    with no_dialog_history():
        dialog = QFileDialog(parent, caption, folders.start("open"), name_filter)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        files = _run(dialog, exec_dialog)
    if files:
        folders.remember(files[0], "open")
    return files


def save_file_name(
    parent: QWidget | None,
    caption: str,
    suggested: str,
    exec_dialog: Callable[[QFileDialog], int] = _exec,
    folders: FolderMemory | None = None,
) -> str:
    """A file name to save to. A suggested path in an existing folder is where the dialog
    starts; a bare name (or a folder that is gone) starts where `folders` says."""
    folders = folders or FolderMemory()
    where = Path(suggested) if suggested else None
    if where is None or not where.parent.is_dir() or where.parent == Path("."):
        name = where.name if where is not None else ""
        suggested = str(Path(folders.start("save")) / name) if name else ""
        start = folders.start("save")
    else:
        start = str(where.parent)
    with no_dialog_history():
        dialog = QFileDialog(parent, caption, start)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        if suggested:
            dialog.selectFile(suggested)
        files = _run(dialog, exec_dialog)
    if files:
        folders.remember(files[0], "save")
    return files[0] if files else ""
