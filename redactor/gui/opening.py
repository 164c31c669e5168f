"""Opening letters: the background loading job of each letter, its progress, the provisional
findings shown while it is read, and its failures (a password asked for).

The loader keeps a letter's loading state (status, pages read, the opened document) and reports
everything else through its signals; it never touches a letter's review (the controller does,
through the review's own methods)."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from redactor.core.detect_lane import DetectLane
from redactor.core.errors import PasswordRequired, RedactorError
from redactor.core.model import PageText, Stage
from redactor.core.project import ReviewStore

from .i18n import tr
from .letter import Letter, LoadStatus
from .loading import LoadOptions, LoadResult, load_letter, provisional_plan
from .tasks import TaskRunner

log = logging.getLogger(__name__)


class LetterLoader(QObject):
    statusChanged = Signal(object)  # Letter: its load status, page count or error changed
    firstPage = Signal(object, object)  # Letter, QImage of page 1 (before anything is read)
    pageRead = Signal(object, int)  # Letter, page index
    provisional = Signal(object, object)  # Letter, RedactionPlan over the pages read so far
    loaded = Signal(object, object)  # Letter, LoadResult (the letter's fields are set)
    passwordNeeded = Signal(object, str)  # Letter, why
    failed = Signal(object, str)  # Letter, a message for the editor
    message = Signal(str)
    progress = Signal(int, int)  # done, total; (0, 0) when idle

    def __init__(
        self,
        runner: TaskRunner,
        store: ReviewStore,
        options: LoadOptions,
        detector: DetectLane,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner, self.store = runner, store
        self.options, self.detector = options, detector  # the controller swaps them on new settings
        self._pending: set[Letter] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(500)
        self._timer.timeout.connect(self._show_provisional)

    def start(self, letter: Letter) -> None:
        letter.status = LoadStatus.READING
        opts, store, password = self.options, self.store, letter.password
        letter.job = self.runner.submit(
            # the detector as it is when the job starts (new settings may have replaced it)
            lambda job: load_letter(job, letter.path, opts, self.detector, store, password),
            on_done=lambda res: self._loaded(letter, res),
            on_error=lambda exc: self._failed(letter, exc),
            on_report=lambda msg: self._report(letter, msg),
            lane="load",
            name="load",
        )

    def cancel(self, letters: list[Letter]) -> None:
        for letter in letters:
            if letter.job is not None and not letter.job.finished:
                letter.job.cancel.cancel()
                letter.status = LoadStatus.CANCELLED
        self.progress.emit(0, 0)
        self.message.emit(tr("Cancelled."))

    def _report(self, letter: Letter, msg: tuple[Any, ...]) -> None:
        kind = msg[0]
        if kind == "first":
            letter.page_count = msg[1]
            self.firstPage.emit(letter, msg[2])
        elif kind == "page":
            page: PageText = msg[1]
            letter.pages_read[page.index] = page
            self.pageRead.emit(letter, page.index)
        elif kind == "progress":
            _, stage, done, total = msg
            if stage == Stage.FIND:
                letter.status = LoadStatus.ANALYSING
                self.message.emit(
                    tr("Looking for names and details in %1…").replace("%1", letter.name)
                )
                self.statusChanged.emit(letter)
            else:
                self.message.emit(
                    tr("Reading %1: page %2 of %3")
                    .replace("%1", letter.name)
                    .replace("%2", str(done))
                    .replace("%3", str(total))
                )
                self.progress.emit(done, max(total, 1))
        elif kind == "findings":
            if not letter.loading:
                return
            letter.provisional[msg[1]] = msg[2]
            self._pending.add(letter)
            if not self._timer.isActive():  # at most two rebuilds a second
                self._timer.start()
        elif kind == "note":
            self.message.emit(msg[1])

    def _show_provisional(self) -> None:
        pending, self._pending = self._pending, set()
        for letter in pending:
            if not letter.loading or not letter.provisional:
                continue
            found = [f for fs in letter.provisional.values() for f in fs]
            plan = provisional_plan(
                letter.path, letter.page_count, letter.pages_read, found, self.options
            )
            self.provisional.emit(letter, plan)

    def _loaded(self, letter: Letter, res: LoadResult) -> None:
        letter.opened, letter.source, letter.fingerprint = res.opened, res.source, res.fingerprint
        letter.provisional = {}
        letter.status = LoadStatus.READY
        letter.page_count = res.opened.document.page_count
        for p in res.opened.document.pages:
            letter.pages_read[p.index] = p
        self.progress.emit(0, 0)
        n = len(res.plan.redactions)
        self.message.emit(
            tr("%1: %2 findings to review.").replace("%1", letter.name).replace("%2", str(n))
        )
        self.loaded.emit(letter, res)

    def _failed(self, letter: Letter, exc: BaseException) -> None:
        letter.status = LoadStatus.FAILED
        self.progress.emit(0, 0)
        if isinstance(exc, PasswordRequired):
            letter.error = str(exc)
            self.statusChanged.emit(letter)
            self.passwordNeeded.emit(letter, str(exc))
            return
        letter.error = (
            _without_path(str(exc), letter)
            if isinstance(exc, RedactorError)
            else tr("Unexpected error while reading: %1").replace("%1", type(exc).__name__)
        )
        self.statusChanged.emit(letter)
        self.failed.emit(letter, f"{letter.name}: {letter.error}")


def _without_path(message: str, letter: Letter) -> str:
    """The core's message without the file's path or name in front: the app says which letter
    (its name) itself, and a folder's path in a dialog is noise to the editor."""
    for prefix in (letter.path, letter.name):
        if prefix and message.startswith(prefix + ": "):
            return message[len(prefix) + 2 :]
    return message
