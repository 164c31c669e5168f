"""The final check of a copy's page by regions: what the export knows of each page (the source's
pixels, its words, the burned boxes) spares the OCR of everything already read.

A page of a safe copy is one full-page image (and an invisible text layer). The export hands the
check, per page, a `PageExpect`: digests of the source page's pixels (the render the read lane
read) in tiles, with the burned boxes masked; the boxes of the text layer's visible glyphs (typed
pages); the source's words wholly outside the boxes; the words a box cuts. The check then:

- decodes the copy's page image and compares it with the digests: a tile that differs is ink the
  source did not have there (a writer or burner that added something): it is read by OCR;
- on a typed page, finds the ink no glyph box and no burned box explains (an image, a name drawn
  as paths, a stamp) and reads only those regions, with the glyph words whose text is not plain
  letters (a font whose ToUnicode map spells something else); the words of a font whose map
  spells other plain letters were read by OCR in the read lane (`fonttruth.py`) and are "ocr"
  words, not glyph boxes, so their ink is read too;
- on a page the read lane read by OCR (a scan), reads only bands around the words a box cuts;
- searches the source's words wholly outside the boxes for the hidden items (their pixels are
  proven unchanged, their text is what the read lane read there).

Why what is skipped cannot hide a leak: see docs/ARCHITECTURE.md (Export, Verify)."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from PIL import Image

from ..model import Box
from .common import _PIXEL_SHRINK_PX
from .search import PlacedWord, _Collector

TILE = 64  # pixels a side of a compared tile
MASK_PAD = 3  # a burned box is masked this much wider (its edges round outward)
GLYPH_PAD = 3  # a glyph box explains ink this far beyond it (anti-aliasing, overhangs)
INK = 224  # a channel below this is ink (faint grey and yellow included)
CELL = 16  # unexplained ink is gathered in cells of this size
CELL_MIN_INK = 3  # a cell with fewer ink pixels than this is a speck, not writing
MARGIN = 12  # pixels around a region read by OCR
WHOLE_PAGE = 0.5  # regions covering more of the page than this: the page is read whole
CUT_MIN, CUT_MAX = 0.05, 0.95  # a word a box covers between these shares is cut by it
_PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~«»“”„‘’‚–—…№°·•€£₸₽")


@dataclass(frozen=True)
class PageExpect:
    """What the copy's page must be, from the source: `size` and `mode` ("L", "RGB" or "1") of
    the page image, `digests` of its tiles outside the burned boxes (row-major, TILE a side),
    `glyphs` the text layer's visible glyph boxes (None: the read lane read the whole page by
    OCR), `known` the source's words wholly outside the boxes, `cut` the words a box cuts,
    `suspect` glyph words whose text is not plain letters, and `symbols_clear`: the read lane
    looked for symbols on the page and every one it found is under a box or kept."""

    size: tuple[int, int]
    mode: str
    digests: tuple[bytes, ...]
    glyphs: tuple[Box, ...] | None
    known: tuple[PlacedWord, ...] = ()
    cut: tuple[Box, ...] = ()
    suspect: tuple[Box, ...] = ()
    symbols_clear: bool = False


def as_array(image: Image.Image, mode: str) -> np.ndarray:
    """The image's pixels in the compared form: uint8, L (a 1-bit image as 0/255) or RGB."""
    if mode == "RGB":
        return np.asarray(image.convert("RGB"), dtype=np.uint8)
    if image.mode == "1":
        image = image.convert("L")
    return np.asarray(image.convert("L"), dtype=np.uint8)


def _grown(b: Box, pad: float, w: int, h: int) -> tuple[int, int, int, int]:
    x0, y0 = max(0, int(np.floor(b.x0 - pad))), max(0, int(np.floor(b.y0 - pad)))
    x1, y1 = min(w, int(np.ceil(b.x1 + pad))), min(h, int(np.ceil(b.y1 + pad)))
    return x0, y0, x1, y1


