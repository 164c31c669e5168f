"""The one entry point for a safe export: burn, write to a temporary file next to the target,
verify it with independent readers, and only then rename it into place.

Any failure (a leak found by the verifier included) removes the temporary file and re-raises:
nothing half-written or unverified is ever left at the target.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from PIL import Image

from redactor.core.errors import ExportError, LeakDetected, LeakPlace, UsageError
from redactor.core.fileio import fsync_dir, fsync_file, part_file_in, publish
from redactor.core.items import hidden_words
from redactor.core.model import Box, Document, Label, PageText, ReviewState, Word
from redactor.core.plan import Redaction, RedactionPlan
from redactor.core.verify import VerifyReport, find_term_numbers, raw_pdf_string, verify_file
from redactor.core.verify.regions import PageExpect, as_array, page_expect

from .burn import BW_THRESHOLD, burn, cover_boxes, to_bw, visible_words
from .dots import without_tracking_dots
from .pdf import ExportPage, _gray_if_lossless, write_pdf
from .png import write_png
from .recheck import (
    MAX_ROUNDS,
    check_symbols,
    further_redactions,
    item_labels,
    leak_places,
    locate,
    refusal,
)
from .txt import write_txt

log = logging.getLogger(__name__)

FORMATS = ("pdf", "png", "txt")


def _scaled_page(page: PageText, image: Image.Image) -> tuple[float, int]:
    """The factor from the page's word coordinates to the rendered image, and the image's dpi."""
    if page.width_px <= 0:
        return 1.0, page.dpi
    factor = image.width / float(page.width_px)
    if abs(factor - 1.0) < 1e-6:
        return 1.0, page.dpi
    return factor, max(1, round(page.dpi * factor))


def _scale_word(w: Word, factor: float) -> Word:
    if factor == 1.0:
        return w
    return Word(w.text, w.box.scaled(factor), w.conf, w.line, w.block, w.source)


def _dedupe(items: Sequence[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for t in items:
        k = t.strip().casefold()
        if k and k not in seen:
            seen.add(k)
            out.append(t.strip())
    return out


def _source_ids(document: Document) -> list[bytes]:
    if document.kind != "pdf":
        return []
    try:
        with open(document.path, "rb") as fh:
            if b"%PDF-" not in fh.read(1024):  # an e-mail with a PDF attached is no PDF
                return []
        import pypdf

        reader = pypdf.PdfReader(document.path, strict=False)
        ids = reader.trailer.get("/ID")
        if ids is None:
            return []
        return [raw_pdf_string(v) for v in ids.get_object()]
    except Exception:  # an unreadable source ID only weakens one check
        return []


def _bw_fill(fill: tuple[int, int, int]) -> tuple[int, int, int]:
    lum = 0.299 * fill[0] + 0.587 * fill[1] + 0.114 * fill[2]
    v = 0 if lum < BW_THRESHOLD else 255
    return (v, v, v)


def needs_ocr_check(document: Document, fmt: str) -> bool:
    """Whether the copy's verify should OCR its pages: when a PDF page's words came from its
    text layer alone. That layer was trusted to say what the ink shows; a font whose ToUnicode
    map spells something else would otherwise let a visible name pass every check.
    The export's own check reads its pages by regions whatever this says (verify/regions.py:
    the source's expectation decides what is read); it matters for pages that are not one
    full-page image of the expected size, and for `redactor verify`-like calls without one."""
    return (
        fmt.lower().lstrip(".") != "txt"
        and document.kind == "pdf"
        and any(p.ocr_conf is None and p.words for p in document.pages)
    )


def png_targets(out_path: Path, page_count: int) -> list[Path]:
    """Where a PNG export goes: out_path for one page, `<stem>-001.png`, ... for several."""
    if page_count == 1:
        return [out_path]
    return [out_path.with_name(f"{out_path.stem}-{i + 1:03d}.png") for i in range(page_count)]


def export_safe(
    document: Document,
    plan: RedactionPlan,
    render_page: Callable[[int], Image.Image],
    out_path: str | os.PathLike[str],
    fmt: str = "pdf",
    text_layer: bool = True,
    bw: bool = False,
    terms: Sequence[str] = (),
    progress: Callable[[int, int], None] | None = None,
    fill: tuple[int, int, int] = (0, 0, 0),
    check_hidden_words: bool = True,
    ocr: bool | None = None,
    color: bool = False,
) -> VerifyReport:
    """Export a safe copy of `document` with the plan's accepted redactions burned in.

    Each page is rendered (`render_page(index)`), its boxes grown to cover whole words and the
    gaps to their neighbours (`cover_boxes`), burned, optionally turned black-and-white, and
    written to a temporary file in the target folder. The file is fsynced and verified
    (`verify_file`: the terms, the hidden words of named redactions, the pixels under every box,
    metadata and structure) and only then renamed onto `out_path`. On any failure, LeakDetected
    included, the temporary files are removed and the error re-raised.

    Pages are written in greyscale, or in colour with the printer's yellow tracking dots cleaned
    when they have colour worth keeping (dots.py); `color` keeps them exactly as rendered (the
    verifier then reports a dot pattern as a warning, not a failure); `bw` writes 1-bit pages.

    fmt 'png' writes `out_path` for a one-page document, otherwise `<stem>-001.png`, ... (all
    verified before any is renamed). fmt 'txt' writes the letter's text with placeholders."""
    fmt = fmt.lower().lstrip(".")
    if ocr is None:
        ocr = needs_ocr_check(document, fmt)
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r} (use pdf, png or txt)")
    if bw and color:
        raise UsageError("choose black-and-white or colour, not both")
    look = look_of(bw, color)
    if not document.pages:
        raise ExportError("the document has no pages to export")
    target = Path(out_path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"the output folder {folder} does not exist")

    reds_by_page = {p.index: plan.on_page(p.index) for p in document.pages}
    all_terms = _dedupe(list(terms))
    if check_hidden_words:
        extra = [t for p in document.pages for t in hidden_words(p, reds_by_page[p.index])]
        # Words the editor chose to leave readable somewhere (a rejected finding) are no leak.
        rejected = {
            t.casefold()
            for p in document.pages
            for t in hidden_words(p, plan.on_page(p.index, states=(ReviewState.REJECTED,)))
        }
        extra = [t for t in extra if t.casefold() not in rejected]
        all_terms = _dedupe(all_terms + extra)
    log.info(
        "export: %s, %d page(s), %d box(es), %d item(s) to check",
        fmt,
        len(document.pages),
        sum(len(v) for v in reds_by_page.values()),
        len(all_terms),
    )
    names = png_targets(target, len(document.pages)) if fmt == "png" else [target]
    for name in names:
        hits = find_term_numbers(name.name, all_terms)
        if hits:
            raise LeakDetected(
                f"The export was stopped: the output's file name contains hidden item "
                f"#{min(hits) + 1}; choose another name",
                [f"file name: hidden item #{min(hits) + 1} in the output's name"],
                [LeakPlace(None, None, "", "the output's file name")],
            )
    # Barcodes and QR codes the editor chose to leave readable: the final check lets them be.
    keep = {
        p.index: [
            r.box
            for r in plan.on_page(p.index, states=(ReviewState.REJECTED,))
            if r.label == Label.BARCODE
        ]
        for p in document.pages
    }
    temps: list[Path] = []
    try:
        if fmt == "txt":
            report = _export_txt(document, reds_by_page, target, folder, all_terms, temps)
            if progress is not None:
                progress(len(document.pages), len(document.pages))
        elif fmt == "pdf":
            report = _export_pdf(
                document,
                reds_by_page,
                render_page,
                target,
                folder,
                text_layer,
                look,
                all_terms,
                progress,
                fill,
                temps,
                ocr,
                keep,
            )
        else:
            report = _export_png(
                document,
                reds_by_page,
                render_page,
                target,
                folder,
                look,
                all_terms,
                progress,
                fill,
                temps,
                ocr,
                keep,
            )
    except BaseException as exc:
        for t in temps:
            t.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise ExportError(f"cannot write {target.name}: {exc.strerror or exc}") from None
        raise
    return report


