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

import io
import logging
import mmap
import os
import re
import shutil
import subprocess
import unicodedata
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image

from .errors import LeakDetected
from .model import Box

log = logging.getLogger(__name__)

# Keys that can carry text, files or actions; none may appear in a safe copy.
SUSPECT_KEYS: dict[str, str] = {
    "/Annots": "annotation",
    "/Outlines": "bookmarks",
    "/Names": "name tree",
    "/EmbeddedFiles": "attachment",
    "/EmbeddedFile": "attachment",
    "/JavaScript": "script",
    "/JS": "script",
    "/AcroForm": "form",
    "/XFA": "form (XFA)",
    "/Metadata": "XMP metadata",
    "/OpenAction": "open action",
    "/AA": "automatic action",
    "/URI": "link",
    "/Launch": "launch action",
    "/PieceInfo": "private application data",
    "/ActualText": "alternate text (ActualText)",
    "/Alt": "alternate text (Alt)",
    "/OCProperties": "optional content (hidden layers)",
    "/Thumb": "page thumbnail",
    "/StructTreeRoot": "structure tree (tags)",
    "/SpiderInfo": "web capture data",
    "/Threads": "article threads",
}
_OK_PNG_CHUNKS = {
    b"IHDR",
    b"PLTE",
    b"IDAT",
    b"IEND",
    b"tRNS",
    b"pHYs",
    b"gAMA",
    b"sRGB",
    b"cHRM",
    b"sBIT",
    b"bKGD",
}
_TIFF_METADATA_TAGS = {
    269: "document name",
    270: "image description",
    271: "camera make",
    272: "camera model",
    285: "page name",
    305: "software",
    306: "date",
    315: "artist",
    316: "host computer",
    700: "XMP",
    33432: "copyright",
    33723: "IPTC",
    34377: "Photoshop data",
    34665: "EXIF",
    34675: "ICC profile",
    34853: "GPS",
    37510: "user comment",
    42016: "unique id",
    42033: "serial number",
}
_PIXEL_SHRINK_PX = 2
_Bytes = bytes | mmap.mmap
_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8", b"II*\x00", b"MM\x00*", b"GIF8", b"BM")
PIXEL_TOLERANCE = 24


@dataclass(frozen=True)
class VerifyReport:
    """What the check read and what it found. `problems` never contain a term's text."""

    path: str
    readers: tuple[str, ...]
    terms_checked: int
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        n = len(self.readers)
        readers = f"{n} reader{'s' if n != 1 else ''}"
        if self.ok:
            if self.terms_checked:
                items = f"item{'s' if self.terms_checked != 1 else ''}"
                return (
                    f"Checked with {readers}: nothing of the {self.terms_checked} hidden "
                    f"{items} can be found"
                )
            return f"Checked with {readers}: no hidden text, metadata or leftovers found"
        shown = "; ".join(self.problems[:5])
        more = f" (and {len(self.problems) - 5} more)" if len(self.problems) > 5 else ""
        return f"Checked with {readers}: {len(self.problems)} problem(s): {shown}{more}"


# --- term search -------------------------------------------------------------------------------

_WORD_RE = re.compile(r"[^\W_]+")


def _fold(text: str) -> str:
    t = unicodedata.normalize("NFC", text).casefold().replace("ё", "е")
    return t.replace("\u00ad", "")


def _fallback_find(text: str, terms: Sequence[str], slack: int = 3) -> set[int]:
    """Case-, whitespace- and hyphenation-insensitive search: the term's letters must start at a
    word start in the text and end within `slack` letters of a word end (case endings)."""
    tokens = [(m.start(), m.end()) for m in _WORD_RE.finditer(_fold(text))]
    folded = _fold(text)
    compact = "".join(folded[s:e] for s, e in tokens)
    starts: set[int] = set()
    ends: set[int] = set()
    pos = 0
    for s, e in tokens:
        starts.add(pos)
        pos += e - s
        ends.add(pos)
    found: set[int] = set()
    for n, term in enumerate(terms):
        t = "".join(_WORD_RE.findall(_fold(term)))
        if not t:
            continue
        i = compact.find(t)
        while i >= 0:
            end = i + len(t)
            if i in starts and any(end + k in ends for k in range(slack + 1)):
                found.add(n)
                break
            i = compact.find(t, i + 1)
    return found


# A term with fewer letters and digits than this ("№ 6", "Li") is matched exactly, symbols
# included, and only as a whole (a lone "6" would match every page number).
SHORT_TERM = 3


def _alnum_count(term: str) -> int:
    return sum(len(w) for w in _WORD_RE.findall(term))


