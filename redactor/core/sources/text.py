"""Plain-text letters (UTF-8 or cp1251) laid out as A4 pages.

The words are drawn into the page raster here, so each word's box is known exactly and the
export path is the same as for any other page."""

from __future__ import annotations

import os
from functools import lru_cache
from typing import BinaryIO

from PIL import Image, ImageDraw, ImageFont

from ..errors import InputError, MissingDependency
from ..lookalike import drop_format
from ..model import Box, Word
from .base import MAX_PAGES

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/Library/Fonts/DejaVuSans.ttf",
    "C:/Windows/Fonts/arial.ttf",
)
MAX_TEXT_BYTES = 20_000_000
A4_IN = (8.27, 11.69)
MARGIN_IN = 0.9
FONT_PT = 11.0
LEADING = 1.45


def decode_text(data: bytes, path: str) -> str:
    if b"\x00" in data[:4096]:
        raise InputError(f"{path}: not a text file (binary content)")
    for enc in ("utf-8-sig", "cp1251"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{path}: the text is neither UTF-8 nor cp1251")


@lru_cache(maxsize=4)
def _font(size_px: int) -> ImageFont.FreeTypeFont:
    for cand in FONT_CANDIDATES:
        if os.path.exists(cand):
            return ImageFont.truetype(cand, size_px)
    raise MissingDependency(
        "no font for laying out text letters: install DejaVu Sans (Debian: fonts-dejavu-core)"
    )


@lru_cache(maxsize=4)
def _layout(text: str, dpi: int) -> tuple[tuple[Word, ...], ...]:
    """Words per page, with boxes in pixels at dpi. Paragraphs are blocks, lines wrap."""
    font = _font(max(6, round(FONT_PT * dpi / 72)))
    page_w, page_h = round(A4_IN[0] * dpi), round(A4_IN[1] * dpi)
    margin = round(MARGIN_IN * dpi)
    line_h = round(FONT_PT * LEADING * dpi / 72)
    ascent, descent = font.getmetrics()
    space = font.getlength(" ")
    pages: list[list[Word]] = [[]]
    y = margin
    line_no = 0
    block = 0
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for raw in lines:
        if not raw.strip():
            if pages[-1]:
                block += 1
                y += line_h // 2
            continue
        x = float(margin)
        tokens = raw.split()
        for k, token in enumerate(tokens):
            # zero-width spaces, soft hyphens: read as shown (a soft hyphen ending its line
            # shows as a hyphen)
            hyphen = "-" if k == len(tokens) - 1 and token.endswith("\u00ad") else ""
            token = drop_format(token) + hyphen
            if not token:
                continue
            width = font.getlength(token)
            if x > margin and x + width > page_w - margin:
                x = float(margin)
                y += line_h
                line_no += 1
            if y + line_h > page_h - margin:
                pages.append([])
                if len(pages) > MAX_PAGES:
                    raise InputError(f"the text is longer than {MAX_PAGES} pages")
                y = margin
                line_no += 1
            box = Box(x, float(y), x + width, float(y + ascent + descent))
            pages[-1].append(Word(token, box, 100.0, line_no, block, "plain"))
            x += width + space
        y += line_h
        line_no += 1
    return tuple(tuple(p) for p in pages if p) or ((),)


class TextSource:
    kind = "text"

    def __init__(
        self, path: str, data: bytes | None = None, stream: BinaryIO | None = None
    ) -> None:
        """`stream`: the file, already open (read and closed here); else `path` is opened."""
        self.path = path
        try:
            if data is None:
                with stream if stream is not None else open(path, "rb") as fh:
                    if os.fstat(fh.fileno()).st_size > MAX_TEXT_BYTES:
                        raise InputError(f"{path}: the text file is too large")
                    data = fh.read()
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror})") from None
        self._text = decode_text(data, path)
        if not self._text.strip():
            raise InputError(f"{path}: the text file is empty")

    @property
    def page_count(self) -> int:
        return len(_layout(self._text, 200))

    def page_dpi(self, index: int, dpi: int) -> int:
        return dpi

    def render(self, index: int, dpi: int) -> Image.Image:
        pages = _layout(self._text, dpi)
        size = (round(A4_IN[0] * dpi), round(A4_IN[1] * dpi))
        image = Image.new("RGB", size, "white")
        draw = ImageDraw.Draw(image)
        font = _font(max(6, round(FONT_PT * dpi / 72)))
        for word in pages[index]:
            draw.text((word.box.x0, word.box.y0), word.text, fill="black", font=font)
        return image

    def text_words(self, index: int, dpi: int) -> list[Word] | None:
        return list(_layout(self._text, dpi)[index])

    def has_images(self, index: int) -> bool:
        return False

    def close(self) -> None:
        pass
