"""One letter made of several sources (an e-mail's text and its attachments, a Word document's
text and its pictures): their pages one after the other, each read the way its own kind is."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PIL import Image

from ..errors import InputError
from ..model import Box, Word
from .base import MAX_PAGES, Source
from .textlayer import TextLayer


class CompositeSource:
    def __init__(self, path: str, parts: Sequence[Source]) -> None:
        self.path = path
        self._parts = list(parts)
        self._index: list[tuple[Source, int]] = []
        for part in self._parts:
            self._index += [(part, i) for i in range(part.page_count)]
            if len(self._index) > MAX_PAGES:
                self.close()
                raise InputError(f"{path}: more than {MAX_PAGES} pages")
        if not self._index:
            raise InputError(f"{path}: nothing to show")
        kinds = {p.kind for p in self._parts}
        # A PDF among the parts makes the letter's copy checked as a PDF's is (its text layer
        # was trusted: the copy is read by OCR too).
        self.kind = "pdf" if "pdf" in kinds else ("text" if kinds == {"text"} else "mixed")

    @property
    def page_count(self) -> int:
        return len(self._index)

    def _at(self, index: int) -> tuple[Source, int]:
        if not 0 <= index < len(self._index):
            raise InputError(f"{self.path}: no page {index + 1}")
        return self._index[index]

    def page_kind(self, index: int) -> str:
        """The kind of the source page `index` comes from ('text' pages are not OCR'd)."""
        return self._at(index)[0].kind

    def page_dpi(self, index: int, dpi: int) -> int:
        part, i = self._at(index)
        return part.page_dpi(i, dpi)

    def render(self, index: int, dpi: int) -> Image.Image:
        part, i = self._at(index)
        return part.render(i, dpi)

    def text_words(self, index: int, dpi: int) -> list[Word] | None:
        part, i = self._at(index)
        return part.text_words(i, dpi)

    def text_layer(self, index: int, dpi: int) -> TextLayer | None:
        part, i = self._at(index)
        read_layer = getattr(part, "text_layer", None)
        if read_layer is not None:
            layer: TextLayer | None = read_layer(i, dpi)
            return layer
        words = part.text_words(i, dpi)
        return None if words is None else TextLayer(tuple(words))

    def drawn_boxes(self, index: int, dpi: int) -> list[Box]:
        part, i = self._at(index)
        drawn = getattr(part, "drawn_boxes", None)
        return list(drawn(i, dpi)) if drawn is not None else []

    def page_outline(self, index: int) -> np.ndarray | None:
        part, i = self._at(index)
        outline = getattr(part, "page_outline", None)
        return outline(i) if outline is not None else None

    def has_images(self, index: int) -> bool:
        part, i = self._at(index)
        return part.has_images(i)

    def close(self) -> None:
        for part in self._parts:
            part.close()
