"""A small raw PDF writer for the leak battery: each dirty input is built byte by byte in the
test, with nothing of our own exporter in it."""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


# --- a raw PDF writer --------------------------------------------------------------------------


def pdf_str(text: str) -> bytes:
    """A PDF literal string (Latin-1 text) or a UTF-16 hex string for anything else."""
    try:
        raw = text.encode("latin-1")
        return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"
    except UnicodeEncodeError:
        return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


class RawPdf:
    """Objects as bytes, numbered in order; object 1 is the catalog, 2 the page tree."""

    def __init__(self) -> None:
        self.objs: list[bytes | None] = [None, None]
        self.pages: list[int] = []
        self.catalog_extra = b""
        self.pages_extra = b""  # entries of the page tree's root (e.g. an inherited /MediaBox)
        self.font = self.add(
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
        )

    def reserve(self) -> int:
        self.objs.append(None)
        return len(self.objs)

    def set(self, num: int, body: bytes) -> int:
        self.objs[num - 1] = body
        return num

    def add(self, body: bytes) -> int:
        self.objs.append(body)
        return len(self.objs)

    def stream(self, data: bytes, entries: bytes = b"", flate: bool = True) -> int:
        if flate:
            data = zlib.compress(data)
            entries += b" /Filter /FlateDecode"
        head = b"<< " + entries + b" /Length " + str(len(data)).encode() + b" >>\nstream\n"
        return self.add(head + data + b"\nendstream")

    def image(self, img: Image.Image, smask: Image.Image | None = None) -> int:
        grey = img.mode == "L"
        img = img if grey else img.convert("RGB")
        cs = b"/DeviceGray" if grey else b"/DeviceRGB"
        extra = b""
        if smask is not None:
            extra = b" /SMask %d 0 R" % self.image(smask.convert("L"))
        entries = b"/Type /XObject /Subtype /Image /Width %d /Height %d" % img.size
        entries += b" /ColorSpace " + cs + b" /BitsPerComponent 8" + extra
        return self.stream(img.tobytes(), entries)

    def jpeg(self, data: bytes, size: tuple[int, int]) -> int:
        entries = b"/Type /XObject /Subtype /Image /Width %d /Height %d" % size
        entries += b" /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode"
        head = b"<< " + entries + b" /Length " + str(len(data)).encode() + b" >>\nstream\n"
        return self.add(head + data + b"\nendstream")

    def page(
        self,
        content: bytes,
        size: tuple[float, float] | None = (300, 200),
        xobjects: dict[str, int] | None = None,
        resources: bytes = b"",
        extra: bytes = b"",
        fonts: dict[str, int] | None = None,
    ) -> int:
        xo = b"".join(b"/%s %d 0 R " % (k.encode(), v) for k, v in (xobjects or {}).items())
        more = b"".join(b"/%s %d 0 R " % (k.encode(), v) for k, v in (fonts or {}).items())
        res = b"<< /Font << /F1 %d 0 R %s>> /XObject << %s>> %s >>" % (
            self.font,
            more,
            xo,
            resources,
        )
        contents = self.stream(content)
        body = b"<< /Type /Page /Parent 2 0 R "
        if size is not None:  # None: the page inherits its /MediaBox from the page tree
            body += b"/MediaBox [0 0 %g %g] " % size
        body += b"/Resources " + res + b" /Contents %d 0 R " % contents + extra + b" >>"
        num = self.add(body)
        self.pages.append(num)
        return num

    def bytes(self, info: bytes | None = None, file_id: bytes | None = None) -> bytes:
        kids = b" ".join(b"%d 0 R" % p for p in self.pages)
        self.objs[1] = b"<< /Type /Pages /Kids [%s] /Count %d %s>>" % (
            kids,
            len(self.pages),
            self.pages_extra,
        )
        self.objs[0] = b"<< /Type /Catalog /Pages 2 0 R " + self.catalog_extra + b" >>"
        info_num = self.add(info) if info is not None else 0
        out = io.BytesIO()
        out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for n, body in enumerate(self.objs, start=1):
            assert body is not None, f"object {n} was reserved and never set"
            offsets.append(out.tell())
            out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
        xref = out.tell()
        out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(self.objs) + 1))
        for off in offsets:
            out.write(b"%010d 00000 n \n" % off)
        trailer = b"<< /Size %d /Root 1 0 R" % (len(self.objs) + 1)
        if info_num:
            trailer += b" /Info %d 0 R" % info_num
        if file_id is not None:
            trailer += b" /ID [<%s> <%s>]" % (file_id.hex().encode(), file_id.hex().encode())
        out.write(b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref)
        return out.getvalue()

    def write(self, path: Path, info: bytes | None = None, file_id: bytes | None = None) -> Path:
        path.write_bytes(self.bytes(info, file_id))
        return path


