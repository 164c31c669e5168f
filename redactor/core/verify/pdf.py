"""The PDF checks: several readers, raw and decompressed streams, structure, pixels."""

from __future__ import annotations

import re
import shutil
import subprocess
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial
from typing import Any

import numpy as np

from ..model import Box
from .common import _PIXEL_SHRINK_PX, SUSPECT_KEYS, _Bytes
from .image import _jpeg_markers, _pixels_under, tracking_dots_in
from .placed import _ocr_page_images, _ocr_words_async, _pdfium_words, _Pending
from .regions import WHOLE_PAGE, PageExpect, as_array, regions_to_read, solid_under
from .search import (
    _Collector,
    _is_font_program,
    _outside_image_streams,
    _scan_bytes,
    _text_views,
)

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
        col.search(text, "pypdf", f"the text of page {i + 1}", page=i)


def _pdfminer_text(path: str, col: _Collector) -> None:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer

    col.reader("pdfminer")
    for i, layout in enumerate(extract_pages(path, laparams=LAParams(all_texts=True))):
        parts = [el.get_text() for el in layout if isinstance(el, LTTextContainer)]
        col.search("\n".join(parts), "pdfminer", f"the text of page {i + 1}", page=i)


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
        col.search(text, "poppler", f"the text of page {i + 1}", page=i)


def _dpi_for(dpi: int | Mapping[int, int], page: int) -> int:
    if isinstance(dpi, Mapping):
        return int(dpi.get(page, 200))
    return int(dpi)


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
                col.add_at(
                    f"pdfium finds an image under box {k + 1} on page {index + 1} that still "
                    "shows something (covered, not removed)",
                    index,
                    box,
                )


def _dots_in_page_images(page: Any, index: int, col: _Collector) -> None:
    """A printer's yellow dot pattern in any image drawn on the page, at its own resolution."""
    import pypdfium2.raw as pdfium_c

    if not col.dots_wanted:
        return
    for k, obj in enumerate(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])):
        w_img, h_img = obj.get_px_size()
        if w_img < 64 or h_img < 64:
            continue
        try:  # a grey or 1-bit image has no yellow (tracking_dots_in skips it): not decoded
            if obj.get_metadata().colorspace == pdfium_c.FPDF_COLORSPACE_DEVICEGRAY:
                continue
        except Exception:
            pass
        try:
            img = obj.get_bitmap(render=False).to_pil()
        except Exception:
            continue  # an undecodable image is reported by the other checks
        x0, _y0, x1, _y1 = obj.get_bounds()
        dpi = max(50.0, min(2400.0, w_img / max(x1 - x0, 1.0) * 72))
        tracking_dots_in(img, dpi, f"image {k + 1} on page {index + 1}", col)


def _chars_under(
    tp: Any, page: Any, boxes: Sequence[Box], page_dpi: int, i: int, col: _Collector
) -> None:
    """Text of the copy's text layer whose centre lies under a burned box."""
    import pypdfium2.raw as pdfium_c

    count = tp.count_chars()
    if not count:
        return
    left, _bottom, _right, top = page.get_cropbox()
    scale = 72.0 / page_dpi
    centres = []
    for c in range(count):
        if chr(pdfium_c.FPDFText_GetUnicode(tp.raw, c) or 32).isspace():
            continue
        cx0, cy0, cx1, cy1 = tp.get_charbox(c, loose=True)
        centres.append(((cx0 + cx1) / 2, (cy0 + cy1) / 2))
    for k, box in enumerate(boxes):
        bx0 = left + (box.x0 + _PIXEL_SHRINK_PX) * scale
        bx1 = left + (box.x1 - _PIXEL_SHRINK_PX) * scale
        by0 = top - (box.y1 - _PIXEL_SHRINK_PX) * scale
        by1 = top - (box.y0 + _PIXEL_SHRINK_PX) * scale
        if any(bx0 <= cx <= bx1 and by0 <= cy <= by1 for cx, cy in centres):
            col.add_at(f"pdfium finds text under box {k + 1} on page {i + 1}", i, box)


def _pdfium(
    path: str,
    col: _Collector,
    boxes_by_page: Mapping[int, Sequence[Box]] | None,
    fill: tuple[int, int, int],
    dpi: int | Mapping[int, int],
    tolerance: int,
    ocr: bool,
    expect: Mapping[int, PageExpect] | None = None,
) -> None:
    import pypdfium2 as pdfium

    col.reader("pdfium")
    doc = pdfium.PdfDocument(path)
    pending: list[_Pending] = []  # page OCR running in the worker processes
    try:
        for i in range(len(doc)):
            page = doc[i]
            tp = page.get_textpage()
            _dots_in_page_images(page, i, col)
            page_dpi = _dpi_for(dpi, i)
            col.search(
                tp.get_text_range(),
                "pdfium",
                f"the text of page {i + 1}",
                page=i,
                words=partial(_pdfium_words, tp, page, page_dpi),
            )
            boxes = list((boxes_by_page or {}).get(i, ()))
            if boxes:
                _chars_under(tp, page, boxes, page_dpi, i, col)
            expected = (expect or {}).get(i)
            # A page known from its source is read by regions (regions.py); any other page, or
            # one that is not a single full-page image, is rendered and read whole.
            if expected is None or not _by_regions(
                page, i, col, pending, page_dpi, boxes, expected, fill, tolerance
            ):
                if boxes:
                    _image_objects_under(page, boxes, page_dpi, fill, i, col, tolerance)
                only_image = False
                if ocr:
                    only_image = _ocr_page_images(page, i, col, pending, page_dpi)
                if boxes or (ocr and not only_image):
                    bitmap = page.render(scale=page_dpi / 72.0)
                    img = bitmap.to_pil()
                    if boxes:
                        _pixels_under(img, boxes, fill, f"page {i + 1}", col, tolerance, i)
                    if ocr and not only_image:
                        future = _ocr_words_async(img.convert("L"), page_dpi)
                        pending.append((future, f"page {i + 1}", i, (1.0, 1.0, 0.0, 0.0)))
                    bitmap.close()
            tp.close()
            page.close()
        for future, where, index, place in pending:
            col.reader("tesseract")
            words = future.result(timeout=600)
            sx, sy, ox, oy = place or (1.0, 1.0, 0.0, 0.0)
            placed = [
                (
                    w.text,
                    Box(
                        ox + w.box.x0 * sx,
                        oy + w.box.y0 * sy,
                        ox + w.box.x1 * sx,
                        oy + w.box.y1 * sy,
                    ),
                    w.line,
                )
                for w in words
            ]
            text = " ".join(w.text for w in words)
            col.search(text, "tesseract", where, page=index, words=placed if place else None)
    finally:
        for future, *_ in pending:
            future.cancel()
        doc.close()