def look_of(bw: bool, color: bool) -> str:
    """The copy's look: "bw" (1-bit), "color" (as rendered) or "auto" (tracking dots cleaned,
    greyscale unless the page has colour worth keeping)."""
    return "bw" if bw else "color" if color else "auto"


@dataclass(frozen=True)
class BurnedPage:
    image: Image.Image  # the copy's pixels of the page
    cover: list[Box]  # the burned boxes, in the image's pixels
    dpi: int  # the image's resolution
    factor: float  # from the page's word coordinates to the image's pixels


def burn_page(
    page: PageText,
    reds: Sequence[Redaction],
    image: Image.Image,
    look: str = "auto",
    fill: tuple[int, int, int] = (0, 0, 0),
) -> BurnedPage:
    """One page of the copy from its rendered pixels: the tracking dots cleaned ("auto"), the
    boxes of `reds` grown to cover whole words (`cover_boxes`) and burned, 1-bit for "bw".
    The export writes exactly this (the app's preview of the copy shows it too)."""
    factor, dpi = _scaled_page(page, image)
    if look == "auto":  # before burning: the fill stays exactly the fill
        image = without_tracking_dots(image, dpi)
    words = [_scale_word(w, factor) for w in page.words]
    boxes = [r.box.scaled(factor) if factor != 1.0 else r.box for r in reds]
    cover = cover_boxes(boxes, words, image.width, image.height)
    burned = burn(image, cover, fill)
    if look == "bw":
        burned = to_bw(burned)
    return BurnedPage(burned, cover, dpi, factor)


