"""A letter under review, and one undoable change to its plan."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from redactor.core import pipeline
from redactor.core.model import Document, PageText
from redactor.core.plan import Redaction, RedactionPlan
from redactor.core.project import Review
from redactor.core.sources import Source

from .i18n import N_
from .tasks import Job

if TYPE_CHECKING:
    from .controller import ReviewController


@dataclass(eq=False)
class Letter:
    path: str
    status: str = "waiting"  # waiting, reading, analysing, ready, failed, cancelled
    page_count: int = 0
    pages_read: dict[int, PageText] = field(default_factory=dict)
    opened: pipeline.OpenedDocument | None = None
    source: Source | None = None
    plan: RedactionPlan | None = None
    fingerprint: str = ""  # keyed (fingerprint.py): names the letter's saved review
    viewed: set[int] = field(default_factory=set)
    exported: bool = False
    error: str = ""
    password: str | None = None  # in memory only, for an encrypted PDF
    saved: Review | None = None  # a saved review offered for restoring
    job: Job | None = None
    done: int = 0
    provisional: dict[int, list] = field(default_factory=dict)  # page -> findings while reading

    @property
    def name(self) -> str:
        return Path(self.path).name

    @property
    def document(self) -> Document | None:
        return self.opened.document if self.opened else None

    def state(self) -> str:
        """not-analysed, analysing, failed, needs-eyes, to-review, reviewed, exported."""
        if self.status in ("waiting", "cancelled"):
            return "not-analysed"
        if self.status in ("reading", "analysing"):
            return "analysing"
        if self.status == "failed" or self.plan is None:
            return "failed"
        if self.plan.pages_needing_eyes():
            return "needs-eyes"
        if self.plan.undecided():
            return "to-review"
        return "exported" if self.exported else "reviewed"


STATE_TEXT = {
    "not-analysed": N_("not analysed"),
    "analysing": N_("analysing"),
    "failed": N_("could not be read"),
    "needs-eyes": N_("needs eyes"),
    "to-review": N_("to review"),
    "reviewed": N_("reviewed"),
    "exported": N_("exported"),
}


def reading_order(r: Redaction) -> tuple[int, float, float]:
    return (r.page, round(r.box.y0 / 20), r.box.x0)


class PlanCommand(QUndoCommand):
    def __init__(
        self, ctl: ReviewController, letter: Letter, new: RedactionPlan, text: str
    ) -> None:
        super().__init__(text)
        assert letter.plan is not None
        self.ctl, self.letter, self.old, self.new = ctl, letter, letter.plan, new

    def redo(self) -> None:
        self.ctl._set_plan(self.letter, self.new)

    def undo(self) -> None:
        self.ctl._set_plan(self.letter, self.old)