def _short_find(text: str, terms: Sequence[tuple[int, str]]) -> set[int]:
    folded = _fold(text)
    found: set[int] = set()
    for n, term in terms:
        chars = [c for c in _fold(term) if not c.isspace()]
        if not chars:
            continue
        body = r"\s*".join(re.escape(c) for c in chars)
        if re.search(rf"(?<![^\W_]){body}(?![^\W_])", folded):
            found.add(n)
    return found


def find_term_numbers(text: str, terms: Sequence[str], streams: bool = False) -> set[int]:
    """Indexes (0-based) of the terms found in text, in any case, across line breaks and
    hyphenation and, when the term matcher is available, in their grammatical forms. Terms of
    one or two letters or digits are matched exactly; `streams` (text that is not prose: PDF
    operators, numbers, hex codes) leaves them out."""
    if not text or not terms:
        return set()
    short = [(n, t) for n, t in enumerate(terms) if 0 < _alnum_count(t) < SHORT_TERM]
    long_idx = [n for n, t in enumerate(terms) if _alnum_count(t) >= SHORT_TERM]
    found = set() if streams else _short_find(text, short)
    if not long_idx:
        return found
    long_terms = [terms[n] for n in long_idx]
    try:
        from redactor.core.detect.terms import find_terms
    except ImportError:  # the detector package is optional for verification
        return found | {long_idx[k] for k in _fallback_find(text, long_terms, slack=3)}
    # the term matcher knows the case forms; the fallback adds words split at any break
    found |= {long_idx[k] for k in _fallback_find(text, long_terms, slack=0)}
    for span in find_terms(text, long_terms):
        m = re.search(r"#(\d+)", span.why)
        if m:
            found.add(long_idx[int(m.group(1))])
    return found


def _byte_variants(term: str) -> set[bytes]:
    out: set[bytes] = set()
    for form in {term, term.lower(), term.upper(), term.title()}:
        for enc in ("utf-8", "utf-16-be", "utf-16-le", "cp1251", "latin-1"):
            try:
                b = form.encode(enc)
            except UnicodeEncodeError:
                continue
            if len(b) >= 3:
                out.add(b)
    return out


def _scan_bytes(data: _Bytes, terms: Sequence[str]) -> set[int]:
    """Terms whose bytes (in UTF-8, UTF-16, cp1251 or Latin-1; any ASCII case) are in data."""
    owner: dict[bytes, int] = {}
    for n, t in enumerate(terms):
        for v in _byte_variants(t):
            owner.setdefault(v.lower(), n)
    if not owner:
        return set()
    pattern = re.compile(
        b"|".join(re.escape(v) for v in sorted(owner, key=len, reverse=True)), re.IGNORECASE
    )
    found: set[int] = set()
    for m in pattern.finditer(data):
        n = owner[m.group().lower()]
        if n not in found and not _in_pdf_syntax(data, m.start(), m.end()):
            found.add(n)
    return found


# PDF keywords and the PostScript words of a CMap: syntax, not text.
_PDF_WORDS = frozenset(
    b"""obj endobj stream endstream xref trailer startxref true false null begin end def dict
    findresource defineresource pop currentdict begincmap endcmap beginbfchar endbfchar
    beginbfrange endbfrange begincodespacerange endcodespacerange usecmap CIDInit ProcSet
    beginnotdefchar endnotdefchar begincidchar endcidchar begincidrange endcidrange""".split()
)
_NAME_CHARS = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-_.#")
_ALNUM = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")


def _in_pdf_syntax(data: _Bytes, start: int, end: int) -> bool:
    """True when bytes [start, end) sit inside a PDF name (/FontName) or are part of a PDF
    keyword: the structure scan reads names as text, so the byte scan leaves them out."""
    i = start
    while i > 0 and data[i - 1] in _NAME_CHARS and start - i < 128:
        i -= 1
    if i > 0 and data[i - 1] == 0x2F:  # '/'
        return True
    a, b = start, end
    while a > 0 and data[a - 1] in _ALNUM and start - a < 32:
        a -= 1
    while b < len(data) and data[b] in _ALNUM and b - end < 32:
        b += 1
    return bytes(data[a:b]) in _PDF_WORDS


_PDF_NAME_RE = re.compile(r"/[^\s/<>\[\]()%{}]+")
_PDF_WORD_RE = re.compile(
    r"(?<![^\W_])(" + "|".join(w.decode() for w in sorted(_PDF_WORDS)) + r")(?![^\W_])"
)


