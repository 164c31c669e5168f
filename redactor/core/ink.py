"""Ink on a page raster, and the geometry of turning a page or a piece of it so a reader can
read it: an adaptive ink mask (light grey, pencil and coloured ink count), the skew of text
lines, rotations whose boxes map back to page pixels, and the groups of ink no word explains.

Only numpy and OpenCV; no text of the page is used here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image, ImageChops

from .model import Box

# A pixel is ink when it is this much darker than the paper around it (on a 0-255 scale of its
# darkest colour channel): black, blue, red and light grey (RGB 185 on white: 70) ink all pass,
# scanner noise and JPEG ringing do not.
INK_CONTRAST = 40


def grey_page(image: Image.Image) -> Image.Image | None:
    """The page as one grey channel when it has no colour (R, G and B of every pixel equal, as
    in a grey scan rendered to RGB), else None. Every reader gets the same pixels from it as
    from the RGB page (Tesseract's words, boxes and confidences are the same), for a third of
    the bytes: Tesseract reads a grey page a third faster than the same page in RGB."""
    if image.mode == "L":
        return image
    if image.mode != "RGB":
        return None
    red, green, blue = image.split()
    if ImageChops.difference(red, green).getbbox() or ImageChops.difference(red, blue).getbbox():
        return None
    return red


def darkest_channel(image: Image.Image) -> np.ndarray:
    """Per pixel, the darkest of R, G and B: coloured ink (a blue stamp, red pen) is as dark
    there as black ink is in grey."""
    if image.mode == "L":
        return np.asarray(image, dtype=np.uint8)
    arr = np.asarray(image if image.mode == "RGB" else image.convert("RGB"), dtype=np.uint8)
    r, g, b = cv2.split(arr)
    return np.asarray(cv2.min(cv2.min(r, g), b), dtype=np.uint8)


def ink_contrast(value: np.ndarray, dpi: int) -> np.ndarray:
    """How much darker each pixel is than the paper around it (0-255, uint8). The paper is
    the brightest value within about 1/10 inch, smoothed, so grey paper, shadows and a
    photo's uneven light are not taken for ink."""
    k = max(3, int(dpi / 10) | 1)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (k, k))
    paper = cv2.blur(cv2.dilate(value, kernel), (k, k))
    return np.asarray(cv2.subtract(paper, value), dtype=np.uint8)


def ink_mask(image: Image.Image, dpi: int) -> tuple[np.ndarray, np.ndarray]:
    """(mask of ink pixels, contrast image) of a page raster."""
    value = darkest_channel(image)
    # A 3x3 median first: scanner and JPEG noise (a grain of 15 levels) would otherwise pass
    # for ink all over a poor scan; strokes of 2 px and more keep their darkness.
    contrast = ink_contrast(np.asarray(cv2.medianBlur(value, 3), dtype=np.uint8), dpi)
    return contrast >= INK_CONTRAST, contrast


# --- turning images and mapping boxes back ---------------------------------------------------


@dataclass(frozen=True)
class Turn:
    """An affine map from page (or crop) pixels to the pixels of a turned image."""

    matrix: np.ndarray  # 2x3, page -> turned
    size: tuple[int, int]  # (width, height) of the turned image

    def back(self, box: Box, offset: tuple[float, float] = (0.0, 0.0)) -> Box:
        """The page-pixel box holding a box of the turned image (all four corners)."""
        inv = cv2.invertAffineTransform(self.matrix)
        pts = np.array(
            [[box.x0, box.y0, 1], [box.x1, box.y0, 1], [box.x0, box.y1, 1], [box.x1, box.y1, 1]],
            dtype=np.float64,
        )
        mapped = pts @ inv.T
        xs, ys = mapped[:, 0] + offset[0], mapped[:, 1] + offset[1]
        return Box(float(xs.min()), float(ys.min()), float(xs.max()), float(ys.max()))


