"""open -> read words -> find -> plan -> export -> verify.

Each step is a function; the command line and the app call them in this order. Page reading
runs in worker processes (one Tesseract per process, one OCR thread each); results are merged
here, on the caller's thread."""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from PIL import Image

from . import plan as plan_ops
from .detect.mapping import spans_to_findings
from .errors import Cancelled, InputError
from .model import Box, Document, Finding, PageText, Word
from .ocr import DEFAULT_LANGS, engine_for
from .sources import DEFAULT_DPI, Source, open_source

log = logging.getLogger(__name__)

# A page whose OCR words average below this confidence, or that has ink but few words, is
# one the editor must look at (handwriting, stamps, photos).
LOW_CONFIDENCE = 62.0
INK_LEVEL = 128


class Progress(Protocol):
    def __call__(self, stage: str, done: int, total: int) -> None: ...


def null_progress(stage: str, done: int, total: int) -> None:
    return None


class CancelToken:
    """Set from any thread; checked between pages."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled("cancelled")


@dataclass(frozen=True)
class ReadOptions:
    dpi: int = DEFAULT_DPI
    langs: str = DEFAULT_LANGS
    password: str | None = None
    workers: int = 0  # 0: one per core


# --- reading a page -------------------------------------------------------------------------


def assess_page(image: Image.Image, words: Sequence[Word], ocr_ran: bool) -> tuple[bool, str]:
    """Whether the editor must look at this page, and why (no text of the page is used)."""
    gray = np.asarray(image.convert("L").reduce(4), dtype=np.uint8)
    ink = gray < INK_LEVEL
    ink_total = int(ink.sum())
    if ink_total < 0.001 * ink.size:
        return False, ""
    covered = np.zeros_like(ink)
    for w in words:
        b = w.box
        covered[int(b.y0) // 4 : int(b.y1) // 4 + 1, int(b.x0) // 4 : int(b.x1) // 4 + 1] = True
    outside = int((ink & ~covered).sum())
    if not words:
        return True, "ink but no readable words (handwriting, a stamp or a picture?)"
    if ocr_ran:
        ocr_words = [w for w in words if w.source == "ocr"]
        if ocr_words:
            mean = sum(w.conf for w in ocr_words) / len(ocr_words)
            if mean < LOW_CONFIDENCE:
                return True, f"low OCR confidence ({mean:.0f}%): handwriting or a poor scan?"
    if outside > 0.35 * ink_total and outside > 0.004 * ink.size:
        return True, "ink outside any word (handwriting, a signature, a stamp or a picture?)"
    return False, ""


def _same_text(a: str, b: str) -> bool:
    fa = "".join(ch for ch in a.casefold() if ch.isalnum())
    fb = "".join(ch for ch in b.casefold() if ch.isalnum())
    if not fa or not fb:
        return fa == fb
    return fa == fb or (min(len(fa), len(fb)) >= 4 and (fa in fb or fb in fa))


def merge_words(text_words: Sequence[Word], ocr_words: Sequence[Word]) -> tuple[Word, ...]:
    """Text-layer words, plus every OCR word that no text-layer word with the same text sits
    on: an image of a name inside a typed PDF, or ink an invisible text layer does not line
    up with (the layer's boxes would put the black box beside the name). OCR lines and blocks
    are numbered after the text layer's."""
    if not text_words:
        return tuple(ocr_words)
    line0 = max(w.line for w in text_words) + 1
    block0 = max(w.block for w in text_words) + 1
    extra: list[Word] = []
    for w in ocr_words:
        area = max(w.box.width * w.box.height, 1.0)
        confirmed = False
        for t in text_words:
            if not t.box.intersects(w.box):
                continue
            ix = min(t.box.x1, w.box.x1) - max(t.box.x0, w.box.x0)
            iy = min(t.box.y1, w.box.y1) - max(t.box.y0, w.box.y0)
            inter = ix * iy
            union = area + t.box.width * t.box.height - inter
            # Same text, horizontally where the ink is (a box shifted by a third of a word
            # would leave a third of the word readable beside it).
            aligned = ix >= 0.9 * w.box.width and ix >= 0.8 * t.box.width
            if aligned and inter >= 0.5 * union and _same_text(t.text, w.text):
                confirmed = True
                break
        if not confirmed:
            extra.append(replace(w, line=w.line + line0, block=w.block + block0))
    return tuple(text_words) + tuple(extra)


def read_page(source: Source, index: int, dpi: int, langs: str) -> PageText:
    """Words of one page: the text layer, and OCR where there is none or where images are."""
    page_dpi = source.page_dpi(index, dpi)
    text_words = source.text_words(index, dpi) or []
    image = source.render(index, dpi)
    ocr_ran = False
    ocr_words: list[Word] = []
    if source.kind != "text" and (not text_words or source.has_images(index)):
        ocr_words = engine_for(langs).read(image, page_dpi)
        ocr_ran = True
    words = merge_words(text_words, ocr_words)
    drawn = getattr(source, "drawn_boxes", None)
    drawn_boxes = tuple(drawn(index, dpi)) if drawn else ()
    needs, reason = assess_page(image, words, ocr_ran)
    conf = sum(w.conf for w in ocr_words) / len(ocr_words) if ocr_words else None
    if needs:
        log.info("page %d needs eyes", index + 1)
    return PageText(
        index=index,
        width_px=image.width,
        height_px=image.height,
        dpi=page_dpi,
        words=words,
        needs_eyes=needs,
        needs_eyes_reason=reason,
        ocr_conf=conf,
        drawn_boxes=drawn_boxes,
    )


# --- worker processes ---------------------------------------------------------------------
# Hostile files are parsed and rendered only in worker processes with a memory cap and
# their stderr discarded (a small PDF can make a renderer write gigabytes of warnings). A
# worker that crashes, runs out of memory or takes too long costs the file, not the app.

WORKER_MEMORY_BYTES = 1536 * 1024**2  # two workers and the app stay under 3 GB in all
PAGE_TIMEOUT_S = 300.0
INFO_TIMEOUT_S = 60.0

_worker_sources: dict[tuple[str, str | None], Source] = {}


def _worker_init(memory_bytes: int) -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"
    os.environ["OPENBLAS_NUM_THREADS"] = "1"
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = memory_bytes if hard == resource.RLIM_INFINITY else min(memory_bytes, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, ValueError, OSError):  # pragma: no cover - not POSIX
        pass
    if not os.environ.get("REDACTOR_DEBUG"):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.close(devnull)
    # A worker must not outlive the app (killed, crashed): it watches its parent.
    parent = os.getppid()

    def watch_parent() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch_parent, name="parent-watch", daemon=True).start()


