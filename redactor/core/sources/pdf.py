"""PDF input through pdfium: page rasters, and words with boxes from the text layer."""

from __future__ import annotations

import ctypes
import logging
import unicodedata

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from ..errors import InputError, PasswordRequired
from ..model import Box, Word
from .base import MAX_PAGE_PIXELS, MAX_PAGES

log = logging.getLogger(__name__)


def user_to_pixel(
    x: float, y: float, crop: tuple[float, float, float, float], rotation: int, scale: float
) -> tuple[float, float]:
    """Map a point in PDF user space to the pixel grid pdfium renders (crop box, /Rotate)."""
    cx0, cy0, cx1, cy1 = crop
    if rotation == 90:
        return (y - cy0) * scale, (x - cx0) * scale
    if rotation == 180:
        return (cx1 - x) * scale, (y - cy0) * scale
    if rotation == 270:
        return (cy1 - y) * scale, (cx1 - x) * scale
    return (x - cx0) * scale, (cy1 - y) * scale


def box_to_pixels(
    box: tuple[float, float, float, float],
    crop: tuple[float, float, float, float],
    rotation: int,
    scale: float,
) -> Box:
    left, bottom, right, top = box
    xa, ya = user_to_pixel(left, bottom, crop, rotation, scale)
    xb, yb = user_to_pixel(right, top, crop, rotation, scale)
    return Box(min(xa, xb), min(ya, yb), max(xa, xb), max(ya, yb))


class PdfSource:
    kind = "pdf"

    def __init__(self, path: str, password: str | None = None) -> None:
        self.path = path
        try:
            self._pdf = pdfium.PdfDocument(path, password=password)
        except pdfium.PdfiumError as exc:
            text = str(exc).lower()
            if "password" in text:
                if password:
                    raise PasswordRequired(f"{path}: the password is wrong") from None
                raise PasswordRequired(
                    f"{path}: this PDF is encrypted; give its password with --password"
                ) from None
            raise InputError(f"{path}: not a readable PDF ({exc})") from None
        try:
            count = len(self._pdf)
        except Exception as exc:  # pdfium raises plain errors on some broken files
            raise InputError(f"{path}: not a readable PDF ({exc})") from None
        if count == 0:
            raise InputError(f"{path}: the PDF has no pages")
        if count > MAX_PAGES:
            raise InputError(f"{path}: {count} pages is more than the limit of {MAX_PAGES}")
        self._count = count

    @property
    def page_count(self) -> int:
        return self._count

    def _page(self, index: int) -> pdfium.PdfPage:
        try:
            return self._pdf[index]
        except Exception as exc:
            raise InputError(f"{self.path}: page {index + 1} cannot be read ({exc})") from None

    def page_dpi(self, index: int, dpi: int) -> int:
        page = self._page(index)
        w_pt, h_pt = page.get_size()
        if w_pt <= 0 or h_pt <= 0:
            raise InputError(f"{self.path}: page {index + 1} has no size")
        pixels = (w_pt * dpi / 72) * (h_pt * dpi / 72)
        while pixels > MAX_PAGE_PIXELS and dpi > 18:
            dpi = int(dpi * 0.8)
            pixels = (w_pt * dpi / 72) * (h_pt * dpi / 72)
        if pixels > MAX_PAGE_PIXELS:
            raise InputError(f"{self.path}: page {index + 1} is too large to render")
        return dpi

    def render(self, index: int, dpi: int) -> Image.Image:
        dpi = self.page_dpi(index, dpi)
        page = self._page(index)
        try:
            # Annotations and form fields are not drawn: their text is in no text layer, and a
            # copy must not carry what the editor could not review as words.
            bitmap = page.render(scale=dpi / 72, may_draw_forms=False, draw_annots=False)
            image = bitmap.to_pil().convert("RGB")
        except Exception as exc:
            raise InputError(f"{self.path}: page {index + 1} cannot be rendered ({exc})") from None
        return image

    def close(self) -> None:
        self._pdf.close()

    def drawn_boxes(self, index: int, dpi: int) -> list[Box]:
        """Dark filled rectangles drawn on the page: someone's earlier redaction boxes. They
        are made solid in the copy, since a translucent or misplaced one may let what is
        under it show (the pixels under every box must be the fill)."""
        dpi = self.page_dpi(index, dpi)
        page = self._page(index)
        w_pt, h_pt = page.get_size()
        crop = tuple(page.get_cropbox())
        rotation = page.get_rotation() % 360
        out: list[Box] = []
        r, g, b, a = (ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint())
        fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
        for obj in page.get_objects(max_depth=1):
            if obj.type != pdfium_c.FPDF_PAGEOBJ_PATH:
                continue
            if not pdfium_c.FPDFPath_GetDrawMode(obj.raw, fill_mode, stroke) or not fill_mode.value:
                continue
            if not pdfium_c.FPDFPageObj_GetFillColor(obj.raw, r, g, b, a):
                continue
            if max(r.value, g.value, b.value) > 80 or a.value < 64:
                continue
            left, bottom, right, top = obj.get_bounds()
            width, height = right - left, top - bottom
            if width < 6 or height < 4 or width * height > 0.5 * w_pt * h_pt:
                continue
            out.append(box_to_pixels((left, bottom, right, top), crop, rotation, dpi / 72))  # type: ignore[arg-type]
        return out

    def has_images(self, index: int) -> bool:
        page = self._page(index)
        w_pt, h_pt = page.get_size()
        area = 0.0
        for obj in page.get_objects(max_depth=3):
            if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                left, bottom, right, top = obj.get_bounds()
                area += max(0.0, right - left) * max(0.0, top - bottom)
        # Tiny images (bullets, logos) rarely carry words; anything over 2% of the page may.
        return area > 0.02 * w_pt * h_pt

    def text_words(self, index: int, dpi: int) -> list[Word] | None:
        dpi = self.page_dpi(index, dpi)
        page = self._page(index)
        try:
            textpage = page.get_textpage()
            count = textpage.count_chars()
            text = textpage.get_text_range(0, count) if count > 0 else ""
        except Exception as exc:
            log.warning("page %d: text layer unreadable (%s)", index + 1, type(exc).__name__)
            return None
        if not text.strip():
            return None
        crop = tuple(page.get_cropbox())
        rotation = page.get_rotation() % 360
        scale = dpi / 72
        chars: list[tuple[str, Box] | None] = []  # None marks a line break
        for i in range(min(count, len(text))):
            ch = text[i]
            if ch in "\r\n":
                if chars and chars[-1] is not None:
                    chars.append(None)
                continue
            if ch == "\ufffe":
                # pdfium's line-end hyphen, with no line break after it: a hyphen ending its
                # line, so "Ospa-" / "nov" still reads as one hyphenated word to the finder
                box = box_to_pixels(textpage.get_charbox(i, loose=True), crop, rotation, scale)  # type: ignore[arg-type]
                chars.append(("-", box))
                chars.append(None)
                continue
            if unicodedata.category(ch) == "Cf":
                # Format characters (zero-width space, soft hyphen) show nothing: the word is
                # read as it shows. A soft hyphen ending its line shows as a hyphen.
                if ch == "\u00ad" and (i + 1 >= len(text) or text[i + 1] in "\r\n"):
                    box = box_to_pixels(textpage.get_charbox(i, loose=True), crop, rotation, scale)  # type: ignore[arg-type]
                    chars.append(("-", box))
                continue
            if ch.isspace() or ch == "\x00":
                chars.append((" ", Box(0, 0, 0, 0)))
                continue
            box = box_to_pixels(textpage.get_charbox(i, loose=True), crop, rotation, scale)  # type: ignore[arg-type]
            chars.append((ch, box))
        return _group_words(chars, rotation)


