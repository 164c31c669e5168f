"""The page in a phone photo: found, cut out and straightened, so the desk, hands and whatever
else lies around it are neither published nor taken for ink nobody read.

A photo that is all page (a scan saved as JPEG) is left as it is."""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image

# The page must fill at least this share of the photo (smaller: a detail, not a page) and
# at most this (larger: the photo is the page already).
MIN_PAGE_SHARE = 0.2
MAX_PAGE_SHARE = 0.93
WORK_SIDE = 1000  # the page is looked for on a copy this big (long side)


def _corners(points: np.ndarray) -> np.ndarray:
    """Four points ordered top-left, top-right, bottom-right, bottom-left."""
    pts = points.reshape(-1, 2).astype(np.float32)
    s = pts.sum(axis=1)
    d = np.diff(pts, axis=1).ravel()
    return np.array(
        [pts[np.argmin(s)], pts[np.argmin(d)], pts[np.argmax(s)], pts[np.argmax(d)]],
        dtype=np.float32,
    )


def find_page(image: Image.Image) -> np.ndarray | None:
    """The page's four corners in the photo's pixels, or None when the photo shows no page
    apart from a background (or is all page)."""
    rgb = np.asarray(image.convert("RGB"))
    h, w = rgb.shape[:2]
    scale = min(1.0, WORK_SIDE / max(h, w))
    small = cv2.resize(rgb, (max(1, int(w * scale)), max(1, int(h * scale))))
    gray = cv2.GaussianBlur(cv2.cvtColor(small, cv2.COLOR_RGB2GRAY), (5, 5), 0)
    _, bright = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    k = cv2.getStructuringElement(cv2.MORPH_RECT, (9, 9))
    bright = cv2.morphologyEx(bright, cv2.MORPH_OPEN, k)
    contours, _ = cv2.findContours(bright, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    page = max(contours, key=cv2.contourArea)
    share = cv2.contourArea(page) / float(gray.size)
    if not MIN_PAGE_SHARE <= share <= MAX_PAGE_SHARE:
        return None
    # Paper must be clearly brighter than what is around it.
    inside = np.zeros_like(gray)
    cv2.drawContours(inside, [page], -1, 255, thickness=-1)
    if gray[inside > 0].mean() - gray[inside == 0].mean() < 40:
        return None
    hull = cv2.convexHull(page)
    approx = cv2.approxPolyDP(hull, 0.02 * cv2.arcLength(hull, True), True)
    quad = approx if len(approx) == 4 else cv2.boxPoints(cv2.minAreaRect(hull))
    return _corners(np.asarray(quad, dtype=np.float32) / scale)


def cut_page(image: Image.Image) -> Image.Image | None:
    """The page of a photo, straightened to a rectangle at the photo's own scale; None when
    no page apart from a background is found."""
    corners = find_page(image)
    if corners is None:
        return None
    tl, tr, br, bl = corners
    width = int(round(max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl))))
    height = int(round(max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr))))
    if width < 50 or height < 50:
        return None
    target = np.array(
        [[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], dtype=np.float32
    )
    m = cv2.getPerspectiveTransform(corners, target)
    rgb = np.asarray(image.convert("RGB"))
    out = cv2.warpPerspective(
        rgb, m, (width, height), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    )
    return Image.fromarray(np.asarray(out, dtype=np.uint8), "RGB")