def _burned_pages(
    document: Document,
    reds_by_page: Mapping[int, Sequence[Redaction]],
    render_page: Callable[[int], Image.Image],
    look: str,
    text_layer: bool,
    fill: tuple[int, int, int],
    covers: dict[int, list[Box]],
    dpis: dict[int, int],
    progress: Callable[[int, int], None] | None,
    factors: dict[int, float] | None = None,
    expects: dict[int, PageExpect] | None = None,
    keep: Mapping[int, Sequence[Box]] | None = None,
) -> Iterator[ExportPage]:
    total = len(document.pages)
    for n, page in enumerate(document.pages):
        image = render_page(page.index)
        b = burn_page(page, reds_by_page[page.index], image, look, fill)
        factor, dpi, cover = b.factor, b.dpi, b.cover
        if factors is not None:
            factors[n] = factor
        burned = b.image
        if expects is not None:
            kept = [k.scaled(factor) for k in (keep or {}).get(page.index, ())]
            expects[n] = _expect(page, image, burned, cover, factor, kept)
        words = [_scale_word(w, factor) for w in page.words]
        visible = (
            tuple(_layer_words(words, reds_by_page[page.index], cover, image)) if text_layer else ()
        )
        covers[n] = cover
        dpis[n] = dpi
        log.info("export: page %d, %d box(es) burned", page.index + 1, len(cover))
        yield ExportPage(burned, dpi, visible)
        if progress is not None:
            progress(n + 1, total)


def _copy_mode(burned: Image.Image) -> str:
    """The mode of the page image the copy holds (what write_pdf and write_png store)."""
    if burned.mode == "1":
        return "1"
    if burned.mode == "L" or (burned.mode == "RGB" and _gray_if_lossless(burned).mode == "L"):
        return "L"
    return "RGB"


def _expect(
    page: PageText,
    source: Image.Image,
    burned: Image.Image,
    cover: Sequence[Box],
    factor: float,
    kept: Sequence[Box],
) -> PageExpect:
    """What the final check may take for known on this page of the copy: the source render's
    pixels (the ones the read lane read) converted as the copy stores them, its words, and
    whether the read lane looked for symbols and left none readable (verify/regions.py). Made
    from the source render, never from the burned image: a burner that adds ink is caught."""
    mode = _copy_mode(burned)
    expected = to_bw(source) if mode == "1" else source
    words = [
        (w.text, w.box.scaled(factor) if factor != 1.0 else w.box, w.line, w.source)
        for w in page.words
    ]
    # The read lane looked for barcodes on a page it OCR'd, that has unread ink or marks; a
    # typed page it did not OCR has no ink outside its words beyond a speck (pages.stray_ink).
    looked = page.ocr_conf is not None or bool(page.unread_regions) or bool(page.marks)
    typed = any(w.source == "text" for w in page.words)
    symbols = [
        m.box.scaled(factor) if factor != 1.0 else m.box
        for m in page.marks
        if m.label == Label.BARCODE
    ]
    clear = (looked or typed) and all(
        any(c.contains_center_of(s) for c in [*cover, *kept]) for s in symbols
    )
    return page_expect(as_array(expected, mode), mode, cover, words, clear)