def _strip_pdf_syntax(text: str) -> str:
    """A decompressed stream's text without PDF names and keywords (syntax, not prose)."""
    return _PDF_WORD_RE.sub(" ", _PDF_NAME_RE.sub(" ", text))


def _image_header(data: _Bytes) -> bytes:
    """The parts of an image file that are not pixel data (where text can hide)."""
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        parts = []
        pos = 8
        while pos + 8 <= len(data):
            length = int.from_bytes(data[pos : pos + 4], "big")
            if data[pos + 4 : pos + 8] != b"IDAT":
                parts.append(bytes(data[pos + 8 : pos + 8 + min(length, 10_000_000)]))
            pos += 12 + length
        return b"\n".join(parts)
    if data[:2] == b"\xff\xd8":
        sos = data.find(b"\xff\xda")
        eoi = data.rfind(b"\xff\xd9")
        tail = bytes(data[eoi + 2 :]) if eoi > 0 else b""  # anything appended after the image
        return bytes(data[: sos if sos > 0 else 65536]) + b"\n" + tail
    return bytes(data[:65536])


def _outside_image_streams(data: _Bytes) -> bytes:
    """A PDF's bytes without the bodies of its image streams and of every compressed stream:
    compressed bytes look random, and a short term turns up in them by chance (a false leak).
    Compressed streams are searched after decompression instead."""
    parts: list[bytes] = []
    pos = 0
    for m in re.finditer(rb"(?<!end)stream\r?\n", data):
        if m.start() < pos:
            continue
        head = data[max(0, m.start() - 600) : m.start()]
        k = head.rfind(b"obj")
        head = head[k:] if k >= 0 else head
        if b"/Image" not in head and b"/Filter" not in head and not _is_font_program(head):
            continue
        end = data.find(b"endstream", m.end())
        if end < 0:
            break
        parts.append(bytes(data[pos : m.end()]))
        pos = end
    parts.append(bytes(data[pos:]))
    return b"".join(parts)


_FONT_PROGRAM_RE = re.compile(rb"/Length[123]\b|/Subtype\s*/(Type1C|CIDFontType0C|OpenType)\b")


def _is_font_program(stream_dict: bytes) -> bool:
    """True for the dictionary of an embedded font program (binary, never searched as text)."""
    return _FONT_PROGRAM_RE.search(stream_dict) is not None


def _text_views(data: bytes) -> str:
    return "\n".join(
        data.decode(enc, "ignore") for enc in ("utf-8", "utf-16-be", "utf-16-le", "cp1251")
    )


class _Collector:
    def __init__(self, terms: Sequence[str]) -> None:
        self.terms = list(terms)
        self.problems: list[str] = []
        self.readers: list[str] = []

    def reader(self, name: str) -> None:
        if name not in self.readers:
            self.readers.append(name)

    def add(self, problem: str) -> None:
        if problem not in self.problems:
            self.problems.append(problem)
            log.info("verify: %s", problem)

    def search(self, text: str, reader: str, where: str, streams: bool = False) -> None:
        if streams:
            text = _strip_pdf_syntax(text)
        for n in sorted(find_term_numbers(text, self.terms, streams)):
            self.add(f"{reader} finds hidden item #{n + 1} in {where}")


# --- PDF ---------------------------------------------------------------------------------------


def _pdf_revisions(data: _Bytes, col: _Collector) -> None:
    n = len(re.findall(rb"startxref\s+\d+", data))
    if n > 1:
        col.add(f"bytes: the file has {n} revisions (earlier versions may be inside)")
    if re.search(rb"/Prev\s+\d+", data):
        col.add("bytes: the trailer points to an earlier revision (/Prev)")


def _pdf_raw_streams(data: _Bytes, col: _Collector) -> None:
    """Decompress every Flate stream found in the bytes (independently of any PDF library) and
    search it, skipping image data."""
    for m in re.finditer(rb"stream\r?\n", data):
        head = data[max(0, m.start() - 600) : m.start()]
        dict_start = head.rfind(b"obj")
        head = head[dict_start:] if dict_start >= 0 else head
        if b"/Image" in head or b"/FlateDecode" not in head or _is_font_program(head):
            continue
        try:
            d = zlib.decompressobj()
            chunk = d.decompress(data[m.end() : m.end() + 50_000_000], 100_000_000)
        except zlib.error:
            continue
        col.search(_text_views(chunk), "stream scan", "a decompressed stream", streams=True)


# Name values that are labels someone chose (a font's name, a destination, a layer's name);
# every other name value (/Type /Page, /Filter /FlateDecode) is PDF vocabulary, not text.
_LABEL_NAME_KEYS = frozenset(
    {"/BaseFont", "/FontName", "/FontFamily", "/Name", "/T", "/D", "/Dest"}
)
# Strings that are PDF vocabulary: a CID font's registry and ordering.
_VOCABULARY_STRING_KEYS = frozenset({"/Registry", "/Ordering"})


