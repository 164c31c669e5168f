"""The open letters: the current letter/page/finding, every edit of a letter's review (each
letter's LetterReview, core/review.py, edited through undoable commands in one History), the
loading jobs' results (opening.py LetterLoader), page images and autosave. No widgets here."""

from __future__ import annotations

import logging
import math
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QImage

from redactor.core import pipeline
from redactor.core import plan as plan_ops
from redactor.core import search as search_ops
from redactor.core.detect_lane import DetectLane
from redactor.core.errors import InputError, RedactorError
from redactor.core.model import Box, Document, FindingSource, ReviewState
from redactor.core.plan import Redaction, RedactionPlan
from redactor.core.project import Review, ReviewStore
from redactor.core.review import Change, History, PlanEdit
from redactor.core.session import OpenLetter, SessionFile, leftovers

from .i18n import tr, trf
from .letter import Letter, reading_order
from .loading import LoadOptions, LoadResult, carry_decisions, render, render_pil, to_qimage
from .opening import LetterLoader
from .tasks import Job, TaskRunner

__all__ = ["Letter", "LetterHits", "ReviewController"]

log = logging.getLogger(__name__)

SHARP_MAX_DPI = 600  # the sharp render of a zoomed page: at most this resolution
SHARP_MAX_PIXELS = 24_000_000  # and at most this many pixels (~96 MB as a 32-bit image)


@dataclass(frozen=True)
class LetterHits:
    """A search's hits in one letter, and the document they refer to (a letter read again
    since has other words)."""

    letter: Letter
    document: Document
    hits: list[search_ops.Hit]