def _layer_words(
    words: Sequence[Word], reds: Sequence[Redaction], cover: Sequence[Box], image: Image.Image
) -> list[Word]:
    """The words that may go into the copy's invisible text layer: those lying wholly on the
    page, listed by no redaction and touching no burned box. A word outside the page or the
    CropBox was never visible (and a box over it is clipped away to nothing), so it stays out."""
    listed = {i for r in reds for i in r.word_indexes}
    w_px, h_px = image.width + 1.0, image.height + 1.0
    on_page = [
        w
        for i, w in enumerate(words)
        if i not in listed
        and w.box.x0 >= -1.0
        and w.box.y0 >= -1.0
        and w.box.x1 <= w_px
        and w.box.y1 <= h_px
    ]
    return visible_words(on_page, cover)


def _dots_policy(look: str) -> str:
    """A tracking-dot pattern in the copy fails it, unless the editor asked to keep the colours."""
    return "warning" if look == "color" else "problem"


def _check(
    path: Path,
    terms: Sequence[str],
    covers: Mapping[int, Sequence[Box]],
    dpis: Mapping[int, int],
    fill: tuple[int, int, int],
    ocr: bool,
    forbidden_ids: Sequence[bytes] = (),
    look: str = "auto",
) -> VerifyReport:
    report = verify_file(
        path,
        terms,
        covers,
        fill,
        ocr=ocr,
        dpi=dpis,
        forbidden_ids=forbidden_ids,
        tracking_dots=_dots_policy(look),
    )
    if not report.ok:
        raise LeakDetected(
            "The export was stopped and nothing was written: " + report.summary(),
            list(report.problems),
            [LeakPlace(None, None, "", p) for p in report.problems],
        )
    return report


_Reds = Mapping[int, Sequence[Redaction]]
_Render = Callable[[int], Image.Image]
_Progress = Callable[[int, int], None] | None


def _export_pdf(
    document: Document,
    reds_by_page: _Reds,
    render_page: _Render,
    target: Path,
    folder: Path,
    text_layer: bool,
    look: str,
    terms: Sequence[str],
    progress: _Progress,
    fill: tuple[int, int, int],
    temps: list[Path],
    ocr: bool,
    keep: Mapping[int, Sequence[Box]] | None = None,
) -> VerifyReport:
    tmp = part_file_in(folder, ".pdf")
    temps.append(tmp)
    bw = look == "bw"
    check_fill = _bw_fill(fill) if bw else fill
    labels: list[str] = []  # the items' types, worked out when a check fails
    ids = _source_ids(document)
    reds = {k: list(v) for k, v in reds_by_page.items()}
    boxed: list[str] = []
    places: list[tuple[int, Box, str]] = []
    for rnd in range(MAX_ROUNDS + 1):
        covers: dict[int, list[Box]] = {}
        dpis: dict[int, int] = {}
        factors: dict[int, float] = {}
        expects: dict[int, PageExpect] = {}
        pages = _burned_pages(
            document,
            reds,
            render_page,
            look,
            text_layer,
            fill,
            covers,
            dpis,
            progress if rnd == 0 else None,
            factors,
            expects,
            keep,
        )
        with open(tmp, "wb") as fh:
            write_pdf(pages, fh, text_layer=text_layer, bw=bw)
            fh.flush()
            os.fsync(fh.fileno())
        report = verify_file(
            tmp,
            terms,
            covers,
            check_fill,
            ocr=ocr,
            dpi=dpis,
            forbidden_ids=ids,
            tracking_dots=_dots_policy(look),
            expect=expects,
        )
        if report.ok:
            break
        labels = labels or item_labels(terms, document, reds_by_page)
        further = locate(report, tmp, terms, labels, document, covers, dpis, factors)
        if further.unplaced or not further.boxes or rnd == MAX_ROUNDS:
            raise LeakDetected(
                refusal(further, report, rnd < MAX_ROUNDS),
                list(further.unplaced or report.problems),
                leak_places(further, factors, boxed=places),
            )
        more, notes = further_redactions(further, factors, rnd + 1)
        for page, extra in more.items():
            reds.setdefault(page, []).extend(extra)
            places += [(page, r.box, r.label) for r in extra]
        boxed += notes
    check_symbols(tmp, keep or {}, factors, dpis, skip=report.clear_pages)
    publish(tmp, target)
    temps.clear()
    fsync_dir(folder)
    return VerifyReport(
        str(target),
        report.readers,
        report.terms_checked,
        (),
        report.warnings,
        boxed=tuple(boxed),
        boxed_places=tuple(places),
    )