def _walk_pdf_object(
    obj: object,
    where: str,
    col: _Collector,
    texts: list[tuple[str, str]],
    depth: int = 0,
    key: str = "",
) -> None:
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        IndirectObject,
        NameObject,
        StreamObject,
    )

    if depth > 60 or isinstance(obj, IndirectObject):
        return
    if isinstance(obj, (DictionaryObject, StreamObject)):
        for key, value in obj.items():
            k = str(key)
            if k in SUSPECT_KEYS:
                col.add(f"structure: {SUSPECT_KEYS[k]} ({k}) in {where}")
            if k == "/S" and str(value) in ("/JavaScript", "/Launch", "/URI", "/SubmitForm"):
                col.add(f"structure: action {value} in {where}")
            if k in ("/SMask", "/Mask") and str(value) != "/None":
                col.add(f"structure: transparency mask ({k}) in {where} (hidden pixels may remain)")
            if k == "/Type" and str(value) in ("/EmbeddedFile", "/Filespec", "/Annot"):
                col.add(f"structure: {str(value)[1:]} object in {where}")
            if k == "/Dests" and isinstance(value, DictionaryObject):  # old-style named dests
                texts.extend((where, str(name)) for name in value)
            _walk_pdf_object(value, where, col, texts, depth + 1, k)
    elif isinstance(obj, ArrayObject):
        for value in obj:
            _walk_pdf_object(value, where, col, texts, depth + 1, key)
    elif isinstance(obj, NameObject):
        if key in _LABEL_NAME_KEYS:
            # a font subset's tag (ABCDEF+) is not part of the name
            texts.append((where, re.sub(r"^/([A-Z]{6}\+)?", "", str(obj))))
    elif isinstance(obj, str):  # TextStringObject, ByteStringObject decoded
        if key not in _VOCABULARY_STRING_KEYS:
            texts.append((where, str(obj)))


_BFCHAR_RE = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE_RE = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)
_HEX_RE = rb"<([0-9A-Fa-f\s]*)>"


def _hex_text(h: bytes) -> str:
    raw = bytes.fromhex(re.sub(rb"\s+", b"", h).decode("ascii"))
    return raw.decode("utf-16-be", "replace")


def cmap_text(data: bytes) -> str:
    """The characters of a ToUnicode CMap in code order; a gap between codes starts a new line.
    A font subset left from an earlier version can still spell a hidden name here."""
    mapping: dict[int, str] = {}
    try:
        for block in _BFCHAR_RE.findall(data):
            for src, dst in re.findall(_HEX_RE + rb"\s*" + _HEX_RE, block):
                mapping[int(re.sub(rb"\s+", b"", src) or b"0", 16)] = _hex_text(dst)
        for block in _BFRANGE_RE.findall(data):
            for lo, hi, rest in re.findall(
                _HEX_RE + rb"\s*" + _HEX_RE + rb"\s*(<[^>]*>|\[[^\]]*\])", block
            ):
                a, b = int(lo or b"0", 16), int(hi or b"0", 16)
                if b - a > 0xFFFF:
                    continue
                if rest.startswith(b"["):
                    for k, d in enumerate(re.findall(_HEX_RE, rest)):
                        mapping[a + k] = _hex_text(d)
                else:
                    base = _hex_text(rest[1:-1])
                    if base:
                        for k in range(b - a + 1):
                            mapping[a + k] = base[:-1] + chr(min(ord(base[-1]) + k, 0x10FFFF))
    except ValueError:
        pass
    out: list[str] = []
    prev = None
    for code in sorted(mapping):
        if prev is not None and code != prev + 1:
            out.append("\n")
        out.append(mapping[code])
        prev = code
    return "".join(out)


def raw_pdf_string(value: object) -> bytes:
    """The bytes of a PDF string object as pypdf read it (text or byte string)."""
    original = getattr(value, "original_bytes", None)
    if isinstance(original, bytes):
        return original
    if isinstance(value, bytes):
        return bytes(value)
    return str(value).encode("latin-1", "ignore")


