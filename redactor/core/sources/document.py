"""Documents whose text is known as text (Word, OpenDocument, e-mail), laid out as A4 pages the
way plain-text letters are (`text.py`, a document of one section): the words are drawn into the
page raster here, so each word's box is known exactly and the copy is rebuilt from pixels like
any other page.

A document is a list of sections: the body, and each place a name can hide that a reader of
the original may not see (headers, comments, deleted text, properties, e-mail headers). Each
section after the body starts with a marked heading ("Comment by ...", "Deleted text", ...), and
the words of a section the original does not show on its pages are also handed on as hidden
text with why (`TextLayer.hidden`): the editor is shown a notice for each and decides."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from ..errors import InputError, MissingDependency
from ..lookalike import drop_format
from ..model import Box, Word
from .base import MAX_PAGES
from .textlayer import TextLayer

MAX_SECTION_CHARS = 20_000_000  # all sections together
MAX_HEADING_CHARS = 200
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/Library/Fonts/DejaVuSans.ttf",
    "C:/Windows/Fonts/arial.ttf",
)
A4_IN = (8.27, 11.69)
MARGIN_IN = 0.9
FONT_PT = 11.0
LEADING = 1.45


@lru_cache(maxsize=4)
def _font(size_px: int) -> ImageFont.FreeTypeFont:
    for cand in FONT_CANDIDATES:
        if os.path.exists(cand):
            return ImageFont.truetype(cand, size_px)
    raise MissingDependency(
        "no font for laying out text letters: install DejaVu Sans (Debian: fonts-dejavu-core)"
    )


@dataclass(frozen=True)
class Section:
    """A part of a document: `heading` ("" for the body), its paragraphs (a paragraph may hold
    line breaks), and `how` the original hides it ("" when it is on the original's pages)."""

    heading: str
    paragraphs: tuple[str, ...]
    how: str = ""


@dataclass(frozen=True)
class _Page:
    words: tuple[Word, ...]
    hidden: tuple[Word, ...]
    hows: tuple[str, ...]
    rules: tuple[float, ...]  # y of the line drawn above each section heading


def clean_sections(sections: list[Section]) -> tuple[Section, ...]:
    """Sections with empty paragraphs and empty sections dropped; InputError when nothing is
    left or the text is too long."""
    out: list[Section] = []
    total = 0
    for s in sections:
        paras = tuple(p for p in (x.strip() for x in s.paragraphs) if p)
        if not paras:
            continue
        total += sum(len(p) for p in paras)
        if total > MAX_SECTION_CHARS:
            raise InputError("the document's text is too long")
        out.append(Section(" ".join(s.heading.split())[:MAX_HEADING_CHARS], paras, s.how))
    return tuple(out)


@lru_cache(maxsize=4)
def _layout(sections: tuple[Section, ...], dpi: int) -> tuple[_Page, ...]:
    font = _font(max(6, round(FONT_PT * dpi / 72)))
    page_w, page_h = round(A4_IN[0] * dpi), round(A4_IN[1] * dpi)
    margin = round(MARGIN_IN * dpi)
    line_h = round(FONT_PT * LEADING * dpi / 72)
    ascent, descent = font.getmetrics()
    space = font.getlength(" ")
    pages: list[dict[str, list]] = [{"words": [], "hidden": [], "hows": [], "rules": []}]
    y = margin
    line_no = 0
    block = 0

    def new_page() -> None:
        nonlocal y
        pages.append({"words": [], "hidden": [], "hows": [], "rules": []})
        if len(pages) > MAX_PAGES:
            raise InputError(f"the document is longer than {MAX_PAGES} pages")
        y = margin

    for number, section in enumerate(sections):
        lines: list[tuple[str, bool]] = []
        if section.heading:
            lines.append((section.heading + ":", True))
        for para in section.paragraphs:
            for raw in para.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
                lines.append((raw, False))
            lines.append(("", False))
        if number and pages[-1]["words"]:
            y += line_h
            if y + 3 * line_h > page_h - margin:
                new_page()
        if section.heading:
            pages[-1]["rules"].append(float(y - line_h // 3))
        for raw, _is_heading in lines:
            if not raw.strip():
                if pages[-1]["words"]:
                    block += 1
                    y += line_h // 2
                continue
            x = float(margin)
            tokens = raw.split()
            for k, token in enumerate(tokens):
                # zero-width spaces, soft hyphens: read as shown (a soft hyphen ending its
                # line shows as a hyphen)
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
                    new_page()
                    line_no += 1
                box = Box(x, float(y), min(x + width, float(page_w)), float(y + ascent + descent))
                word = Word(token, box, 100.0, line_no, block, "plain")
                pages[-1]["words"].append(word)
                if section.how:
                    # one notice per section (and page): the copy's block is the section's
                    pages[-1]["hidden"].append(replace(word, block=number))
                    pages[-1]["hows"].append(section.how)
                x += width + space
            y += line_h
            line_no += 1
        block += 1
    out = tuple(
        _Page(tuple(p["words"]), tuple(p["hidden"]), tuple(p["hows"]), tuple(p["rules"]))
        for p in pages
        if p["words"]
    )
    return out or (_Page((), (), (), ()),)


class DocumentSource:
    """Sections of text laid out as A4 pages (kind 'text': the words are exactly what the
    page shows, nothing is read by OCR)."""

    kind = "text"

    def __init__(self, path: str, sections: list[Section]) -> None:
        self.path = path
        try:
            self._sections = clean_sections(sections)
        except InputError as exc:
            raise InputError(f"{path}: {exc}") from None
        if not self._sections:
            raise InputError(f"{path}: the document has no text")
        try:
            self._count = len(_layout(self._sections, 200))
        except InputError as exc:
            raise InputError(f"{path}: {exc}") from None

    @property
    def page_count(self) -> int:
        return self._count

    def page_dpi(self, index: int, dpi: int) -> int:
        return dpi

    def _page(self, index: int, dpi: int) -> _Page:
        pages = _layout(self._sections, dpi)
        if not 0 <= index < len(pages):
            raise InputError(f"{self.path}: no page {index + 1}")
        return pages[index]

    def render(self, index: int, dpi: int) -> Image.Image:
        page = self._page(index, dpi)
        size = (round(A4_IN[0] * dpi), round(A4_IN[1] * dpi))
        image = Image.new("RGB", size, "white")
        draw = ImageDraw.Draw(image)
        font = _font(max(6, round(FONT_PT * dpi / 72)))
        margin = round(MARGIN_IN * dpi)
        for y in page.rules:  # a grey line marks where a section starts
            draw.line([(margin, y), (size[0] - margin, y)], fill=(150, 150, 150), width=1)
        for word in page.words:
            draw.text((word.box.x0, word.box.y0), word.text, fill="black", font=font)
        return image

    def text_words(self, index: int, dpi: int) -> list[Word] | None:
        return list(self._page(index, dpi).words)

    def text_layer(self, index: int, dpi: int) -> TextLayer:
        """The page's words, and again those of sections the original hides, with why: they
        become notices for the editor (`pipeline.hidden_text_findings`)."""
        page = self._page(index, dpi)
        return TextLayer(page.words, page.hidden, page.hows)

    def has_images(self, index: int) -> bool:
        return False

    def close(self) -> None:
        pass
