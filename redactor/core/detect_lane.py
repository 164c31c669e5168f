"""The detector in the detect lane (lanes.py): loaded once per worker, answering find requests.

Loading presidio, spaCy and natasha takes seconds and parts of it hold the GIL for hundreds of
milliseconds; analysing a long letter does too. Run in the app's process, that would freeze the
window. So the app sends find requests to the detect lane, whose worker loads the detector once
(the lane's init hook) under the same memory cap and parent watch as every worker."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any

from . import lanes
from .errors import ReaderLost
from .model import Document, Finding

if TYPE_CHECKING:
    from .jobs import AnalysisOptions

LANE = "detect"

_detector: Any = None
_note = ""


def load_detector(profile: str, threshold: float, allow: tuple[str, ...]) -> None:
    """The detect lane's init hook. A detector that cannot start leaves a note (shown in the
    status bar) and term lists still work."""
    global _detector, _note
    _detector, _note = None, ""
    from .jobs import AnalysisOptions
    from .jobs import load_detector as make_detector

    options = AnalysisOptions(profile=profile, threshold=threshold, allow=tuple(allow))
    try:
        _detector = make_detector(options)
    except ImportError:
        _note = "the detector is not installed; only term lists are searched"
    except Exception as exc:  # reported in the status bar; term lists still work
        _note = f"the detector could not start: {exc}"


def _ping() -> str:
    return _note


def _find(document: Document, options: AnalysisOptions) -> tuple[list[Finding], str]:
    from . import jobs

    return jobs.find(document, options, _detector), _note


class DetectLane:
    """The app's handle on the detect lane (a jobs.Finder), for one detector setting (profile,
    threshold, allow list). Using a handle with other settings restarts the lane with them.
    The deny list comes with each request (jobs.find)."""

    def __init__(
        self, profile: str = "strict", threshold: float = 0.0, allow: Sequence[str] = ()
    ) -> None:
        self.args = (profile, threshold, tuple(allow))
        self.spec = lanes.LaneSpec(
            workers=1, init=load_detector, init_args=self.args, nice=lanes.DEFAULT_SPECS[LANE].nice
        )

    def _submit(self, fn: Any, *args: Any) -> Future[Any]:
        lanes.configure(LANE, self.spec)
        try:
            return lanes.submit(LANE, fn, *args)
        except BrokenProcessPool:
            lanes.shutdown(LANE, kill=True)
            raise ReaderLost("the detector crashed or ran out of memory") from None

    def preload(self) -> str:
        """Start the lane and wait for the detector to load; its note ("" when all is well)."""
        return str(self._submit(_ping).result())

    def submit(
        self, document: Document, options: AnalysisOptions
    ) -> Future[tuple[list[Finding], str]]:
        """A find request answered later (the provisional findings of one page): jobs.find
        with this lane's detector."""
        return self._submit(_find, document, options)

    def find(self, document: Document, options: AnalysisOptions) -> tuple[list[Finding], str]:
        """The findings of a document (jobs.find with this lane's detector) and the
        detector's note."""
        try:
            findings, note = self._submit(_find, document, options).result()
        except BrokenProcessPool:
            lanes.shutdown(LANE, kill=True)
            raise ReaderLost("the detector crashed or ran out of memory") from None
        return findings, note

    def call(self, fn: Any, *args: Any) -> Any:
        """`fn(*args)` in the lane's worker, where the detection stack is loaded (a module-level
        function: it is sent by name), and its result; for work that would hold the app's
        interpreter lock (the first use of the term search imports the detection stack)."""
        try:
            return self._submit(fn, *args).result()
        except BrokenProcessPool:
            lanes.shutdown(LANE, kill=True)
            raise ReaderLost("the detector crashed or ran out of memory") from None

    def shutdown(self) -> None:
        """Stop the lane if it runs with this handle's settings."""
        if lanes.running_spec(LANE) == self.spec:
            lanes.shutdown(LANE)

    def worker_pids(self) -> list[int]:
        return lanes.worker_pids(LANE)
