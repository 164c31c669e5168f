"""The final check by regions (verify/regions.py): a typed copy is checked without OCR where its
ink is the source's glyphs, and a planted leak of each region kind still stops the export.

Each leak is made by a broken burner or writer (monkeypatched) or by a plan that misses a place;
the export is allowed no further boxing round (MAX_ROUNDS = 0), so what the check finds stops it
with LeakDetected, and the test says which reader found it."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image

from redactor.core.errors import LeakDetected
from redactor.core.export import safe
from redactor.core.export.safe import export_safe
from redactor.core.model import Box, Document, PageText, Word
from redactor.core.plan import PagePlan, Redaction, RedactionPlan
from redactor.core.verify.regions import merge_regions, plain_text
from tests.support.hidden import lying_font_pdf
from tests.support.rawpdf import RawPdf, text_image, text_ops
from tests.support.readers import pdfium_words

NAME = "Ospanov"
DPI = 150
A4 = (595, 842)
BODY = [
    (60, 780, "Dear editor, I am writing to you from the colony again."),
    (60, 760, f"My neighbour {NAME} is a kind man who helps me a lot."),
    (60, 740, "The food is bad and the guards are rude to everyone here."),
    (60, 720, f"Please tell the family of {NAME} that he is well."),
]

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler is needed")


def _open(path: Path) -> tuple[Document, Image.Image]:
    doc = pdfium.PdfDocument(path)
    page = doc[0]
    img = page.render(scale=DPI / 72.0, draw_annots=False).to_pil().convert("RGB")
    pt = PageText(0, img.width, img.height, DPI, tuple(pdfium_words(page, DPI)))
    doc.close()
    return Document(str(path), "pdf", (pt,)), img


def _plan(document: Document, first_only: bool = False) -> RedactionPlan:
    page = document.pages[0]
    reds = [
        Redaction(f"r{k}", 0, w.box, "PERSON", "term", "accepted", "g1", word_indexes=(k,))
        for k, w in enumerate(page.words)
        if NAME in w.text
    ]
    reds = reds[:1] if first_only else reds
    pages = (PagePlan(0, page.width_px, page.height_px, page.dpi),)
    return RedactionPlan(Path(document.path).name, pages, tuple(reds))


def _typed(tmp_path: Path, picture: bool = False) -> Path:
    pdf = RawPdf()
    content = text_ops(BODY, size=12)
    xobjects = {}
    if picture:  # the name as a small picture: no text layer speaks for it
        xobjects["Im1"] = pdf.image(text_image([(4, 4, NAME)], size=(180, 44), font_px=32))
        content += b"q 90 0 0 22 60 600 cm /Im1 Do Q\n"
    pdf.page(content, size=A4, xobjects=xobjects)
    return pdf.write(tmp_path / "letter.pdf")


def _export(
    tmp_path: Path, document: Document, image: Image.Image, plan: RedactionPlan, **kw: object
) -> object:
    return export_safe(
        document, plan, lambda i: image.copy(), tmp_path / "copy.pdf", terms=[NAME], **kw
    )  # type: ignore[arg-type]


def _said(err: LeakDetected) -> str:
    """What a refusal says (never the name: checked here too)."""
    text = str(err) + " | " + " | ".join(err.leaks)
    assert NAME not in text
    return text


@pytest.fixture
def no_rounds(monkeypatch: pytest.MonkeyPatch) -> None:
    """What the check finds stops the export (no further boxing round)."""
    monkeypatch.setattr(safe, "MAX_ROUNDS", 0)


def test_clean_typed_copy_is_checked_without_ocr(tmp_path: Path) -> None:
    document, image = _open(_typed(tmp_path))
    report = export_safe(
        document, _plan(document), lambda i: image.copy(), tmp_path / "copy.pdf", terms=[NAME]
    )
    assert report.ok, report.problems
    assert "tesseract" not in report.readers  # every ink pixel is a glyph's or a box's
    assert "source words" in report.readers


def test_boxed_text_left_under_a_box_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_rounds: None
) -> None:
    """(a) boxed: a burner that leaves the pixels under its boxes."""
    document, image = _open(_typed(tmp_path))
    monkeypatch.setattr(safe, "burn", lambda img, boxes, fill=(0, 0, 0): img.copy())
    with pytest.raises(LeakDetected) as err:
        _export(tmp_path, document, image, _plan(document))
    assert "is not solid" in _said(err.value)


def test_a_hidden_term_in_unchanged_text_is_refused(tmp_path: Path, no_rounds: None) -> None:
    """(b) unchanged text: the plan hides the name once, it stays readable on another line; the
    copy has no text layer, so only the source's words outside the boxes say it."""
    document, image = _open(_typed(tmp_path))
    with pytest.raises(LeakDetected) as err:
        _export(tmp_path, document, image, _plan(document, first_only=True), text_layer=False)
    assert "source words finds hidden item #1" in _said(err.value)


