"""The real files of ../shared/data/pdfs and ../shared/data/scans (see their NOTES.md): each is
redacted with the strings its "leak to check" names as terms, and the copy is read back by
poppler, mutool, pdfminer.six, qpdf, exiftool, a byte and stream scan and, for scans, a fresh
Tesseract OCR. The dirty original must fail the same check. Files that are about robustness
only must end with exit 0 and a clean copy, or exit 2 and one line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.battery import all_text_checks, ocr_scan, structure_scan
from tests.support.cli import one_line_error, run_cli, terms_file
from tests.support.data import DATA, sha256
from tests.support.readers import need_tools


@dataclass(frozen=True)
class Real:
    path: str  # relative to the shared data folder
    terms: tuple[str, ...]
    ocr: bool = False  # the leak is in pixels: check with a fresh OCR too
    exit_codes: tuple[int, ...] = (0,)
    structural: bool = False  # the dirty file fails the structure scan (forms, links, tags...)
    password: str = ""
    copy_xfail: str = ""
    slow: bool = False  # OCR of a full scanned page, or many pages: over ~10 s on 2 cores

    @property
    def dpi(self) -> str:
        """Files checked for robustness only are read at a low resolution (fast OCR)."""
        return "150" if self.terms != (ABSENT,) else "72"

    @property
    def id(self) -> str:
        return Path(self.path).stem.split("__")[-1] + ("+pw" if self.password else "")


# A term that is in none of the files: the copy must still come out clean and verified.
ABSENT = "Zhumabekov"

REAL = [
    Real("pdfs/pypdf__libreoffice-form.pdf", ("Alice",), structural=True),
    Real("pdfs/pypdf__pdflatex-forms.pdf", ("Submit",), structural=True),
    Real("pdfs/ocrmypdf__acroform.pdf", (ABSENT,), structural=True),
    Real("pdfs/ocrmypdf__livecycle.pdf", (ABSENT,), exit_codes=(0, 2)),  # /NeedsRendering only
    Real("pdfs/pypdf__reportlab-overlay.pdf", ("Foo Bar", "asdfSa2123")),
    Real("pdfs/ocrmypdf__toc.pdf", ("Deeper still",), structural=True),
    Real("pdfs/pypdf__annotated_pdf.pdf", ("Lucas", "Hello world"), structural=True),
    Real("pdfs/pypdf__with-attachment.pdf", ("image.png",), structural=True),
    Real("pdfs/pypdf__output_with_metadata_pymupdf.pdf", ("John Doe", "Martin Thoma")),
    Real(
        "pdfs/ocrmypdf__meta.pdf",
        ("NFY5f7Ft2DWMkxLhXwxvFf7eWR2KeK3vEDcd", "yXaryipxyRk9dVjWjSSaVaNCKeLRgEVzPRMp"),
    ),
    Real("pdfs/ocrmypdf__graph_ocred.pdf", ("SmokeyJoe", "Oppose"), structural=True),
    Real("pdfs/pypdf__pdflatex-outline.pdf", (ABSENT,), structural=True),
    Real("pdfs/ocrmypdf__link.pdf", ("martin-thoma.com",), structural=True),
    Real("pdfs/pypdf__libre-office-link.pdf", ("martin-thoma.com",), structural=True),
    Real("pdfs/ocrmypdf__tagged.pdf", ("Tagged PDF Demo",), structural=True),
    Real("pdfs/pypdf__crazyones-pdfa.pdf", ("misfits", "troublemakers"), structural=True),
    Real("pdfs/pypdf__multicolumn.pdf", ("Your Name",)),
    Real("pdfs/pypdf__habibi-rotated.pdf", ("habibi",)),
    Real("pdfs/pypdf__google-doc-document.pdf", ("Beautiful",)),
    Real("pdfs/pypdf__grayscale-image.pdf", (ABSENT,)),
    Real("pdfs/pypdf__unreadablemetadata.pdf", (ABSENT,), exit_codes=(0, 2)),
    Real(
        "pdfs/pypdf__libreoffice-writer-password.pdf",
        (ABSENT,),
        password="openpassword",
        structural=True,
    ),
    Real("scans/ocrmypdf__linn.png", slow=True, terms=("Oxnard", "708-8131"), ocr=True),
    Real("scans/tess__eurotext.tif", slow=True, terms=("aspammer@website.com",), ocr=True),
    Real("scans/tess__8087_054.3B.tif", (ABSENT,), slow=True),
    Real("scans/ocrmypdf__ccitt.pdf", slow=True, terms=("Oxnard",), ocr=True),
    Real("scans/ocrmypdf__jbig2.pdf", (ABSENT,)),
    Real("scans/ocrmypdf__c02-22.pdf", slow=True, terms=("Watson",), ocr=True),
    Real("scans/tess__8071_093.3B.tif", (ABSENT,)),
    Real("scans/tess__phototest.tif", (ABSENT,)),
    Real("scans/tess__phototest-rotated-180.png", (ABSENT,)),
    Real("scans/tess__deslant.tif", (ABSENT,)),
    Real("scans/ocrmypdf__typewriter.png", (ABSENT,)),
    Real("scans/ocrmypdf__baiona.png", (ABSENT,)),
    Real("scans/ocrmypdf__skew.pdf", (ABSENT,), slow=True),
    Real("scans/ocrmypdf__rotated_skew.pdf", (ABSENT,), slow=True),
    Real("scans/ocrmypdf__cardinal.pdf", (ABSENT,), slow=True),
    Real("scans/ocrmypdf__francais.pdf", (ABSENT,)),
    Real("scans/ocrmypdf__2400dpi.pdf", (ABSENT,)),
    Real("scans/ocrmypdf__multipage.pdf", (ABSENT,), slow=True, exit_codes=(0, 2)),
]


@dataclass
class Done:
    src: Path
    copy: Path
    terms_path: Path
    rc: int
    stderr: str


class RealRuns:
    def __init__(self, base: Path) -> None:
        self.base = base
        self.done: dict[str, Done] = {}

    def get(self, r: Real) -> Done:
        if r.id not in self.done:
            folder = self.base / r.id
            folder.mkdir()
            src = DATA / r.path
            before = sha256(src)
            tpath = terms_file(folder, list(r.terms))
            copy = folder / "copy.pdf"
            extra = ["--password", r.password] if r.password else []
            # These files hold pictures, graphs and poor scans read at 72 dpi: ink no reader
            # can read, which holds a copy back (exit 6, tested in tests/core/test_unread_ink);
            # this battery is about what a written copy leaks, so the editor's "looked" is given.
            res = run_cli(
                "redact", src, "-o", copy, "--deny", tpath, "--no-detect", "--dpi", r.dpi, "-q",
                "--accept-unread", *extra,
            )  # fmt: skip
            assert sha256(src) == before, "the original was modified"
            self.done[r.id] = Done(src, copy, tpath, res.returncode, res.stderr)
        return self.done[r.id]


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> RealRuns:
    need_tools()
    return RealRuns(tmp_path_factory.mktemp("real"))


def _params(attr: str = "") -> list[object]:
    out = []
    for r in REAL:
        reason = getattr(r, attr) if attr else ""
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        if r.slow:
            marks.append(pytest.mark.slow)
        out.append(pytest.param(r, id=r.id, marks=marks))
    return out


def _findings(path: Path, r: Real) -> list[str]:
    found = all_text_checks(path, list(r.terms))
    if b"%PDF-" in path.read_bytes()[:1024]:
        found += structure_scan(path)
    if r.ocr:
        found += ocr_scan(path, list(r.terms), images=False)
    return found


@pytest.mark.parametrize("r", _params("copy_xfail"))
def test_real_file_copy_is_clean(runs: RealRuns, r: Real) -> None:
    d = runs.get(r)
    assert d.rc in r.exit_codes, d.stderr[-2000:]
    if d.rc == 2:
        assert one_line_error(d.stderr), d.stderr
        assert not d.copy.exists() and not list(d.copy.parent.glob(".redactor-*"))
        return
    assert _findings(d.copy, r) == []
    if r.terms != (ABSENT,):  # (redact itself verified every copy before writing it)
        res = run_cli("verify", d.copy, "--terms", d.terms_path, "-q")
        assert res.returncode == 0, res.stdout


CONTROLS = [r for r in REAL if (r.terms != (ABSENT,) or r.structural) and not r.password]


@pytest.mark.parametrize(
    "r", [pytest.param(r, id=r.id, marks=[pytest.mark.slow] if r.slow else []) for r in CONTROLS]
)
def test_real_file_original_fails_the_check(runs: RealRuns, r: Real) -> None:
    d = runs.get(r)
    assert _findings(d.src, r), "the check sees nothing in the original"
    res = run_cli("verify", d.src, "--terms", d.terms_path, "-q", *(["--ocr"] if r.ocr else []))
    assert res.returncode == 4, res.stdout


def test_encrypted_without_password_exits_2_with_one_line(tmp_path: Path) -> None:
    src = DATA / "pdfs/pypdf__libreoffice-writer-password.pdf"
    out = tmp_path / "copy.pdf"
    res = run_cli("redact", src, "-o", out, "--deny", terms_file(tmp_path, [ABSENT]), "--no-detect")
    assert res.returncode == 2, res.stderr
    assert one_line_error(res.stderr), res.stderr
    assert "password" in res.stderr.lower()
    assert list(tmp_path.iterdir()) == [tmp_path / "terms.txt"]  # nothing written, not even a temp


def test_invalid_pdf_exits_2_with_one_line(tmp_path: Path) -> None:
    src = DATA / "pdfs/ocrmypdf__invalid.pdf"
    out = tmp_path / "copy.pdf"
    res = run_cli("redact", src, "-o", out, "--deny", terms_file(tmp_path, [ABSENT]), "--no-detect")
    assert res.returncode == 2, res.stderr
    assert one_line_error(res.stderr), res.stderr
    assert not out.exists()
