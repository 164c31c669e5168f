"""The leak battery's checks and vectors: every independent reader's view of a copy (text,
bytes and streams, metadata, structure, a fresh OCR), each returning what it found (empty: clean),
and a vector table (a dirty input built byte by byte, how it is redacted, the check both face)
whose inputs and copies are built once per module (the `battery` fixture in tests/leak/conftest.py).

Every reader here is run as its own program or library, never through redactor.core.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from tests.support.cli import run_cli, terms_file
from tests.support.readers import (
    bytes_have,
    decompressed_streams,
    exiftool,
    extracted_images,
    mutool_text,
    ocr,
    pdfdetach_count,
    pdfinfo,
    pdfminer_text,
    pdftotext,
    pypdf_streams,
    qpdf_check,
    qpdf_keys,
    render,
    text_has,
)

# --- leak checks: each returns what it found (empty: clean) ------------------------------------


SUSPECT_KEYS = {
    "/Annots",
    "/Outlines",
    "/EmbeddedFiles",
    "/EmbeddedFile",
    "/JavaScript",
    "/JS",
    "/AcroForm",
    "/XFA",
    "/Metadata",
    "/OpenAction",
    "/AA",
    "/URI",
    "/Launch",
    "/PieceInfo",
    "/ActualText",
    "/Alt",
    "/OCProperties",
    "/OC",
    "/Thumb",
    "/StructTreeRoot",
    "/Dests",
    "/Names",
}


def text_readers(path: Path, terms: Sequence[str]) -> list[str]:
    """Text of the pages by poppler, mutool and pdfminer.six."""
    found = []
    for name, read in (
        ("pdftotext", pdftotext),
        ("mutool", mutool_text),
        ("pdfminer", pdfminer_text),
    ):
        text = read(path)
        found += [
            f"{name} reads hidden item #{n + 1}" for n, t in enumerate(terms) if text_has(text, t)
        ]
    return found


def byte_scan(path: Path, terms: Sequence[str]) -> list[str]:
    """The raw bytes, every zlib-inflated stream and every pypdf-decoded stream."""
    data = path.read_bytes()
    found = []
    views = {"raw bytes": [data], "inflated streams": decompressed_streams(data)}
    if data[:5] == b"%PDF-" or b"%PDF-" in data[:1024]:
        views["pypdf streams"] = pypdf_streams(path)
    for where, blobs in views.items():
        for n, t in enumerate(terms):
            if any(bytes_have(b, t) for b in blobs):
                found.append(f"{where} hold hidden item #{n + 1}")
    return found


def metadata_readers(path: Path, terms: Sequence[str]) -> list[str]:
    """pdfinfo (with XMP) and exiftool (every group, embedded documents too)."""
    found = []
    views = {"exiftool": exiftool(path)}
    if b"%PDF-" in path.read_bytes()[:1024]:
        views["pdfinfo"] = pdfinfo(path)
    for name, text in views.items():
        found += [
            f"{name} shows hidden item #{n + 1}" for n, t in enumerate(terms) if text_has(text, t)
        ]
    return found


def structure_scan(path: Path) -> list[str]:
    """qpdf's view of the objects, pdfdetach's of attachments, qpdf --check of validity."""
    found = [f"qpdf finds {k}" for k in sorted(qpdf_keys(path) & SUSPECT_KEYS)]
    if pdfdetach_count(path):
        found.append("pdfdetach lists attachments")
    if qpdf_check(path) != 0:
        found.append("qpdf --check fails")
    info = pdfinfo(path)
    for key in ("Title", "Author", "Subject", "Keywords", "Creator"):
        if re.search(rf"^{key}:", info, re.M):
            found.append(f"pdfinfo shows {key}")
    return found


def ocr_scan(
    path: Path, terms: Sequence[str], dpi: int = 150, lang: str = "eng", images: bool = True
) -> list[str]:
    """A fresh OCR of every rendered page (poppler) and of every stored image."""
    found = []
    pages = render(path, dpi)
    text = "\n".join(ocr(p, lang) for p in pages)
    found += [
        f"tesseract reads hidden item #{n + 1} on a page"
        for n, t in enumerate(terms)
        if text_has(text, t)
    ]
    if images and b"%PDF-" in path.read_bytes()[:1024]:
        imgs = "\n".join(ocr(i, lang) for i in extracted_images(path) if min(i.size) >= 16)
        found += [
            f"tesseract reads hidden item #{n + 1} in a stored image"
            for n, t in enumerate(terms)
            if text_has(imgs, t)
        ]
    return found


def all_text_checks(path: Path, terms: Sequence[str]) -> list[str]:
    """Every non-OCR reader: text, bytes and streams, metadata."""
    found = byte_scan(path, terms) + metadata_readers(path, terms)
    if b"%PDF-" in path.read_bytes()[:1024]:
        found += text_readers(path, terms)
    return found


def dark_fraction(
    img: Image.Image, box: tuple[int, int, int, int], fill: int = 0, tol: int = 24
) -> float:
    """Share of pixels in box whose every channel is within tol of the fill."""
    import numpy as np

    arr = np.asarray(img.convert("RGB").crop(box), dtype=np.int16)
    ok = (np.abs(arr - fill) <= tol).all(axis=2)
    return float(ok.mean()) if ok.size else 1.0


# --- a vector: the dirty input, how it is redacted, and the check both must face ----------------


@dataclass
class Built:
    dirty: Path
    terms: list[str]
    terms_path: Path
    copy: Path
    redact: subprocess.CompletedProcess[str]
    ctx: dict[str, Any] = field(default_factory=dict)


@dataclass
class Vector:
    name: str
    build: Callable[[Path], tuple[Path, list[str], dict[str, Any]]]
    check: Callable[[Path, Built], list[str]]
    out: str = "copy.pdf"
    args: tuple[str, ...] = ("--no-detect",)
    verify_args: tuple[str, ...] = ()
    copy_xfail: str = ""
    verify_dirty_xfail: str = ""
    verify_copy_xfail: str = ""


class Battery:
    """Builds each vector's dirty input and copy once per module, on first use."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.built: dict[str, Built] = {}

    def get(self, v: Vector) -> Built:
        if v.name not in self.built:
            folder = self.base / v.name
            folder.mkdir(parents=True, exist_ok=True)
            dirty, terms, ctx = v.build(folder)
            tpath = terms_file(folder, terms)
            copy = folder / v.out
            res = run_cli(
                "redact", dirty, "-o", copy, "--deny", tpath, "--dpi", "150", "-q", *v.args
            )
            self.built[v.name] = Built(dirty, terms, tpath, copy, res, ctx)
        return self.built[v.name]


def params(vectors: Sequence[Vector], xfail_attr: str = "") -> list[Any]:
    """pytest params for a vector table; a vector's xfail reason (by attribute) becomes a strict
    xfail marker on that test."""
    out = []
    for v in vectors:
        reason = getattr(v, xfail_attr) if xfail_attr else ""
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        out.append(pytest.param(v, id=v.name, marks=marks))
    return out


def assert_redacted(b: Built) -> None:
    assert b.redact.returncode == 0, b.redact.stderr[-2000:]
    assert b.copy.is_file()


def copy_findings(v: Vector, b: Built, ocr_pages: bool = False) -> list[str]:
    """The vector's own check plus every broad reader, on the copy."""
    assert_redacted(b)
    found = v.check(b.copy, b) + all_text_checks(b.copy, b.terms)
    if b"%PDF-" in b.copy.read_bytes()[:1024]:
        found += structure_scan(b.copy)
    if ocr_pages:
        found += ocr_scan(b.copy, b.terms)
    return found


def verify_rc(path: Path, b: Built, extra: Sequence[str] = ()) -> tuple[int, str]:
    res = run_cli("verify", path, "--terms", b.terms_path, "-q", *extra)
    return res.returncode, res.stdout[-3000:] + res.stderr[-1000:]
