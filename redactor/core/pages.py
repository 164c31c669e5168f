"""Reading one page: its words from the text layer and OCR, and whether the editor must look."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace

import numpy as np
from PIL import Image

from .model import Box, PageText, Word
from .ocr import engine_for
from .sources import Source

log = logging.getLogger(__name__)

# A page whose OCR words average below this confidence, or that has ink but few words, is
# one the editor must look at (handwriting, stamps, photos).
LOW_CONFIDENCE = 62.0
INK_LEVEL = 128
# Dark pixels (counted in 2x2 blocks) outside every text-layer word above which a page with a
# text layer is OCR'd too: a name drawn as a small image, as vector outlines or in a font
# without text behind it is ink the text layer does not speak for.
STRAY_INK_BLOCKS = 40


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


def stray_ink(image: Image.Image, words: Sequence[Word], boxes: Sequence[Box] = ()) -> int:
    """Dark 2x2 blocks of the page outside every word (and every given box, e.g. a dark box
    that is burned anyway), each word grown by a few pixels for glyph overhangs."""
    gray = np.asarray(image.convert("L").reduce(2), dtype=np.uint8)
    ink = gray < INK_LEVEL
    for b in [*(w.box for w in words), *boxes]:
        y0, y1 = max(0, int(b.y0) // 2 - 2), max(0, int(b.y1) // 2 + 3)
        x0, x1 = max(0, int(b.x0) // 2 - 2), max(0, int(b.x1) // 2 + 3)
        ink[y0:y1, x0:x1] = False
    return int(ink.sum())


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
    # Only words whose ink is visible are words of the page; the others are kept apart (never
    # detected, never in a copy) to be shown to the editor as hidden text.
    text_words: list[Word] = []
    hidden: tuple[Word, ...] = ()
    hows: tuple[str, ...] = ()
    read_layer = getattr(source, "text_layer", None)
    if read_layer is not None:
        layer = read_layer(index, dpi)
        if layer is not None:
            text_words, hidden, hows = list(layer.words), layer.hidden, layer.hows
    else:
        text_words = source.text_words(index, dpi) or []
    if hidden:
        log.info("page %d: %d hidden text-layer words", index + 1, len(hidden))
    image = source.render(index, dpi)
    ocr_ran = False
    ocr_words: list[Word] = []
    drawn = getattr(source, "drawn_boxes", None)
    drawn_boxes = tuple(drawn(index, dpi)) if drawn else ()
    if source.kind != "text" and (
        not text_words
        or source.has_images(index)
        or stray_ink(image, text_words, drawn_boxes) > STRAY_INK_BLOCKS
    ):
        ocr_words = engine_for(langs).read(image, page_dpi)
        ocr_ran = True
    words = merge_words(text_words, ocr_words)
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
        hidden_words=tuple(hidden),
        hidden_hows=tuple(hows),
    )
