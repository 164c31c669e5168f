"""The steps of open -> read words -> find -> plan; jobs.py chains them (and export -> verify)
for the command line and the app, which call only jobs.analyse and jobs.export.

Page reading runs in worker processes (one Tesseract per process, one OCR thread each); results
are merged here, on the caller's thread."""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from PIL import Image

from . import fingerprint as fingerprints
from . import lanes
from . import plan as plan_ops
from .detect.mapping import spans_to_findings, words_for_span
from .errors import Cancelled, InputError, ReaderLost
from .items import hidden_words
from .lookalike import mixed_script_spans
from .model import (
    NOTICE_LABELS,
    Document,
    Finding,
    FindingSource,
    Label,
    PageText,
    Reason,
    ReviewState,
    Span,
    Stage,
    merge_reasons,
    reasons_of,
    span_reasons,
)
from .ocr import DEFAULT_LANGS
from .sources import DEFAULT_DPI
from .workers import PAGE_TIMEOUT_S, PooledSource, _worker_read

log = logging.getLogger(__name__)


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
    whole_photo: bool = False  # keep a photo's background (by default cut to the page)


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
    source = PooledSource(p, options.password, options.whole_photo)
    total = source.page_count
    pages: dict[int, PageText] = {}
    progress(Stage.READ, 0, total)
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
    pool = lanes.executor("read")
    workers = options.workers or lanes.default_workers()
    pending: dict[Future[PageText], tuple[int, float]] = {}
    next_page = 0
    window = workers * 2
    try:
        while next_page < total or pending:
            while next_page < total and len(pending) < window:
                fut = pool.submit(
                    _worker_read,
                    path,
                    options.password,
                    next_page,
                    options.dpi,
                    options.langs,
                    options.whole_photo,
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
                    lanes.shutdown("read", kill=True)
                    raise ReaderLost(f"{path}: page {index + 1} took too long to read")
            for fut in done:
                index, _started = pending.pop(fut)
                page = fut.result()
                pages[index] = page
                if on_page:
                    on_page(page)
                progress(Stage.READ, len(pages), total)
    except BrokenProcessPool:
        lanes.shutdown("read", kill=True)
        raise ReaderLost(f"{path}: the reader crashed or ran out of memory") from None
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
    from .detect.terms import reuse

    with reuse():  # each page is searched several times: tokenised and indexed once
        return _find_in_document(document, deny, detector, lang, extra_terms)


def _find_in_document(
    document: Document,
    deny: Sequence[str],
    detector: Any | None,
    lang: str,
    extra_terms: Sequence[str],
) -> list[Finding]:
    texts = [p.text_and_offsets() for p in document.pages]
    findings: list[Finding] = []
    if detector is not None:
        per_page = detector.analyze_many([t for t, _ in texts], lang=lang)
        for page, (text, offs), spans in zip(document.pages, texts, per_page, strict=True):
            found = spans_to_findings(page, spans, FindingSource.DETECTOR, text, offs)
            findings += [_with_origins(document, texts, f) for f in found]
    from .detect.deny import expand_deny

    # Deny terms are also searched in the other script and in their main script.
    terms = list(dict.fromkeys([*expand_deny(deny)[0], *extra_terms]))
    findings += _term_findings(document, texts, terms, [Label.TERM] * len(terms), lang)
    if detector is not None:
        # A word mixing scripts is a finding of its own (look-alike letters dodge searches); a
        # search for terms alone (no detector) finds only what it was asked for.
        for page, (text, offs) in zip(document.pages, texts, strict=True):
            findings += spans_to_findings(
                page, mixed_script_spans(text), FindingSource.DETECTOR, text, offs
            )
    findings = dedupe_findings(findings)
    # Propagate the identifying words of every finding (a surname hidden in one place and
    # readable in another is a leak): the words the verifier would look for (items.py).
    plan = make_plan(document, findings, state=ReviewState.ACCEPTED, fingerprint="")
    word_label: dict[str, str] = {}
    # where each word was found first: (page, word indexes of that finding), for the editor
    word_origin: dict[str, tuple[int, tuple[int, ...]]] = {}
    for page in document.pages:
        reds = plan.on_page(page.index)
        for word in hidden_words(page, reds):
            red = next(
                (
                    r
                    for r in reds
                    if r.label not in NOTICE_LABELS
                    and any(
                        page.words[i].text.strip(".,;:!?()[]{}«»\"'“”‘’") == word
                        for i in r.word_indexes
                    )
                ),
                None,
            )
            word_label.setdefault(word, red.label if red is not None else Label.TERM)
            if red is not None:
                word_origin.setdefault(word, (page.index, red.word_indexes))
        for r in reds:
            if r.label == Label.MIXED_SCRIPT:
                for i in r.word_indexes:
                    word = page.words[i].text.strip(".,;:!?()[]{}«»\"'“”‘’")
                    if sum(c.isalpha() for c in word) >= 4:
                        word_label.setdefault(word, Label.MIXED_SCRIPT)
                        word_origin.setdefault(word, (page.index, r.word_indexes))
    known = {t.casefold() for t in terms}
    more = [w for w in word_label if w.casefold() not in known]
    if more:
        labels = [word_label[w] for w in more]
        propagated = []
        for f in _term_findings(document, texts, more, labels, lang):
            origin = word_origin.get(f.span.term_text)
            if origin and origin[0] == f.page and set(f.word_indexes) <= set(origin[1]):
                continue  # the very words it came from: nothing to add
            span = replace(f.span, why=PROPAGATED_WHY)
            reason = Reason(f.source, span.label, span.why, span.score, span.term_text, origin)
            propagated.append(replace(f, span=span, reasons=(reason,)))
        findings = dedupe_findings(findings + propagated)
    return (
        findings
        + hidden_text_findings(document)
        + unread_findings(document)
        + mark_findings(document)
    )


PROPAGATED_WHY = "propagated from another finding"
HIDDEN_WHY = "hidden text in the source: "
# Findings an automatic run leaves proposed whatever state it asks for: the editor decides on
# them (a box over text nobody can see would only black out what the page shows there).
# Notices the command line never burns on its own: hidden source text is never carried into a copy
# anyway, and unread ink is held by its own gate (exit 6) until an editor has looked.
NOT_BURNED_UNASKED = frozenset({Label.HIDDEN_TEXT, Label.UNREAD})
# Said of hidden source text that the page draws for the editor (a Word or OpenDocument comment,
# a tracked deletion, a header, the properties; an e-mail's headers: sources/document.py lays them
# out as sections of the letter's pages). Unlike a PDF's hidden text, it would be in the copy:
# an automatic run, and a copy of undecided findings, hide it whole (`burned_unasked`).
DRAWN_HIDDEN = " (drawn on the page for the editor: hidden in the copy unless kept)"
UNREAD_WHY = (
    "ink no reader could read (handwriting, a signature, a stamp, turned or faint writing?)"
)


def burned_unasked(red: plan_ops.Redaction) -> bool:
    """Whether an automatic run hides this finding on its own (and a copy hides it while it is
    undecided): all but the notices of NOT_BURNED_UNASKED, except hidden text drawn on the page."""
    return red.label not in NOT_BURNED_UNASKED or (
        red.label == Label.HIDDEN_TEXT and DRAWN_HIDDEN.strip() in red.why
    )


def hidden_text_findings(document: Document) -> list[Finding]:
    """A HIDDEN_TEXT finding per run of hidden words (`PageText.hidden_words`) hidden the same
    way in one block of a page: their boxes, no word indexes (they are no words of the page),
    `hidden_indexes` into the page's hidden words, and a `why` that says how, never what."""
    out: list[Finding] = []
    for page in document.pages:
        runs: list[tuple[str, list[int]]] = []
        for i, word in enumerate(page.hidden_words):
            how = page.hidden_hows[i] if i < len(page.hidden_hows) else "not visible"
            last = runs[-1] if runs else None
            if last and last[0] == how and page.hidden_words[last[1][-1]].block == word.block:
                last[1].append(i)
            else:
                runs.append((how, [i]))
        shown = {w.box for w in page.words}
        for how, idxs in runs:
            drawn = all(page.hidden_words[i].box in shown for i in idxs)
            why = HIDDEN_WHY + how + (DRAWN_HIDDEN if drawn else "")
            out.append(
                Finding(
                    page=page.index,
                    span=Span(0, 0, Label.HIDDEN_TEXT, 1.0, why),
                    word_indexes=(),
                    boxes=tuple(page.hidden_words[i].box for i in idxs),
                    source=FindingSource.DETECTOR,
                    term_key=f"hidden text {page.index}:{idxs[0]}",
                    hidden_indexes=tuple(idxs),
                )
            )
    return out


def unread_findings(document: Document) -> list[Finding]:
    """An UNREAD finding per region of ink no reader could read (`PageText.unread_regions`):
    in the app, accepting it boxes the region, rejecting it says it was looked at."""
    return [
        Finding(
            page=page.index,
            span=Span(0, 0, Label.UNREAD, 1.0, UNREAD_WHY),
            word_indexes=(),
            boxes=(box,),
            source=FindingSource.DETECTOR,
            term_key=f"unread {page.index}:{n}",
        )
        for page in document.pages
        for n, box in enumerate(page.unread_regions)
    ]


def mark_findings(document: Document) -> list[Finding]:
    """A finding per mark of a page's pixels (`PageText.marks`: barcodes, faces, stamps,
    signatures, handwriting): its box, no words, a `why` that names the kind ("QR code", "round
    stamp"), never what it says."""
    return [
        Finding(
            page=page.index,
            span=Span(0, 0, mark.label, mark.score, f"{mark.kind} in the page's pixels"),
            word_indexes=(),
            boxes=(mark.box,),
            source=FindingSource.DETECTOR,
            term_key=f"mark {page.index}:{n}",
        )
        for page in document.pages
        for n, mark in enumerate(page.marks)
    ]


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
            n = -1 if s.term is None else s.term
            label = labels[n] if 0 <= n < len(labels) else Label.TERM
            # the term goes with the span for the editor's screen (in memory only)
            spans.append(replace(s, label=label, term_text=terms[n] if n >= 0 else ""))
        out += spans_to_findings(page, spans, FindingSource.TERM, text, offs)
    return out


def dedupe_findings(findings: Sequence[Finding]) -> list[Finding]:
    """One finding per (page, words): a term match wins over the detector's label only when
    the detector has none for those words; a notice (MIXED_SCRIPT) is kept besides. The
    reasons of a finding left out go to the one kept for its words."""
    best: dict[tuple[int, tuple[int, ...], bool], Finding] = {}
    for f in findings:
        # a notice (a word mixing scripts) is kept beside the detector's label for its words
        key = (f.page, f.word_indexes, f.span.label in NOTICE_LABELS)
        old = best.get(key)
        if old is None:
            best[key] = f
        elif old.span.label == Label.TERM and f.span.label != Label.TERM:
            best[key] = replace(f, reasons=merge_reasons(reasons_of(f), reasons_of(old)))
        else:
            best[key] = replace(old, reasons=merge_reasons(reasons_of(old), reasons_of(f)))
    # A term match inside a longer finding adds nothing but a second box to review (its
    # reason goes to the longer finding).
    by_page: dict[int, list[tuple[int, tuple[int, ...], bool]]] = {}
    for key, f in best.items():
        by_page.setdefault(f.page, []).append(key)
    for key in list(best):
        f = best[key]
        if f.source != FindingSource.TERM:
            continue
        words = set(f.word_indexes)
        outer = next(
            (k for k in by_page[f.page] if k in best and k != key and words < set(k[1])), None
        )
        if outer is not None:
            del best[key]
            o = best[outer]
            best[outer] = replace(o, reasons=merge_reasons(reasons_of(o), reasons_of(f)))
    return sorted(best.values(), key=lambda f: (f.page, f.word_indexes))


def _with_origins(
    document: Document, texts: Sequence[tuple[str, list[tuple[int, int]]]], f: Finding
) -> Finding:
    """A detector finding with its reasons, a propagated span's origin placed on its page's
    words (the texts are the document's pages, in order)."""

    def origin(s: Span) -> tuple[int, tuple[int, ...]] | None:
        if s.origin is None or not 0 <= s.origin[0] < len(texts):
            return None
        n, start, end = s.origin
        return document.pages[n].index, tuple(words_for_span(texts[n][1], start, end))

    return replace(f, reasons=span_reasons(f.span, f.source, origin))


def make_plan(
    document: Document,
    findings: Sequence[Finding],
    state: ReviewState | str = ReviewState.PROPOSED,
    fingerprint: str | None = None,
) -> plan_ops.RedactionPlan:
    """The plan for a document's findings, plus the dark boxes drawn in the source, which are
    always made solid (accepted). `fingerprint` is the input's keyed fingerprint when the caller
    has it (jobs.analyse hashes the input once), "" for a plan that names no file (a
    provisional one), None to hash the file here."""
    pages = [
        plan_ops.PagePlan(p.index, p.width_px, p.height_px, p.dpi, p.needs_eyes)
        for p in document.pages
    ]
    plan = plan_ops.from_findings(Path(document.path).name, pages, findings, state)
    if state != ReviewState.PROPOSED:
        plan = replace(
            plan,
            redactions=tuple(
                r if burned_unasked(r) else replace(r, state=ReviewState.PROPOSED)
                for r in plan.redactions
            ),
        )
    if fingerprint is None and os.path.isfile(document.path):
        fingerprint = fingerprints.fingerprint_file(document.path)
    if fingerprint:
        plan = replace(plan, fingerprint=fingerprint, key_id=fingerprints.key_id())
    for page in document.pages:
        for box in page.drawn_boxes:
            red = plan_ops.Redaction(
                id=plan.next_id(),
                page=page.index,
                box=box,
                label=Label.MANUAL,
                source=FindingSource.DETECTOR,
                state=ReviewState.ACCEPTED,
                group="drawn",
                why="a dark box drawn in the source file",
            )
            plan = replace(plan, redactions=plan.redactions + (red,))
    return plan


def check_plan_fits(
    document: Document, plan: plan_ops.RedactionPlan, fingerprint: str | None = None
) -> None:
    """A plan made for another file, on another installation or for other page sizes must not
    be applied. Files are compared by their keyed fingerprints (fingerprint.py): the
    document's is `fingerprint` when the caller has it, else the file is hashed here."""
    if not plan.fingerprint:
        raise InputError("the plan does not say which file it was made for; save it again")
    key = fingerprints.load_key()
    if plan.key_id != fingerprints.key_id(key):
        raise InputError(
            "the plan was made by another installation of Redactor (another computer or user, "
            "or before its key was deleted), so it cannot be matched to any file here; make the "
            "plan again on this computer"
        )
    if fingerprint is None:
        fingerprint = fingerprints.fingerprint_file(document.path, key)
    if plan.fingerprint != fingerprint:
        raise InputError(f"the plan was made for another file, not {Path(document.path).name}")
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
