"""Reading pages (text layer, OCR, merge, needs-eyes), terms to boxes, plans."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from redactor.core import pipeline
from redactor.core.detect.mapping import words_for_span
from redactor.core.errors import Cancelled, OcrError
from redactor.core.ocr import find_tessdata
from tests.support.data import LETTERS, sha256


def test_scanned_letter_is_read_by_ocr_and_terms_found():
    path = LETTERS / "dev-en-01.scan.pdf"
    before = sha256(path)
    opened = pipeline.read_document(path)
    doc = opened.document
    page = doc.pages[0]
    assert all(w.source == "ocr" for w in page.words)
    assert not page.needs_eyes, page.needs_eyes_reason
    findings = pipeline.find_in_document(doc, deny=["Kanat Yessenov", "Morozov"])
    texts = {" ".join(page.words[i].text for i in f.word_indexes) for f in findings}
    assert any("Yessenov" in t for t in texts)
    assert any("Morozov" in t for t in texts)
    assert sha256(path) == before


def test_image_in_typed_pdf_is_ocrd_and_merged(tmp_path):
    # A typed page with a picture of a name: the text layer lacks it, OCR must add it.
    from pypdf import PdfReader, PdfWriter

    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 60)
    picture = Image.new("RGB", (900, 120), "white")
    ImageDraw.Draw(picture).text((10, 20), "Gulzhan Temirova", fill="black", font=font)
    pic_pdf = tmp_path / "pic.pdf"
    picture.save(pic_pdf, resolution=200)
    writer = PdfWriter(clone_from=PdfReader(LETTERS / "dev-en-02.typed.pdf"))
    writer.pages[0].merge_page(PdfReader(pic_pdf).pages[0])
    mixed = tmp_path / "mixed.pdf"
    writer.write(mixed)
    page = pipeline.read_document(mixed).document.pages[0]
    sources = {w.source for w in page.words}
    assert sources == {"text", "ocr"}
    assert "Temirova" in [w.text for w in page.words if w.source == "ocr"]


def test_blank_ink_without_words_needs_eyes(tmp_path):
    scribble = Image.new("RGB", (1200, 1600), "white")
    draw = ImageDraw.Draw(scribble)
    rng = np.random.default_rng(1)
    for _ in range(400):  # a page of scribbles: ink, no words
        x, y = rng.integers(100, 1100), rng.integers(100, 1500)
        draw.line([(x, y), (x + rng.integers(-60, 60), y + rng.integers(-20, 20))], "black", 4)
    path = tmp_path / "scribble.png"
    scribble.save(path, dpi=(150, 150))
    page = pipeline.read_document(path).document.pages[0]
    assert page.needs_eyes and page.needs_eyes_reason


def test_clean_typed_page_does_not_need_eyes():
    page = pipeline.read_document(LETTERS / "dev-ru-01.typed.pdf").document.pages[0]
    assert not page.needs_eyes


def test_words_for_span_takes_whole_words():
    offsets = [(0, 5), (6, 11), (12, 20)]
    assert words_for_span(offsets, 7, 9) == [1]
    assert words_for_span(offsets, 3, 13) == [0, 1, 2]
    assert words_for_span(offsets, 5, 6) == []


def test_span_across_lines_gets_a_box_per_line(tmp_path):
    path = tmp_path / "l.txt"
    path.write_text("Dear friend,\nKanat\nYessenov wrote to me.", encoding="utf-8")
    doc = pipeline.read_document(path).document
    findings = pipeline.find_in_document(doc, deny=["Kanat Yessenov"])
    assert len(findings) == 1 and len(findings[0].boxes) == 2


def test_parallel_read_and_cancel(tmp_path):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for _ in range(4):
        writer.add_page(PdfReader(LETTERS / "dev-en-01.scan.pdf").pages[0])
    path = tmp_path / "four.pdf"
    writer.write(path)
    seen = []
    doc = pipeline.read_document(
        path, pipeline.ReadOptions(workers=2), on_page=lambda p: seen.append(p.index)
    ).document
    assert sorted(seen) == [0, 1, 2, 3]
    assert all(len(p.words) > 50 for p in doc.pages)
    token = pipeline.CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        pipeline.read_document(path, pipeline.ReadOptions(workers=2), cancel=token)


def test_missing_language_data_says_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))
    monkeypatch.setattr("redactor.core.ocr.TESSDATA_CANDIDATES", (str(tmp_path),))
    with pytest.raises(OcrError, match="tesseract-ocr-kaz"):
        find_tessdata("rus+kaz+eng")


ORPHAN_SCRIPT = """
import os, sys
from redactor.core import pipeline
if __name__ == "__main__":
    pipeline.read_document(sys.argv[1])
    from redactor.core import workers
    print(" ".join(map(str, workers.worker_pids())), flush=True)
    os.kill(os.getpid(), 9)
"""


def test_workers_do_not_outlive_a_killed_app(tmp_path):
    import os
    import subprocess
    import sys
    import time

    script = tmp_path / "app.py"
    script.write_text(ORPHAN_SCRIPT, encoding="utf-8")
    res = subprocess.run(
        [sys.executable, str(script), str(LETTERS / "dev-en-01.typed.pdf")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    pids = [int(p) for p in res.stdout.split()]
    assert pids
    deadline = time.monotonic() + 10
    alive = pids
    while alive and time.monotonic() < deadline:
        time.sleep(0.3)
        alive = [p for p in pids if os.path.exists(f"/proc/{p}") and "Z" not in _state(p)]
    assert not alive


def _state(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(")")[-1].split()[0]
    except OSError:
        return "Z"