def tile_digests(arr: np.ndarray, covers: Sequence[Box]) -> tuple[bytes, ...]:
    """Digests of the tiles of `arr` with the burned boxes (grown by MASK_PAD) masked to 0."""
    h, w = arr.shape[:2]
    if covers:
        arr = arr.copy()
        for b in covers:
            x0, y0, x1, y1 = _grown(b, MASK_PAD, w, h)
            if x1 > x0 and y1 > y0:
                arr[y0:y1, x0:x1] = 0
    out = []
    for ty in range(0, h, TILE):
        band = np.ascontiguousarray(arr[ty : ty + TILE])
        for tx in range(0, w, TILE):
            tile = np.ascontiguousarray(band[:, tx : tx + TILE])
            out.append(hashlib.blake2b(tile.tobytes(), digest_size=8).digest())
    return tuple(out)


def changed_tiles(arr: np.ndarray, covers: Sequence[Box], expect: PageExpect) -> list[Box]:
    """The tiles of the copy's page whose pixels outside the boxes differ from the source's."""
    h, w = arr.shape[:2]
    got = tile_digests(arr, covers)
    if len(got) != len(expect.digests):
        return [Box(0, 0, w, h)]
    cols = (w + TILE - 1) // TILE
    out = []
    for k, (a, b) in enumerate(zip(got, expect.digests, strict=True)):
        if a != b:
            ty, tx = divmod(k, cols)
            out.append(Box(tx * TILE, ty * TILE, min(w, (tx + 1) * TILE), min(h, (ty + 1) * TILE)))
    return out


def plain_text(text: str) -> bool:
    """Letters (Latin, Cyrillic), digits and common punctuation only. A word of a text layer
    spelled otherwise may be drawn in a font whose ToUnicode map lies: its ink is read."""
    for ch in text:
        if ch.isdigit() or ch in _PUNCT or ch.isspace():
            continue
        if not ch.isalpha():
            return False
        name = unicodedata.name(ch, "")
        if not (name.startswith("LATIN") or name.startswith("CYRILLIC")):
            return False
    return True


def unexplained_ink(arr: np.ndarray, explained: Sequence[Box]) -> list[Box]:
    """Regions (cell-aligned boxes) of ink outside every explaining box: the glyph boxes
    (grown by GLYPH_PAD) and the burned boxes (grown by MASK_PAD)."""
    h, w = arr.shape[:2]
    ink = (arr.min(axis=2) if arr.ndim == 3 else arr) < INK
    for b in explained:
        x0, y0, x1, y1 = _grown(b, GLYPH_PAD, w, h)
        if x1 > x0 and y1 > y0:
            ink[y0:y1, x0:x1] = False
    if not ink.any():
        return []
    ch, cw = (h + CELL - 1) // CELL, (w + CELL - 1) // CELL
    padded = np.zeros((ch * CELL, cw * CELL), dtype=np.uint16)
    padded[:h, :w] = ink
    counts = padded.reshape(ch, CELL, cw, CELL).sum(axis=(1, 3))
    ys, xs = np.nonzero(counts >= CELL_MIN_INK)
    return [
        Box(x * CELL, y * CELL, min(w, (x + 1) * CELL), min(h, (y + 1) * CELL))
        for y, x in zip(ys.tolist(), xs.tolist(), strict=True)
    ]


def merge_regions(boxes: Sequence[Box], w: int, h: int, margin: float = MARGIN) -> list[Box]:
    """Boxes grown by `margin` and merged while any two overlap: the crops to read."""
    out = [
        Box(
            max(0, b.x0 - margin),
            max(0, b.y0 - margin),
            min(w, b.x1 + margin),
            min(h, b.y1 + margin),
        )
        for b in boxes
    ]
    merged = True
    while merged and len(out) > 1:
        merged = False
        out.sort(key=lambda b: (b.y0, b.x0))
        keep: list[Box] = []
        for b in out:
            for k, o in enumerate(keep):
                if b.x0 <= o.x1 and o.x0 <= b.x1 and b.y0 <= o.y1 and o.y0 <= b.y1:
                    keep[k] = o.union(b)
                    merged = True
                    break
            else:
                keep.append(b)
        out = keep
    return out