def _pdf_structure(path: str, col: _Collector, forbidden_ids: Iterable[bytes]) -> None:
    import pypdf
    from pypdf.generic import IndirectObject, StreamObject

    col.reader("pypdf")
    reader = pypdf.PdfReader(path, strict=False)
    trailer = reader.trailer
    texts: list[tuple[str, str]] = []
    info = trailer.get("/Info")
    if info is not None:
        info_obj = info.get_object()
        if info_obj:
            col.add("structure: document information (/Info) is not empty")
        _walk_pdf_object(info_obj, "document information (Info)", col, texts)
    _walk_pdf_object(trailer, "trailer", col, texts)
    ids = trailer.get("/ID")
    if ids is not None:
        forbidden = {bytes(i) for i in forbidden_ids}
        for v in ids.get_object():
            if raw_pdf_string(v) in forbidden:
                col.add("structure: the file /ID is the same as the input's")
    # every object of the file, whether reachable or not
    seen: set[tuple[int, int]] = set()
    for gen, table in list(reader.xref.items()):
        for num in list(table):
            seen.add((num, gen))
    for num in list(getattr(reader, "xref_objStm", {})):
        seen.add((num, 0))
    for num, gen in sorted(seen):
        try:
            obj = IndirectObject(num, gen, reader).get_object()
        except Exception:  # a damaged object is a problem of its own
            col.add(f"structure: object {num} cannot be read")
            continue
        where = f"object {num}"
        _walk_pdf_object(obj, where, col, texts)
        is_font = isinstance(obj, StreamObject) and (
            any(k in obj for k in ("/Length1", "/Length2", "/Length3"))
            or str(obj.get("/Subtype")) in ("/Type1C", "/CIDFontType0C", "/OpenType")
        )
        if isinstance(obj, StreamObject) and str(obj.get("/Subtype")) != "/Image" and not is_font:
            try:
                data = obj.get_data()
            except Exception:
                continue
            col.search(_text_views(data), "pypdf", f"the stream of object {num}", streams=True)
            if b"beginbf" in data:
                spelled = cmap_text(data)
                where = f"the ToUnicode map of object {num}"
                col.search(spelled, "structure", where, streams=True)
        if isinstance(obj, StreamObject) and str(obj.get("/Subtype")) == "/Image":
            filt = str(obj.get("/Filter"))
            if "DCTDecode" in filt:
                _jpeg_markers(obj._data, col, f"the image of object {num}")
    by_where: dict[str, list[str]] = {}
    for where, text in texts:
        by_where.setdefault(where, []).append(text)
    for where, parts in by_where.items():
        col.search("\n".join(parts), "structure", where)
    for i, page in enumerate(reader.pages):
        try:
            text = page.extract_text() or ""
        except Exception:
            col.add(f"pypdf cannot read the text of page {i + 1}")
            continue
        col.search(text, "pypdf", f"the text of page {i + 1}")


def _pdfminer_text(path: str, col: _Collector) -> None:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer

    col.reader("pdfminer")
    for i, layout in enumerate(extract_pages(path, laparams=LAParams(all_texts=True))):
        parts = [el.get_text() for el in layout if isinstance(el, LTTextContainer)]
        col.search("\n".join(parts), "pdfminer", f"the text of page {i + 1}")