def _worker_source(path: str, password: str | None) -> Source:
    key = (path, password)
    src = _worker_sources.get(key)
    if src is None:
        for old in _worker_sources.values():
            old.close()
        _worker_sources.clear()
        src = _worker_sources[key] = open_source(path, password)
    return src


def _worker_info(path: str, password: str | None) -> tuple[str, int]:
    src = _worker_source(path, password)
    return src.kind, src.page_count


def _worker_read(path: str, password: str | None, index: int, dpi: int, langs: str) -> PageText:
    return read_page(_worker_source(path, password), index, dpi, langs)


def _worker_render(path: str, password: str | None, index: int, dpi: int) -> Image.Image:
    return _worker_source(path, password).render(index, dpi)


_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()


def _get_pool(workers: int | None = None) -> ProcessPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            ctx = multiprocessing.get_context("spawn")
            _pool = ProcessPoolExecutor(
                max_workers=workers or default_workers(),
                mp_context=ctx,
                initializer=_worker_init,
                initargs=(WORKER_MEMORY_BYTES,),
            )
        return _pool


def shutdown_pool(kill: bool = False) -> None:
    global _pool
    with _pool_lock:
        pool, _pool = _pool, None
    if pool is None:
        return
    if kill:
        for proc in list(getattr(pool, "_processes", {}).values()):
            proc.kill()
    pool.shutdown(wait=kill, cancel_futures=True)


atexit.register(shutdown_pool)


def _in_worker(fn: Callable[..., Any], *args: Any, timeout: float, what: str) -> Any:
    """Run fn in a worker; a crash, memory exhaustion or time-out becomes an InputError."""
    try:
        return _get_pool().submit(fn, *args).result(timeout=timeout)
    except TimeoutError:
        shutdown_pool(kill=True)
        raise InputError(f"{what}: took longer than {timeout:.0f} s; giving up") from None
    except BrokenProcessPool:
        shutdown_pool(kill=True)
        raise InputError(f"{what}: the reader crashed or ran out of memory") from None
    except MemoryError:
        raise InputError(f"{what}: too large to read (out of memory)") from None


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


