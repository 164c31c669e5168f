"""What an export does when its final check finds a hidden item: box the places it can locate
and check again; refuse, naming where, what it cannot.

A reader that finds an item on a page of the copy gives the page and, when it can, the box (an
OCR word of the copy's page, a text-layer word of the copy). Without a box, the item is looked
for among the page's own words (read from the source) and in a fresh OCR of the copy's page.
An item found where no box can go (the file's bytes, a stream, the structure) or found again
where a box already is, stops the export; the message names the page and region or the reader
and place, never the item's text."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from redactor.core.errors import LeakDetected, LeakPlace
from redactor.core.model import Box, Document, FindingSource, Label, ReviewState
from redactor.core.plan import Redaction
from redactor.core.verify import Location, VerifyReport
from redactor.core.verify.search import PlacedWord, find_term_numbers, locate_term

log = logging.getLogger(__name__)

MAX_ROUNDS = 3  # further boxing rounds after the first check
_PAD_PX = 2.0


def item_labels(
    terms: Sequence[str], document: Document, reds_by_page: Mapping[int, Sequence[Redaction]]
) -> list[str]:
    """The type of each search item: the label of a redaction whose words hold it, else TERM."""
    texts: list[tuple[str, str]] = []
    for page in document.pages:
        for red in reds_by_page.get(page.index, ()):
            words = [page.words[i].text for i in red.word_indexes if 0 <= i < len(page.words)]
            if words:
                texts.append((" ".join(words), red.label))
    out = []
    for term in terms:
        label = next((lab for text, lab in texts if find_term_numbers(text, [term])), Label.TERM)
        out.append(label if label != Label.MANUAL else Label.TERM)
    return out


@dataclass
class Further:
    """The outcome of locating a failed check's items: boxes to add per page (in the copy's
    pixels) with their types, and the places that cannot be boxed."""

    boxes: dict[int, list[tuple[Box, str]]] = field(default_factory=dict)
    unplaced: list[str] = field(default_factory=list)
    # every place found: (page of the checked file or None, box in the copy's pixels or None,
    # the item's type, where in words); what a refusal shows the editor (`leak_places`)
    found: list[tuple[int | None, Box | None, str, str]] = field(default_factory=list)


def _covered(box: Box, covers: Sequence[Box]) -> bool:
    area = max(box.width * box.height, 1e-6)
    for c in covers:
        w = min(box.x1, c.x1) - max(box.x0, c.x0)
        h = min(box.y1, c.y1) - max(box.y0, c.y0)
        if w > 0 and h > 0 and w * h >= 0.8 * area:
            return True
    return False


def _source_words(document: Document, page: int, factor: float) -> list[PlacedWord]:
    words = document.pages[page].words
    return [(w.text, w.box.scaled(factor) if factor != 1.0 else w.box, w.line) for w in words]


def _copy_ocr_words(path: Path, page: int, dpi: int) -> list[PlacedWord]:
    """A fresh OCR of the copy's page (a reader found the item there but gave no place)."""
    import pypdfium2 as pdfium

    from redactor.core.workers import submit_ocr_words

    doc = pdfium.PdfDocument(str(path))
    try:
        pg = doc[page]
        img = pg.render(scale=dpi / 72.0).to_pil().convert("L")
        pg.close()
    finally:
        doc.close()
    return [(w.text, w.box, w.line) for w in submit_ocr_words(img, dpi).result(timeout=600)]


