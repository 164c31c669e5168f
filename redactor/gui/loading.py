"""Background work of a letter: open, show page 1, read every page, find, plan; page rasters.

Everything here runs on a TaskRunner thread and touches no widget; results go back through
`job.report` and the job's return value."""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from typing import cast

from PIL import Image
from PySide6.QtGui import QImage

from redactor.core import jobs, pipeline
from redactor.core import plan as plan_ops
from redactor.core.detect_lane import DetectLane
from redactor.core.fileio import file_sha256
from redactor.core.model import (
    Finding,
    FindingSource,
    PageText,
    ReviewState,
)
from redactor.core.plan import Redaction, RedactionPlan
from redactor.core.project import Review, ReviewStore
from redactor.core.sources import Source
from redactor.core.workers import PooledSource

from .tasks import Job

# pdfium is not thread-safe: every render in this process (the page view's) holds this lock;
# the reading and the export render in the pipeline's worker processes.
RENDER_LOCK = threading.RLock()


_STRIP_BYTES = 2 * 1024**2


def to_qimage(image: Image.Image) -> QImage:
    """In Qt's native raster format (32-bit), so showing it costs no conversion on the UI
    thread. Filled in strips: Pillow packs without the GIL, and no one copy holds it long
    (QImage.copy of a 24-megapixel page held it ~70 ms: the UI thread stalled meanwhile)."""
    rgb = image if image.mode == "RGB" else image.convert("RGB")
    w, h = rgb.size
    q = QImage(w, h, QImage.Format.Format_RGB32)
    row = q.bytesPerLine()
    if w == 0 or h == 0 or row != 4 * w:  # (a 32-bit row is never padded)
        data = rgb.tobytes("raw", "BGRX")
        return QImage(data, w, h, 4 * w, QImage.Format.Format_RGB32).copy()
    bits = cast(memoryview, q.bits())  # writable: the image owns its pixels
    step = max(1, _STRIP_BYTES // row)
    for y in range(0, h, step):
        n = min(step, h - y)
        bits[y * row : (y + n) * row] = rgb.crop((0, y, w, y + n)).tobytes("raw", "BGRX")
    return q


def render(source: Source, index: int, dpi: int, read_ahead: bool = True) -> QImage:
    return to_qimage(render_pil(source, index, dpi, read_ahead))


def render_pil(source: Source, index: int, dpi: int, read_ahead: bool = True) -> Image.Image:
    """The page's pixels; `read_ahead` False: no next pages started (a one-off render)."""
    with RENDER_LOCK:
        if isinstance(source, PooledSource):
            return source.render(index, dpi, read_ahead=read_ahead)
        return source.render(index, dpi)


# The app's options are the core's analysis options (declared once, in core/jobs.py).
LoadOptions = jobs.AnalysisOptions


@dataclass
class LoadResult:
    analysis: jobs.Analysis  # the opened document (page rasters, words), findings and plan
    source: Source  # for page rasters (the UI's own handle)
    saved: Review | None

    @property
    def opened(self) -> pipeline.OpenedDocument:
        return self.analysis

    @property
    def plan(self) -> RedactionPlan:
        return self.analysis.plan

    @property
    def findings(self) -> list[Finding]:
        return self.analysis.findings

    @property
    def fingerprint(self) -> str:
        return self.analysis.fingerprint


def carry_decisions(old: RedactionPlan, new: RedactionPlan) -> RedactionPlan:
    """`new` with the editor's decisions on `old` carried over: the state of each finding over
    the same words, manual boxes, confirmed pages."""

    def key(r: Redaction) -> tuple[int, tuple[int, ...]] | None:
        return (r.page, r.word_indexes) if r.word_indexes else None

    decided = {
        key(r): r.state
        for r in old.redactions
        if r.source != FindingSource.MANUAL
        and r.state != ReviewState.PROPOSED
        and key(r) is not None
    }
    plan = replace(
        new,
        redactions=tuple(replace(r, state=decided.get(key(r), r.state)) for r in new.redactions),
    )
    for r in old.redactions:
        if r.source == FindingSource.MANUAL and r.page < len(plan.pages):
            plan, _ = plan_ops.add_box(plan, r.page, r.box, r.label, r.state)
    for p in old.pages:
        if p.eyes_confirmed and p.index < len(plan.pages):
            plan = plan_ops.confirm_eyes(plan, p.index)
    return plan


def provisional_plan(
    path: str, count: int, pages: dict[int, PageText], findings: list[Finding], opts: LoadOptions
) -> RedactionPlan:
    """A plan over the pages read so far (the others are empty placeholders)."""
    return jobs.provisional_plan(path, count, pages, findings, opts)


def _relay(job: Job, event: jobs.Event) -> None:
    """The core's progress events as the load job's reports (delivered on the UI thread)."""
    if isinstance(event, jobs.Step):
        job.report(("progress", event.stage, event.done, event.total))
    elif isinstance(event, jobs.PageRead):
        job.report(("page", event.page))
    elif isinstance(event, jobs.PageFindings):
        job.report(("findings", event.index, event.findings))
    elif isinstance(event, jobs.Note):
        job.report(("note", event.text))


def load_letter(
    job: Job,
    path: str,
    opts: LoadOptions,
    detector: DetectLane,
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
    analysis = jobs.analyse(
        path,
        replace(opts, password=password),
        progress=lambda event: _relay(job, event),
        cancel=job.cancel,
        finder=detector,
        provisional=count > 1,  # each page's findings, shown before the whole letter is read
    )
    # A review saved by an older version is found by the plain hash (and migrated) only when
    # such files remain: otherwise no plain hash of the letter is ever computed.
    legacy = file_sha256(path) if store.has_legacy() else ""
    saved = store.load(analysis.fingerprint, legacy)
    return LoadResult(analysis, source, saved)
