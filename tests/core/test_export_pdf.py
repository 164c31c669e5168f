"""The from-scratch PDF writer, re-read with poppler, qpdf, pdfminer and pypdf."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest
from pdfminer.high_level import extract_text
from PIL import Image, ImageDraw

from redactor.core.export.pdf import ExportPage, glyphless_font, write_pdf
from redactor.core.model import Box, Word

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler missing")
needs_qpdf = pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf missing")

WORDS = (
    Word("Сәлем", Box(100, 100, 260, 140)),
    Word("Қазақстан", Box(280, 100, 520, 140)),
    Word("Здравствуйте", Box(540, 100, 820, 140)),
    Word("hello", Box(100, 170, 220, 210)),
    Word("world", Box(240, 170, 370, 210)),
)


def _page(dpi: int = 200, mode: str = "RGB") -> ExportPage:
    img = Image.new(mode, (1000, 600), "white")
    ImageDraw.Draw(img).rectangle((100, 300, 300, 350), fill="black")
    return ExportPage(img, dpi, WORDS)


def _pdftotext(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")


@needs_poppler
def test_text_layer_gives_back_cyrillic_and_kazakh_words(tmp_path: Path) -> None:
    out = tmp_path / "a.pdf"
    write_pdf([_page()], out)
    for text in (
        _pdftotext(out),
        extract_text(str(out)),
        pypdf.PdfReader(out).pages[0].extract_text(),
    ):
        words = text.split()
        for w in WORDS:
            assert w.text in words, (w.text, text)


def test_page_size_follows_pixels_and_dpi(tmp_path: Path) -> None:
    out = tmp_path / "a.pdf"
    write_pdf([_page(200), _page(100)], out)
    reader = pypdf.PdfReader(out)
    assert [float(p.mediabox.width) for p in reader.pages] == pytest.approx([360, 720])
    assert [float(p.mediabox.height) for p in reader.pages] == pytest.approx([216, 432])


@needs_qpdf
def test_structure_is_minimal_fresh_and_single_revision(tmp_path: Path) -> None:
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    write_pdf([_page()], a)
    write_pdf([_page()], b)
    subprocess.run(["qpdf", "--check", str(a)], check=True, capture_output=True)
    raw = a.read_bytes()
    assert raw.count(b"startxref") == 1 and raw.count(b"%%EOF") == 1
    ra, rb = pypdf.PdfReader(a), pypdf.PdfReader(b)
    assert "/Info" not in ra.trailer
    assert ra.trailer["/ID"][0] != rb.trailer["/ID"][0]
    root = ra.trailer["/Root"]
    assert set(root.keys()) == {"/Type", "/Pages"}
    page = ra.pages[0]
    assert set(page.keys()) == {"/Type", "/Parent", "/MediaBox", "/Resources", "/Contents"}
    info = subprocess.run(["pdfinfo", str(a)], capture_output=True, check=True).stdout.decode()
    assert not re.search(r"^(Title|Author|Creator|Producer|Subject|Keywords):", info, re.M)


@needs_poppler
def test_without_text_layer_there_is_no_text(tmp_path: Path) -> None:
    out = tmp_path / "a.pdf"
    write_pdf([_page()], out, text_layer=False)
    assert _pdftotext(out).strip() == ""
    assert b"/Font" not in out.read_bytes()


@needs_poppler
def test_black_and_white_is_one_bit_lossless(tmp_path: Path) -> None:
    out = tmp_path / "a.pdf"
    write_pdf([_page()], out, bw=True)
    listing = subprocess.run(
        ["pdfimages", "-list", str(out)], capture_output=True, check=True
    ).stdout.decode()
    row = listing.splitlines()[2].split()
    assert row[5] == "gray" and row[7] == "1" and row[8] == "image"  # color, bpc, enc
    # (pypdf decodes 1-bit PNG-predicted images wrongly; poppler extracts them exactly)
    subprocess.run(["pdfimages", "-png", str(out), str(tmp_path / "img")], check=True)
    img = Image.open(tmp_path / "img-000.png")
    assert img.size == (1000, 600) and img.mode == "1"
    assert img.convert("L").getpixel((200, 320)) == 0
    assert img.convert("L").getpixel((600, 500)) == 255


def test_pixels_round_trip_exactly(tmp_path: Path) -> None:
    import numpy as np
    import pypdfium2 as pdfium

    page = _page()
    out = tmp_path / "a.pdf"
    write_pdf([page], out, text_layer=False)
    doc = pdfium.PdfDocument(out)
    rendered = doc[0].render(scale=200 / 72).to_pil().convert("RGB")
    assert rendered.size == page.image.size
    diff = np.abs(np.asarray(rendered, int) - np.asarray(page.image, int))
    assert diff.max() <= 2
    doc.close()


def test_glyphless_font_tables_are_consistent() -> None:
    font = glyphless_font(40)
    import struct

    num_tables = struct.unpack(">H", font[4:6])[0]
    tags = [font[12 + 16 * i : 16 + 16 * i] for i in range(num_tables)]
    assert {b"head", b"hhea", b"maxp", b"hmtx", b"loca", b"glyf", b"cmap"} <= set(tags)
    # the whole-font checksum is 0xB1B0AFBA, as TrueType requires
    padded = font + b"\0" * (-len(font) % 4)
    total = sum(struct.unpack(f">{len(padded) // 4}I", padded)) & 0xFFFFFFFF
    assert total == 0xB1B0AFBA


@needs_poppler
def test_mutool_and_pdfium_read_the_font_without_errors(tmp_path: Path) -> None:
    out = tmp_path / "a.pdf"
    write_pdf([_page()], out)
    if shutil.which("mutool"):
        res = subprocess.run(
            ["mutool", "draw", "-F", "txt", str(out)], capture_output=True, check=True
        )
        assert "Қазақстан" in res.stdout.decode("utf-8")
        assert b"error" not in res.stderr.lower()
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, check=True).stdout.decode()
    assert "CID TrueType" in fonts and "yes" in fonts.splitlines()[2]  # embedded


def test_grey_rgb_page_is_stored_as_grey_without_loss(tmp_path: Path) -> None:
    import numpy as np
    import pypdfium2 as pdfium

    rng = np.random.default_rng(1)
    grey = rng.integers(0, 256, (120, 200), dtype=np.uint8)
    img = Image.fromarray(np.stack([grey] * 3, axis=2), "RGB")
    out = tmp_path / "a.pdf"
    write_pdf([ExportPage(img, 72, ())], out, text_layer=False)
    assert b"/DeviceGray" in out.read_bytes()
    doc = pdfium.PdfDocument(out)
    back = np.asarray(doc[0].render(scale=1).to_pil().convert("L"))
    assert np.abs(back.astype(int) - grey.astype(int)).max() <= 1
    doc.close()
