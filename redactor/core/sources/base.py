"""What every input source offers: a page count, page rasters, and text-layer words."""

from __future__ import annotations

from typing import Protocol

from PIL import Image

from ..model import Word

# Caps that keep hostile files from eating the machine. A page raster above MAX_PAGE_PIXELS
# is rendered at a lower DPI instead; documents above MAX_PAGES are refused.
MAX_PAGES = 1000
MAX_PAGE_PIXELS = 40_000_000
MAX_IMAGE_PIXELS = 180_000_000  # a decoded input image above this is refused (decompression bomb)
DEFAULT_DPI = 200


class Source(Protocol):
    kind: str
    path: str

    @property
    def page_count(self) -> int: ...

    def page_dpi(self, index: int, dpi: int) -> int:
        """The DPI page `index` is actually rasterised at when `dpi` is asked for."""
        ...

    def render(self, index: int, dpi: int) -> Image.Image:
        """The page as an RGB image at page_dpi(index, dpi)."""
        ...

    def text_words(self, index: int, dpi: int) -> list[Word] | None:
        """Words of a text layer in pixel coordinates of render(); None when there is none."""
        ...

    def has_images(self, index: int) -> bool:
        """Whether the page holds images (ink that may carry words the text layer lacks)."""
        ...

    def close(self) -> None: ...
