"""A safe PNG: the pixels and nothing else.

The file has only the chunks that carry the image (IHDR, PLTE for palettes, IDAT, IEND): no text
chunks (tEXt, zTXt, iTXt), no EXIF (eXIf), no ICC profile (iCCP), no time (tIME), no physical
size (pHYs).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

from PIL import Image

from .burn import flatten


def write_png(image: Image.Image, out_path: str | os.PathLike[str] | BinaryIO) -> None:
    """Write `image` as a PNG with no metadata at all. A 1-bit image stays 1-bit."""
    if image.mode == "1":
        clean = Image.frombytes("1", image.size, image.tobytes())
    else:
        clean = flatten(image)
    clean.info.clear()
    # Passing no pnginfo, icc_profile, exif or dpi: Pillow then writes the image chunks only.
    if isinstance(out_path, (str, os.PathLike)):
        with open(Path(out_path), "wb") as fh:
            clean.save(fh, format="PNG", optimize=False, compress_level=6)
    else:
        clean.save(out_path, format="PNG", optimize=False, compress_level=6)
