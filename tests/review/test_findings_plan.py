"""Review findings: a saved plan applied to another letter.

`--plan` checks only the page count and pixel sizes. A plan saved for a.pdf, applied to b.pdf of
the same page size, burns a.pdf's boxes at a.pdf's places: b.pdf's names stay readable and the
run exits 0 (the plan names its document, "a.pdf", but nobody looks).
"""

from __future__ import annotations

from pathlib import Path

from tests.support.cli import run_cli, terms_file
from tests.support.rawpdf import RawPdf, text_ops
from tests.support.readers import pdftotext, text_has


def _letter(path: Path, lines: list[tuple[float, float, str]]) -> Path:
    pdf = RawPdf()
    pdf.page(text_ops(lines, size=12), size=(595, 842))
    return pdf.write(path)


def test_plan_of_another_letter_is_refused(tmp_path: Path) -> None:
    a = _letter(tmp_path / "a.pdf", [(60, 780, "Dear editor, this is from Ospanov today.")])
    b = _letter(tmp_path / "b.pdf", [(60, 700, "Hello, Kairat Bekov writes from cell 14.")])
    plan = tmp_path / "a.plan.json"
    terms = terms_file(tmp_path, ["Ospanov"])
    res = run_cli(
        "redact",
        a,
        "-o",
        tmp_path / "a-copy.pdf",
        "--deny",
        terms,
        "--no-detect",
        "--save-plan",
        plan,
    )
    assert res.returncode == 0, res.stderr
    out = tmp_path / "b-copy.pdf"
    res = run_cli("redact", b, "-o", out, "--plan", plan)
    leaked = out.exists() and text_has(pdftotext(out), "Kairat Bekov")
    assert res.returncode != 0 and not leaked, "a.pdf's plan was applied to b.pdf"
