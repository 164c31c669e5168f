"""Synthetic letters shared by several tests.

- `typed_pdf` and `letter_lines`: a typed page whose font maps look-alike letters (Cyrillic,
  Greek, Kazakh, invisible characters) to the Latin glyphs the page shows.
- `scanned_letter` and `scribble`: an A4 scan at 150 dpi of typed body text, with a picture (a
  word, a scrawl no reader can read) pasted on it.
"""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from tests.support.rawpdf import FONT, RawPdf

# --- a typed PDF spelling a name in look-alike letters ------------------------------------------

SPECIAL = {  # character -> (code in the font, glyph drawn): the page shows the Latin letter
    "\u0430": (0x80, b"/a"),  # Cyrillic а
    "\u03b1": (0x81, b"/a"),  # Greek α
    "\u041e": (0x82, b"/O"),  # Cyrillic О
    "\u0406": (0x83, b"/I"),  # Kazakh І
    "\u200b": (0x84, b"/.notdef"),  # zero-width space
    "\u00ad": (0x85, b"/.notdef"),  # soft hyphen inside the word (not shown)
}
RUN_BREAK = "\x01"  # where a typed line is cut into separate runs (Tj ... Tj)


def letter_lines(name: str) -> list[str]:
    return [
        "Dear editor,",
        *f"greetings from {name} and his friends.".split("\n"),
        "Please write about the colony.",
        # (no date on this line: "last week" is a DATE finding now; and not right under the
        # name, whose box on a page turned on its side may clip the next line for OCR)
        "The guards took our letters again.",
    ]


def _pdf_string(text: str) -> bytes:
    raw = bytearray()
    for ch in text:
        raw += bytes([SPECIAL[ch][0]]) if ch in SPECIAL else ch.encode("latin-1")
    body = bytes(raw).replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return b"(" + body + b")"


def typed_pdf(
    path: Path, lines: list[str], grey: bool = False, rotate: int = 0, tracking: float = 0.0
) -> Path:
    """A typed page in Helvetica whose ToUnicode map gives the look-alike letters: the ink
    shows the Latin letter, the text layer holds the other script's (as a Word file typed on
    two keyboard layouts does)."""
    pdf = RawPdf()
    diffs = b" ".join(b"%d %s" % (code, glyph) for code, glyph in SPECIAL.values())
    chars = b"".join(b"<%02X> <%04X>\n" % (code, ord(ch)) for ch, (code, _) in SPECIAL.items())
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        b"/CMapName /Look def /CMapType 2 def\n"
        b"1 begincodespacerange <00> <FF> endcodespacerange\n"
        b"1 beginbfrange <20> <7E> <0020> endbfrange\n"
        + b"%d beginbfchar\n" % len(SPECIAL)
        + chars
        + b"endbfchar endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    to_unicode = pdf.stream(cmap)
    pdf.set(
        pdf.font,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding "
        b"/BaseEncoding /WinAnsiEncoding /Differences [" + diffs + b"] >> "
        b"/ToUnicode %d 0 R >>" % to_unicode,
    )
    ops = (b"0.5 g " if grey else b"") + b"BT /F1 13 Tf "
    for k, line in enumerate(lines):
        ops += b"%g Tc " % (tracking if k == 1 else 0.0)  # the name's line, spaced out
        runs = b" Tj ".join(_pdf_string(run) for run in line.split(RUN_BREAK))
        ops += b"1 0 0 1 72 %d Tm %s Tj " % (760 - 20 * k, runs)
    extra = b"/Rotate %d" % rotate if rotate else b""
    pdf.page(ops + b"ET\n", size=(595, 842), extra=extra)
    return pdf.write(path)


# --- a scanned letter ---------------------------------------------------------------------------

SCAN_BODY = [
    "To the editors,",
    "I am writing about my brother, who has been held",
    "in the colony since October. He was beaten by",
    "the guards and nobody has recorded his injuries.",
    "Please publish this letter without my name.",
]
SCAN_PAGE = (1240, 1754)  # A4 at 150 dpi


def scanned_letter(extra: Image.Image | None, at: tuple[int, int]) -> Image.Image:
    """A typed letter scanned at 150 dpi (SCAN_BODY), with `extra` (a picture) pasted at `at`."""
    page = Image.new("RGB", SCAN_PAGE, "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT, 30)
    for i, line in enumerate(SCAN_BODY):
        draw.text((150, 200 + i * 50), line, font=font, fill=(0, 0, 0))
    if extra is not None:
        page.paste(extra, at)
    return page


def scribble(size: tuple[int, int], seed: int) -> Image.Image:
    """Word-sized ink no reader can read (a scrawl)."""
    rnd = random.Random(seed)
    img = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(img)
    x, y = 10.0, size[1] / 2
    pts = []
    while x < size[0] - 10:
        x += rnd.uniform(3, 9)
        y = min(size[1] - 8, max(8, y + rnd.uniform(-14, 14)))
        pts.append((x, y))
    draw.line(pts, fill=(20, 20, 60), width=4)
    return img
