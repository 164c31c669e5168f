"""Regression tests for three defects found in review (export + verify). Each fails on 0cdeaa7."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image

from redactor.core.export.pdf import ExportPage, write_pdf
from redactor.core.export.png import write_png
from redactor.core.export.safe import export_safe
from redactor.core.model import Box, Document, PageText, Word
from redactor.core.plan import PagePlan, RedactionPlan
from redactor.core.verify import verify_file

SHORT_TERMS = ["Kim", "Ana", "Oleg", "Dana", "Asel"]


def _noise_page(seed: int) -> Image.Image:
    # A scan-like page: noisy grey, so its compressed pixels look like random bytes.
    rng = np.random.default_rng(seed)
    arr = np.clip(rng.normal(225, 25, (2339, 1654)), 0, 255).astype(np.uint8)
    return Image.fromarray(arr, "L").convert("RGB")


def test_raw_byte_scan_ignores_compressed_pixels_pdf(tmp_path: Path) -> None:
    # Pixel data is not text: a short term found by chance in compressed image bytes is no leak.
    out = tmp_path / "scan.pdf"
    write_pdf((ExportPage(_noise_page(s), 200, ()) for s in range(3)), out, text_layer=False)
    report = verify_file(out, SHORT_TERMS)
    assert report.ok, report.problems


def test_raw_byte_scan_ignores_compressed_pixels_png(tmp_path: Path) -> None:
    out = tmp_path / "scan.png"
    write_png(_noise_page(7), out)
    report = verify_file(out, SHORT_TERMS)
    assert report.ok, report.problems


def test_one_letter_words_reach_pdfium_text(tmp_path: Path) -> None:
    # Chrome/Edge read PDFs with pdfium: one-letter words (I, a, в, и, с, к) must be there.
    img = Image.new("RGB", (1000, 300), "white")
    words = (
        Word("I", Box(20, 100, 35, 140)),
        Word("am", Box(50, 100, 110, 140)),
        Word("в", Box(130, 100, 150, 140)),
        Word("ok", Box(170, 100, 230, 140)),
    )
    out = tmp_path / "one.pdf"
    write_pdf([ExportPage(img, 200, words)], out)
    doc = pdfium.PdfDocument(str(out))
    try:
        text = doc[0].get_textpage().get_text_range()
    finally:
        doc.close()
    assert text.split() == ["I", "am", "в", "ok"]


def test_export_leaves_callers_images_open(tmp_path: Path) -> None:
    # The app may hand export a cached page image; exporting must not close it.
    cached = [Image.new("RGB", (400, 300), "white")]
    pages = (PageText(0, 400, 300, 100),)
    doc = Document(str(tmp_path / "in.pdf"), "pdf", pages)
    plan = RedactionPlan("in.pdf", (PagePlan(0, 400, 300, 100),), ())
    export_safe(doc, plan, lambda i: cached[i], tmp_path / "a.pdf")
    export_safe(doc, plan, lambda i: cached[i], tmp_path / "a.png", fmt="png")
    assert cached[0].getpixel((0, 0)) == (255, 255, 255)
