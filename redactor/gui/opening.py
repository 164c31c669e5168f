"""Opening letters: background loading, provisional findings, passwords, restoring a saved
review. A part of ReviewController (a mixin: it uses the controller's signals and state)."""

from __future__ import annotations

import logging
from pathlib import Path

from redactor.core import pipeline
from redactor.core.errors import PasswordRequired, RedactorError
from redactor.core.model import PageText, Stage
from redactor.core.plan import RedactionPlan

from .i18n import tr
from .letter import Letter, LoadStatus
from .loading import (
    LoadResult,
    carry_decisions,
    load_letter,
    provisional_plan,
)

log = logging.getLogger(__name__)


class OpeningMixin:
    # --- opening --------------------------------------------------------------------------
    def open_paths(self, paths: list[str]) -> None:
        known = {str(Path(x.path).resolve()) for x in self.letters}
        added: list[Letter] = []
        for p in paths:
            if str(Path(p).resolve()) in known:
                continue
            letter = Letter(path=str(Path(p)))
            self.letters.append(letter)
            added.append(letter)
            self._start_load(letter)
        self.lettersChanged.emit()
        if added and self.letter is None:
            self.set_letter(added[0])

    def _start_load(self, letter: Letter) -> None:
        letter.status = LoadStatus.READING
        opts = self.options
        store = self.store
        letter.job = self.runner.submit(
            lambda job: load_letter(job, letter.path, opts, self.detector, store, letter.password),
            on_done=lambda res: self._loaded(letter, res),
            on_error=lambda exc: self._load_failed(letter, exc),
            on_report=lambda msg: self._load_report(letter, msg),
            lane="load",
            name="load",
        )

    def cancel_loading(self) -> None:
        for letter in self.letters:
            if letter.job is not None and not letter.job.finished:
                letter.job.cancel.cancel()
                letter.status = LoadStatus.CANCELLED
        self.progress.emit(0, 0)
        self.message.emit(tr("Cancelled."))
        self.lettersChanged.emit()

    def _load_report(self, letter: Letter, msg: tuple) -> None:
        kind = msg[0]
        if kind == "first":
            letter.page_count = msg[1]
            self._images[(id(letter), 0)] = msg[2]
            self.lettersChanged.emit()
            if letter is self.letter:
                self.pageImage.emit(letter, 0, msg[2])
                self.currentChanged.emit()
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
                self.lettersChanged.emit()
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
            self._prov_pending.add(letter)
            if not self._prov_timer.isActive():  # at most two rebuilds a second
                self._prov_timer.start()
        elif kind == "note":
            self.message.emit(msg[1])

    def _loaded(self, letter: Letter, res: LoadResult) -> None:
        letter.opened, letter.source, letter.fingerprint = res.opened, res.source, res.fingerprint
        if letter.plan is not None:  # the provisional plan: keep what the editor decided
            new = carry_decisions(letter.plan, res.plan)
            self.undo.clear()
            self._remap_current(letter, letter.plan, new)
            letter.plan = new
        else:
            letter.plan = res.plan
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
        if res.saved is not None and res.saved.has_decisions():
            try:
                pipeline.check_plan_fits(res.opened.document, res.saved.plan, res.fingerprint)
                letter.saved = res.saved
            except RedactorError:
                letter.saved = None
        self.planChanged.emit(letter)
        self.lettersChanged.emit()
        if letter.saved is not None:
            self.restoreOffered.emit(letter)
        else:
            self._mark_dirty(letter)
        self._start_thumbnails(letter)
        if letter is self.letter:
            self.current_id = None
            self.set_page(self.page)

    def _show_provisional(self) -> None:
        pending, self._prov_pending = self._prov_pending, set()
        for letter in pending:
            if not letter.loading or not letter.provisional:
                continue
            found = [f for fs in letter.provisional.values() for f in fs]
            plan = provisional_plan(
                letter.path, letter.page_count, letter.pages_read, found, self.options
            )
            if letter.plan is not None:
                plan = carry_decisions(letter.plan, plan)
                self.undo.clear()  # the commands refer to the replaced plan
                self._remap_current(letter, letter.plan, plan)
            letter.plan = plan
            self.planChanged.emit(letter)
            if letter is self.letter:
                self.currentChanged.emit()

    def _remap_current(self, letter: Letter, old: RedactionPlan, new: RedactionPlan) -> None:
        """Keep the current finding current when the plan is rebuilt (ids change)."""
        if letter is not self.letter or self.current_id is None:
            return
        try:
            cur = old.get(self.current_id)
        except KeyError:
            self.current_id = None
            return
        same = [
            r.id
            for r in new.redactions
            if r.page == cur.page
            and (r.word_indexes == cur.word_indexes if cur.word_indexes else r.box == cur.box)
        ]
        self.current_id = same[0] if same else None

    def retry_with_password(self, letter: Letter, password: str) -> None:
        letter.password = password
        letter.error = ""
        self._start_load(letter)
        self.lettersChanged.emit()

    def _load_failed(self, letter: Letter, exc: BaseException) -> None:
        if isinstance(exc, PasswordRequired):
            letter.status = LoadStatus.FAILED
            letter.error = str(exc)
            self.progress.emit(0, 0)
            self.lettersChanged.emit()
            self.passwordNeeded.emit(letter, str(exc))
            return
        letter.status = LoadStatus.FAILED
        letter.error = (
            str(exc)
            if isinstance(exc, RedactorError)
            else tr("Unexpected error while reading: %1").replace("%1", type(exc).__name__)
        )
        self.progress.emit(0, 0)
        self.lettersChanged.emit()
        self.failed.emit(f"{letter.name}: {letter.error}")

    # --- restore ------------------------------------------------------------------------
    def restore(self, letter: Letter) -> None:
        saved = letter.saved
        if saved is None or letter.plan is None:
            return
        letter.saved = None
        self.undo.clear()
        letter.viewed = set(saved.viewed_pages)
        letter.exported = saved.exported
        self._set_plan(letter, saved.plan)
        self.message.emit(tr("The saved review was restored."))

    def discard_saved(self, letter: Letter) -> None:
        letter.saved = None
        self._mark_dirty(letter)
