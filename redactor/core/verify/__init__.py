"""Independent re-read of an exported file: does anything of a hidden item survive?

A PDF is read by engines other than the one that wrote it: pypdf, pdfium (pypdfium2),
pdfminer.six (pure Python) and, when installed, poppler's `pdftotext`. Besides the text of every
page, the check scans the raw bytes and every decompressed non-image stream for the terms, walks
the whole object structure for keys that can carry text or actions (annotations, bookmarks,
attachments, forms, scripts, metadata, alternate texts, optional content, thumbnails, a
non-empty /Info), counts revisions, and renders each page with pdfium to check that every pixel
under each redaction box equals the fill. Images are checked for metadata (EXIF, XMP, IPTC, ICC,
text chunks), for the terms in their bytes, for the pixels under the boxes and, on request, with
a fresh OCR. Plain-text files are searched for the terms.

Problems name the reader, the place and the term's number (#3), never the term's text, so a
report can be logged.
"""

from __future__ import annotations

import mmap
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..errors import LeakDetected
from ..model import Box
from .common import _IMAGE_MAGIC, PIXEL_TOLERANCE, Location, VerifyReport, _Bytes
from .image import _verify_image, _verify_text
from .pdf import _verify_pdf, cmap_text, raw_pdf_string
from .regions import PageExpect
from .search import _Collector, find_term_numbers

# --- entry points ------------------------------------------------------------------------------


def verify_file(
    path: str | os.PathLike[str],
    terms: Sequence[str] = (),
    boxes_by_page: Mapping[int, Sequence[Box]] | None = None,
    fill: tuple[int, int, int] = (0, 0, 0),
    ocr: bool = False,
    dpi: int | Mapping[int, int] = 200,
    tolerance: int = PIXEL_TOLERANCE,
    forbidden_ids: Iterable[bytes] = (),
    tracking_dots: str = "problem",
    expect: Mapping[int, PageExpect] | None = None,
) -> VerifyReport:
    """Re-read a PDF, image or text file and list every problem found. Never raises for a leak.

    `boxes_by_page` (0-based page -> boxes in page pixels at `dpi`, per page if a mapping) are
    checked for solid `fill` pixels and for text under them. `ocr` also OCRs each page.
    `forbidden_ids`: trailer /ID values of the input, which the copy must not reuse.
    `tracking_dots`: a printer's yellow dot pattern on a page is a "problem" (the default), a
    "warning" (kept on request: --color) or not looked for ("off"). `expect` (0-based page ->
    regions.PageExpect, from the export) lets a page be checked by regions: OCR only where the
    copy's ink is not the source's already read (a PDF's pages; an image's first)."""
    p = os.fspath(path)
    terms = [t for t in (s.strip() for s in terms) if t]
    col = _Collector(terms)
    col.dots_are_problems = tracking_dots == "problem"
    col.dots_wanted = tracking_dots != "off"
    try:
        fh = open(p, "rb")  # noqa: SIM115 (closed below)
        size = os.fstat(fh.fileno()).st_size
        data: _Bytes = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) if size else b""
    except (OSError, ValueError) as exc:
        return VerifyReport(p, (), len(terms), (f"the file cannot be read ({exc})",))
    head = bytes(data[:1024])
    col.search(Path(p).name, "file name", "the file's name")
    try:
        if b"%PDF-" in head:
            _verify_pdf(
                p, data, col, boxes_by_page, fill, dpi, tolerance, ocr, forbidden_ids, expect
            )
        elif head.startswith(_IMAGE_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
            _verify_image(data, col, boxes_by_page, fill, tolerance, ocr, expect)
        else:
            _verify_text(data, col)
    except Exception as exc:  # fail closed
        col.add(f"the file cannot be checked ({type(exc).__name__})")
    finally:
        if isinstance(data, mmap.mmap):
            data.close()
        fh.close()
    if not head:
        col.add("the file is empty")
    return VerifyReport(
        p,
        tuple(col.readers),
        len(terms),
        tuple(col.problems),
        tuple(col.warnings),
        tuple(col.locations),
        spots=tuple(col.spots),
        clear_pages=tuple(col.clear_pages),
    )


def check_file(path: str | os.PathLike[str], *args: Any, **kwargs: Any) -> VerifyReport:
    """verify_file (same arguments), but raises LeakDetected with the problems when anything
    is found."""
    report = verify_file(path, *args, **kwargs)
    if not report.ok:
        raise LeakDetected(report.summary(), list(report.problems))
    return report


__all__ = [
    "Location",
    "VerifyReport",
    "check_file",
    "cmap_text",
    "find_term_numbers",
    "raw_pdf_string",
    "verify_file",
    "PIXEL_TOLERANCE",
    "PageExpect",
]
