"""Reading one page: its words from the text layer and OCR, and whether the editor must look."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace

import cv2
import numpy as np
from PIL import Image

from . import fonttruth
from .ink import apply_turn, grey_page, ink_mask, skew_angle, turn
from .marks import find_marks, with_hand_marks
from .model import Box, Mark, PageText, Word
from .ocr import OcrEngine, engine_for
from .ocr.osd import detect_orientation
from .sources import Source
from .unread import misshapen, read_unexplained

log = logging.getLogger(__name__)

# A page whose OCR words average below this confidence, or that has ink but few words, is
# one the editor must look at (handwriting, stamps, photos).
LOW_CONFIDENCE = 62.0
INK_LEVEL = 128
# Dark pixels (counted in 2x2 blocks) outside every text-layer word above which a page with a
# text layer is OCR'd too: a name drawn as a small image, as vector outlines or in a font
# without text behind it is ink the text layer does not speak for.
STRAY_INK_BLOCKS = 40
# A page tilted less than this (degrees) is read as it is.
MIN_SKEW = 0.3
# A page read with 70% of its words at this confidence or more is upright: OSD is not asked.
UPRIGHT_CONF = 70.0
# A page with less ink than this share of its pixels and no word read is blank paper (a back
# side, specks, a fold): OSD is not asked which way up it is.
BLANK_SHARE = 0.001
# Scripts the OCR languages read; a page OSD is sure is in another one needs eyes.
READ_SCRIPTS = frozenset({"Latin", "Cyrillic"})
MIN_SCRIPT_CONF = 15.0


# --- reading a page -------------------------------------------------------------------------


def assess_page(
    image: Image.Image,
    words: Sequence[Word],
    ocr_ran: bool,
    unread: Sequence[Box] = (),
    dpi: int = 200,
) -> tuple[bool, str]:
    """Whether the editor must look at this page, and why (no text of the page is used)."""
    if unread:
        where = ", ".join(_where(b) for b in unread[:3])
        more = f" and {len(unread) - 3} more" if len(unread) > 3 else ""
        return True, (
            f"ink no reader could read at {where}{more} (px at {dpi} dpi): handwriting, "
            "a stamp, a picture, or writing turned, mirrored or faint?"
        )
    gray = np.asarray(image.convert("L").reduce(4), dtype=np.uint8)
    ink = gray < INK_LEVEL
    ink_total = int(ink.sum())
    if ink_total < 0.001 * ink.size:
        return False, ""
    if not words:
        return True, "ink but no readable words (handwriting, a stamp or a picture?)"
    if ocr_ran:
        ocr_words = [w for w in words if w.source == "ocr"]
        if ocr_words:
            mean = sum(w.conf for w in ocr_words) / len(ocr_words)
            if mean < LOW_CONFIDENCE:
                return True, f"low OCR confidence ({mean:.0f}%): handwriting or a poor scan?"
    return False, ""


def _where(b: Box) -> str:
    return f"{int(b.x0)},{int(b.y0)}-{int(np.ceil(b.x1))},{int(np.ceil(b.y1))}"


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


def _read_turned(image: Image.Image, dpi: int, engine: OcrEngine, degrees: float) -> list[Word]:
    """OCR of the page turned counter-clockwise by `degrees`, boxes mapped back to its pixels
    (a box of tilted words becomes the upright box holding it)."""
    if not degrees:
        return engine.read(image, dpi)
    t = turn(image.width, image.height, degrees)
    pixels = image if image.mode in ("L", "RGB") else image.convert("RGB")
    turned = Image.fromarray(apply_turn(np.asarray(pixels), t))
    out = []
    for w in engine.read(turned, dpi):
        b = t.back(w.box)
        b = Box(max(b.x0, 0), max(b.y0, 0), min(b.x1, image.width), min(b.y1, image.height))
        out.append(replace(w, box=b))
    return out


def _skew(mask: np.ndarray) -> float:
    skew = skew_angle(mask)
    return skew if abs(skew) >= MIN_SKEW else 0.0


def _quality(words: Sequence[Word]) -> float:
    return sum(len(w.text) * w.conf for w in words if w.conf >= 50)


def ocr_page(
    image: Image.Image, dpi: int, engine: OcrEngine, mask: np.ndarray | None = None
) -> tuple[list[Word], str, bool]:
    """OCR words of a whole page in its pixels, straightened (small tilts) and, when the
    reading is poor, turned the right way up by Tesseract's OSD; and the script OSD saw when
    it is one the languages do not read ("" otherwise); and whether the page was read turned
    a quarter. OSD runs only on a poor reading: an upright page costs one OCR pass."""
    if mask is None:
        mask = ink_mask(image, dpi)[0]
    skew = _skew(mask)
    words = _read_turned(image, dpi, engine, skew)
    # Upright: most words sure, and few standing on end or read backwards (a page turned a
    # quarter comes out as confident nonsense in tall boxes).
    sure = [w for w in words if w.conf >= UPRIGHT_CONF and not misshapen(w)]
    if words and len(sure) >= 0.7 * len(words):
        return words, "", False
    if not words and np.count_nonzero(mask) < BLANK_SHARE * mask.size:
        return words, "", False  # blank paper, specks or a fold: nothing to turn (OSD costs)
    orient = detect_orientation(image, dpi, engine.tessdata)
    foreign = ""
    if orient.script and orient.script not in READ_SCRIPTS:
        if orient.script_confidence >= MIN_SCRIPT_CONF:
            foreign = orient.script
    tries = [orient.degrees] if orient.degrees else []
    if not tries and words and sum(misshapen(w) for w in words) >= 0.3 * len(words):
        tries = [90, 270]  # on end, and OSD unsure which way: read both
    best, sideways = words, False
    for degrees in tries:
        log.info("page read turned by %d degrees", degrees)
        turned_mask = np.rot90(mask, k=degrees // 90)
        other = _read_turned(image, dpi, engine, degrees + _skew(turned_mask))
        if _quality(other) > _quality(best):
            best, sideways = other, degrees in (90, 270)
    return best, foreign, sideways


def _inside(corners: np.ndarray, shape: tuple[int, ...], dpi: int) -> np.ndarray:
    """The pixels inside a photo's page, a little in from its edges (their shadow)."""
    inside = np.zeros(shape[:2], dtype=np.uint8)
    cv2.fillPoly(inside, [np.round(corners).astype(np.int32)], 1)
    k = max(3, dpi // 25 | 1)
    return np.asarray(cv2.erode(inside, np.ones((k, k), np.uint8)), dtype=bool)


class _LazyReader:
    """The OCR engine, loaded only when some ink has to be read again."""

    def __init__(self, langs: str) -> None:
        self.langs = langs

    def read(
        self, image: Image.Image, dpi: int, block: bool = False, langs: str | None = None
    ) -> list[Word]:
        return engine_for(langs or self.langs).read(image, dpi, block=block)


def _font_truth(
    source: Source,
    index: int,
    dpi: int,
    image: Image.Image,
    words: list[Word],
    langs: str,
    hidden: tuple[Word, ...],
    hows: tuple[str, ...],
) -> tuple[list[Word], tuple[Word, ...], tuple[str, ...]]:
    """The text layer's words with those of fonts that lie read by OCR instead (fonttruth.py);
    the lying words join the hidden ones, so the editor is told."""
    truth = fonttruth.check_page(
        source, index, dpi, image, words, lambda im, d: engine_for(langs).read(im, d, block=True)
    )
    if not truth.lies:
        return words, hidden, hows
    how = fonttruth.LYING_FONT
    return list(truth.words), (*hidden, *truth.lies), (*hows, *(how for _ in truth.lies))


def read_page(source: Source, index: int, dpi: int, langs: str) -> PageText:
    """Words of one page: the text layer, OCR where there is none or where images are, and
    ink no word explains read again; what still cannot be read is reported."""
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
    if text_words:  # a PDF page's fonts must show what its text layer says
        text_words, hidden, hows = _font_truth(
            source, index, page_dpi, image, text_words, langs, hidden, hows
        )
    ocr_ran = False
    ocr_words: list[Word] = []
    drawn = getattr(source, "drawn_boxes", None)
    drawn_boxes = tuple(drawn(index, dpi)) if drawn else ()
    foreign = ""
    sideways = False
    unread: tuple[Box, ...] = ()
    ink = None
    corners = None
    # Where a barcode can be: everywhere, unless the page is OCR's alone (see below).
    symbol_areas: tuple[tuple[int, int, int, int], ...] | None = None
    # A letter of several sources (an e-mail and its attachments) says each page's kind.
    page_kind = getattr(source, "page_kind", None)
    kind = page_kind(index) if page_kind is not None else source.kind
    if kind != "text":
        # A page with no colour is read from one channel: the same pixels for every reader
        # (the same words), a third of the bytes, and Tesseract is a third faster on it.
        image = grey_page(image) or image
        ink = ink_mask(image, page_dpi)
        outline = getattr(source, "page_outline", None)
        corners = outline(index) if outline else None
        if corners is not None:  # a photo kept whole: only ink on the page counts
            ink = (ink[0] & _inside(corners, ink[0].shape, page_dpi), ink[1])
    if ink is not None and (
        not text_words
        or source.has_images(index)
        or stray_ink(image, text_words, drawn_boxes) > STRAY_INK_BLOCKS
    ):
        ocr_words, foreign, sideways = ocr_page(image, page_dpi, engine_for(langs), ink[0])
        ocr_ran = True
    words = merge_words(text_words, ocr_words)
    if ink is not None:
        reader = _LazyReader(langs)
        reading = read_unexplained(
            image, words, page_dpi, reader, skip=drawn_boxes, ink=ink, sideways=sideways
        )
        words = reading.apply(words)
        unread = reading.unread
        if not text_words and corners is None:
            # A scan's barcodes and QR codes are in the ink no sure OCR word explains
            # (Tesseract reads no word on one), so only there are they looked for. A text
            # layer's words (a barcode font) or a photo's desk are not ruled out so.
            symbol_areas = reading.areas
    marks: tuple[Mark, ...] = ()
    if ink is not None and (
        ocr_ran or unread or source.kind == "image" or source.has_images(index)
    ):
        # A typed page with nothing but its words (no image, no stray ink) has no marks.
        photos = source.kind == "image" or source.has_images(index)
        marks = find_marks(
            image, page_dpi, words, photos=photos, skip=drawn_boxes, symbol_areas=symbol_areas
        )
        unread = with_hand_marks(unread, marks)
    needs, reason = assess_page(image, words, ocr_ran, unread, page_dpi)
    if foreign and not needs:
        needs = True
        reason = f"text in {foreign} script, which the OCR languages do not read"
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
        unread_regions=unread,
        marks=marks,
    )