class ReviewController(QObject):
    lettersChanged = Signal()  # a letter was added or its state changed
    planChanged = Signal(object)  # Letter
    pageRead = Signal(object, int)  # Letter, page index
    currentChanged = Signal()
    pageImage = Signal(object, int, QImage)  # Letter, page, full-size image
    sharpImage = Signal(object, int, QImage)  # Letter, page, the page at a zoom's resolution
    thumbnail = Signal(object, int, QImage)
    message = Signal(str)
    progress = Signal(int, int)  # done, total; (0, 0) when idle
    restoreOffered = Signal(object)  # Letter
    failed = Signal(str)
    passwordNeeded = Signal(object, str)  # Letter, why

    def __init__(
        self,
        runner: TaskRunner | None = None,
        store: ReviewStore | None = None,
        options: LoadOptions | None = None,
        autosave_ms: int = 300,
        parent: QObject | None = None,
        session: SessionFile | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner or TaskRunner(parent=self)
        self.store = store or ReviewStore()
        self.session = session or SessionFile()  # the open letters, for crash recovery only
        self.carried: list[OpenLetter] = []  # a crashed session's letters, until answered
        self._auto_restore: set[int] = set()  # letters reopened by recovery: restore on load
        self._closed = False
        self.options = options or LoadOptions()
        self.detector = DetectLane(self.options.profile, self.options.threshold, self.options.allow)
        self.undo = History()  # one history over every letter: a search is undone in one step
        self._search_job: Job | None = None
        self.letters: list[Letter] = []
        self.letter: Letter | None = None
        self.page = 0
        self.current_id: str | None = None
        self._images: OrderedDict[tuple[int, int], QImage] = OrderedDict()
        # the one sharp render kept: (letter id, page, dpi) and its image
        self._sharp: tuple[tuple[int, int, int], QImage] | None = None
        self._sharp_job: Job | None = None
        self._thumbs: dict[tuple[int, int], QImage] = {}
        self._dirty: set[int] = set()
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(autosave_ms)
        self._autosave.timeout.connect(self.save_all)
        self.loader = LetterLoader(self.runner, self.store, self.options, self.detector, self)
        self.loader.statusChanged.connect(lambda _letter: self.lettersChanged.emit())
        self.loader.firstPage.connect(self._first_page)
        self.loader.pageRead.connect(self.pageRead)
        self.loader.provisional.connect(self._provisional)
        self.loader.loaded.connect(self._loaded)
        self.loader.passwordNeeded.connect(self.passwordNeeded)
        self.loader.failed.connect(lambda _letter, text: self.failed.emit(text))
        self.loader.message.connect(self.message)
        self.loader.progress.connect(self.progress)

    def set_options(self, options: LoadOptions) -> None:
        """New settings: they apply to letters opened from now on."""
        old = self.options
        self.options = options
        if (old.profile, old.threshold, old.allow) != (
            options.profile,
            options.threshold,
            options.allow,
        ):
            self.detector.shutdown()
            self.detector = DetectLane(options.profile, options.threshold, options.allow)
        self.loader.options, self.loader.detector = options, self.detector

    # --- detector -------------------------------------------------------------------------
    def preload_detector(self) -> None:
        det = self.detector
        self.runner.submit(lambda job: det.preload(), lane="detector", name="detector")

    # --- opening (the loading jobs: opening.py) ------------------------------------------
    def open_paths(self, paths: list[str], restore_saved: bool = False) -> None:
        """Open letters; with `restore_saved` (crash recovery) each one's saved review is taken
        back as soon as it is read."""
        known = {str(Path(x.path).resolve()) for x in self.letters}
        added: list[Letter] = []
        for p in paths:
            if str(Path(p).resolve()) in known:
                continue
            letter = Letter(path=str(Path(p)))
            letter.review.subscribe(partial(self._review_changed, letter))
            self.letters.append(letter)
            added.append(letter)
            if restore_saved:
                self._auto_restore.add(id(letter))
            self.loader.start(letter)
        if added:
            self._record_session()
        self.lettersChanged.emit()
        # the letter just opened is shown (or, when every path was open already, the first)
        shown = added[0] if added else self._open_letter(paths[0]) if paths else None
        if shown is not None:
            self.set_letter(shown)

    def _open_letter(self, path: str) -> Letter | None:
        want = str(Path(path).resolve())
        return next((x for x in self.letters if str(Path(x.path).resolve()) == want), None)

    def cancel_loading(self) -> None:
        self.loader.cancel(self.letters)
        self.lettersChanged.emit()

    def retry_with_password(self, letter: Letter, password: str) -> None:
        letter.password = password
        letter.error = ""
        self.loader.start(letter)
        self.lettersChanged.emit()

    def _first_page(self, letter: Letter, image: QImage) -> None:
        self._images[(id(letter), 0)] = image
        self.lettersChanged.emit()
        if letter is self.letter:
            self.pageImage.emit(letter, 0, image)
            self.currentChanged.emit()

    def _provisional(self, letter: Letter, plan: RedactionPlan) -> None:
        """The findings of the pages read so far, while the rest is read."""
        if letter.plan is not None:  # keep what the editor decided
            plan = carry_decisions(letter.plan, plan)
        letter.review.rebuild(plan)
        if letter is self.letter:
            self.currentChanged.emit()

    def _loaded(self, letter: Letter, res: LoadResult) -> None:
        saved = None
        if res.saved is not None and res.saved.has_decisions():
            try:
                pipeline.check_plan_fits(res.opened.document, res.saved.plan, res.fingerprint)
                saved = res.saved
            except RedactorError:
                saved = None
        letter.review.offer(saved)  # before the plan: nothing is saved over it meanwhile
        plan = res.plan
        if letter.plan is not None:  # the provisional plan: keep what the editor decided
            plan = carry_decisions(letter.plan, plan)
        letter.review.rebuild(plan)
        self._record_session()  # now with the letter's fingerprint
        self.lettersChanged.emit()
        if id(letter) in self._auto_restore:  # reopened by crash recovery: restore at once
            self._auto_restore.discard(id(letter))
            if saved is not None and letter.review.restore():
                self.message.emit(
                    tr("The saved review of %1 was restored.").replace("%1", letter.name)
                )
        elif saved is not None:
            self.restoreOffered.emit(letter)
        self._start_thumbnails(letter)
        if letter is self.letter:
            self.current_id = None
            self.set_page(self.page)

    def restore(self, letter: Letter) -> None:
        """Take back the saved review on offer (after the app was killed mid-review)."""
        if letter.review.restore():
            self.message.emit(tr("The saved review was restored."))

    def discard_saved(self, letter: Letter) -> None:
        letter.review.drop_offer()

    # --- pages and images -------------------------------------------------------------------
    def set_letter(self, letter: Letter) -> None:
        if letter is self.letter:
            return
        self.letter = letter
        self.current_id = None
        self.page = 0
        self.set_page(0)

    def set_page(self, page: int) -> None:
        letter = self.letter
        if letter is None:
            return
        self.page = max(0, min(page, max(letter.page_count - 1, 0)))
        letter.review.mark_viewed(self.page)
        self.currentChanged.emit()
        self.request_image(letter, self.page)

    def image(self, letter: Letter, page: int) -> QImage | None:
        return self._images.get((id(letter), page))

    def request_image(self, letter: Letter, page: int) -> None:
        key = (id(letter), page)
        if self._sharp is not None and self._sharp[0][:2] != key:
            self.drop_sharp()  # another page: its sharp render is of no more use
        if key in self._images:
            self._images.move_to_end(key)
            self.pageImage.emit(letter, page, self._images[key])
            return
        if letter.source is None:
            return
        src, dpi = letter.source, self.options.dpi

        def done(img: QImage) -> None:
            self._images[key] = img
            while len(self._images) > 6:
                self._images.popitem(last=False)
            self.pageImage.emit(letter, page, img)

        self.runner.submit(
            lambda job: render(src, page, dpi),
            on_done=done,
            on_error=lambda e: self.failed.emit(str(e)),
            lane="render",
        )

    def working_dpi(self, letter: Letter, page: int) -> int:
        """The resolution of the page's scene (its boxes' pixels)."""
        pt = letter.pages_read.get(page)
        if pt is not None and pt.dpi > 0:
            return pt.dpi
        return letter.opened.options.dpi if letter.opened is not None else self.options.dpi

    def sharp_dpi(self, letter: Letter, page: int, scale: float, size: tuple[int, int]) -> int:
        """The dpi that gives `scale` image pixels per scene pixel, in steps of 50, at most
        SHARP_MAX_DPI and SHARP_MAX_PIXELS for a page of `size` scene pixels; 0 when that is
        no more than the working dpi (nothing sharper to render)."""
        base = self.working_dpi(letter, page)
        w, h = size
        cap = float(SHARP_MAX_DPI)
        if w > 0 and h > 0:
            cap = min(cap, base * (SHARP_MAX_PIXELS / (w * h)) ** 0.5)
        dpi = min(math.ceil(base * scale / 50) * 50, int(cap))
        return dpi if dpi > base * 1.05 else 0

    def request_sharp(self, letter: Letter, page: int, dpi: int) -> None:
        """Render the page again at `dpi` (above the working dpi) in a lane of its own; the
        newest request wins (an older one still queued is skipped, a running one's image is
        dropped). Only the last sharp render is kept."""
        if self._sharp_job is not None:
            self._sharp_job.cancel.cancel()
            self._sharp_job = None
        src = letter.source
        if src is None or dpi <= 0:
            return
        key = (id(letter), page, dpi)
        if self._sharp is not None and self._sharp[0] == key:
            self.sharpImage.emit(letter, page, self._sharp[1])
            return
        self._sharp = None  # the view keeps what it shows; at most one more comes

        def work(job: Job) -> QImage:
            job.cancel.check()
            image = render_pil(src, page, dpi, read_ahead=False)
            job.cancel.check()
            return to_qimage(image)

        def done(img: QImage) -> None:
            self._sharp_job = None
            self._sharp = (key, img)
            self.sharpImage.emit(letter, page, img)

        self._sharp_job = self.runner.submit(
            work,
            on_done=done,
            on_error=lambda e: log.warning("a sharp render failed (%s)", type(e).__name__),
            lane="sharp",
        )

    def drop_sharp(self) -> None:
        """Forget the sharp render (and any on its way): the page is shown at the working dpi."""
        if self._sharp_job is not None:
            self._sharp_job.cancel.cancel()
            self._sharp_job = None
        self._sharp = None

    def _start_thumbnails(self, letter: Letter) -> None:
        src = letter.source
        if src is None:
            return
        count = letter.page_count

        def work(job: Job) -> None:
            for i in range(count):
                job.cancel.check()
                job.report((i, render(src, i, 18)))

        def got(msg: tuple[int, QImage]) -> None:
            self._thumbs[(id(letter), msg[0])] = msg[1]
            self.thumbnail.emit(letter, msg[0], msg[1])

        self.runner.submit(work, on_report=got, lane="thumbs")

    def thumb(self, letter: Letter, page: int) -> QImage | None:
        return self._thumbs.get((id(letter), page))

    # --- plan changes -------------------------------------------------------------------
    def _review_changed(self, letter: Letter, change: Change, old: RedactionPlan | None) -> None:
        """Every change of a letter's review comes here (its listener)."""
        plan = letter.plan
        if change in (Change.REBUILT, Change.RESTORED):
            self.undo.forget(letter.review)  # its edits refer to the replaced plan
        if change == Change.REBUILT and old is not None and plan is not None:
            self._remap_current(letter, old, plan)
        elif change in (Change.EDITED, Change.RESTORED) and plan is not None:
            if self.current_id is not None and letter is self.letter:
                if self.current_id not in {r.id for r in plan.redactions}:
                    self.current_id = None
        self._mark_dirty(letter)
        if change in (Change.EDITED, Change.RESTORED, Change.REBUILT):
            self.planChanged.emit(letter)
        if change in (Change.EDITED, Change.RESTORED, Change.EXPORTED):
            self.lettersChanged.emit()

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

    def change(self, new: RedactionPlan, text: str, letter: Letter | None = None) -> None:
        letter = letter or self.letter
        if letter is None or letter.plan is None or new == letter.plan:
            return
        self.undo.push(PlanEdit(letter.review, new, text))

    def current(self) -> Redaction | None:
        if self.letter is None or self.letter.plan is None or self.current_id is None:
            return None
        try:
            return self.letter.plan.get(self.current_id)
        except KeyError:
            return None

    def ordered(self) -> list[Redaction]:
        if self.letter is None or self.letter.plan is None:
            return []
        return sorted(self.letter.plan.redactions, key=reading_order)

    def select(self, rid: str | None) -> None:
        self.current_id = rid
        r = self.current()
        if r is not None and r.page != self.page:
            self.set_page(r.page)
        else:
            self.currentChanged.emit()

    def step(self, delta: int, undecided_only: bool = False) -> None:
        items = self.ordered()
        if undecided_only:
            cur = self.current()
            items = [
                r for r in items if r.state == ReviewState.PROPOSED or (cur and r.id == cur.id)
            ]
        if not items:
            self.message.emit(tr("No findings."))
            return
        ids = [r.id for r in items]
        if self.current_id in ids:
            i = ids.index(self.current_id) + delta
        else:
            on_page = [k for k, r in enumerate(items) if r.page >= self.page]
            i = on_page[0] if on_page and delta > 0 else (len(items) - 1 if delta < 0 else 0)
        i = max(0, min(i, len(items) - 1))
        self.select(ids[i])

    def _decide(self, ids: list[str], state: ReviewState, text: str) -> None:
        letter = self.letter
        if letter is None or letter.plan is None or not ids:
            return
        self.change(plan_ops.set_state(letter.plan, ids, state), text)

    def decide_current(self, state: ReviewState, advance: bool = True) -> None:
        r = self.current()
        if r is None:
            self.step(1)
            r = self.current()
            if r is None:
                return
        self._decide([r.id], state, tr("Accept") if state == ReviewState.ACCEPTED else tr("Reject"))
        if advance:
            self._advance_after(r.id)

    def decide_term(self, state: ReviewState) -> None:
        r = self.current()
        if r is None or self.letter is None or self.letter.plan is None:
            return
        ids = plan_ops.group_ids(self.letter.plan, r.group) or [r.id]
        self._decide(
            ids, state, tr("Accept term") if state == ReviewState.ACCEPTED else tr("Reject term")
        )
        self._advance_after(r.id)

    def decide_ids(self, ids: list[str], state: ReviewState) -> None:
        self._decide(ids, state, tr("Accept") if state == ReviewState.ACCEPTED else tr("Reject"))

    def decide_label(self, label: str, state: ReviewState) -> None:
        if self.letter is None or self.letter.plan is None:
            return
        ids = [r.id for r in self.letter.plan.redactions if r.label == label]
        self._decide(
            ids, state, tr("Accept label") if state == ReviewState.ACCEPTED else tr("Reject label")
        )

    def _advance_after(self, rid: str) -> None:
        """Go to the next undecided finding after `rid` in reading order (wrapping)."""
        items = self.ordered()
        ids = [r.id for r in items]
        if rid not in ids:
            return
        k = ids.index(rid)
        rest = items[k + 1 :] + items[:k]
        nxt = next((r for r in rest if r.state == ReviewState.PROPOSED), None)
        if nxt is not None:
            self.select(nxt.id)
        else:
            self.currentChanged.emit()
            self.message.emit(tr("Every finding of this letter is decided."))

    def add_box(self, page: int, box: Box) -> str | None:
        letter = self.letter
        if letter is None or letter.plan is None:
            return None
        new, rid = plan_ops.add_box(letter.plan, page, box)
        self.change(new, tr("Draw box"))
        self.current_id = rid
        self.currentChanged.emit()
        return rid

    def move_box(self, rid: str, box: Box) -> None:
        if self.letter is not None and self.letter.plan is not None:
            self.change(plan_ops.move_box(self.letter.plan, rid, box), tr("Move box"))

    def delete_current(self) -> None:
        r = self.current()
        if r is None or self.letter is None or self.letter.plan is None:
            return
        if r.source == FindingSource.MANUAL:
            self.change(plan_ops.remove(self.letter.plan, [r.id]), tr("Delete box"))
        else:  # a finding is never deleted, only rejected (it stays visible as rejected)
            self._decide([r.id], ReviewState.REJECTED, tr("Reject"))

    def confirm_eyes(self, page: int | None = None) -> None:
        letter = self.letter
        if letter is None or letter.plan is None:
            return
        page = self.page if page is None else page
        self.change(plan_ops.confirm_eyes(letter.plan, page), tr("Confirm page"))

    def next_eyes_page(self) -> None:
        letter = self.letter
        if letter is None or letter.plan is None:
            return
        pages = letter.plan.pages_needing_eyes()
        unviewed = [p for p in range(letter.page_count) if p not in letter.viewed]
        todo = sorted(set(pages) | set(unviewed))
        if not todo:
            self.message.emit(tr("No page left that needs eyes."))
            return
        after = [p for p in todo if p > self.page]
        self.current_id = None
        self.set_page(after[0] if after else todo[0])

    # --- search and redact (search_dialog.py) ----------------------------------------------
    def search(
        self,
        terms: list[str],
        all_letters: bool,
        on_done: Callable[[list[LetterHits]], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Job | None:
        """Find the terms' hits (core/search.py, nothing changed) in the current letter or every
        open one, on a lane of its own (which waits for the detect lane's process, where the
        search runs); `on_done` gets them per letter on the UI thread. A
        search still running is cancelled. None when no letter is ready to search."""
        self.cancel_search()
        targets = self.letters if all_letters else [self.letter] if self.letter else []
        # what the worker reads: frozen snapshots taken here, on the UI thread
        work = [
            (x, x.document, x.plan)
            for x in targets
            if x.plan is not None and x.document is not None and not x.loading
        ]
        if not work:
            return None

        det = self.detector

        def run(job: Job) -> list[LetterHits]:
            out = []
            for letter, document, plan in work:
                job.cancel.check()
                # in the detect lane's process: its first use imports the detection stack,
                # which would hold this process's interpreter lock (a frozen window)
                packed = search_ops.pack(document, plan)
                hits = det.call(search_ops.find_hits_packed, packed, terms)
                out.append(LetterHits(letter, document, hits))
            job.cancel.check()
            return out

        self._search_job = self.runner.submit(
            run, on_done=on_done, on_error=on_error, lane="search", name="search"
        )
        return self._search_job

    def cancel_search(self) -> None:
        if self._search_job is not None:
            self._search_job.cancel.cancel()
            self._search_job = None

    def hide_hits(self, chosen: list[LetterHits]) -> int:
        """Hide the chosen hits (search.apply_hits) as one undo step over every letter; a
        letter read again since the search is skipped. Returns how many places were hidden."""
        done = 0
        self.undo.begin_macro(tr("Search and redact"))
        try:
            for item in chosen:
                letter = item.letter
                if letter.plan is None or letter.document is not item.document or not item.hits:
                    continue
                new, n = search_ops.apply_hits(letter.plan, item.document, item.hits)
                if n:
                    done += n
                    self.change(new, tr("Search and redact"), letter)
        finally:
            self.undo.end_macro()
        return done

    def add_terms(self, terms: list[str], all_letters: bool = True) -> int:
        """Search and redact in one go, on this thread (scripts and benchmarks; the dialog
        lists the hits first): every new place of the terms hidden, rejected findings left
        as they are. Returns how many places were hidden."""
        targets = self.letters if all_letters else [self.letter] if self.letter else []
        chosen = []
        for x in targets:
            if x.plan is not None and x.document is not None:
                hits = search_ops.find_hits(x.document, x.plan, terms)
                new = [h for h in hits if h.status == search_ops.HitStatus.NEW]
                chosen.append(LetterHits(x, x.document, new))
        return self.hide_hits(chosen)

    # --- context menus and page-level decisions ----------------------------------------------
    def occurrence_ids(self, rid: str) -> list[str]:
        """The redactions of `rid`'s term (its group): every occurrence in the letter."""
        letter = self.letter
        if letter is None or letter.plan is None:
            return []
        try:
            r = letter.plan.get(rid)
        except KeyError:
            return []
        return plan_ops.group_ids(letter.plan, r.group) or [rid]

    def relabel(self, ids: list[str], label: str) -> None:
        """Change the label of the redactions `ids` (one undo step)."""
        letter = self.letter
        if letter is None or letter.plan is None or not ids:
            return
        self.change(plan_ops.relabel(letter.plan, ids, label), tr("Change label"))

    def delete_ids(self, ids: list[str]) -> None:
        """Delete the manual boxes among `ids`; a finding is rejected, never deleted."""
        letter = self.letter
        if letter is None or letter.plan is None or not ids:
            return
        reds = [r for r in letter.plan.redactions if r.id in set(ids)]
        manual = [r.id for r in reds if r.source == FindingSource.MANUAL]
        others = [r.id for r in reds if r.source != FindingSource.MANUAL]
        new = plan_ops.set_state(plan_ops.remove(letter.plan, manual), others, "rejected")
        self.change(new, tr("Delete box") if manual else tr("Reject"))

    def decide_page(self, state: ReviewState, page: int | None = None) -> int:
        """Every undecided finding of the page (the current one) set to `state`, one undo
        step. Returns how many were decided."""
        letter = self.letter
        if letter is None or letter.plan is None:
            return 0
        page = self.page if page is None else page
        n = sum(r.page == page and r.state == ReviewState.PROPOSED for r in letter.plan.redactions)
        text = (
            tr("Accept all on this page")
            if state == ReviewState.ACCEPTED
            else tr("Reject all on this page")
        )
        self.change(plan_ops.decide_page(letter.plan, page, state), text)
        self.message.emit(trf("%1 findings on page %2 decided.", n, page + 1))
        return n

    def mark_page_reviewed(self, page: int | None = None) -> None:
        """The page is reviewed: its undecided findings accepted (hidden) and, if it needs
        eyes, confirmed looked at; one undo step. Decisions already taken are kept."""
        letter = self.letter
        if letter is None or letter.plan is None:
            return
        page = self.page if page is None else page
        letter.review.mark_viewed(page)
        new = plan_ops.decide_page(letter.plan, page, ReviewState.ACCEPTED, confirm=True)
        self.change(new, tr("Mark this page reviewed"))
        self.message.emit(trf("Page %1 is reviewed.", page + 1))

    # --- export support -----------------------------------------------------------------------

    def mark_exported(self, letter: Letter) -> None:
        letter.review.mark_exported()

    # --- autosave -----------------------------------------------------------------------------
    def _mark_dirty(self, letter: Letter) -> None:
        if self._closed or letter.plan is None or not letter.fingerprint:
            return
        self._dirty.add(id(letter))
        self._autosave.start()

    def review_of(self, letter: Letter, clean_exit: bool = False) -> Review | None:
        return letter.review.to_saved(letter.fingerprint, clean_exit)

    def save_all(self, clean_exit: bool = False) -> bool:
        """Save the changed reviews in the background; with `clean_exit` (closing) every review
        now, on this thread, marked as closed properly. False if a closing save failed."""
        if self._closed and not clean_exit:
            return True
        ok = True
        for letter in self.letters:
            if id(letter) not in self._dirty and not clean_exit:
                continue
            if letter.saved is not None:  # a restore is still on offer: keep the old review,
                if clean_exit:  # but it was closed properly now
                    ok = self._save_now(replace(letter.saved, clean_exit=True)) and ok
                continue
            review = self.review_of(letter, clean_exit)
            if review is None:
                continue
            self._dirty.discard(id(letter))
            if clean_exit:
                ok = self._save_now(review) and ok
                continue
            self.runner.submit(
                partial(_save, self.store, review),
                on_error=partial(self._save_failed, letter),
                lane="save",
            )
        return ok

    def _save_now(self, review: Review) -> bool:
        try:
            self.store.save(review)
        except OSError as exc:
            log.warning("could not save a review: %s", exc.strerror or type(exc).__name__)
            return False
        return True

    def _save_failed(self, letter: Letter, exc: BaseException) -> None:
        self._dirty.add(id(letter))
        self.failed.emit(tr("Could not save the review: %1").replace("%1", str(exc)))

    def shutdown(self) -> None:
        """A clean quit: every review saved as closed properly, then the session record
        deleted (kept when a save failed, or while a crash's letters were not taken back)."""
        if self._closed:
            return
        self._closed = True  # from now on no autosave can overwrite the closing save
        self._autosave.stop()
        self.runner.cancel_all()
        self.detector.shutdown()
        self.runner.wait(10000, lanes=("save",))  # a background save in flight finishes first
        saved = self.save_all(clean_exit=True)
        # a crash's letters not taken back yet: the offer was not answered, or they were
        # reopened but not read by now (their saved reviews were not restored)
        unanswered = list(self.carried)
        have = {x.path for x in unanswered}
        for x in self.letters:
            path = str(Path(x.path).absolute())
            if id(x) in self._auto_restore and path not in have:
                unanswered.append(OpenLetter(path))
        if not saved:
            log.warning("a review could not be saved: the session record is kept")
            self.session.release()
        elif unanswered:  # keep only that question for the next start
            self._write_session(unanswered)
            self.session.release()
        else:
            self.session.delete()

    # --- the session record (core/session.py): crash recovery only ---------------------------
    def open_letters(self) -> list[OpenLetter]:
        out = [OpenLetter(str(Path(x.path).absolute()), x.fingerprint) for x in self.letters]
        have = {x.path for x in out}
        return out + [x for x in self.carried if x.path not in have]

    def _record_session(self) -> None:
        if not self._closed:
            self._write_session(self.open_letters())

    def _write_session(self, letters: list[OpenLetter]) -> bool:
        try:
            self.session.write(letters)
        except (OSError, RedactorError) as exc:
            text = exc.strerror if isinstance(exc, OSError) else str(exc)
            log.warning("could not write the session record: %s", text or type(exc).__name__)
            return False
        return True

    def take_leftover_session(self) -> list[OpenLetter]:
        """The letters that apps which died had open (their records left behind; not the records
        of apps still running). They move into this app's record until `recover` or
        `forget_recovery`. A damaged record is ignored with a warning, and removed."""
        letters: list[OpenLetter] = []
        claimed = leftovers(self.session.folder)
        damaged = False
        for rec in claimed:
            try:
                got = rec.read() or []
            except InputError as exc:
                log.warning("ignoring a session record left behind: %s", exc)
                damaged = True
                continue
            have = {x.path for x in letters}
            letters += [x for x in got if x.path not in have]
        self.carried = letters
        if not letters or self._write_session(self.open_letters()):
            for rec in claimed:  # their letters are safe in this app's record now
                rec.delete()
        if damaged:
            self.message.emit(
                tr("The list of letters open before the app stopped could not be read.")
            )
        return list(letters)

    def recover(self, letters: list[OpenLetter]) -> None:
        """Reopen a crashed session's letters, each with its saved review restored on load."""
        self.carried = []
        known = {str(Path(x.path).absolute()) for x in self.letters}
        paths = [x.path for x in letters if x.path not in known and Path(x.path).is_file()]
        self.open_paths(paths, restore_saved=True)
        self._record_session()

    def forget_recovery(self, letters: list[OpenLetter]) -> None:
        """Start again: the crashed session's saved reviews are discarded, its record too."""
        open_fps = {x.fingerprint for x in self.letters if x.fingerprint}
        for x in letters:
            if x.fingerprint and x.fingerprint not in open_fps:
                try:
                    self.store.discard(x.fingerprint)
                except (OSError, ValueError) as exc:
                    log.warning("could not discard a saved review: %s", type(exc).__name__)
        self.carried = []
        self._record_session()


def _save(store: ReviewStore, review: Review, job: Job) -> None:
    store.save(review)