class PooledSource:
    """A Source whose parsing and rendering happen in the worker processes."""

    def __init__(self, path: str, password: str | None) -> None:
        self.path = path
        self._password = password
        self.kind, self._count = _in_worker(
            _worker_info, path, password, timeout=INFO_TIMEOUT_S, what=path
        )

    @property
    def page_count(self) -> int:
        return self._count

    def page_dpi(self, index: int, dpi: int) -> int:  # pragma: no cover - not used via pool
        raise NotImplementedError

    def render(self, index: int, dpi: int) -> Image.Image:
        return _in_worker(
            _worker_render,
            self.path,
            self._password,
            index,
            dpi,
            timeout=PAGE_TIMEOUT_S,
            what=f"{self.path}: page {index + 1}",
        )

    def text_words(self, index: int, dpi: int) -> list[Word] | None:  # pragma: no cover
        raise NotImplementedError

    def has_images(self, index: int) -> bool:  # pragma: no cover
        raise NotImplementedError

    def close(self) -> None:
        pass


@dataclass
class OpenedDocument:
    """A document being worked on: its source (for page rasters) and its pages' words."""

    source: Any
    document: Document
    options: ReadOptions = field(default_factory=ReadOptions)

    def render_page(self, index: int) -> Image.Image:
        return self.source.render(index, self.options.dpi)

    def close(self) -> None:
        self.source.close()


def read_document(
    path: str | os.PathLike[str],
    options: ReadOptions | None = None,
    progress: Progress = null_progress,
    cancel: CancelToken | None = None,
    on_page: Callable[[PageText], None] | None = None,
) -> OpenedDocument:
    """Open an input and read every page's words, in the worker processes."""
    options = options or ReadOptions()
    p = os.fspath(path)
    if not os.path.isfile(p):
        raise InputError(f"{p}: no such file" if not os.path.exists(p) else f"{p}: not a file")
    source = PooledSource(p, options.password)
    total = source.page_count
    pages: dict[int, PageText] = {}
    progress("read", 0, total)
    _read_parallel(p, options, total, pages, progress, cancel, on_page)
    doc = Document(path=p, kind=source.kind, pages=tuple(pages[i] for i in range(total)))
    return OpenedDocument(source=source, document=doc, options=options)


def _read_parallel(
    path: str,
    options: ReadOptions,
    total: int,
    pages: dict[int, PageText],
    progress: Progress,
    cancel: CancelToken | None,
    on_page: Callable[[PageText], None] | None,
) -> None:
    pool = _get_pool()
    workers = options.workers or default_workers()
    pending: dict[Future[PageText], tuple[int, float]] = {}
    next_page = 0
    window = workers * 2
    try:
        while next_page < total or pending:
            while next_page < total and len(pending) < window:
                fut = pool.submit(
                    _worker_read, path, options.password, next_page, options.dpi, options.langs
                )
                pending[fut] = (next_page, time.monotonic())
                next_page += 1
            done, _ = wait(list(pending), timeout=0.2, return_when=FIRST_COMPLETED)
            if cancel and cancel.cancelled:
                for fut in pending:
                    fut.cancel()
                raise Cancelled("cancelled")
            now = time.monotonic()
            for fut, (index, started) in pending.items():
                if fut not in done and now - started > PAGE_TIMEOUT_S * workers:
                    shutdown_pool(kill=True)
                    raise InputError(f"{path}: page {index + 1} took too long to read")
            for fut in done:
                index, _started = pending.pop(fut)
                page = fut.result()
                pages[index] = page
                if on_page:
                    on_page(page)
                progress("read", len(pages), total)
    except BrokenProcessPool:
        shutdown_pool(kill=True)
        raise InputError(f"{path}: the reader crashed or ran out of memory") from None
    except MemoryError:
        raise InputError(f"{path}: too large to read (out of memory)") from None


# --- finding --------------------------------------------------------------------------------


def find_in_document(
    document: Document,
    deny: Sequence[str] = (),
    detector: Any | None = None,
    lang: str = "auto",
    extra_terms: Sequence[str] = (),
) -> list[Finding]:
    """Findings of the term list and (if given) the detector on every page, then every other
    occurrence of what was found (propagation across pages): the same rule the verifier
    uses to decide what would count as a leak, so a copy that passes one passes the other."""
    texts = [p.text_and_offsets() for p in document.pages]
    findings: list[Finding] = []
    if detector is not None:
        per_page = detector.analyze_many([t for t, _ in texts], lang=lang)
        for page, (text, offs), spans in zip(document.pages, texts, per_page, strict=True):
            findings += spans_to_findings(page, spans, "detector", text, offs)
    terms = list(dict.fromkeys([*deny, *extra_terms]))
    findings += _term_findings(document, texts, terms, ["TERM"] * len(terms), lang)
    findings = dedupe_findings(findings)
    # Propagate the identifying words of every finding (a surname hidden in one place and
    # readable in another is a leak).
    from .export.safe import hidden_words

    plan = make_plan(document, findings, state="accepted")
    word_label: dict[str, str] = {}
    for page in document.pages:
        reds = plan.on_page(page.index)
        for word in hidden_words(page, reds):
            label = next(
                (
                    r.label
                    for r in reds
                    if any(
                        page.words[i].text.strip(".,;:!?()[]{}«»\"'“”‘’") == word
                        for i in r.word_indexes
                    )
                ),
                "TERM",
            )
            word_label.setdefault(word, label)
    known = {t.casefold() for t in terms}
    more = [w for w in word_label if w.casefold() not in known]
    if more:
        labels = [word_label[w] for w in more]
        propagated = _term_findings(document, texts, more, labels, lang)
        propagated = [
            replace(f, span=replace(f.span, why="propagated from another finding"))
            for f in propagated
        ]
        findings = dedupe_findings(findings + propagated)
    return findings


