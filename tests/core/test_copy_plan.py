"""What a copy does with findings nobody decided: it hides them, as the command line's automatic
run hides what it finds (recall beats precision), and leaves the plan it was given unchanged."""

from __future__ import annotations

from pathlib import Path

from redactor.core import jobs, pipeline
from redactor.core.errors import LeakPlace
from redactor.core.model import Box, Label, ReviewState
from tests.support import readers
from tests.support.data import LETTERS

LETTER = LETTERS / "dev-en-01.typed.pdf"
TERMS = ("Kanat Yessenov", "Pavlodar")


def test_undecided_findings_are_hidden_as_the_command_line_hides_them(tmp_path: Path) -> None:
    options = jobs.AnalysisOptions(deny=TERMS, detect=False)
    analysis = jobs.analyse(LETTER, options)
    try:
        review = analysis.plan  # as the app has it: every finding proposed
        assert review.undecided()
        automatic = pipeline.make_plan(
            analysis.document, analysis.findings, ReviewState.ACCEPTED, fingerprint=""
        )  # as the command line has it
        states = [(r.page, r.box, r.state) for r in jobs.copy_plan(review).redactions]
        assert states == [(r.page, r.box, r.state) for r in automatic.redactions]

        before = review
        out = tmp_path / "copy.pdf"
        report = jobs.export(analysis, review, out)
        assert report.ok and review == before and review.undecided() == before.undecided()
        assert report.undecided_hidden == len(jobs.undecided_in_copy(review)) > 0
        text = readers.pdftotext(out)
        assert len(text.split()) > 50
        for term in TERMS:
            assert not readers.text_has(text, term.split()[-1])
    finally:
        analysis.close()


def test_refused_places_become_one_leak_notice_each(tmp_path: Path) -> None:
    options = jobs.AnalysisOptions(deny=TERMS, detect=False)
    analysis = jobs.analyse(LETTER, options)
    try:
        plan, doc = analysis.plan, analysis.document
        word = next(w for w in doc.pages[0].words if w.text.startswith("Pavlodar"))
        places = [
            LeakPlace(0, word.box, Label.LOCATION, "hidden item #2: page 1 (pdfium)"),
            LeakPlace(0, Box(word.box.x0 - 1, word.box.y0, word.box.x1 + 1, word.box.y1), "", "x"),
            LeakPlace(None, None, "", "raw bytes of the file"),
            LeakPlace(0, None, "", "hidden item #1: page 1 (pypdf)"),
        ]
        new, ids = jobs.with_leak_places(plan, doc, places)
        leaks = [new.get(i) for i in ids]
        assert len(leaks) == 2  # the word once; the page-only place covers the page
        assert all(r.label == Label.LEAK and r.state == ReviewState.PROPOSED for r in leaks)
        assert leaks[0].word_indexes and "Pavlodar" not in leaks[0].why
        page = plan.pages[0]
        assert leaks[1].box == Box(0.0, 0.0, float(page.width_px), float(page.height_px))
        again, more = jobs.with_leak_places(new, doc, places)
        assert not more and again is new
        # a LEAK notice left undecided is hidden in a copy, like any undecided finding
        assert all(
            r.state == ReviewState.ACCEPTED
            for r in jobs.copy_plan(new).redactions
            if r.label == Label.LEAK
        )
    finally:
        analysis.close()