def locate(
    report: VerifyReport,
    copy: Path,
    terms: Sequence[str],
    labels: Sequence[str],
    document: Document,
    covers: Mapping[int, Sequence[Box]],
    dpis: Mapping[int, int],
    factors: Mapping[int, float],
    pdf: bool = True,
) -> Further:
    """Where the check's items can be boxed, and what cannot."""
    out = Further()
    by_problem: dict[str, list[Location]] = {}
    for loc in report.locations:
        by_problem.setdefault(loc.problem, []).append(loc)
    ocr_cache: dict[int, list[PlacedWord]] = {}
    boxed_at = {(loc.item, loc.page) for loc in report.locations if loc.box is not None}
    for problem in report.problems:
        locs = by_problem.get(problem, [])
        if not locs:
            out.unplaced.append(problem)
            at: list[tuple[int | None, Box | None]] = [
                (page, box) for p, page, box in report.spots if p == problem
            ]
            for page, box in at or [(None, None)]:
                out.found.append((page, box, "", problem))
            continue
        placed = False
        here: list[str] = []
        for loc in locs:
            if loc.page is None or not 0 <= loc.page < len(document.pages):
                here.append(loc.describe())
                out.found.append((None, None, labels[loc.item], loc.describe()))
                continue
            page_covers = covers.get(loc.page, ())
            term, label = terms[loc.item], labels[loc.item]
            if loc.box is not None:
                boxes = [loc.box]
            else:
                factor = factors.get(loc.page, 1.0)
                boxes = locate_term(_source_words(document, loc.page, factor), term)
                if not [b for b in boxes if not _covered(b, page_covers)]:
                    if loc.page not in ocr_cache and pdf:
                        dpi = dpis.get(loc.page, 200)
                        ocr_cache[loc.page] = _copy_ocr_words(copy, loc.page, dpi)
                    boxes += locate_term(ocr_cache.get(loc.page, []), term)
            fresh = [b for b in boxes if not _covered(b, page_covers)]
            if not fresh and loc.box is None and (loc.item, loc.page) in boxed_at:
                placed = True  # another reader gave the place; its box hides this one too
                continue
            if not fresh:
                here.append(loc.describe())
                # found again under a box already burned (a reader still reads it there)
                under: list[Box | None] = list(boxes) or [None]
                for spot in under:
                    out.found.append((loc.page, spot, label, loc.describe()))
                continue
            placed = True
            page_boxes = out.boxes.setdefault(loc.page, [])
            for b in fresh:
                padded = Box(b.x0 - _PAD_PX, b.y0 - _PAD_PX, b.x1 + _PAD_PX, b.y1 + _PAD_PX)
                out.found.append((loc.page, padded, label, loc.describe()))
                if not any(_covered(padded, [p]) for p, _ in page_boxes):
                    page_boxes.append((padded, label))
        if not placed:
            out.unplaced.extend(here)
    out.unplaced = list(dict.fromkeys(out.unplaced))
    return out


def further_redactions(
    further: Further,
    factors: Mapping[int, float],
    rnd: int,
    page_numbers: Sequence[int] | None = None,
) -> tuple[dict[int, list[Redaction]], list[str]]:
    """The boxes as accepted redactions in the page's word coordinates, and the notes saying
    what was boxed (page, type, never the text). `page_numbers`: the document's page index of
    each page of the checked file (when the file holds some pages only)."""
    reds: dict[int, list[Redaction]] = {}
    notes: list[str] = []
    for local, boxes in sorted(further.boxes.items()):
        page = page_numbers[local] if page_numbers is not None else local
        f = factors.get(local, 1.0) or 1.0
        for k, (box, label) in enumerate(boxes):
            b = box.scaled(1.0 / f) if f != 1.0 else box
            reds.setdefault(local, []).append(
                Redaction(
                    id=f"check-{rnd}-{page}-{k}",
                    page=page,
                    box=b,
                    label=label,
                    source=FindingSource.DETECTOR,
                    state=ReviewState.ACCEPTED,
                    why="a further place the final check found",
                )
            )
            notes.append(f"page {page + 1}: boxed a further place the final check found ({label})")
            log.info(
                "export: page %d, a further place boxed (%s) at %.0f,%.0f-%.0f,%.0f",
                page + 1,
                label,
                b.x0,
                b.y0,
                b.x1,
                b.y1,
            )
    return reds, notes


