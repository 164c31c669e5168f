"""The one helper that runs background jobs.

A job is a plain function `fn(job) -> result` run on a QThreadPool thread. It may call
`job.report(payload)` any number of times and should check `job.cancel` between steps. Reports,
the result and errors are delivered on the UI thread (queued signals to a QObject that lives
there), so callbacks may touch widgets. Tests can make the runner synchronous.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from redactor.core.errors import Cancelled, RedactorError
from redactor.core.pipeline import CancelToken

log = logging.getLogger(__name__)


class Job(QObject):
    _reported = Signal(object)
    _finished = Signal(object)
    _failed = Signal(object)

    def __init__(
        self,
        name: str,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        on_report: Callable[[Any], None] | None,
        direct: bool,
    ) -> None:
        super().__init__()
        self.name = name
        self.cancel = CancelToken()
        self.finished = False
        self._on_done = on_done
        self._on_error = on_error
        self._on_report = on_report
        kind = Qt.ConnectionType.DirectConnection if direct else Qt.ConnectionType.QueuedConnection
        self._reported.connect(self._deliver_report, kind)
        self._finished.connect(self._deliver_done, kind)
        self._failed.connect(self._deliver_error, kind)
        self.cleanup: Callable[[Job], None] | None = None

    # called from the worker thread
    def report(self, payload: Any) -> None:
        self._reported.emit(payload)

    @Slot(object)
    def _deliver_report(self, payload: Any) -> None:
        if self._on_report is not None and not self.cancel.cancelled:
            self._on_report(payload)

    @Slot(object)
    def _deliver_done(self, result: Any) -> None:
        self.finished = True
        try:
            if self._on_done is not None and not self.cancel.cancelled:
                self._on_done(result)
        finally:
            if self.cleanup:
                self.cleanup(self)

    @Slot(object)
    def _deliver_error(self, exc: BaseException) -> None:
        self.finished = True
        try:
            if self._on_error is not None and not isinstance(exc, Cancelled):
                self._on_error(exc)
        finally:
            if self.cleanup:
                self.cleanup(self)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[Job], Any], job: Job) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.fn = fn
        self.job = job

    def run(self) -> None:
        try:
            result = self.fn(self.job)
        except BaseException as exc:  # delivered to the UI thread, never lost
            # A job cancelled (the window closing) may fail on its way out, e.g. submitting to
            # a worker pool already shut down: that is the cancellation, not an error.
            quiet = isinstance(exc, (Cancelled, RedactorError)) or self.job.cancel.cancelled
            if not quiet:
                # The frames only: an exception's message may hold a letter's path, and a
                # desktop session keeps the app's stderr (~/.xsession-errors, the journal).
                log.error(
                    "background job %s failed (%s)\n%s",
                    self.job.name,
                    type(exc).__name__,
                    "".join(traceback.format_tb(exc.__traceback__)),
                )
            self.job._failed.emit(exc)
        else:
            self.job._finished.emit(result)


class TaskRunner(QObject):
    """Runs jobs in lanes: jobs of one lane run one after the other (page rendering must not
    run concurrently with itself), lanes run side by side."""

    def __init__(self, synchronous: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._pools: dict[str, QThreadPool] = {}
        self._jobs: set[Job] = set()

    def _pool(self, lane: str) -> QThreadPool:
        pool = self._pools.get(lane)
        if pool is None:
            pool = self._pools[lane] = QThreadPool(self)
            pool.setMaxThreadCount(1)
            pool.setExpiryTimeout(-1)
        return pool

    def submit(
        self,
        fn: Callable[[Job], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_report: Callable[[Any], None] | None = None,
        lane: str = "work",
        name: str = "",
    ) -> Job:
        job = Job(name or lane, on_done, on_error, on_report, direct=self.synchronous)
        job.cleanup = self._jobs.discard
        self._jobs.add(job)
        runnable = _Runnable(fn, job)
        if self.synchronous:
            runnable.run()
        else:
            self._pool(lane).start(runnable)
        return job

    def busy(self) -> bool:
        return any(not j.finished for j in self._jobs)

    def cancel_all(self) -> None:
        for job in list(self._jobs):
            job.cancel.cancel()

    def wait(self, msecs: int = 30000, lanes: tuple[str, ...] | None = None) -> bool:
        ok = True
        for lane, pool in self._pools.items():
            if lanes is None or lane in lanes:
                ok = pool.waitForDone(msecs) and ok
        return ok
