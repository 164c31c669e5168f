"""Review findings: a name hyphenated across a line break in a typed PDF.

pdfium reports a line-end hyphen as U+FFFE with no line break after it. The text-layer reader
turned it into a space, so the page's text read "Ospa nov" and the term "Ospanov" (which the
term finder matches across "Ospa-\\nnov") was not found: nothing was hidden, and verify (rightly)
stopped every export of the letter with exit 4. The hyphen is now a hyphen at the end of its
line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.cli import run_cli, terms_file
from tests.support.rawpdf import RawPdf, text_ops
from tests.support.readers import pdftotext, text_has

LINES = [
    (60, 780, "Dear editor, this letter is from Ospa-"),
    (60, 760, "nov, who sends greetings to all."),
    (60, 740, "The winter here is cold and long."),
]


@pytest.mark.parametrize("fmt", ["pdf", "txt"])
def test_name_hyphenated_across_lines_is_hidden(tmp_path: Path, fmt: str) -> None:
    pdf = RawPdf()
    pdf.page(text_ops(LINES, size=12), size=(595, 842))
    src = pdf.write(tmp_path / "letter.pdf")
    out = tmp_path / f"copy.{fmt}"
    res = run_cli(
        "redact", src, "-o", out, "--deny", terms_file(tmp_path, ["Ospanov"]), "--no-detect"
    )
    assert res.returncode == 0, res.stderr
    text = pdftotext(out) if fmt == "pdf" else out.read_text(encoding="utf-8")
    assert text_has(text, "winter here is cold")
    assert "Ospa" not in text and "nov," not in text
