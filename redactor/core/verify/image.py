"""The image and plain-text checks: metadata chunks, pixels under boxes, optional OCR."""

from __future__ import annotations

import io
import os
from collections.abc import Sequence

from PIL import Image

from ..model import Box
from .common import _OK_PNG_CHUNKS, _PIXEL_SHRINK_PX, _TIFF_METADATA_TAGS, _Bytes
from .regions import WHOLE_PAGE, PageExpect, as_array, regions_to_read, solid_under
from .search import _Collector, _image_header, _scan_bytes, _text_views

# --- images ------------------------------------------------------------------------------------


def _pixels_under(
    img: Image.Image,
    boxes: Sequence[Box],
    fill: tuple[int, int, int],
    where: str,
    col: _Collector,
    tolerance: int,
    page: int = 0,
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
            problem = f"pixels: box {k + 1} on {where} is not solid (something shows through)"
            col.add_at(problem, page, box)


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


def _ocr_search(
    img: Image.Image,
    col: _Collector,
    where: str,
    dpi: int = 300,
    page: int | None = None,
    at: tuple[float, float] = (0.0, 0.0),
) -> None:
    col.reader("tesseract")
    placed = None
    try:
        from redactor.core.ocr import ocr_image

        words = ocr_image(img, dpi=dpi)
        text = " ".join(w.text for w in words)
        ox, oy = at
        placed = [
            (w.text, Box(w.box.x0 + ox, w.box.y0 + oy, w.box.x1 + ox, w.box.y1 + oy), w.line)
            for w in words
        ]
    except ImportError:
        os.environ.setdefault("OMP_THREAD_LIMIT", "1")
        import tesserocr

        with tesserocr.PyTessBaseAPI(
            path="/usr/share/tesseract-ocr/5/tessdata/", lang="rus+kaz+eng"
        ) as api:
            api.SetImage(img)
            text = api.GetUTF8Text()
    col.search(text, "tesseract", where, page=page, words=placed)


def _image_dpi(im: Image.Image) -> float:
    """The image's resolution, or (none given, as in a safe copy) that of an A4 page."""
    try:
        dpi = float(im.info.get("dpi", (0, 0))[0])
    except (TypeError, ValueError, IndexError):
        dpi = 0.0
    if 50 <= dpi <= 2400:
        return dpi
    return max(50.0, max(im.size) / 11.69)


def tracking_dots_in(img: Image.Image, dpi: float, where: str, col: _Collector) -> None:
    from .dots import find_dot_pattern

    if not col.dots_wanted or img.mode in ("1", "L", "LA", "I", "I;16", "F"):
        return
    pattern = find_dot_pattern(img, dpi)
    if pattern is not None:
        col.tracking_dots(where, pattern)


def _by_regions(
    im: Image.Image,
    col: _Collector,
    boxes: Sequence[Box],
    fill: tuple[int, int, int],
    tolerance: int,
    frame: int,
    expected: PageExpect,
) -> bool:
    """An image page checked by regions (verify/regions.py); False when it is not the expected
    size (then it is read whole)."""
    if im.size != expected.size:
        return False
    col.reader("pixels")
    arr = as_array(im, expected.mode)
    solid_under(arr, boxes, fill, tolerance, frame, col)
    regions, same = regions_to_read(arr, boxes, expected)
    w, h = expected.size
    if sum(r.width * r.height for r in regions) > WHOLE_PAGE * w * h:
        regions = [Box(0, 0, w, h)]
    gray = im.convert("L") if regions else None
    dpi = round(_image_dpi(im))
    for r in regions:
        x0, y0, x1, y1 = int(r.x0), int(r.y0), int(r.x1 + 0.999), int(r.y1 + 0.999)
        crop = gray.crop((x0, y0, x1, y1)) if gray is not None else im
        where = (
            f"page {frame + 1}" if r.width * r.height >= w * h else f"a region of page {frame + 1}"
        )
        _ocr_search(crop, col, where, dpi=dpi, page=frame, at=(x0, y0))
    if expected.known:
        col.reader("source words")
        lines: dict[int, list[str]] = {}
        for text, _box, line in expected.known:
            lines.setdefault(line, []).append(text)
        col.search(
            "\n".join(" ".join(t) for t in lines.values()),
            "source words",
            f"the unchanged words of page {frame + 1}",
            page=frame,
            words=list(expected.known),
        )
    if same and expected.symbols_clear and not regions:
        col.clear_pages.append(frame)
    return True


def _verify_image(
    data: _Bytes, col: _Collector, boxes_by_page, fill, tolerance, ocr, expect=None
) -> None:
    col.reader("bytes")
    col.reader("metadata")
    # Only the parts that are not pixel data: compressed pixels hold short terms by chance.
    for n in sorted(_scan_bytes(_image_header(data), col.terms)):
        col.add_item(n, "bytes", f"bytes: hidden item #{n + 1} is in the file's raw bytes")
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
            tracking_dots_in(im, _image_dpi(im), fwhere, col)
            boxes = list((boxes_by_page or {}).get(frame, ()))
            expected = (expect or {}).get(frame)
            if expected is not None and _by_regions(
                im, col, boxes, fill, tolerance, frame, expected
            ):
                continue
            if boxes or ocr:
                img = im.convert("RGB")
                if boxes:
                    col.reader("pixels")
                    _pixels_under(img, boxes, fill, fwhere, col, tolerance, frame)
                if ocr:
                    _ocr_search(img, col, fwhere, page=frame)


def _verify_text(data: _Bytes, col: _Collector) -> None:
    col.reader("text")
    data = bytes(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1251", "replace")
    col.search(text, "text", "the text")
