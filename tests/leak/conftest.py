"""The leak battery's tools: a small raw PDF writer (so each dirty input is built byte by byte in
the test, with nothing of our own exporter in it), the real command line, and independent
readers (poppler, qpdf, mutool, pdfminer.six, exiftool, a byte and stream scan, Tesseract).

Every reader here is run as its own program or library, never through redactor.core.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[2]
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
TOOLS = ("pdftotext", "pdfinfo", "pdfimages", "pdfdetach", "pdftoppm", "qpdf", "mutool")
TOOLS += ("exiftool", "tesseract")


def need_tools() -> None:
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if missing:
        pytest.fail(f"the leak battery needs these programs: {', '.join(missing)}")


# --- a raw PDF writer --------------------------------------------------------------------------


def pdf_str(text: str) -> bytes:
    """A PDF literal string (Latin-1 text) or a UTF-16 hex string for anything else."""
    try:
        raw = text.encode("latin-1")
        return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"
    except UnicodeEncodeError:
        return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


class RawPdf:
    """Objects as bytes, numbered in order; object 1 is the catalog, 2 the page tree."""

    def __init__(self) -> None:
        self.objs: list[bytes | None] = [None, None]
        self.pages: list[int] = []
        self.catalog_extra = b""
        self.font = self.add(
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
        )

    def reserve(self) -> int:
        self.objs.append(None)
        return len(self.objs)

    def set(self, num: int, body: bytes) -> int:
        self.objs[num - 1] = body
        return num

    def add(self, body: bytes) -> int:
        self.objs.append(body)
        return len(self.objs)

    def stream(self, data: bytes, entries: bytes = b"", flate: bool = True) -> int:
        if flate:
            data = zlib.compress(data)
            entries += b" /Filter /FlateDecode"
        head = b"<< " + entries + b" /Length " + str(len(data)).encode() + b" >>\nstream\n"
        return self.add(head + data + b"\nendstream")

    def image(self, img: Image.Image, smask: Image.Image | None = None) -> int:
        grey = img.mode == "L"
        img = img if grey else img.convert("RGB")
        cs = b"/DeviceGray" if grey else b"/DeviceRGB"
        extra = b""
        if smask is not None:
            extra = b" /SMask %d 0 R" % self.image(smask.convert("L"))
        entries = b"/Type /XObject /Subtype /Image /Width %d /Height %d" % img.size
        entries += b" /ColorSpace " + cs + b" /BitsPerComponent 8" + extra
        return self.stream(img.tobytes(), entries)

    def jpeg(self, data: bytes, size: tuple[int, int]) -> int:
        entries = b"/Type /XObject /Subtype /Image /Width %d /Height %d" % size
        entries += b" /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode"
        head = b"<< " + entries + b" /Length " + str(len(data)).encode() + b" >>\nstream\n"
        return self.add(head + data + b"\nendstream")

    def page(
        self,
        content: bytes,
        size: tuple[float, float] = (300, 200),
        xobjects: dict[str, int] | None = None,
        resources: bytes = b"",
        extra: bytes = b"",
    ) -> int:
        xo = b"".join(b"/%s %d 0 R " % (k.encode(), v) for k, v in (xobjects or {}).items())
        res = b"<< /Font << /F1 %d 0 R >> /XObject << %s>> %s >>" % (self.font, xo, resources)
        contents = self.stream(content)
        body = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %g %g] " % size
        body += b"/Resources " + res + b" /Contents %d 0 R " % contents + extra + b" >>"
        num = self.add(body)
        self.pages.append(num)
        return num

    def bytes(self, info: bytes | None = None, file_id: bytes | None = None) -> bytes:
        kids = b" ".join(b"%d 0 R" % p for p in self.pages)
        self.objs[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(self.pages))
        self.objs[0] = b"<< /Type /Catalog /Pages 2 0 R " + self.catalog_extra + b" >>"
        info_num = self.add(info) if info is not None else 0
        out = io.BytesIO()
        out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for n, body in enumerate(self.objs, start=1):
            assert body is not None, f"object {n} was reserved and never set"
            offsets.append(out.tell())
            out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
        xref = out.tell()
        out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(self.objs) + 1))
        for off in offsets:
            out.write(b"%010d 00000 n \n" % off)
        trailer = b"<< /Size %d /Root 1 0 R" % (len(self.objs) + 1)
        if info_num:
            trailer += b" /Info %d 0 R" % info_num
        if file_id is not None:
            trailer += b" /ID [<%s> <%s>]" % (file_id.hex().encode(), file_id.hex().encode())
        out.write(b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref)
        return out.getvalue()

    def write(self, path: Path, info: bytes | None = None, file_id: bytes | None = None) -> Path:
        path.write_bytes(self.bytes(info, file_id))
        return path


def incremental_update(data: bytes, objects: dict[int, bytes]) -> bytes:
    """Append a revision replacing `objects` (number -> body), as an editor's 'save' does."""
    prev = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    size = int(re.findall(rb"/Size (\d+)", data)[-1])
    out = io.BytesIO(data)
    out.seek(0, 2)
    offsets = {}
    for num, body in sorted(objects.items()):
        offsets[num] = out.tell()
        out.write(b"%d 0 obj\n" % num + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n")
    for num, off in sorted(offsets.items()):
        out.write(b"%d 1\n%010d 00000 n \n" % (num, off))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R /Prev %d >>\n" % (size, prev))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def text_ops(lines: Iterable[tuple[float, float, str]], size: int = 14, mode: int = 0) -> bytes:
    """Helvetica text at (x, y) in points."""
    ops = b"BT /F1 %d Tf %d Tr " % (size, mode)
    for x, y, text in lines:
        ops += b"1 0 0 1 %g %g Tm %s Tj " % (x, y, pdf_str(text))
    return ops + b"ET\n"


def text_image(
    lines: Sequence[tuple[int, int, str]],
    size: tuple[int, int] = (600, 400),
    font_px: int = 32,
    ink: int | tuple[int, int, int] = 0,
    mode: str = "RGB",
) -> Image.Image:
    """A white image with DejaVu Sans text lines at pixel positions."""
    img = Image.new(mode, size, "white")
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, font_px)
    for x, y, text in lines:
        draw.text((x, y), text, fill=ink, font=font)
    return img