def test_a_hidden_term_in_unchanged_text_of_a_scan_is_refused(
    tmp_path: Path, no_rounds: None
) -> None:
    """(b) on a scan: words the read lane OCR'd, the name boxed at one place only."""
    image = text_image([(20, 20, f"from {NAME} again"), (20, 80, f"and {NAME} here")])
    words = (
        Word("from", Box(20, 26, 90, 58), 90, 0, 0, "ocr"),
        Word(NAME, Box(104, 26, 250, 58), 90, 0, 0, "ocr"),
        Word("and", Box(20, 86, 80, 118), 90, 1, 0, "ocr"),
        Word(NAME, Box(94, 86, 240, 118), 90, 1, 0, "ocr"),
    )
    page = PageText(0, image.width, image.height, 96, words, ocr_conf=90.0)
    document = Document(str(tmp_path / "scan.pdf"), "pdf", (page,))
    plan = RedactionPlan(
        "scan.pdf",
        (PagePlan(0, image.width, image.height, 96),),
        (Redaction("r1", 0, words[1].box, "PERSON", "term", "accepted", word_indexes=(1,)),),
    )
    with pytest.raises(LeakDetected) as err:
        _export(tmp_path, document, image, plan, text_layer=False)
    assert "source words finds hidden item #1" in _said(err.value)


def test_a_term_in_an_image_of_a_typed_page_is_refused(tmp_path: Path, no_rounds: None) -> None:
    """(c) image region: the name as a picture on a typed page, which the plan does not box
    (the read lane's OCR words left out): the check reads the picture's region."""
    document, image = _open(_typed(tmp_path, picture=True))
    with pytest.raises(LeakDetected) as err:
        _export(tmp_path, document, image, _plan(document))
    assert "tesseract finds hidden item #1" in _said(err.value)


def test_ink_a_broken_writer_adds_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_rounds: None
) -> None:
    """(d) unexplained ink: a writer that draws the name into the page's pixels (over where
    glyphs are, so no glyph box could tell it from text)."""
    document, image = _open(_typed(tmp_path))
    real_write = safe.write_pdf
    stamp = text_image([(2, 2, NAME)], size=(170, 40), font_px=30)

    def broken_write(pages, fh, **kwargs):  # type: ignore[no-untyped-def]
        def spoiled():  # type: ignore[no-untyped-def]
            for p in pages:
                img = p.image.convert("RGB")
                img.paste(stamp, (125, 250))  # over the first line's words
                yield replace(p, image=img)

        real_write(spoiled(), fh, **kwargs)

    monkeypatch.setattr(safe, "write_pdf", broken_write)
    with pytest.raises(LeakDetected) as err:
        _export(tmp_path, document, image, _plan(document))
    assert "tesseract finds hidden item #1" in _said(err.value)


def test_a_font_whose_text_layer_lies_is_read(tmp_path: Path, no_rounds: None) -> None:
    """(d) glyphs whose text is not plain letters (a ToUnicode map that spells something else)
    are read by OCR, though their ink is inside glyph boxes."""
    document, image = _open(lying_font_pdf(tmp_path / "lying.pdf"))
    assert NAME not in " ".join(w.text for w in document.pages[0].words)  # control
    with pytest.raises(LeakDetected) as err:
        _export(tmp_path, document, image, _plan(document))
    assert "tesseract finds hidden item #1" in _said(err.value)


def test_plain_text_and_merged_regions() -> None:
    assert plain_text("Привет, Ospanov-2!") and plain_text("Қазақ «№5»")
    assert not plain_text("§ËÈ¹ÆÇÎ") and not plain_text("ab\ue000")
    merged = merge_regions(
        [Box(0, 0, 10, 10), Box(15, 0, 30, 10), Box(200, 200, 210, 210)], 500, 500
    )
    assert len(merged) == 2
