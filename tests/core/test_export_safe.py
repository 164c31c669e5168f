"""The verified safe export on real letters, re-read with poppler, pdfminer, qpdf and exiftool."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pdfminer.high_level import extract_text
from PIL import Image

from redactor.core.errors import LeakDetected
from redactor.core.export.safe import export_safe, png_targets
from redactor.core.model import Document, PageText
from redactor.core.plan import PagePlan, Redaction, RedactionPlan
from redactor.core.verify import verify_file
from tests.support.data import LETTERS
from tests.support.readers import pdfium_words

DPI = 200

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("qpdf") is None,
    reason="poppler-utils and qpdf are needed",
)


def _open(path: Path) -> tuple[Document, list[Image.Image]]:
    doc = pdfium.PdfDocument(path)
    pages, images = [], []
    for i in range(len(doc)):
        page = doc[i]
        img = page.render(scale=DPI / 72.0, draw_annots=False).to_pil().convert("RGB")
        images.append(img)
        pages.append(PageText(i, img.width, img.height, DPI, tuple(pdfium_words(page, DPI))))
    doc.close()
    return Document(str(path), "pdf", tuple(pages)), images


def _plan(document: Document, marks: list[str], label: str = "PERSON") -> RedactionPlan:
    reds = []
    for p in document.pages:
        for k, w in enumerate(p.words):
            if any(m.casefold() in w.text.casefold() for m in marks):
                rid = f"r{len(reds) + 1}"
                reds.append(
                    Redaction(
                        rid, p.index, w.box, label, "term", "accepted", "g1", word_indexes=(k,)
                    )
                )
    pages = tuple(PagePlan(p.index, p.width_px, p.height_px, p.dpi) for p in document.pages)
    return RedactionPlan(Path(document.path).name, pages, tuple(reds))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _pdftotext(path: Path) -> str:
    res = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True)
    return res.stdout.decode("utf-8")


def _tokens(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.casefold())


def test_typed_letter_safe_pdf(tmp_path: Path) -> None:
    src = LETTERS / "dev-en-01.typed.pdf"
    before = _sha(src)
    document, images = _open(src)
    plan = _plan(document, ["Yessenov"])
    assert len(plan.redactions) >= 3
    seen: list[tuple[int, int]] = []
    out = tmp_path / "safe.pdf"
    report = export_safe(
        document,
        plan,
        lambda i: images[i].copy(),
        out,
        terms=["Yessenov"],
        progress=lambda d, t: seen.append((d, t)),
    )
    assert report.ok and len(report.readers) >= 3
    assert "nothing of the" in report.summary()
    assert seen == [(1, 1)]
    assert sorted(os.listdir(tmp_path)) == ["safe.pdf"]  # no temp file left
    assert _sha(src) == before  # the original is untouched

    for text in (_pdftotext(out), extract_text(str(out))):
        assert "yessenov" not in text.casefold()
        hidden = {k for r in plan.redactions for k in r.word_indexes}
        others = [
            t
            for k, w in enumerate(document.pages[0].words)
            if k not in hidden
            for t in _tokens(w.text)
        ]
        found = set(_tokens(text))
        kept = sum(1 for t in others if t in found)
        assert kept / len(others) >= 0.9, (kept, len(others))

    subprocess.run(["qpdf", "--check", str(out)], check=True, capture_output=True)
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, check=True).stdout.decode()
    assert not re.search(r"^(Title|Author|Subject|Keywords|Creator|Producer):", info, re.M)
    listing = subprocess.run(["pdfdetach", "-list", str(out)], capture_output=True, check=True)
    assert listing.stdout.decode().strip() == "0 embedded files"
    qjson = subprocess.run(["qpdf", "--json", str(out)], capture_output=True, check=True).stdout
    for key in (
        b"/Annots",
        b"/Outlines",
        b"/EmbeddedFiles",
        b"/JavaScript",
        b"/AcroForm",
        b"/Metadata",
    ):
        assert key not in qjson

    # the same check on the original finds the sender everywhere it hides
    dirty = verify_file(src, ["Yessenov"])
    problems = " | ".join(dirty.problems)
    for where in ("(/Info)", "annotation", "bookmarks", "attachment", "the text of page 1"):
        assert where in problems, where
    assert "Yessenov" not in problems and "yessenov" not in problems.lower()


def test_a_leak_the_check_can_locate_is_boxed_and_checked_again(tmp_path: Path) -> None:
    """A term the plan left readable is found by the final check on its page: the export boxes
    it, says so (page and type, never the text) and checks the copy again."""
    src = LETTERS / "dev-en-01.typed.pdf"
    document, images = _open(src)
    assert "Morozov" in " ".join(w.text for p in document.pages for w in p.words)  # control
    plan = _plan(document, ["Yessenov"])
    out = tmp_path / "safe.pdf"
    report = export_safe(
        document, plan, lambda i: images[i].copy(), out, terms=["Yessenov", "Morozov"]
    )  # Morozov is not redacted
    assert report.ok and report.boxed
    assert all("boxed a further place the final check found (TERM)" in n for n in report.boxed)
    assert "further place" in report.summary()
    assert "Morozov" not in " ".join(report.boxed)
    assert len(report.boxed_places) == len(report.boxed)  # for the private log
    for page, box, label in report.boxed_places:
        words = [w for w in document.pages[page].words if w.box.intersects(box)]
        assert label == "TERM" and any("Morozov" in w.text for w in words)
    text = _pdftotext(out) + extract_text(str(out))
    assert "Morozov" not in text and "Yessenov" not in text
    assert verify_file(out, ["Yessenov", "Morozov"], ocr=True).ok


def test_a_name_hidden_once_and_readable_elsewhere_is_boxed_too(tmp_path: Path) -> None:
    src = LETTERS / "dev-en-01.typed.pdf"
    document, images = _open(src)
    full = _plan(document, ["Yessenov"])
    assert len(full.redactions) > 1  # control: the name is on the page more than once
    plan = RedactionPlan(full.document, full.pages, full.redactions[:1])  # only the first one
    report = export_safe(document, plan, lambda i: images[i].copy(), tmp_path / "a.pdf")
    assert report.boxed
    assert "Yessenov" not in _pdftotext(tmp_path / "a.pdf")


def test_kazakh_letter_black_and_white(tmp_path: Path) -> None:
    src = LETTERS / "dev-kk-01.typed.pdf"
    document, images = _open(src)
    plan = _plan(document, ["Исаев", "Омаров"])
    out = tmp_path / "kk.pdf"
    report = export_safe(
        document, plan, lambda i: images[i].copy(), out, bw=True, terms=["Исаев", "Омаров"]
    )
    assert report.ok
    text = _pdftotext(out)
    assert "Исаев" not in text and "Омаров" not in text
    assert "Құрметті" in text and "қаласы" in text  # Kazakh letters come back
    listing = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, check=True)
    row = listing.stdout.decode().splitlines()[2].split()
    assert row[5] == "gray" and row[7] == "1"


def test_png_export_one_file_per_page_without_metadata(tmp_path: Path) -> None:
    src = LETTERS / "dev-ru-01.typed.pdf"
    document, images = _open(src)
    two = Document(
        document.path,
        "pdf",
        (document.pages[0], PageText(1, *images[0].size, DPI, document.pages[0].words)),
    )
    base = _plan(document, ["Муканов"])
    pages = base.pages + (PagePlan(1, images[0].width, images[0].height, DPI),)
    reds = base.redactions + tuple(
        Redaction(
            r.id + "b",
            1,
            r.box,
            r.label,
            r.source,
            r.state,
            r.group,
            r.score,
            r.why,
            r.word_indexes,
        )
        for r in base.redactions
    )
    plan = RedactionPlan(base.document, pages, reds)
    out = tmp_path / "letter.png"
    report = export_safe(two, plan, lambda i: images[0].copy(), out, fmt="png", terms=["Муканов"])
    assert report.ok
    targets = png_targets(out, 2)
    assert sorted(os.listdir(tmp_path)) == ["letter-001.png", "letter-002.png"]
    for t in targets:
        img = Image.open(t)
        assert img.size == images[0].size
        for r in base.redactions:
            assert (
                img.convert("L").getpixel(
                    (int(r.box.x0 + r.box.x1) // 2, int(r.box.y0 + r.box.y1) // 2)
                )
                == 0
            )
        if shutil.which("exiftool"):
            res = subprocess.run(["exiftool", "-j", str(t)], capture_output=True, check=True)
            tags = json.loads(res.stdout)[0]
            assert not {"Artist", "Author", "Comment", "GPSLatitude", "Model"} & set(tags)


def test_txt_export_of_a_russian_letter(tmp_path: Path) -> None:
    src = LETTERS / "dev-ru-01.typed.pdf"
    document, images = _open(src)
    plan = _plan(document, ["Муканов"])
    out = tmp_path / "letter.txt"
    report = export_safe(
        document, plan, lambda i: images[i].copy(), out, fmt="txt", terms=["Муканов"]
    )
    text = out.read_text(encoding="utf-8")
    assert report.ok and "Муканов" not in text and "[NAME]" in text
    assert "Здравствуйте" in text


def test_an_output_named_after_a_hidden_name_is_refused(tmp_path: Path) -> None:
    src = LETTERS / "dev-en-01.typed.pdf"
    document, images = _open(src)
    plan = _plan(document, ["Yessenov"])
    with pytest.raises(LeakDetected) as err:
        export_safe(
            document,
            plan,
            lambda i: images[i].copy(),
            tmp_path / "Letter-Yessenov.pdf",
            terms=["Yessenov"],
        )
    assert os.listdir(tmp_path) == []
    assert "Yessenov" not in str(err.value)
    named = tmp_path / "Letter-Yessenov.txt"
    named.write_text("nothing here\n", encoding="utf-8")
    assert any("file name" in p for p in verify_file(named, ["Yessenov"]).problems)
