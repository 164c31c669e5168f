"""Typed letters whose text layer says what the page does not show: "Ospanov" hidden on a page
of visible body text (white on white and the other ways of tests/leak/test_hidden_text.py, which
builds each with `build` and a vector returning a `Page`), and a name drawn in a font whose
ToUnicode map spells something else."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.support.rawpdf import RawPdf, pdf_str, text_ops

NAME = "Ospanov"
A4 = (595, 842)
BODY_LINES = [
    "Dear editor, I am writing to you from the colony again.",
    "The food is bad and the guards are rude to everyone here.",
    "My neighbour in the cell is a kind man who helps me a lot.",
    "Please tell my family that I am well and waiting for news.",
    "The winter has come early and the barracks are very cold.",
    "Thank you for reading my letters and for your kind words.",
]
BODY = [(60, 780 - 20 * i, t) for i, t in enumerate(BODY_LINES)]
AT = (60, 600)  # where the hidden name is drawn (points)


@dataclass
class Page:
    """What a vector adds to the letter's page."""

    content: bytes
    resources: bytes = b""
    xobjects: dict[str, int] = field(default_factory=dict)
    fonts: dict[str, int] = field(default_factory=dict)
    catalog: bytes = b""
    extra: bytes = b""


def hidden_name(size: float = 12, mode: int = 0, at: tuple[float, float] = AT) -> bytes:
    """The text operators that draw NAME in Helvetica (/F1) at `at`, in render mode `mode`."""
    return b"BT /F1 %g Tf %d Tr 1 0 0 1 %g %g Tm %s Tj ET\n" % (size, mode, *at, pdf_str(NAME))


def white(pdf: RawPdf) -> Page:
    return Page(b"1 g " + hidden_name() + b"0 g\n")


def build(folder: Path, name: str, vector: Callable[[RawPdf], Page]) -> Path:
    """The typed letter (BODY) with what `vector` adds to its page, written as folder/name.pdf."""
    pdf = RawPdf()
    page = vector(pdf)
    content = text_ops(BODY, size=12) + page.content
    pdf.page(
        content,
        size=A4,
        xobjects=page.xobjects,
        resources=page.resources,
        extra=page.extra,
        fonts=page.fonts,
    )
    pdf.catalog_extra = page.catalog
    return pdf.write(folder / f"{name}.pdf")


def lying_font_pdf(path: Path) -> Path:
    """The name drawn in a font whose ToUnicode map spells something else: the text layer
    reads '§ËÈ¹ÆÇÎ' where the page shows the name (broken subset fonts do this by accident)."""
    pdf = RawPdf()
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        b"/CMapName /Lie def /CMapType 2 def\n"
        b"1 begincodespacerange <00> <FF> endcodespacerange\n"
        b"1 beginbfrange <20> <7E> <0078> endbfrange\n"
        b"endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    to_unicode = pdf.stream(cmap)
    font = pdf.add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding "
        b"/ToUnicode %d 0 R >>" % to_unicode
    )
    content = text_ops(BODY[:4], size=12) + b"BT /F2 14 Tf 1 0 0 1 60 600 Tm (%s) Tj ET\n" % (
        NAME.encode()
    )
    fonts = b"/Font << /F1 %d 0 R /F2 %d 0 R >>" % (pdf.font, font)
    pdf.page(content, size=A4, resources=fonts)
    return pdf.write(path)


SHIFTED_NAME = "Yessenov"


def shifted(text: str) -> str:
    """What a ToUnicode map that shifts every letter by one says for `text` ("Yessenov" ->
    "Zfttfopw"; z -> a)."""
    out = []
    for ch in text:
        if "a" <= ch <= "z":
            out.append("a" if ch == "z" else chr(ord(ch) + 1))
        elif "A" <= ch <= "Z":
            out.append("A" if ch == "Z" else chr(ord(ch) + 1))
        else:
            out.append(ch)
    return "".join(out)


def shifted_font_pdf(
    path: Path, name: str = SHIFTED_NAME, honest_first: bool = False, pages: int = 1
) -> Path:
    """A typed letter whose last lines are drawn in a font named like the body's (Helvetica)
    whose ToUnicode map shifts every letter by one: the page shows `name` and the words around
    it, the text layer says other plain letters ("Zfttfopw"). `pages` such pages, after (with
    `honest_first`) a page drawing the letters the lie says in the honest Helvetica."""
    pdf = RawPdf()
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        b"/CMapName /Shift def /CMapType 2 def\n"
        b"1 begincodespacerange <00> <FF> endcodespacerange\n"
        b"2 beginbfchar <20> <0020> <2E> <002E> endbfchar\n"
        b"4 beginbfrange <41> <59> <0042> <5A> <5A> <0041> <61> <79> <0062> <7A> <7A> <0061>\n"
        b"endbfrange\n"
        b"endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    to_unicode = pdf.stream(cmap)
    font = pdf.add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding "
        b"/ToUnicode %d 0 R >>" % to_unicode
    )
    lines = [f"My friend {name} sends his regards.", f"Write to {name} at the colony."]
    content = text_ops(BODY[:4], size=12)
    for k, line in enumerate(lines):
        content += b"BT /F2 12 Tf 1 0 0 1 60 %d Tm (%s) Tj ET\n" % (680 - 20 * k, line.encode())
    fonts = b"/Font << /F1 %d 0 R /F2 %d 0 R >>" % (pdf.font, font)
    if honest_first:  # the letters the lying layer says, drawn honestly in Helvetica
        said = [(60, 680 - 20 * k, shifted(line)) for k, line in enumerate(lines)]
        pdf.page(text_ops(BODY[:4] + said, size=12), size=A4)
    for _ in range(pages):
        pdf.page(content, size=A4, resources=fonts)
    return pdf.write(path)