def turn(width: int, height: int, degrees: float, mirror: bool = False) -> Turn:
    """Rotate counter-clockwise by `degrees` about the centre (after a left-right mirror when
    asked), on a canvas large enough to hold every corner."""
    m = np.eye(3)
    if mirror:
        m = np.array([[-1.0, 0.0, width], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]) @ m
    rad = np.deg2rad(degrees)
    c, s = float(np.cos(rad)), float(np.sin(rad))
    new_w = int(np.ceil(abs(width * c) + abs(height * s)))
    new_h = int(np.ceil(abs(width * s) + abs(height * c)))
    # Centre to origin, rotate (y grows down, so counter-clockwise on screen), centre to the
    # middle of the new canvas.
    to_origin = np.array([[1.0, 0.0, -width / 2], [0.0, 1.0, -height / 2], [0.0, 0.0, 1.0]])
    rot = np.array([[c, s, 0.0], [-s, c, 0.0], [0.0, 0.0, 1.0]])
    to_canvas = np.array([[1.0, 0.0, new_w / 2], [0.0, 1.0, new_h / 2], [0.0, 0.0, 1.0]])
    full = to_canvas @ rot @ to_origin @ m
    return Turn(full[:2].copy(), (max(1, new_w), max(1, new_h)))


def apply_turn(array: np.ndarray, t: Turn, fill: int = 255) -> np.ndarray:
    """The turned image (grey or RGB array), new area filled with paper."""
    exact = all(abs(v - round(v)) < 1e-9 for v in t.matrix[:, :2].ravel())
    flags = cv2.INTER_NEAREST if exact else cv2.INTER_LINEAR
    border = (fill, fill, fill) if array.ndim == 3 else fill
    out = cv2.warpAffine(
        array, t.matrix, t.size, flags=flags, borderMode=cv2.BORDER_CONSTANT, borderValue=border
    )
    return np.asarray(out)


