"""Burning redaction boxes into a page raster.

Boxes are grown before burning so that a box shows no more than the layout already shows: it
covers every word it touches entirely, the full height of the line, and the horizontal gap up
to the neighbouring words on the same line (or to the edge of the text column).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PIL import Image

from redactor.core.model import Box, Word

# Extra margin (px) around a grown box, and as a fraction of the line height.
_MARGIN_PX = 2.0
_MARGIN_LINE = 0.08
# Space left between a grown box and a neighbouring word, as a fraction of the line height.
_KEEP_LINE = 0.2
# Threshold for black-and-white pages: light colours (yellow tracking dots) become white.
BW_THRESHOLD = 160


def _clip(box: Box, width_px: int, height_px: int) -> Box | None:
    x0, y0 = max(0.0, float(box.x0)), max(0.0, float(box.y0))
    x1, y1 = min(float(width_px), float(box.x1)), min(float(height_px), float(box.y1))
    if x1 <= x0 or y1 <= y0:
        return None
    return Box(x0, y0, x1, y1)


def same_row(a: Box, b: Box) -> bool:
    """True if two word boxes sit on the same text line (they overlap vertically by at least
    half of the smaller height)."""
    overlap = min(a.y1, b.y1) - max(a.y0, b.y0)
    smaller = min(a.height, b.height)
    return smaller > 0 and overlap >= 0.5 * smaller


def rows(words: Sequence[Word]) -> list[list[int]]:
    """Indexes of the words grouped into text lines by geometry, each line sorted left to right,
    lines sorted top to bottom."""
    order = sorted(range(len(words)), key=lambda i: (words[i].box.y0 + words[i].box.y1) / 2)
    lines: list[list[int]] = []
    extents: list[Box] = []
    for i in order:
        b = words[i].box
        for k in range(len(lines) - 1, max(-1, len(lines) - 4), -1):
            if same_row(extents[k], b) or same_row(b, extents[k]):
                lines[k].append(i)
                extents[k] = _row_extent(extents[k], b)
                break
        else:
            lines.append([i])
            extents.append(b)
    for line in lines:
        line.sort(key=lambda i: words[i].box.x0)
    return lines


def _row_extent(row: Box, b: Box) -> Box:
    return Box(min(row.x0, b.x0), min(row.y0, b.y0), max(row.x1, b.x1), max(row.y1, b.y1))


def cover_boxes(
    boxes: Sequence[Box], words: Sequence[Word], width_px: int, height_px: int
) -> list[Box]:
    """Grow each redaction box so it covers every word it touches entirely, plus the horizontal
    gap up to the neighbouring words on the same line (to the text column's edge at a line's
    start or end), and the full height of the line with a small margin. A box touching no word
    (a manual box on handwriting or a stamp) is kept as it is. All boxes are clipped to the page;
    the result holds the original boxes too, so it never covers less than what was asked."""
    if not boxes:
        return []
    word_rows = rows(words)
    row_of: dict[int, int] = {}
    for r, line in enumerate(word_rows):
        for i in line:
            row_of[i] = r
    col_x0 = min((w.box.x0 for w in words), default=0.0)
    col_x1 = max((w.box.x1 for w in words), default=float(width_px))

    touched_by = [[i for i, w in enumerate(words) if w.box.intersects(b)] for b in boxes]
    # every word under some box: never a neighbour to stop at (adjacent hidden words merge)
    hidden = {i for t in touched_by for i in t}
    out: list[Box] = []
    for box, touched in zip(boxes, touched_by, strict=True):
        clipped = _clip(box, width_px, height_px)
        if clipped is None:
            continue
        out.append(clipped)
        by_row: dict[int, list[int]] = {}
        for i in touched:
            by_row.setdefault(row_of[i], []).append(i)
        for r, idxs in by_row.items():
            line = word_rows[r]
            seg = clipped
            for i in idxs:
                seg = seg.union(words[i].box)
            # restrict the segment vertically to this line when the box spans several lines
            line_y0 = min(words[i].box.y0 for i in line)
            line_y1 = max(words[i].box.y1 for i in line)
            left = [words[i].box.x1 for i in line if i not in hidden and words[i].box.x1 <= seg.x0]
            right = [words[i].box.x0 for i in line if i not in hidden and words[i].box.x0 >= seg.x1]
            # stop a little short of the neighbours (the same distance on both sides, so the
            # box edges say nothing about the hidden word), or go to the column's edge
            keep = _KEEP_LINE * (line_y1 - line_y0)
            x0 = max(left) + keep if left else min(col_x0, seg.x0) - _MARGIN_PX
            x1 = min(right) - keep if right else max(col_x1, seg.x1) + _MARGIN_PX
            x0, x1 = (
                min(x0, min(words[i].box.x0 for i in idxs)),
                max(x1, max(words[i].box.x1 for i in idxs)),
            )
            margin = max(_MARGIN_PX, _MARGIN_LINE * (line_y1 - line_y0))
            grown = Box(x0, line_y0 - margin, x1, line_y1 + margin)
            g = _clip(grown, width_px, height_px)
            if g is not None:
                out.append(g)
    return out


def _outward(box: Box) -> tuple[int, int, int, int]:
    return (
        math.floor(box.x0),
        math.floor(box.y0),
        math.ceil(box.x1),
        math.ceil(box.y1),
    )


def clean_copy(image: Image.Image) -> Image.Image:
    """A new RGB or L image with the same pixels and nothing else: no alpha (flattened onto
    white), no palette, no ICC profile, EXIF or other info."""
    img = image
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        img = Image.alpha_composite(white, rgba).convert("RGB")
    elif img.mode == "1":
        img = img.convert("L")
    elif img.mode not in ("RGB", "L"):
        img = img.convert("RGB")
    # frombytes builds a fresh image: no info dict, no ICC, no EXIF.
    return Image.frombytes(img.mode, img.size, img.tobytes())


def burn(
    image: Image.Image, boxes: Sequence[Box], fill: tuple[int, int, int] = (0, 0, 0)
) -> Image.Image:
    """A new RGB (or L) image with each box filled opaquely (coordinates rounded outward).
    Never alpha; drops any alpha channel (flattened onto white), ICC profile, EXIF and info."""
    out = clean_copy(image)
    colour: int | tuple[int, int, int]
    if out.mode == "L":
        if len(set(fill)) == 1:
            colour = fill[0]
        else:
            out = out.convert("RGB")
            colour = fill
    else:
        colour = fill
    w, h = out.size
    for box in boxes:
        x0, y0, x1, y1 = _outward(box)
        x0, y0, x1, y1 = max(0, x0), max(0, y0), min(w, x1), min(h, y1)
        if x1 > x0 and y1 > y0:
            out.paste(colour, (x0, y0, x1, y1))
    return out


def to_bw(image: Image.Image, threshold: int = BW_THRESHOLD) -> Image.Image:
    """1-bit black and white by a fixed threshold on the luminance: faint colours (printer
    tracking dots) turn white, ink and burned boxes stay black."""
    if image.mode == "1":
        return Image.frombytes("1", image.size, image.tobytes())
    gray = clean_copy(image).convert("L")
    lut = [0 if v < threshold else 255 for v in range(256)]
    return gray.point(lut).convert("1", dither=Image.Dither.NONE)


def visible_words(words: Sequence[Word], boxes: Sequence[Box]) -> list[Word]:
    """Words not intersecting any box: these alone may go into an invisible text layer."""
    return [w for w in words if not any(w.box.intersects(b) for b in boxes)]


# Name used by png.py.
flatten = clean_copy