def leak_places(
    further: Further,
    factors: Mapping[int, float],
    page_numbers: Sequence[int] | None = None,
    boxed: Sequence[tuple[int, Box, str]] = (),
) -> list[LeakPlace]:
    """The places a refused copy was found to hold a hidden item, for the editor: those of this
    round's check (boxes in the source page's word coordinates, as the plan's) and those boxed
    after earlier rounds (`boxed`: already in word coordinates), one each."""
    out: dict[tuple[object, ...], LeakPlace] = {}
    for local, box, label, where in further.found:
        if local is None:
            out.setdefault((None, where), LeakPlace(None, None, label, where))
            continue
        page = page_numbers[local] if page_numbers is not None else local
        f = factors.get(local, 1.0) or 1.0
        b = box.scaled(1.0 / f) if box is not None and f != 1.0 else box
        key = (page, None if b is None else tuple(round(v) for v in b.as_list()))
        out.setdefault(key, LeakPlace(page, b, label, where))
    for page, box, label in boxed:
        key = (page, tuple(round(v) for v in box.as_list()))
        where = f"page {page + 1}: a place an earlier check found (boxed, then refused)"
        out.setdefault(key, LeakPlace(page, box, label, where))
    return list(out.values())


def refusal(further: Further, report: VerifyReport, rounds_left: bool) -> str:
    """The message of an export the check still refuses."""
    if further.unplaced:
        where = "; ".join(further.unplaced[:6])
        more = f" (and {len(further.unplaced) - 6} more)" if len(further.unplaced) > 6 else ""
        return (
            "The export was stopped and nothing was written: the final check found what no box "
            f"can hide: {where}{more}. " + report.summary()
        )
    why = "" if rounds_left else f" after {MAX_ROUNDS} rounds of further boxes"
    return "The export was stopped and nothing was written" + why + ": " + report.summary()


def check_symbols(
    path: Path,
    keep: Mapping[int, Sequence[Box]],
    factors: Mapping[int, float],
    dpis: Mapping[int, int],
    pdf: bool = True,
    page_numbers: Sequence[int] | None = None,
    skip: Sequence[int] = (),
) -> None:
    """The copy's pages decoded for barcodes and QR codes (core/marks.py): LeakDetected if any
    still decodes, except inside `keep` (page -> boxes in the plan's coordinates of symbols the
    editor chose to leave readable). The message names the page and kind, never the content.
    `skip`: pages of the file the final check proved to be the source's pixels outside the
    boxes, on which the read lane left no symbol readable (VerifyReport.clear_pages)."""
    from PIL import Image

    from redactor.core.marks import symbols_left

    found: list[LeakPlace] = []
    for local, image in _copy_pages(path, dpis, pdf, set(skip)):
        page = page_numbers[local] if page_numbers is not None else local
        f = factors.get(local, 1.0) or 1.0
        kept = [b.scaled(f) for b in keep.get(page, ())]
        if not isinstance(image, Image.Image):
            continue
        for kind, box in symbols_left(image, dpis.get(local, 200), kept):
            where = f"page {page + 1}: a {kind} still decodes in the copy"
            found.append(LeakPlace(page, box.scaled(1.0 / f), Label.BARCODE, where))
    if found:
        log.info("final check: %d symbol(s) still decode in the copy", len(found))
        raise LeakDetected(
            "The export was stopped and nothing was written: "
            + "; ".join(p.where for p in found[:6]),
            [p.where for p in found],
            found,
        )


def _copy_pages(
    path: Path, dpis: Mapping[int, int], pdf: bool, skip: set[int]
) -> Iterator[tuple[int, object]]:
    if not pdf:
        if 0 in skip:
            return
        from PIL import Image

        with Image.open(path) as im:
            yield 0, im.convert("L")
        return
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        for i in range(len(doc)):
            if i in skip:
                continue
            page = doc[i]
            bitmap = page.render(scale=dpis.get(i, 200) / 72.0, grayscale=True)
            yield i, bitmap.to_pil()
            page.close()
    finally:
        doc.close()