def skew_angle(mask: np.ndarray, limit: float = 8.0) -> float:
    """The small tilt (degrees, counter-clockwise positive) of the text lines in an ink mask:
    the angle whose row profile is sharpest. 0 when there is too little ink to tell."""
    small = mask.astype(np.uint8)
    scale = max(1, max(small.shape) // 600)
    if scale > 1:
        h, w = small.shape
        shrunk = cv2.resize(small, (w // scale, h // scale), interpolation=cv2.INTER_AREA)
        small = (np.asarray(shrunk) > 0).astype(np.uint8)
    if int(small.sum()) < 200:
        return 0.0
    ys, xs = np.nonzero(small)
    ys = ys.astype(np.float64)
    xs = xs.astype(np.float64) - small.shape[1] / 2

    def sharpness(angle: float) -> float:
        # Rows of the ink turned by `angle` (counter-clockwise): a text line turned level
        # piles its pixels into few rows.
        rad = np.deg2rad(angle)
        rows = np.round(ys * np.cos(rad) - xs * np.sin(rad)).astype(np.int64)
        counts = np.bincount(rows - rows.min()).astype(np.float64)
        return float(np.square(np.diff(counts)).sum())

    coarse = [float(a) for a in np.arange(-limit, limit + 0.01, 0.5)]
    best = max(coarse, key=sharpness)
    fine = [float(a) for a in np.arange(best - 0.4, best + 0.41, 0.1)]
    chosen: float = max(fine, key=sharpness)
    return round(chosen, 2)


# --- ink that no word explains ----------------------------------------------------------------


@dataclass(frozen=True)
class InkGroup:
    """Nearby unexplained ink pixels taken together: where, how much, and its shape."""

    box: Box  # page pixels
    pixels: int  # ink pixels in it
    long_side: float  # of its smallest rotated rectangle, pixels
    short_side: float
    angle: float  # of the long side, degrees counter-clockwise from horizontal, -90..90
    mask: np.ndarray  # bool, the group's own ink within `box` (crop-sized)


def unexplained(mask: np.ndarray, boxes: Iterable[Box], pad: int) -> np.ndarray:
    """The ink of `mask` outside every box (each grown by `pad` pixels)."""
    rest = mask.copy()
    h, w = rest.shape
    for b in boxes:
        y0, y1 = max(0, int(b.y0) - pad), min(h, int(np.ceil(b.y1)) + pad)
        x0, x1 = max(0, int(b.x0) - pad), min(w, int(np.ceil(b.x1)) + pad)
        if y1 > y0 and x1 > x0:
            rest[y0:y1, x0:x1] = False
    return rest


def reach(dpi: int) -> int:
    """How far (pixels) what `strip_rules` and `ink_groups` make of an ink pixel depends on the
    ink around it: the longest rule's length and thickness, or the gap that joins a group."""
    return max(int(0.3 * dpi) + int(0.04 * dpi), dpi // 8) + 8


def ink_areas(mask: np.ndarray, margin: int, cell: int = 8) -> list[tuple[int, int, int, int]]:
    """Rectangles (x0, y0, x1, y1; x0 and y0 even) holding every ink pixel of `mask`, each
    with at least `margin` pixels of paper around its ink (or the page's edge), not
    overlapping, and the ink of two of them more than `margin` apart: local work on the mask
    (within `margin` of each pixel) done on each rectangle alone gives what it gives on the
    whole page. A page whose ink no word explains is a few specks is looked at in a few small
    pieces instead of whole."""
    h, w = mask.shape
    points = cv2.findNonZero(np.ascontiguousarray(mask).view(np.uint8))
    if points is None:
        return []
    coarse = np.zeros((-(-h // cell), -(-w // cell)), dtype=np.uint8)
    points = points.reshape(-1, 2)
    coarse[points[:, 1] // cell, points[:, 0] // cell] = 1
    grow = -(-margin // cell)
    joined = cv2.dilate(coarse, np.ones((2 * grow + 1, 2 * grow + 1), np.uint8))
    n, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    boxes = []
    for i in range(1, n):
        x, y, bw, bh = (int(v) for v in stats[i, :4])
        boxes.append(
            [
                max(0, x * cell) & ~1,
                max(0, y * cell) & ~1,
                min(w, (x + bw) * cell),
                min(h, (y + bh) * cell),
            ]
        )
    merged = True
    while merged:  # the rectangles of two pieces may overlap: one rectangle then holds both
        merged = False
        for i in range(len(boxes)):
            for j in range(i + 1, len(boxes)):
                a, b = boxes[i], boxes[j]
                if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]:
                    boxes[i] = [min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])]
                    del boxes[j]
                    merged = True
                    break
            if merged:
                break
    return sorted((int(a), int(b), int(c), int(d)) for a, b, c, d in boxes)


def strip_rules(mask: np.ndarray, dpi: int) -> np.ndarray:
    """The mask without thin straight rules (table and form borders, underlines, frames):
    runs of ink at least 0.3 inch long, level or upright, and at most 0.04 inch thick. A
    filled area (a dark box, a picture, white writing on black) is not a rule and stays."""
    ink = mask.astype(np.uint8)
    long = max(8, int(0.3 * dpi))
    thick = max(3, int(0.04 * dpi) + 1)
    rules = np.zeros(ink.shape, dtype=bool)
    for along, across in (((long, 1), (1, thick)), ((1, long), (thick, 1))):
        runs = np.asarray(cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones(along[::-1], np.uint8)))
        solid = np.asarray(cv2.morphologyEx(runs, cv2.MORPH_OPEN, np.ones(across[::-1], np.uint8)))
        rules |= (runs > 0) & (solid == 0)
    grown = np.asarray(cv2.dilate(rules.astype(np.uint8), np.ones((3, 3), np.uint8)))
    return np.asarray(mask & (grown == 0), dtype=bool)


def ink_groups(rest: np.ndarray, dpi: int, min_inch: float = 0.0) -> list[InkGroup]:
    """Groups of ink pixels that lie within about a letter's gap of each other (so the letters
    of a word, and the words of a line, are one group), specks dropped; groups whose box is
    smaller than `min_inch` every way are not measured (they cannot be what is looked for).
    Pages above 150 dpi are grouped at half resolution (the masks are full resolution)."""
    step = 2 if dpi >= 150 else 1
    ink = rest.astype(np.uint8)
    if step > 1:  # a half-size pixel is ink when any of its four is
        h2, w2 = rest.shape[0] // 2, rest.shape[1] // 2
        half = cv2.resize(ink[: h2 * 2, : w2 * 2], (w2, h2), interpolation=cv2.INTER_AREA)
        ink = (np.asarray(half) > 0).astype(np.uint8)
    gdpi = dpi / step
    # Specks: dust, noise, a dot of a letter whose box was tight.
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    speck = max(2, int((gdpi / 100) ** 2 * 3))
    keep = np.zeros(n, dtype=bool)
    keep[1:] = stats[1:, cv2.CC_STAT_AREA] >= speck
    ink = keep[labels].astype(np.uint8)
    if not ink.any():
        return []
    k = max(3, int(gdpi / 8) | 1)
    joined = cv2.dilate(ink, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (k, k)))
    n, glabels, gstats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    groups: list[InkGroup] = []
    for i in range(1, n):
        x, y, w, h = (int(v) for v in gstats[i, :4])
        if max(w, h) * step < min_inch * dpi:
            continue
        own = (glabels[y : y + h, x : x + w] == i) & (ink[y : y + h, x : x + w] > 0)
        if step > 1:
            own = np.repeat(np.repeat(own, step, axis=0), step, axis=1)
            x, y, w, h = x * step, y * step, w * step, h * step
            own = own & rest[y : y + h, x : x + w]
        count = int(own.sum())
        if count == 0:
            continue
        ys, xs = np.nonzero(own)
        long_side, short_side, angle = _principal(xs.astype(np.float64), ys.astype(np.float64))
        groups.append(
            InkGroup(
                Box(float(x), float(y), float(x + w), float(y + h)),
                count,
                long_side,
                short_side,
                angle,
                own,
            )
        )
    return groups


def _principal(xs: np.ndarray, ys: np.ndarray) -> tuple[float, float, float]:
    """Extent along the main axis of a set of pixels, across it, and the axis's angle
    (degrees counter-clockwise on screen, -90..90)."""
    if xs.size < 3:
        return float(np.ptp(xs) + 1), float(np.ptp(ys) + 1), 0.0
    cx, cy = xs - xs.mean(), ys - ys.mean()
    cov = np.cov(np.vstack([cx, cy]))
    vals, vecs = np.linalg.eigh(cov)
    vx, vy = vecs[:, int(np.argmax(vals))]
    along = cx * vx + cy * vy
    across = -cx * vy + cy * vx
    angle = float(np.degrees(np.arctan2(-vy, vx)))
    angle = (angle + 90.0) % 180.0 - 90.0
    return float(np.ptp(along) + 1), float(np.ptp(across) + 1), angle


# The least extent (inches) of ink that could hold a word, any way it is turned.
WORD_MIN_INCH = 0.21


def could_hold_a_word(g: InkGroup, dpi: int) -> bool:
    """Ink big enough to be a word (a short name at a small size, any angle), or a block big
    enough to be a stamp, a signature or a picture. A lone letter, a bullet, an icon is not."""
    inch = float(dpi)
    if g.short_side < 0.05 * inch:  # a rule, a stroke, a crease: nothing a word fits in
        return False
    if g.long_side >= 0.3 * inch and g.long_side >= 1.6 * g.short_side:
        return True
    return g.short_side >= 0.4 * inch
