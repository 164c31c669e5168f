"""Input sources. The type is found from the file's content, not its name."""

from __future__ import annotations

import os

from ..errors import InputError
from ..sandbox import open_input
from .base import DEFAULT_DPI, MAX_PAGES, Source
from .image import ImageSource
from .pdf import PdfSource
from .text import TextSource

__all__ = ["DEFAULT_DPI", "MAX_PAGES", "Source", "open_source", "sniff", "SUPPORTED_SUFFIXES"]

SUPPORTED_SUFFIXES = (".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".webp", ".txt")

_IMAGE_MAGIC = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"II*\x00",
    b"MM\x00*",
    b"II+\x00",
    b"MM\x00+",
    b"GIF8",
    b"BM",
)


def sniff(head: bytes, suffix: str = "") -> str:
    """'pdf', 'image' or 'text' from the first bytes of a file."""
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(_IMAGE_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return "image"
    if suffix == ".txt" or not head:
        return "text"
    stripped = head.lstrip()[:64].lower()
    if stripped.startswith((b"<!doctype", b"<html", b"<?xml")):
        raise InputError("this is an HTML/XML file, not a letter (PDF, image or text)")
    try:
        head.decode("utf-8")
        return "text"
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 4:  # a multi-byte character cut by the sample's end
            return "text"
    try:
        head.decode("cp1251")
        if b"\x00" not in head:
            return "text"
    except UnicodeDecodeError:
        pass
    raise InputError("not a PDF, image or text file")


def open_source(
    path: str | os.PathLike[str], password: str | None = None, whole_photo: bool = False
) -> Source:
    """Open an input read-only. Raises InputError with a one-line reason. `whole_photo`:
    keep a photo's background (by default a photo is cut to the page it shows)."""
    p = os.fspath(path)
    try:
        if os.path.isdir(p):
            raise InputError(f"{p}: is a folder")
        # In a confined worker the app hands the file over (sandbox.py): it is read from this
        # descriptor, never opened again by name.
        fh = open_input(p)
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except PermissionError:
        raise InputError(f"{p}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror})") from None
    try:
        try:
            head = fh.read(4096)
            fh.seek(0)
        except OSError as exc:
            raise InputError(f"{p}: cannot read ({exc.strerror})") from None
        if not head:
            raise InputError(f"{p}: the file is empty")
        try:
            kind = sniff(head, os.path.splitext(p)[1].lower())
        except InputError as exc:
            raise InputError(f"{p}: {exc}") from None
        if kind == "pdf":
            return PdfSource(p, password, stream=fh)
        if kind == "image":
            return ImageSource(p, whole_photo=whole_photo, stream=fh)
        return TextSource(p, stream=fh)
    except BaseException:
        fh.close()
        raise
