"""PDF input through pdfium: page rasters, and words with boxes from the text layer."""

from __future__ import annotations

import ctypes
import logging
import unicodedata
from typing import BinaryIO

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from ..errors import InputError, PasswordRequired
from ..model import Box, Word
from .base import MAX_PAGE_PIXELS, MAX_PAGES
from .ink import address, draw, mark_hidden
from .textlayer import Char, TextLayer, split_layer

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

    def __init__(
        self, path: str, password: str | None = None, stream: BinaryIO | None = None
    ) -> None:
        """`stream`: the file, already open (closed with the document); else `path` is opened."""
        self.path = path
        try:
            if stream is not None:
                self._pdf = pdfium.PdfDocument(stream, password=password, autoclose=True)
            else:
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
            image = draw(page, dpi / 72)
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
        crop = tuple(page.get_bbox())
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
        """The text layer's words whose ink is visible on the page (see `text_layer`)."""
        layer = self.text_layer(index, dpi)
        return None if layer is None else list(layer.words)

    def text_layer(self, index: int, dpi: int) -> TextLayer | None:
        """The text layer's words split into those whose ink shows on the page and those it
        does not (`ink.mark_hidden`); None when the page has no text layer."""
        dpi = self.page_dpi(index, dpi)
        page = self._page(index)
        textpage = None
        try:
            textpage = page.get_textpage()
            count = textpage.count_chars()
            text = textpage.get_text_range(0, count) if count > 0 else ""
            if not text.strip():
                return None
            crop = tuple(page.get_bbox())
            rotation = page.get_rotation() % 360
            scale = dpi / 72
            chars = _chars(textpage, text, count, crop, rotation, scale)  # type: ignore[arg-type]
            mark_hidden(page, [c for c in chars if c is not None and c.ch != " "], scale)
        except Exception as exc:  # pdfium raises plain errors on broken text layers
            # No text layer is the safe reading: the page's ink is then read by OCR.
            log.warning("page %d: text layer unreadable (%s)", index + 1, type(exc).__name__)
            return None
        finally:
            if textpage is not None:
                textpage.close()
            page.close()  # its text objects were switched off and on: never reused
        return split_layer(chars, rotation)


def _chars(
    textpage: pdfium.PdfTextPage,
    text: str,
    count: int,
    crop: tuple[float, float, float, float],
    rotation: int,
    scale: float,
) -> list[Char | None]:
    """The text page's characters with their boxes and text objects (None: a line break)."""
    chars: list[Char | None] = []
    raw = textpage.raw
    rect = pdfium_c.FS_RECTF()
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))

    def char(i: int, ch: str) -> Char:
        if not pdfium_c.FPDFText_GetLooseCharBox(raw, i, rect):
            raise pdfium.PdfiumError("Failed to get charbox.")
        loose = (rect.left, rect.bottom, rect.right, rect.top)
        box = box_to_pixels(loose, crop, rotation, scale)
        tight = box
        if pdfium_c.FPDFText_GetCharBox(raw, i, left, right, bottom, top):  # l, r, b, t
            glyph = (left.value, bottom.value, right.value, top.value)
            tight = box_to_pixels(glyph, crop, rotation, scale)
        return Char(ch, box, tight, address(pdfium_c.FPDFText_GetTextObject(raw, i)))

    for i in range(min(count, len(text))):
        ch = text[i]
        if ch in "\r\n":
            if chars and chars[-1] is not None:
                chars.append(None)
            continue
        if ch == "\ufffe":
            # pdfium's line-end hyphen, with no line break after it: a hyphen ending its
            # line, so "Ospa-" / "nov" still reads as one hyphenated word to the finder
            chars.append(char(i, "-"))
            chars.append(None)
            continue
        if unicodedata.category(ch) == "Cf":
            # Format characters (zero-width space, soft hyphen) show nothing: the word is read
            # as it shows. A soft hyphen ending its line shows as a hyphen.
            if ch == "\u00ad" and (i + 1 >= len(text) or text[i + 1] in "\r\n"):
                chars.append(char(i, "-"))
            continue
        if ch.isspace() or ch == "\x00":
            chars.append(Char(" ", Box(0, 0, 0, 0)))
            continue
        chars.append(char(i, ch))
    return chars
