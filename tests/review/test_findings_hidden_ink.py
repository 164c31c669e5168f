"""Review findings: ink on a typed page that the text layer does not speak for.

A name pasted as a small picture into a typed letter (a signature line, a stamp, a scanned
snippet) has no text-layer words. The page used to be OCR'd only when images covered 2% of it,
so a 90x22 pt picture of a name went out readable while verify said the copy was clean.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from tests.support.cli import run_cli, terms_file
from tests.support.hidden import lying_font_pdf
from tests.support.rawpdf import RawPdf, text_image, text_ops
from tests.support.readers import fold, need_tools, ocr, pdftotext, render

NAME = "Ospanov"
BODY = [
    (60, 780 - 20 * i, t)
    for i, t in enumerate(
        [
            "Dear editor, I am writing to you from the colony again.",
            "The food is bad and the guards are rude to everyone here.",
            "My neighbour in the cell is a kind man who helps me a lot.",
            "Please tell my family that I am well and waiting for news.",
        ]
    )
]
A4 = (595, 842)


def _typed_page_with_name_picture(path: Path) -> Path:
    pdf = RawPdf()
    picture = pdf.image(text_image([(4, 4, NAME)], size=(180, 44), font_px=32))
    content = text_ops(BODY, size=12) + b"q 90 0 0 22 60 600 cm /Im1 Do Q\n"
    pdf.page(content, size=A4, xobjects={"Im1": picture})
    return pdf.write(path)


def _page_ocr(path: Path) -> str:
    page: Image.Image = render(path, dpi=200)[0]
    return fold(ocr(page))


def test_name_as_small_picture_in_typed_pdf_is_hidden(tmp_path: Path) -> None:
    need_tools()
    src = _typed_page_with_name_picture(tmp_path / "letter.pdf")
    assert fold(NAME) in _page_ocr(src)  # control: the picture is readable in the input
    out = tmp_path / "copy.pdf"
    res = run_cli("redact", src, "-o", out, "--deny", terms_file(tmp_path, [NAME]), "--no-detect")
    assert res.returncode == 0, res.stderr
    text = _page_ocr(out)
    assert "deareditor" in text  # the rest of the letter is still there
    assert fold(NAME) not in text


def test_name_in_a_font_whose_text_layer_lies_is_hidden(tmp_path: Path) -> None:
    need_tools()
    src = lying_font_pdf(tmp_path / "letter.pdf")
    assert fold(NAME) in _page_ocr(src)  # control: the name is visible
    assert NAME not in pdftotext(src)  # ... and not in the text layer
    out = tmp_path / "copy.pdf"
    res = run_cli("redact", src, "-o", out, "--deny", terms_file(tmp_path, [NAME]), "--no-detect")
    assert res.returncode == 0, res.stderr
    assert fold(NAME) not in _page_ocr(out)


def test_lying_text_layer_is_boxed_where_the_check_reads_the_name(tmp_path: Path) -> None:
    """The copy's verify OCRs pages whose words came from the text layer alone; it reads the
    name on the page, so the export boxes that place, checks again and says what it boxed."""
    need_tools()
    src = lying_font_pdf(tmp_path / "letter.pdf")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    res = run_cli(
        "redact",
        src,
        "-o",
        out_dir / "copy.pdf",
        "--deny",
        terms_file(tmp_path, [NAME]),
        "--no-detect",
    )
    assert res.returncode == 0, res.stderr
    assert "page 1: boxed a further place the final check found (TERM)" in res.stderr
    assert NAME not in res.stderr
    assert [p.name for p in out_dir.iterdir()] == ["copy.pdf"]
    assert fold(NAME) not in _page_ocr(out_dir / "copy.pdf")
