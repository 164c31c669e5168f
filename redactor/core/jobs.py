"""The core's two jobs, each chained once: `analyse` (open -> read words -> find -> plan) and
`export` (the copies -> verify -> the report). The command line and the app call these and
nothing else of the chain; a new step (a check between plan and export, say) is one edit here.

Options are frozen dataclasses declared once (`AnalysisOptions`, `ExportOptions`). Progress
goes to one callback as events (`Step`, `PageRead`, `PageFindings`, `Note`); the app turns them
into Qt signals, the command line into lines on stderr. The detector is wherever the caller
keeps it (`Finder`: in this process for the command line, in the detect lane for the app);
both find through `find`, so the same letter and terms give the same findings everywhere."""

from __future__ import annotations

import copy
import os
from collections.abc import Callable, Collection, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from . import fingerprint as fingerprints
from . import lanes, pipeline
from . import plan as plan_ops
from .errors import LeakPlace, UnreadInk
from .model import (
    HAND_LABELS,
    MARK_LABELS,
    NOTICE_LABELS,
    PROFILES,
    Box,
    Document,
    Finding,
    FindingSource,
    Label,
    PageText,
    Reason,
    ReviewState,
    Stage,
    reasons_of,
)
from .ocr import DEFAULT_LANGS
from .pipeline import CancelToken, OpenedDocument, ReadOptions
from .plan import RedactionPlan
from .sources import DEFAULT_DPI

if TYPE_CHECKING:
    from PIL import Image

# --- options ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class AnalysisOptions:
    """How a letter is read and searched: the same for the command line and the app."""

    profile: str = "strict"  # which labels are identifying (model.PROFILES)
    lang: str = "auto"  # the detector's language: auto (per paragraph), en, ru, kk
    deny: tuple[str, ...] = ()  # terms hidden wherever they are, in every form
    allow: tuple[str, ...] = ()  # terms the detector never hides
    threshold: float = 0.0  # the detector's lowest score (0: every part's finding is kept)
    dpi: int = DEFAULT_DPI  # the working resolution of page rasters
    langs: str = DEFAULT_LANGS  # OCR languages
    password: str | None = None  # of an encrypted PDF (in memory only)
    whole_photo: bool = False  # keep a photo's background (by default cut to the page)
    detect: bool = True  # False: only the deny terms are searched
    spacy_model: str | None = None  # a bigger installed spaCy pipeline (the command line)
    workers: int = 0  # reading processes; 0: one per core
    accept: bool = False  # an automatic run: findings start accepted (the command line)

    def read_options(self) -> ReadOptions:
        return ReadOptions(
            dpi=self.dpi,
            langs=self.langs,
            password=self.password,
            workers=self.workers,
            whole_photo=self.whole_photo,
        )


@dataclass(frozen=True)
class ExportOptions:
    """How a safe copy is written."""

    fmt: str = "pdf"  # pdf, png (one file a page) or txt
    text_layer: bool = True  # an invisible layer of the words left visible (pdf)
    bw: bool = False  # 1-bit pages (kills printer tracking dots)
    color: bool = False  # keep the colours as rendered (tracking dots too)
    fill: tuple[int, int, int] = (0, 0, 0)
    pad_px: float = 0.0  # grow every box by this much (the app's setting)
    accept_unread: bool = False  # write even with unread ink on pages nobody confirmed


# --- progress --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """A stage's progress: `done` of `total` (pages, or 0/1 for a stage as a whole)."""

    stage: Stage
    done: int
    total: int


@dataclass(frozen=True)
class PageRead:
    page: PageText


@dataclass(frozen=True)
class PageFindings:
    """Provisional findings of one page, while the rest of the letter is still being read."""

    index: int
    findings: list[Finding]


@dataclass(frozen=True)
class Note:
    """Something to tell the user (never a finding's text)."""

    text: str


Event = Step | PageRead | PageFindings | Note
Listener = Callable[[Event], None]


def _quiet(event: Event) -> None:
    return None


