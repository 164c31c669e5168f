"""Review findings: text-layer words that were never visible on the page.

Text outside the CropBox (a page cropped to leave out an address) or beyond the MediaBox is not
on the page the editor sees. A box over such a word is clipped away to nothing, so the word used
to be written into the copy's invisible text layer: with the word a term, verify then refused
every export (exit 4, a false failure); with any other word, the copy carried text nobody saw.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.cli import run_cli, terms_file
from tests.support.rawpdf import RawPdf, text_ops
from tests.support.readers import need_tools, pdfminer_text, pdftotext, text_has

NAME = "Ospanov"
HIDDEN_ADDRESS = "Zhambyl Street"
BODY = [
    (60, 780 - 20 * i, t)
    for i, t in enumerate(
        [
            "Dear editor, I am writing to you from the colony again.",
            "The food is bad and the guards are rude to everyone here.",
            f"{NAME} wrote this with me.",
        ]
    )
]
A4 = (595, 842)


def _pdf(path: Path, where: str) -> Path:
    pdf = RawPdf()
    content = text_ops(BODY, size=12)
    if where == "below the cropbox":
        content += text_ops([(60, 100, NAME), (60, 80, f"{HIDDEN_ADDRESS} 5")], size=12)
        pdf.page(content, size=A4, extra=b"/CropBox [0 200 595 842]")
    else:  # right of the media box
        content += text_ops([(700, 300, NAME), (700, 280, f"{HIDDEN_ADDRESS} 5")], size=12)
        pdf.page(content, size=A4)
    return pdf.write(path)


@pytest.mark.parametrize("where", ["below the cropbox", "beyond the mediabox"])
def test_text_off_the_visible_page_stays_out_of_the_copy(tmp_path: Path, where: str) -> None:
    need_tools()
    src = _pdf(tmp_path / "letter.pdf", where)
    assert text_has(pdftotext(src) + pdfminer_text(src), HIDDEN_ADDRESS)  # control
    out = tmp_path / "copy.pdf"
    terms = terms_file(tmp_path, [NAME])
    res = run_cli("redact", src, "-o", out, "--deny", terms, "--no-detect")
    assert res.returncode == 0, res.stderr
    for text in (pdftotext(out), pdfminer_text(out)):
        assert text_has(text, "Dear editor")  # the searchable layer is still there
        assert not text_has(text, NAME)
        assert not text_has(text, HIDDEN_ADDRESS)
