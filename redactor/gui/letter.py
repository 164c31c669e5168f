"""A letter in the app: its loading state and its review (core/review.py LetterReview)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from redactor.core import pipeline
from redactor.core.model import Document, Finding, PageText
from redactor.core.plan import Redaction, RedactionPlan
from redactor.core.project import Review
from redactor.core.review import LetterReview
from redactor.core.sources import Source

from .i18n import N_
from .tasks import Job


class LoadStatus(StrEnum):
    """Where the loading of a letter is."""

    WAITING = "waiting"
    READING = "reading"
    ANALYSING = "analysing"
    READY = "ready"
    FAILED = "failed"
    CANCELLED = "cancelled"


class LetterState(StrEnum):
    """A letter's state as the letters pane shows it."""

    NOT_ANALYSED = "not-analysed"
    ANALYSING = "analysing"
    FAILED = "failed"
    NEEDS_EYES = "needs-eyes"
    TO_REVIEW = "to-review"
    REVIEWED = "reviewed"
    EXPORTED = "exported"


@dataclass(eq=False)
class Letter:
    path: str
    status: LoadStatus = LoadStatus.WAITING
    page_count: int = 0
    pages_read: dict[int, PageText] = field(default_factory=dict)
    opened: pipeline.OpenedDocument | None = None
    source: Source | None = None
    fingerprint: str = ""  # keyed (fingerprint.py): names the letter's saved review
    error: str = ""
    password: str | None = None  # in memory only, for an encrypted PDF
    job: Job | None = None
    done: int = 0
    provisional: dict[int, list[Finding]] = field(default_factory=dict)  # page -> findings
    # the editor's review: changed only through its methods (the controller listens)
    review: LetterReview = field(default_factory=LetterReview)

    @property
    def plan(self) -> RedactionPlan | None:
        return self.review.plan

    @property
    def viewed(self) -> set[int]:
        return self.review.viewed

    @property
    def exported(self) -> bool:
        return self.review.exported

    @property
    def saved(self) -> Review | None:
        """A saved review offered for restoring."""
        return self.review.offered

    @property
    def name(self) -> str:
        return Path(self.path).name

    @property
    def document(self) -> Document | None:
        return self.opened.document if self.opened else None

    @property
    def loading(self) -> bool:
        return self.status in (LoadStatus.READING, LoadStatus.ANALYSING)

    def state(self) -> LetterState:
        if self.status in (LoadStatus.WAITING, LoadStatus.CANCELLED):
            return LetterState.NOT_ANALYSED
        if self.loading:
            return LetterState.ANALYSING
        if self.status == LoadStatus.FAILED or self.plan is None:
            return LetterState.FAILED
        if self.plan.pages_needing_eyes():
            return LetterState.NEEDS_EYES
        if self.plan.undecided():
            return LetterState.TO_REVIEW
        return LetterState.EXPORTED if self.exported else LetterState.REVIEWED


STATE_TEXT = {
    LetterState.NOT_ANALYSED: N_("not analysed"),
    LetterState.ANALYSING: N_("analysing"),
    LetterState.FAILED: N_("could not be read"),
    LetterState.NEEDS_EYES: N_("needs eyes"),
    LetterState.TO_REVIEW: N_("to review"),
    LetterState.REVIEWED: N_("reviewed"),
    LetterState.EXPORTED: N_("exported"),
}


def reading_order(r: Redaction) -> tuple[int, float, float]:
    return (r.page, round(r.box.y0 / 20), r.box.x0)