def stage_listener(progress: Callable[[str, int, int], None]) -> Listener:
    """A listener that passes only the stages' progress on to `progress(stage, done, total)`."""

    def listen(event: Event) -> None:
        if isinstance(event, Step):
            progress(event.stage, event.done, event.total)

    return listen


# --- finding ---------------------------------------------------------------------------------


class Finder(Protocol):
    """Where the detector lives: `find` answers now, `submit` later (a page's provisional
    findings). Both come from `find` below."""

    def find(self, document: Document, options: AnalysisOptions) -> tuple[list[Finding], str]: ...

    def submit(
        self, document: Document, options: AnalysisOptions
    ) -> Future[tuple[list[Finding], str]]: ...


def load_detector(options: AnalysisOptions) -> Any:
    """The detector for the options' profile, threshold, allow list and spaCy pipeline (the deny
    list is given per search: `find`)."""
    from .detect.engine import Detector

    return Detector(
        profile=options.profile,
        spacy_model=options.spacy_model,
        score_threshold=options.threshold,
        allow=options.allow,
    )


class LocalFinder:
    """The detector in this process (the command line): loaded once, for the options it was
    made with; without detection (`options.detect` False) only the terms are searched."""

    def __init__(self, options: AnalysisOptions) -> None:
        self.detector = load_detector(options) if options.detect else None

    def find(self, document: Document, options: AnalysisOptions) -> tuple[list[Finding], str]:
        try:
            return find(document, options, self.detector), ""
        finally:
            self.drop_ahead()

    def read_ahead(self, page: PageText, options: AnalysisOptions) -> None:
        """Start the detector on a page just read, in a thread of this process, while the
        other pages are read (the readers are other processes): `find` then has its spans."""
        # (serial lanes: the pages are read in this process, nothing to overlap with)
        if self.detector is not None and options.detect and not lanes.serial():
            self.detector.read_ahead(page.text_and_offsets()[0], options.lang)

    def drop_ahead(self) -> None:
        """Forget pages read ahead and not found in (the analysis failed or was cancelled)."""
        if self.detector is not None:
            self.detector.drop_ahead()

    def submit(
        self, document: Document, options: AnalysisOptions
    ) -> Future[tuple[list[Finding], str]]:
        future: Future[tuple[list[Finding], str]] = Future()
        future.set_result(self.find(document, options))
        return future


def _with_deny(detector: Any, deny: Sequence[str]) -> Any:
    """The detector searching for `deny` too (their forms, initials, transliterations are
    propagated with its findings): a shallow copy sharing the loaded models."""
    if detector is None:
        return None
    terms = [d for d in (x.strip() for x in deny) if d]
    if list(getattr(detector, "deny", [])) == terms:
        return detector
    other = copy.copy(detector)
    other.deny = terms
    return other


def find(document: Document, options: AnalysisOptions, detector: Any | None) -> list[Finding]:
    """The find step, wherever the detector runs: the detector with the deny list, the terms,
    propagation (pipeline.find_in_document), then the options' profile, threshold and allow
    list."""
    findings = pipeline.find_in_document(
        document,
        deny=options.deny,
        detector=_with_deny(detector, options.deny) if options.detect else None,
        lang=options.lang,
    )
    return filter_findings(document, findings, options)


def filter_findings(
    document: Document, findings: Sequence[Finding], options: AnalysisOptions
) -> list[Finding]:
    """The findings the options want. Notices (hidden text in the source, mixed-script words,
    unread ink) are in no profile but always kept: the editor decides on each. The allow list
    drops the detector's findings only: a deny term is hidden even when also allowed."""
    wanted = PROFILES.get(options.profile, PROFILES["strict"]) | {Label.TERM, *NOTICE_LABELS}
    allow = {a.casefold().strip() for a in options.allow if a.strip()}
    out = []
    for f in findings:
        allowed = False
        if allow and f.word_indexes:
            words = document.pages[f.page].words
            text = " ".join(words[i].text for i in f.word_indexes).casefold()
            allowed = text.strip(" ,.;:!?()[]«»\"'") in allow

        # A finding is kept if any of its reasons is (findings for the same words are merged:
        # a term match under a weak detector finding is still a term match).
        reasons = reasons_of(f)
        kept = tuple(r for r in reasons if _keeps(r, wanted, options.threshold, allowed))
        if not kept:
            continue
        if kept[0] != reasons[0]:  # its own reason is not wanted: the first kept one speaks
            r = kept[0]
            span = replace(f.span, label=r.label, score=r.score, why=r.why)
            f = replace(f, span=span, source=FindingSource(r.source))
        out.append(replace(f, reasons=kept))
    return _without_marked_unread(out)


