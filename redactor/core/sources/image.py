"""Image input: JPEG, PNG, TIFF (every frame), WebP, with EXIF orientation applied.

The page raster is the image as the editor sees it (upright, RGB, high bit depths scaled
rather than clipped). No metadata travels further than this module."""

from __future__ import annotations

import warnings
from typing import BinaryIO

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from ..errors import InputError
from ..model import Word
from .base import DEFAULT_DPI, MAX_IMAGE_PIXELS, MAX_PAGE_PIXELS, MAX_PAGES
from .photo import cut_page, find_page

Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS


def _to_rgb(frame: Image.Image) -> Image.Image:
    """RGB with the full range of deep images scaled to 8 bits (not clipped)."""
    if frame.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        arr = np.asarray(frame, dtype=np.float64)
        lo, hi = float(arr.min()), float(arr.max())
        if hi <= lo:
            arr = np.zeros_like(arr)
        else:
            arr = (arr - lo) * (255.0 / (hi - lo))
        return Image.fromarray(arr.astype(np.uint8), "L").convert("RGB")
    if frame.mode in ("RGBA", "LA", "PA") or (frame.mode == "P" and "transparency" in frame.info):
        # Flatten onto white: what a viewer shows. Hidden RGB under transparent pixels is dropped.
        rgba = frame.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    return frame.convert("RGB")


class ImageSource:
    kind = "image"

    def __init__(
        self, path: str, whole_photo: bool = False, stream: BinaryIO | None = None
    ) -> None:
        """`whole_photo`: keep a photo's background (by default a photo without a resolution
        of its own is cut to the page it shows). `stream`: the file, already open (closed with
        the source); else `path` is opened."""
        self.path = path
        self.whole_photo = whole_photo
        self._stream = stream
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                self._im = Image.open(stream if stream is not None else path)
                self._im.size  # noqa: B018 - forces the header to be parsed
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise InputError(f"{path}: the image is too large to open safely") from None
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
            raise InputError(f"{path}: not a readable image ({exc})") from None
        w, h = self._im.size
        if w <= 0 or h <= 0 or w * h > MAX_IMAGE_PIXELS:
            raise InputError(f"{path}: the image size {w}x{h} is not acceptable")
        self._count = int(getattr(self._im, "n_frames", 1) or 1)
        if self._count > MAX_PAGES:
            raise InputError(f"{path}: {self._count} pages is more than the limit of {MAX_PAGES}")
        self._cache: dict[int, Image.Image] = {}
        self._outline: np.ndarray | None = None

    @property
    def page_count(self) -> int:
        return self._count

    def _stated_dpi(self) -> int:
        """The image's own resolution, 0 when it has none worth believing (a phone photo)."""
        dpi = self._im.info.get("dpi")
        try:
            value = int(round(float(dpi[0]))) if dpi else 0
        except (TypeError, ValueError, IndexError):
            value = 0
        return value if 100 <= value <= 1200 else 0

    def _native_dpi(self, size: tuple[int, int] | None = None) -> int:
        stated = self._stated_dpi()
        if stated:
            return stated
        # No usable resolution (phone photos say 72 or nothing): assume the longer side is
        # an A4 page's, so the exported page has a sensible size.
        w, h = size or self._im.size
        return max(50, min(600, round(max(w, h) / 11.69))) if max(w, h) else DEFAULT_DPI

    def _frame(self, index: int) -> Image.Image:
        if index in self._cache:
            return self._cache[index]
        try:
            self._im.seek(index)
            frame = self._im.copy()
            frame.load()
            frame = ImageOps.exif_transpose(frame) or frame
            rgb = _to_rgb(frame)
        except (OSError, ValueError, SyntaxError, EOFError, Image.DecompressionBombError) as exc:
            raise InputError(f"{self.path}: page {index + 1} cannot be decoded ({exc})") from None
        self._outline = None
        if not self._stated_dpi():
            if self.whole_photo:  # the background stays, but only the page is held to account
                self._outline = find_page(rgb)
            else:
                page = cut_page(rgb)  # a photo: the page, not the desk it lies on
                if page is not None:
                    rgb = page
        w, h = rgb.size
        if w * h > MAX_PAGE_PIXELS:
            factor = (MAX_PAGE_PIXELS / (w * h)) ** 0.5
            rgb = rgb.resize(
                (max(1, int(w * factor)), max(1, int(h * factor))), Image.Resampling.LANCZOS
            )
            if self._outline is not None:
                self._outline = self._outline * factor
        self._cache = {index: rgb}  # keep one frame only
        return rgb

    def page_outline(self, index: int) -> np.ndarray | None:
        """The corners of the page in a photo kept whole (render's pixels), else None."""
        self._frame(index)
        return self._outline

    def page_dpi(self, index: int, dpi: int) -> int:
        if not self._stated_dpi():
            return self._native_dpi(self._frame(index).size)
        native = self._native_dpi()
        self._im.seek(index)
        w, h = self._im.size
        if w * h > MAX_PAGE_PIXELS:
            native = max(1, int(native * (MAX_PAGE_PIXELS / (w * h)) ** 0.5))
        return native

    def render(self, index: int, dpi: int) -> Image.Image:
        # Images keep their own resolution: scaling would only lose detail or add bytes.
        return self._frame(index)

    def text_words(self, index: int, dpi: int) -> list[Word] | None:
        return None

    def has_images(self, index: int) -> bool:
        return True

    def close(self) -> None:
        self._im.close()
        if self._stream is not None:
            self._stream.close()
        self._cache.clear()
