"""Background work of a letter: open, show page 1, read every page, find, plan; page rasters.

Everything here runs on a TaskRunner thread and touches no widget; results go back through
`job.report` and the job's return value."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass, replace

from PIL import Image
from PySide6.QtGui import QImage

from redactor.core import pipeline
from redactor.core import plan as plan_ops
from redactor.core.fileio import file_sha256
from redactor.core.fingerprint import fingerprint_file
from redactor.core.model import NOTICE_LABELS, PROFILES, Document, Finding, PageText
from redactor.core.plan import Redaction, RedactionPlan
from redactor.core.project import Review, ReviewStore
from redactor.core.sources import Source
from redactor.core.workers import PooledSource

from .detect_worker import DetectorProcess
from .tasks import Job

# pdfium is not thread-safe: every render in this process (the page view's) holds this lock;
# the reading and the export render in the pipeline's worker processes.
RENDER_LOCK = threading.RLock()


def to_qimage(image: Image.Image) -> QImage:
    """In Qt's native raster format (32-bit), so showing it costs no conversion on the UI
    thread."""
    rgb = image if image.mode == "RGB" else image.convert("RGB")
    data = rgb.tobytes("raw", "BGRX")
    q = QImage(data, rgb.width, rgb.height, 4 * rgb.width, QImage.Format.Format_RGB32)
    return q.copy()  # own the pixels


def render(source: Source, index: int, dpi: int) -> QImage:
    with RENDER_LOCK:
        image = source.render(index, dpi)
    return to_qimage(image)


@dataclass(frozen=True)
class LoadOptions:
    dpi: int = 200
    langs: str = "rus+kaz+eng"
    lang: str = "auto"
    profile: str = "strict"
    threshold: float = 0.0
    deny: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()


@dataclass
class LoadResult:
    opened: pipeline.OpenedDocument
    source: Source  # for page rasters (the UI's own handle)
    plan: RedactionPlan
    findings: list[Finding]
    fingerprint: str
    saved: Review | None


def filter_findings(document, findings: Sequence[Finding], opts: LoadOptions) -> list[Finding]:  # noqa: ANN001
    # Notices (hidden text in the source, mixed-script words, unread ink) are in no profile but
    # always shown: the editor decides on each.
    wanted = PROFILES.get(opts.profile, PROFILES["strict"]) | {"TERM", *NOTICE_LABELS}
    allow = {a.casefold().strip() for a in opts.allow if a.strip()}
    out = []
    for f in findings:
        if f.span.label not in wanted:
            continue
        if (
            f.source == "detector"
            and f.span.score < opts.threshold
            and f.span.label not in NOTICE_LABELS
        ):
            continue
        if allow:
            words = document.pages[f.page].words
            text = " ".join(words[i].text for i in f.word_indexes).casefold()
            if text.strip(" ,.;:!?()[]«»\"'") in allow:
                continue
        out.append(f)
    return out


def _provisional(job: Job, index: int, fut: Future) -> None:
    if job.cancel.cancelled or fut.cancelled() or fut.exception() is not None:
        return
    job.report(("findings", index, fut.result()[0]))


def carry_decisions(old: RedactionPlan, new: RedactionPlan) -> RedactionPlan:
    """`new` with the editor's decisions on `old` carried over: the state of each finding over
    the same words, manual boxes, confirmed pages."""

    def key(r: Redaction) -> tuple[int, tuple[int, ...]] | None:
        return (r.page, r.word_indexes) if r.word_indexes else None

    decided = {
        key(r): r.state
        for r in old.redactions
        if r.source != "manual" and r.state != "proposed" and key(r) is not None
    }
    plan = replace(
        new,
        redactions=tuple(replace(r, state=decided.get(key(r), r.state)) for r in new.redactions),
    )
    for r in old.redactions:
        if r.source == "manual" and r.page < len(plan.pages):
            plan, _ = plan_ops.add_box(plan, r.page, r.box, r.label, r.state)
    for p in old.pages:
        if p.eyes_confirmed and p.index < len(plan.pages):
            plan = plan_ops.confirm_eyes(plan, p.index)
    return plan


def provisional_plan(
    path: str, count: int, pages: dict[int, PageText], findings: list[Finding], opts: LoadOptions
) -> RedactionPlan:
    """A plan over the pages read so far (the others are empty placeholders)."""
    doc = Document(
        path=path,
        kind="",
        pages=tuple(pages.get(i) or PageText(i, 0, 0, opts.dpi) for i in range(count)),
    )
    findings = filter_findings(doc, findings, opts)
    return pipeline.make_plan(doc, sorted(findings, key=lambda f: (f.page, f.word_indexes)))


def load_letter(
    job: Job,
    path: str,
    opts: LoadOptions,
    detector: DetectorProcess,
    store: ReviewStore,
    password: str | None = None,
) -> LoadResult:
    with RENDER_LOCK:
        source = PooledSource(path, password)  # parsed and rendered in a capped worker process
        count = source.page_count
        first = source.render(0, opts.dpi) if count else None
    if first is not None:
        job.report(("first", count, to_qimage(first)))
    job.cancel.check()

    def progress(stage: str, done: int, total: int) -> None:
        job.report(("progress", stage, done, total))

    def on_page(page: PageText) -> None:
        job.report(("page", page))
        if count > 1:  # provisional findings of this page, shown before the whole letter is read
            one = Document(path=path, kind="", pages=(page,))
            fut = detector.submit(one, opts.deny, opts.lang)
            fut.add_done_callback(lambda f, i=page.index: _provisional(job, i, f))

    read_opts = pipeline.ReadOptions(dpi=opts.dpi, langs=opts.langs, password=password)
    opened = pipeline.read_document(path, read_opts, progress, job.cancel, on_page)
    job.cancel.check()
    job.report(("progress", "find", 0, 1))
    findings, note = detector.find(opened.document, deny=opts.deny, lang=opts.lang)
    if note:
        job.report(("note", note))
    findings = filter_findings(opened.document, findings, opts)
    plan = pipeline.make_plan(opened.document, findings)
    fingerprint = plan.fingerprint or fingerprint_file(path)
    # A review saved by an older version is found by the plain hash (and migrated) only when
    # such files remain: otherwise no plain hash of the letter is ever computed.
    legacy = file_sha256(path) if store.has_legacy() else ""
    saved = store.load(fingerprint, legacy)
    job.report(("progress", "find", 1, 1))
    return LoadResult(opened, source, plan, findings, fingerprint, saved)