def _without_marked_unread(findings: list[Finding]) -> list[Finding]:
    """The findings less each UNREAD notice whose region a kept barcode, face or stamp covers:
    the same ink, shown once; the page stays held by the unread gate all the same. Signatures
    and handwriting keep their UNREAD notice: it is the gate's own (looked at, or boxed)."""
    hands = [
        (f.page, f.boxes[0])
        for f in findings
        if f.span.label in MARK_LABELS and f.span.label not in HAND_LABELS and f.boxes
    ]
    if not hands:
        return findings
    return [
        f
        for f in findings
        if not (
            f.span.label == Label.UNREAD
            and f.boxes
            and any(p == f.page and b.contains_center_of(f.boxes[0]) for p, b in hands)
        )
    ]


def _keeps(r: Reason, wanted: Collection[str], threshold: float, allowed: bool) -> bool:
    if r.label not in wanted:
        return False
    if r.source == FindingSource.DETECTOR and r.label not in NOTICE_LABELS:
        return r.score >= threshold and not allowed
    return True


# --- analysis --------------------------------------------------------------------------------


@dataclass(kw_only=True)
class Analysis(OpenedDocument):
    """An analysed input: the opened document (its pages' words and page rasters), its findings,
    their plan and the input's keyed fingerprint (hashed once, here)."""

    settings: AnalysisOptions
    findings: list[Finding]
    plan: RedactionPlan
    fingerprint: str
    notes: tuple[str, ...] = ()

    def unread(self, plan: RedactionPlan | None = None) -> list[str]:
        """A line per region of ink no reader could read on a page the plan's editor has not
        confirmed looking at (`unread_lines`)."""
        looked = {p.index for p in (plan or self.plan).pages if p.eyes_confirmed}
        return unread_lines(self.document, looked)


def unread_lines(document: Document, looked: set[int] | frozenset[int] = frozenset()) -> list[str]:
    """One line per region of ink no reader could read: page, where (page pixels), and the
    resolution the pixels are at. Never any text. Pages in `looked` (confirmed by an editor in
    the app, per the plan) are left out."""
    out = []
    for page in document.pages:
        if page.index in looked:
            continue
        for b in page.unread_regions:
            out.append(
                f"page {page.index + 1}: unread ink at {int(b.x0)},{int(b.y0)}-"
                f"{int(b.x1 + 0.999)},{int(b.y1 + 0.999)} (px at {page.dpi} dpi)"
            )
    return out