def incremental_update(data: bytes, objects: dict[int, bytes]) -> bytes:
    """Append a revision replacing `objects` (number -> body), as an editor's 'save' does."""
    prev = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    size = int(re.findall(rb"/Size (\d+)", data)[-1])
    out = io.BytesIO(data)
    out.seek(0, 2)
    offsets = {}
    for num, body in sorted(objects.items()):
        offsets[num] = out.tell()
        out.write(b"%d 0 obj\n" % num + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n")
    for num, off in sorted(offsets.items()):
        out.write(b"%d 1\n%010d 00000 n \n" % (num, off))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R /Prev %d >>\n" % (size, prev))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def text_ops(lines: Iterable[tuple[float, float, str]], size: int = 14, mode: int = 0) -> bytes:
    """Helvetica text at (x, y) in points."""
    ops = b"BT /F1 %d Tf %d Tr " % (size, mode)
    for x, y, text in lines:
        ops += b"1 0 0 1 %g %g Tm %s Tj " % (x, y, pdf_str(text))
    return ops + b"ET\n"


def type3_font(pdf: RawPdf, letters: str, glyph: bytes = b"") -> int:
    """A Type 3 font for `letters` (each drawn at its own code, 600 units wide, named after
    itself so the text layer reads the letters), every glyph drawn by `glyph` (content-stream
    operators in the 1000-unit glyph space; empty: glyphs that draw nothing)."""
    codes = sorted({ord(ch) for ch in letters})
    procs = b""
    for code in codes:
        proc = pdf.stream(b"600 0 0 0 600 750 d1 " + glyph, flate=False)
        procs += b"/%s %d 0 R " % (chr(code).encode(), proc)
    diffs = b" ".join(b"%d /%s" % (c, chr(c).encode()) for c in codes)
    widths = b" ".join(b"600" for _ in range(codes[0], codes[-1] + 1))
    return pdf.add(
        b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 600 750] /FontMatrix [0.001 0 0 0.001 0 0]"
        b" /CharProcs << "
        + procs
        + b">> /Encoding << /Type /Encoding /Differences ["
        + diffs
        + b"] >> /FirstChar %d /LastChar %d /Widths [%s] /Resources << >> >>"
        % (codes[0], codes[-1], widths)
    )


def text_image(
    lines: Sequence[tuple[int, int, str]],
    size: tuple[int, int] = (600, 400),
    font_px: int = 32,
    ink: int | tuple[int, int, int] = 0,
    mode: str = "RGB",
) -> Image.Image:
    """A white image with DejaVu Sans text lines at pixel positions."""
    img = Image.new(mode, size, "white")
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, font_px)
    for x, y, text in lines:
        draw.text((x, y), text, fill=ink, font=font)
    return img


def text_bbox(x: int, y: int, text: str, font_px: int = 32) -> tuple[int, int, int, int]:
    """The ink box of `text` drawn by text_image at (x, y)."""
    font = ImageFont.truetype(FONT, font_px)
    return ImageDraw.Draw(Image.new("L", (1, 1))).textbbox((x, y), text, font=font)