def _term_findings(
    document: Document,
    texts: Sequence[tuple[str, list[tuple[int, int]]]],
    terms: Sequence[str],
    labels: Sequence[str],
    lang: str,
) -> list[Finding]:
    from .detect.terms import find_terms

    if not terms:
        return []
    out: list[Finding] = []
    for page, (text, offs) in zip(document.pages, texts, strict=True):
        spans = []
        for s in find_terms(text, list(terms), lang=lang):
            n = _term_number(s.why)
            spans.append(replace(s, label=labels[n] if 0 <= n < len(labels) else "TERM"))
        out += spans_to_findings(page, spans, "term", text, offs)
    return out


def _term_number(why: str) -> int:
    digits = why.rsplit("#", 1)[-1].split()[0] if "#" in why else ""
    return int(digits) if digits.isdigit() else -1


def dedupe_findings(findings: Sequence[Finding]) -> list[Finding]:
    """One finding per (page, words): a term match wins over the detector's label only when
    the detector has none for those words."""
    best: dict[tuple[int, tuple[int, ...]], Finding] = {}
    for f in findings:
        key = (f.page, f.word_indexes)
        old = best.get(key)
        if old is None or (old.span.label == "TERM" and f.span.label != "TERM"):
            best[key] = f
    # A term match inside a longer finding adds nothing but a second box to review.
    covered: dict[int, list[set[int]]] = {}
    for f in best.values():
        covered.setdefault(f.page, []).append(set(f.word_indexes))
    kept = [
        f
        for f in best.values()
        if f.source != "term"
        or not any(set(f.word_indexes) < other for other in covered.get(f.page, []))
    ]
    return sorted(kept, key=lambda f: (f.page, f.word_indexes))


def finding_texts(document: Document, findings: Sequence[Finding]) -> list[str]:
    """The text of each finding (in memory only: the verifier's search list)."""
    out: dict[str, None] = {}
    for f in findings:
        page = document.pages[f.page]
        words = [page.words[i].text for i in f.word_indexes]
        text = " ".join(words).strip(" ,.;:!?()[]«»\"'")
        if len(text) >= 3:
            out[text] = None
    return list(out)


def make_plan(
    document: Document, findings: Sequence[Finding], state: str = "proposed"
) -> plan_ops.RedactionPlan:
    """The plan for a document's findings, plus the dark boxes drawn in the source, which are
    always made solid (accepted)."""
    pages = [
        plan_ops.PagePlan(p.index, p.width_px, p.height_px, p.dpi, p.needs_eyes)
        for p in document.pages
    ]
    plan = plan_ops.from_findings(Path(document.path).name, pages, findings, state)
    for page in document.pages:
        for box in page.drawn_boxes:
            red = plan_ops.Redaction(
                id=plan.next_id(),
                page=page.index,
                box=box,
                label="MANUAL",
                source="detector",
                state="accepted",
                group="drawn",
                why="a dark box drawn in the source file",
            )
            plan = replace(plan, redactions=plan.redactions + (red,))
    return plan


def check_plan_fits(document: Document, plan: plan_ops.RedactionPlan) -> None:
    """A plan made for another file or other page sizes must not be applied."""
    if len(plan.pages) != len(document.pages):
        raise InputError(
            f"the plan has {len(plan.pages)} pages but {Path(document.path).name} has "
            f"{len(document.pages)}"
        )
    for pp, page in zip(plan.pages, document.pages, strict=True):
        if (pp.width_px, pp.height_px) != (page.width_px, page.height_px):
            raise InputError(
                f"the plan's page {pp.index + 1} is {pp.width_px}x{pp.height_px} px but the "
                f"document's is {page.width_px}x{page.height_px}: was it made at another DPI?"
            )


def plan_boxes(plan: plan_ops.RedactionPlan) -> dict[int, list[Box]]:
    out: dict[int, list[Box]] = {}
    for r in plan.redactions:
        if r.state == "accepted":
            out.setdefault(r.page, []).append(r.box)
    return out