def _single_image(page: Any, size: tuple[int, int]) -> Any:
    """The page's one image object when the page is nothing else but it, upright over the whole
    page at `size` pixels, and text drawn invisibly (a safe copy's page); else None."""
    import pypdfium2.raw as pdfium_c

    images = []
    for obj in page.get_objects(max_depth=15):
        kind = obj.type
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            images.append(obj)
        elif kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
            mode = pdfium_c.FPDFTextObj_GetTextRenderMode(obj.raw)
            if mode != pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE:
                return None
        else:  # paths, shadings, forms: ink the source may not have had
            return None
    if len(images) != 1:
        return None
    img = images[0]
    a, b, c, d, _e, _f = img.get_matrix().get()
    if a <= 0 or d <= 0 or abs(b) > 1e-6 or abs(c) > 1e-6:
        return None
    if tuple(img.get_px_size()) != tuple(size):
        return None
    left, bottom, right, top = page.get_cropbox()
    x0, y0, x1, y1 = img.get_bounds()
    tol = 1.0
    if not (x0 <= left + tol and y0 <= bottom + tol and x1 >= right - tol and y1 >= top - tol):
        return None
    return img


def _by_regions(
    page: Any,
    i: int,
    col: _Collector,
    pending: list[_Pending],
    page_dpi: int,
    boxes: Sequence[Box],
    expected: PageExpect,
    fill: tuple[int, int, int],
    tolerance: int,
) -> bool:
    """The page checked by regions (verify/regions.py): False when it is not a single full-page
    image of the expected size (then it is read whole)."""
    obj = _single_image(page, expected.size)
    if obj is None:
        return False
    try:
        image = obj.get_bitmap(render=False).to_pil()
    except Exception:
        return False
    arr = as_array(image, expected.mode)
    if arr.shape[1] != expected.size[0] or arr.shape[0] != expected.size[1]:
        return False
    solid_under(arr, boxes, fill, tolerance, i, col)
    regions, same = regions_to_read(arr, boxes, expected)
    w, h = expected.size
    if sum(r.width * r.height for r in regions) > WHOLE_PAGE * w * h:
        regions = [Box(0, 0, w, h)]
    if regions:
        gray = image.convert("L")
        for r in regions:
            x0, y0, x1, y1 = int(r.x0), int(r.y0), int(np.ceil(r.x1)), int(np.ceil(r.y1))
            crop = gray.crop((x0, y0, x1, y1))
            where = (
                f"page {i + 1}" if (x1 - x0) * (y1 - y0) >= w * h else (f"a region of page {i + 1}")
            )
            pending.append((_ocr_words_async(crop, page_dpi), where, i, (1.0, 1.0, x0, y0)))
    if expected.known:
        col.reader("source words")
        lines: dict[int, list[str]] = {}
        for text, _box, line in expected.known:
            lines.setdefault(line, []).append(text)
        text = "\n".join(" ".join(t) for t in lines.values())
        col.search(
            text,
            "source words",
            f"the unchanged words of page {i + 1}",
            page=i,
            words=list(expected.known),
        )
    if same and expected.symbols_clear and not regions:
        col.clear_pages.append(i)
    return True


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
    expect: Mapping[int, PageExpect] | None = None,
) -> None:
    col.reader("bytes")
    for n in sorted(_scan_bytes(_outside_image_streams(data), col.terms, pdf=True)):
        col.add_item(n, "bytes", f"bytes: hidden item #{n + 1} is in the file's raw bytes")
    _pdf_revisions(data, col)
    _pdf_raw_streams(data, col)
    steps: list[tuple[str, Callable[[], None]]] = [
        ("pypdf", lambda: _pdf_structure(path, col, forbidden_ids)),
        (
            "pdfium",
            lambda: _pdfium(path, col, boxes_by_page, fill, dpi, tolerance, ocr, expect),
        ),
        ("pdfminer", lambda: _pdfminer_text(path, col)),
        ("poppler", lambda: _pdftotext(path, col)),
    ]
    for name, step in steps:
        try:
            step()
        except Exception as exc:  # fail closed: a reader that cannot read is a problem
            col.add(f"{name} cannot read the file ({type(exc).__name__})")