def analyse(
    path: str | os.PathLike[str],
    options: AnalysisOptions | None = None,
    progress: Listener | None = None,
    cancel: CancelToken | None = None,
    finder: Finder | None = None,
    reviewed: RedactionPlan | None = None,
    provisional: bool = False,
) -> Analysis:
    """Open an input, read every page (in the read lane), find, and plan.

    `finder` is the detector's host (a LocalFinder is made when none is given and the options
    detect). `reviewed` is a plan an editor made earlier: it must fit the file (same file, this
    installation, same page sizes) and is used instead of finding. With `provisional`, each
    page's findings are reported as it is read (PageFindings), before the whole letter is."""
    options = options or AnalysisOptions()
    listen = progress or _quiet
    if finder is None and options.detect and reviewed is None:
        finder = LocalFinder(options)
    p = os.fspath(path)

    ahead = getattr(finder, "read_ahead", None) if reviewed is None else None

    def on_page(page: PageText) -> None:
        listen(PageRead(page))
        if ahead is not None and not provisional:
            ahead(page, options)  # the detector starts on it while the next pages are read
        if provisional and finder is not None:
            one = Document(path=p, kind="", pages=(page,))
            future = finder.submit(one, options)
            index = page.index
            future.add_done_callback(lambda f: _provisional(listen, cancel, index, f))

    def on_step(stage: str, done: int, total: int) -> None:
        listen(Step(Stage(stage), done, total))

    def drop_ahead() -> None:
        drop = getattr(finder, "drop_ahead", None)
        if drop is not None:
            drop()

    try:
        opened = pipeline.read_document(p, options.read_options(), on_step, cancel, on_page)
    except BaseException:
        drop_ahead()
        raise
    try:
        if cancel:
            cancel.check()
        document = opened.document
        fingerprint = fingerprints.fingerprint_file(p)  # the one hash of the input
        notes: list[str] = []
        if reviewed is not None:
            pipeline.check_plan_fits(document, reviewed, fingerprint)
            findings: list[Finding] = []
            plan = reviewed
        else:
            listen(Step(Stage.FIND, 0, 1))
            if finder is not None:
                findings, note = finder.find(document, options)
                if note:
                    notes.append(note)
                    listen(Note(note))
            else:
                findings = find(document, replace(options, detect=False), None)
            state = ReviewState.ACCEPTED if options.accept else ReviewState.PROPOSED
            plan = pipeline.make_plan(document, findings, state, fingerprint=fingerprint)
            listen(Step(Stage.FIND, 1, 1))
    except BaseException:
        opened.close()
        drop_ahead()
        raise
    return Analysis(
        source=opened.source,
        document=document,
        options=opened.options,
        settings=options,
        findings=findings,
        plan=plan,
        fingerprint=fingerprint,
        notes=tuple(notes),
    )


def _provisional(
    listen: Listener, cancel: CancelToken | None, index: int, future: Future[Any]
) -> None:
    if (cancel and cancel.cancelled) or future.cancelled() or future.exception() is not None:
        return
    listen(PageFindings(index, future.result()[0]))


def provisional_plan(
    path: str,
    count: int,
    pages: dict[int, PageText],
    findings: Sequence[Finding],
    options: AnalysisOptions,
) -> RedactionPlan:
    """A plan over the pages read so far (the others are empty placeholders); it names no file
    (the input is not hashed for it)."""
    doc = Document(
        path=path,
        kind="",
        pages=tuple(pages.get(i) or PageText(i, 0, 0, options.dpi) for i in range(count)),
    )
    kept = filter_findings(doc, findings, options)
    return pipeline.make_plan(
        doc, sorted(kept, key=lambda f: (f.page, f.word_indexes)), fingerprint=""
    )


# --- export ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportReport:
    """What an export wrote and what its check found. `plan` is the plan burned in, with the
    places the final check boxed besides (for the private redaction log); `undecided_hidden`
    counts the boxes of findings nobody had decided on that the copy hides (`copy_plan`)."""

    verify: Any  # verify.VerifyReport
    written: tuple[Path, ...]
    plan: RedactionPlan
    undecided_hidden: int = 0

    @property
    def ok(self) -> bool:
        return bool(self.verify.ok)

    def summary(self) -> str:
        return str(self.verify.summary())

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(self.verify.warnings)

    @property
    def boxed(self) -> tuple[str, ...]:
        return tuple(self.verify.boxed)


def export_terms(analysis: Analysis, plan: RedactionPlan) -> list[str]:
    """In memory only: what a copy must not hold: the deny terms and the text under every
    accepted redaction."""
    from .project import redacted_texts

    return list(dict.fromkeys([*analysis.settings.deny, *redacted_texts(analysis.document, plan)]))


def hidden_when_undecided(red: plan_ops.Redaction) -> bool:
    """Whether a copy hides this finding while it is undecided (`copy_plan`)."""
    return pipeline.burned_unasked(red)


def undecided_in_copy(plan: RedactionPlan) -> list[plan_ops.Redaction]:
    """The undecided findings a copy hides as they are (`copy_plan`)."""
    return [r for r in plan.undecided() if hidden_when_undecided(r)]


