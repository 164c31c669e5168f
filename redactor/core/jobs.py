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
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from . import fingerprint as fingerprints
from . import pipeline
from . import plan as plan_ops
from .errors import UnreadInk
from .model import (
    NOTICE_LABELS,
    PROFILES,
    Document,
    Finding,
    FindingSource,
    Label,
    PageText,
    ReviewState,
    Stage,
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
        return find(document, options, self.detector), ""

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
        if f.span.label not in wanted:
            continue
        if f.source == FindingSource.DETECTOR and f.span.label not in NOTICE_LABELS:
            if f.span.score < options.threshold:
                continue
            if allow:
                words = document.pages[f.page].words
                text = " ".join(words[i].text for i in f.word_indexes).casefold()
                if text.strip(" ,.;:!?()[]«»\"'") in allow:
                    continue
        out.append(f)
    return out


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

    def on_page(page: PageText) -> None:
        listen(PageRead(page))
        if provisional and finder is not None:
            one = Document(path=p, kind="", pages=(page,))
            future = finder.submit(one, options)
            index = page.index
            future.add_done_callback(lambda f: _provisional(listen, cancel, index, f))

    def on_step(stage: str, done: int, total: int) -> None:
        listen(Step(Stage(stage), done, total))

    opened = pipeline.read_document(p, options.read_options(), on_step, cancel, on_page)
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
    places the final check boxed besides (for the private redaction log)."""

    verify: Any  # verify.VerifyReport
    written: tuple[Path, ...]
    plan: RedactionPlan

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
    further places. For the app's preview of the copy."""
    from .export.safe import burn_page, look_of

    options = options or ExportOptions()
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
    verify it and only then give it its name (export.safe.export_safe).

    Refused (UnreadInk, nothing written) while a page holds ink no reader could read and nobody
    confirmed looking at it, unless `options.accept_unread`. Raises LeakDetected when the check
    finds a hidden item, Cancelled when cancelled (no file is left behind either way)."""
    from .export.safe import export_safe, png_targets

    options = options or ExportOptions()
    listen = progress or _quiet
    if plan.fingerprint and plan.fingerprint != analysis.fingerprint:
        pipeline.check_plan_fits(analysis.document, plan, analysis.fingerprint)
    check_unread(analysis, plan, options.accept_unread)
    terms = export_terms(analysis, plan)  # the words under the boxes as the editor drew them
    if options.pad_px > 0:
        plan = plan_ops.pad(plan, options.pad_px)

    def step(done: int, total: int) -> None:
        if cancel:
            cancel.check()
        listen(Step(Stage.WRITE, done, total))

    report = export_safe(
        analysis.document,
        plan,
        analysis.render_page,
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
    return ExportReport(verify=report, written=tuple(written), plan=plan)


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
    "export",
    "filter_findings",
    "find",
    "provisional_plan",
]