def text_bbox(x: int, y: int, text: str, font_px: int = 32) -> tuple[int, int, int, int]:
    """The ink box of `text` drawn by text_image at (x, y)."""
    font = ImageFont.truetype(FONT, font_px)
    return ImageDraw.Draw(Image.new("L", (1, 1))).textbbox((x, y), text, font=font)


# --- the command line --------------------------------------------------------------------------


def run_cli(*args: str | Path, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    return subprocess.run(
        [sys.executable, "-m", "redactor", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env=env,
    )


def terms_file(folder: Path, terms: Sequence[str], name: str = "terms.txt") -> Path:
    path = folder / name
    path.write_text("\n".join(terms) + "\n", encoding="utf-8")
    return path


def one_line_error(stderr: str) -> bool:
    """Exactly one 'redactor: ...' error line and no traceback."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("redactor:")]
    return len(errors) == 1 and "Traceback" not in stderr


# --- independent readers -----------------------------------------------------------------------


def _run(args: Sequence[str | Path], timeout: int = 120) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([str(a) for a in args], capture_output=True, timeout=timeout, check=False)


def pdftotext(path: Path) -> str:
    return _run(["pdftotext", "-q", "-enc", "UTF-8", path, "-"]).stdout.decode("utf-8", "replace")


def mutool_text(path: Path) -> str:
    res = _run(["mutool", "draw", "-q", "-F", "txt", "-o", "-", path])
    return res.stdout.decode("utf-8", "replace")


def pdfminer_text(path: Path) -> str:
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams

    try:
        return extract_text(str(path), laparams=LAParams(all_texts=True))
    except Exception as exc:  # a reader that cannot read is reported, not hidden
        return f"<pdfminer failed: {type(exc).__name__}>"


def pdfinfo(path: Path) -> str:
    return _run(["pdfinfo", "-meta", path]).stdout.decode("utf-8", "replace")


def pdfdetach_count(path: Path) -> int:
    out = _run(["pdfdetach", "-list", path]).stdout.decode("utf-8", "replace")
    m = re.match(r"(\d+) embedded files", out)
    return int(m.group(1)) if m else 0


def pdfimages_list(path: Path) -> list[list[str]]:
    out = _run(["pdfimages", "-list", path]).stdout.decode("utf-8", "replace").splitlines()
    return [line.split() for line in out[2:] if line.strip()]


def exiftool(path: Path) -> str:
    res = _run(["exiftool", "-ee", "-a", "-G1", "-s", path])
    lines = res.stdout.decode("utf-8", "replace").splitlines()
    # the file system's and exiftool's own lines name the file's folder, not its content
    return "\n".join(x for x in lines if not x.startswith(("[System]", "[ExifTool]")))


def qpdf_check(path: Path) -> int:
    return _run(["qpdf", "--check", path]).returncode


def qpdf_json(path: Path) -> dict[str, Any]:
    res = _run(["qpdf", "--json", "--json-stream-data=none", path])
    return json.loads(res.stdout.decode("utf-8", "replace") or "{}")


def qpdf_keys(path: Path) -> set[str]:
    """Every dictionary key in every object of the file, as qpdf reads it."""
    keys: set[str] = set()

    def walk(v: Any) -> None:
        if isinstance(v, dict):
            for k, x in v.items():
                if k.startswith("/"):
                    keys.add(k)
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)

    for part in qpdf_json(path).get("qpdf", [])[1:]:
        walk(part)
    return keys


def qpdf_trailer_id(path: Path) -> list[str]:
    for part in qpdf_json(path).get("qpdf", [])[1:]:
        trailer = part.get("trailer", {}).get("value", {})
        if "/ID" in trailer:
            return list(trailer["/ID"])
    return []


def mutool_outline(path: Path) -> str:
    return _run(["mutool", "show", path, "outline"]).stdout.decode("utf-8", "replace")


def decompressed_streams(data: bytes) -> list[bytes]:
    """Every stream body in the bytes, inflated with zlib where it inflates (no PDF library)."""
    out = []
    for m in re.finditer(rb"stream\r?\n", data):
        if data[max(0, m.start() - 3) : m.start()] == b"end":
            continue
        body = data[m.end() : m.end() + 20_000_000]
        try:
            out.append(zlib.decompressobj().decompress(body, 50_000_000))
        except zlib.error:
            out.append(body[: body.find(b"endstream")])
    return out


def pypdf_streams(path: Path) -> list[bytes]:
    """Every stream of every object, decoded by pypdf (other filters than Flate too)."""
    import pypdf
    from pypdf.generic import IndirectObject, StreamObject

    out = []
    try:
        reader = pypdf.PdfReader(str(path), strict=False)
        nums = {(n, g) for g, table in reader.xref.items() for n in table}
        nums |= {(n, 0) for n in getattr(reader, "xref_objStm", {})}
        for n, g in nums:
            try:
                obj = IndirectObject(n, g, reader).get_object()
                if isinstance(obj, StreamObject) and obj.get("/Subtype") != "/Image":
                    out.append(obj.get_data())
            except Exception:
                continue
    except Exception:
        pass
    return out


def _byte_forms(term: str) -> list[bytes]:
    forms = []
    for enc in ("utf-8", "utf-16-be", "utf-16-le", "cp1251"):
        try:
            forms.append(term.encode(enc))
        except UnicodeEncodeError:
            pass
    return forms


def bytes_have(data: bytes, term: str) -> bool:
    low = data.lower()
    return any(f.lower() in low for f in _byte_forms(term) + _byte_forms(term.lower()))


def fold(text: str) -> str:
    t = unicodedata.normalize("NFKC", text).casefold().replace("\u00ad", "")
    return re.sub(r"[\s\-]+", "", t)


def text_has(text: str, term: str) -> bool:
    return fold(term) in fold(text)


def toc_strings(path: Path) -> str:
    """The strings the ToUnicode maps of the file spell, in code order, one per map."""
    spelled = []
    for s in decompressed_streams(path.read_bytes()):
        if b"beginbfchar" not in s and b"beginbfrange" not in s:
            continue
        pairs: list[tuple[int, str]] = []
        for block in re.findall(rb"beginbfchar(.*?)endbfchar", s, re.S):
            for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                pairs.append(
                    (int(src, 16), bytes.fromhex(dst.decode()).decode("utf-16-be", "replace"))
                )
        for block in re.findall(rb"beginbfrange(.*?)endbfrange", s, re.S):
            for a, b, dst in re.findall(
                rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
            ):
                start = int.from_bytes(bytes.fromhex(dst.decode()), "big")
                for k in range(int(a, 16), min(int(b, 16), int(a, 16) + 512) + 1):
                    pairs.append((k, chr(start + k - int(a, 16))))
        spelled.append("".join(ch for _, ch in sorted(pairs)))
    return "\n".join(spelled)


def render(path: Path, dpi: int = 100, first: int = 1, last: int = 0) -> list[Image.Image]:
    """Pages of a PDF rendered by poppler (pdftoppm), or an image file as the editor sees it."""
    data = path.read_bytes()[:1024]
    if b"%PDF-" not in data:
        from PIL import ImageOps

        with Image.open(path) as im:
            frames = []
            for k in range(getattr(im, "n_frames", 1)):
                im.seek(k)
                frame = ImageOps.exif_transpose(im)
                if frame.mode in ("RGBA", "LA", "P"):
                    rgba = frame.convert("RGBA")
                    frame = Image.alpha_composite(Image.new("RGBA", rgba.size, "white"), rgba)
                frames.append(frame.convert("RGB"))
            return frames
    folder = path.parent / f".render-{path.stem}-{dpi}"
    folder.mkdir(exist_ok=True)
    args = ["pdftoppm", "-r", str(dpi), "-png", "-f", str(first)]
    if last:
        args += ["-l", str(last)]
    _run([*args, path, folder / "p"], timeout=300)
    pages = []
    for f in sorted(folder.glob("p-*.png")):
        with Image.open(f) as im:
            pages.append(im.convert("RGB"))
    shutil.rmtree(folder, ignore_errors=True)
    return pages


def extracted_images(path: Path) -> list[Image.Image]:
    """Every image object of a PDF, as stored (pdfimages -png: masks come out as their own
    images, colour data is not composited with them)."""
    folder = path.parent / f".img-{path.stem}"
    folder.mkdir(exist_ok=True)
    _run(["pdfimages", "-png", path, folder / "i"], timeout=300)
    out = []
    for f in sorted(folder.glob("i-*")):
        with Image.open(f) as im:
            out.append(im.convert("RGB"))
    shutil.rmtree(folder, ignore_errors=True)
    return out


def ocr(img: Image.Image, lang: str = "eng") -> str:
    """A fresh Tesseract process (the CLI, one thread) over an image."""
    buf = io.BytesIO()
    img.save(buf, "PNG")
    res = subprocess.run(
        ["tesseract", "stdin", "stdout", "-l", lang, "--psm", "3"],
        input=buf.getvalue(),
        capture_output=True,
        timeout=180,
        env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        check=False,
    )
    return res.stdout.decode("utf-8", "replace")


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


@pytest.fixture(scope="module")
def battery(tmp_path_factory: pytest.TempPathFactory) -> Battery:
    need_tools()
    return Battery(tmp_path_factory.mktemp("leak"))


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