def copy_plan(plan: RedactionPlan) -> RedactionPlan:
    """The plan a copy is burned from: what the editor accepted, and every finding still
    undecided hidden too, as the command line's automatic run hides what it finds (recall beats
    precision: an undecided name is hidden, never published by default). Left unboxed, as the
    command line leaves them: undecided notices of hidden source text (never carried into a copy
    anyway, unless a document draws it on its pages: that is hidden) and of unread ink (held by
    its own gate, `check_unread`). A new plan for the copy only: the review is not changed."""
    ids = [r.id for r in undecided_in_copy(plan)]
    return plan_ops.accept(plan, ids) if ids else plan


LEAK_WHY = "the final check found a hidden item here in the copy and refused it"


def _same_place(a: Box, b: Box) -> bool:
    """Whether two boxes mark the same place: most of the smaller lies in the other."""
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.y1, b.y1) - max(a.y0, b.y0)
    if w <= 0 or h <= 0:
        return False
    smaller = min(a.width * a.height, b.width * b.height)
    return w * h >= 0.6 * max(smaller, 1e-6)


def with_leak_places(
    plan: RedactionPlan, document: Document, places: Sequence[LeakPlace]
) -> tuple[RedactionPlan, list[str]]:
    """The plan with a LEAK notice (undecided) on the page for every place where the final check
    refused a copy (LeakDetected.places), unless one is there already, and the ids added. A place
    known only by its page covers the page; one not on a page is not drawn (the refusal says it
    in words). The why names the reader and place, never the item's text."""
    sizes = {p.index: (p.width_px, p.height_px) for p in plan.pages}

    def whole(page: int, box: Box) -> bool:
        w, h = sizes.get(page, (0, 0))
        return box.x0 <= 0 and box.y0 <= 0 and box.x1 >= w and box.y1 >= h

    # a place known by its page alone (the whole page) is a notice beside the precise ones
    have = [(r.page, r.box, whole(r.page, r.box)) for r in plan.redactions if r.label == Label.LEAK]
    added: list[plan_ops.Redaction] = []
    used = {r.id for r in plan.redactions}
    for place in places:
        if place.page is None or place.page not in sizes:
            continue
        w, h = sizes[place.page]
        box = place.box or Box(0.0, 0.0, float(w), float(h))
        box = Box(max(box.x0, 0.0), max(box.y0, 0.0), min(box.x1, float(w)), min(box.y1, float(h)))
        if box.width <= 0 or box.height <= 0:
            continue
        wide = place.box is None
        if any(p == place.page and k == wide and _same_place(box, b) for p, b, k in have):
            continue  # one notice a place: readers often find the same one
        have.append((place.page, box, wide))
        words: tuple[int, ...] = ()
        if place.box is not None and place.page < len(document.pages):
            page_words = document.pages[place.page].words
            words = tuple(i for i, wd in enumerate(page_words) if box.contains_center_of(wd.box))
        n = len(used) + 1
        while f"leak{n}" in used:
            n += 1
        rid = f"leak{n}"
        used.add(rid)
        added.append(
            plan_ops.Redaction(
                id=rid,
                page=place.page,
                box=box,
                label=Label.LEAK,
                source=FindingSource.DETECTOR,
                state=ReviewState.PROPOSED,
                why=f"{LEAK_WHY} ({place.where})",
                word_indexes=words,
            )
        )
    if not added:
        return plan, []
    return replace(plan, redactions=plan.redactions + tuple(added)), [r.id for r in added]


def check_unread(analysis: Analysis, plan: RedactionPlan, accept_unread: bool) -> list[str]:
    """The unread-ink gate: UnreadInk while a page holds ink no reader could read and the plan
    does not say an editor looked at it, unless `accept_unread`; the lines of such ink."""
    unread = analysis.unread(plan)
    if unread and not accept_unread:
        # Nothing is written: a copy with ink no reader could read may carry a name.
        raise UnreadInk(
            "; ".join(unread) + ". Nothing was written: look at these places (in the app, or "
            "run with --accept-unread if an editor has and they hold nothing to hide)",
            unread,
        )
    return unread