def _pdftotext(path: str, col: _Collector) -> None:
    exe = shutil.which("pdftotext")
    if exe is None:
        return
    col.reader("poppler")
    try:
        res = subprocess.run(
            [exe, "-q", "-enc", "UTF-8", path, "-"],
            capture_output=True,
            timeout=120,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        col.add("poppler could not read the file")
        return
    pages = res.stdout.decode("utf-8", "replace").split("\f")
    for i, text in enumerate(pages):
        col.search(text, "poppler", f"the text of page {i + 1}")


def _dpi_for(dpi: int | Mapping[int, int], page: int) -> int:
    if isinstance(dpi, Mapping):
        return int(dpi.get(page, 200))
    return int(dpi)


def _pixels_under(
    img: Image.Image,
    boxes: Sequence[Box],
    fill: tuple[int, int, int],
    where: str,
    col: _Collector,
    tolerance: int,
) -> None:
    import numpy as np

    arr = np.asarray(img.convert("RGB"), dtype=np.int16)
    h, w = arr.shape[:2]
    target = np.array(fill, dtype=np.int16)
    for k, box in enumerate(boxes):
        x0 = max(0, int(box.x0) + 1 + _PIXEL_SHRINK_PX)
        y0 = max(0, int(box.y0) + 1 + _PIXEL_SHRINK_PX)
        x1 = min(w, int(box.x1) - _PIXEL_SHRINK_PX)
        y1 = min(h, int(box.y1) - _PIXEL_SHRINK_PX)
        if x1 <= x0 or y1 <= y0:
            continue
        diff = np.abs(arr[y0:y1, x0:x1] - target).max()
        if diff > tolerance:
            col.add(f"pixels: box {k + 1} on {where} is not solid (something shows through)")


def _image_objects_under(
    page: Any,
    boxes: Sequence[Box],
    page_dpi: int,
    fill: tuple[int, int, int],
    index: int,
    col: _Collector,
    tolerance: int,
) -> None:
    """Check the pixels of every image drawn on the page (not the rendered page) under each box:
    an image merely covered by a drawn box, or hidden by a transparency mask, still holds what
    it shows. Images drawn rotated or sheared are left to the rendered check."""
    import numpy as np
    import pypdfium2.raw as pdfium_c

    left, _bottom, _right, top = page.get_cropbox()
    s = 72.0 / page_dpi
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=1):
        a, b, c, d, e, f = obj.get_matrix().get()
        if abs(b) > 1e-6 or abs(c) > 1e-6 or abs(a) < 1e-6 or abs(d) < 1e-6:
            continue
        w_img, h_img = obj.get_px_size()
        arr = None
        for k, box in enumerate(boxes):
            x0 = left + (box.x0 + _PIXEL_SHRINK_PX) * s
            x1 = left + (box.x1 - _PIXEL_SHRINK_PX) * s
            y_top = top - (box.y0 + _PIXEL_SHRINK_PX) * s
            y_bot = top - (box.y1 - _PIXEL_SHRINK_PX) * s
            u0, u1 = sorted(((x0 - e) / a, (x1 - e) / a))
            v0, v1 = sorted(((y_bot - f) / d, (y_top - f) / d))
            u0, u1, v0, v1 = max(u0, 0.0), min(u1, 1.0), max(v0, 0.0), min(v1, 1.0)
            c0, c1 = int(u0 * w_img) + 1, int(u1 * w_img) - 1
            r0, r1 = int((1.0 - v1) * h_img) + 1, int((1.0 - v0) * h_img) - 1
            if c1 <= c0 or r1 <= r0:
                continue
            if arr is None:
                try:
                    bitmap = obj.get_bitmap(render=False)
                    arr = np.asarray(bitmap.to_pil().convert("RGB"), dtype=np.int16)
                except Exception:
                    col.add(f"pdfium cannot decode an image on page {index + 1}")
                    return
            region = arr[r0:r1, c0:c1]
            if region.size and np.abs(region - np.array(fill, dtype=np.int16)).max() > tolerance:
                col.add(
                    f"pdfium finds an image under box {k + 1} on page {index + 1} that still "
                    "shows something (covered, not removed)"
                )


def _ocr_page_images(page: Any, index: int, col: _Collector) -> bool:
    """OCR every image drawn on the page by itself (what a drawn box or a mask hides inside an
    image is still in it). True when the page is nothing but one full-page image (and invisible
    text), so OCR of the rendered page would read the same pixels again."""
    import pypdfium2.raw as pdfium_c

    left, bottom, right, top = page.get_cropbox()
    images = list(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]))
    others = list(
        page.get_objects(
            filter=[pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_SHADING], max_depth=15
        )
    )
    for k, obj in enumerate(images):
        w_img, h_img = obj.get_px_size()
        if w_img < 32 or h_img < 32:
            continue
        try:
            img = obj.get_bitmap(render=False).to_pil().convert("RGB")
        except Exception:
            col.add(f"pdfium cannot decode image {k + 1} on page {index + 1}")
            continue
        x0, y0, x1, y1 = obj.get_bounds()
        width_pt = max(x1 - x0, 1.0)
        dpi = max(70, min(600, round(w_img / width_pt * 72)))
        _ocr_search(img, col, f"image {k + 1} on page {index + 1}", dpi)
    if len(images) != 1 or others:
        return False
    x0, y0, x1, y1 = images[0].get_bounds()
    tol = 1.0
    return x0 <= left + tol and y0 <= bottom + tol and x1 >= right - tol and y1 >= top - tol


