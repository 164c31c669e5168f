"""A font whose ToUnicode map lies with plain letters (fonttruth.py): the page shows "Yessenov",
the text layer says "Zfttfopw". The read lane checks every font of a typed page against what its
glyphs show, reads a suspect font's words by OCR (so the deny term finds the name), tells the
editor, and the final check reads those words' ink (verify/regions.py)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from redactor.core import fonttruth, jobs
from redactor.core.errors import LeakDetected
from redactor.core.export import safe
from redactor.core.export.safe import export_safe
from redactor.core.model import Label
from redactor.core.ocr import engine_for
from redactor.core.sources.pdf import PdfSource
from tests.support.data import LETTERS, needs_data
from tests.support.hidden import SHIFTED_NAME, shifted, shifted_font_pdf
from tests.support.readers import fold, need_tools, ocr, pdftotext, render

NAME = SHIFTED_NAME
DPI = 150

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler is needed")


@pytest.fixture(scope="module")
def letter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shifted_font_pdf(tmp_path_factory.mktemp("font") / "letter.pdf")


@pytest.fixture(scope="module")
def analysis(letter: Path) -> Iterator[jobs.Analysis]:
    options = jobs.AnalysisOptions(deny=(NAME,), detect=False, dpi=DPI, workers=1, accept=True)
    result = jobs.analyse(letter, options)
    yield result
    result.close()


def test_a_shifted_font_is_found_and_its_words_read(letter: Path, analysis: jobs.Analysis) -> None:
    # Control: the text layer says the shifted letters, never the name.
    layer = pdftotext(letter)
    assert shifted(NAME) in layer and NAME not in layer
    page = analysis.document.pages[0]
    words = [w.text for w in page.words]
    assert any(NAME in w for w in words)  # the page's words are what it shows
    assert not any(shifted(NAME) in w for w in words)
    assert "Dear" in words  # the honest font's words stay the text layer's
    # The deny term finds the name, twice, on the OCR words.
    terms = [f for f in analysis.findings if f.span.label == Label.TERM]
    assert len(terms) == 2
    assert all(page.words[i].source == "ocr" for f in terms for i in f.word_indexes)
    # The editor is told the text layer does not say what the page shows.
    notices = [f for f in analysis.findings if f.span.label == Label.HIDDEN_TEXT]
    assert any(fonttruth.LYING_FONT in f.span.why for f in notices)
    assert NAME not in " ".join(f.span.why for f in notices)


def test_check_page_flags_only_the_lying_font(letter: Path) -> None:
    """Two fonts named Helvetica: the honest one is not suspect, the shifted one is."""
    fonttruth.forget()
    src = PdfSource(str(letter))
    try:
        layer = src.text_layer(0, DPI)
        assert layer is not None
        eng = engine_for("rus+kaz+eng")
        truth = fonttruth.check_page(
            src, 0, DPI, src.render(0, DPI), list(layer.words), lambda im, d: eng.read(im, d, True)
        )
    finally:
        src.close()
    assert truth.suspect_fonts == 1
    assert {w.text for w in truth.lies} >= {shifted(NAME)}
    assert not any(w.text == "Dear" for w in truth.lies)


def test_a_lying_font_named_like_a_verified_one_is_checked(tmp_path: Path) -> None:
    """Page 1 verifies Helvetica's letters; page 2 draws other glyphs for those letters in a
    font of the same name and flags: not taken for verified (each letter is known with the
    shape drawn for it). Page 3 is known lying without a check of its own."""
    fonttruth.forget()
    path = shifted_font_pdf(tmp_path / "three.pdf", honest_first=True, pages=2)
    src = PdfSource(str(path))
    eng = engine_for("rus+kaz+eng")
    try:
        truths = []
        for i in range(3):
            layer = src.text_layer(i, DPI)
            assert layer is not None
            truths.append(
                fonttruth.check_page(
                    src,
                    i,
                    DPI,
                    src.render(i, DPI),
                    list(layer.words),
                    lambda im, d: eng.read(im, d, True),
                )
            )
    finally:
        src.close()
    assert [t.suspect_fonts for t in truths] == [0, 1, 1]
    assert truths[0].ocr_passes == 1
    assert truths[2].ocr_passes == 1  # its words read; no check of the font again
    assert any(NAME in w.text for w in truths[2].words)


def test_export_hides_the_name_and_the_copy_reads_clean(
    tmp_path: Path, analysis: jobs.Analysis
) -> None:
    need_tools()
    out = tmp_path / "copy.pdf"
    report = jobs.export(analysis, analysis.plan, out)
    assert report.verify.ok
    assert not report.verify.boxed_places  # hidden by the plan, not by the check's rounds
    text = fold(pdftotext(out)) + fold(ocr(render(out, dpi=200)[0]))
    assert "deareditor" in text.replace(" ", "")  # the rest of the letter is there
    assert fold(NAME) not in text
    assert fold(shifted(NAME)) not in text


def test_the_final_check_reads_a_suspect_font(
    tmp_path: Path, analysis: jobs.Analysis, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The planner leaves the name unboxed: the check reads the suspect font's ink (it is
    not trusted as glyphs) and refuses."""
    monkeypatch.setattr(safe, "MAX_ROUNDS", 0)
    plan = analysis.plan
    page = analysis.document.pages[0]
    named = {i for i, w in enumerate(page.words) if NAME in w.text}
    reds = tuple(r for r in plan.redactions if not named & set(r.word_indexes))
    assert len(reds) < len(plan.redactions)  # control: the name's boxes were taken out
    bare = replace(plan, redactions=reds)
    with pytest.raises(LeakDetected) as err:
        export_safe(
            analysis.document,
            bare,
            analysis.render_page,
            tmp_path / "copy.pdf",
            terms=[NAME],
            text_layer=False,
        )
    said = str(err.value) + " | " + " | ".join(err.value.leaks)
    assert NAME not in said
    assert "tesseract finds hidden item #1" in said


@needs_data
def test_honest_fonts_of_typed_letters_are_not_suspect() -> None:
    fonttruth.forget()
    eng = engine_for("rus+kaz+eng")
    letters = sorted(LETTERS.glob("*.typed.pdf"))
    assert letters
    for path in letters:
        src = PdfSource(str(path))
        try:
            for i in range(src.page_count):
                layer = src.text_layer(i, DPI)
                if layer is None:
                    continue
                truth = fonttruth.check_page(
                    src,
                    i,
                    DPI,
                    src.render(i, DPI),
                    list(layer.words),
                    lambda im, d: eng.read(im, d, True),
                )
                assert truth.suspect_fonts == 0, path.name
                assert truth.ocr_passes >= 1  # each letter's font was checked
        finally:
            src.close()


def test_the_notice_is_said_in_the_editors_words(analysis: jobs.Analysis) -> None:
    from redactor.core.model import Reason
    from redactor.gui.models import reason_text

    notice = next(
        f
        for f in analysis.findings
        if f.span.label == Label.HIDDEN_TEXT and fonttruth.LYING_FONT in f.span.why
    )
    said = reason_text(Reason("detector", Label.HIDDEN_TEXT, notice.span.why), lambda *a: [])
    assert said.startswith("the text layer does not say what the page shows")