def burned_page(
    analysis: Analysis,
    plan: RedactionPlan,
    index: int,
    options: ExportOptions | None = None,
    image: Image.Image | None = None,
) -> Image.Image:
    """Page `index` of the copy `export` would write with `options`: the same padding and the
    same burn (export.safe.burn_page) on the page's pixels (`image`, a PIL image at the working
    dpi; rendered here when None). Before the file is written and checked: the check may box
    further places. For the app's preview of the copy: burned from `copy_plan`, as export
    burns, so undecided findings are hidden as they would be."""
    from .export.safe import burn_page, look_of

    options = options or ExportOptions()
    plan = copy_plan(plan)
    if options.pad_px > 0:
        plan = plan_ops.pad(plan, options.pad_px)
    if image is None:
        image = analysis.render_page(index)
    page = analysis.document.pages[index]
    look = look_of(options.bw, options.color and not options.bw)
    return burn_page(page, plan.on_page(index), image, look, options.fill).image


def export(
    analysis: Analysis,
    plan: RedactionPlan,
    out_path: str | os.PathLike[str],
    options: ExportOptions | None = None,
    progress: Listener | None = None,
    cancel: CancelToken | None = None,
) -> ExportReport:
    """Write a safe copy of an analysed input with the plan's accepted redactions burned in,
    and its undecided findings too (`copy_plan`: as the command line hides what it finds),
    verify it and only then give it its name (export.safe.export_safe).

    Refused (UnreadInk, nothing written) while a page holds ink no reader could read and nobody
    confirmed looking at it, unless `options.accept_unread`. Raises LeakDetected when the check
    finds a hidden item, Cancelled when cancelled (no file is left behind either way)."""
    from .export.safe import export_safe, png_targets
    from .workers import release_memory

    options = options or ExportOptions()
    listen = progress or _quiet
    if plan.fingerprint and plan.fingerprint != analysis.fingerprint:
        pipeline.check_plan_fits(analysis.document, plan, analysis.fingerprint)
    check_unread(analysis, plan, options.accept_unread)
    undecided = len(undecided_in_copy(plan))
    plan = copy_plan(plan)  # the caller's plan (the editor's review) is not changed
    terms = export_terms(analysis, plan)  # the words under the boxes as the editor drew them
    if options.pad_px > 0:
        plan = plan_ops.pad(plan, options.pad_px)

    def step(done: int, total: int) -> None:
        if cancel:
            cancel.check()
        listen(Step(Stage.WRITE, done, total))

    def render_page(index: int) -> Image.Image:
        # the previous page's pixels (rendered, burned, encoded) are freed: so is their memory
        release_memory()
        return analysis.render_page(index)

    report = export_safe(
        analysis.document,
        plan,
        render_page,
        out_path,
        fmt=options.fmt,
        text_layer=options.text_layer,
        bw=options.bw,
        color=options.color,
        terms=terms,
        progress=step,
        fill=options.fill,
    )
    further = tuple(
        plan_ops.Redaction(f"check-{k + 1}", page, box, label, state=ReviewState.ACCEPTED)
        for k, (page, box, label) in enumerate(report.boxed_places)
    )
    if further:
        plan = replace(plan, redactions=plan.redactions + further)
    out = Path(out_path)
    written = png_targets(out, analysis.document.page_count) if options.fmt == "png" else [out]
    return ExportReport(
        verify=report, written=tuple(written), plan=plan, undecided_hidden=undecided
    )


__all__ = [
    "Analysis",
    "AnalysisOptions",
    "CancelToken",
    "Event",
    "ExportOptions",
    "ExportReport",
    "Finder",
    "LocalFinder",
    "Note",
    "PageFindings",
    "PageRead",
    "Step",
    "analyse",
    "check_unread",
    "copy_plan",
    "export",
    "filter_findings",
    "find",
    "hidden_when_undecided",
    "provisional_plan",
    "undecided_in_copy",
    "with_leak_places",
]
