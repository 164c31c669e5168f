"""Independent readers for the leak battery (poppler, qpdf, mutool, pdfminer.six, exiftool, a
byte and stream scan, Tesseract), each run as its own program or library, never through
redactor.core."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import unicodedata
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from redactor.core.model import Box, Word

TOOLS = ("pdftotext", "pdfinfo", "pdfimages", "pdfdetach", "pdftoppm", "qpdf", "mutool")
TOOLS += ("exiftool", "tesseract")


def need_tools() -> None:
    """Fails the test (never skips it) when a reader's program is missing."""
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if missing:
        pytest.fail(f"the leak battery needs these programs: {', '.join(missing)}")


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


def pypdf_text(path: Path) -> str:
    """The text pypdf extracts from every page."""
    import pypdf

    try:
        reader = pypdf.PdfReader(str(path), strict=False)
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except Exception as exc:  # a reader that cannot read is reported, not hidden
        return f"<pypdf failed: {type(exc).__name__}>"


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
    return _take_images(folder, "p-*.png")


def _take_images(folder: Path, pattern: str) -> list[Image.Image]:
    """The images a poppler tool wrote into folder (in name order, as RGB), and the folder gone."""
    out = []
    for f in sorted(folder.glob(pattern)):
        with Image.open(f) as im:
            out.append(im.convert("RGB"))
    shutil.rmtree(folder, ignore_errors=True)
    return out


def extracted_images(path: Path) -> list[Image.Image]:
    """Every image object of a PDF, as stored (pdfimages -png: masks come out as their own
    images, colour data is not composited with them)."""
    folder = path.parent / f".img-{path.stem}"
    folder.mkdir(exist_ok=True)
    _run(["pdfimages", "-png", path, folder / "i"], timeout=300)
    return _take_images(folder, "i-*")


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


def pdfium_words(page: Any, dpi: int) -> list[Word]:
    """A PDF page's text-layer words as the read lane gives them (boxes in page pixels at
    dpi): pdfium's characters grouped at spaces and line breaks."""
    tp = page.get_textpage()
    s, height = dpi / 72.0, page.get_height()
    out: list[Word] = []
    text, box, line = "", None, 0
    for i in range(tp.count_chars()):
        ch = tp.get_text_range(i, 1)
        if not ch or ch.isspace():
            if text and box is not None:
                out.append(Word(text, box, line=line))
            if ch in ("\n", "\r") and text:
                line += 1
            text, box = "", None
            continue
        left, bottom, right, top = tp.get_charbox(i)
        cb = Box(left * s, (height - top) * s, right * s, (height - bottom) * s)
        box = cb if box is None else box.union(cb)
        text += ch
    if text and box is not None:
        out.append(Word(text, box, line=line))
    tp.close()
    return out
