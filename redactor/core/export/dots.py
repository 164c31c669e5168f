"""Printer tracking dots: what a copy's colour pages become by default.

A colour laser print carries a grid of pale-yellow dots that encodes the printer's serial number
and the time of printing; a scan of it keeps them. Greyscale alone does not remove them (a dot of
(255, 255, 180) is a grey of 246 on a paper of 255, still there for anyone who looks), so every
colour page is cleaned first:

- every small isolated light-yellow speck (yellower than the paper, light, at most a quarter of
  the 0.8 mm square around it) is set to the paper's colour, and so
  is every light pixel of no clear colour (the paper's texture and noise, and with them the
  faint halo of each dot, which a spectrum of the page would otherwise still show). Large
  yellow areas (a highlighter stroke, a yellow stamp, a photo) are kept: they are no dot grid,
  and their own colour is what the letter shows. Dots lying on such an area are lost in its
  colour anyway.
- then, when the page has no colour worth keeping (after balancing the paper to white, fewer
  than 0.03% of its pixels, at least 200 of them, are clearly coloured), it is written in
  greyscale: a typed or handwritten letter in black or pencil. A blue signature, a stamp, a
  highlighter or a photo keep the page in colour (cleaned).

`keep_colour` (the CLI's --color) leaves the page exactly as it was; --bw writes 1-bit pages.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageChops

from ..verify.dots import paper_colour, speck_mask

COLOUR_CHROMA = 48  # a clearly coloured pixel, after white balance
COLOUR_SHARE = 0.0003
COLOUR_MIN_PX = 200
PAPER_RANGE = 24  # luminance levels below the paper's that still count as paper
FLAT_CHROMA = 40
_STRIP_ROWS = 1024


def colour_worth_keeping(image: Image.Image) -> bool:
    """Whether the page shows colour beyond paper, ink and dots (a pen, a stamp, a photo)."""
    if image.mode not in ("RGB", "RGBA", "P", "CMYK", "YCbCr", "LAB", "HSV"):
        return False
    rgb = image.convert("RGB")
    factor = -(-max(rgb.size) // 1000)
    if factor > 1:  # averaging also melts the tiny dots into the paper
        rgb = rgb.reduce(factor)
    arr = np.asarray(rgb)
    paper = np.maximum(np.array(paper_colour(arr), dtype=np.float32), 1.0)
    r, g, b = (np.minimum(arr[..., i] * (255.0 / paper[i]), 255.0) for i in range(3))
    chroma = np.maximum(np.maximum(r, g), b) - np.minimum(np.minimum(r, g), b)
    lum = 0.299 * r + 0.587 * g + 0.114 * b
    coloured = int(((chroma >= COLOUR_CHROMA) & (lum < 240)).sum())
    return coloured >= max(COLOUR_MIN_PX, COLOUR_SHARE * chroma.size)


def clean_tracking_dots(image: Image.Image, dpi: float) -> Image.Image:
    """A new RGB image with every isolated light-yellow speck set to the paper's colour, and
    then the paper flattened: every light pixel of no clear colour (within PAPER_RANGE of the
    paper's luminance, chroma below FLAT_CHROMA) becomes the paper's colour too, so no faint
    halo of a dot is left for a spectrum to find. Works in strips of rows to bound memory on
    large scans."""
    rgb = np.array(image.convert("RGB"))
    paper = paper_colour(rgb)
    paper_lum = (paper[0] * 299 + paper[1] * 587 + paper[2] * 114) // 1000
    h = rgb.shape[0]
    pad = max(4, round(0.4 * dpi / 25.4) + 3)
    for y0 in range(0, h, _STRIP_ROWS):
        top, bottom = max(0, y0 - pad), min(h, y0 + _STRIP_ROWS + pad)
        lo, hi = y0 - top, y0 - top + min(_STRIP_ROWS, h - y0)
        strip = rgb[top:bottom]
        specks = speck_mask(strip, dpi, paper)
        r, g, b = (strip[..., i].astype(np.int32) for i in range(3))
        lum = (r * 299 + g * 587 + b * 114) // 1000
        chroma = np.maximum(np.maximum(r, g), b) - np.minimum(np.minimum(r, g), b)
        flat = (lum >= paper_lum - PAPER_RANGE) & (chroma < FLAT_CHROMA)
        flat |= specks  # (their faint rings are light and of no clear colour: flat already)
        part = strip[lo:hi]  # a view: writes go into rgb
        part[flat[lo:hi]] = paper
    return Image.fromarray(rgb, "RGB")


def without_tracking_dots(image: Image.Image, dpi: float) -> Image.Image:
    """The default look of a copy's page: greyscale when it has no colour worth keeping,
    otherwise colour with the tracking dots cleaned. Grey and 1-bit pages pass unchanged."""
    if image.mode in ("1", "L"):
        return image
    if image.mode == "RGB":
        r, g, b = image.split()
        if (
            ImageChops.difference(r, g).getbbox() is None
            and ImageChops.difference(r, b).getbbox() is None
        ):
            return r  # a grey page rendered as RGB: no colour, no yellow
    cleaned = clean_tracking_dots(image, dpi)
    if colour_worth_keeping(cleaned):
        return cleaned
    return cleaned.convert("L")