def regions_to_read(
    arr: np.ndarray, covers: Sequence[Box], expect: PageExpect
) -> tuple[list[Box], bool]:
    """The regions of the copy's page to read by OCR, and whether its pixels outside the boxes
    are the source's (no tile differs)."""
    h, w = arr.shape[:2]
    changed = changed_tiles(arr, covers, expect)
    regions = list(changed)
    if expect.glyphs is not None:
        regions += unexplained_ink(arr, [*expect.glyphs, *covers])
        regions += list(expect.suspect)
    regions += list(expect.cut)
    return merge_regions(regions, w, h), not changed


def covered_share(box: Box, covers: Sequence[Box]) -> float:
    """The share of a box's area under the burned boxes (their overlaps counted once at most
    by capping at 1)."""
    area = max(box.width * box.height, 1e-6)
    total = 0.0
    for c in covers:
        iw = min(box.x1, c.x1) - max(box.x0, c.x0)
        ih = min(box.y1, c.y1) - max(box.y0, c.y0)
        if iw > 0 and ih > 0:
            total += iw * ih
    return min(1.0, total / area)


def solid_under(
    arr: np.ndarray,
    boxes: Sequence[Box],
    fill: tuple[int, int, int],
    tolerance: int,
    page: int,
    col: _Collector,
) -> None:
    """Every pixel of the page image under each burned box (shrunk by the edge allowance) is
    the fill, as `_pixels_under` checks a rendered page."""
    h, w = arr.shape[:2]
    if arr.ndim == 3:
        target = np.array(fill, dtype=np.int16)
    elif len(set(fill)) == 1:
        target = np.array(fill[0], dtype=np.int16)
    else:  # a colour fill on a grey page: the box was not burned in its colour
        target = np.array(round(0.299 * fill[0] + 0.587 * fill[1] + 0.114 * fill[2]), np.int16)
        tolerance = -1
    for k, box in enumerate(boxes):
        x0 = max(0, int(box.x0) + 1 + _PIXEL_SHRINK_PX)
        y0 = max(0, int(box.y0) + 1 + _PIXEL_SHRINK_PX)
        x1 = min(w, int(box.x1) - _PIXEL_SHRINK_PX)
        y1 = min(h, int(box.y1) - _PIXEL_SHRINK_PX)
        if x1 <= x0 or y1 <= y0:
            continue
        if np.abs(arr[y0:y1, x0:x1].astype(np.int16) - target).max() > tolerance:
            problem = (
                f"pixels: box {k + 1} on page {page + 1} is not solid (something shows through)"
            )
            col.add_at(problem, page, box)


def page_expect(
    expected: np.ndarray,
    mode: str,
    covers: Sequence[Box],
    words: Sequence[tuple[str, Box, int, str]],
    symbols_clear: bool,
) -> PageExpect:
    """A page's expectation: `expected` the source's pixels in the copy's `mode` (as_array),
    `covers` the burned boxes, `words` the source's words (text, box, line, "text" for the text
    layer's or "ocr"), in the copy's pixels."""
    h, w = expected.shape[:2]
    glyph_words = [wd for wd in words if wd[3] == "text"]
    known: list[PlacedWord] = []
    cut: list[Box] = []
    for text, box, line, _src in words:
        share = covered_share(box, covers) if covers else 0.0
        if share <= CUT_MIN:
            known.append((text, box, line))
        elif share < CUT_MAX:
            cut.append(Box(box.x0, box.y0 - box.height / 2, box.x1, box.y1 + box.height / 2))
    glyphs: tuple[Box, ...] | None = None
    suspect: tuple[Box, ...] = ()
    if glyph_words:
        glyphs = tuple(wd[1] for wd in glyph_words if plain_text(wd[0]))
        suspect = tuple(wd[1] for wd in glyph_words if not plain_text(wd[0]))
    return PageExpect(
        size=(w, h),
        mode=mode,
        digests=tile_digests(expected, covers),
        glyphs=glyphs,
        known=tuple(known),
        cut=tuple(cut) if glyphs is None else (),
        suspect=suspect,
        symbols_clear=symbols_clear,
    )


__all__ = [
    "PageExpect",
    "as_array",
    "changed_tiles",
    "merge_regions",
    "page_expect",
    "plain_text",
    "regions_to_read",
    "tile_digests",
    "unexplained_ink",
]
