"""Typed errors. Only the command line turns them into exit codes; the app into messages."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from .model import Box


class ExitCode(IntEnum):
    """The command line's exit codes (DESIGN.md, "Command line"; listed in `redactor --help`)."""

    OK = 0
    USAGE = 1
    INPUT = 2
    MISSING = 3
    LEAK = 4
    CANCELLED = 5
    UNREAD = 6
    INTERNAL = 70

    @property
    def meaning(self) -> str:
        return _MEANINGS[self]


_MEANINGS = {
    ExitCode.OK: "ok",
    ExitCode.USAGE: "bad arguments",
    ExitCode.INPUT: "unreadable input",
    ExitCode.MISSING: "missing dependency (e.g. OCR language data)",
    ExitCode.LEAK: "leak detected",
    ExitCode.CANCELLED: "cancelled",
    ExitCode.UNREAD: "unread ink (a page has ink no reader could read: nothing is written "
    "unless --accept-unread)",
    ExitCode.INTERNAL: "internal error",
}


class RedactorError(Exception):
    """Root of every error the core raises on purpose. The message is for the user."""

    exit_code: ExitCode = ExitCode.INTERNAL


class UsageError(RedactorError):
    """Bad arguments or options."""

    exit_code = ExitCode.USAGE


class InputError(RedactorError):
    """An input file that cannot be read: missing, damaged, not a supported type, too large."""

    exit_code = ExitCode.INPUT


class ReaderLost(InputError):
    """A worker reading the input died (a crash, the memory cap, the OOM killer) or was killed
    for taking too long. Whatever else it was reading at the time is lost too, so a batch may
    try such an input again alone; a plain InputError (not a PDF, damaged) is final."""


class PasswordRequired(InputError):
    """An encrypted PDF opened without (or with a wrong) password."""


class MissingDependency(RedactorError):
    """A component the tool needs is not installed (e.g. OCR language data)."""

    exit_code = ExitCode.MISSING


class OcrError(MissingDependency):
    """Tesseract or its language data is missing or unusable."""


@dataclass(frozen=True)
class LeakPlace:
    """Where the final check found a hidden item in a copy it refused: the 0-based `page` of the
    source (None: not on a page, e.g. the file's bytes or its metadata), the `box` in that page's
    word coordinates (the plan's; None: the reader gives no place on the page), the item's type
    (`label`) and `where` in words (reader and place, never the item's text)."""

    page: int | None
    box: Box | None
    label: str
    where: str


class LeakDetected(RedactorError):
    """Verification found something of a redacted item in an output file. `leaks` says what, in
    words; `places` where, when the check knows (the app draws them on the page)."""

    exit_code = ExitCode.LEAK

    def __init__(
        self,
        message: str,
        leaks: list[str] | None = None,
        places: list[LeakPlace] | None = None,
    ) -> None:
        super().__init__(message)
        self.leaks = list(leaks or [])
        self.places = list(places or [])


class UnreadInk(RedactorError):
    """A page has ink that no reader could read (a region big enough to hold a word) and the
    editor has not said it was looked at (`--accept-unread`, or confirming the page in the app)."""

    exit_code = ExitCode.UNREAD

    def __init__(self, message: str, regions: list[str] | None = None) -> None:
        super().__init__(message)
        self.regions = list(regions or [])


class Cancelled(RedactorError):
    """The user cancelled a running job."""

    exit_code = ExitCode.CANCELLED


class ExportError(RedactorError):
    """Writing an output failed (disk full, permissions); nothing was left behind."""

    exit_code = ExitCode.INTERNAL
