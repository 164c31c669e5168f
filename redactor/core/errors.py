"""Typed errors. Only the command line turns them into exit codes; the app into messages."""

from __future__ import annotations


class RedactorError(Exception):
    """Root of every error the core raises on purpose. The message is for the user."""

    exit_code = 70


class UsageError(RedactorError):
    """Bad arguments or options."""

    exit_code = 1


class InputError(RedactorError):
    """An input file that cannot be read: missing, damaged, not a supported type, too large."""

    exit_code = 2


class PasswordRequired(InputError):
    """An encrypted PDF opened without (or with a wrong) password."""


class MissingDependency(RedactorError):
    """A component the tool needs is not installed (e.g. OCR language data)."""

    exit_code = 3


class OcrError(MissingDependency):
    """Tesseract or its language data is missing or unusable."""


class LeakDetected(RedactorError):
    """Verification found something of a redacted item in an output file."""

    exit_code = 4

    def __init__(self, message: str, leaks: list[str] | None = None) -> None:
        super().__init__(message)
        self.leaks = list(leaks or [])


class UnreadInk(RedactorError):
    """A page has ink that no reader could read (a region big enough to hold a word) and the
    editor has not said it was looked at (`--accept-unread`, or confirming the page in the app)."""

    exit_code = 6

    def __init__(self, message: str, regions: list[str] | None = None) -> None:
        super().__init__(message)
        self.regions = list(regions or [])


class Cancelled(RedactorError):
    """The user cancelled a running job."""

    exit_code = 5


class ExportError(RedactorError):
    """Writing an output failed (disk full, permissions); nothing was left behind."""

    exit_code = 70
