"""Input sources. The type is found from the file's content, not its name."""

from __future__ import annotations

import io
import os
from typing import BinaryIO

from ..errors import InputError, MissingDependency
from ..sandbox import open_input
from .base import DEFAULT_DPI, MAX_PAGES, Source
from .composite import CompositeSource
from .document import DocumentSource
from .image import ImageSource
from .mail import looks_like_mail, mail_sources
from .office import docx_sections, odt_sections, zip_kind
from .pdf import PdfSource
from .text import MAX_TEXT_BYTES, TextSource

__all__ = ["DEFAULT_DPI", "MAX_PAGES", "Source", "open_source", "sniff", "SUPPORTED_SUFFIXES"]

SUPPORTED_SUFFIXES: tuple[str, ...] = (
    *(".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".webp", ".txt"),
    *(".docx", ".odt", ".eml", ".heic", ".heif"),
)
# Containers read whole into memory (within the worker's memory cap) before parsing.
MAX_CONTAINER_BYTES = 100_000_000
MAX_MEDIA_PAGES = 50  # pictures in a Word or OpenDocument file shown as pages of their own
MIN_MEDIA_SIDE = 48  # smaller pictures (bullets, icons) carry no words worth a page
_HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1")

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
    """'pdf', 'image', 'heic', 'zip' (Word, OpenDocument), 'eml' or 'text' from the first
    bytes of a file (the suffix only tells text from an e-mail)."""
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(_IMAGE_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return "image"
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return "heic"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if suffix == ".eml" or (suffix != ".txt" and looks_like_mail(head)):
        return "eml"
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
        if kind == "heic":
            _heif_opener()
            kind = "image"
        if kind == "image":
            return ImageSource(p, whole_photo=whole_photo, stream=fh)
        if kind in ("zip", "eml"):
            with fh:
                data = _read_all(fh, p)
            return _one(p, open_bytes(data, p, 0, whole_photo, kind))
        return TextSource(p, stream=fh)
    except BaseException:
        fh.close()
        raise


def _read_all(fh: BinaryIO, path: str) -> bytes:
    try:
        data = fh.read(MAX_CONTAINER_BYTES + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if len(data) > MAX_CONTAINER_BYTES:
        raise InputError(f"{path}: the file is too large")
    return bytes(data)


def _one(path: str, sources: list[Source]) -> Source:
    return sources[0] if len(sources) == 1 else CompositeSource(path, sources)


def _heif_opener() -> None:
    """Let Pillow open HEIC/HEIF photos (pillow-heif, an optional dependency)."""
    try:
        import pillow_heif
    except ImportError:
        raise MissingDependency(
            "HEIC photos need the pillow-heif package (pip install pillow-heif)"
        ) from None
    pillow_heif.register_heif_opener()


def open_bytes(
    data: bytes, what: str, depth: int, whole_photo: bool = False, kind: str = ""
) -> list[Source]:
    """The sources of a letter (or an e-mail's attachment) held in memory: one, or several for
    an e-mail with attachments and a document with pictures."""
    if not data:
        raise InputError(f"{what}: the file is empty")
    kind = kind or sniff(data[:4096])
    if kind == "pdf":
        return [PdfSource(what, stream=io.BytesIO(data))]
    if kind == "heic":
        _heif_opener()
        kind = "image"
    if kind == "image":
        return [ImageSource(what, whole_photo=whole_photo, stream=io.BytesIO(data))]
    if kind == "eml":
        return mail_sources(data, what, lambda d, w, n: open_bytes(d, w, n, whole_photo), depth)
    if kind == "zip":
        office = zip_kind(data, what)
        sections = docx_sections(data, what) if office == "docx" else odt_sections(data, what)
        out: list[Source] = [DocumentSource(what, sections)]
        try:
            out += _media(data, what, office, whole_photo)
        except BaseException:
            for src in out:
                src.close()
            raise
        return out
    if len(data) > MAX_TEXT_BYTES:
        raise InputError(f"{what}: the text is too large")
    return [TextSource(what, data=data)]


def _media(data: bytes, what: str, office: str, whole_photo: bool) -> list[Source]:
    """Pictures inside a Word or OpenDocument file, each a page (they may show words)."""
    from .safezip import SafeZip

    z = SafeZip(data, what)
    folder = "word/media/" if office == "docx" else "Pictures/"
    out: list[Source] = []
    for name in sorted(n for n in z.names() if n.startswith(folder)):
        blob = z.read(name)
        head = blob[:4096]
        if sniff_image(head) is None:
            continue  # drawings (EMF, WMF, SVG) are not shown
        src = ImageSource(f"{what} (picture)", whole_photo=False, stream=io.BytesIO(blob))
        w, h = src._im.size
        if min(w, h) < MIN_MEDIA_SIDE:
            src.close()
            continue
        if len(out) >= MAX_MEDIA_PAGES:
            src.close()
            raise InputError(f"{what}: more than {MAX_MEDIA_PAGES} pictures")
        out.append(src)
    return out


def sniff_image(head: bytes) -> str | None:
    if head.startswith(_IMAGE_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return "image"
    return None
