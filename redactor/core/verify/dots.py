"""Finding a printer's yellow tracking-dot pattern in a page image.

Colour laser printers add a grid of tiny pale-yellow dots (about 0.1 mm, about 1 mm apart,
repeating over the whole page) that encodes the printer's serial number and the time of
printing. A scan of such a print carries them. A dot pattern is reported only when both hold:
there are many small, isolated, light yellow specks away from the ink, and their layout repeats
(a strong peak of their autocorrelation at a lag between 0.5 and 4 mm). Yellow areas (a
highlighter, a photo) are not isolated specks, and specks of scanner noise do not repeat, so
colour photos and colour scans without the pattern do not trip it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageFilter

# A speck is "yellow" when (R+G)/2 - B exceeds the paper's by this much, and "light" above
# this luminance.
YELLOW_DELTA = 8
LIGHT_MIN = 165
DARK_MAX = 150  # ink: specks this close to it are colour fringes, not dots
MAX_SIDE_PX = 2400  # a larger page is checked on a central crop (the pattern covers the page)
MIN_SPECKS = 200  # speck pixels, and at least MIN_DENSITY per mm² of the page looked at
MIN_DENSITY = 0.02  # a real grid gives about one dot (1 to 6 px) per 2 mm²
MIN_PEAK = 0.2  # share of specks with a partner at the same lag
MIN_CONTRAST = 8.0  # peak over the mean of the lags looked at


@dataclass(frozen=True)
class DotPattern:
    specks: int  # light yellow pixels in isolated specks
    period_mm: float  # the lag of the strongest repeat
    peak: float  # share of speck pixels repeating at that lag


def paper_colour(rgb: np.ndarray) -> tuple[int, int, int]:
    """The median colour of the lightest fifth of the pixels (the paper)."""
    small = rgb[:: max(1, rgb.shape[0] // 400), :: max(1, rgb.shape[1] // 400)].reshape(-1, 3)
    lum = small @ np.array([299, 587, 114]) // 1000
    light = small[lum >= np.percentile(lum, 80)]
    if not len(light):
        return (255, 255, 255)
    med = np.median(light, axis=0)
    return (int(med[0]), int(med[1]), int(med[2]))


def _box_mean(mask: np.ndarray, radius: int) -> np.ndarray:
    """The share (0..255) of set pixels in a (2r+1)-square around each pixel."""
    img = Image.fromarray((mask * 255).astype(np.uint8), "L")
    return np.asarray(img.filter(ImageFilter.BoxBlur(radius)))


def _grow(mask: np.ndarray, size: int) -> np.ndarray:
    img = Image.fromarray((mask * 255).astype(np.uint8), "L")
    return np.asarray(img.filter(ImageFilter.MaxFilter(size))) > 0


def speck_mask(
    rgb: np.ndarray, dpi: float, paper: tuple[int, int, int] | None = None, near_ink: bool = True
) -> np.ndarray:
    """Light yellow pixels that form small isolated specks (at most a quarter of a 0.8 mm
    square around them is such a pixel). With `near_ink` False, specks within 0.3 mm of ink are
    left out (colour fringes of the letters)."""
    paper = paper or paper_colour(rgb)
    r = rgb[..., 0].astype(np.int32)
    g = rgb[..., 1].astype(np.int32)
    b = rgb[..., 2].astype(np.int32)
    lum = (r * 299 + g * 587 + b * 114) // 1000
    yellow = (r + g) // 2 - b
    paper_yellow = (paper[0] + paper[1]) // 2 - paper[2]
    cand = (lum >= LIGHT_MIN) & (yellow - paper_yellow >= YELLOW_DELTA)
    if not cand.any():
        return cand
    radius = max(2, round(0.4 * dpi / 25.4))
    isolated = _box_mean(cand, radius) <= 64
    specks = cand & isolated
    if not near_ink:
        ink = lum < DARK_MAX
        specks &= ~_grow(ink, 2 * max(1, round(0.3 * dpi / 25.4)) + 1)
    return specks


def _crop(image: Image.Image) -> np.ndarray:
    """The page's centre, at most MAX_SIDE_PX square, as RGB."""
    w, h = image.size
    x0, y0 = max(0, (w - MAX_SIDE_PX) // 2), max(0, (h - MAX_SIDE_PX) // 2)
    box = (x0, y0, min(w, x0 + MAX_SIDE_PX), min(h, y0 + MAX_SIDE_PX))
    return np.asarray(image.crop(box).convert("RGB"))


def find_dot_pattern(image: Image.Image, dpi: float) -> DotPattern | None:
    """The yellow dot pattern of a page image, or None."""
    if image.mode in ("1", "L", "LA", "I", "F"):
        return None  # no colour, no yellow
    rgb = _crop(image)
    specks = speck_mask(rgb, dpi, near_ink=False)
    n = int(specks.sum())
    area_mm2 = specks.size * (25.4 / dpi) ** 2
    if n < max(MIN_SPECKS, MIN_DENSITY * area_mm2):
        return None
    grown = _grow(specks, 3).astype(np.float32)  # one pixel of tolerance for resampling
    spectrum = np.fft.rfft2(grown)
    ac = np.fft.irfft2(spectrum * np.conj(spectrum), s=grown.shape)
    zero = float(ac[0, 0])
    if zero <= 0:
        return None
    h, w = grown.shape
    ys = np.fft.fftfreq(h, 1.0 / h)[:, None]
    xs = np.fft.fftfreq(w, 1.0 / w)[None, :]
    lag_mm = np.sqrt(ys**2 + xs**2) * 25.4 / dpi
    ring = (lag_mm >= 0.5) & (lag_mm <= 4.0)
    if not ring.any():
        return None
    values = ac[ring] / zero
    lags = lag_mm[ring]
    peak, mean = float(values.max()), float(values.mean())
    if peak < MIN_PEAK or peak < MIN_CONTRAST * max(mean, 1e-9):
        return None
    period = float(lags[values >= 0.8 * peak].min())  # the lattice step, not a multiple of it
    return DotPattern(n, round(period, 2), round(peak, 3))