def _pdfium(
    path: str,
    col: _Collector,
    boxes_by_page: Mapping[int, Sequence[Box]] | None,
    fill: tuple[int, int, int],
    dpi: int | Mapping[int, int],
    tolerance: int,
    ocr: bool,
) -> None:
    import pypdfium2 as pdfium

    col.reader("pdfium")
    doc = pdfium.PdfDocument(path)
    try:
        for i in range(len(doc)):
            page = doc[i]
            tp = page.get_textpage()
            col.search(tp.get_text_range(), "pdfium", f"the text of page {i + 1}")
            boxes = list((boxes_by_page or {}).get(i, ()))
            page_dpi = _dpi_for(dpi, i)
            if boxes:
                left, bottom, right, top = page.get_cropbox()
                scale = 72.0 / page_dpi
                count = tp.count_chars()
                for k, box in enumerate(boxes):
                    bx0 = left + (box.x0 + _PIXEL_SHRINK_PX) * scale
                    bx1 = left + (box.x1 - _PIXEL_SHRINK_PX) * scale
                    by0 = top - (box.y1 - _PIXEL_SHRINK_PX) * scale
                    by1 = top - (box.y0 + _PIXEL_SHRINK_PX) * scale
                    for c in range(count):
                        if tp.get_text_range(c, 1).isspace():
                            continue
                        cx0, cy0, cx1, cy1 = tp.get_charbox(c, loose=True)
                        cx, cy = (cx0 + cx1) / 2, (cy0 + cy1) / 2
                        if bx0 <= cx <= bx1 and by0 <= cy <= by1:
                            col.add(f"pdfium finds text under box {k + 1} on page {i + 1}")
                            break
            if boxes:
                _image_objects_under(page, boxes, page_dpi, fill, i, col, tolerance)
            only_image = False
            if ocr:
                only_image = _ocr_page_images(page, i, col)
            if boxes or (ocr and not only_image):
                bitmap = page.render(scale=page_dpi / 72.0)
                img = bitmap.to_pil()
                if boxes:
                    _pixels_under(img, boxes, fill, f"page {i + 1}", col, tolerance)
                if ocr and not only_image:
                    _ocr_search(img, col, f"page {i + 1}", page_dpi)
                bitmap.close()
            tp.close()
            page.close()
    finally:
        doc.close()


def _verify_pdf(
    path: str,
    data: _Bytes,
    col: _Collector,
    boxes_by_page,
    fill,
    dpi,
    tolerance,
    ocr,
    forbidden_ids,
) -> None:
    col.reader("bytes")
    for n in sorted(_scan_bytes(_outside_image_streams(data), col.terms)):
        col.add(f"bytes: hidden item #{n + 1} is in the file's raw bytes")
    _pdf_revisions(data, col)
    _pdf_raw_streams(data, col)
    steps: list[tuple[str, Callable[[], None]]] = [
        ("pypdf", lambda: _pdf_structure(path, col, forbidden_ids)),
        ("pdfium", lambda: _pdfium(path, col, boxes_by_page, fill, dpi, tolerance, ocr)),
        ("pdfminer", lambda: _pdfminer_text(path, col)),
        ("poppler", lambda: _pdftotext(path, col)),
    ]
    for name, step in steps:
        try:
            step()
        except Exception as exc:  # fail closed: a reader that cannot read is a problem
            col.add(f"{name} cannot read the file ({type(exc).__name__})")


# --- images ------------------------------------------------------------------------------------


def _jpeg_markers(data: _Bytes, col: _Collector, where: str) -> None:
    pos = 2
    while pos + 4 <= len(data) and data[pos] == 0xFF:
        marker = data[pos + 1]
        if marker in (0xD9, 0xDA):  # end of image, start of scan
            break
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            pos += 2
            continue
        length = int.from_bytes(data[pos + 2 : pos + 4], "big")
        seg = data[pos + 4 : pos + 2 + length]
        if marker == 0xE1:
            kind = "XMP" if seg.startswith(b"http://ns.adobe.com/xap") else "EXIF"
            col.add(f"metadata: {kind} in {where}")
        elif marker == 0xE2:
            col.add(f"metadata: ICC profile or extension data (APP2) in {where}")
        elif marker == 0xED:
            col.add(f"metadata: IPTC/Photoshop data in {where}")
        elif marker == 0xFE:
            col.add(f"metadata: comment in {where}")
        elif 0xE1 <= marker <= 0xEF and marker != 0xEE:
            col.add(f"metadata: application segment APP{marker - 0xE0} in {where}")
        pos += 2 + length


def _png_chunks(data: _Bytes, col: _Collector, where: str) -> None:
    pos = 8
    while pos + 8 <= len(data):
        length = int.from_bytes(data[pos : pos + 4], "big")
        tag = data[pos + 4 : pos + 8]
        if tag not in _OK_PNG_CHUNKS:
            name = tag.decode("latin-1", "replace")
            col.add(f"metadata: PNG chunk {name} in {where}")
        if tag == b"IEND":
            break
        pos += 12 + length


def _webp_chunks(data: _Bytes, col: _Collector, where: str) -> None:
    pos = 12
    while pos + 8 <= len(data):
        tag = data[pos : pos + 4]
        length = int.from_bytes(data[pos + 4 : pos + 8], "little")
        if tag in (b"EXIF", b"XMP ", b"ICCP"):
            col.add(f"metadata: {tag.decode().strip()} in {where}")
        pos += 8 + length + (length & 1)