def _script(ch: str) -> str:
    """'w' for Latin, Greek, Cyrillic and digits (the letters' scripts, whose look-alikes mix
    inside one word), 'o' for other letters, '' for anything else."""
    if not ch.isalnum():
        return ""
    code = ord(ch)
    if code < 0x0250 or 0x0370 <= code < 0x0530 or 0x1E00 <= code < 0x2000:
        return "w"
    return "o"


# Reading direction in pixel space per /Rotate: (axis, sign) of the way text runs, and of
# the way lines follow each other.
_RUN = {0: (0, 1), 90: (1, 1), 180: (0, -1), 270: (1, -1)}
_LINES = {0: (1, 1), 90: (0, -1), 180: (1, -1), 270: (0, 1)}


def _span(box: Box, axis: int, sign: int) -> tuple[float, float]:
    lo, hi = (box.x0, box.x1) if axis == 0 else (box.y0, box.y1)
    return (lo, hi) if sign > 0 else (-hi, -lo)


def _group_words(chars: list[tuple[str, Box] | None], rotation: int = 0) -> list[Word]:
    """Chars (None = line break, " " = space) to words with line and block numbers. A word
    also ends where the text layer has no space but the glyphs are apart, or where the script
    changes between Latin/Cyrillic and another (broken text layers run words together)."""
    run_axis, run_sign = _RUN.get(rotation, _RUN[0])
    line_axis, line_sign = _LINES.get(rotation, _LINES[0])
    words: list[Word] = []
    line = 0
    block = 0
    cur_text: list[str] = []
    cur_box: Box | None = None
    line_boxes: list[Box] = []
    prev_line_box: Box | None = None

    def cross(box: Box) -> float:
        return max(box.height if run_axis == 0 else box.width, 1.0)

    def flush() -> None:
        nonlocal cur_text, cur_box
        if cur_text and cur_box is not None:
            words.append(Word("".join(cur_text), cur_box, 100.0, line, block, "text"))
            line_boxes.append(cur_box)
        cur_text, cur_box = [], None

    def end_line() -> None:
        nonlocal line, line_boxes, prev_line_box
        flush()
        if line_boxes:
            lb = line_boxes[0]
            for b in line_boxes[1:]:
                lb = lb.union(b)
            line += 1
            prev_line_box = lb
        line_boxes = []

    for item in chars:
        if item is None:
            end_line()
            continue
        ch, box = item
        if ch == " ":
            flush()
            continue
        if cur_box is not None:
            start, _ = _span(box, run_axis, run_sign)
            cur_start, cur_end = _span(cur_box, run_axis, run_sign)
            if start < cur_start - 2 * cross(box):
                # Text jumped back without a line break: a new line in reading order.
                end_line()
            elif start - cur_end > 0.4 * cross(box):
                flush()  # glyphs apart with no space between them in the text layer
            elif cur_text:
                a, b = _script(cur_text[-1]), _script(ch)
                if a and b and a != b:
                    flush()
        if not cur_text and not line_boxes and prev_line_box is not None:
            prev_lo, prev_hi = _span(prev_line_box, line_axis, line_sign)
            lo, _hi = _span(box, line_axis, line_sign)
            size = max(prev_hi - prev_lo, 1.0)
            gap = lo - prev_hi
            if gap > 0.5 * size or gap < -3 * size:
                block += 1
        cur_text.append(ch)
        cur_box = box if cur_box is None else cur_box.union(box)
    end_line()
    return words