def _export_png(
    document: Document,
    reds_by_page: _Reds,
    render_page: _Render,
    target: Path,
    folder: Path,
    look: str,
    terms: Sequence[str],
    progress: _Progress,
    fill: tuple[int, int, int],
    temps: list[Path],
    ocr: bool,
    keep: Mapping[int, Sequence[Box]] | None = None,
) -> VerifyReport:
    targets = png_targets(target, len(document.pages))
    readers: list[str] = []
    done: list[tuple[Path, Path]] = []
    check_fill = _bw_fill(fill) if look == "bw" else fill
    warnings: list[str] = []
    labels: list[str] = []  # the items' types, worked out when a check fails
    boxed: list[str] = []
    places: list[tuple[int, Box, str]] = []
    for n, page_text in enumerate(document.pages):
        one = replace(document, pages=(page_text,))  # each page is a file of its own
        reds = {page_text.index: list(reds_by_page[page_text.index])}
        tmp = part_file_in(folder, ".png")
        temps.append(tmp)
        for rnd in range(MAX_ROUNDS + 1):
            covers: dict[int, list[Box]] = {}
            dpis: dict[int, int] = {}
            factors: dict[int, float] = {}
            expects: dict[int, PageExpect] = {}
            [page] = _burned_pages(
                one,
                reds,
                render_page,
                look,
                False,
                fill,
                covers,
                dpis,
                None,
                factors,
                expects,
                keep,
            )
            write_png(page.image, tmp)
            fsync_file(tmp)
            report = verify_file(
                tmp,
                terms,
                covers,
                check_fill,
                ocr=ocr,
                dpi=dpis,
                tracking_dots=_dots_policy(look),
                expect=expects,
            )
            if report.ok:
                break
            labels = labels or item_labels(terms, document, reds_by_page)
            further = locate(report, tmp, terms, labels, one, covers, dpis, factors, pdf=False)
            if further.unplaced or not further.boxes or rnd == MAX_ROUNDS:
                earlier = [p for p in places if p[0] == page_text.index]
                raise LeakDetected(
                    refusal(further, report, rnd < MAX_ROUNDS),
                    list(further.unplaced or report.problems),
                    leak_places(further, factors, (page_text.index,), earlier),
                )
            more, notes = further_redactions(further, factors, rnd + 1, (page_text.index,))
            reds[page_text.index].extend(more.get(0, []))
            places += [(page_text.index, r.box, r.label) for r in more.get(0, [])]
            boxed += notes
        check_symbols(
            tmp,
            keep or {},
            factors,
            dpis,
            pdf=False,
            page_numbers=(page_text.index,),
            skip=report.clear_pages,
        )
        readers += [r for r in report.readers if r not in readers]
        warnings += [w.replace("page 1", f"page {n + 1}") for w in report.warnings]
        done.append((tmp, targets[n]))
        if progress is not None:
            progress(n + 1, len(document.pages))
    renamed: list[Path] = []
    try:
        for tmp, dest in done:
            publish(tmp, dest)
            renamed.append(dest)
    except BaseException:
        for dest in renamed:  # all or nothing
            dest.unlink(missing_ok=True)
        raise
    temps.clear()
    fsync_dir(folder)
    return VerifyReport(
        str(targets[0]),
        tuple(readers),
        len(terms),
        (),
        tuple(warnings),
        boxed=tuple(boxed),
        boxed_places=tuple(places),
    )


def _export_txt(
    document: Document,
    reds_by_page: _Reds,
    target: Path,
    folder: Path,
    terms: Sequence[str],
    temps: list[Path],
) -> VerifyReport:
    tmp = part_file_in(folder, ".txt")
    temps.append(tmp)
    write_txt(list(document.pages), reds_by_page, tmp)
    fsync_file(tmp)
    report = _check(tmp, terms, {}, {}, (0, 0, 0), False)
    publish(tmp, target)
    temps.clear()
    fsync_dir(folder)
    return VerifyReport(str(target), report.readers, report.terms_checked, ())


__all__ = ["FORMATS", "export_safe", "hidden_words", "png_targets"]
