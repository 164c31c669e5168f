"""Background work of a letter: open, show page 1, read every page, find, plan; page rasters.

Everything here runs on a TaskRunner thread and touches no widget; results go back through
`job.report` and the job's return value."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

from PIL import Image
from PySide6.QtGui import QImage

from redactor.core import pipeline
from redactor.core.model import PROFILES, Finding
from redactor.core.plan import RedactionPlan
from redactor.core.project import Review, ReviewStore, file_sha256
from redactor.core.sources import Source, open_source

from .tasks import Job

# pdfium is not thread-safe: every render in this process (the page view's) holds this lock;
# the reading and the export render in the pipeline's worker processes.
RENDER_LOCK = threading.RLock()


def to_qimage(image: Image.Image) -> QImage:
    rgb = image if image.mode == "RGB" else image.convert("RGB")
    data = rgb.tobytes()
    q = QImage(data, rgb.width, rgb.height, 3 * rgb.width, QImage.Format.Format_RGB888)
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
    threshold: float = 0.35
    deny: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()


@dataclass
class LoadResult:
    opened: pipeline.OpenedDocument
    source: Source  # for page rasters (the UI's own handle)
    plan: RedactionPlan
    findings: list[Finding]
    sha256: str
    saved: Review | None


class DetectorHolder:
    """The detector, loaded once (it takes seconds), shared by every load job."""

    def __init__(
        self, profile: str = "strict", threshold: float = 0.35, allow: tuple[str, ...] = ()
    ) -> None:
        self.profile = profile
        self.threshold = threshold
        self.allow = allow
        self._lock = threading.Lock()
        self._detector: object | None = None
        self.failed = ""

    def get(self) -> object | None:
        with self._lock:
            if self._detector is None and not self.failed:
                try:
                    from redactor.core.detect.engine import Detector
                except ImportError:
                    self.failed = "the detector is not installed; only term lists are searched"
                    return None
                try:
                    self._detector = Detector(
                        profile=self.profile,
                        spacy_model=None,
                        score_threshold=self.threshold,
                        allow=self.allow,
                    )
                except Exception as exc:  # shown in the status bar; terms still work
                    self.failed = f"the detector could not start: {exc}"
            return self._detector


def filter_findings(document, findings: Sequence[Finding], opts: LoadOptions) -> list[Finding]:  # noqa: ANN001
    wanted = PROFILES.get(opts.profile, PROFILES["strict"]) | {"TERM"}
    allow = {a.casefold().strip() for a in opts.allow if a.strip()}
    out = []
    for f in findings:
        if f.span.label not in wanted:
            continue
        if f.source == "detector" and f.span.score < opts.threshold:
            continue
        if allow:
            words = document.pages[f.page].words
            text = " ".join(words[i].text for i in f.word_indexes).casefold()
            if text.strip(" ,.;:!?()[]«»\"'") in allow:
                continue
        out.append(f)
    return out


def load_letter(
    job: Job, path: str, opts: LoadOptions, detector: DetectorHolder, store: ReviewStore
) -> LoadResult:
    with RENDER_LOCK:
        source = open_source(path)
        count = source.page_count
        first = source.render(0, opts.dpi) if count else None
    if first is not None:
        job.report(("first", count, to_qimage(first)))
    job.cancel.check()

    def progress(stage: str, done: int, total: int) -> None:
        job.report(("progress", stage, done, total))

    read_opts = pipeline.ReadOptions(dpi=opts.dpi, langs=opts.langs)
    opened = pipeline.read_document(
        path, read_opts, progress, job.cancel, lambda p: job.report(("page", p))
    )
    job.cancel.check()
    job.report(("progress", "find", 0, 1))
    det = detector.get()
    if detector.failed:
        job.report(("note", detector.failed))
    findings = pipeline.find_in_document(
        opened.document, deny=opts.deny, detector=det, lang=opts.lang
    )
    findings = filter_findings(opened.document, findings, opts)
    plan = pipeline.make_plan(opened.document, findings)
    sha = file_sha256(path)
    saved = store.load(sha)
    job.report(("progress", "find", 1, 1))
    return LoadResult(opened, source, plan, findings, sha, saved)
