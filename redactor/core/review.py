"""The review of a letter as the editor makes it, and the undo history of the edits.

`LetterReview` holds one letter's review state: the plan (each finding's decision, the manual
boxes, the pages confirmed by eye), the pages the editor has seen, whether a safe copy was
exported, and a saved review on offer for restoring. It knows nothing of loading, rendering or
saving: every change goes through its methods and is told to its listeners, which is how the app
redraws and autosaves.

`with_terms` hides a term's new occurrences in a plan in one go (`search.py` lists them first,
for the app's "search and redact").

`History` is a plain undo stack of commands (`PlanEdit` and macros of them). One history can span
several letters' reviews (a search redacts a term in every open letter and is undone in one step).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from . import plan as plan_ops
from . import search
from .model import Document
from .plan import RedactionPlan
from .project import Review


class Change(StrEnum):
    """What changed in a review (told to its listeners)."""

    EDITED = "edited"  # an edit of the plan, its undo or its redo
    REBUILT = "rebuilt"  # a new analysis replaced the plan (decisions carried over by the caller)
    RESTORED = "restored"  # the saved review on offer was taken back
    VIEWED = "viewed"  # a page was seen for the first time
    EXPORTED = "exported"
    OFFER_DROPPED = "offer-dropped"  # the editor declined the saved review


Listener = Callable[[Change, "RedactionPlan | None"], None]


class LetterReview:
    """One letter's review. Listeners get `(change, previous plan)` after every change."""

    def __init__(self) -> None:
        self.plan: RedactionPlan | None = None
        self.viewed: set[int] = set()
        self.exported = False
        self.offered: Review | None = None  # a saved review offered for restoring
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _tell(self, change: Change, old: RedactionPlan | None) -> None:
        for listener in list(self._listeners):
            listener(change, old)

    # --- the plan ------------------------------------------------------------------------
    def set_plan(self, plan: RedactionPlan) -> None:
        """An edit (decisions, boxes, pages confirmed). Undoable through `PlanEdit`."""
        old, self.plan = self.plan, plan
        self._tell(Change.EDITED, old)

    def rebuild(self, plan: RedactionPlan) -> None:
        """A new analysis of the letter: not undoable (the edits referred to the old plan)."""
        old, self.plan = self.plan, plan
        self._tell(Change.REBUILT, old)

    # --- pages seen, export --------------------------------------------------------------
    def mark_viewed(self, page: int) -> bool:
        """Note that the editor saw `page` (only once there is a plan); True if it is new."""
        if self.plan is None or page in self.viewed:
            return False
        self.viewed.add(page)
        self._tell(Change.VIEWED, self.plan)
        return True

    def mark_exported(self) -> None:
        self.exported = True
        self._tell(Change.EXPORTED, self.plan)

    # --- a saved review on offer ---------------------------------------------------------
    def offer(self, saved: Review | None) -> None:
        """Offer `saved` for restoring (None: nothing on offer). Told on restore or drop."""
        self.offered = saved

    def restore(self) -> bool:
        """Take the review on offer back: its plan, pages seen and export mark."""
        saved = self.offered
        if saved is None or self.plan is None:
            return False
        self.offered = None
        old = self.plan
        self.viewed = set(saved.viewed_pages)
        self.exported = saved.exported
        self.plan = plan_ops.carry_reasons(saved.plan, old)  # a file keeps no reasons
        self._tell(Change.RESTORED, old)
        return True

    def drop_offer(self) -> None:
        self.offered = None
        self._tell(Change.OFFER_DROPPED, self.plan)

    def to_saved(self, fingerprint: str, clean_exit: bool = False) -> Review | None:
        """The review to save under `fingerprint`; None when there is nothing to save yet."""
        if self.plan is None or not fingerprint:
            return None
        return Review(
            fingerprint=fingerprint,
            plan=self.plan,
            viewed_pages=tuple(sorted(self.viewed)),
            saved_at=time.time(),
            clean_exit=clean_exit,
            exported=self.exported,
        )


# --- search and redact ---------------------------------------------------------------------
def with_terms(
    plan: RedactionPlan, document: Document, terms: list[str]
) -> tuple[RedactionPlan, int]:
    """`plan` with every new occurrence of `terms` (and their other forms) in `document` hidden
    as accepted term findings, and how many places that took. Places already hidden, and those
    touching a finding the editor rejected, are left as they are (the app lists every hit first:
    `search.find_hits`, `search.apply_hits`)."""
    hits = search.find_hits(document, plan, terms)
    return search.apply_hits(plan, document, [h for h in hits if h.status == search.HitStatus.NEW])


# --- undo ---------------------------------------------------------------------------------
class Command(Protocol):
    text: str

    def redo(self) -> None: ...

    def undo(self) -> None: ...


class PlanEdit:
    """One edit of a review's plan: redo sets the new plan, undo the one it replaced."""

    def __init__(self, review: LetterReview, new: RedactionPlan, text: str) -> None:
        if review.plan is None:
            raise ValueError("no plan to edit")
        self.review, self.old, self.new, self.text = review, review.plan, new, text

    def redo(self) -> None:
        self.review.set_plan(self.new)

    def undo(self) -> None:
        self.review.set_plan(self.old)


@dataclass
class Macro:
    """Commands done and undone as one step (undone in reverse order)."""

    text: str
    commands: list[Command] = field(default_factory=list)

    def redo(self) -> None:
        for c in self.commands:
            c.redo()

    def undo(self) -> None:
        for c in reversed(self.commands):
            c.undo()


def _without(commands: list[Command], review: LetterReview) -> list[Command]:
    out: list[Command] = []
    for c in commands:
        if isinstance(c, Macro):
            kept = _without(c.commands, review)
            if kept:
                out.append(Macro(c.text, kept))
        elif not (isinstance(c, PlanEdit) and c.review is review):
            out.append(c)
    return out


class History:
    """An undo stack: `push` does a command; `undo`/`redo` walk the stack; a macro groups the
    commands pushed between `begin_macro` and `end_macro` into one step (an empty one is
    dropped)."""

    def __init__(self) -> None:
        self._done: list[Command] = []
        self._undone: list[Command] = []
        self._open: list[Macro] = []

    def push(self, command: Command) -> None:
        command.redo()
        if self._open:
            self._open[-1].commands.append(command)
            return
        self._done.append(command)
        self._undone.clear()

    def begin_macro(self, text: str) -> None:
        self._open.append(Macro(text))

    def end_macro(self) -> None:
        macro = self._open.pop()
        if not macro.commands:
            return
        if self._open:
            self._open[-1].commands.append(macro)
        else:
            self._done.append(macro)
            self._undone.clear()

    def undo(self) -> None:
        if self._open or not self._done:
            return
        command = self._done.pop()
        command.undo()
        self._undone.append(command)

    def redo(self) -> None:
        if self._open or not self._undone:
            return
        command = self._undone.pop()
        command.redo()
        self._done.append(command)

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()

    def forget(self, review: LetterReview) -> None:
        """Drop the steps that edit `review` (its plan was replaced by a new analysis or a
        restored review: they would bring back a plan of the other one); the steps of the other
        letters stay."""
        self._done = _without(self._done, review)
        self._undone = _without(self._undone, review)

    def can_undo(self) -> bool:
        return bool(self._done) and not self._open

    def can_redo(self) -> bool:
        return bool(self._undone) and not self._open

    def undo_text(self) -> str:
        return self._done[-1].text if self._done else ""

    def redo_text(self) -> str:
        return self._undone[-1].text if self._undone else ""
