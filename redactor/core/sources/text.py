"""Plain-text letters (UTF-8 or cp1251) laid out as A4 pages.

Laid out as a document of one section (`document.py`): the words are drawn into the page
raster, so each word's box is known exactly and the export path is the same as for any other
page."""

from __future__ import annotations

import os
from typing import BinaryIO

from ..errors import InputError
from .document import DocumentSource, Section

MAX_TEXT_BYTES = 20_000_000


def decode_text(data: bytes, path: str) -> str:
    if b"\x00" in data[:4096]:
        raise InputError(f"{path}: not a text file (binary content)")
    for enc in ("utf-8-sig", "cp1251"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{path}: the text is neither UTF-8 nor cp1251")


class TextSource(DocumentSource):
    """A plain-text letter: a document of one section, its body."""

    def __init__(
        self, path: str, data: bytes | None = None, stream: BinaryIO | None = None
    ) -> None:
        """`stream`: the file, already open (read and closed here); else `path` is opened."""
        try:
            if data is None:
                with stream if stream is not None else open(path, "rb") as fh:
                    if os.fstat(fh.fileno()).st_size > MAX_TEXT_BYTES:
                        raise InputError(f"{path}: the text file is too large")
                    data = fh.read()
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror})") from None
        text = decode_text(data, path)
        if not text.strip():
            raise InputError(f"{path}: the text file is empty")
        super().__init__(path, [Section("", (text,))])
