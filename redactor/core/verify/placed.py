"""Words a reader placed on a page of the copy: pdfium's text-page words and Tesseract's words of
a rendered page or of an image drawn on it, with boxes in the page's pixels (so an export can box
where the check found an item)."""

from __future__ import annotations

from typing import Any

from ..model import Box
from .search import PlacedWord, _Collector

# an OCR job: its future, where it reads, the page, and image px -> page px (sx, sy, ox, oy)
_Pending = tuple[Any, str, int, tuple[float, float, float, float] | None]


def _ocr_page_images(
    page: Any, index: int, col: _Collector, pending: list[_Pending], page_dpi: int
) -> bool:
    """OCR every image drawn on the page by itself (what a drawn box or a mask hides inside an
    image is still in it). True when the page is nothing but one full-page image (and invisible
    text), so OCR of the rendered page would read the same pixels again."""
    import pypdfium2.raw as pdfium_c

    left, bottom, right, top = page.get_cropbox()
    images = list(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]))
    others = list(
        page.get_objects(
            filter=[pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_SHADING], max_depth=15
        )
    )
    for k, obj in enumerate(images):
        w_img, h_img = obj.get_px_size()
        if w_img < 32 or h_img < 32:
            continue
        try:
            img = obj.get_bitmap(render=False).to_pil().convert("RGB")
        except Exception:
            col.add(f"pdfium cannot decode image {k + 1} on page {index + 1}")
            continue
        x0, y0, x1, y1 = obj.get_bounds()
        width_pt = max(x1 - x0, 1.0)
        dpi = max(70, min(600, round(w_img / width_pt * 72)))
        # image pixels -> page pixels at the page's dpi (images drawn upright; others are
        # searched without places)
        a, b, c, d, _e, _f = obj.get_matrix().get()
        upright = a > 0 and d > 0 and abs(b) < 1e-6 and abs(c) < 1e-6
        sx = (x1 - x0) * page_dpi / 72.0 / w_img
        sy = (y1 - y0) * page_dpi / 72.0 / h_img
        ox, oy = (x0 - left) * page_dpi / 72.0, (top - y1) * page_dpi / 72.0
        where = f"image {k + 1} on page {index + 1}"
        place = (sx, sy, ox, oy) if upright else None
        pending.append((_ocr_words_async(img, dpi), where, index, place))
    if len(images) != 1 or others:
        return False
    x0, y0, x1, y1 = images[0].get_bounds()
    tol = 1.0
    return x0 <= left + tol and y0 <= bottom + tol and x1 >= right - tol and y1 >= top - tol


def _ocr_words_async(img: Any, dpi: int) -> Any:
    """The OCR words of a rendered page or image, as a future: pages are read in parallel by
    the pipeline's worker processes while this side renders the next one."""
    from redactor.core.workers import submit_ocr_words

    return submit_ocr_words(img, dpi)


def _pdfium_words(tp: Any, page: Any, page_dpi: int) -> list[PlacedWord]:
    """The words of pdfium's text page with their boxes in page pixels (lines unknown: -1)."""
    left, _bottom, _right, top = page.get_cropbox()
    k = page_dpi / 72.0
    out: list[PlacedWord] = []
    text: list[str] = []
    box: Box | None = None
    for c in range(tp.count_chars()):
        ch = tp.get_text_range(c, 1)
        if not ch or ch.isspace():
            if text and box is not None:
                out.append(("".join(text), box, -1))
            text, box = [], None
            continue
        x0, y0, x1, y1 = tp.get_charbox(c, loose=True)
        b = Box((x0 - left) * k, (top - y1) * k, (x1 - left) * k, (top - y0) * k)
        text.append(ch)
        box = b if box is None else box.union(b)
    if text and box is not None:
        out.append(("".join(text), box, -1))
    return out