def _ocr_search(img: Image.Image, col: _Collector, where: str, dpi: int = 300) -> None:
    col.reader("tesseract")
    try:
        from redactor.core.ocr import ocr_image

        words = ocr_image(img, dpi=dpi)
        text = " ".join(w.text for w in words)
    except ImportError:
        os.environ.setdefault("OMP_THREAD_LIMIT", "1")
        import tesserocr

        with tesserocr.PyTessBaseAPI(
            path="/usr/share/tesseract-ocr/5/tessdata/", lang="rus+kaz+eng"
        ) as api:
            api.SetImage(img)
            text = api.GetUTF8Text()
    col.search(text, "tesseract", where)


def _verify_image(data: _Bytes, col: _Collector, boxes_by_page, fill, tolerance, ocr) -> None:
    col.reader("bytes")
    col.reader("metadata")
    # Only the parts that are not pixel data: compressed pixels hold short terms by chance.
    for n in sorted(_scan_bytes(_image_header(data), col.terms)):
        col.add(f"bytes: hidden item #{n + 1} is in the file's raw bytes")
    col.search(_text_views(_image_header(data)), "bytes", "the image's metadata")
    where = "the image"
    if data[:4] == b"\x89PNG":
        _png_chunks(data, col, where)
    elif data[:2] == b"\xff\xd8":
        _jpeg_markers(data, col, where)
    elif data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        _webp_chunks(data, col, where)
    with Image.open(io.BytesIO(data)) as im:
        n_frames = getattr(im, "n_frames", 1)
        for frame in range(n_frames):
            im.seek(frame)
            fwhere = f"page {frame + 1}"
            tags = getattr(im, "tag_v2", None)
            if tags is not None:
                for tag, what in _TIFF_METADATA_TAGS.items():
                    if tag in tags:
                        col.add(f"metadata: {what} in {fwhere}")
            if "icc_profile" in im.info:
                col.add(f"metadata: ICC profile in {fwhere}")
            for key in ("exif", "xmp", "XML:com.adobe.xmp", "photoshop", "comment"):
                if im.info.get(key):
                    col.add(f"metadata: {key} in {fwhere}")
            if im.mode in ("RGBA", "LA", "PA") or "transparency" in im.info:
                col.add(f"pixels: {fwhere} has transparency (hidden colour data may remain)")
            boxes = list((boxes_by_page or {}).get(frame, ()))
            if boxes or ocr:
                img = im.convert("RGB")
                if boxes:
                    col.reader("pixels")
                    _pixels_under(img, boxes, fill, fwhere, col, tolerance)
                if ocr:
                    _ocr_search(img, col, fwhere)


def _verify_text(data: _Bytes, col: _Collector) -> None:
    col.reader("text")
    data = bytes(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1251", "replace")
    col.search(text, "text", "the text")


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
) -> VerifyReport:
    """Re-read a PDF, image or text file and list every problem found. Never raises for a leak.

    `boxes_by_page` (0-based page -> boxes in page pixels at `dpi`, per page if a mapping) are
    checked for solid `fill` pixels and for text under them. `ocr` also OCRs each page.
    `forbidden_ids`: trailer /ID values of the input, which the copy must not reuse."""
    p = os.fspath(path)
    terms = [t for t in (s.strip() for s in terms) if t]
    col = _Collector(terms)
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
            _verify_pdf(p, data, col, boxes_by_page, fill, dpi, tolerance, ocr, forbidden_ids)
        elif head.startswith(_IMAGE_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
            _verify_image(data, col, boxes_by_page, fill, tolerance, ocr)
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
    return VerifyReport(p, tuple(col.readers), len(terms), tuple(col.problems))


def check_file(
    path: str | os.PathLike[str],
    terms: Sequence[str] = (),
    boxes_by_page: Mapping[int, Sequence[Box]] | None = None,
    fill: tuple[int, int, int] = (0, 0, 0),
    ocr: bool = False,
    dpi: int | Mapping[int, int] = 200,
    tolerance: int = PIXEL_TOLERANCE,
    forbidden_ids: Iterable[bytes] = (),
) -> VerifyReport:
    """As verify_file, but raises LeakDetected (with the problems) when anything is found."""
    report = verify_file(path, terms, boxes_by_page, fill, ocr, dpi, tolerance, forbidden_ids)
    if not report.ok:
        raise LeakDetected(report.summary(), list(report.problems))
    return report
