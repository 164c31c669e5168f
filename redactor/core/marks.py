"""Marks a page's pixels show besides its words: barcodes and QR codes, faces in enclosed
photos, ink stamps, and signatures or handwriting in a typed letter.

Each is a `Mark` (label, box in page pixels, kind); OCR words inside a stamp still go through
detection as usual. Qt-free; runs in the read lane's workers (zxing-cpp, OpenCV, numpy, and
scikit-image's LBP face cascade: OpenCV 5 dropped its cascade classifier). A symbol's decoded
text is kept on the mark for the screen only and never logged.

Costs are kept small: the work is done at about 100 dpi, faces are looked for only in
photo-like regions, stamps only where there is coloured ink, and hand-drawn ink only outside
the words of a typed page."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np
from PIL import Image

from .model import HAND_LABELS, Box, Label, Mark, Word

log = logging.getLogger(__name__)

WORK_DPI = 100  # stamps, faces and strokes are looked for at about this resolution

# --- barcodes and QR codes (zxing-cpp) ------------------------------------------------------

_2D = ("QR", "Data Matrix", "Aztec", "PDF417", "MaxiCode", "rMQR", "Micro")


def _zxing() -> Any:
    try:
        import zxingcpp
    except ImportError:  # pragma: no cover - a pinned dependency
        log.warning("zxing-cpp is not installed: barcodes are not looked for")
        return None
    return zxingcpp


@dataclass(frozen=True)
class Symbol:
    """A barcode or QR code read from pixels: its kind, its box (the symbol and its quiet
    zone) and its decoded text (for the screen only)."""

    kind: str
    box: Box
    content: str


Area = tuple[int, int, int, int]  # x0, y0, x1, y1 in page pixels


def read_symbols(
    image: Image.Image | np.ndarray, dpi: int = 200, areas: Sequence[Area] | None = None
) -> list[Symbol]:
    """Every barcode and QR code zxing-cpp decodes in the image (or in each of `areas` of
    it, each read alone), with the quiet zone around it (4 modules of a 2-D symbol, 10 of a
    linear one: whatever is left of it would still let a reader find the symbol)."""
    zx = _zxing()
    if zx is None:
        return []
    gray = np.asarray(image.convert("L")) if isinstance(image, Image.Image) else image
    h, w = gray.shape[:2]
    found_all = []
    for x0, y0, x1, y1 in [(0, 0, w, h)] if areas is None else areas:
        piece = gray if (x0, y0, x1, y1) == (0, 0, w, h) else gray[y0:y1, x0:x1]
        if piece.size == 0:
            continue
        found_all += [(f, x0, y0) for f in zx.read_barcodes(np.ascontiguousarray(piece))]
    out = []
    for found, ox, oy in found_all:
        if not found.valid:
            continue
        pos = found.position
        corners = (pos.top_left, pos.top_right, pos.bottom_right, pos.bottom_left)
        pts = [(p.x + ox, p.y + oy) for p in corners]
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        bw, bh = max(xs) - min(xs), max(ys) - min(ys)
        kind = str(found.format)
        if any(k in kind for k in _2D):
            px = py = max(0.25 * max(bw, bh), dpi * 0.06)
        else:  # linear: bars across, the quiet zone to the sides; the readable line below
            long = max(bw, bh)
            side = max(0.12 * long, dpi * 0.2)
            across = max(0.25 * min(bw, bh), dpi * 0.06)
            px, py = (side, across) if bw >= bh else (across, side)
        if bh < 2 and bw >= 2:  # zxing gives a linear code's scan line: its bars are taller
            py = max(py, dpi * 0.4)
        if bw < 2 and bh >= 2:
            px = max(px, dpi * 0.4)
        box = Box(
            max(0.0, min(xs) - px),
            max(0.0, min(ys) - py),
            min(float(w), max(xs) + px),
            min(float(h), max(ys) + py),
        )
        out.append(Symbol(kind, box, found.text))
    return out


def _bar_extent(gray: np.ndarray, box: Box) -> Box:
    """A linear code's box grown up and down to its bars' ends (zxing gives the line it read)."""
    x0, x1 = int(box.x0), int(box.x1)
    y0, y1 = int(box.y0), int(box.y1)
    dark = gray[:, x0:x1] < 128
    if dark.size == 0:
        return box
    rows = dark.mean(axis=1)
    top, bottom = y0, y1
    while top > 0 and rows[top - 1] > 0.15:
        top -= 1
    while bottom < gray.shape[0] - 1 and rows[bottom] > 0.15:
        bottom += 1
    return Box(box.x0, float(top), box.x1, float(bottom))


def symbol_marks(image: Image.Image, dpi: int, areas: Sequence[Area] | None = None) -> list[Mark]:
    gray = np.asarray(image.convert("L"))
    out = []
    for s in read_symbols(gray, dpi, areas):
        box = s.box if any(k in s.kind for k in _2D) else _bar_extent(gray, s.box)
        pad = dpi * 0.05
        box = box.padded(pad, image.width, image.height)
        out.append(Mark(Label.BARCODE, box, s.kind, 1.0, s.content))
    return out


# --- faces (scikit-image's LBP frontal-face cascade, OpenCV's own training) -------------------

_cascade: Any = None
FACE_MIN_INCH = 0.3  # a face smaller than this on the page is not looked for
FACE_SUPPORT = 3  # overlapping detections (of six passes) that make a face
FACE_TURNS = (0.0, 15.0, -15.0)  # degrees the photo is looked at turned


def _face_cascade() -> Any:
    global _cascade
    if _cascade is None:
        try:
            from skimage.data import lbp_frontal_face_cascade_filename
            from skimage.feature import Cascade
        except ImportError:  # pragma: no cover - a pinned dependency
            log.warning("scikit-image is not installed: faces are not looked for")
            _cascade = False
            return None
        _cascade = Cascade(lbp_frontal_face_cascade_filename())
    return _cascade or None


def photo_regions(gray: np.ndarray, dpi: int) -> list[tuple[int, int, int, int]]:
    """Regions (x, y, w, h at `gray`'s scale) of photo-like pixels: mid tones filling an area
    of at least half an inch square (text and line art are dark strokes on light paper)."""
    mid = ((gray > 35) & (gray < 215)).astype(np.uint8)
    k = max(3, int(dpi * 0.15) | 1)
    dense_mask = np.asarray(cv2.blur(mid.astype(np.float32), (k, k)) > 0.6, dtype=np.uint8)
    dense = cv2.morphologyEx(dense_mask, cv2.MORPH_CLOSE, np.ones((k, k), np.uint8))
    n, _, stats, _ = cv2.connectedComponentsWithStats(dense, connectivity=8)
    side = int(dpi * 0.5)
    out = []
    for i in range(1, n):
        x, y, w, h, area = (int(v) for v in stats[i])
        if w >= side and h >= side and area >= side * side:
            out.append((x, y, w, h))
    return out


def _group(rects: list[tuple[int, int, int, int]]) -> list[tuple[tuple[int, int, int, int], int]]:
    """Detections grouped by overlap: (the group's mean rectangle, how many) per group."""
    groups: list[list[tuple[int, int, int, int]]] = []
    for r in rects:
        for g in groups:
            x, y, w, h = g[0]
            ix = min(x + w, r[0] + r[2]) - max(x, r[0])
            iy = min(y + h, r[1] + r[3]) - max(y, r[1])
            if ix > 0.4 * min(w, r[2]) and iy > 0.4 * min(h, r[3]):
                g.append(r)
                break
        else:
            groups.append([r])
    out = []
    for g in groups:
        arr = np.array(g, dtype=np.float64)
        m = arr.mean(axis=0)
        out.append(((int(m[0]), int(m[1]), int(m[2]), int(m[3])), len(g)))
    return out


def face_boxes(
    rgb: np.ndarray,
    dpi: int,
    min_inch: float = FACE_MIN_INCH,
    regions: Sequence[tuple[int, int, int, int]] | None = None,
) -> list[Box]:
    """Faces in an RGB (or grey) array at `dpi` (boxes at its scale), looked for in photo-like
    regions only (`regions` when known); each box grown to the head (hair, ears, chin)."""
    cascade = _face_cascade()
    if cascade is None:
        return []
    gray = rgb if rgb.ndim == 2 else np.asarray(cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY))
    gray = np.asarray(gray, dtype=np.uint8)
    min_px = max(24, int(min_inch * dpi))
    out: list[Box] = []
    for x, y, w, h in photo_regions(gray, dpi) if regions is None else regions:
        crop = gray[y : y + h, x : x + w]
        # The cascade works on faces of 24 to ~100 pixels: bigger photos are looked at smaller.
        scale = min(1.0, 24.0 / min_px) if min_px > 24 else 1.0
        big = max(w, h) * scale
        if big > 400:  # a big photo: its faces are big too, and looked for smaller
            scale *= 400 / big
        # Passes at two scales a fifth apart, upright and turned 15 degrees either way (a
        # head tilted in the photo, a photo pasted askew): a face is found at both scales, most
        # of the cascade's false alarms (a fold of cloth, a pattern) at one only.
        found: list[tuple[int, int, int, int]] = []
        for angle in FACE_TURNS:
            for s in (scale, scale * 0.8):
                found += _cascade_pass(cascade, crop, s, angle, x, y)
        for (fx, fy, fw, fh), n in _group(found):
            log.debug("face candidate of %d detections", n)
            if n < FACE_SUPPORT or _flat(gray[fy : fy + fh, fx : fx + fw]):
                continue
            grow_x, grow_y = 0.3 * fw, 0.45 * fh
            out.append(
                Box(
                    max(0.0, fx - grow_x),
                    max(0.0, fy - grow_y),
                    min(float(rgb.shape[1]), fx + fw + grow_x),
                    min(float(rgb.shape[0]), fy + fh + grow_y * 0.9),
                )
            )
    return _merge_boxes(out)


def _cascade_pass(
    cascade: Any, crop: np.ndarray, s: float, angle: float, x: int, y: int
) -> list[tuple[int, int, int, int]]:
    """The cascade's detections in `crop` scaled by `s` and turned by `angle` degrees, as
    upright rectangles (x, y, w, h) in the page's pixels (the crop is at x, y)."""
    small = crop if s == 1.0 else cv2.resize(crop, None, fx=s, fy=s, interpolation=3)
    if min(small.shape) < 24:
        return []
    back = None
    if angle:
        h, w = small.shape
        m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
        small = cv2.warpAffine(small, m, (w, h), borderMode=cv2.BORDER_REPLICATE)
        back = cv2.invertAffineTransform(m)
    dets = cascade.detect_multi_scale(
        img=small.astype(np.float64) / 255.0,
        scale_factor=1.15,
        step_ratio=1,
        min_size=(24, 24),
        max_size=(min(small.shape) + 1, min(small.shape) + 1),
    )
    out = []
    for d in dets:
        cx, cy = d["c"] + d["width"] / 2, d["r"] + d["height"] / 2
        if back is not None:
            cx, cy = back @ np.array([cx, cy, 1.0])
        size = d["width"] / s
        out.append((int(cx / s - size / 2) + x, int(cy / s - size / 2) + y, int(size), int(size)))
    return out


def _flat(face: np.ndarray) -> bool:
    """Whether the middle of a face's box is mostly flat fill (pure black or white: a box burned
    into a copy, paper): the cascade answers to the edges of such a box, a face has no such
    pixels."""
    h, w = face.shape[:2]
    mid = face[h // 5 : h - h // 5, w // 5 : w - w // 5]
    if mid.size == 0:
        return True
    return bool(((mid <= 8) | (mid >= 250)).mean() > 0.25)


def _merge_boxes(boxes: list[Box]) -> list[Box]:
    out: list[Box] = []
    for b in sorted(boxes, key=lambda b: -(b.width * b.height)):
        for i, o in enumerate(out):
            if o.intersects(b):
                out[i] = o.union(b)
                break
        else:
            out.append(b)
    return out


# --- stamps (coloured ink: blue, violet, red) --------------------------------------------------

STAMP_MIN_INCH = 0.5
STAMP_MAX_INCH = 3.5


def coloured_ink(rgb: np.ndarray) -> np.ndarray:
    """Pixels of saturated blue, violet or red ink (HSV)."""
    hsv = cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV)
    h, s, v = hsv[..., 0], hsv[..., 1], hsv[..., 2]
    strong = (s >= 70) & (v >= 50) & (v <= 245)
    blue_violet = (h >= 95) & (h <= 165)
    red = (h <= 10) | (h >= 165)
    return np.asarray(strong & (blue_violet | red), dtype=bool)


def _ring_cover(mask: np.ndarray, cx: float, cy: float, r: float) -> float:
    """Share of 48 directions around (cx, cy) with ink between 0.8 r and 1.05 r."""
    hits = 0
    for a in np.linspace(0, 2 * np.pi, 48, endpoint=False):
        ok = False
        for f in np.linspace(0.8, 1.05, 8):
            x, y = int(round(cx + f * r * np.cos(a))), int(round(cy + f * r * np.sin(a)))
            if 0 <= y < mask.shape[0] and 0 <= x < mask.shape[1] and mask[y, x]:
                ok = True
                break
        hits += ok
    return hits / 48


def _frame_cover(mask: np.ndarray, x: int, y: int, w: int, h: int) -> float:
    """The least share, over the four sides of a rectangle, of positions along the side with
    ink in a band at the edge (a framed stamp has all four)."""
    band_x, band_y = max(2, w // 10), max(2, h // 10)
    sides = [
        mask[y : y + band_y, x : x + w].any(axis=0),
        mask[y + h - band_y : y + h, x : x + w].any(axis=0),
        mask[y : y + h, x : x + band_x].any(axis=1),
        mask[y : y + h, x + w - band_x : x + w].any(axis=1),
    ]
    return float(min(s.mean() if s.size else 0.0 for s in sides))


def stamp_boxes(rgb: np.ndarray, dpi: int) -> list[tuple[Box, str]]:
    """Stamps in an RGB array at `dpi`: coloured ink in a round or framed shape between half an
    inch and 3.5 inches across."""
    mask = coloured_ink(rgb)
    if mask.sum() < (dpi * 0.3) ** 2 * 0.1:
        return []
    k = max(3, int(dpi * 0.06) | 1)
    joined = cv2.dilate(mask.astype(np.uint8), np.ones((k, k), np.uint8))
    n, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    lo, hi = STAMP_MIN_INCH * dpi, STAMP_MAX_INCH * dpi
    out: list[tuple[Box, str]] = []
    for i in range(1, n):
        x, y, w, h, _area = (int(v) for v in stats[i])
        if not (lo <= w <= hi and lo <= h <= hi):
            continue
        if not 0.3 <= w / h <= 3.3:
            continue
        sub = mask[y : y + h, x : x + w]
        kind = ""
        if 0.75 <= w / h <= 1.33:
            r = (w + h) / 4
            if _ring_cover(sub, w / 2, h / 2, r) >= 0.85:
                kind = "round stamp"
        if not kind and _frame_cover(sub, 0, 0, w, h) >= 0.85:
            kind = "framed stamp"
        if kind:
            pad = dpi * 0.04
            out.append((Box(x - pad, y - pad, x + w + pad, y + h + pad), kind))
    return out


# --- signatures and handwriting in a typed letter ----------------------------------------------

HAND_MIN_WORDS = 15  # a page with fewer sure words is no typed letter: not looked at
HAND_MIN_HEIGHT_INCH = 0.18
HAND_MIN_WIDTH_INCH = 0.45


@dataclass(frozen=True)
class Strokes:
    """Features of a group of ink: how thick its strokes are and how evenly, how much they
    turn, and how much of it is straight rules."""

    width: float  # mean stroke width (px)
    width_cv: float  # its coefficient of variation along the strokes
    turning: float  # direction changes per 100 px of contour
    fill: float  # ink share of the bounding box
    straight: float  # share of the ink on long straight horizontal or vertical runs
    pieces: int  # connected pieces of ink


def stroke_features(ink: np.ndarray, dpi: int) -> Strokes:
    """`ink`: a boolean crop holding one group of ink."""
    u8 = ink.astype(np.uint8)
    dist = cv2.distanceTransform(u8, cv2.DIST_L2, 3)
    # the ridge of the distance map: the strokes' middle lines
    ridge = (dist >= cv2.dilate(dist, np.ones((3, 3), np.uint8)) - 1e-6) & (dist > 0)
    widths = 2 * dist[ridge]
    width = float(widths.mean()) if widths.size else 0.0
    width_cv = float(widths.std() / width) if width else 0.0
    contours, _ = cv2.findContours(u8, cv2.RETR_LIST, cv2.CHAIN_APPROX_NONE)
    length = 0.0
    turns = 0
    for c in contours:
        pts = c[:, 0, :].astype(np.float64)
        if len(pts) < 12:
            continue
        length += len(pts)
        step = 4
        d = pts[step:] - pts[:-step]
        ang = np.arctan2(d[:, 1], d[:, 0])
        da = np.abs(np.angle(np.exp(1j * (ang[step:] - ang[:-step]))))
        turns += int((da > 0.5).sum())
    turning = 100.0 * turns / length if length else 0.0
    run = max(9, int(dpi * 0.35))
    horiz = cv2.morphologyEx(u8, cv2.MORPH_OPEN, np.ones((1, run), np.uint8))
    vert = cv2.morphologyEx(u8, cv2.MORPH_OPEN, np.ones((run, 1), np.uint8))
    total = max(int(u8.sum()), 1)
    straight = float(((np.asarray(horiz) > 0) | (np.asarray(vert) > 0)).sum()) / total
    n, _ = cv2.connectedComponents(u8, connectivity=8)
    return Strokes(width, width_cv, turning, float(ink.mean()), straight, n - 1)


def looks_hand_drawn(f: Strokes, dpi: int, width_px: int) -> bool:
    """Thin pen strokes (not a solid shape or a photo), that turn (not rules or a frame), in
    few pieces for their length (typed text no word explains is ten letters an inch)."""
    return (
        0.8 <= f.width <= dpi * 0.04
        and f.fill <= 0.25
        and f.straight <= 0.6
        and f.turning >= 4.0
        and f.pieces <= max(3.0, 5.0 * width_px / dpi)
    )


def hand_boxes(
    gray: np.ndarray, dpi: int, words: Sequence[Box], skip: Sequence[Box] = ()
) -> list[tuple[Box, str]]:
    """Hand-drawn ink outside the words (and `skip`) of a typed page, at `gray`'s scale:
    (box, "signature" or "handwriting")."""
    ink = gray < 150
    pad = max(2, dpi // 40)
    for b in [*words, *skip]:
        ink[
            max(0, int(b.y0) - pad) : int(b.y1) + pad + 1,
            max(0, int(b.x0) - pad) : int(b.x1) + pad + 1,
        ] = False
    # Rules and frames (long straight runs) are no handwriting: taken out first, so that a
    # signature's underline or a form's line it crosses leaves the strokes.
    run = max(15, int(dpi * 0.5))
    u8 = ink.astype(np.uint8)
    horiz = cv2.morphologyEx(u8, cv2.MORPH_OPEN, np.ones((1, run), np.uint8))
    vert = cv2.morphologyEx(u8, cv2.MORPH_OPEN, np.ones((run, 1), np.uint8))
    ink &= (np.asarray(horiz) == 0) & (np.asarray(vert) == 0)
    k = max(3, int(dpi * 0.12) | 1)
    joined = cv2.dilate(ink.astype(np.uint8), np.ones((k, k), np.uint8))
    n, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    line_h = float(np.median([b.height for b in words])) if words else dpi * 0.15
    found: list[Box] = []
    for i in range(1, n):
        x, y, w, h, _area = (int(v) for v in stats[i])
        if h < max(HAND_MIN_HEIGHT_INCH * dpi, 1.2 * line_h) or w < HAND_MIN_WIDTH_INCH * dpi:
            continue
        if w * h > 0.5 * gray.size:
            continue
        f = stroke_features(ink[y : y + h, x : x + w], dpi)
        if not looks_hand_drawn(f, dpi, w):
            continue
        m = dpi * 0.03
        found.append(Box(x - m, y - m, x + w + m, y + h + m))
    # Pieces a line apart are lines of one piece of writing.
    groups: list[list[Box]] = []
    for b in sorted(found, key=lambda b: (b.y0, b.x0)):
        near = b.padded(dpi * 0.3, float(gray.shape[1]), float(gray.shape[0]))
        for g in groups:
            if any(near.intersects(o) for o in g):
                g.append(b)
                break
        else:
            groups.append([b])
    out: list[tuple[Box, str]] = []
    for g in groups:
        box = g[0]
        for b in g[1:]:
            box = box.union(b)
        # several lines of writing, or a long one, is handwriting; a signature is one short mark
        long = box.height > 1.6 * dpi or box.width > 4.5 * dpi
        out.append((box, "handwriting" if len(g) > 2 or long else "signature"))
    return out


# --- a page --------------------------------------------------------------------------------------


def find_marks(
    image: Image.Image,
    dpi: int,
    words: Sequence[Word] = (),
    *,
    photos: bool = True,
    skip: Sequence[Box] = (),
    symbol_areas: Sequence[Area] | None = None,
) -> tuple[Mark, ...]:
    """The marks of one page raster at `dpi`: barcodes (at full resolution; only in
    `symbol_areas` when given), stamps, faces (only with `photos`: a page with images or a
    scan) and, on a typed page (enough sure words), signatures and handwriting outside its
    words and `skip` (dark boxes burned anyway). A grey page ("L") is looked at in grey: it
    has no coloured ink, so no stamp, and the rest sees the pixels it would see in RGB."""
    marks: list[Mark] = symbol_marks(image, dpi, symbol_areas)
    grey = image.mode == "L"
    f = min(1.0, WORK_DPI / dpi)
    small = image if grey else image.convert("RGB")
    if f < 1.0:
        small = small.resize((max(1, round(image.width * f)), max(1, round(image.height * f))), 2)
    pixels = np.asarray(small, dtype=np.uint8)
    sdpi = max(1, round(dpi * f))
    back = 1.0 / f
    if not grey:
        for box, kind in stamp_boxes(pixels, sdpi):
            marks.append(Mark(Label.STAMP, _clip(box.scaled(back), image), kind))
    gray = pixels if grey else np.asarray(cv2.cvtColor(pixels, cv2.COLOR_RGB2GRAY))
    gray = np.asarray(gray, dtype=np.uint8)
    sure = [w for w in words if w.conf >= 60 and any(ch.isalpha() for ch in w.text)]
    hand = len(sure) >= HAND_MIN_WORDS
    regions = photo_regions(gray, sdpi) if photos or hand else []  # found once for both
    if photos:
        for box in face_boxes(gray, sdpi, regions=regions):
            marks.append(Mark(Label.FACE, _clip(box.scaled(back), image), "face"))
    if hand:
        taken = [m.box.scaled(f) for m in marks] + [b.scaled(f) for b in skip]
        # a photo's edges and shadows are no pen strokes
        taken += [Box(x, y, x + w, y + h) for x, y, w, h in regions]
        for box, kind in hand_boxes(gray, sdpi, [w.box.scaled(f) for w in words], taken):
            label = Label.SIGNATURE if kind == "signature" else Label.HANDWRITING
            marks.append(Mark(label, _clip(box.scaled(back), image), kind, 0.8))
    if marks:
        log.info("marks: %s", ", ".join(sorted(m.label for m in marks)))
    return tuple(marks)


def with_hand_marks(unread: Sequence[Box], marks: Sequence[Mark]) -> tuple[Box, ...]:
    """The page's unread regions with the signature and handwriting marks: hand-drawn ink is ink
    no reader read, held by the export's gate until an editor looks. The unread pieces of one
    mark become one region (the mark's box grown to hold them: one notice, not one per word)."""
    out = list(unread)
    for m in marks:
        if m.label not in HAND_LABELS:
            continue
        pieces = [u for u in out if m.box.contains_center_of(u)]
        if pieces:
            box = m.box
            for u in pieces:
                box = box.union(u)
            out = [u for u in out if u not in pieces] + [box]
        elif not any(u.contains_center_of(m.box) for u in out):
            out.append(m.box)
    return tuple(out)


def _clip(b: Box, image: Image.Image) -> Box:
    return Box(
        max(0.0, b.x0),
        max(0.0, b.y0),
        min(float(image.width), b.x1),
        min(float(image.height), b.y1),
    )


def symbols_left(image: Image.Image, dpi: int, keep: Sequence[Box] = ()) -> list[tuple[str, Box]]:
    """For the final check of a copy: (kind, box) of every symbol that still decodes on a page
    of it, except those inside `keep` (symbols the editor chose to leave). Never the text."""
    out = []
    for s in read_symbols(image, dpi):
        if any(k.contains_center_of(s.box) for k in keep):
            continue
        out.append((s.kind, s.box))
    return out
