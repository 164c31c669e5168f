"""The detector in a process of its own.

Loading presidio, spaCy and natasha takes seconds and parts of it hold the GIL for hundreds of
milliseconds; analysing a long letter does too. Run in the app's process, that freezes the
window. So the app keeps one spawned process that loads the detector once and answers
find requests; the load job waits for it on a background thread. No Qt in here."""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from redactor.core import pipeline
from redactor.core.errors import InputError
from redactor.core.model import Document, Finding

_detector: object | None = None
_note = ""


def _init(profile: str, threshold: float, allow: tuple[str, ...]) -> None:
    global _detector, _note
    os.environ["OMP_THREAD_LIMIT"] = "1"
    try:  # the window's process comes first when the cores are busy
        os.nice(5)
    except OSError:
        pass
    try:
        from redactor.core.detect.engine import Detector
    except ImportError:
        _note = "the detector is not installed; only term lists are searched"
        return
    try:
        _detector = Detector(
            profile=profile, spacy_model=None, score_threshold=threshold, allow=allow
        )
    except Exception as exc:  # reported in the status bar; term lists still work
        _note = f"the detector could not start: {exc}"


def _ping() -> str:
    return _note


def _find(document: Document, deny: tuple[str, ...], lang: str) -> tuple[list[Finding], str]:
    return pipeline.find_in_document(document, deny=deny, detector=_detector, lang=lang), _note


class DetectorProcess:
    """Starts the process on first use (or `preload`); shared by every load job."""

    def __init__(
        self, profile: str = "strict", threshold: float = 0.0, allow: tuple[str, ...] = ()
    ) -> None:
        self.args = (profile, threshold, tuple(allow))
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None

    def _get(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(
                    max_workers=1,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_init,
                    initargs=self.args,
                )
            return self._pool

    def preload(self) -> str:
        return self._get().submit(_ping).result()

    def submit(
        self, document: Document, deny: Sequence[str] = (), lang: str = "auto"
    ) -> Future[tuple[list[Finding], str]]:
        """A find request answered later (the provisional findings of one page)."""
        return self._get().submit(_find, document, tuple(deny), lang)

    def find(
        self, document: Document, deny: Sequence[str] = (), lang: str = "auto"
    ) -> tuple[list[Finding], str]:
        try:
            return self._get().submit(_find, document, tuple(deny), lang).result()
        except BrokenProcessPool:
            self.shutdown()
            raise InputError("the detector crashed or ran out of memory") from None

    def shutdown(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
