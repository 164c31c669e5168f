"""Review findings: term lists as editors save them.

Windows Notepad saves "Unicode" text as UTF-16 with a byte-order mark. Such a list used to be
decoded as cp1251 (every byte is valid there), giving terms like 'яюO\\x00s\\x00...' that match
nothing: the copy went out with the name readable, exit 0, and verify was content (it looked for the
garbled terms only).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.cli import one_line_error, run_cli
from tests.support.rawpdf import RawPdf, text_ops
from tests.support.readers import pdftotext, text_has

NAME = "Оспанов"


def _letter(path: Path) -> Path:
    pdf = RawPdf()
    lines = [(40, 150, "Dear editor, greetings from"), (40, 120, "Ospanov and his friends.")]
    pdf.page(text_ops(lines, size=12))
    return pdf.write(path)


def test_utf16_term_list_with_bom_hides_the_name(tmp_path: Path) -> None:
    src = _letter(tmp_path / "letter.pdf")
    terms = tmp_path / "terms.txt"
    terms.write_bytes("Ospanov\r\n".encode("utf-16"))  # BOM + UTF-16-LE, as Notepad writes
    out = tmp_path / "copy.pdf"
    res = run_cli("redact", src, "-o", out, "--deny", terms, "--no-detect")
    assert res.returncode == 0, res.stderr
    text = pdftotext(out)
    assert text_has(text, "Dear editor")
    assert not text_has(text, "Ospanov")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_term_list_without_bom_is_refused(tmp_path: Path, codec: str) -> None:
    src = _letter(tmp_path / "letter.pdf")
    terms = tmp_path / "terms.txt"
    terms.write_bytes(f"Ospanov\n{NAME}\n".encode(codec))
    out = tmp_path / "copy.pdf"
    res = run_cli("redact", src, "-o", out, "--deny", terms, "--no-detect")
    assert res.returncode == 2, res.stderr
    assert one_line_error(res.stderr), res.stderr
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.pdf", "terms.txt"]


def test_cp1251_term_list_still_works(tmp_path: Path) -> None:
    src = _letter(tmp_path / "letter.pdf")
    terms = tmp_path / "terms.txt"
    terms.write_bytes("Ospanov\r\nОспанов\r\n".encode("cp1251"))
    out = tmp_path / "copy.pdf"
    res = run_cli("redact", src, "-o", out, "--deny", terms, "--no-detect")
    assert res.returncode == 0, res.stderr
    assert not text_has(pdftotext(out), "Ospanov")
